//! Goroutines, channels, `select` and the `sync` package.
//!
//! | Go | Rust |
//! |----|------|
//! | `chan T`, `make(chan T, n)` | `support::chan::Chan<T>`, `Chan::new(n)` |
//! | `c <- v`, `<-c`, `v, ok := <-c`, `close(c)` | `c.send(v)`, `c.recv()`, `c.recv_ok()`, `c.close()` |
//! | `for v := range c` | `for v in c.iter()` |
//! | `go f(x)` | `support::chan::go(move \|\| f(x))` (arguments evaluated first) |
//! | `select { … }` | `match support::chan::select(&mut [&mut c0, …], has_default) { … }` |
//! | `sync.WaitGroup`, `Mutex`, `RWMutex`, `Once` (and pointers to them) | `support::sync` handles |
//!
//! A goroutine is a thread, so what it captures must be `Send`. In a package with `go`
//! statements, pointers and shared variables are `support::sync::Shared` (`Arc<RwLock<…>>`),
//! function values `Arc<dyn Fn(…) + Send + Sync>`, and values of an interface whose implementing
//! types are all `Send` `Option<Arc<dyn I>>` (`trait I: Send + Sync`); `interface{}` and `error`
//! values are not `Send`, and a `go` statement or closure needing them stays a marked `todo!()`.
//! Package variables are then process-wide (`support::sync::Global`) instead of thread-local.

use crate::builtins::strip_parens;
use crate::ctx::Ctx;
use crate::expr::{paren_if_needed, reads_cell};
use goxide_ast::ast::*;
use goxide_types::{Info, ObjKind, Program, Type, TypeId};
use std::collections::HashSet;
use syn::parse_quote;

/// The `support::sync` type standing for a type of Go's `sync` package.
pub fn sync_handle(prog: &Program, t: TypeId) -> Option<&'static str> {
    let Type::Named(n) = prog.types.get(t) else {
        return None;
    };
    let o = prog.obj(n.obj);
    if prog.pkg(o.pkg?).path != "sync" {
        return None;
    }
    Some(match o.name.as_str() {
        "WaitGroup" => "WaitGroup",
        "Mutex" => "Mutex",
        "RWMutex" => "RwMutex",
        "Once" => "Once",
        _ => return None,
    })
}

/// `T` or `*T` for a `sync` type `T`.
pub fn sync_handle_or_ptr(prog: &Program, t: TypeId) -> Option<&'static str> {
    match prog.types.get(t) {
        Type::Pointer(e) => sync_handle(prog, *e),
        _ => sync_handle(prog, t),
    }
}

/// Whether the Rust form of a Go type can move to another thread.
pub fn is_send(prog: &Program, sync_ifaces: &HashSet<TypeId>, t: TypeId, depth: u32) -> bool {
    if depth > 20 {
        return false;
    }
    if sync_handle_or_ptr(prog, t).is_some()
        || sync_ifaces.contains(&t)
        || crate::stdlib::is_context(prog, t)
    {
        return true;
    }
    let d = depth + 1;
    let send = |t: TypeId| is_send(prog, sync_ifaces, t, d);
    match prog.types.under(t) {
        Type::Basic(_) => true,
        // Pointers are `support::sync::Shared` in packages with `go` statements.
        Type::Pointer(e) => send(*e),
        Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => send(*e),
        Type::Map(k, v) => send(*k) && send(*v),
        Type::Struct(fs) => fs.iter().all(|f| send(f.ty)),
        // Function values are `Arc<dyn Fn(…) + Send + Sync>` in packages with `go` statements
        // (a closure capturing something that is not `Send` stays unsupported).
        Type::Func(_) => true,
        _ => false,
    }
}

/// The trait interfaces whose values may cross threads in a package with `go` statements
/// (`Option<Arc<dyn I>>`, `trait I: Send + Sync`): those whose every implementing type is
/// `Send` (a greatest fixpoint, since types and interfaces may refer to each other).
pub fn thread_safe_ifaces(
    prog: &Program,
    ifaces: &HashSet<TypeId>,
    concrete: &[TypeId],
) -> HashSet<TypeId> {
    let mut safe = ifaces.clone();
    loop {
        let cur = safe.clone();
        safe.retain(|&i| {
            concrete.iter().all(|&c| {
                let ptr = prog.types.intern_lookup_pointer(c);
                let implements =
                    prog.implements(c, i) || ptr.is_some_and(|p| prog.implements(p, i));
                !implements || is_send(prog, &cur, c, 0)
            })
        });
        if safe.len() == cur.len() {
            return safe;
        }
    }
}

/// A channel or `sync` handle read through a shared cell, cloned out first so that the cell's
/// borrow ends before the operation blocks: `{ let ch = c.borrow().ch.clone(); ch }`.
fn unborrowed(e: syn::Expr) -> syn::Expr {
    if reads_cell(&e) {
        parse_quote!({
            let handle = #e.clone();
            handle
        })
    } else {
        e
    }
}

/// Whether the package has a `go` statement.
pub fn has_go_statements(files: &[&File]) -> bool {
    struct Finder(bool);
    impl goxide_ast::visit::Visitor for Finder {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if matches!(s.kind, StmtKind::Go(_)) {
                self.0 = true;
            }
            !self.0
        }
    }
    let mut f = Finder(false);
    for file in files {
        for d in &file.decls {
            if let DeclKind::Func(fd) = &d.kind {
                if let Some(b) = &fd.body {
                    goxide_ast::visit::walk_block(&mut f, b);
                }
            }
        }
    }
    f.0
}

/// The first package variable that cannot be shared between goroutines (its type is not
/// `Send`, or it comes from a multi-value initializer), by name.
pub fn thread_blocker(
    prog: &Program,
    info: &Info,
    files: &[&File],
    sync_ifaces: &HashSet<TypeId>,
) -> Option<String> {
    for f in files {
        for d in &f.decls {
            let DeclKind::Var(specs) = &d.kind else {
                continue;
            };
            for s in specs {
                for n in &s.names {
                    let Some(&o) = info.defs.get(&n.id) else {
                        continue;
                    };
                    if n.is_blank() || !matches!(prog.obj(o).kind, ObjKind::Var { .. }) {
                        continue;
                    }
                    if !is_send(prog, sync_ifaces, prog.obj(o).ty, 0)
                        || s.names.len() > 1 && s.values.len() == 1
                    {
                        return Some(n.name.clone());
                    }
                }
            }
        }
    }
    None
}

impl Ctx<'_> {
    /// The `support::sync` type for a `sync` type, registering the module.
    pub fn sync_type(&self, t: TypeId) -> Option<syn::Ident> {
        let h = sync_handle(self.prog, self.resolve(t))?;
        Some(syn::Ident::new(h, proc_macro2::Span::call_site()))
    }

    /// `<-c`.
    pub fn chan_recv(&mut self, e: &Expr, x: &Expr) -> syn::Expr {
        match self.chan_operand(x) {
            Some((c, _)) => parse_quote!(#c.recv()),
            None => self.unsupported(e, "receive from a channel of this type"),
        }
    }

    /// `v, ok := <-c`: the value and whether the channel was open.
    pub fn chan_recv_ok(&mut self, x: &Expr) -> Option<syn::Expr> {
        let (c, _) = self.chan_operand(x)?;
        Some(parse_quote!(#c.recv_ok()))
    }

    /// The channel operand (as a receiver) and its element type, when the element type has a
    /// Rust form.
    fn chan_operand(&mut self, x: &Expr) -> Option<(syn::Expr, TypeId)> {
        let t = self.type_of(x)?;
        let Type::Chan(_, et) = self.under(t).clone() else {
            return None;
        };
        self.rust_type(et)?;
        self.use_support("chan");
        let c = paren_if_needed(self.borrowed(x));
        Some((unborrowed(c), et))
    }

    /// `c <- v`.
    pub fn send_stmt(&mut self, s: &Stmt, chan: &Expr, value: &Expr) -> Vec<syn::Stmt> {
        let Some((c, et)) = self.chan_operand(chan) else {
            return self.unsupported_stmt(s, "send on a channel of this type");
        };
        let v = self.value_as(value, et);
        if reads_cell(&v) {
            // The value is read before the send blocks, so that no borrow is held meanwhile.
            return vec![parse_quote!({
                let value = #v;
                #c.send(value);
            })];
        }
        vec![parse_quote!(#c.send(#v);)]
    }

    /// `for v := range c`: the loop header.
    pub fn chan_range_header(&mut self, x: &Expr) -> Option<syn::Expr> {
        let (c, _) = self.chan_operand(x)?;
        Some(parse_quote!(#c.iter()))
    }

    /// A method of a `sync` type: `wg.Add(1)` → `wg.add(1)`, `once.Do(f)` → `once.call(…)`.
    pub fn sync_method(&mut self, x: &Expr, name: &str, args: &[Expr]) -> Option<syn::Expr> {
        let t = self.type_of(x)?;
        sync_handle_or_ptr(self.prog, self.resolve(t))?;
        let recv = unborrowed(paren_if_needed(self.borrowed(x)));
        self.sync_call(recv, name, args)
    }

    fn sync_call(&mut self, recv: syn::Expr, name: &str, args: &[Expr]) -> Option<syn::Expr> {
        self.use_support("sync");
        Some(match (name, args) {
            ("Add", [n]) => {
                let v = self.value(n);
                parse_quote!(#recv.add(#v))
            }
            ("Do", [f]) => {
                let f = paren_if_needed(self.value(f));
                parse_quote!(#recv.call(|| #f()))
            }
            (_, []) => {
                let m = match name {
                    "Done" => "done",
                    "Wait" => "wait",
                    "Lock" => "lock",
                    "Unlock" => "unlock",
                    "RLock" => "rlock",
                    "RUnlock" => "runlock",
                    "TryLock" => "try_lock",
                    _ => return None,
                };
                let m = syn::Ident::new(m, proc_macro2::Span::call_site());
                parse_quote!(#recv.#m())
            }
            _ => return None,
        })
    }

    /// `defer wg.Done()`, `defer mu.Unlock()`: the handle is cloned into the deferred call.
    pub fn defer_sync_call(&mut self, call: &Expr) -> Option<syn::Stmt> {
        let ExprKind::Call { func, args, .. } = &strip_parens(call).kind else {
            return None;
        };
        let ExprKind::Selector { x, sel } = &strip_parens(func).kind else {
            return None;
        };
        let t = self.type_of(x)?;
        sync_handle_or_ptr(self.prog, self.resolve(t))?;
        if !args.is_empty() {
            return None;
        }
        let handle = paren_if_needed(self.borrowed(x));
        let body = self.sync_call(parse_quote!(h), &sel.name, args)?;
        Some(parse_quote!({
            let h = #handle.clone();
            d.push(move || #body);
        }))
    }

    /// The shared cell holding variable `obj`: `Rc<RefCell<T>>`, or a thread-safe
    /// `support::sync::Shared<T>` when a goroutine captures it.
    pub fn shared_cell_type(&mut self, obj: goxide_types::ObjId, t: syn::Type) -> syn::Type {
        if self.thread_safe_cell(obj) {
            self.use_support("sync");
            parse_quote!(crate::support::sync::Shared<#t>)
        } else {
            parse_quote!(std::rc::Rc<std::cell::RefCell<#t>>)
        }
    }

    /// A new shared cell for variable `obj` holding `init` (see [`Ctx::shared_cell_type`]).
    pub fn shared_cell_new(&mut self, obj: goxide_types::ObjId, init: syn::Expr) -> syn::Expr {
        if self.thread_safe_cell(obj) {
            self.use_support("sync");
            parse_quote!(crate::support::sync::Shared::new(#init))
        } else {
            parse_quote!(std::rc::Rc::new(std::cell::RefCell::new(#init)))
        }
    }

    /// Whether variable `obj` lives in a thread-safe cell: a goroutine captures it, or it is
    /// shared at all in a package with `go` statements (where pointers and closures may cross
    /// threads).
    pub fn thread_safe_cell(&self, obj: goxide_types::ObjId) -> bool {
        self.analysis.go_shared.contains(&obj)
            || self.threaded && self.analysis.boxed.contains(&obj)
    }

    /// `*T`: `Option<Rc<RefCell<T>>>`, or `Option<support::sync::Shared<T>>` in a package with
    /// `go` statements (pointers may then cross threads).
    pub fn ptr_type(&mut self, e: syn::Type) -> syn::Type {
        if self.threaded {
            self.use_support("sync");
            parse_quote!(Option<crate::support::sync::Shared<#e>>)
        } else {
            parse_quote!(Option<std::rc::Rc<std::cell::RefCell<#e>>>)
        }
    }

    /// The Rust type of a pointer to `pointee` (whose Rust type is `e`): `Option<T>` for a
    /// frozen type, else the shared cell of [`Ctx::ptr_type`].
    pub fn ptr_repr(&mut self, pointee: goxide_types::TypeId, e: syn::Type) -> syn::Type {
        if self.is_frozen(pointee) {
            parse_quote!(Option<#e>)
        } else {
            self.ptr_type(e)
        }
    }

    /// Whether a `*T` of type `t` (frozen, whose pointers are never put in an interface) can
    /// be no interface's dynamic value.
    pub fn never_in_iface(&self, t: goxide_types::TypeId) -> bool {
        self.is_frozen(t) && !self.analysis.frozen_in_iface.contains(&t)
    }

    /// Whether pointee type `t` is frozen (see `frozen`): its pointers are `Option<T>`.
    pub fn is_frozen(&self, t: goxide_types::TypeId) -> bool {
        self.analysis.frozen.contains(&t)
    }

    /// Whether `x` is a pointer to a frozen type: reading through it needs no cell borrow.
    pub fn is_frozen_ptr(&self, x: &Expr) -> bool {
        self.type_of(x).is_some_and(|t| self.is_frozen_ptr_type(t))
    }

    /// Whether `t` is `*T` for a frozen `T`.
    pub fn is_frozen_ptr_type(&self, t: goxide_types::TypeId) -> bool {
        matches!(self.under(t), goxide_types::Type::Pointer(e) if self.is_frozen(*e))
    }

    /// A new pointer to `v` of pointee type `elem`: `Some(v)` for a frozen pointee (an owned
    /// value nothing changes), else a shared cell (see [`Ctx::ptr_new`]).
    pub fn ptr_new_of(&mut self, v: syn::Expr, elem: Option<goxide_types::TypeId>) -> syn::Expr {
        if elem.is_some_and(|t| self.is_frozen(t)) {
            return parse_quote!(Some(#v));
        }
        if elem.is_some_and(|t| self.is_link(t)) {
            return parse_quote!(Some(Box::new(#v)));
        }
        self.ptr_new(v)
    }

    /// `&T{…}`, `new(T)`: a new pointer to `v`, with an ownership marker.
    pub fn ptr_new(&mut self, v: syn::Expr) -> syn::Expr {
        self.ptr_new_marked(v, "a pointer")
    }

    /// A new pointer to `v`, with an ownership marker saying what is shared (`what`).
    pub fn ptr_new_marked(&mut self, v: syn::Expr, what: &str) -> syn::Expr {
        if self.threaded {
            self.use_support("sync");
            self.marker(format!("ownership: {what} is shared through Arc<RwLock<…>> (support::sync::Shared) because the program has goroutines; an owned value or a borrow may do"));
            parse_quote!(Some(crate::support::sync::Shared::new(#v)))
        } else {
            self.marker(format!(
                "ownership: {what} is shared through Rc<RefCell<…>>; an owned value or a borrow may do"
            ));
            parse_quote!(Some(std::rc::Rc::new(std::cell::RefCell::new(#v))))
        }
    }

    /// The statements binding a chosen receive case's value (and `ok`) to the case's
    /// variables: `let (v, ok) = case0.take();` for new variables, an assignment in a block for
    /// existing ones.
    fn select_recv_bind(
        &mut self,
        comm: &Stmt,
        lhs: &[Expr],
        define: bool,
        case: &syn::Ident,
    ) -> Vec<syn::Stmt> {
        if lhs.is_empty() {
            return vec![];
        }
        let blank = |e: &Expr| matches!(&e.kind, ExprKind::Ident(n) if n == "_");
        let new_vars: Option<Vec<Option<goxide_types::ObjId>>> = lhs
            .iter()
            .map(|l| {
                if blank(l) {
                    return Some(None);
                }
                let obj = self.info.defs.get(&l.id).copied()?;
                (!self.analysis.boxed.contains(&obj)).then_some(Some(obj))
            })
            .collect();
        if let (true, Some(vars)) = (define, new_vars) {
            let mut pats: Vec<proc_macro2::TokenStream> = Vec::new();
            for (l, v) in lhs.iter().zip(&vars) {
                match (v, &l.kind) {
                    (Some(obj), ExprKind::Ident(n)) => {
                        let id = self.bind_local(*obj, n);
                        if self.analysis.mutated.contains(obj) {
                            pats.push(quote::quote!(mut #id));
                        } else {
                            pats.push(quote::quote!(#id));
                        }
                    }
                    _ => pats.push(quote::quote!(_)),
                }
            }
            if pats.len() == 1 {
                pats.push(quote::quote!(_));
            }
            return vec![parse_quote!(let (#(#pats),*) = #case.take();)];
        }
        let r = syn::Ident::new("received", proc_macro2::Span::call_site());
        let mut vals: [syn::Expr; 2] = [parse_quote!(#r.0), parse_quote!(#r.1)];
        // `case i = <-c` with `i` an `interface{}`: the received value is boxed.
        let elem = match &comm.kind {
            StmtKind::Assign { rhs, .. } => rhs.first().and_then(|x| self.type_of(x)),
            _ => None,
        };
        if let (Some(l), Some(et)) = (lhs.first(), elem) {
            if let Some(lt) = self
                .type_of(l)
                .filter(|&lt| lt != et && self.is_interface(lt))
            {
                if !self.is_empty_interface(lt) || self.is_interface(et) || !self.is_formattable(et)
                {
                    return self.unsupported_stmt(comm, "receive into a variable of another type");
                }
                self.use_support("iface");
                self.use_support("fmt");
                vals[0] = parse_quote!(crate::support::iface::new(#r.0));
            }
        }
        // `case v, ok = <-c` with `ok` an `interface{}`.
        if let Some(lt) = lhs.get(1).and_then(|l| self.type_of(l)) {
            if self.is_empty_interface(lt) {
                self.use_support("iface");
                self.use_support("fmt");
                vals[1] = parse_quote!(crate::support::iface::new(#r.1));
            } else if self.is_interface(lt) {
                return self.unsupported_stmt(comm, "receive into a variable of another type");
            }
        }
        let mut stores: Vec<syn::Stmt> = Vec::new();
        for (l, v) in lhs.iter().zip(vals) {
            stores.extend(self.store(comm, l, v, define));
        }
        if define {
            let mut out: Vec<syn::Stmt> = vec![parse_quote!(let #r = #case.take();)];
            out.extend(stores);
            return out;
        }
        vec![parse_quote!({
            let #r = #case.take();
            #(#stores)*
        })]
    }

    /// Starts a goroutine running closure `f`: a thread, or with `--async tokio` a task on
    /// tokio's blocking pool (channel operations block the goroutine, as in Go).
    fn spawn(&mut self, f: syn::Expr) -> syn::Stmt {
        if self.opts.async_tokio {
            parse_quote!(tokio::task::spawn_blocking(crate::support::chan::goroutine(#f));)
        } else {
            parse_quote!(crate::support::chan::go(#f);)
        }
    }

    /// Whether a value of this type may move into a goroutine.
    pub fn sendable(&self, t: TypeId) -> bool {
        is_send(self.prog, &self.sync_ifaces, self.resolve(t), 0)
    }

    /// `std::rc::Rc`, or `std::sync::Arc` in a package with `go` statements: the pointer
    /// that holds function values (and thread-safe interface values).
    pub fn rc_path(&self) -> syn::Path {
        if self.threaded {
            parse_quote!(std::sync::Arc)
        } else {
            parse_quote!(std::rc::Rc)
        }
    }

    /// `go f(args)`: the arguments are evaluated here, then the call runs on a new thread.
    pub fn go_stmt(&mut self, s: &Stmt, call: &Expr) -> Vec<syn::Stmt> {
        if let Some(v) = &self.thread_blocker {
            let why = format!(
                "go statement (package variable `{v}` cannot be shared between threads yet)"
            );
            return self.unsupported_stmt(s, &why);
        }
        let call = strip_parens(call);
        let ExprKind::Call { func, args, .. } = &call.kind else {
            return self.unsupported_stmt(s, "go statement");
        };
        let func = strip_parens(func);
        self.use_support("chan");
        let mut out: Vec<syn::Stmt> = Vec::new();
        if let ExprKind::FuncLit { .. } = &func.kind {
            // Captured variables move into the thread: they must be plain values.
            for obj in self
                .analysis
                .free_vars
                .get(&func.id)
                .cloned()
                .unwrap_or_default()
            {
                let o = self.obj(obj);
                let shared = self.analysis.boxed.contains(&obj);
                if shared && !self.thread_safe_cell(obj) || !self.sendable(o.ty) {
                    let why = format!("goroutine sharing `{}` (needs Arc<Mutex<…>>)", o.name);
                    return self.unsupported_stmt(s, &why);
                }
            }
            let params = match self.type_of(func).map(|t| self.under(t).clone()) {
                Some(Type::Func(sig)) => sig.params,
                _ => return self.unsupported_stmt(s, "go statement"),
            };
            if params.iter().any(|&p| !self.sendable(p)) {
                return self.unsupported_stmt(s, "goroutine with an argument of this type");
            }
            let Some(clo) = self.closure(func) else {
                return self.unsupported_stmt(s, "goroutine function literal");
            };
            if args.is_empty() {
                return vec![self.spawn(parse_quote!(#clo))];
            }
            let mut temps = Vec::new();
            for (i, (a, t)) in args.iter().zip(params).enumerate() {
                let v = self.value_as(a, t);
                let id = syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site());
                out.push(parse_quote!(let #id = #v;));
                temps.push(id);
            }
            out.push(parse_quote!(let f = #clo;));
            out.push(self.spawn(parse_quote!(move || f(#(#temps),*))));
            return vec![parse_quote!({ #(#out)* })];
        }
        // A method's receiver is evaluated here too, as Go does (`go a.Serve(1)`).
        let mut receiver: Option<&Expr> = None;
        let callee_ok = match &func.kind {
            ExprKind::Ident(_) => self.obj_of(func).is_some_and(|o| {
                matches!(self.obj(o).kind, ObjKind::Func { .. } | ObjKind::Builtin(_))
            }),
            ExprKind::Selector { x, .. } => {
                if matches!(self.mode_of(x), Some(goxide_types::Mode::Package)) {
                    true
                } else if let Some(x) = self.go_method_receiver(func, x) {
                    receiver = Some(x);
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        // A function value (`go f(x)` with `f` a variable, `go g()(x)`): the value is evaluated
        // here, with the arguments, and called on the new thread.
        let func_value = !callee_ok
            && self.type_of(func).is_some_and(|t| {
                matches!(self.under(t), Type::Func(sig) if !sig.variadic && sig.results.is_empty())
            });
        if !callee_ok && !func_value {
            return self.unsupported_stmt(s, "go statement calling this function");
        }
        // Arguments move to the thread: they must be `Send` (constants and nil are literals).
        let unsendable = args.iter().chain(receiver).any(|a| {
            self.info.const_value(a.id).is_none()
                && !self.is_untyped_nil(a)
                && self.type_of(a).is_some_and(|t| !self.sendable(t))
        });
        if unsendable {
            return self.unsupported_stmt(s, "goroutine with an argument of this type");
        }
        if func_value {
            let Some(Type::Func(sig)) = self.type_of(func).map(|t| self.under(t).clone()) else {
                return self.unsupported_stmt(s, "go statement");
            };
            let f = self.value(func);
            out.push(parse_quote!(let f = #f;));
            let mut temps = Vec::new();
            for (i, (a, t)) in args.iter().zip(sig.params).enumerate() {
                let v = self.value_as(a, t);
                let id = syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site());
                out.push(parse_quote!(let #id = #v;));
                temps.push(id);
            }
            out.push(self.spawn(parse_quote!(move || f(#(#temps),*))));
            return vec![parse_quote!({ #(#out)* })];
        }
        let mut receiver_synth: Option<Expr> = None;
        if let Some(x) = receiver {
            let Some(t) = self.type_of(x) else {
                return self.unsupported_stmt(s, "go statement");
            };
            let v = self.value(x);
            out.push(parse_quote!(let callee = #v;));
            let nid = NodeId(u32::MAX - 150_000 - self.synthetic.len() as u32);
            self.synthetic.insert(nid, ("callee".to_string(), t));
            receiver_synth = Some(Expr {
                id: nid,
                span: x.span,
                kind: ExprKind::Ident("callee".into()),
            });
        }
        let Some(synth_args) = self.args_into_temps(args, &mut out) else {
            return self.unsupported_stmt(s, "go statement");
        };
        let mut c = call.clone();
        if let ExprKind::Call { args, func, .. } = &mut c.kind {
            *args = synth_args;
            if let Some(cs) = receiver_synth {
                let f = strip_parens(func).clone();
                if let ExprKind::Selector { sel, .. } = f.kind {
                    // The selector keeps its id: the checker's selection is found by it.
                    **func = Expr {
                        id: f.id,
                        span: f.span,
                        kind: ExprKind::Selector {
                            x: Box::new(cs),
                            sel,
                        },
                    };
                }
            }
        }
        let body = self.borrowed(&c);
        out.push(self.spawn(parse_quote!(move || { #body; })));
        if out.len() == 1 {
            return out;
        }
        vec![parse_quote!({ #(#out)* })]
    }

    /// The receiver `x` of a method call `x.M(…)` that a `go` statement evaluates before the
    /// new goroutine starts: a direct method (not promoted) of a pointer, of an interface
    /// value, or with a value receiver.
    fn go_method_receiver<'e>(&self, func: &Expr, x: &'e Expr) -> Option<&'e Expr> {
        let sel = self.info.selections.get(&func.id)?;
        if sel.kind != goxide_types::SelectionKind::MethodVal || !sel.path.is_empty() {
            return None;
        }
        let m = sel.obj;
        let ptr_recv = matches!(&self.obj(m).kind, ObjKind::Func { recv: Some(r) } if matches!(self.ty(*r), Type::Pointer(_)));
        let xt = self.type_of(x)?;
        (self.is_trait_iface(xt) || matches!(self.under(xt), Type::Pointer(_)) || !ptr_recv)
            .then_some(x)
    }

    /// `select { case …: … }`: each case becomes a `RecvCase`/`SendCase`, the chosen index
    /// selects the body.
    pub fn select_stmt(
        &mut self,
        s: &Stmt,
        label: Option<String>,
        clauses: &[CommClause],
    ) -> Vec<syn::Stmt> {
        self.use_support("chan");
        let mut setup: Vec<syn::Stmt> = Vec::new();
        let mut case_ids: Vec<syn::Ident> = Vec::new();
        // Per clause: the case index (None for default) and the statements binding its values.
        let mut arms: Vec<(Option<usize>, Vec<syn::Stmt>)> = Vec::new();
        let mut has_default = false;
        for c in clauses {
            let Some(comm) = &c.comm else {
                has_default = true;
                arms.push((None, vec![]));
                continue;
            };
            let i = case_ids.len();
            let id = syn::Ident::new(&format!("case{i}"), proc_macro2::Span::call_site());
            match &comm.kind {
                StmtKind::Send { chan, value } => {
                    let Some((ch, et)) = self.chan_operand(chan) else {
                        return self.unsupported_stmt(s, "select on a channel of this type");
                    };
                    let v = self.value_as(value, et);
                    setup.push(
                        parse_quote!(let mut #id = crate::support::chan::SendCase::new(&#ch, #v);),
                    );
                    arms.push((Some(i), vec![]));
                }
                _ => {
                    // `<-c`, `v := <-c`, `v, ok = <-c`, …
                    let (lhs, define, rx): (&[Expr], bool, &Expr) = match &comm.kind {
                        StmtKind::Expr(e) => (&[], false, e),
                        StmtKind::Assign { lhs, op, rhs } if rhs.len() == 1 => {
                            (lhs.as_slice(), *op == AssignOp::Define, &rhs[0])
                        }
                        _ => return self.unsupported_stmt(s, "select case"),
                    };
                    let ExprKind::Unary {
                        op: UnaryOp::Recv,
                        x,
                    } = &strip_parens(rx).kind
                    else {
                        return self.unsupported_stmt(s, "select case");
                    };
                    let Some((ch, _)) = self.chan_operand(x) else {
                        return self.unsupported_stmt(s, "select on a channel of this type");
                    };
                    setup.push(
                        parse_quote!(let mut #id = crate::support::chan::RecvCase::new(&#ch);),
                    );
                    let bind = self.select_recv_bind(comm, lhs, define, &id);
                    arms.push((Some(i), bind));
                }
            }
            case_ids.push(id);
        }
        self.push_breakable(s, label, false, false);
        self.rust_scopes.push(crate::stmt::RustScope::LabeledBlock);
        let mut match_arms: Vec<syn::Arm> = Vec::new();
        let mut default_arm: Option<syn::Arm> = None;
        for (c, (index, bind)) in clauses.iter().zip(arms) {
            let mut body = bind;
            body.extend(self.stmts(&c.body, None));
            match index {
                Some(i) => {
                    let lit = proc_macro2::Literal::usize_unsuffixed(i);
                    match_arms.push(parse_quote!(#lit => { #(#body)* }));
                }
                None => default_arm = Some(parse_quote!(_ => { #(#body)* })),
            }
        }
        self.rust_scopes.pop();
        let b = self.func.breakables.pop();
        match_arms.push(default_arm.unwrap_or_else(|| parse_quote!(_ => unreachable!())));
        if case_ids.is_empty() {
            // `select {}` blocks forever; `select { default: … }` runs its default.
            let body: syn::Expr = if has_default {
                let body = &match_arms[0].body;
                parse_quote!(#body)
            } else {
                parse_quote!(crate::support::chan::block_forever())
            };
            setup.push(syn::Stmt::Expr(body, None));
        } else {
            let refs = case_ids.iter().map(|id| quote::quote!(&mut #id));
            let m: syn::Expr = parse_quote!(match crate::support::chan::select(&mut [#(#refs),*], #has_default) {
                #(#match_arms)*
            });
            setup.push(syn::Stmt::Expr(m, None));
        }
        let block: syn::Expr = match b.as_ref().and_then(Self::label_of) {
            Some(l) => parse_quote!(#l { #(#setup)* }),
            None => parse_quote!({ #(#setup)* }),
        };
        vec![syn::Stmt::Expr(block, None)]
    }
}
