//! `os` files and environment, `io` helpers, and `bufio.Reader` / `bufio.Writer`: `*os.File`,
//! `*bufio.Reader` and `*bufio.Writer` are handles of the `os` and `bufio` support modules
//! (copies share the file or buffer); errors carry Go's texts.
//!
//! | Go | Rust |
//! | --- | --- |
//! | `os.ReadFile(p)`, `os.WriteFile(p, b, 0644)` | `support::os::read_file(&p)`, `os::write_file(&p, &b, 0o644)` |
//! | `f, err := os.Create(p)` (`Open`, `OpenFile(p, flag, perm)`), `f.WriteString(s)`, `f.Close()` | `let (f, err) = support::os::create(&p);`, `f.write_string(&s)`, `f.close()` |
//! | `os.Remove(p)`, `os.MkdirTemp("", "x-*")`, `os.Setenv(k, v)`, `os.LookupEnv(k)` | `support::os::remove(&p)`, `os::mkdir_temp("", "x-*")`, `os::setenv(&k, &v)`, `os::lookup_env(&k)` |
//! | `io.ReadAll(f)`, `io.Copy(os.Stdout, f)`, `io.WriteString(w, s)`, `err == io.EOF` | `support::io::read_all(f.clone())`, `io::copy(std::io::stdout(), f.clone())`, `io::write_string(w.clone(), &s)`, `errors::same(&err, &support::io::eof())` |
//! | `r := bufio.NewReader(os.Stdin)`, `r.ReadString('\n')` | `support::bufio::Reader::new(std::io::stdin())`, `r.read_string(b'\n')` |
//! | `w := bufio.NewWriter(f)`, `fmt.Fprintf(w, …)`, `w.Flush()` | `support::bufio::Writer::new(f.clone())`, `w.write_string(&format!(…))`, `w.flush()` |

use super::{ident, Args};
use crate::ctx::Ctx;
use goxide_ast::ast::{Expr, ExprKind};
use syn::parse_quote;

impl Ctx<'_> {
    /// Which standard handle type (`("os", "File")`, `("bufio", "Writer")`) `e` has.
    pub(crate) fn handle_of(&self, e: &Expr) -> Option<(&'static str, &'static str)> {
        let t = self.type_of(e)?;
        super::std_handle(self.prog, self.resolve(t))
    }

    /// A reader argument as a Rust `impl Read`: `os.Stdin`, `strings.NewReader(s)`,
    /// `bytes.NewReader(b)`, or a `*os.File` / `*bufio.Reader` handle.
    pub(crate) fn reader_of(&mut self, r: &Expr) -> Option<syn::Expr> {
        let r = crate::builtins::strip_parens(r);
        if self.is_pkg_member(r, "os", "Stdin") {
            return Some(parse_quote!(std::io::stdin()));
        }
        if let ExprKind::Call { func, args, .. } = &r.kind {
            let [arg] = args.as_slice() else {
                return None;
            };
            if self.is_pkg_member(func, "strings", "NewReader") {
                let s: syn::Expr = match self.const_str(arg) {
                    Some(l) => parse_quote!(#l),
                    None => self.value(arg),
                };
                return Some(parse_quote!(std::io::Cursor::new(#s)));
            }
            if self.is_pkg_member(func, "bytes", "NewReader") {
                let b = self.value(arg);
                return Some(parse_quote!(std::io::Cursor::new(#b)));
            }
        }
        match self.handle_of(r)? {
            ("os", "File") | ("bufio", "Reader") => {
                let v = crate::expr::paren_if_needed(self.borrowed(r));
                Some(parse_quote!(#v.clone()))
            }
            _ => None,
        }
    }

    /// A writer argument as a Rust `impl Write`: `os.Stdout`, `os.Stderr`, or a `*os.File` /
    /// `*bufio.Writer` handle.
    pub(crate) fn writer_of(&mut self, w: &Expr) -> Option<syn::Expr> {
        if self.is_pkg_member(w, "os", "Stdout") {
            return Some(parse_quote!(std::io::stdout()));
        }
        if self.is_pkg_member(w, "os", "Stderr") {
            return Some(parse_quote!(std::io::stderr()));
        }
        match self.handle_of(w)? {
            ("os", "File") | ("bufio", "Writer") => {
                let v = crate::expr::paren_if_needed(self.borrowed(w));
                Some(parse_quote!(#v.clone()))
            }
            _ => None,
        }
    }

    /// `os.Stdin`, `os.Stdout`, `os.Stderr` as values, and `io.EOF`.
    pub(super) fn os_io_value(&mut self, pkg: &str, name: &str) -> Option<syn::Expr> {
        match (pkg, name) {
            ("os", "Stdin" | "Stdout" | "Stderr") => {
                self.use_support("os");
                let f = ident(&name.to_lowercase());
                Some(parse_quote!(crate::support::os::File::#f()))
            }
            ("io", "EOF") => {
                self.use_support("io");
                Some(parse_quote!(crate::support::io::eof()))
            }
            _ => None,
        }
    }

    /// The `os` file and environment functions.
    pub(super) fn os_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let f = match (name, a.len()) {
            ("ReadFile" | "Open" | "Create" | "Remove" | "RemoveAll" | "Unsetenv", 1) => match name
            {
                "ReadFile" => "read_file",
                "Open" => "open",
                "Create" => "create",
                "Remove" => "remove",
                "RemoveAll" => "remove_all",
                _ => "unsetenv",
            },
            ("LookupEnv", 1) => "lookup_env",
            ("IsNotExist" | "IsExist", 1) => {
                self.use_support("os");
                let f = ident(if name == "IsExist" {
                    "is_exist"
                } else {
                    "is_not_exist"
                });
                let err = a.v(0);
                return Some(parse_quote!(crate::support::os::#f(&#err)));
            }
            ("TempDir", 0) => {
                self.use_support("os");
                return Some(parse_quote!(crate::support::os::temp_dir()));
            }
            ("MkdirTemp" | "CreateTemp" | "Setenv", 2) => {
                self.use_support("os");
                let f = ident(match name {
                    "MkdirTemp" => "mkdir_temp",
                    "CreateTemp" => "create_temp",
                    _ => "setenv",
                });
                let (x, y) = (self.str_ref(a, 0), self.str_ref(a, 1));
                return Some(parse_quote!(crate::support::os::#f(#x, #y)));
            }
            ("Mkdir" | "MkdirAll", 2) => {
                self.use_support("os");
                let f = ident(if name == "Mkdir" {
                    "mkdir"
                } else {
                    "mkdir_all"
                });
                let p = self.str_ref(a, 0);
                let perm = self.perm_arg(a, 1);
                return Some(parse_quote!(crate::support::os::#f(#p, #perm)));
            }
            ("WriteFile", 3) => {
                self.use_support("os");
                let p = self.str_ref(a, 0);
                let b = a.v(1);
                let perm = self.perm_arg(a, 2);
                return Some(parse_quote!(crate::support::os::write_file(#p, &#b, #perm)));
            }
            ("OpenFile", 3) => {
                self.use_support("os");
                let p = self.str_ref(a, 0);
                let flag = self.int_arg(a, 1, &parse_quote!(i64));
                let perm = self.perm_arg(a, 2);
                return Some(parse_quote!(crate::support::os::open_file(#p, #flag, #perm)));
            }
            _ => return None,
        };
        self.use_support("os");
        let f = ident(f);
        let p = self.str_ref(a, 0);
        Some(parse_quote!(crate::support::os::#f(#p)))
    }

    /// `io.ReadAll`, `io.Copy`, `io.WriteString` (arguments untranslated: readers and writers
    /// are recognized by form).
    pub(super) fn io_call(&mut self, e: &Expr, name: &str, args: &[Expr]) -> Option<syn::Expr> {
        let call = match (name, args) {
            ("ReadAll", [r]) => {
                let r = self.reader_of(r)?;
                parse_quote!(crate::support::io::read_all(#r))
            }
            ("Copy", [w, r]) => {
                let (w, r) = (self.writer_of(w)?, self.reader_of(r)?);
                parse_quote!(crate::support::io::copy(#w, #r))
            }
            ("WriteString", [w, s]) => {
                let w = self.writer_of(w)?;
                let s = self.str_arg_ref(s);
                parse_quote!(crate::support::io::write_string(#w, #s))
            }
            _ => return Some(self.unsupported(e, &format!("standard library function io.{name}"))),
        };
        self.use_support("io");
        Some(call)
    }

    /// `bufio.NewReader(r)`, `bufio.NewWriter(w)` (arguments untranslated).
    pub(super) fn bufio_new(&mut self, e: &Expr, name: &str, arg: &Expr) -> syn::Expr {
        let made = match name {
            "NewReader" => self
                .reader_of(arg)
                .map(|r| parse_quote!(crate::support::bufio::Reader::new(#r))),
            _ => self
                .writer_of(arg)
                .map(|w| parse_quote!(crate::support::bufio::Writer::new(#w))),
        };
        match made {
            Some(x) => {
                self.use_support("bufio");
                x
            }
            None => self.unsupported(e, &format!("bufio.{name} of this argument")),
        }
    }

    /// A permission argument (`0644`) as a `u32`: an octal literal when constant.
    fn perm_arg(&mut self, a: &Args, i: usize) -> syn::Expr {
        match self.const_int(a, i).and_then(|n| u32::try_from(n).ok()) {
            Some(n) => {
                let lit = syn::LitInt::new(&format!("0o{n:o}"), proc_macro2::Span::call_site());
                parse_quote!(#lit)
            }
            None => self.int_arg(a, i, &parse_quote!(u32)),
        }
    }

    /// A string expression as a `&str`.
    fn str_arg_ref(&mut self, s: &Expr) -> syn::Expr {
        match self.const_str(s) {
            Some(l) => parse_quote!(#l),
            None => {
                let v = crate::expr::paren_if_needed(self.borrowed(s));
                parse_quote!(#v.as_str())
            }
        }
    }

    /// Methods of `*os.File`, `*bufio.Reader` and `*bufio.Writer` handles.
    pub(crate) fn handle_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        kind: (&str, &str),
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let h = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        let call: Option<syn::Expr> = match (kind.1, name, args) {
            (_, "WriteString", [s]) if kind.1 != "Reader" => {
                let s = self.str_arg_ref(s);
                Some(parse_quote!(#h.write_string(#s)))
            }
            (_, "Write", [b]) if kind.1 != "Reader" => {
                let b = self.borrowed(b);
                Some(parse_quote!(#h.write(&#b)))
            }
            ("File", "Read", [b]) if self.is_place(b) => {
                let b = crate::expr::as_base(self.place(b));
                Some(parse_quote!(#h.read(&mut #b)))
            }
            ("File", "Close", []) => Some(parse_quote!(#h.close())),
            ("File", "Name", []) => Some(parse_quote!(#h.name())),
            ("File", "Sync", []) => Some(parse_quote!(None)),
            ("Writer", "Flush", []) => Some(parse_quote!(#h.flush())),
            ("Writer", "Buffered", []) => Some(parse_quote!(#h.buffered())),
            ("Writer", "WriteByte", [c]) => {
                let c = self.value(c);
                Some(parse_quote!(#h.write_byte(#c)))
            }
            ("Writer", "WriteRune", [r]) => {
                let r = self.value(r);
                Some(parse_quote!(#h.write_rune(#r)))
            }
            ("Reader", "ReadString" | "ReadBytes", [d]) => {
                let byte = match self.info.const_value(d.id) {
                    Some(goxide_types::ConstValue::Int(n)) => num_traits::ToPrimitive::to_u8(n),
                    _ => None,
                };
                let d: syn::Expr = match byte {
                    Some(b) => {
                        let lit = syn::LitByte::new(b, proc_macro2::Span::call_site());
                        parse_quote!(#lit)
                    }
                    None => self.value(d),
                };
                let m = ident(if name == "ReadString" {
                    "read_string"
                } else {
                    "read_bytes"
                });
                Some(parse_quote!(#h.#m(#d)))
            }
            ("Reader", "ReadLine", []) => Some(parse_quote!(#h.read_line())),
            ("Reader", "ReadRune", []) => Some(parse_quote!(#h.read_rune())),
            ("Reader", "ReadByte", []) => Some(parse_quote!(#h.read_byte())),
            _ => None,
        };
        match call {
            Some(c) => c,
            None => self.unsupported(e, &format!("method {name} of *{}.{}", kind.0, kind.1)),
        }
    }
}
