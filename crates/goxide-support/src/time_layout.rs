//! Go's time layouts: `t.Format(layout)` and `time.Parse(layout, value)`, for times in UTC.
//!
//! A layout is Go's reference time, `Mon Jan 2 15:04:05 MST 2006`, written the way the text
//! should look (`2006-01-02`, `15:04:05.000`, `time.RFC3339`); this module splits it into the
//! same elements Go's `time` package does and formats or parses each. Times here have no
//! location: they format as UTC (`MST` is `UTC`, `Z07:00` is `Z`), and a parsed zone offset is
//! applied to give the UTC instant, as Go's `t.UTC()` would show it.

use super::errors::{self, Error};
use super::time::{civil_from_days as civil, unix, Time};

/// One element of a layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Elem {
    LongMonth,             // January
    Month,                 // Jan
    NumMonth,              // 1
    ZeroMonth,             // 01
    LongWeekDay,           // Monday
    WeekDay,               // Mon
    Day,                   // 2
    UnderDay,              // _2
    ZeroDay,               // 02
    UnderYearDay,          // __2
    ZeroYearDay,           // 002
    Hour,                  // 15
    Hour12,                // 3
    ZeroHour12,            // 03
    Minute,                // 4
    ZeroMinute,            // 04
    Second,                // 5
    ZeroSecond,            // 05
    LongYear,              // 2006
    Year,                  // 06
    PM,                    // PM
    Pm,                    // pm
    TZ,                    // MST
    Iso8601(&'static str), // Z0700 and the like: "Z" for UTC
    NumTZ(&'static str),   // -0700 and the like
    /// `.000` (fixed digits) or `.999` (trailing zeros dropped), with its separator.
    Frac {
        digits: usize,
        trim: bool,
        sep: char,
    },
}

const ZONES: [&str; 5] = ["070000", "07:00:00", "0700", "07:00", "07"];
const LONG_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const LONG_DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Splits `layout` at its first element: (literal text before it, the element and its text).
fn next_elem(layout: &str) -> (&str, Option<(Elem, &str)>) {
    let b = layout.as_bytes();
    let at = |i: usize, s: &str| layout[i..].starts_with(s);
    for i in 0..b.len() {
        let found: Option<(Elem, usize)> = match b[i] {
            b'J' if at(i, "January") => Some((Elem::LongMonth, 7)),
            b'J' if at(i, "Jan") => Some((Elem::Month, 3)),
            b'M' if at(i, "Monday") => Some((Elem::LongWeekDay, 6)),
            b'M' if at(i, "Mon") => Some((Elem::WeekDay, 3)),
            b'M' if at(i, "MST") => Some((Elem::TZ, 3)),
            b'0' if at(i, "002") => Some((Elem::ZeroYearDay, 3)),
            b'0' if i + 1 < b.len() && (b'1'..=b'6').contains(&b[i + 1]) => Some((
                [
                    Elem::ZeroMonth,
                    Elem::ZeroDay,
                    Elem::ZeroHour12,
                    Elem::ZeroMinute,
                    Elem::ZeroSecond,
                    Elem::Year,
                ][usize::from(b[i + 1] - b'1')],
                2,
            )),
            b'1' if at(i, "15") => Some((Elem::Hour, 2)),
            b'1' => Some((Elem::NumMonth, 1)),
            b'2' if at(i, "2006") => Some((Elem::LongYear, 4)),
            b'2' => Some((Elem::Day, 1)),
            b'_' if at(i, "_2006") => {
                // `_` is literal there, and `2006` the year.
                return (
                    &layout[..i + 1],
                    Some((Elem::LongYear, &layout[i + 1..i + 5])),
                );
            }
            b'_' if at(i, "__2") => Some((Elem::UnderYearDay, 3)),
            b'_' if at(i, "_2") => Some((Elem::UnderDay, 2)),
            b'3' => Some((Elem::Hour12, 1)),
            b'4' => Some((Elem::Minute, 1)),
            b'5' => Some((Elem::Second, 1)),
            b'P' if at(i, "PM") => Some((Elem::PM, 2)),
            b'p' if at(i, "pm") => Some((Elem::Pm, 2)),
            b'-' | b'Z' => ZONES.iter().find(|z| at(i + 1, z)).map(|z| {
                let elem = if b[i] == b'Z' {
                    Elem::Iso8601(z)
                } else {
                    Elem::NumTZ(z)
                };
                (elem, z.len() + 1)
            }),
            b'.' | b',' if i + 1 < b.len() && (b[i + 1] == b'0' || b[i + 1] == b'9') => {
                let ch = b[i + 1];
                let mut j = i + 1;
                while j < b.len() && b[j] == ch {
                    j += 1;
                }
                // (Not followed by another digit: `.000` in `.0001` is no element.)
                if j < b.len() && b[j].is_ascii_digit() {
                    None
                } else {
                    Some((
                        Elem::Frac {
                            digits: j - (i + 1),
                            trim: ch == b'9',
                            sep: char::from(b[i]),
                        },
                        j - i,
                    ))
                }
            }
            _ => None,
        };
        if let Some((e, n)) = found {
            return (&layout[..i], Some((e, &layout[i..i + n])));
        }
    }
    (layout, None)
}

/// The parts of a time in UTC.
struct Parts {
    year: i64,
    month: i64,
    day: i64,
    yday: i64,
    weekday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    nsec: i64,
}

fn parts(t: &Time) -> Parts {
    let secs = t.unix();
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = civil(days);
    Parts {
        year,
        month,
        day,
        yday: days - days_from_civil(year, 1, 1) + 1,
        // 1970-01-01 was a Thursday.
        weekday: (days + 4).rem_euclid(7),
        hour: rem / 3600,
        min: rem / 60 % 60,
        sec: rem % 60,
        nsec: t.nanosecond(),
    }
}

/// Days since 1970-01-01 of a civil date (months and days may overflow, as in `time.Date`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let (year, month) = (
        year + (month - 1).div_euclid(12),
        (month - 1).rem_euclid(12) + 1,
    );
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The time of a civil date and clock in UTC (`time.Date(…, time.UTC)`): out-of-range
/// values carry over, as Go normalizes them.
pub fn date(year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64, nsec: i64) -> Time {
    let days = days_from_civil(year, month, day);
    let total_ns = i128::from(nsec) + i128::from(sec + 60 * (min + 60 * hour)) * 1_000_000_000;
    let extra_s = total_ns.div_euclid(1_000_000_000) as i64;
    let ns = total_ns.rem_euclid(1_000_000_000) as i64;
    unix(days * 86_400 + extra_s, ns)
}

/// `m.String()` of a `time.Month`: `March`, or Go's `%!Month(13)`.
pub fn month_string(m: i64) -> String {
    match usize::try_from(m - 1).ok().and_then(|i| LONG_MONTHS.get(i)) {
        Some(name) => name.to_string(),
        None => format!("%!Month({m})"),
    }
}

/// `d.String()` of a `time.Weekday`: `Friday`, or Go's `%!Weekday(7)`.
pub fn weekday_string(d: i64) -> String {
    match usize::try_from(d).ok().and_then(|i| LONG_DAYS.get(i)) {
        Some(name) => name.to_string(),
        None => format!("%!Weekday({d})"),
    }
}

impl Time {
    /// `t.Month()`, in UTC.
    pub fn month(&self) -> i64 {
        parts(self).month
    }

    /// `t.Weekday()`, in UTC.
    pub fn weekday(&self) -> i64 {
        parts(self).weekday
    }

    /// `t.Date()`: year, month and day, in UTC.
    pub fn date(&self) -> (i64, i64, i64) {
        let p = parts(self);
        (p.year, p.month, p.day)
    }

    /// `t.AddDate(years, months, days)`: the date moved, overflowing as `time.Date` does.
    pub fn add_date(&self, years: i64, months: i64, days: i64) -> Time {
        let p = parts(self);
        date(
            p.year + years,
            p.month + months,
            p.day + days,
            p.hour,
            p.min,
            p.sec,
            p.nsec,
        )
    }

    /// `t.Year()`, in UTC.
    pub fn year(&self) -> i64 {
        parts(self).year
    }

    /// `t.Day()`, in UTC.
    pub fn day(&self) -> i64 {
        parts(self).day
    }

    /// `t.YearDay()`, in UTC.
    pub fn year_day(&self) -> i64 {
        parts(self).yday
    }

    /// `t.Hour()`, in UTC.
    pub fn hour(&self) -> i64 {
        parts(self).hour
    }

    /// `t.Minute()`, in UTC.
    pub fn minute(&self) -> i64 {
        parts(self).min
    }

    /// `t.Second()`, in UTC.
    pub fn second(&self) -> i64 {
        parts(self).sec
    }

    /// `t.Format(layout)` (see the module documentation).
    pub fn format(&self, layout: &str) -> String {
        let p = parts(self);
        let mut out = String::new();
        let mut rest = layout;
        loop {
            let (lit, elem) = next_elem(rest);
            out.push_str(lit);
            let Some((e, text)) = elem else { break };
            rest = &rest[lit.len() + text.len()..];
            let hour12 = if p.hour % 12 == 0 { 12 } else { p.hour % 12 };
            match e {
                Elem::LongMonth => out.push_str(LONG_MONTHS[(p.month - 1) as usize]),
                Elem::Month => out.push_str(&LONG_MONTHS[(p.month - 1) as usize][..3]),
                Elem::NumMonth => out.push_str(&p.month.to_string()),
                Elem::ZeroMonth => out.push_str(&format!("{:02}", p.month)),
                Elem::LongWeekDay => out.push_str(LONG_DAYS[p.weekday as usize]),
                Elem::WeekDay => out.push_str(&LONG_DAYS[p.weekday as usize][..3]),
                Elem::Day => out.push_str(&p.day.to_string()),
                Elem::UnderDay => out.push_str(&format!("{:>2}", p.day)),
                Elem::ZeroDay => out.push_str(&format!("{:02}", p.day)),
                Elem::UnderYearDay => out.push_str(&format!("{:>3}", p.yday)),
                Elem::ZeroYearDay => out.push_str(&format!("{:03}", p.yday)),
                Elem::Hour => out.push_str(&format!("{:02}", p.hour)),
                Elem::Hour12 => out.push_str(&hour12.to_string()),
                Elem::ZeroHour12 => out.push_str(&format!("{hour12:02}")),
                Elem::Minute => out.push_str(&p.min.to_string()),
                Elem::ZeroMinute => out.push_str(&format!("{:02}", p.min)),
                Elem::Second => out.push_str(&p.sec.to_string()),
                Elem::ZeroSecond => out.push_str(&format!("{:02}", p.sec)),
                Elem::LongYear => {
                    if p.year < 0 {
                        out.push_str(&format!("-{:04}", -p.year));
                    } else {
                        out.push_str(&format!("{:04}", p.year));
                    }
                }
                Elem::Year => out.push_str(&format!("{:02}", p.year.rem_euclid(100))),
                Elem::PM => out.push_str(if p.hour >= 12 { "PM" } else { "AM" }),
                Elem::Pm => out.push_str(if p.hour >= 12 { "pm" } else { "am" }),
                Elem::TZ => out.push_str("UTC"),
                Elem::Iso8601(_) => out.push('Z'),
                Elem::NumTZ(z) => {
                    out.push('+');
                    out.push_str(&z.replace('7', "0"));
                }
                Elem::Frac { digits, trim, sep } => {
                    let all = format!("{:09}", p.nsec);
                    let mut frac = &all[..digits.min(9)];
                    if trim {
                        frac = frac.trim_end_matches('0');
                        if frac.is_empty() {
                            continue;
                        }
                    }
                    out.push(sep);
                    out.push_str(frac);
                }
            }
        }
        out
    }
}

/// Go's `"…"` quoting in parse errors.
fn quote(s: &str) -> String {
    format!("{s:?}")
}

/// The number at the start of `s`: exactly `min` digits when `fixed`, else `min` to 2.
fn number(s: &str, fixed: bool) -> Option<(i64, &str)> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    let n = if !fixed && b.len() > 1 && b[1].is_ascii_digit() {
        2
    } else if fixed {
        if b.len() < 2 || !b[1].is_ascii_digit() {
            return None;
        }
        2
    } else {
        1
    };
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// The name of `names` that `s` starts with (ASCII case aside), by index.
fn lookup<'a>(names: &[&str], s: &'a str, len: Option<usize>) -> Option<(usize, &'a str)> {
    names.iter().enumerate().find_map(|(i, n)| {
        let n = &n[..len.unwrap_or(n.len())];
        (s.len() >= n.len() && s[..n.len()].eq_ignore_ascii_case(n)).then(|| (i, &s[n.len()..]))
    })
}

/// `time.Parse(layout, value)`: the time `value` names (in UTC), or Go's error.
pub fn parse(layout: &str, value: &str) -> (Time, Error) {
    match parse_parts(layout, value) {
        Ok(t) => (t, None),
        Err(msg) => (Time::default(), errors::new(msg)),
    }
}

fn parse_parts(layout: &str, value: &str) -> Result<Time, String> {
    let (alayout, avalue) = (layout, value);
    let fail = |elem: &str, rest: &str| {
        format!(
            "parsing time {} as {}: cannot parse {} as {}",
            quote(avalue),
            quote(alayout),
            quote(rest),
            quote(elem)
        )
    };
    let range = |what: &str| format!("parsing time {}: {what} out of range", quote(avalue));
    let (mut year, mut month, mut day, mut yday) = (1_i64, -1_i64, -1_i64, -1_i64);
    let (mut hour, mut min, mut sec, mut nsec) = (0_i64, 0_i64, 0_i64, 0_i64);
    let (mut pm, mut am, mut offset) = (false, false, 0_i64);
    let (mut layout, mut value) = (layout, value);
    loop {
        let (lit, elem) = next_elem(layout);
        // The literal text must be there (spaces in either may stand for any run of spaces).
        let mut l = lit;
        while !l.is_empty() {
            if l.starts_with(' ') && value.starts_with(' ') {
                l = l.trim_start_matches(' ');
                value = value.trim_start_matches(' ');
                continue;
            }
            let c = l.chars().next().unwrap_or(' ');
            if !value.starts_with(c) {
                return Err(fail(lit, value));
            }
            l = &l[c.len_utf8()..];
            value = &value[c.len_utf8()..];
        }
        let Some((e, text)) = elem else {
            if !value.is_empty() {
                return Err(format!(
                    "parsing time {}: extra text: {}",
                    quote(avalue),
                    quote(value)
                ));
            }
            break;
        };
        layout = &layout[lit.len() + text.len()..];
        let before = value;
        let got: Option<&str> = match e {
            Elem::LongYear => {
                let b = value.as_bytes();
                if b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) {
                    year = value[..4].parse().unwrap_or(0);
                    Some(&value[4..])
                } else {
                    None
                }
            }
            Elem::Year => number(value, true).map(|(n, r)| {
                year = if n >= 69 { n + 1900 } else { n + 2000 };
                r
            }),
            Elem::LongMonth => lookup(&LONG_MONTHS, value, None).map(|(i, r)| {
                month = i as i64 + 1;
                r
            }),
            Elem::Month => lookup(&LONG_MONTHS, value, Some(3)).map(|(i, r)| {
                month = i as i64 + 1;
                r
            }),
            Elem::NumMonth | Elem::ZeroMonth => {
                number(value, e == Elem::ZeroMonth).map(|(n, r)| {
                    month = n;
                    r
                })
            }
            Elem::LongWeekDay => lookup(&LONG_DAYS, value, None).map(|(_, r)| r),
            Elem::WeekDay => lookup(&LONG_DAYS, value, Some(3)).map(|(_, r)| r),
            Elem::Day | Elem::UnderDay | Elem::ZeroDay => {
                let v = if e == Elem::UnderDay {
                    value.strip_prefix(' ').unwrap_or(value)
                } else {
                    value
                };
                number(v, e == Elem::ZeroDay).map(|(n, r)| {
                    day = n;
                    r
                })
            }
            Elem::UnderYearDay | Elem::ZeroYearDay => {
                let v = value.trim_start_matches(' ');
                let digits = v.bytes().take(3).take_while(u8::is_ascii_digit).count();
                (digits == 3 || (e == Elem::UnderYearDay && digits > 0)).then(|| {
                    yday = v[..digits].parse().unwrap_or(0);
                    &v[digits..]
                })
            }
            Elem::Hour => number(value, false).map(|(n, r)| {
                hour = n;
                r
            }),
            Elem::Hour12 | Elem::ZeroHour12 => {
                number(value, e == Elem::ZeroHour12).map(|(n, r)| {
                    hour = n;
                    r
                })
            }
            Elem::Minute | Elem::ZeroMinute => {
                number(value, e == Elem::ZeroMinute).map(|(n, r)| {
                    min = n;
                    r
                })
            }
            Elem::Second | Elem::ZeroSecond => {
                number(value, e == Elem::ZeroSecond).map(|(n, mut r)| {
                    sec = n;
                    // A fraction the layout does not name is accepted after the seconds.
                    let layout_frac =
                        matches!(next_elem(layout), ("", Some((Elem::Frac { .. }, _))));
                    let b = r.as_bytes();
                    if !layout_frac
                        && b.len() > 1
                        && (b[0] == b'.' || b[0] == b',')
                        && b[1].is_ascii_digit()
                    {
                        let n = 1 + r[1..].bytes().take_while(u8::is_ascii_digit).count();
                        nsec = frac_nanos(&r[1..n]);
                        r = &r[n..];
                    }
                    r
                })
            }
            Elem::PM | Elem::Pm => {
                let (p, a) = if e == Elem::PM {
                    ("PM", "AM")
                } else {
                    ("pm", "am")
                };
                if let Some(r) = value.strip_prefix(p) {
                    pm = true;
                    Some(r)
                } else {
                    value.strip_prefix(a).inspect(|_| am = true)
                }
            }
            Elem::TZ => {
                let n = value.bytes().take_while(u8::is_ascii_uppercase).count();
                (n >= 3).then(|| &value[n..])
            }
            Elem::Iso8601(z) | Elem::NumTZ(z) => {
                if matches!(e, Elem::Iso8601(_)) && value.starts_with('Z') {
                    Some(&value[1..])
                } else {
                    zone_offset(value, z).map(|(off, r)| {
                        offset = off;
                        r
                    })
                }
            }
            Elem::Frac { digits, trim, .. } => {
                let b = value.as_bytes();
                if b.first().is_some_and(|&c| c == b'.' || c == b',') {
                    let n = 1 + value[1..].bytes().take_while(u8::is_ascii_digit).count();
                    if !trim && n - 1 != digits {
                        None
                    } else {
                        nsec = frac_nanos(&value[1..n]);
                        Some(&value[n..])
                    }
                } else if trim {
                    // `.999` matches no fraction at all too.
                    Some(value)
                } else {
                    None
                }
            }
        };
        let Some(rest) = got else {
            return Err(fail(text, before));
        };
        value = rest;
        // Ranges, checked as Go checks them while parsing.
        let bad = match e {
            Elem::NumMonth | Elem::ZeroMonth => !(1..=12).contains(&month),
            Elem::Day | Elem::UnderDay | Elem::ZeroDay => !(1..=31).contains(&day),
            Elem::Hour => !(0..24).contains(&hour),
            Elem::Hour12 | Elem::ZeroHour12 => !(0..=12).contains(&hour),
            Elem::Minute | Elem::ZeroMinute => !(0..60).contains(&min),
            Elem::Second | Elem::ZeroSecond => !(0..60).contains(&sec),
            _ => false,
        };
        if bad {
            let what = match e {
                Elem::NumMonth | Elem::ZeroMonth => "month",
                Elem::Day | Elem::UnderDay | Elem::ZeroDay => "day",
                Elem::Hour | Elem::Hour12 | Elem::ZeroHour12 => "hour",
                Elem::Minute | Elem::ZeroMinute => "minute",
                _ => "second",
            };
            return Err(range(what));
        }
    }
    if pm && hour < 12 {
        hour += 12;
    } else if am && hour == 12 {
        hour = 0;
    }
    if yday >= 0 && month < 0 {
        // The day of the year names the month and day.
        let days = days_from_civil(year, 1, 1) + yday - 1;
        let (_, m, d) = civil(days);
        (month, day) = (m, d);
    }
    if month < 0 {
        month = 1;
    }
    if day < 0 {
        day = 1;
    }
    // The day must exist in its month.
    let (_, m2, _) = civil(days_from_civil(year, month, day));
    if m2 != month {
        return Err(range("day"));
    }
    let t = date(year, month, day, hour, min, sec, nsec);
    Ok(if offset != 0 {
        t.add(-offset * 1_000_000_000)
    } else {
        t
    })
}

/// Nanoseconds of the fraction digits `d` (after the separator).
fn frac_nanos(d: &str) -> i64 {
    let mut digits: String = d.chars().take(9).collect();
    while digits.len() < 9 {
        digits.push('0');
    }
    digits.parse().unwrap_or(0)
}

/// A numeric zone offset in the form of layout zone `z` (`07:00`, `0700`, `07`, …), in
/// seconds east of UTC.
fn zone_offset<'a>(v: &'a str, z: &str) -> Option<(i64, &'a str)> {
    let sign = match v.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let mut rest = &v[1..];
    let mut fields = [0_i64; 3];
    for (i, part) in z.split(':').enumerate() {
        // `070000` is hours, minutes and seconds in one.
        for k in 0..part.len() / 2 {
            let (n, r) = number(rest, true)?;
            fields[(i + k).min(2)] = n;
            rest = r;
        }
        if i + 1 < z.split(':').count() {
            rest = rest.strip_prefix(':')?;
        }
    }
    Some((sign * (fields[0] * 3600 + fields[1] * 60 + fields[2]), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC3339: &str = "2006-01-02T15:04:05Z07:00";

    #[test]
    fn formats_go_layouts() {
        let t = date(2009, 11, 10, 23, 4, 5, 120_000_000);
        assert_eq!(t.format(RFC3339), "2009-11-10T23:04:05Z");
        assert_eq!(
            t.format("Mon Jan _2 15:04:05 2006"),
            "Tue Nov 10 23:04:05 2009"
        );
        assert_eq!(t.format("3:04PM"), "11:04PM");
        assert_eq!(
            t.format("2006-01-02 15:04:05.000 MST"),
            "2009-11-10 23:04:05.120 UTC"
        );
        assert_eq!(t.format("15:04:05.999999999 -0700"), "23:04:05.12 +0000");
        assert_eq!(
            t.format("Monday, January 2 06 002"),
            "Tuesday, November 10 09 314"
        );
        assert_eq!(date(2024, 3, 1, 0, 5, 0, 0).format("3:04 pm"), "12:05 am");
    }

    #[test]
    fn parses_what_it_formats_and_applies_offsets() {
        let (t, err) = parse(RFC3339, "2024-03-01T10:02:30Z");
        assert!(err.is_none());
        assert_eq!(t.format("15:04:05"), "10:02:30");
        let (t, _) = parse(RFC3339, "2024-03-01T10:02:30+02:00");
        assert_eq!(t.format(RFC3339), "2024-03-01T08:02:30Z");
        let (t, _) = parse("2006-01-02 15:04:05", "2024-02-29 23:59:59.25");
        assert_eq!(t.nanosecond(), 250_000_000);
        let (t, _) = parse("Jan 2, 2006 at 3:04pm", "Feb 3, 2013 at 7:54pm");
        assert_eq!(t.format(RFC3339), "2013-02-03T19:54:00Z");
    }

    #[test]
    fn calendar_fields_and_dates_overflow_as_in_go() {
        let t = date(2024, 3, 1, 9, 30, 0, 0);
        assert_eq!(
            (month_string(t.month()), weekday_string(t.weekday())),
            ("March".into(), "Friday".into())
        );
        assert_eq!(t.add_date(0, 1, 30).date(), (2024, 5, 1));
        assert_eq!(
            date(2023, 14, 0, 25, 0, 0, 0).format(RFC3339),
            "2024-02-01T01:00:00Z"
        );
        assert_eq!(month_string(13), "%!Month(13)");
    }

    #[test]
    fn reports_go_errors() {
        let msg = |r: (Time, Error)| r.1.map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            msg(parse(RFC3339, "garbage")),
            r#"parsing time "garbage" as "2006-01-02T15:04:05Z07:00": cannot parse "garbage" as "2006""#
        );
        assert_eq!(
            msg(parse("2006-01-02", "2024-13-01")),
            r#"parsing time "2024-13-01": month out of range"#
        );
        assert_eq!(
            msg(parse("2006-01-02", "2023-02-29")),
            r#"parsing time "2023-02-29": day out of range"#
        );
        assert_eq!(
            msg(parse("2006-01-02", "2024-01-02x")),
            r#"parsing time "2024-01-02x": extra text: "x""#
        );
    }
}
