//! Go's `time` package for translated programs: durations, instants, and
//! the timers and tickers that deliver on channels.
//!
//! A `time.Duration` is a [`Duration`], a plain `i64` count of nanoseconds
//! (so constants fold and arithmetic wraps as in Go); its methods are the
//! free functions [`duration_string`], [`seconds`], [`milliseconds`],
//! [`round_duration`], … and [`parse_duration`] is `time.ParseDuration`.
//! A `time.Time` is a [`Time`]: a wall-clock instant plus, for values from
//! [`now`], a reading of the monotonic clock that [`Time::sub`],
//! [`Time::before`] and the other comparisons use, as Go's do. It prints as
//! Go prints a time in UTC.
//!
//! A [`Timer`] or [`Ticker`] is a goroutine ([`super::chan::go`]) that
//! waits for its deadline and then sends the current time on its channel
//! `c` (capacity 1) without blocking, as Go's runtime does: a tick nobody
//! received yet makes the next one be dropped. Because a pending timer is
//! a goroutine, a program that waits on one is not reported as deadlocked
//! (Go's runtime does the same for pending timers), but
//! `runtime.NumGoroutine()` counts pending timers too.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use super::chan::{self, Chan, SendCase};
use super::fmt::{Format, Formatter, Kind};

// ---------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------

/// `time.Duration`: nanoseconds.
pub type Duration = i64;

/// `time.Month` (January is 1); printed by name through `time_layout::month_string`.
pub type Month = i64;

/// `time.Weekday` (Sunday is 0); printed by name through `time_layout::weekday_string`.
pub type Weekday = i64;

pub const NANOSECOND: Duration = 1;
pub const MICROSECOND: Duration = 1_000 * NANOSECOND;
pub const MILLISECOND: Duration = 1_000 * MICROSECOND;
pub const SECOND: Duration = 1_000 * MILLISECOND;
pub const MINUTE: Duration = 60 * SECOND;
pub const HOUR: Duration = 60 * MINUTE;

/// `d.String()`: `1h2m3.5s`, `1.5ms`, `7µs`, `0s`, as Go prints durations.
pub fn duration_string(d: Duration) -> String {
    let sign = if d < 0 { "-" } else { "" };
    let u = d.unsigned_abs();
    if u == 0 {
        return "0s".to_string();
    }
    if u < SECOND as u64 {
        // Under a second: the largest unit that keeps an integer part.
        let (digits, unit) = match u {
            0..=999 => (0, "ns"),
            1_000..=999_999 => (3, "µs"),
            _ => (6, "ms"),
        };
        let (whole, frac) = split_fraction(u, digits);
        return format!("{sign}{whole}{frac}{unit}");
    }
    let (secs, frac) = split_fraction(u, 9);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{sign}{h}h{m}m{s}{frac}s")
    } else if m > 0 {
        format!("{sign}{m}m{s}{frac}s")
    } else {
        format!("{sign}{s}{frac}s")
    }
}

/// `v / 10^digits` and its fraction as `.ddd` without trailing zeros (empty
/// when the fraction is zero).
fn split_fraction(v: u64, digits: u32) -> (u64, String) {
    let scale = 10u64.pow(digits);
    let (whole, frac) = (v / scale, v % scale);
    if frac == 0 {
        return (whole, String::new());
    }
    let frac = format!("{frac:0width$}", width = digits as usize);
    (whole, format!(".{}", frac.trim_end_matches('0')))
}

/// `d.Seconds()`.
pub fn seconds(d: Duration) -> f64 {
    (d / SECOND) as f64 + (d % SECOND) as f64 / 1e9
}

/// `d.Minutes()`.
pub fn minutes(d: Duration) -> f64 {
    (d / MINUTE) as f64 + (d % MINUTE) as f64 / (60.0 * 1e9)
}

/// `d.Hours()`.
pub fn hours(d: Duration) -> f64 {
    (d / HOUR) as f64 + (d % HOUR) as f64 / (60.0 * 60.0 * 1e9)
}

/// `d.Milliseconds()`.
pub fn milliseconds(d: Duration) -> i64 {
    d / MILLISECOND
}

/// `d.Microseconds()`.
pub fn microseconds(d: Duration) -> i64 {
    d / MICROSECOND
}

/// `d.Truncate(m)`: `d` rounded toward zero to a multiple of `m` (`d` itself
/// when `m <= 0`).
pub fn truncate_duration(d: Duration, m: Duration) -> Duration {
    if m <= 0 {
        return d;
    }
    d - d % m
}

/// `d.Round(m)`: `d` rounded to the nearest multiple of `m`, halfway values
/// away from zero, saturating at the extremes (`d` itself when `m <= 0`).
pub fn round_duration(d: Duration, m: Duration) -> Duration {
    if m <= 0 {
        return d;
    }
    let less_than_half = |r: Duration| (r as u64).wrapping_add(r as u64) < m as u64;
    let r = d % m;
    if d < 0 {
        let r = -r;
        if less_than_half(r) {
            return d + r;
        }
        match d.checked_sub(m - r) {
            Some(d1) => d1,
            None => Duration::MIN,
        }
    } else {
        if less_than_half(r) {
            return d - r;
        }
        match d.checked_add(m - r) {
            Some(d1) => d1,
            None => Duration::MAX,
        }
    }
}

/// `d.Abs()`: `|d|`, with the most negative duration giving the largest.
pub fn abs_duration(d: Duration) -> Duration {
    d.checked_abs().unwrap_or(Duration::MAX)
}

/// `time.ParseDuration(s)`: `"300ms"`, `"-1.5h"`, `"2h45m"` (units `ns`,
/// `us`/`µs`, `ms`, `s`, `m`, `h`), with Go's error texts.
pub fn parse_duration(s: &str) -> (Duration, super::errors::Error) {
    match parse_duration_text(s) {
        Ok(d) => (d, None),
        Err(msg) => (0, super::errors::new(msg)),
    }
}

fn parse_duration_text(orig: &str) -> Result<Duration, String> {
    let invalid = || format!("time: invalid duration {}", quote(orig));
    let (neg, mut s) = match orig.as_bytes().first() {
        Some(b'-') => (true, &orig[1..]),
        Some(b'+') => (false, &orig[1..]),
        _ => (false, orig),
    };
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    const LIMIT: u64 = 1 << 63;
    let mut total: u64 = 0;
    while !s.is_empty() {
        if !(s.starts_with('.') || s.as_bytes()[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // The integer part.
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let mut v: u64 = 0;
        for b in s[..digits].bytes() {
            if v > LIMIT / 10 {
                return Err(invalid());
            }
            v = v * 10 + u64::from(b - b'0');
            if v > LIMIT {
                return Err(invalid());
            }
        }
        s = &s[digits..];
        // The fraction: digits past what fits are ignored.
        let (mut frac, mut scale) = (0u64, 1f64);
        if let Some(rest) = s.strip_prefix('.') {
            let frac_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let mut overflow = false;
            for b in rest[..frac_digits].bytes() {
                if overflow || frac > (LIMIT - 1) / 10 {
                    overflow = true;
                    continue;
                }
                let y = frac * 10 + u64::from(b - b'0');
                if y > LIMIT {
                    overflow = true;
                    continue;
                }
                frac = y;
                scale *= 10.0;
            }
            s = &rest[frac_digits..];
            if digits == 0 && frac_digits == 0 {
                return Err(invalid());
            }
        }
        // The unit.
        let unit_len = s
            .bytes()
            .take_while(|&b| b != b'.' && !b.is_ascii_digit())
            .count();
        if unit_len == 0 {
            return Err(format!("time: missing unit in duration {}", quote(orig)));
        }
        let (unit, rest) = s.split_at(unit_len);
        s = rest;
        let unit: u64 = match unit {
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    quote(unit),
                    quote(orig)
                ))
            }
        };
        if v > LIMIT / unit {
            return Err(invalid());
        }
        v *= unit;
        if frac > 0 {
            // Go computes the fraction in float64, nanosecond-exact up to hours.
            v += (frac as f64 * (unit as f64 / scale)) as u64;
            if v > LIMIT {
                return Err(invalid());
            }
        }
        total += v;
        if total > LIMIT {
            return Err(invalid());
        }
    }
    if neg {
        return Ok((total as i64).wrapping_neg());
    }
    if total > LIMIT - 1 {
        return Err(invalid());
    }
    Ok(total as i64)
}

/// The `time` package's quoting of text in error messages: between double
/// quotes, `"` and `\` escaped, and the bytes of control and non-ASCII
/// characters as `\xNN`.
fn quote(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        if c < ' ' || !c.is_ascii() {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        } else {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// `time.Sleep(d)`: returns at once when `d <= 0`.
pub fn sleep(d: Duration) {
    if d > 0 {
        std::thread::sleep(std_duration(d));
    }
}

/// A positive Go duration as a `std::time::Duration` (zero when negative).
fn std_duration(d: Duration) -> std::time::Duration {
    std::time::Duration::from_nanos(d.max(0) as u64)
}

/// A `std::time::Duration` in Go nanoseconds, saturating at `Duration::MAX`.
fn go_duration(d: std::time::Duration) -> Duration {
    Duration::try_from(d.as_nanos()).unwrap_or(Duration::MAX)
}

// ---------------------------------------------------------------------------
// Instants
// ---------------------------------------------------------------------------

/// Seconds from Go's zero time (January 1, year 1, UTC) to the Unix epoch.
const UNIX_TO_INTERNAL: i64 = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * 86_400;

/// `time.Time`. The zero value (`Default`) is Go's zero time, January 1,
/// year 1, 00:00:00 UTC. Values from [`now`] also carry a monotonic clock
/// reading, which differences and comparisons use when both operands have
/// one (so they are immune to changes of the wall clock), as in Go.
///
/// `==` compares the wall time and the monotonic reading, as Go's `==` on
/// `Time` values does; [`Time::equal`] compares instants.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Time {
    /// Seconds since Go's zero time.
    sec: i64,
    /// Nanoseconds within the second, in `0..1_000_000_000`.
    nsec: i64,
    /// Monotonic clock reading.
    mono: Option<Instant>,
}

/// The origin of monotonic clock readings: the first use of the clock (Go's
/// is the start of the process).
fn clock_origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

/// `time.Now()`.
pub fn now() -> Time {
    clock_origin();
    let mono = Some(Instant::now());
    let (secs, nanos) = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, i64::from(d.subsec_nanos())),
        Err(e) => {
            let d = e.duration();
            let (s, n) = (-(d.as_secs() as i64), -i64::from(d.subsec_nanos()));
            if n < 0 {
                (s - 1, n + 1_000_000_000)
            } else {
                (s, n)
            }
        }
    };
    Time {
        sec: secs + UNIX_TO_INTERNAL,
        nsec: nanos,
        mono,
    }
}

/// `time.Since(t)`: `now().sub(t)`.
pub fn since(t: &Time) -> Duration {
    now().sub(t)
}

/// `time.Until(t)`: `t.sub(now())`.
pub fn until(t: &Time) -> Duration {
    t.sub(&now())
}

/// `time.Unix(sec, nsec)`: `nsec` may be outside `0..1e9`.
pub fn unix(sec: i64, nsec: i64) -> Time {
    let (sec, nsec) = (
        sec.wrapping_add(nsec.div_euclid(1_000_000_000)),
        nsec.rem_euclid(1_000_000_000),
    );
    Time {
        sec: sec.wrapping_add(UNIX_TO_INTERNAL),
        nsec,
        mono: None,
    }
}

/// `time.UnixMilli(ms)`.
pub fn unix_milli(ms: i64) -> Time {
    unix(ms.div_euclid(1_000), ms.rem_euclid(1_000) * 1_000_000)
}

impl Time {
    /// Nanoseconds since Go's zero time, exactly.
    fn nanos(&self) -> i128 {
        i128::from(self.sec) * 1_000_000_000 + i128::from(self.nsec)
    }

    /// `t.IsZero()`.
    pub fn is_zero(&self) -> bool {
        self.sec == 0 && self.nsec == 0
    }

    /// `t.Unix()`: seconds since January 1, 1970 UTC.
    pub fn unix(&self) -> i64 {
        self.sec.wrapping_sub(UNIX_TO_INTERNAL)
    }

    /// `t.UnixMilli()`.
    pub fn unix_milli(&self) -> i64 {
        self.unix()
            .wrapping_mul(1_000)
            .wrapping_add(self.nsec / 1_000_000)
    }

    /// `t.UnixMicro()`.
    pub fn unix_micro(&self) -> i64 {
        self.unix()
            .wrapping_mul(1_000_000)
            .wrapping_add(self.nsec / 1_000)
    }

    /// `t.UnixNano()` (wraps outside the years 1678 to 2262, as Go's does).
    pub fn unix_nano(&self) -> i64 {
        self.unix()
            .wrapping_mul(1_000_000_000)
            .wrapping_add(self.nsec)
    }

    /// `t.Nanosecond()`: the offset within the second.
    pub fn nanosecond(&self) -> i64 {
        self.nsec
    }

    /// `t.Add(d)`.
    pub fn add(&self, d: Duration) -> Time {
        let total = self.nanos() + i128::from(d);
        let mono = self.mono.and_then(|m| {
            if d >= 0 {
                m.checked_add(std_duration(d))
            } else {
                m.checked_sub(std::time::Duration::from_nanos(d.unsigned_abs()))
            }
        });
        Time {
            sec: total.div_euclid(1_000_000_000) as i64,
            nsec: total.rem_euclid(1_000_000_000) as i64,
            mono,
        }
    }

    /// `t.Sub(u)`: `t - u`, saturating at the extreme durations.
    pub fn sub(&self, u: &Time) -> Duration {
        if let (Some(a), Some(b)) = (self.mono, u.mono) {
            return if a >= b {
                go_duration(a - b)
            } else {
                go_duration(b - a).checked_neg().unwrap_or(Duration::MIN)
            };
        }
        let d = self.nanos() - u.nanos();
        Duration::try_from(d).unwrap_or(if d < 0 { Duration::MIN } else { Duration::MAX })
    }

    /// `t.Before(u)`.
    pub fn before(&self, u: &Time) -> bool {
        match (self.mono, u.mono) {
            (Some(a), Some(b)) => a < b,
            _ => self.nanos() < u.nanos(),
        }
    }

    /// `t.After(u)`.
    pub fn after(&self, u: &Time) -> bool {
        u.before(self)
    }

    /// `t.Equal(u)`: the same instant.
    pub fn equal(&self, u: &Time) -> bool {
        match (self.mono, u.mono) {
            (Some(a), Some(b)) => a == b,
            _ => self.nanos() == u.nanos(),
        }
    }

    /// `t.Compare(u)` (Go 1.20): -1, 0 or +1.
    pub fn compare(&self, u: &Time) -> i64 {
        if self.before(u) {
            -1
        } else if u.before(self) {
            1
        } else {
            0
        }
    }
}

/// The civil date (year, month, day) of a count of days since 1970-01-01, in
/// the proleptic Gregorian calendar.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl Time {
    /// `t.String()` for a time in UTC: `2009-11-10 23:00:00.5 +0000 UTC`,
    /// followed by the monotonic clock reading (`m=+0.000012345`) when the
    /// time has one. Go prints the local time zone here; a translated
    /// program prints UTC.
    pub fn string(&self) -> String {
        let unix = self.unix();
        let (days, secs) = (unix.div_euclid(86_400), unix.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        let mut out = format!(
            "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        );
        if self.nsec != 0 {
            let frac = format!("{:09}", self.nsec);
            out.push('.');
            out.push_str(frac.trim_end_matches('0'));
        }
        out.push_str(" +0000 UTC");
        if let Some(m) = self.mono {
            let origin = clock_origin();
            let (sign, d) = if m >= origin {
                ('+', m - origin)
            } else {
                ('-', origin - m)
            };
            out.push_str(&format!(" m={sign}{}.{:09}", d.as_secs(), d.subsec_nanos()));
        }
        out
    }
}

/// Go's `fmt` prints a `time.Time` through its `String` method.
impl Format for Time {
    fn fmt(&self, f: &mut Formatter<'_>, _verb: char) {
        f.write_str(&self.string());
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "time.Time".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
    fn method_string(&self) -> Option<String> {
        Some(self.string())
    }
}

// ---------------------------------------------------------------------------
// Timers and tickers
// ---------------------------------------------------------------------------

#[derive(Debug, Default)]
struct Schedule {
    /// When the next send is due; `None`: stopped or fired.
    deadline: Option<Instant>,
    /// A ticker's interval.
    period: Option<std::time::Duration>,
    /// Whether the goroutine that sends is running.
    running: bool,
}

/// `at + d`, or a time centuries away when that is past what `Instant` holds.
fn later(at: Instant, d: std::time::Duration) -> Instant {
    let century = std::time::Duration::from_secs(100 * 365 * 86_400);
    at.checked_add(d)
        .or_else(|| at.checked_add(century))
        .unwrap_or(at)
}

/// The state a timer's goroutine shares with its handle.
#[derive(Debug, Default)]
struct Clock {
    schedule: Mutex<Schedule>,
    changed: Condvar,
}

impl Clock {
    fn lock(&self) -> MutexGuard<'_, Schedule> {
        self.schedule.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sets the next deadline (and a ticker's period), starting the sending
    /// goroutine if it is not running; returns whether a send was pending.
    fn arm(
        self: &Arc<Self>,
        c: &Chan<Time>,
        d: Duration,
        period: Option<std::time::Duration>,
    ) -> bool {
        let mut s = self.lock();
        let was_active = s.deadline.is_some();
        s.deadline = Some(later(Instant::now(), std_duration(d)));
        s.period = period;
        if s.running {
            self.changed.notify_all();
        } else {
            s.running = true;
            let (clock, c) = (Arc::clone(self), c.clone());
            drop(s);
            chan::go(move || clock.run(&c));
        }
        was_active
    }

    /// Cancels the pending send; returns whether one was pending.
    fn disarm(&self) -> bool {
        let mut s = self.lock();
        let was_active = s.deadline.take().is_some();
        self.changed.notify_all();
        was_active
    }

    /// The sending goroutine: waits for each deadline and sends the time
    /// without blocking; ends when no send is pending. (It takes the
    /// scheduler lock of [`super::chan`] while holding its own, never the
    /// other way round.)
    fn run(&self, c: &Chan<Time>) {
        let mut s = self.lock();
        loop {
            let Some(deadline) = s.deadline else {
                s.running = false;
                return;
            };
            let at = Instant::now();
            if at < deadline {
                s = self
                    .changed
                    .wait_timeout(s, deadline - at)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
                continue;
            }
            // A ticker that fell behind skips the ticks it missed, as Go's does.
            s.deadline = s.period.map(|p| {
                let missed = (at - deadline).as_nanos() / p.as_nanos().max(1);
                let ahead = u32::try_from(missed + 1).unwrap_or(u32::MAX);
                later(deadline, p.saturating_mul(ahead))
            });
            // Sent under the lock, so that no value arrives after `stop` returns.
            let mut send = SendCase::new(c, now());
            chan::select(&mut [&mut send], true);
        }
    }
}

/// `time.Timer` (`*time.Timer` is this handle; its clones share one timer): [`Timer::c`]
/// receives the time once, when the timer fires.
#[derive(Clone, Debug, Default)]
pub struct Timer {
    /// Go's `t.C`.
    pub c: Chan<Time>,
    clock: Arc<Clock>,
}

impl Timer {
    /// `time.NewTimer(d)`.
    pub fn new(d: Duration) -> Timer {
        let t = Timer {
            c: Chan::new(1),
            clock: Arc::default(),
        };
        t.clock.arm(&t.c, d, None);
        t
    }

    /// `t.C` of a `*time.Timer`: the channel the time is sent on.
    pub fn c(&self) -> Chan<Time> {
        self.c.clone()
    }

    /// `t.Stop()`: cancels the timer; false when it had already fired or
    /// been stopped. It does not drain `c`.
    pub fn stop(&self) -> bool {
        if self.c.is_nil() {
            super::rt::go_panic("time: Stop called on uninitialized Timer");
        }
        self.clock.disarm()
    }

    /// `t.Reset(d)`: fires again after `d`; false when the timer had already
    /// fired or been stopped.
    pub fn reset(&self, d: Duration) -> bool {
        if self.c.is_nil() {
            super::rt::go_panic("time: Reset called on uninitialized Timer");
        }
        self.clock.arm(&self.c, d, None)
    }
}

/// `time.Ticker` (`*time.Ticker` is this handle; its clones share one ticker): [`Ticker::c`]
/// receives the time every interval until [`Ticker::stop`].
#[derive(Clone, Debug, Default)]
pub struct Ticker {
    /// Go's `t.C`.
    pub c: Chan<Time>,
    clock: Arc<Clock>,
}

impl Ticker {
    /// `time.NewTicker(d)`: panics when `d <= 0`, as Go does.
    pub fn new(d: Duration) -> Ticker {
        if d <= 0 {
            super::rt::go_panic("non-positive interval for NewTicker");
        }
        let t = Ticker {
            c: Chan::new(1),
            clock: Arc::default(),
        };
        t.clock.arm(&t.c, d, Some(std_duration(d)));
        t
    }

    /// `t.C` of a `*time.Ticker`: the channel the ticks are sent on.
    pub fn c(&self) -> Chan<Time> {
        self.c.clone()
    }

    /// `t.Stop()`: no more ticks are sent (`c` is not closed).
    pub fn stop(&self) {
        self.clock.disarm();
    }

    /// `t.Reset(d)`: ticks every `d` from now on; panics when `d <= 0`.
    pub fn reset(&self, d: Duration) {
        if d <= 0 {
            super::rt::go_panic("non-positive interval for Ticker.Reset");
        }
        if self.c.is_nil() {
            super::rt::go_panic("time: Reset called on uninitialized Ticker");
        }
        self.clock.arm(&self.c, d, Some(std_duration(d)));
    }
}

/// A timer prints as a struct holding its channel's address (Go also shows
/// the runtime's fields, which have no counterpart here).
impl Format for Timer {
    fn fmt(&self, f: &mut Formatter<'_>, _verb: char) {
        f.write_str(&format!("{{{:?}}}", self.c));
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "time.Timer".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
}

/// A ticker prints as a struct holding its channel's address.
impl Format for Ticker {
    fn fmt(&self, f: &mut Formatter<'_>, _verb: char) {
        f.write_str(&format!("{{{:?}}}", self.c));
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "time.Ticker".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
}

/// `time.After(d)`: a channel that receives the time once, after `d`.
pub fn after(d: Duration) -> Chan<Time> {
    Timer::new(d).c
}

/// `time.Tick(d)`: a channel that receives the time every `d` (nil when
/// `d <= 0`, as in Go).
pub fn tick(d: Duration) -> Chan<Time> {
    if d <= 0 {
        return Chan::default();
    }
    Ticker::new(d).c
}
