//! `sort` (in place, on the caller's variable), `unicode`, `unicode/utf8`, `os`, `runtime` and
//! `runtime/debug`.

use super::{ident, Args};
use crate::ctx::Ctx;
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn sort_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (name, a.len()) {
            ("Ints" | "Strings", 1) => {
                let p = crate::expr::as_base(self.place(&a.exprs[0]));
                let p = crate::expr::paren_if_needed(p);
                parse_quote!(#p.sort())
            }
            ("Float64s", 1) => {
                self.use_support("math");
                let p = self.place(&a.exprs[0]);
                parse_quote!(crate::support::math::sort_float64s(&mut #p))
            }
            ("IntsAreSorted" | "StringsAreSorted", 1) => {
                let x = a.v(0);
                parse_quote!(#x.is_sorted())
            }
            ("Float64sAreSorted", 1) => {
                self.use_support("math");
                let x = a.v(0);
                parse_quote!(crate::support::math::float64s_are_sorted(&#x))
            }
            ("SearchInts" | "SearchFloat64s", 2) => {
                let (s, x) = (a.v(0), a.v(1));
                parse_quote!(#s.partition_point(|&v| v < #x) as i64)
            }
            ("SearchStrings", 2) => {
                let (s, x) = (a.v(0), self.str_slice(a, 1));
                parse_quote!(#s.partition_point(|v| v.as_str() < #x) as i64)
            }
            ("Sort" | "Stable" | "IsSorted", 1) => {
                let (p, less) = self.sort_data(&a.exprs[0])?;
                let (d, i, j) = (ident("d"), ident("i"), ident("j"));
                let less = match less {
                    SortLess::Method(f) => f,
                    less => {
                        let call = less.call(&d, &i, &j);
                        parse_quote!(|#d, #i, #j| #call)
                    }
                };
                self.use_support("sort");
                match name {
                    "Sort" => parse_quote!(crate::support::sort::sort(&mut #p, #less)),
                    "Stable" => parse_quote!(crate::support::sort::stable(&mut #p, #less)),
                    _ => parse_quote!(crate::support::sort::is_sorted(&#p, #less)),
                }
            }
            ("Slice" | "SliceStable" | "SliceIsSorted", 2) => {
                // The callback reads the slice being sorted: it receives it as its first
                // argument (under the same name), as the slice is borrowed by the sort.
                let x = crate::builtins::strip_parens(&a.exprs[0]);
                if matches!(x.kind, goxide_ast::ast::ExprKind::Selector { .. }) {
                    return self.sort_field(name, x, &a.exprs[1]);
                }
                if !matches!(x.kind, goxide_ast::ast::ExprKind::Ident(_)) {
                    return None;
                }
                let obj = self.obj_of(x)?;
                if !matches!(
                    self.obj(obj).kind,
                    goxide_types::ObjKind::Var { global: false, .. }
                ) || self.analysis.boxed.contains(&obj)
                    || self.analysis.subslices.contains_key(&obj)
                    || self.analysis.bytestrs.contains(&obj)
                {
                    return None;
                }
                let less = self.borrowing_closure(&a.exprs[1], Some(obj))?;
                let p = self.place(x);
                self.use_support("sort");
                match name {
                    "Slice" => parse_quote!(crate::support::sort::sort(&mut #p, #less)),
                    "SliceStable" => parse_quote!(crate::support::sort::stable(&mut #p, #less)),
                    _ => parse_quote!(crate::support::sort::is_sorted(&#p, #less)),
                }
            }
            ("Search", 2) => {
                let (n, f) = (
                    a.vals[0].clone(),
                    self.borrowing_closure(&a.exprs[1], None)?,
                );
                self.use_support("sort");
                parse_quote!(crate::support::sort::search(#n, #f))
            }
            _ => return None,
        })
    }

    /// `sort.Slice(s.items, func(i, j int) bool { … s.items[i] … })` for a slice field of a
    /// struct held in place (a local struct, the receiver `self`, an owned local pointer): the
    /// callback receives the field as its first argument (`|items, i, j| items[i]…`), and may
    /// read the struct's other fields meanwhile (a closure borrows only the fields it names).
    fn sort_field(
        &mut self,
        name: &str,
        x: &goxide_ast::ast::Expr,
        less: &goxide_ast::ast::Expr,
    ) -> Option<syn::Expr> {
        use goxide_ast::ast::{Expr, ExprKind};
        use goxide_ast::visit::Visitor;
        let ExprKind::Selector { x: base, sel } = &x.kind else {
            return None;
        };
        let field = self.info.selections.get(&x.id)?;
        if field.kind != goxide_types::SelectionKind::FieldVal || field.path.len() != 1 {
            return None;
        }
        let base = crate::builtins::strip_parens(base);
        if !matches!(base.kind, ExprKind::Ident(_)) {
            return None;
        }
        let root = self.obj_of(base)?;
        let held = match self.under(self.obj(root).ty) {
            goxide_types::Type::Struct(_) => self.plain_local(root),
            goxide_types::Type::Pointer(_) => self.is_self_ptr(base) || self.is_owned_ptr(base),
            _ => false,
        };
        if !held
            || !matches!(
                self.type_of(x).map(|t| self.under(t).clone()),
                Some(goxide_types::Type::Slice(_))
            )
        {
            return None;
        }
        // The callback reaches the struct only through its fields.
        struct Fields<'a> {
            info: &'a goxide_types::Info,
            root: goxide_types::ObjId,
            ok: bool,
        }
        impl Visitor for Fields<'_> {
            fn expr(&mut self, e: &Expr) -> bool {
                let is_root = |x: &Expr| {
                    let x = crate::builtins::strip_parens(x);
                    matches!(x.kind, ExprKind::Ident(_))
                        && self.info.uses.get(&x.id) == Some(&self.root)
                };
                match &e.kind {
                    ExprKind::Selector { x, .. } if is_root(x) => {
                        let direct = self.info.selections.get(&e.id).is_some_and(|s| {
                            s.kind == goxide_types::SelectionKind::FieldVal && s.path.len() == 1
                        });
                        self.ok &= direct;
                        return false;
                    }
                    ExprKind::Ident(_) if is_root(e) => self.ok = false,
                    _ => {}
                }
                self.ok
            }
        }
        let mut fields = Fields {
            info: self.info,
            root,
            ok: true,
        };
        goxide_ast::visit::walk_expr(&mut fields, less);
        if !fields.ok {
            return None;
        }
        let target = crate::expr::as_base(self.place(x));
        let mut c = self.borrowing_closure(less, None)?;
        let syn::Expr::Closure(cl) = &mut c else {
            return None;
        };
        // Each use of the field in the callback is the argument (named after the field,
        // unless the callback names something else so).
        let placeholder = syn::Ident::new("__sorted_field", proc_macro2::Span::call_site());
        struct Replace {
            target: String,
            param: syn::Ident,
        }
        impl syn::visit_mut::VisitMut for Replace {
            fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
                if quote::ToTokens::to_token_stream(e).to_string() == self.target {
                    let p = &self.param;
                    *e = parse_quote!(#p);
                    return;
                }
                syn::visit_mut::visit_expr_mut(self, e);
            }
        }
        syn::visit_mut::VisitMut::visit_expr_mut(
            &mut Replace {
                target: quote::ToTokens::to_token_stream(&target).to_string(),
                param: placeholder.clone(),
            },
            &mut cl.body,
        );
        let param = crate::names::temp_not_in(&crate::names::snake(&sel.name), &cl.body);
        syn::visit_mut::VisitMut::visit_expr_mut(
            &mut Replace {
                target: placeholder.to_string(),
                param: param.clone(),
            },
            &mut cl.body,
        );
        cl.inputs.insert(0, parse_quote!(#param));
        self.use_support("sort");
        Some(match name {
            "Slice" => parse_quote!(crate::support::sort::sort(&mut #target, #c)),
            "SliceStable" => parse_quote!(crate::support::sort::stable(&mut #target, #c)),
            _ => parse_quote!(crate::support::sort::is_sorted(&#target, #c)),
        })
    }

    /// The argument of `sort.Sort`, `sort.Stable` or `sort.IsSorted` as the slice it sorts and
    /// the order: a conversion to, or a variable of, a named slice type whose `Swap` exchanges
    /// elements (`ByAge(people)`), `sort.IntSlice(xs)` and its kin, `sort.Reverse(…)` of those.
    fn sort_data(&mut self, e: &goxide_ast::ast::Expr) -> Option<(syn::Expr, SortLess)> {
        use goxide_ast::ast::ExprKind;
        let e = crate::builtins::strip_parens(e);
        if let ExprKind::Call {
            func,
            args,
            ellipsis: false,
        } = &e.kind
        {
            let [arg] = args.as_slice() else {
                return None;
            };
            if let Some(t) = self
                .type_of(func)
                .filter(|_| matches!(self.mode_of(func), Some(goxide_types::Mode::Type)))
            {
                // A conversion: sort the converted slice itself.
                let less = self.sort_less(t)?;
                if self.slice_param_of(arg).is_some() && matches!(less, SortLess::Method(_)) {
                    return None;
                }
                if !self.is_place(arg) {
                    return None;
                }
                return Some((crate::expr::as_base(self.place(arg)), less));
            }
            if self.std_func(func) == Some(("sort", "Reverse")) {
                let (p, less) = self.sort_data(arg)?;
                return Some((p, SortLess::Reverse(Box::new(less))));
            }
            return None;
        }
        if !matches!(e.kind, ExprKind::Ident(_)) || self.slice_param_of(e).is_some() {
            return None;
        }
        let less = self.sort_less(self.type_of(e)?)?;
        Some((crate::expr::as_base(self.place(e)), less))
    }

    /// The `Less` of a slice type that `sort` can sort by element.
    fn sort_less(&mut self, t: goxide_types::TypeId) -> Option<SortLess> {
        let goxide_types::Type::Named(n) = self.ty(t) else {
            return None;
        };
        let o = self.obj(n.obj);
        if o.pkg.is_some_and(|p| self.prog.pkg(p).path == "sort") {
            return match o.name.as_str() {
                "IntSlice" | "StringSlice" => Some(SortLess::Elems { float: false }),
                "Float64Slice" => {
                    self.use_support("sort");
                    Some(SortLess::Elems { float: true })
                }
                _ => None,
            };
        }
        if !self.sort_slice_types.contains(&t) {
            return None;
        }
        let tr = ident(&format!("{}Methods", crate::names::type_ident(&o.name)));
        Some(SortLess::Method(parse_quote!(#tr::less)))
    }

    /// The package path and name of a standard-library function named by `f` (`sort.Reverse`).
    pub(super) fn std_func<'e>(&self, f: &'e goxide_ast::ast::Expr) -> Option<(&str, &'e str)> {
        let goxide_ast::ast::ExprKind::Selector { x, sel } = &crate::builtins::strip_parens(f).kind
        else {
            return None;
        };
        match self.obj(self.obj_of(x)?).kind {
            goxide_types::ObjKind::PkgName(p) => {
                Some((self.prog.pkg(p).path.as_str(), sel.name.as_str()))
            }
            _ => None,
        }
    }

    pub(super) fn unicode_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        if a.len() != 1 {
            return None;
        }
        let x = a.v(0);
        let f = match name {
            "IsUpper" => "is_upper",
            "IsLower" => "is_lower",
            "IsLetter" => "is_letter",
            "IsDigit" => "is_digit",
            "IsPunct" => "is_punct",
            "IsSpace" => "is_space",
            "ToUpper" => "to_upper",
            "ToLower" => "to_lower",
            "ToTitle" => "to_title",
            "IsNumber" => {
                return Some(parse_quote!(char::from_u32(#x as u32).is_some_and(char::is_numeric)))
            }
            "IsControl" => {
                return Some(parse_quote!(char::from_u32(#x as u32).is_some_and(char::is_control)))
            }
            _ => return None,
        };
        self.use_support("unicode");
        let f = ident(f);
        Some(parse_quote!(crate::support::unicode::#f(#x)))
    }

    pub(super) fn utf8_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (name, a.len()) {
            ("RuneCountInString", 1) => {
                let s = self.str_recv(a, 0);
                parse_quote!(#s.chars().count() as i64)
            }
            ("RuneLen", 1) => {
                let x = a.v(0);
                parse_quote!(char::from_u32(#x as u32).map_or(-1, |c| c.len_utf8() as i64))
            }
            ("ValidRune", 1) => {
                let x = a.v(0);
                parse_quote!(char::from_u32(#x as u32).is_some())
            }
            // Go strings are held as Rust strings, which are valid UTF-8.
            ("ValidString", 1) => parse_quote!(true),
            ("DecodeRuneInString" | "DecodeLastRuneInString", 1) => {
                let s = self.str_recv(a, 0);
                let m = ident(if name == "DecodeRuneInString" {
                    "next"
                } else {
                    "next_back"
                });
                parse_quote!(#s.chars().#m().map_or((0xFFFD, 0), |c| (c as i32, c.len_utf8() as i64)))
            }
            ("DecodeRune", 1) => {
                self.use_support("unicode");
                let p = a.v(0);
                parse_quote!(crate::support::unicode::decode_rune(&#p))
            }
            ("Valid", 1) => {
                let p = a.v(0);
                parse_quote!(std::str::from_utf8(&#p).is_ok())
            }
            ("AppendRune", 2) => {
                self.use_support("rt");
                let (p, r) = (a.v(0), a.v(1));
                let p = if self.is_place(&a.exprs[0]) {
                    parse_quote!(#p.clone())
                } else {
                    p
                };
                parse_quote!({
                    let mut b = #p;
                    b.extend_from_slice(crate::support::rt::rune_to_string(#r as i64).as_bytes());
                    b
                })
            }
            _ => return None,
        })
    }

    /// `unicode/utf16`: Rust's UTF-16 coding has Go's replacement rules (a rune that UTF-16
    /// cannot hold encodes as U+FFFD; an unpaired surrogate decodes as U+FFFD).
    pub(super) fn utf16_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (name, a.len()) {
            ("Encode", 1) => {
                let s = a.v(0);
                parse_quote!(#s
                    .iter()
                    .flat_map(|&r| {
                        let mut units = [0_u16; 2];
                        char::from_u32(r as u32)
                            .unwrap_or('\u{FFFD}')
                            .encode_utf16(&mut units)
                            .to_vec()
                    })
                    .collect::<Vec<u16>>())
            }
            ("Decode", 1) => {
                let s = a.v(0);
                parse_quote!(char::decode_utf16(#s.iter().copied())
                    .map(|r| r.unwrap_or('\u{FFFD}') as i32)
                    .collect::<Vec<i32>>())
            }
            ("IsSurrogate", 1) => {
                let r = a.v(0);
                parse_quote!((0xD800..0xE000).contains(&#r))
            }
            _ => return None,
        })
    }

    /// `os.Stdout.Write(b)`, `os.Stderr.WriteString(s)`: `(n, err)`, written whole (`err` is
    /// nil; a failed write is ignored, as `fmt.Print` ignores it). `None` when `x` is neither.
    pub(crate) fn std_stream_method(
        &mut self,
        x: &goxide_ast::ast::Expr,
        name: &str,
        args: &[goxide_ast::ast::Expr],
    ) -> Option<syn::Expr> {
        let stream: syn::Expr = if self.is_pkg_member(x, "os", "Stdout") {
            parse_quote!(std::io::stdout())
        } else if self.is_pkg_member(x, "os", "Stderr") {
            parse_quote!(std::io::stderr())
        } else {
            return None;
        };
        let [arg] = args else { return None };
        let v = self.borrowed(arg);
        let bytes: syn::Expr = match name {
            "Write" => parse_quote!(&v[..]),
            "WriteString" => parse_quote!(v.as_bytes()),
            _ => return None,
        };
        self.use_support("errors");
        Some(parse_quote!({
            let v = &#v;
            let b: &[u8] = #bytes;
            std::io::Write::write_all(&mut #stream, b).ok();
            let err: crate::support::errors::Error = None;
            (b.len() as i64, err)
        }))
    }

    pub(super) fn system_call(&mut self, pkg: &str, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (pkg, name, a.len()) {
            ("os", "Exit", 1) => {
                // `process::exit` runs no destructors: flush what fmt wrote to stdout first.
                let x = a.v(0);
                parse_quote!({
                    std::io::Write::flush(&mut std::io::stdout()).ok();
                    std::process::exit(#x as i32)
                })
            }
            ("os", "Getenv", 1) => {
                let k = self.str_ref(a, 0);
                parse_quote!(std::env::var(#k).unwrap_or_default())
            }
            ("runtime", "Gosched", 0) => parse_quote!(std::thread::yield_now()),
            ("runtime", "GC", 0) => {
                self.use_support("runtime");
                parse_quote!(crate::support::runtime::gc())
            }
            ("runtime", "KeepAlive", 1) => {
                let x = a.v(0);
                parse_quote!({
                    let _ = &#x;
                })
            }
            ("runtime", "NumGoroutine", 0) => {
                self.use_support("chan");
                parse_quote!(crate::support::chan::num_goroutine())
            }
            ("runtime", "GOMAXPROCS", 1) => parse_quote!(1),
            // A finalizer that only panics asserts that it never runs; `nil` removes one.
            // Neither is observable while the program is correct, and without a collector
            // no finalizer runs.
            ("runtime", "SetFinalizer", 2)
                if self
                    .type_of(&a.exprs[0])
                    .is_some_and(|t| matches!(self.under(t), goxide_types::Type::Pointer(_)))
                    && self.finalizer_only_panics(&a.exprs[1]) =>
            {
                self.marker(
                    "semantics: runtime.SetFinalizer: no finalizer runs here (this one only panics, or is nil)".into(),
                );
                let x = a.v(0);
                parse_quote!({
                    let _ = &#x;
                })
            }
            ("runtime", "Goexit", 0) => {
                self.use_support("chan");
                parse_quote!(crate::support::chan::goexit())
            }
            ("runtime", "Breakpoint", 0) => {
                self.use_support("runtime");
                parse_quote!(crate::support::runtime::breakpoint())
            }
            ("runtime/debug", "SetGCPercent", 1) => {
                self.use_support("runtime");
                let x = self.int_arg(a, 0, &parse_quote!(i64));
                parse_quote!(crate::support::runtime::set_gc_percent(#x))
            }
            ("runtime/debug", "SetMaxStack", 1) => {
                self.use_support("runtime");
                self.marker(
                    "semantics: debug.SetMaxStack: the limit is recorded, not enforced (Go ends a goroutine that outgrows it)".into(),
                );
                let x = self.int_arg(a, 0, &parse_quote!(i64));
                parse_quote!(crate::support::runtime::set_max_stack(#x))
            }
            ("runtime", "NumCPU", 0) => parse_quote!(1),
            ("testing", "AllocsPerRun", 2) => {
                self.use_support("runtime");
                self.marker(
                    "semantics: testing.AllocsPerRun: allocations are not counted; the average is always 0".into(),
                );
                let runs = self.int_arg(a, 0, &parse_quote!(i64));
                let f = a.v(1);
                parse_quote!({
                    let f = #f;
                    crate::support::runtime::allocs_per_run(#runs, || f())
                })
            }
            _ => return None,
        })
    }

    /// `runtime` calls that look at their arguments' forms (`&st`) rather than at their
    /// values; `None` for the others.
    pub(super) fn runtime_form_call(
        &mut self,
        e: &goxide_ast::ast::Expr,
        name: &str,
        args: &[goxide_ast::ast::Expr],
    ) -> Option<syn::Expr> {
        match (name, args) {
            ("ReadMemStats", [arg]) => {
                self.use_support("runtime");
                self.marker(
                    "semantics: runtime.ReadMemStats: Alloc, HeapAlloc and Sys are the process's heap-like mappings (no thread stacks); allocation counts stay 0; NumGC counts runtime.GC calls".into(),
                );
                let target: syn::Expr = match &crate::builtins::strip_parens(arg).kind {
                    goxide_ast::ast::ExprKind::Unary {
                        op: goxide_ast::ast::UnaryOp::Addr,
                        x,
                    } => {
                        let place = self.place(x);
                        parse_quote!(&mut #place)
                    }
                    _ if self.is_self_ptr(arg) => {
                        let p = self.pointee(arg, true);
                        parse_quote!(&mut #p)
                    }
                    _ => {
                        let p = self.pointee(arg, true);
                        parse_quote!(&mut *#p)
                    }
                };
                Some(parse_quote!(crate::support::runtime::read_mem_stats(#target)))
            }
            ("SetFinalizer", [obj, fin]) => self.set_finalizer(obj, fin),
            ("Caller", [skip])
                if matches!(self.info.const_value(skip.id),
                    Some(goxide_types::ConstValue::Int(n)) if *n == 0.into()) =>
            {
                // The caller's own position is known here.
                self.marker(
                    "semantics: runtime.Caller(0): the position is the source file's as goxide read it; the program counter is 0".into(),
                );
                let file = self.file.path.clone();
                let line = self.file.line_col(e.span.start).line as i64;
                Some(parse_quote!((0usize, String::from(#file), #line, true)))
            }
            ("Stack", [buf, all])
                if self.func.go_name.as_deref() == Some("main")
                    && (!self.threaded
                        || matches!(
                            self.info.const_value(all.id),
                            Some(goxide_types::ConstValue::Bool(false))
                        )) =>
            {
                // In `main`, on goroutine 1, the stack is `main.main` alone.
                self.use_support("runtime");
                self.marker(
                    "semantics: runtime.Stack: main's frame from its source position, without program counter offsets".into(),
                );
                let line = self.file.line_col(e.span.start).line;
                let trace = format!(
                    "goroutine 1 [running]:\nmain.main()\n\t{}:{line} +0x0\n",
                    self.file.path
                );
                let buf = self.place(buf);
                let call: syn::Expr =
                    parse_quote!(crate::support::runtime::stack(&mut #buf[..], #trace));
                if self.info.const_value(all.id).is_some() {
                    return Some(call);
                }
                let all = self.borrowed(all);
                Some(parse_quote!({
                    let _ = #all;
                    #call
                }))
            }
            _ => None,
        }
    }

    /// `runtime.SetFinalizer(p, f)` on a shared pointer (`Rc` or `support::sync::Shared`): a
    /// registry entry that `runtime.GC()` runs once it holds the only copy of `p`;
    /// `SetFinalizer(p, nil)` removes the entry. `None` for other pointer forms.
    fn set_finalizer(
        &mut self,
        obj: &goxide_ast::ast::Expr,
        fin: &goxide_ast::ast::Expr,
    ) -> Option<syn::Expr> {
        let t = self.type_of(obj)?;
        let goxide_types::Type::Pointer(pt) = *self.under(t) else {
            return None;
        };
        if self.is_untyped_nil(obj)
            || self.is_self_ptr(obj)
            || self.is_place_ptr(pt)
            || self.rust_type(t).is_none()
            || self.type_of(fin).is_none()
        {
            return None;
        }
        self.use_support("runtime");
        if self.is_untyped_nil(fin) {
            let addr = self.opaque_address(obj)?;
            return Some(parse_quote!(crate::support::runtime::clear_finalizer(#addr)));
        }
        self.marker(
            "semantics: runtime.SetFinalizer: the finalizer runs at the first runtime.GC() that finds the registry holding the only copy of the pointer, on the goroutine calling it (Go finalizes after an object's last use, on a goroutine of its own)".into(),
        );
        let p = crate::expr::as_base(self.borrowed(obj));
        let mut f = self.value(fin);
        // A function by name or a function literal is passed as it is, not as a function value.
        if let syn::Expr::Call(c) = &f {
            let is_new = matches!(&*c.func, syn::Expr::Path(p)
                if p.path.segments.last().is_some_and(|s| s.ident == "new"));
            if let (true, [arg @ (syn::Expr::Path(_) | syn::Expr::Closure(_))]) =
                (is_new, c.args.iter().collect::<Vec<_>>().as_slice())
            {
                f = (*arg).clone();
            }
        }
        let set: syn::Ident = if self.threaded {
            parse_quote!(set_finalizer_send)
        } else {
            parse_quote!(set_finalizer)
        };
        if let syn::Expr::Path(_) | syn::Expr::Closure(_) = f {
            return Some(parse_quote!(crate::support::runtime::#set(&#p, #f)));
        }
        Some(parse_quote!({
            let f = #f;
            crate::support::runtime::#set(&#p, move |p| f(p))
        }))
    }

    /// Whether a `runtime.SetFinalizer` finalizer is `nil` or a function literal whose body is
    /// one call of `panic`.
    fn finalizer_only_panics(&self, f: &goxide_ast::ast::Expr) -> bool {
        use goxide_ast::ast::{ExprKind, StmtKind};
        if self.is_untyped_nil(f) {
            return true;
        }
        let ExprKind::FuncLit { body, .. } = &crate::builtins::strip_parens(f).kind else {
            return false;
        };
        let [stmt] = body.stmts.as_slice() else {
            return false;
        };
        let StmtKind::Expr(call) = &stmt.kind else {
            return false;
        };
        let ExprKind::Call { func, .. } = &call.kind else {
            return false;
        };
        self.obj_of(func).is_some_and(|o| {
            matches!(
                self.obj(o).kind,
                goxide_types::ObjKind::Builtin(goxide_types::Builtin::Panic)
            )
        })
    }

    /// `runtime.Callers(skip, buf)` as a statement, filling a local buffer that nothing else
    /// names: no one can see the program counters, so only `skip` is evaluated.
    pub(crate) fn unobserved_callers(&mut self, e: &goxide_ast::ast::Expr) -> Option<syn::Expr> {
        use crate::builtins::strip_parens;
        use goxide_ast::ast::ExprKind;
        let ExprKind::Call {
            func,
            args,
            ellipsis: false,
        } = &strip_parens(e).kind
        else {
            return None;
        };
        let ExprKind::Selector { x, sel } = &strip_parens(func).kind else {
            return None;
        };
        let pkg = match self.obj(self.obj_of(x)?).kind {
            goxide_types::ObjKind::PkgName(p) => self.prog.pkg(p).path.as_str(),
            _ => return None,
        };
        if pkg != "runtime" || sel.name != "Callers" {
            return None;
        }
        let [skip, buf] = args.as_slice() else {
            return None;
        };
        let mut root = strip_parens(buf);
        if let ExprKind::Slice { x, .. } = &root.kind {
            root = strip_parens(x);
        }
        if !matches!(root.kind, ExprKind::Ident(_)) {
            return None;
        }
        let var = self.obj_of(root)?;
        if !matches!(
            self.obj(var).kind,
            goxide_types::ObjKind::Var {
                global: false,
                param: false
            }
        ) {
            return None;
        }
        if self.info.uses.values().filter(|&&o| o == var).count() != 1 {
            return None;
        }
        self.marker(
            "semantics: runtime.Callers: the call stack is not recorded (nothing reads the buffer or the count)".into(),
        );
        if self.info.const_value(skip.id).is_some() {
            return Some(parse_quote!({}));
        }
        let skip = self.borrowed(skip);
        Some(parse_quote!({
            let _ = #skip;
        }))
    }
}

/// The order `sort` sorts a slice by.
enum SortLess {
    /// A `Less` method of the slice's type (`ByAgeMethods::less`).
    Method(syn::Expr),
    /// `sort.IntSlice`, `StringSlice` (`<`) and `Float64Slice` (NaNs first).
    Elems { float: bool },
    /// `sort.Reverse(data)`.
    Reverse(Box<SortLess>),
}

impl SortLess {
    /// `Less(i, j)` of the data `d`.
    fn call(&self, d: &syn::Ident, i: &syn::Ident, j: &syn::Ident) -> syn::Expr {
        match self {
            SortLess::Method(f) => parse_quote!(#f(#d, #i, #j)),
            SortLess::Elems { float: false } => {
                parse_quote!(#d[#i as usize] < #d[#j as usize])
            }
            SortLess::Elems { float: true } => {
                parse_quote!(crate::support::sort::float_less(#d[#i as usize], #d[#j as usize]))
            }
            SortLess::Reverse(inner) => inner.call(d, j, i),
        }
    }
}
