//! Calls into the standard library, mapped to Rust one function at a time. A function that is
//! not mapped yet becomes a `todo!()` under an `unsupported` marker naming it.
//!
//! Each package family has its own file; a mapping prefers the plain Rust method where it has
//! exactly Go's behaviour (`strings.Contains` → `str::contains`) and calls a support module
//! where Go's rules differ (`strings.Title`, `strconv.Atoi`'s error texts, `math.Max` on NaN).

mod atomic;
mod big;
mod bytes;
mod container;
mod context;
mod csv;
mod encoding;
mod flag;
mod json;
mod log;
mod math;
mod misc;
mod os_io;
mod reflect;
mod reflect_desc;
mod regexp;
mod slices_maps;
mod strconv;
mod strings;
mod tabwriter;
mod template;
mod time;
mod url;

pub(crate) use context::is_context;
pub(crate) use json::{plan as json_plan, JsonPlan};
pub(crate) use time::is_mapped_time_type;
pub(crate) use url::is_url_values;

use crate::ctx::Ctx;
use crate::expr::paren_if_needed;
use goxide_ast::ast::{Expr, ExprKind};
use goxide_types::ConstValue;
use num_traits::ToPrimitive;
use syn::parse_quote;

/// The arguments of a standard-library call: the Go expressions and their translations
/// (borrowed form; constants as typed literals).
pub(crate) struct Args<'e> {
    pub exprs: &'e [Expr],
    pub vals: Vec<syn::Expr>,
}

impl Args<'_> {
    pub fn len(&self) -> usize {
        self.exprs.len()
    }

    /// Argument `i`, parenthesized where a method call on it needs it.
    pub fn v(&self, i: usize) -> syn::Expr {
        paren_if_needed(self.vals[i].clone())
    }
}

impl Ctx<'_> {
    pub fn stdlib_call(
        &mut self,
        e: &Expr,
        pkg: &str,
        name: &str,
        args: &[Expr],
        ellipsis: bool,
    ) -> syn::Expr {
        if pkg == "fmt" {
            return self.fmt_call(e, name, args, ellipsis);
        }
        if pkg == "io/ioutil" {
            // The deprecated package's functions are the ones os and io now have.
            let to = match name {
                "ReadFile" => Some(("os", "ReadFile")),
                "WriteFile" => Some(("os", "WriteFile")),
                "TempDir" => Some(("os", "MkdirTemp")),
                "TempFile" => Some(("os", "CreateTemp")),
                "ReadAll" => Some(("io", "ReadAll")),
                "NopCloser" => Some(("io", "NopCloser")),
                _ => None,
            };
            if let Some((p, n)) = to {
                return self.stdlib_call(e, p, n, args, ellipsis);
            }
        }
        if pkg == "errors" {
            return self.errors_call(e, name, args);
        }
        if matches!(pkg, "slices" | "maps" | "cmp") {
            // These look at their arguments' forms (`slices.Sorted(maps.Keys(m))`, the slice
            // sorted in place) and translate them themselves.
            return self.slices_maps_call(e, pkg, name, args, ellipsis);
        }
        if pkg == "log" {
            return self.log_call(e, name, args, ellipsis);
        }
        if pkg == "sort"
            && !ellipsis
            && matches!(
                name,
                "Sort" | "Stable" | "IsSorted" | "Slice" | "SliceStable" | "SliceIsSorted"
            )
        {
            // These look at their arguments' forms (`sort.Reverse(ByAge(xs))`, a callback that
            // reads the slice) rather than at their values.
            let a = Args {
                exprs: args,
                vals: Vec::new(),
            };
            if let Some(x) = self.sort_call(name, &a) {
                return x;
            }
        }
        if pkg == "runtime" && !ellipsis {
            if let Some(x) = self.runtime_form_call(e, name, args) {
                return x;
            }
        }
        if pkg == "reflect" && matches!(name, "TypeOf" | "ValueOf") && !ellipsis {
            // These translate their argument themselves (a static type's value need not be
            // evaluated).
            if let Some(x) = self.reflect_of_call(name, args) {
                return x;
            }
        }
        if pkg == "encoding/csv" && name == "NewReader" && !ellipsis && args.len() == 1 {
            return match self.csv_new_reader(&args[0]) {
                Some(x) => x,
                None => self.unsupported(e, "csv.NewReader of this reader"),
            };
        }
        if pkg == "context" && !ellipsis {
            return self.context_call(e, name, args);
        }
        if pkg == "time" && name == "Date" && !ellipsis {
            // (Its location argument is read, not translated.)
            let a = Args {
                exprs: args,
                vals: Vec::new(),
            };
            return match self.time_call(name, &a) {
                Some(x) => x,
                None => self.unsupported(e, "time.Date with this location"),
            };
        }
        if pkg == "encoding/json" && name == "Unmarshal" && !ellipsis {
            return self.json_unmarshal(e, args);
        }
        if pkg == "encoding/json" && name == "NewEncoder" && args.len() == 1 {
            return self.json_new_encoder(e, &args[0]);
        }
        if pkg == "io" && !ellipsis {
            if let Some(x) = self.io_call(e, name, args) {
                return x;
            }
        }
        if pkg == "bufio" && matches!(name, "NewReader" | "NewWriter") && args.len() == 1 {
            return self.bufio_new(e, name, &args[0]);
        }
        if pkg == "bufio" && name == "NewScanner" && !ellipsis && args.len() == 1 {
            return match self.new_scanner(&args[0]) {
                Some(x) => x,
                None => self.unsupported(e, "bufio.NewScanner of this reader"),
            };
        }
        let vals: Vec<syn::Expr> = args.iter().map(|a| self.std_arg(a)).collect();
        let a = Args { exprs: args, vals };
        let mapped = if ellipsis {
            None
        } else {
            match pkg {
                "strings" => self.strings_call(name, &a),
                "strconv" => self.strconv_call(name, &a),
                "math" => self.math_call(name, &a),
                "math/bits" => self.bits_call(name, &a),
                "math/big" => self.big_call(name, &a),
                "regexp" => self.regexp_call(name, &a),
                "math/rand" => self.rand_call(name, &a),
                "sort" => self.sort_call(name, &a),
                "unicode" => self.unicode_call(name, &a),
                "unicode/utf8" => self.utf8_call(name, &a),
                "unicode/utf16" => self.utf16_call(name, &a),
                "sync/atomic" => self.atomic_call(name, &a, self.stmt_call == Some(e.id)),
                "bytes" => self.bytes_call(name, &a),
                "time" => self.time_call(name, &a),
                "os" => match self.system_call(pkg, name, &a) {
                    Some(x) => Some(x),
                    None => self.os_call(name, &a),
                },
                "runtime" | "runtime/debug" | "testing" => self.system_call(pkg, name, &a),
                "reflect" => self.reflect_call(name, &a),
                "flag" => self.flag_call(name, &a),
                "container/heap" => self.heap_call(name, &a),
                "container/list" | "container/ring" => self.container_new(pkg, name, &a),
                "text/tabwriter" => self.tabwriter_call(name, &a),
                "encoding/csv" => self.csv_call(name, &a),
                "text/template" => self.template_call(name, &a),
                "net/url" => self.url_call(name, &a),
                "encoding/json" => self.json_call(e, name, &a),
                "path" | "path/filepath" => self.path_call(name, &a),
                "encoding/hex" => self.hex_call(name, &a),
                "hash/crc32" | "crypto/sha256" | "crypto/md5" => self.hash_call(pkg, name, &a),
                _ => None,
            }
        };
        match mapped {
            Some(x) => x,
            None => self.unsupported(e, &format!("standard library function {pkg}.{name}")),
        }
    }

    /// A standard-library call's argument, translated for reading: a constant as a typed
    /// literal, `nil` with its type written out, anything else borrowed.
    pub(crate) fn std_arg(&mut self, a: &Expr) -> syn::Expr {
        if ["Stdin", "Stdout", "Stderr"]
            .iter()
            .any(|n| self.is_pkg_member(a, "os", n))
        {
            // The standard streams have no value of their own: mappings that take
            // them look at the expression.
            return parse_quote!(());
        }
        let t = self.type_of(a);
        match t {
            Some(t) if self.info.const_value(a.id).is_some() => {
                let t = goxide_types::default_type(&self.prog.types, t);
                let v = self.info.const_value(a.id).cloned();
                match v.and_then(|v| self.const_expr_of(a, &v, t, true)) {
                    Some(c) => c,
                    None => self.value_as(a, t),
                }
            }
            // A `nil` argument (`bytes.Equal(nil, x)`) is used as a receiver here:
            // its type is written out.
            Some(t) if self.is_untyped_nil(a) => {
                let v = self.borrowed(a);
                match self.rust_type(t) {
                    Some(ty) => crate::builtins::typed_value(v, ty),
                    None => v,
                }
            }
            _ => self.borrowed(a),
        }
    }

    /// A string argument where Rust wants a `&str` (or a pattern): the literal when it is a
    /// constant, else a borrow of the value.
    pub(crate) fn str_ref(&self, a: &Args, i: usize) -> syn::Expr {
        match self.const_str(&a.exprs[i]) {
            Some(l) => parse_quote!(#l),
            None => {
                if let Some(p) = self.str_param_of(&a.exprs[i]) {
                    // A `&str` parameter as it is.
                    let id = self.var_name(p);
                    return parse_quote!(#id);
                }
                let v = a.v(i);
                if let Some(part) = crate::expr::str_slice_copy(&v) {
                    // `s[a..b].to_string()`: the part itself, `&s[a..b]`.
                    return parse_quote!(&#part);
                }
                match v {
                    syn::Expr::Reference(_) => v,
                    _ => parse_quote!(&#v),
                }
            }
        }
    }

    /// A string argument as the receiver of a `str` method: the literal when it is a constant.
    pub(crate) fn str_recv(&self, a: &Args, i: usize) -> syn::Expr {
        match self.const_str(&a.exprs[i]) {
            Some(l) => parse_quote!(#l),
            None => {
                let v = a.v(i);
                match crate::expr::str_slice_copy(&v) {
                    Some(part) => part.clone(),
                    None => v,
                }
            }
        }
    }

    /// A string argument as a `&str`: the literal, or `x.as_str()`.
    pub(crate) fn str_slice(&self, a: &Args, i: usize) -> syn::Expr {
        match self.const_str(&a.exprs[i]) {
            Some(l) => parse_quote!(#l),
            None if self.str_param_of(&a.exprs[i]).is_some() => a.v(i),
            None => {
                let v = a.v(i);
                parse_quote!(#v.as_str())
            }
        }
    }

    /// Integer argument `i` as the Rust integer type `ty`: cast, unless it has that type.
    pub(crate) fn int_arg(&mut self, a: &Args, i: usize, ty: &syn::Type) -> syn::Expr {
        let x = a.v(i);
        let own = self
            .type_of(&a.exprs[i])
            .map(|t| goxide_types::default_type(&self.prog.types, t))
            .and_then(|t| self.rust_type(t));
        let want = quote::quote!(#ty).to_string();
        if own.is_some_and(|t| quote::quote!(#t).to_string() == want) {
            x
        } else {
            parse_quote!(#x as #ty)
        }
    }

    /// The value of an integer constant argument.
    pub(crate) fn const_int(&self, a: &Args, i: usize) -> Option<i64> {
        match self.info.const_value(a.exprs[i].id)? {
            ConstValue::Int(n) => n.to_i64(),
            _ => None,
        }
    }

    /// A constant rune argument as a `char` literal.
    pub(crate) fn const_char(&self, a: &Args, i: usize) -> Option<syn::Expr> {
        let n = self.const_int(a, i)?;
        let c = char::from_u32(u32::try_from(n).ok()?)?;
        let lit = syn::LitChar::new(c, proc_macro2::Span::call_site());
        Some(parse_quote!(#lit))
    }

    /// A function-valued argument as something callable: a closure for a function literal, else
    /// the function value.
    pub(crate) fn func_arg(&mut self, a: &Args, i: usize) -> syn::Expr {
        let x = &a.exprs[i];
        if matches!(
            crate::builtins::strip_parens(x).kind,
            ExprKind::FuncLit { .. }
        ) {
            if let Some(c) = self.closure(crate::builtins::strip_parens(x)) {
                return c;
            }
        }
        a.v(i)
    }

    /// A function literal that the standard-library call it is passed to calls before it
    /// returns (`sort.Search(n, func(i int) bool {…})`): a closure that borrows what it uses
    /// instead of cloning it. With `data`, the closure takes that variable (the slice being
    /// sorted) as its first argument, under the variable's name.
    pub(crate) fn borrowing_closure(
        &mut self,
        f: &Expr,
        data: Option<goxide_types::ObjId>,
    ) -> Option<syn::Expr> {
        let f = crate::builtins::strip_parens(f);
        if !matches!(f.kind, ExprKind::FuncLit { .. }) {
            return None;
        }
        let mut c = match self.closure(f)? {
            syn::Expr::Block(b) => match b.block.stmts.last() {
                Some(syn::Stmt::Expr(e, None)) => e.clone(),
                _ => return None,
            },
            c => c,
        };
        let syn::Expr::Closure(cl) = &mut c else {
            return None;
        };
        cl.capture = None;
        if let Some(obj) = data {
            let id = self.var_name(obj);
            cl.inputs.insert(0, parse_quote!(#id));
        }
        Some(c)
    }

    fn errors_call(&mut self, e: &Expr, name: &str, args: &[Expr]) -> syn::Expr {
        self.use_support("errors");
        match (name, args) {
            ("New", [msg]) => {
                let m: syn::Expr = match self.const_str(msg) {
                    Some(l) => parse_quote!(#l),
                    None => self.value(msg),
                };
                parse_quote!(crate::support::errors::new(#m))
            }
            ("Is", [a, b]) => {
                let (a, b) = (self.borrowed(a), self.borrowed(b));
                parse_quote!(crate::support::errors::is(&#a, &#b))
            }
            ("Unwrap", [a]) => {
                let a = self.borrowed(a);
                parse_quote!(crate::support::errors::unwrap(&#a))
            }
            ("As", [err, target]) => {
                let ExprKind::Unary {
                    op: goxide_ast::ast::UnaryOp::Addr,
                    x,
                } = &crate::builtins::strip_parens(target).kind
                else {
                    return self.unsupported(e, "errors.As with this target");
                };
                let Some(tx) = self.type_of(x) else {
                    return self.unsupported(e, "errors.As");
                };
                let (finder, ty) = match self.ty(tx).clone() {
                    goxide_types::Type::Pointer(base) if self.ptr_error(base) => {
                        (quote::quote!(as_ptr), self.rust_type(base))
                    }
                    _ if self.error_types.contains(&tx) => {
                        (quote::quote!(as_value), self.rust_type(tx))
                    }
                    _ => return self.unsupported(e, "errors.As with this target type"),
                };
                let Some(ty) = ty else {
                    return self.unsupported(e, "errors.As with this target type");
                };
                let err = self.borrowed(err);
                let place = self.place(x);
                parse_quote!(match crate::support::errors::#finder::<#ty>(&#err) {
                    Some(found) => {
                        #place = found;
                        true
                    }
                    None => false,
                })
            }
            _ => self.unsupported(e, &format!("standard library function errors.{name}")),
        }
    }

    /// A qualified identifier that is not a call and not a constant (`os.Args`, `math.MaxInt`
    /// was folded).
    pub fn qualified_value(&mut self, e: &Expr) -> syn::Expr {
        if let ExprKind::Selector { x, sel } = &e.kind {
            let pkg = self.obj_of(x).and_then(|o| match self.obj(o).kind {
                goxide_types::ObjKind::PkgName(p) => Some(self.prog.pkg(p).path.clone()),
                _ => None,
            });
            if pkg.as_deref() == Some("os") && sel.name == "Args" {
                return parse_quote!(std::env::args().collect::<Vec<String>>());
            }
            if let Some(v) = pkg.as_deref().and_then(|p| self.os_io_value(p, &sel.name)) {
                return v;
            }
            if pkg.as_deref() == Some("context") {
                if let Some(v) = self.context_value(&sel.name) {
                    return v;
                }
            }
            if pkg.as_deref() == Some("encoding/base64") {
                if let Some(v) = self.base64_value(&sel.name) {
                    return v;
                }
            }
            if let Some(v) = pkg
                .as_deref()
                .and_then(|p| self.std_error_value(p, &sel.name))
            {
                return v;
            }
            if pkg.as_deref() == Some("strconv") && sel.name == "Itoa" {
                let rc = self.rc_path();
                return parse_quote!(#rc::new(|i: i64| i.to_string()));
            }
            if let Some(f) = pkg.and_then(|p| func_value(&p, &sel.name)) {
                self.use_support("unicode");
                let f = ident(f);
                let rc = self.rc_path();
                return parse_quote!(#rc::new(crate::support::unicode::#f));
            }
            if let Some(v) = self.std_func_closure(e) {
                return v;
            }
        }
        self.unsupported(e, "standard library value")
    }

    /// A standard-library function used as a value (`strings.ToUpper` stored in a table): a
    /// closure that makes the call as a call site would, `Rc::new(|s: String| -> String {
    /// s.to_uppercase() })`. Signatures with one result at most, not variadic.
    fn std_func_closure(&mut self, e: &Expr) -> Option<syn::Expr> {
        let t = self.type_of(e)?;
        let goxide_types::Type::Func(sig) = self.ty(t).clone() else {
            return None;
        };
        if sig.variadic || sig.results.len() > 1 {
            return None;
        }
        let mut params = Vec::new();
        let mut args = Vec::new();
        // Go's parameter names where they are distinct (`s` for `strings.ToUpper`).
        let ids = crate::interfaces::param_idents(&sig.param_names, sig.params.len());
        for (id, &pt) in ids.iter().zip(&sig.params) {
            let ty = self.rust_type(pt)?;
            params.push(quote::quote!(#id: #ty));
            args.push(self.synthetic_expr(&id.to_string(), pt, e.span));
        }
        let ret = self.results_type(&sig.results, 0)?;
        let call = Expr {
            id: goxide_ast::ast::NodeId(u32::MAX - 100_000 - self.synthetic.len() as u32),
            span: e.span,
            kind: ExprKind::Call {
                func: Box::new(e.clone()),
                args,
                ellipsis: false,
            },
        };
        if let Some(&r) = sig.results.first() {
            self.synthetic.insert(call.id, (String::new(), r));
        }
        let markers = self.pending_markers.len();
        let body = self.value(&call);
        if self.pending_markers.len() != markers {
            // The call is not translated either: the value's own marker says so.
            self.pending_markers.truncate(markers);
            return None;
        }
        let body: syn::Stmt = if sig.results.is_empty() {
            parse_quote!(#body;)
        } else {
            syn::Stmt::Expr(body, None)
        };
        let rc = self.rc_path();
        Some(parse_quote!(#rc::new(|#(#params),*| #ret { #body })))
    }
}

/// The function argument that a standard-library function calls only before it returns
/// (`sort.Slice`'s `less`): a literal there borrows the variables it uses (see
/// [`Ctx::borrowing_closure`]).
pub fn immediate_func_arg(pkg: &str, name: &str) -> Option<usize> {
    match (pkg, name) {
        ("sort", "Slice" | "SliceStable" | "SliceIsSorted" | "Search") => Some(1),
        ("slices", "SortFunc" | "SortStableFunc" | "ContainsFunc" | "IndexFunc" | "DeleteFunc")
        | ("maps", "DeleteFunc") => Some(1),
        _ => None,
    }
}

/// The argument a standard-library function modifies in place (`sort.Ints(a)` sorts the
/// caller's `a`): the analysis must treat it as mutated (its elements written), so that the
/// variable is declared `mut` and a slice parameter is taken as `&mut [T]`.
pub fn mutated_arg(pkg: &str, name: &str) -> Option<usize> {
    match (pkg, name) {
        ("sort", "Ints" | "Strings" | "Float64s" | "Sort" | "Stable" | "Slice" | "SliceStable") => {
            Some(0)
        }
        ("slices", "Sort" | "SortFunc" | "SortStableFunc" | "Reverse")
        | ("maps", "Copy" | "DeleteFunc") => Some(0),
        _ => None,
    }
}

/// A standard-library function used as a value (`strings.TrimFunc(s, unicode.IsSpace)`) that
/// a support function implements with the same signature.
fn func_value(pkg: &str, name: &str) -> Option<&'static str> {
    if pkg != "unicode" {
        return None;
    }
    Some(match name {
        "IsUpper" => "is_upper",
        "IsLower" => "is_lower",
        "IsLetter" => "is_letter",
        "IsDigit" => "is_digit",
        "IsPunct" => "is_punct",
        "IsSpace" => "is_space",
        "ToUpper" => "to_upper",
        "ToLower" => "to_lower",
        "ToTitle" => "to_title",
        _ => return None,
    })
}

/// A pointer to a standard-library type that is a handle in Rust (`*bufio.Scanner` is a
/// `support::bufio::Scanner`, `*base64.Encoding` a `support::encoding::Base64`): calling its
/// methods needs no mutable borrow and copying it shares it. Returns `(package, type)`.
pub fn std_handle(
    prog: &goxide_types::Program,
    t: goxide_types::TypeId,
) -> Option<(&'static str, &'static str)> {
    let goxide_types::Type::Pointer(e) = prog.types.get(t) else {
        return None;
    };
    let goxide_types::Type::Named(n) = prog.types.get(*e) else {
        return None;
    };
    let o = prog.obj(n.obj);
    let pkg = prog.pkg(o.pkg?).path.as_str();
    match (pkg, o.name.as_str()) {
        ("bufio", "Scanner") => Some(("bufio", "Scanner")),
        ("encoding/base64", "Encoding") => Some(("encoding/base64", "Encoding")),
        ("container/list", "List") => Some(("container/list", "List")),
        ("container/list", "Element") => Some(("container/list", "Element")),
        ("container/ring", "Ring") => Some(("container/ring", "Ring")),
        ("text/tabwriter", "Writer") => Some(("text/tabwriter", "Writer")),
        ("encoding/csv", "Reader") => Some(("encoding/csv", "Reader")),
        ("encoding/csv", "Writer") => Some(("encoding/csv", "Writer")),
        ("net/url", "URL") => Some(("net/url", "URL")),
        ("net/url", "Userinfo") => Some(("net/url", "Userinfo")),
        ("encoding/json", "Encoder") => Some(("encoding/json", "Encoder")),
        ("os", "File") => Some(("os", "File")),
        ("math/big", "Int") => Some(("math/big", "Int")),
        ("regexp", "Regexp") => Some(("regexp", "Regexp")),
        ("text/template", "Template") => Some(("text/template", "Template")),
        ("bufio", "Reader") => Some(("bufio", "Reader")),
        ("bufio", "Writer") => Some(("bufio", "Writer")),
        ("time", "Timer") => Some(("time", "Timer")),
        ("time", "Ticker") => Some(("time", "Ticker")),
        _ => None,
    }
}

/// A pointer to a standard-library type whose handle can be nil (`*list.Element`): its Rust
/// type (`support::list::Element`), whose `nil()` is Go's nil, `is_nil()` tests for it and `==`
/// compares identity. Returns `(support module, type)`.
pub fn nullable_handle(
    prog: &goxide_types::Program,
    t: goxide_types::TypeId,
) -> Option<(&'static str, &'static str)> {
    match std_handle(prog, t)? {
        ("container/list", name) => Some(("list", name)),
        ("container/ring", name) => Some(("ring", name)),
        ("net/url", "URL") => Some(("url", "Url")),
        ("net/url", "Userinfo") => Some(("url", "Userinfo")),
        _ => None,
    }
}

/// The support module and Rust type of a [`std_handle`] type.
pub fn std_handle_type(pkg: &str, name: &str) -> (&'static str, &'static str) {
    match (pkg, name) {
        ("bufio", "Scanner") => ("bufio", "Scanner"),
        ("encoding/json", "Encoder") => ("json", "Encoder"),
        ("os", "File") => ("os", "File"),
        ("math/big", "Int") => ("big", "Int"),
        ("regexp", "Regexp") => ("regexp", "Regexp"),
        ("text/template", "Template") => ("template", "Template"),
        ("bufio", "Reader") => ("bufio", "Reader"),
        ("bufio", "Writer") => ("bufio", "Writer"),
        ("encoding/csv", "Reader") => ("csv", "Reader"),
        ("encoding/csv", "Writer") => ("csv", "Writer"),
        ("text/tabwriter", _) => ("tabwriter", "Writer"),
        ("container/list", "List") => ("list", "List"),
        ("container/list", _) => ("list", "Element"),
        ("container/ring", _) => ("ring", "Ring"),
        ("net/url", "URL") => ("url", "Url"),
        ("net/url", _) => ("url", "Userinfo"),
        ("time", "Timer") => ("time", "Timer"),
        ("time", "Ticker") => ("time", "Ticker"),
        _ => ("encoding", "Base64"),
    }
}

/// Whether evaluating `e` twice is harmless and cheap (a name, a field, a literal).
pub(crate) fn is_simple(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Path(_) | syn::Expr::Lit(_) => true,
        syn::Expr::Field(f) => is_simple(&f.base),
        syn::Expr::Paren(p) => is_simple(&p.expr),
        syn::Expr::Reference(r) => is_simple(&r.expr),
        _ => false,
    }
}

/// An identifier for generated code.
pub(crate) fn ident(name: &str) -> syn::Ident {
    syn::Ident::new(name, proc_macro2::Span::call_site())
}
