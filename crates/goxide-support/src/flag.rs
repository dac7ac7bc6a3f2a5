//! Go's `flag` package for the command line (`flag.CommandLine` with `ExitOnError`): flags
//! registered by `flag.Int`, `flag.BoolVar`, …, parsed from `std::env::args()` by `parse`
//! with Go's syntax (`-n 5`, `--n=5`, `-v`, `-v=false`, `--` ends the flags, the first
//! non-flag argument ends them too) and Go's messages and exit statuses on errors (2; 0 for
//! `-h`/`-help`).
//!
//! Each flag writes its value through a setter that the generated code supplies (it stores into
//! the variable the Go code pointed at). Flags are defined and parsed on the main thread; the
//! arguments left after parsing are visible from every thread.

use std::cell::RefCell;
use std::io::Write;
use std::sync::Mutex;

/// A setter: parses a command-line value and stores it, or says why it cannot.
type Setter = Box<dyn Fn(&str) -> Result<(), String>>;

struct Flag {
    name: String,
    usage: String,
    /// The default value as Go's `Value.String()` prints it.
    def_value: String,
    /// What `PrintDefaults` names the value (`int`, `string`, `duration`; empty for bools).
    type_name: &'static str,
    /// `Value.String()` of the type's zero value: a default equal to it is not printed.
    zero: &'static str,
    is_bool: bool,
    set: Setter,
}

thread_local! {
    static FLAGS: RefCell<Vec<Flag>> = const { RefCell::new(Vec::new()) };
}

/// The arguments left after `parse` (`None` before it).
static ARGS: Mutex<Option<Vec<String>>> = Mutex::new(None);

/// The error Go's flag values report for a value that does not parse.
pub const PARSE_ERROR: &str = "parse error";

/// Registers a flag. Go panics on a name defined twice.
pub fn define(
    name: &str,
    usage: &str,
    def_value: String,
    type_name: &'static str,
    zero: &'static str,
    is_bool: bool,
    set: Setter,
) {
    FLAGS.with_borrow_mut(|flags| {
        if flags.iter().any(|f| f.name == name) {
            let _ = writeln!(std::io::stderr(), "{} flag redefined: {name}", program());
            panic!("flag redefined: {name}");
        }
        flags.push(Flag {
            name: name.to_string(),
            usage: usage.to_string(),
            def_value,
            type_name,
            zero,
            is_bool,
            set,
        });
    });
}

/// `flag.Int` / `flag.IntVar` (and `int64`): `set` stores a parsed value.
pub fn int(name: &str, value: i64, usage: &str, set: impl Fn(i64) + 'static) {
    let parse = move |s: &str| {
        let (v, err) = super::parse::parse_int(s, 0, 64);
        match err {
            None => {
                set(v);
                Ok(())
            }
            Some(e) => Err(num_error(&e.to_string())),
        }
    };
    define(
        name,
        usage,
        value.to_string(),
        "int",
        "0",
        false,
        Box::new(parse),
    );
}

/// `flag.Uint` / `flag.UintVar` (and `uint64`).
pub fn uint(name: &str, value: u64, usage: &str, set: impl Fn(u64) + 'static) {
    let parse = move |s: &str| {
        let (v, err) = super::parse::parse_uint(s, 0, 64);
        match err {
            None => {
                set(v);
                Ok(())
            }
            Some(e) => Err(num_error(&e.to_string())),
        }
    };
    define(
        name,
        usage,
        value.to_string(),
        "uint",
        "0",
        false,
        Box::new(parse),
    );
}

/// `flag.Float64` / `flag.Float64Var`.
pub fn float64(name: &str, value: f64, usage: &str, set: impl Fn(f64) + 'static) {
    let parse = move |s: &str| {
        let (v, err) = super::parse::parse_float(s, 64);
        match err {
            None => {
                set(v);
                Ok(())
            }
            Some(e) => Err(num_error(&e.to_string())),
        }
    };
    let def = super::strconv::format_float(value, b'g', -1, 64);
    define(name, usage, def, "float", "0", false, Box::new(parse));
}

/// `flag.Bool` / `flag.BoolVar`: a bare `-name` sets it to true.
pub fn bool(name: &str, value: bool, usage: &str, set: impl Fn(bool) + 'static) {
    let parse = move |s: &str| {
        let (v, err) = super::parse::parse_bool(s);
        match err {
            None => {
                set(v);
                Ok(())
            }
            Some(_) => Err(PARSE_ERROR.to_string()),
        }
    };
    define(
        name,
        usage,
        value.to_string(),
        "",
        "false",
        true,
        Box::new(parse),
    );
}

/// `flag.String` / `flag.StringVar`.
pub fn string(name: &str, value: &str, usage: &str, set: impl Fn(String) + 'static) {
    let parse = move |s: &str| {
        set(s.to_string());
        Ok(())
    };
    define(
        name,
        usage,
        value.to_string(),
        "string",
        "",
        false,
        Box::new(parse),
    );
}

/// `flag.Duration` / `flag.DurationVar`: the caller parses (with `time.ParseDuration`'s rules)
/// and gives the default as `Duration.String()` prints it.
pub fn duration(
    name: &str,
    def_value: String,
    usage: &str,
    set: impl Fn(&str) -> Result<(), String> + 'static,
) {
    define(
        name,
        usage,
        def_value,
        "duration",
        "0s",
        false,
        Box::new(set),
    );
}

/// The message of a `strconv` error as Go's numeric flag values report it.
fn num_error(msg: &str) -> String {
    if msg.ends_with("value out of range") {
        "value out of range".to_string()
    } else {
        PARSE_ERROR.to_string()
    }
}

fn program() -> String {
    std::env::args().next().unwrap_or_default()
}

/// `flag.Parse()`: parses `os.Args[1:]`. On an error it prints the error and the usage to
/// standard error and exits with status 2 (0 for `-h` and `-help`).
pub fn parse() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = match parse_args(args) {
        Ok(rest) => rest,
        Err(code) => {
            let _ = std::io::stdout().flush();
            std::process::exit(code);
        }
    };
    *ARGS.lock().unwrap_or_else(|e| e.into_inner()) = Some(rest);
}

/// Parses `args` as `FlagSet.Parse` does: the arguments left, or the exit status after an
/// error (which is printed, with the usage).
pub fn parse_args(mut args: Vec<String>) -> Result<Vec<String>, i32> {
    args.reverse();
    loop {
        match parse_one(&mut args) {
            Ok(true) => {}
            Ok(false) => break,
            Err(msg) => {
                let help = msg.is_empty();
                let mut err = std::io::stderr();
                if !help {
                    let _ = writeln!(err, "{msg}");
                }
                let _ = err.write_all(usage().as_bytes());
                return Err(if help { 0 } else { 2 });
            }
        }
    }
    args.reverse();
    Ok(args)
}

/// One flag from `rev` (the arguments, last first): whether one was parsed, or an error
/// message (empty for a request for help).
fn parse_one(rev: &mut Vec<String>) -> Result<bool, String> {
    let Some(s) = rev.last().cloned() else {
        return Ok(false);
    };
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b'-' {
        return Ok(false);
    }
    let mut minuses = 1;
    if b[1] == b'-' {
        minuses += 1;
        if b.len() == 2 {
            rev.pop();
            return Ok(false);
        }
    }
    let mut name = &s[minuses..];
    if name.is_empty() || name.starts_with('-') || name.starts_with('=') {
        return Err(format!("bad flag syntax: {s}"));
    }
    rev.pop();
    let mut value = None;
    if let Some(i) = name[1..].find('=') {
        value = Some(name[i + 2..].to_string());
        name = &name[..i + 1];
    }
    let name = name.to_string();
    let kind = FLAGS.with_borrow(|flags| flags.iter().find(|f| f.name == name).map(|f| f.is_bool));
    let Some(is_bool) = kind else {
        if name == "help" || name == "h" {
            return Err(String::new());
        }
        return Err(format!("flag provided but not defined: -{name}"));
    };
    let set = |v: &str| {
        FLAGS.with_borrow(|flags| match flags.iter().find(|f| f.name == name) {
            Some(f) => (f.set)(v),
            None => Ok(()),
        })
    };
    if is_bool {
        match value {
            Some(v) => set(&v).map_err(|e| {
                format!(
                    "invalid boolean value {} for -{name}: {e}",
                    super::strconv::quote(&v)
                )
            })?,
            None => set("true").map_err(|e| format!("invalid boolean flag {name}: {e}"))?,
        }
    } else {
        let v = match value {
            Some(v) => v,
            None => match rev.pop() {
                Some(v) => v,
                None => return Err(format!("flag needs an argument: -{name}")),
            },
        };
        set(&v).map_err(|e| {
            format!(
                "invalid value {} for flag -{name}: {e}",
                super::strconv::quote(&v)
            )
        })?;
    }
    Ok(true)
}

/// The usage message `flag.Usage` prints: `Usage of <program>:` and `PrintDefaults`.
pub fn usage() -> String {
    let mut out = format!("Usage of {}:\n", program());
    FLAGS.with_borrow(|flags| {
        let mut sorted: Vec<&Flag> = flags.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        for f in sorted {
            let (name, usage) = unquote_usage(f);
            let mut line = format!("  -{}", f.name);
            if !name.is_empty() {
                line.push(' ');
                line.push_str(&name);
            }
            if line.len() <= 4 {
                line.push('\t');
            } else {
                line.push_str("\n    \t");
            }
            line.push_str(&usage.replace('\n', "\n    \t"));
            if f.def_value != f.zero {
                if f.type_name == "string" {
                    line.push_str(&format!(
                        " (default {})",
                        super::strconv::quote(&f.def_value)
                    ));
                } else {
                    line.push_str(&format!(" (default {})", f.def_value));
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
    });
    out
}

/// `flag.UnquoteUsage`: a back-quoted name in the usage names the value.
fn unquote_usage(f: &Flag) -> (String, String) {
    let u = &f.usage;
    if let Some(i) = u.find('`') {
        if let Some(j) = u[i + 1..].find('`') {
            let j = i + 1 + j;
            let name = u[i + 1..j].to_string();
            let usage = format!("{}{}{}", &u[..i], name, &u[j + 1..]);
            return (name, usage);
        }
    }
    (f.type_name.to_string(), u.clone())
}

fn with_args<R>(f: impl FnOnce(&[String]) -> R) -> R {
    let args = ARGS.lock().unwrap_or_else(|e| e.into_inner());
    f(args.as_deref().unwrap_or(&[]))
}

/// `flag.Args()`: the arguments after the flags.
pub fn args() -> Vec<String> {
    with_args(|a| a.to_vec())
}

/// `flag.NArg()`.
pub fn narg() -> i64 {
    with_args(|a| a.len() as i64)
}

/// `flag.Arg(i)`: the `i`th argument after the flags, or `""`.
pub fn arg(i: i64) -> String {
    with_args(|a| {
        usize::try_from(i)
            .ok()
            .and_then(|i| a.get(i).cloned())
            .unwrap_or_default()
    })
}

/// `flag.Parsed()`.
pub fn parsed() -> bool {
    ARGS.lock().unwrap_or_else(|e| e.into_inner()).is_some()
}
