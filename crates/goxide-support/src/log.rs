//! Go's `log` package through its standard logger with the default settings (`LstdFlags`):
//! each message goes to standard error after a `2009/11/10 23:00:00 ` date and time stamp,
//! with a newline added when it has none.
//!
//! The stamp is UTC: Go's is local time, the same only where the local zone is UTC.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

/// The civil date and time of `secs` seconds after the Unix epoch (UTC), as Go's `log`
/// prints it: `2009/11/10 23:00:00`.
pub fn stamp(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Days to civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}/{month:02}/{day:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// The line `log.Print` writes for `msg`.
pub fn line(secs: i64, msg: &str) -> String {
    let mut out = format!("{} {msg}", stamp(secs));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// `log.Print*`: the stamped message on standard error (standard output, unbuffered in Go,
/// is flushed first so that the two interleave as they do in Go).
pub fn print(msg: &str) {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let _ = std::io::stdout().flush();
    let mut err = std::io::stderr();
    let _ = err.write_all(line(secs, msg).as_bytes());
    let _ = err.flush();
}

/// `log.Fatal*`: prints, then exits with status 1 (deferred calls do not run).
pub fn fatal(msg: &str) -> ! {
    print(msg);
    std::process::exit(1)
}

/// `log.Panic*`: prints, then panics with the message.
pub fn panic(msg: String) -> ! {
    print(&msg);
    super::rt::go_panic(msg)
}
