//! The `time` package: durations, instants, sleeping, timers and tickers.
//!
//! | Go | Rust |
//! |----|------|
//! | `time.Duration`, `2 * time.Second` | `support::time::Duration` (`i64` nanoseconds), folded constants |
//! | `d.Seconds()`, `d.String()`, `d.Round(m)` | `support::time::seconds(d)`, `duration_string(d)`, `round_duration(d, m)` |
//! | `fmt.Println(d)` | prints `1.5s` through `support::fmt::WithString` |
//! | `time.Sleep(20 * time.Millisecond)` | `std::thread::sleep(std::time::Duration::from_millis(20))` |
//! | `time.Time`, `time.Now()`, `time.Since(t)`, `t.Sub(u)` | `support::time::Time`, `now()`, `since(&t)`, `t.sub(&u)` |
//! | `t.Format("15:04:05")`, `time.Parse(time.RFC3339, s)` | `t.format("15:04:05")`, `support::time_layout::parse("2006-01-02T15:04:05Z07:00", &s)`: `(Time, Error)` |
//! | `time.ParseDuration(s)` | `support::time::parse_duration(&s)`: `(Duration, Error)` |
//! | `time.After(d)`, `time.Tick(d)` | `support::time::after(d)`, `tick(d)`: `Chan<Time>` |
//! | `time.NewTimer(d)`, `t.C`, `t.Stop()`, `t.Reset(d)` | the handle `support::time::Timer::new(d)`, `.c()`, `.stop()`, `.reset(d)` |
//! | `time.NewTicker(d)`, `t.Stop()` | the handle `support::time::Ticker::new(d)`, `.c()`, `.stop()` |
//!
//! A printed `time.Time` (or `t.String()`) shows UTC under a `semantics` marker (Go shows the
//! local time zone). Printing a duration inside another value (a struct field, a map) or a
//! timer is marked `unsupported`: the duration would print as an integer. Calendar and
//! `t.Format(layout)`, `time.Parse(layout, s)` and `t.Year()`, `t.Day()`, `t.Hour()`, … work in
//! UTC (`support::time_layout`; a zone parsed from the text gives the UTC instant, under a
//! `semantics` marker), as do `time.Date(…, time.UTC)` (`time.Local` is UTC here, under a
//! `semantics` marker), `t.AddDate`, `t.Date()` and `time.Month`/`time.Weekday` (`i64`s that
//! print their names). Other locations, `time.AfterFunc` and methods through a `*time.Time`
//! stay `unsupported`.

use super::{ident, Args};
use crate::ctx::Ctx;
use crate::expr::paren_if_needed;
use goxide_ast::ast::Expr;
use goxide_types::{ConstValue, Type, TypeId};
use num_traits::ToPrimitive;
use syn::parse_quote;

/// The marker on `time.Parse` of a layout that may read a time zone.
const PARSE_ZONE_MARKER: &str = "semantics: time.Parse: a zone in the text gives the UTC instant \
     here; Go's Time keeps the zone, which Format and printing show";

/// The marker on `time.Date(…, time.Local)`.
const LOCAL_MARKER: &str =
    "semantics: time.Date: the time is in UTC here; Go's time.Local is the machine's zone";

/// The marker on code that prints a `time.Time`.
const UTC_MARKER: &str =
    "semantics: a time.Time prints in UTC here; Go prints it in the local time zone";

/// Go's duration units, largest first, by the name of their `support::time` constant.
const UNITS: [(i64, &str); 5] = [
    (3_600_000_000_000, "HOUR"),
    (60_000_000_000, "MINUTE"),
    (1_000_000_000, "SECOND"),
    (1_000_000, "MILLISECOND"),
    (1_000, "MICROSECOND"),
];

/// Whether the named type `time.<name>` has a Rust form (`support::time::<name>`).
pub fn is_mapped_time_type(name: &str) -> bool {
    matches!(
        name,
        "Duration" | "Time" | "Timer" | "Ticker" | "Month" | "Weekday"
    )
}

impl Ctx<'_> {
    /// The Rust type for a named type of package `time` (`None`: not mapped yet).
    pub fn time_type(&mut self, name: &str) -> Option<syn::Type> {
        if !is_mapped_time_type(name) {
            return None;
        }
        self.use_support("time");
        let id = ident(name);
        Some(parse_quote!(crate::support::time::#id))
    }

    /// The name of `t` when it is a named type of package `time` (and that package is not the
    /// one being translated).
    pub fn time_type_name(&self, t: TypeId) -> Option<&str> {
        let Type::Named(n) = self.ty(t) else {
            return None;
        };
        let o = self.obj(n.obj);
        let pkg = o.pkg.filter(|&p| p != self.pkg)?;
        (self.prog.pkg(pkg).path == "time").then_some(o.name.as_str())
    }

    /// Whether `t` is `time.Duration`.
    pub fn is_duration(&self, t: TypeId) -> bool {
        self.time_type_name(t) == Some("Duration")
    }

    /// A constant duration as a Rust engineer writes it: `20 * crate::support::time::MILLISECOND`.
    fn duration_const(&mut self, ns: i64) -> syn::Expr {
        let Some((unit, name)) = UNITS.iter().find(|(u, _)| ns != 0 && ns % u == 0) else {
            let lit = proc_macro2::Literal::u64_unsuffixed(ns.unsigned_abs());
            return if ns < 0 {
                parse_quote!(-#lit)
            } else {
                parse_quote!(#lit)
            };
        };
        self.use_support("time");
        let unit_id = ident(name);
        let unit_expr: syn::Expr = parse_quote!(crate::support::time::#unit_id);
        match ns / unit {
            1 => unit_expr,
            -1 => parse_quote!(-#unit_expr),
            n => {
                let lit = proc_macro2::Literal::u64_unsuffixed(n.unsigned_abs());
                if n < 0 {
                    parse_quote!(-#lit * #unit_expr)
                } else {
                    parse_quote!(#lit * #unit_expr)
                }
            }
        }
    }

    /// The value of an integer constant expression.
    fn const_i64(&self, e: &Expr) -> Option<i64> {
        match self.info.const_value(e.id)? {
            ConstValue::Int(n) => n.to_i64(),
            _ => None,
        }
    }

    /// A duration operand: constants in units (`2 * …::SECOND`), else the value.
    pub fn duration_value(&mut self, e: &Expr) -> syn::Expr {
        match self.const_i64(e) {
            Some(ns) => self.duration_const(ns),
            None => self.value(e),
        }
    }

    /// A `time.Time` operand, borrowed: `&t`.
    fn time_ref(&mut self, e: &Expr) -> syn::Expr {
        let v = self.borrowed(e);
        parse_quote!(&#v)
    }

    /// Functions of package `time`.
    pub(super) fn time_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let time = |f: &str| -> syn::Path {
            let f = ident(f);
            parse_quote!(crate::support::time::#f)
        };
        Some(match (name, a.exprs) {
            ("Sleep", [d]) => match self.const_i64(d) {
                Some(ns) if ns >= 0 && ns % 1_000_000 == 0 => {
                    let ms = (ns / 1_000_000) as u64;
                    parse_quote!(std::thread::sleep(std::time::Duration::from_millis(#ms)))
                }
                Some(ns) if ns >= 0 => {
                    let ns = ns as u64;
                    parse_quote!(std::thread::sleep(std::time::Duration::from_nanos(#ns)))
                }
                Some(_) => parse_quote!(()),
                None => {
                    // A negative duration returns at once, as in Go.
                    let d = a.v(0);
                    parse_quote!(std::thread::sleep(std::time::Duration::from_nanos(#d.max(0) as u64)))
                }
            },
            ("Now", []) => {
                self.use_support("time");
                let f = time("now");
                parse_quote!(#f())
            }
            ("Since" | "Until", [t]) => {
                self.use_support("time");
                let f = time(&name.to_lowercase());
                let t = self.time_ref(t);
                parse_quote!(#f(#t))
            }
            ("Unix", [_, _]) => {
                self.use_support("time");
                let f = time("unix");
                let (s, n) = (a.v(0), a.v(1));
                parse_quote!(#f(#s, #n))
            }
            ("UnixMilli", [_]) => {
                self.use_support("time");
                let f = time("unix_milli");
                let ms = a.v(0);
                parse_quote!(#f(#ms))
            }
            ("Parse", [layout, _]) => {
                self.use_support("time");
                self.use_support("time_layout");
                self.use_support("errors");
                let zone = match self.const_str(layout) {
                    Some(l) => ["Z07", "-07", "MST"].iter().any(|z| l.value().contains(z)),
                    None => true,
                };
                if zone {
                    self.marker(PARSE_ZONE_MARKER.into());
                }
                let (l, v) = (self.str_ref(a, 0), self.str_ref(a, 1));
                parse_quote!(crate::support::time_layout::parse(#l, #v))
            }
            ("Date", [y, mo, d, h, mi, sec, ns, loc]) => {
                let utc = self.is_pkg_member(loc, "time", "UTC");
                if !utc && !self.is_pkg_member(loc, "time", "Local") {
                    return None;
                }
                if !utc {
                    self.marker(LOCAL_MARKER.into());
                }
                self.use_support("time");
                self.use_support("time_layout");
                let vals: Vec<syn::Expr> = [y, mo, d, h, mi, sec, ns]
                    .into_iter()
                    .map(|v| self.value(v))
                    .collect();
                parse_quote!(crate::support::time_layout::date(#(#vals),*))
            }
            ("ParseDuration", [_]) => {
                self.use_support("time");
                self.use_support("errors");
                let f = time("parse_duration");
                let s = self.str_ref(a, 0);
                parse_quote!(#f(#s))
            }
            ("After" | "Tick", [d]) => {
                self.use_support("time");
                let f = time(&name.to_lowercase());
                let d = self.duration_value(d);
                parse_quote!(#f(#d))
            }
            ("NewTimer" | "NewTicker", [d]) => {
                self.use_support("time");
                let ty = time(&name[3..]);
                let d = self.duration_value(d);
                // `*time.Timer` is a handle (its clones share one timer; see `handles`).
                parse_quote!(#ty::new(#d))
            }
            _ => return None,
        })
    }

    /// A method call on a value of a `time` type (or a pointer to one): `None` when `x` is not
    /// of such a type; an `unsupported` marker for the methods not mapped.
    pub fn time_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> Option<syn::Expr> {
        let xt = self.type_of(x)?;
        let (base, through_ptr) = match self.ty(xt) {
            Type::Pointer(b) => (*b, true),
            _ => (xt, false),
        };
        let tname = self.time_type_name(base)?.to_string();
        let mapped = match (tname.as_str(), through_ptr) {
            ("Duration", false) => self.duration_method(x, name, args),
            ("Time", false) => self.instant_method(x, name, args),
            ("Timer" | "Ticker", _) => self.timer_method(x, name, args),
            _ => None,
        };
        Some(mapped.unwrap_or_else(|| {
            let star = if through_ptr { "*" } else { "" };
            self.unsupported(e, &format!("method ({star}time.{tname}).{name}"))
        }))
    }

    fn duration_method(&mut self, x: &Expr, name: &str, args: &[Expr]) -> Option<syn::Expr> {
        let f = match (name, args) {
            ("Nanoseconds", []) => return Some(paren_if_needed(self.value(x))),
            ("String", []) => "duration_string",
            ("Seconds", []) => "seconds",
            ("Minutes", []) => "minutes",
            ("Hours", []) => "hours",
            ("Milliseconds", []) => "milliseconds",
            ("Microseconds", []) => "microseconds",
            ("Abs", []) => "abs_duration",
            ("Round", [_]) => "round_duration",
            ("Truncate", [_]) => "truncate_duration",
            _ => return None,
        };
        self.use_support("time");
        let f = ident(f);
        let d = self.duration_value(x);
        let m: Vec<syn::Expr> = args.iter().map(|m| self.duration_value(m)).collect();
        Some(parse_quote!(crate::support::time::#f(#d #(, #m)*)))
    }

    fn instant_method(&mut self, x: &Expr, name: &str, args: &[Expr]) -> Option<syn::Expr> {
        let m = match (name, args) {
            ("Unix", []) => "unix",
            ("UnixNano", []) => "unix_nano",
            ("UnixMilli", []) => "unix_milli",
            ("UnixMicro", []) => "unix_micro",
            ("IsZero", []) => "is_zero",
            ("Nanosecond", []) => "nanosecond",
            ("String", []) => {
                self.marker(UTC_MARKER.into());
                "string"
            }
            ("Year", []) => "year",
            ("Month", []) => "month",
            ("Weekday", []) => "weekday",
            ("Date", []) => "date",
            ("AddDate", [y, m, d]) => {
                self.use_support("time_layout");
                let recv = paren_if_needed(self.borrowed(x));
                let (y, m, d) = (self.value(y), self.value(m), self.value(d));
                return Some(parse_quote!(#recv.add_date(#y, #m, #d)));
            }
            ("Day", []) => "day",
            ("YearDay", []) => "year_day",
            ("Hour", []) => "hour",
            ("Minute", []) => "minute",
            ("Second", []) => "second",
            ("UTC", []) => "clone",
            ("Format", [layout]) => {
                self.use_support("time_layout");
                let recv = paren_if_needed(self.borrowed(x));
                let l = match self.const_str(layout) {
                    Some(l) => parse_quote!(#l),
                    None => {
                        let v = self.borrowed(layout);
                        parse_quote!(&#v)
                    }
                };
                let l: syn::Expr = l;
                return Some(parse_quote!(#recv.format(#l)));
            }
            ("Add", [_]) => "add",
            ("Sub", [_]) => "sub",
            ("Before", [_]) => "before",
            ("After", [_]) => "after",
            ("Equal", [_]) => "equal",
            _ => return None,
        };
        if matches!(
            m,
            "year"
                | "month"
                | "weekday"
                | "date"
                | "day"
                | "year_day"
                | "hour"
                | "minute"
                | "second"
        ) {
            // (The calendar is `support::time_layout`'s.)
            self.use_support("time_layout");
        }
        let m = ident(m);
        let recv = paren_if_needed(self.borrowed(x));
        let arg: Vec<syn::Expr> = match args.first() {
            None => vec![],
            Some(d) if name == "Add" => vec![self.duration_value(d)],
            Some(u) => vec![self.time_ref(u)],
        };
        Some(parse_quote!(#recv.#m(#(#arg)*)))
    }

    /// A method of a `*time.Timer` / `*time.Ticker` handle, used in place.
    fn timer_method(&mut self, x: &Expr, name: &str, args: &[Expr]) -> Option<syn::Expr> {
        let recv = paren_if_needed(self.borrowed(x));
        match (name, args) {
            ("Stop", []) => Some(parse_quote!(#recv.stop())),
            ("Reset", [d]) => {
                let d = self.duration_value(d);
                Some(parse_quote!(#recv.reset(#d)))
            }
            _ => None,
        }
    }
}

impl Ctx<'_> {
    /// A `time.Duration` (or `[]time.Duration`) argument of a `fmt` function, carrying Go's
    /// text for it (`1.5s`): `None` for other types.
    pub fn duration_fmt_arg(&mut self, a: &Expr) -> Option<syn::Expr> {
        let t = self.type_of(a)?;
        if let Some(name @ ("Month" | "Weekday")) = self.time_type_name(t) {
            // A `time.Month` or `time.Weekday` prints its name (`March`, `Friday`).
            let (text, go) = match name {
                "Month" => (ident("month_string"), "time.Month"),
                _ => (ident("weekday_string"), "time.Weekday"),
            };
            self.use_support("fmt");
            self.use_support("time_layout");
            let v = self.value(a);
            return Some(parse_quote!({
                let v = #v;
                crate::support::fmt::WithString {
                    text: crate::support::time_layout::#text(v),
                    value: v,
                    go_type: #go,
                }
            }));
        }
        if self.is_duration(t) {
            self.use_support("fmt");
            let v = self.duration_value(a);
            return Some(if super::is_simple(&v) {
                parse_quote!(crate::support::fmt::WithString {
                    text: crate::support::time::duration_string(#v),
                    value: #v,
                    go_type: "time.Duration",
                })
            } else {
                parse_quote!({
                    let d = #v;
                    crate::support::fmt::WithString {
                        text: crate::support::time::duration_string(d),
                        value: d,
                        go_type: "time.Duration",
                    }
                })
            });
        }
        match self.ty(t) {
            Type::Slice(e) if self.is_duration(*e) => {
                self.use_support("fmt");
                self.use_support("time");
                let v = paren_if_needed(self.borrowed(a));
                Some(parse_quote!(#v
                    .iter()
                    .map(|&d| crate::support::fmt::WithString {
                        text: crate::support::time::duration_string(d),
                        value: d,
                        go_type: "time.Duration",
                    })
                    .collect::<Vec<_>>()))
            }
            _ => None,
        }
    }

    /// Why a `fmt` argument of type `t` cannot be printed as Go prints it: it is or holds a
    /// timer or ticker, or a duration inside another value (which would print as an integer;
    /// a `time.Duration` operand and `[]time.Duration` print through
    /// [`Ctx::duration_fmt_arg`]). A `time.Time` prints, in UTC, under a `semantics` marker.
    pub fn time_fmt_problem(&mut self, t: TypeId) -> Option<String> {
        self.time_fmt_problem_depth(t, 0)
    }

    fn time_fmt_problem_depth(&mut self, t: TypeId, depth: u32) -> Option<String> {
        if depth > 10 {
            return None;
        }
        if let Some(name) = self.time_type_name(t) {
            return match (name, depth) {
                ("Duration" | "Month" | "Weekday", 0) => None,
                ("Duration", _) => Some("printing a value that holds a time.Duration".into()),
                ("Time", _) => {
                    self.marker(UTC_MARKER.into());
                    None
                }
                (name, _) => Some(format!("printing a value of type time.{name}")),
            };
        }
        if self.stringer_method(t).is_some() {
            // Printed through its own String() or Error() method.
            return None;
        }
        let d = depth + 1;
        match self.under(t).clone() {
            Type::Slice(e) if depth == 0 && self.is_duration(e) => None,
            Type::Slice(e) | Type::Array(_, e) | Type::Pointer(e) => {
                self.time_fmt_problem_depth(e, d)
            }
            Type::Map(k, v) => self
                .time_fmt_problem_depth(k, d)
                .or_else(|| self.time_fmt_problem_depth(v, d)),
            Type::Struct(fields) => fields
                .iter()
                .find_map(|f| self.time_fmt_problem_depth(f.ty, d)),
            _ => None,
        }
    }
}
