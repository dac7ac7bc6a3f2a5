//! Whole-package facts the translator needs before emitting a function: which local variables
//! are assigned after their declaration (`let mut`), which are captured by closures, and which
//! must live in a shared cell (`Rc<RefCell<…>>`) because their address is taken or a closure
//! captures and mutates them.

use goxide_ast::ast::*;
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, SelectionKind, Type};
use std::collections::{HashMap, HashSet};

#[derive(Default, Debug)]
pub struct Analysis {
    /// Variables assigned (or mutably borrowed) after their declaration.
    pub mutated: HashSet<ObjId>,
    /// Variables whose address is taken.
    pub address_taken: HashSet<ObjId>,
    /// Variables used inside a closure other than the one declaring them.
    pub captured: HashSet<ObjId>,
    /// Variables that must live in a shared cell.
    pub boxed: HashSet<ObjId>,
    /// `for k, v := range` variables shared by all iterations (Go before 1.22) that a closure
    /// captures: one cell declared before the loop, assigned each iteration.
    pub hoisted_range_vars: HashSet<ObjId>,
    /// Range value variables over a slice, array or map of structs through which the body
    /// writes only into the elements of the struct's map and slice fields (`row.cells[i] = 0`),
    /// or of slices or maps whose elements the body only indexes, writing some (`row[j] = 0`),
    /// while it does not name the walked variable: Go's copy shares those elements with the
    /// walked element, so the loop borrows each element, `for row in grid.iter_mut()`
    /// (`values_mut()` for a map).
    pub field_elem_ranges: HashSet<ObjId>,
    /// Shared-cell variables that a goroutine captures: their cell is thread-safe
    /// (`support::sync::Shared`, an `Arc<RwLock<…>>`).
    pub go_shared: HashSet<ObjId>,
    /// Free variables of each function literal (by its expression id), in first-use order.
    pub free_vars: HashMap<NodeId, Vec<ObjId>>,
    /// Variables assigned as a whole (`x = …`, not `x[i] = …`) after their declaration.
    pub whole_assigned: HashSet<ObjId>,
    /// Variables declared without an initializer (`var m map[K]V`: nil until assigned).
    pub zero_declared: HashSet<ObjId>,
    /// How each slice parameter of a package function is passed (absent: by value).
    pub slice_params: HashMap<ObjId, SliceMode>,
    /// Per function: the passing mode of each parameter (`None` for non-slice parameters).
    pub fn_param_modes: HashMap<ObjId, Vec<Option<SliceMode>>>,
    /// Struct fields that something gives a value: assigned as a whole (`x.f = …`), set by a
    /// composite literal, or whose address is taken. A map field outside this set is nil in
    /// every value of its struct, so writing to it panics as in Go.
    pub assigned_fields: HashSet<ObjId>,
    /// Local re-slices translated as borrows of their base (`let w = &mut nums[2..5];`); each
    /// is also in `slice_params` with its mode, so that it is used like a borrowed parameter.
    pub subslices: HashMap<ObjId, crate::subslice::SubsliceBorrow>,
    /// Variables that `append` is applied to (`append(x, …)`).
    pub appended: HashSet<ObjId>,
    /// Variables with an element or field written (`x[i] = …`, `copy(x, …)`).
    pub elem_mutated: HashSet<ObjId>,
    /// Local strings made from bytes and kept as `Vec<u8>` (see `bytestr`).
    pub bytestrs: HashSet<ObjId>,
    /// Pointee types whose pointers may point at a field or element (see `place`).
    pub projected: HashSet<goxide_types::TypeId>,
    /// Pointer parameters passed as borrows, and locals lent to them (see `ptr_params`).
    pub ptr_params: crate::ptr_params::PtrParams,
    /// Pointer-receiver methods that take `&self` (see `decl::readonly_ptr_methods`).
    pub readonly_methods: HashSet<ObjId>,
    /// Nil guards of optional pointer parameters (`let Some(p) = p else { … }`).
    pub nil_guards: crate::nil_guards::NilGuards,
    /// Pointer-receiver methods that take their receiver as a pointer value (see
    /// `ptr_receivers`).
    pub ptr_value_methods: HashSet<ObjId>,
    /// Pointer-receiver methods that return their receiver for chaining (see `chaining`):
    /// `fn m(&mut self, …) -> &mut Self`.
    pub chaining: HashSet<ObjId>,
    /// Functions returning `errors::Result` and the checks of their errors (see `results`).
    pub results: crate::results::ResultFns,
    /// Uses of local variables that are their last (see `last_use`): the value moves there
    /// instead of being cloned.
    pub last_uses: HashSet<NodeId>,
    /// String parameters the function only reads: `&str` (see `str_params`).
    pub str_params: crate::str_params::StrParams,
    /// Pointee types nothing changes after construction: their pointers are `Option<T>`.
    pub frozen: HashSet<goxide_types::TypeId>,
    /// Linked types whose pointers own or view (see `links`).
    pub links: crate::links::Links,
    /// Of those, the ones whose pointers are held in interface values (see `frozen`).
    pub frozen_in_iface: HashSet<goxide_types::TypeId>,
    /// Package variables never changed after their initializer, and where the others change
    /// (see `globals`).
    pub globals: crate::globals::GlobalFacts,
    /// For local pointers and pointer parameters kept shared, where their aliasing comes from
    /// (see `alias_reasons`), as the report and the markers say it.
    pub alias_why: HashMap<ObjId, String>,
    /// Function literals bound to a local that is only called while nothing else uses what
    /// they capture (see `local_closures`): closures that borrow, by literal, with whether
    /// they change a captured variable (`FnMut`).
    pub local_closures: HashMap<NodeId, bool>,
    /// The variables naming those closures, with the same flag.
    pub local_closure_vars: HashMap<ObjId, bool>,
    /// Local closures given captured variables as parameters (see `local_closures`), by
    /// literal and by the variable naming them: each variable, with whether the closure changes
    /// it (`&mut T`, else `&T`).
    pub lit_threads: HashMap<NodeId, Vec<(ObjId, bool)>>,
    pub closure_threads: HashMap<ObjId, Vec<(ObjId, bool)>>,
    /// Function parameters that are only called: `&mut dyn FnMut(…)` borrows (see
    /// `callback_params`). The literals passed to them that borrow are in `local_closures`.
    pub callbacks: crate::callback_params::CallbackParams,
    /// Standard-library handle variables that never copy their handle, and handle parameters
    /// that borrow the caller's (see `handles`).
    pub handles: crate::handles::Handles,
    /// Slices of pointers that hold their elements, `Vec<T>` (see `owned_elems`).
    pub owned_elems: crate::owned_elems::OwnedElems,
    /// Pointer fields that own what they point to, `Option<Box<T>>` (see `owned_fields`).
    pub owned_fields: crate::owned_fields::OwnedFields,
    /// Slice and map fields whose elements something writes, and the parameters functions
    /// store in fields (see `field_shares`).
    pub field_shares: crate::field_shares::FieldShares,
}

/// How a slice parameter is passed: the callee works on the caller's elements, as in Go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceMode {
    /// `&[T]`: the callee only reads the elements.
    Ref,
    /// `&mut [T]`: the callee writes elements (the caller sees the writes, as in Go).
    MutRef,
}

struct Walker<'a> {
    prog: &'a Program,
    info: &'a Info,
    /// Slices of pointers holding their elements: a write through an element writes them.
    owned_elems: &'a crate::owned_elems::OwnedElems,
    /// Pointer fields owning what they point to: a write through one writes its holder.
    owned_fields: &'a crate::owned_fields::OwnedFields,
    /// Range variables borrowing such elements, with the variable of the slice they walk.
    elem_roots: HashMap<ObjId, ObjId>,
    /// Range variables writing into their element's fields' elements (see
    /// `Analysis::field_elem_ranges`).
    field_elem_ranges: &'a HashSet<ObjId>,
    /// Pointer-receiver methods that take `&self`: calling one on such an element only reads.
    readonly_methods: &'a HashSet<ObjId>,
    /// Value-receiver methods that take `&mut self` (see `decl::map_write_methods`).
    map_write_methods: &'a HashSet<ObjId>,
    /// Methods that take their receiver as a pointer value (see `ptr_receivers`).
    ptr_value_methods: &'a HashSet<ObjId>,
    /// Function-literal id (or `None` for the top-level function) declaring each local.
    owner: HashMap<ObjId, Option<NodeId>>,
    /// Enclosing function literals, innermost last.
    closures: Vec<NodeId>,
    out: Analysis,
    /// Variables with an element or field written (`x[i] = …`).
    elem_mutated: HashSet<ObjId>,
    /// Slice arguments passed to package functions: (function, parameter index, argument root).
    slice_args: Vec<(ObjId, usize, ObjId, Vec<NodeId>)>,
    /// Function literals started as goroutines (`go func() {…}()`).
    go_closures: Vec<NodeId>,
    /// Variables declared by `range` clauses.
    range_vars: Vec<ObjId>,
    /// Three-clause loop variables (`for i := 0; …; i++`) that only the post statement changes.
    post_only_vars: Vec<ObjId>,
    /// Function literals that a standard-library call runs before it returns (the `less` of
    /// `sort.Slice`): they borrow what they use, so using a variable is not capturing it.
    immediate: HashSet<NodeId>,
    /// Function literals that change variables of the code around them, with those variables.
    mutating: HashMap<NodeId, HashSet<ObjId>>,
    /// Each use of a local inside function literals: the literals between its declaration and
    /// the use.
    capture_sites: Vec<(ObjId, Vec<NodeId>)>,
}

impl Walker<'_> {
    fn current(&self) -> Option<NodeId> {
        self.closures.last().copied()
    }

    /// Records that `obj` is changed here (`let mut`), and that the function literals between
    /// its declaration and here change a variable they capture.
    fn note_mutation(&mut self, obj: ObjId) {
        self.out.mutated.insert(obj);
        for lit in self.lits_since(obj) {
            self.mutating.entry(lit).or_default().insert(obj);
        }
    }

    /// The function literals between the one declaring `obj` and here, innermost first.
    fn lits_since(&self, obj: ObjId) -> Vec<NodeId> {
        let owner = self.owner.get(&obj).copied().flatten();
        self.closures
            .iter()
            .rev()
            .take_while(|&&c| Some(c) != owner)
            .copied()
            .collect()
    }

    fn is_local_var(&self, obj: ObjId) -> bool {
        matches!(self.prog.obj(obj).kind, ObjKind::Var { global: false, .. })
    }

    fn declare(&mut self, id: NodeId) {
        if let Some(&obj) = self.info.defs.get(&id) {
            self.owner.insert(obj, self.current());
        }
    }

    fn use_obj(&mut self, obj: ObjId) {
        if !self.is_local_var(obj) {
            return;
        }
        let owner = self.owner.get(&obj).copied().flatten();
        if owner == self.current() {
            return;
        }
        // Used in every closure between the owner and here (captured unless they all borrow
        // what they use: decided after the walk, when the local closures are known).
        let lits = self.lits_since(obj);
        self.capture_sites.push((obj, lits));
        for &c in self.closures.iter().rev() {
            if Some(c) == owner {
                break;
            }
            let fv = self.out.free_vars.entry(c).or_default();
            if !fv.contains(&obj) {
                fv.push(obj);
            }
        }
    }

    /// The variable at the root of an assignable expression, if assigning through it mutates
    /// the variable itself (not through a pointer).
    fn root_var(&self, e: &Expr) -> Option<ObjId> {
        match &e.kind {
            ExprKind::Ident(_) => self.info.object_of(e.id),
            ExprKind::Paren(x) => self.root_var(x),
            ExprKind::Selector { x, .. } | ExprKind::Star(x) => {
                // Through an element a slice holds (see `owned_elems`): the slice's elements.
                if let Some(r) = self.elem_root(x) {
                    return Some(r);
                }
                // Through a field that owns its pointee (see `owned_fields`): its holder.
                if self.owned_fields.selects(self.info, x) {
                    return self.root_var(x);
                }
                let through_ptr = self
                    .info
                    .type_of(x.id)
                    .is_some_and(|t| matches!(self.prog.types.under(t), Type::Pointer(_)));
                if through_ptr || matches!(e.kind, ExprKind::Star(_)) {
                    None
                } else {
                    self.root_var(x)
                }
            }
            ExprKind::Index { x, .. } => {
                let t = self.info.type_of(x.id)?;
                if self.holds_elements(t, 0) {
                    self.root_var(x)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// `v` borrows elements of slice `x` (a range variable or an element local, see
    /// `owned_elems`): writing through it (`written`) writes the elements of `x`'s variable.
    fn borrow_elements(&mut self, v: ObjId, x: &Expr, written: bool) {
        if let Some(r) = self.root_var(x) {
            self.elem_roots.insert(v, r);
            if written {
                self.elem_mutated.insert(r);
                self.note_mutation(r);
            }
        }
    }

    /// The variable whose elements `x` reaches when it is an element of a slice holding its
    /// elements (`s[i]`) or a range variable borrowing one.
    fn elem_root(&self, x: &Expr) -> Option<ObjId> {
        let x = crate::builtins::strip_parens(x);
        match &x.kind {
            ExprKind::Index { x: s, .. } => {
                let t = self.info.type_of(s.id)?;
                self.owned_elems.elem_of(self.prog, t)?;
                self.root_var(s)
            }
            ExprKind::Ident(_) => self.elem_roots.get(self.info.uses.get(&x.id)?).copied(),
            _ => None,
        }
    }

    /// Whether values of type `t` hold their elements (an array, slice or map, or a type
    /// parameter whose constraint allows one), so that assigning to an element mutates them.
    fn holds_elements(&self, t: goxide_types::TypeId, depth: u32) -> bool {
        match self.prog.types.under(t) {
            Type::Array(..) | Type::Slice(_) | Type::Map(..) => true,
            Type::TypeParam { constraint, .. } if depth < 8 => {
                match self.prog.types.under(*constraint) {
                    Type::Interface(i) => i
                        .terms
                        .iter()
                        .flatten()
                        .flatten()
                        .any(|term| self.holds_elements(term.ty, depth + 1)),
                    _ => self.holds_elements(*constraint, depth + 1),
                }
            }
            _ => false,
        }
    }

    /// Records the field that assigning to (or taking the address of) `e` gives a value.
    fn field_assigned(&mut self, e: &Expr) {
        let e = crate::builtins::strip_parens(e);
        if let ExprKind::Selector { .. } = &e.kind {
            if let Some(sel) = self.info.selections.get(&e.id) {
                if sel.kind == SelectionKind::FieldVal {
                    self.out.assigned_fields.insert(sel.obj);
                }
            }
        }
    }

    /// Records the fields a struct composite literal sets (all of them when positional).
    fn literal_fields(&mut self, e: &Expr, elems: &[Element]) {
        let Some(t) = self.info.type_of(e.id) else {
            return;
        };
        let mut t = self.prog.types.under(t);
        if let Type::Pointer(p) = t {
            t = self.prog.types.under(*p);
        }
        let Type::Struct(fields) = t else {
            return;
        };
        for f in fields {
            let set = elems.iter().any(|el| match &el.key {
                Some(Expr {
                    kind: ExprKind::Ident(n),
                    ..
                }) => *n == f.name,
                Some(_) => false,
                None => true,
            });
            if set {
                self.out.assigned_fields.insert(f.obj);
            }
        }
    }

    fn mutate(&mut self, e: &Expr) {
        self.field_assigned(e);
        if let Some(obj) = self.root_var(e) {
            self.note_mutation(obj);
            if matches!(crate::builtins::strip_parens(e).kind, ExprKind::Ident(_)) {
                self.out.whole_assigned.insert(obj);
            } else {
                self.elem_mutated.insert(obj);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs } => {
                // `p := s[i]` naming an element a slice holds, or `p, ok := m[k]` a value a
                // map holds (see `owned_elems`).
                if let ([l] | [l, _], [r], AssignOp::Define) = (lhs.as_slice(), rhs.as_slice(), op)
                {
                    if let (Some(&p), ExprKind::Index { x, .. }) = (
                        self.info.defs.get(&l.id),
                        &crate::builtins::strip_parens(r).kind,
                    ) {
                        if let Some(&written) = self.owned_elems.elem_locals.get(&p) {
                            self.borrow_elements(p, x, written);
                        }
                    }
                }
                for l in lhs {
                    if *op == AssignOp::Define
                        && matches!(l.kind, ExprKind::Ident(_))
                        && self.info.defs.contains_key(&l.id)
                    {
                        self.declare(l.id);
                    } else {
                        self.mutate(l);
                        self.expr(l);
                    }
                }
                for (i, e) in rhs.iter().enumerate() {
                    // `_ = &x.f[i]` only evaluates the place: no pointer is made.
                    let blank = lhs.len() == rhs.len()
                        && matches!(&lhs[i].kind, ExprKind::Ident(n) if n == "_");
                    if let (
                        true,
                        ExprKind::Unary {
                            op: UnaryOp::Addr,
                            x,
                        },
                    ) = (blank, &crate::builtins::strip_parens(e).kind)
                    {
                        if matches!(
                            crate::builtins::strip_parens(x).kind,
                            ExprKind::Index { .. } | ExprKind::Selector { .. }
                        ) {
                            self.expr(x);
                            continue;
                        }
                    }
                    self.expr(e);
                }
            }
            StmtKind::IncDec { x, .. } => {
                self.mutate(x);
                self.expr(x);
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                self.expr(x);
                // A range variable borrowing the elements of the slice it walks.
                if let Some(&v) = value.as_ref().and_then(|v| self.info.defs.get(&v.id)) {
                    if let Some(&written) = self.owned_elems.range_vars.get(&v) {
                        self.borrow_elements(v, x, written);
                    }
                    if self.field_elem_ranges.contains(&v) {
                        self.borrow_elements(v, x, true);
                    }
                }
                for e in key.iter().chain(value) {
                    if *define {
                        self.declare(e.id);
                        if let Some(&o) = self.info.defs.get(&e.id) {
                            self.range_vars.push(o);
                        }
                    } else {
                        self.mutate(e);
                        self.expr(e);
                    }
                }
                self.block(body);
            }
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Go(e) => {
                if let ExprKind::Call { func, .. } = &crate::builtins::strip_parens(e).kind {
                    let f = crate::builtins::strip_parens(func);
                    if matches!(f.kind, ExprKind::FuncLit { .. }) {
                        self.go_closures.push(f.id);
                    }
                }
                self.expr(e)
            }
            StmtKind::Expr(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.expr(value);
            }
            StmtKind::Return(es) => es.iter().for_each(|e| self.expr(e)),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond);
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch { init, tag, clauses } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in clauses {
                    c.exprs.iter().for_each(|e| self.expr(e));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(b) = bind {
                    self.declare(b.id);
                }
                self.expr(x);
                for c in clauses {
                    if let Some(&obj) = self.info.implicits.get(&c.id) {
                        self.owner.insert(obj, self.current());
                    }
                    c.types.iter().for_each(|e| self.expr(e));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.block(body);
                // Variables the init declares that only the post statement changes.
                if let Some(StmtKind::Assign {
                    lhs,
                    op: AssignOp::Define,
                    ..
                }) = init.as_deref().map(|i| &i.kind)
                {
                    for l in lhs {
                        if let Some(&o) = self.info.defs.get(&l.id) {
                            if !self.out.mutated.contains(&o) {
                                self.post_only_vars.push(o);
                            }
                        }
                    }
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
            }
            StmtKind::Empty | StmtKind::Bad | StmtKind::Branch { .. } => {}
        }
    }

    fn decl(&mut self, d: &Decl) {
        match &d.kind {
            DeclKind::Var(specs) => {
                for s in specs {
                    s.values.iter().for_each(|e| self.expr(e));
                    s.names.iter().for_each(|n| self.declare(n.id));
                    if s.values.is_empty() {
                        self.out.zero_declared.extend(
                            s.names
                                .iter()
                                .filter_map(|n| self.info.defs.get(&n.id).copied()),
                        );
                    }
                }
            }
            DeclKind::Const(specs) => specs
                .iter()
                .for_each(|s| s.names.iter().for_each(|n| self.declare(n.id))),
            DeclKind::Type(_) => {}
            DeclKind::Func(f) => {
                if let Some(r) = &f.recv {
                    if let Some(n) = &r.name {
                        self.declare(n.id);
                    }
                }
                self.params(&f.sig);
                if let Some(b) = &f.body {
                    self.block(b);
                }
            }
        }
    }

    fn params(&mut self, sig: &FuncType) {
        for p in sig.params.iter().chain(&sig.results) {
            p.names.iter().for_each(|n| self.declare(n.id));
        }
    }

    fn block(&mut self, b: &Block) {
        b.stmts.iter().for_each(|s| self.stmt(s));
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&obj) = self.info.uses.get(&e.id) {
                    self.use_obj(obj);
                }
            }
            ExprKind::FuncLit { sig, body } => {
                self.closures.push(e.id);
                self.params(sig);
                self.block(body);
                self.closures.pop();
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => {
                let sync = self
                    .info
                    .type_of(x.id)
                    .is_some_and(|t| crate::concurrency::sync_handle(self.prog, t).is_some());
                if let Some(obj) = self.root_var(x).filter(|_| !sync) {
                    self.out.address_taken.insert(obj);
                    self.note_mutation(obj);
                }
                self.field_assigned(x);
                self.expr(x);
            }
            // `runtime.Stack(buf, all)` writes into `buf`.
            ExprKind::Call { func, args, .. }
                if args.len() == 2 && self.is_pkg_func(func, "runtime", "Stack") =>
            {
                if let Some(obj) = self.root_var(&args[0]) {
                    self.note_mutation(obj);
                    self.elem_mutated.insert(obj);
                }
                args.iter().for_each(|a| self.expr(a));
            }
            // `unsafe.Pointer(&x)`: an address to compare or print; `x` is only read.
            ExprKind::Call { func, args, .. }
                if args.len() == 1 && self.is_unsafe_pointer_type(func) =>
            {
                match &crate::builtins::strip_parens(&args[0]).kind {
                    ExprKind::Unary {
                        op: UnaryOp::Addr,
                        x,
                    } if !matches!(
                        crate::builtins::strip_parens(x).kind,
                        ExprKind::CompositeLit { .. }
                    ) =>
                    {
                        self.expr(x)
                    }
                    _ => self.expr(&args[0]),
                }
            }
            ExprKind::Call { func, args, .. }
                if self.is_errors_as(func) && (1..=2).contains(&args.len()) =>
            {
                // `errors.As(err, &target)`, `json.Unmarshal(data, &v)` and
                // `runtime.ReadMemStats(&st)` assign their target; its address does not escape.
                let (first, target) = args.split_at(args.len() - 1);
                first.iter().for_each(|a| self.expr(a));
                match &crate::builtins::strip_parens(&target[0]).kind {
                    ExprKind::Unary {
                        op: UnaryOp::Addr,
                        x,
                    } => {
                        self.mutate(x);
                        self.expr(x);
                    }
                    _ => self.expr(&target[0]),
                }
            }
            ExprKind::Call { func, args, .. }
                if ["Sscan", "Sscanln", "Sscanf"]
                    .iter()
                    .any(|n| self.is_pkg_func(func, "fmt", n)) =>
            {
                // `fmt.Sscan(s, &a, &b)` assigns its targets; their addresses do not escape.
                for a in args {
                    match &crate::builtins::strip_parens(a).kind {
                        ExprKind::Unary {
                            op: UnaryOp::Addr,
                            x,
                        } => {
                            self.mutate(x);
                            self.expr(x);
                        }
                        _ => self.expr(a),
                    }
                }
            }
            ExprKind::Call { func, args, .. } if self.is_fprint_to_buffer(func, args) => {
                // `fmt.Fprintf(&sb, …)` appends to `sb`; its address does not escape.
                if let ExprKind::Unary { x, .. } = &crate::builtins::strip_parens(&args[0]).kind {
                    self.mutate(x);
                    self.expr(x);
                }
                args[1..].iter().for_each(|a| self.expr(a));
            }
            ExprKind::Call { func, args, .. } => {
                // The function called: by name, or a method (`s.m(xs)`).
                if let Some(f) = crate::builtins::called_func(self.info, func) {
                    for (i, a) in args.iter().enumerate() {
                        // `xs` or `xs[a:b]` (passed as a borrow of `xs`'s elements).
                        let mut a = crate::builtins::strip_parens(a);
                        if let ExprKind::Slice { x, .. } = &a.kind {
                            a = crate::builtins::strip_parens(x);
                        }
                        if let ExprKind::Ident(_) = &a.kind {
                            if let Some(ao) = self.info.object_of(a.id) {
                                let lits = self.lits_since(ao);
                                self.slice_args.push((f, i, ao, lits));
                            }
                        }
                    }
                    // copy(dst, src) writes dst's elements, delete(m, k) m's entries.
                    if matches!(
                        self.prog.obj(f).kind,
                        ObjKind::Builtin(
                            goxide_types::Builtin::Copy | goxide_types::Builtin::Delete
                        )
                    ) {
                        if let Some(mut d) = args.first() {
                            // `copy(a[i:], …)` writes `a`'s elements too.
                            loop {
                                if let ExprKind::Slice { x, .. } =
                                    &crate::builtins::strip_parens(d).kind
                                {
                                    d = x;
                                } else if let Some(x) = crate::builtins::noop_conversion_arg(
                                    self.info,
                                    &self.prog.types,
                                    d,
                                ) {
                                    d = x;
                                } else {
                                    break;
                                }
                            }
                            if let Some(o) = self.root_var(d) {
                                self.elem_mutated.insert(o);
                                self.note_mutation(o);
                            }
                        }
                    }
                }
                // Standard-library calls that write their argument in place (`sort.Ints(xs)`).
                if let ExprKind::Selector { x: pkg, sel } =
                    &crate::builtins::strip_parens(func).kind
                {
                    let path =
                        self.info
                            .object_of(pkg.id)
                            .and_then(|o| match self.prog.obj(o).kind {
                                ObjKind::PkgName(p) => Some(self.prog.pkg(p).path.clone()),
                                _ => None,
                            });
                    // `re.ReplaceAllStringFunc(s, f)` calls `f` before it returns, too.
                    let method_arg = self
                        .info
                        .types
                        .get(&pkg.id)
                        .and_then(|t| crate::stdlib::std_handle(self.prog, t.ty))
                        .filter(|&h| {
                            h == ("regexp", "Regexp") && sel.name == "ReplaceAllStringFunc"
                        })
                        .map(|_| 1);
                    if let Some(i) = path
                        .as_deref()
                        .and_then(|p| crate::stdlib::immediate_func_arg(p, &sel.name))
                        .or(method_arg)
                    {
                        if let Some(f) = args.get(i) {
                            let f = crate::builtins::strip_parens(f);
                            if matches!(f.kind, ExprKind::FuncLit { .. }) {
                                self.immediate.insert(f.id);
                            }
                        }
                    }
                    if let Some(i) = path.and_then(|p| crate::stdlib::mutated_arg(&p, &sel.name)) {
                        if let Some(mut a) = args.get(i) {
                            // `sort.Sort(sort.Reverse(ByAge(people)))` sorts `people`.
                            while let ExprKind::Call {
                                func: f,
                                args: inner,
                                ..
                            } = &crate::builtins::strip_parens(a).kind
                            {
                                let conversion = matches!(
                                    self.info.types.get(&f.id).map(|t| &t.mode),
                                    Some(goxide_types::Mode::Type)
                                );
                                let reverse = matches!(&crate::builtins::strip_parens(f).kind,
                                    ExprKind::Selector { sel, .. } if sel.name == "Reverse");
                                match inner.as_slice() {
                                    [x] if conversion || reverse => a = x,
                                    _ => break,
                                }
                            }
                            // `slices.Sort(s[1:4])` sorts part of `s`.
                            if let ExprKind::Slice { x, .. } =
                                &crate::builtins::strip_parens(a).kind
                            {
                                a = x;
                            }
                            if let Some(o) = self.root_var(a) {
                                self.elem_mutated.insert(o);
                                self.note_mutation(o);
                            }
                        }
                    }
                }
                // `v.Set(k, x)` on a `url.Values` writes to the map.
                if let ExprKind::Selector { x, sel } = &func.kind {
                    if matches!(sel.name.as_str(), "Set" | "Add" | "Del")
                        && self
                            .info
                            .type_of(x.id)
                            .is_some_and(|t| crate::stdlib::is_url_values(self.prog, t))
                    {
                        if let Some(obj) = self.root_var(x) {
                            self.note_mutation(obj);
                            self.elem_mutated.insert(obj);
                        }
                    }
                }
                // `f.Read(buf)` on a `*os.File` fills `buf`.
                if let ExprKind::Selector { x, sel } = &func.kind {
                    let file = self.info.type_of(x.id).is_some_and(|t| {
                        crate::stdlib::std_handle(self.prog, t) == Some(("os", "File"))
                    });
                    if file && sel.name == "Read" {
                        if let Some(o) = args.first().and_then(|a| self.root_var(a)) {
                            self.elem_mutated.insert(o);
                            self.note_mutation(o);
                        }
                    }
                }
                // `binary.BigEndian.PutUint32(b, v)` writes `b`'s elements.
                if let ExprKind::Selector { x: order, sel } =
                    &crate::builtins::strip_parens(func).kind
                {
                    let byte_order = match &crate::builtins::strip_parens(order).kind {
                        ExprKind::Selector { x: pkg, .. } => {
                            self.info.object_of(pkg.id).is_some_and(|o| {
                                matches!(self.prog.obj(o).kind, ObjKind::PkgName(p) if self.prog.pkg(p).path == "encoding/binary")
                            })
                        }
                        _ => false,
                    };
                    if byte_order && sel.name.starts_with("Put") {
                        let dst =
                            args.first()
                                .map(|a| match &crate::builtins::strip_parens(a).kind {
                                    ExprKind::Slice { x, .. } => &**x,
                                    _ => a,
                                });
                        if let Some(o) = dst.and_then(|a| self.root_var(a)) {
                            self.elem_mutated.insert(o);
                            self.note_mutation(o);
                        }
                    }
                }
                // A pointer-receiver method called on an addressable value borrows it mutably.
                if let ExprKind::Selector { x, .. } = &func.kind {
                    if let Some(sel) = self.info.selections.get(&func.id) {
                        if sel.kind == SelectionKind::MethodVal
                            && (self.method_has_ptr_recv(sel.obj)
                                || (self.map_write_methods.contains(&sel.obj)
                                    && !self.info.type_of(x.id).is_some_and(|t| {
                                        matches!(self.prog.types.under(t), Type::Pointer(_))
                                    })))
                            && !self.info.type_of(x.id).is_some_and(|t| {
                                crate::concurrency::sync_handle_or_ptr(self.prog, t).is_some()
                                    || crate::stdlib::std_handle(self.prog, t).is_some()
                                    || matches!(self.prog.types.get(t), Type::Pointer(_))
                            })
                        {
                            self.mutate(x);
                        }
                        // (On a field owning its pointee: a write of its holder.)
                        if sel.kind == SelectionKind::MethodVal
                            && self.method_has_ptr_recv(sel.obj)
                            && !self.readonly_methods.contains(&sel.obj)
                            && self.owned_fields.selects(self.info, x)
                        {
                            if let Some(r) = self.root_var(x) {
                                self.note_mutation(r);
                            }
                        }
                        // (On an element a slice holds: a write of the slice's elements.)
                        if sel.kind == SelectionKind::MethodVal
                            && self.method_has_ptr_recv(sel.obj)
                            && !self.readonly_methods.contains(&sel.obj)
                        {
                            if let Some(r) = self.elem_root(x) {
                                self.elem_mutated.insert(r);
                                self.note_mutation(r);
                            }
                        }
                    }
                }
                // (A field owning its pointee passed on is lent from its holder.)
                for a in args {
                    if let Some(r) = self
                        .root_var(a)
                        .filter(|_| self.owned_fields.lends_writing(self.info, a))
                    {
                        self.note_mutation(r);
                    }
                }
                // A method that takes its receiver as a pointer, called on a variable: `&v`.
                if let ExprKind::Selector { x, .. } = &func.kind {
                    let takes_ptr = self.info.selections.get(&func.id).is_some_and(|s| {
                        s.kind == SelectionKind::MethodVal
                            && s.path.is_empty()
                            && self.ptr_value_methods.contains(&s.obj)
                    });
                    let value = self
                        .info
                        .type_of(x.id)
                        .is_some_and(|t| !matches!(self.prog.types.under(t), Type::Pointer(_)));
                    if takes_ptr && value {
                        if let ExprKind::Ident(_) = &crate::builtins::strip_parens(x).kind {
                            if let Some(obj) = self.root_var(x) {
                                self.out.address_taken.insert(obj);
                                self.note_mutation(obj);
                            }
                        }
                    }
                }
                match &func.kind {
                    // A method called (not a method value): its receiver is walked alone.
                    ExprKind::Selector { x, .. }
                        if self
                            .info
                            .selections
                            .get(&func.id)
                            .is_some_and(|s| s.kind == SelectionKind::MethodVal) =>
                    {
                        self.expr(x)
                    }
                    _ => self.expr(func),
                }
                args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::Selector { x, .. } if self.is_ptr_method_value_of_var(e) => {
                // `v.M` of a pointer method: the method value holds `&v`.
                if let ExprKind::Ident(_) = &crate::builtins::strip_parens(x).kind {
                    if let Some(obj) = self.root_var(x) {
                        self.out.address_taken.insert(obj);
                        self.note_mutation(obj);
                    }
                }
                self.expr(x);
            }
            _ => {
                if let ExprKind::CompositeLit { elems, .. } = &e.kind {
                    self.literal_fields(e, elems);
                }
                struct Children<'w, 'a>(&'w mut Walker<'a>);
                impl goxide_ast::visit::Visitor for Children<'_, '_> {
                    fn expr(&mut self, e: &Expr) -> bool {
                        self.0.expr(e);
                        false
                    }
                    fn stmt(&mut self, s: &Stmt) -> bool {
                        self.0.stmt(s);
                        false
                    }
                }
                // Visit the direct children only: walk_expr calls `expr` on `e` first, which we
                // must not recurse on; so walk each child via a shim.
                walk_children(e, &mut Children(self));
            }
        }
    }

    /// Whether `f` is `errors.As` or `json.Unmarshal`, which assign through their second
    /// argument and keep no pointer.
    /// Whether `f` is the type `unsafe.Pointer` (the callee of a conversion).
    fn is_unsafe_pointer_type(&self, f: &Expr) -> bool {
        self.info.types.get(&f.id).is_some_and(|tv| {
            matches!(tv.mode, goxide_types::Mode::Type)
                && matches!(
                    self.prog.types.get(tv.ty),
                    Type::Basic(goxide_types::BasicKind::UnsafePointer)
                )
        })
    }

    /// Whether `f` names the function `pkg.name` of a standard-library package.
    fn is_pkg_func(&self, f: &Expr, pkg: &str, name: &str) -> bool {
        let ExprKind::Selector { x, sel } = &crate::builtins::strip_parens(f).kind else {
            return false;
        };
        sel.name == name
            && self.info.object_of(x.id).is_some_and(|o| {
                matches!(self.prog.obj(o).kind, ObjKind::PkgName(p) if self.prog.pkg(p).path == pkg)
            })
    }

    fn is_errors_as(&self, f: &Expr) -> bool {
        let ExprKind::Selector { x, sel } = &crate::builtins::strip_parens(f).kind else {
            return false;
        };
        let want = match sel.name.as_str() {
            "As" => "errors",
            "ReadMemStats" => "runtime",
            "Unmarshal" => "encoding/json",
            _ => return false,
        };
        self.info.object_of(x.id).is_some_and(|o| {
            matches!(self.prog.obj(o).kind, ObjKind::PkgName(p) if self.prog.pkg(p).path == want)
        })
    }

    /// Whether this is `fmt.Fprint`, `Fprintln` or `Fprintf` to `&b`, a local `strings.Builder`
    /// or `bytes.Buffer` (which the call appends to).
    fn is_fprint_to_buffer(&self, f: &Expr, args: &[Expr]) -> bool {
        let ExprKind::Selector { x, sel } = &crate::builtins::strip_parens(f).kind else {
            return false;
        };
        let fmt = self.info.object_of(x.id).is_some_and(|o| {
            matches!(self.prog.obj(o).kind, ObjKind::PkgName(p) if self.prog.pkg(p).path == "fmt")
        });
        if !fmt || !matches!(sel.name.as_str(), "Fprint" | "Fprintln" | "Fprintf") {
            return false;
        }
        let Some(ExprKind::Unary {
            op: UnaryOp::Addr,
            x,
        }) = args.first().map(|a| &crate::builtins::strip_parens(a).kind)
        else {
            return false;
        };
        let Some(Type::Named(n)) = self.info.type_of(x.id).map(|t| self.prog.types.get(t)) else {
            return false;
        };
        let o = self.prog.obj(n.obj);
        let pkg = o.pkg.map(|p| self.prog.pkg(p).path.as_str());
        matches!(
            (pkg, o.name.as_str()),
            (Some("strings"), "Builder") | (Some("bytes"), "Buffer")
        )
    }

    /// Whether `e` is `v.M` (not called) of a pointer method on an addressable non-pointer `v`.
    fn is_ptr_method_value_of_var(&self, e: &Expr) -> bool {
        let ExprKind::Selector { x, .. } = &e.kind else {
            return false;
        };
        let Some(sel) = self.info.selections.get(&e.id) else {
            return false;
        };
        sel.kind == SelectionKind::MethodVal
            && sel.path.is_empty()
            && self.method_has_ptr_recv(sel.obj)
            && self.info.type_of(x.id).is_some_and(|t| {
                !matches!(
                    self.prog.types.under(t),
                    Type::Pointer(_) | Type::Interface(_)
                ) && crate::concurrency::sync_handle_or_ptr(self.prog, t).is_none()
                    && crate::stdlib::std_handle(self.prog, t).is_none()
            })
    }

    fn method_has_ptr_recv(&self, m: ObjId) -> bool {
        match &self.prog.obj(m).kind {
            ObjKind::Func { recv: Some(r) } => matches!(self.prog.types.get(*r), Type::Pointer(_)),
            _ => false,
        }
    }
}

/// Calls the visitor on each direct child expression/statement of `e`.
fn walk_children<V: goxide_ast::visit::Visitor>(e: &Expr, v: &mut V) {
    struct Skip<'v, V>(&'v mut V, bool);
    impl<V: goxide_ast::visit::Visitor> goxide_ast::visit::Visitor for Skip<'_, V> {
        fn expr(&mut self, e: &Expr) -> bool {
            if !self.1 {
                self.1 = true;
                return true;
            }
            self.0.expr(e);
            false
        }
        fn stmt(&mut self, s: &Stmt) -> bool {
            self.0.stmt(s);
            false
        }
    }
    goxide_ast::visit::walk_expr(&mut Skip(v, false), e);
}

/// The range value variables of [`Analysis::field_elem_ranges`]: over a slice, array or map
/// held in a local variable or a field of one, defined by the loop, in a body that does not
/// name that variable; for struct elements, written through only into their fields' elements
/// (`decl::field_element_writes`), for slice or map elements, only indexed, measured or walked
/// with some element written (`writes_only_elements`).
fn field_elem_ranges(prog: &Program, info: &Info, files: &[&File]) -> HashSet<ObjId> {
    struct R<'a> {
        prog: &'a Program,
        info: &'a Info,
        out: HashSet<ObjId>,
    }
    impl goxide_ast::visit::Visitor for R<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            let StmtKind::Range {
                value: Some(v),
                define: true,
                x,
                body,
                ..
            } = &s.kind
            else {
                return true;
            };
            let elem = self
                .info
                .type_of(x.id)
                .and_then(|t| match self.prog.types.under(t) {
                    Type::Slice(e) | Type::Array(_, e) | Type::Map(_, e) => Some(*e),
                    _ => None,
                });
            let root = crate::stmt::root_ident(crate::builtins::strip_parens(x))
                .and_then(|r| self.info.uses.get(&r.id))
                .filter(|&&r| matches!(self.prog.obj(r).kind, ObjKind::Var { global: false, .. }));
            let (Some(&v), Some(&root), Some(elem)) = (self.info.defs.get(&v.id), root, elem)
            else {
                return true;
            };
            let named = body
                .stmts
                .iter()
                .any(|s| crate::subslice::objects_used(self.info, s).contains(&root));
            let shares = match self.prog.types.under(elem) {
                Type::Struct(_) => {
                    let w = crate::decl::field_element_writes(self.prog, self.info, body, v);
                    w.map_write && !w.other_write
                }
                Type::Slice(_) | Type::Map(..) => {
                    writes_only_elements(self.prog, self.info, body, v)
                }
                _ => false,
            };
            if shares && !named {
                self.out.insert(v);
            }
            true
        }
    }
    let mut r = R {
        prog,
        info,
        out: HashSet::new(),
    };
    for f in files {
        for d in &f.decls {
            goxide_ast::visit::walk_decl(&mut r, d);
        }
    }
    r.out
}

/// Whether `body` uses slice or map variable `v` only to index it (`v[i]`, `v[k] = x`), to
/// measure it (`len`, `cap`), to walk it (`for j := range v`) or to delete from it, and writes
/// at least one of its elements.
fn writes_only_elements(prog: &Program, info: &Info, body: &Block, v: ObjId) -> bool {
    struct U<'a> {
        prog: &'a Program,
        info: &'a Info,
        v: ObjId,
        /// Uses of `v` in an allowed position, and all uses.
        allowed: usize,
        uses: usize,
        written: bool,
    }
    impl U<'_> {
        fn is_v(&self, e: &Expr) -> bool {
            let e = crate::builtins::strip_parens(e);
            matches!(e.kind, ExprKind::Ident(_)) && self.info.uses.get(&e.id) == Some(&self.v)
        }
        fn target(&mut self, t: &Expr) {
            if let ExprKind::Index { x, .. } = &crate::builtins::strip_parens(t).kind {
                self.written |= self.is_v(x);
            }
        }
    }
    impl goxide_ast::visit::Visitor for U<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            match &s.kind {
                StmtKind::Assign { lhs, .. } => lhs.iter().for_each(|l| self.target(l)),
                StmtKind::IncDec { x, .. } => self.target(x),
                // `for j := range v` walks it in place.
                StmtKind::Range { x, .. } if self.is_v(x) => self.allowed += 1,
                _ => {}
            }
            true
        }
        fn expr(&mut self, e: &Expr) -> bool {
            match &e.kind {
                ExprKind::Ident(_) if self.is_v(e) => self.uses += 1,
                ExprKind::Index { x, .. } if self.is_v(x) => self.allowed += 1,
                ExprKind::Call { func, args, .. } => {
                    let f = crate::builtins::strip_parens(func);
                    let b = matches!(f.kind, ExprKind::Ident(_))
                        .then(|| self.info.object_of(f.id))
                        .flatten()
                        .and_then(|o| match self.prog.obj(o).kind {
                            ObjKind::Builtin(b) => Some(b),
                            _ => None,
                        });
                    let allowed = matches!(b, Some(Builtin::Len | Builtin::Cap | Builtin::Delete));
                    if allowed && args.first().is_some_and(|a| self.is_v(a)) {
                        self.allowed += 1;
                        self.written |= b == Some(Builtin::Delete);
                    }
                }
                // (A closure naming `v` may keep it.)
                ExprKind::FuncLit { .. } if crate::subslice::mentions(self.info, e, self.v) => {
                    self.uses += 1;
                    return false;
                }
                _ => {}
            }
            true
        }
    }
    let mut u = U {
        prog,
        info,
        v,
        allowed: 0,
        uses: 0,
        written: false,
    };
    goxide_ast::visit::walk_block(&mut u, body);
    u.written && u.uses == u.allowed
}

/// The named struct types `files` declare (not aliases, not generic), with their objects.
pub(crate) fn declared_structs(
    prog: &Program,
    info: &Info,
    files: &[&File],
) -> Vec<(ObjId, goxide_types::TypeId)> {
    let mut out = Vec::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Type(specs) = &d.kind else {
                continue;
            };
            for s in specs
                .iter()
                .filter(|s| !s.alias && s.type_params.is_empty())
            {
                let Some(&obj) = info.defs.get(&s.name.id) else {
                    continue;
                };
                let t = prog.obj(obj).ty;
                if matches!(prog.types.get(t), Type::Named(n) if n.type_params.is_empty() && n.type_args.is_empty())
                    && matches!(prog.types.under(t), Type::Struct(_))
                {
                    out.push((obj, t));
                }
            }
        }
    }
    out
}

/// `shared_loop_vars`: Go before 1.22, where one variable serves all iterations of a loop.
pub fn analyze(
    prog: &Program,
    info: &Info,
    files: &[&File],
    shared_loop_vars: bool,
    map_write_methods: &HashSet<ObjId>,
) -> Analysis {
    // Linked types decide their receivers' uses themselves (a receiver copied into a view is
    // a borrow of `self`).
    let links = crate::links::find(prog, info, files);
    // Methods returning their receiver only for chaining borrow it (see `chaining`).
    let receiver_facts = crate::ptr_receivers::facts(prog, info, files);
    let chaining = crate::chaining::find(
        prog,
        info,
        files,
        &receiver_facts,
        &|t| links.has(prog, t),
        false,
    );
    let mut ptr_value_methods = crate::ptr_receivers::close(&receiver_facts, &chaining);
    ptr_value_methods.retain(|&m| match prog.obj(m).kind {
        ObjKind::Func { recv: Some(r) } => {
            !matches!(prog.types.get(r), Type::Pointer(e) if links.has(prog, *e))
        }
        _ => true,
    });
    // Pointer fields owning their pointees (see `owned_fields`), to be confirmed once the
    // pointer analysis is done: passing one on writes its holder.
    let owned_fields = crate::owned_fields::find(prog, info, files, &ptr_value_methods, &links);
    // Slices of pointers holding their elements (see `owned_elems`), and the pointer-receiver
    // methods that take `&self`: a method that writes through a range variable over its
    // receiver's elements writes its receiver, and a range variable a method is called on that
    // writes needs `iter_mut()`, so the two are decided together (to a fixed point; the set of
    // read-only methods only shrinks).
    let readonly = |elems: &crate::owned_elems::OwnedElems| {
        crate::decl::readonly_ptr_methods(
            prog,
            info,
            files,
            &links,
            map_write_methods,
            elems,
            &owned_fields,
        )
    };
    let elems_of = |readonly: &HashSet<ObjId>| {
        let mut e = crate::owned_elems::find(prog, info, files, &ptr_value_methods, readonly);
        e.types.retain(|&t| !links.has(prog, t));
        e
    };
    let mut readonly_methods = readonly(&Default::default());
    let mut owned_elems = elems_of(&readonly_methods);
    for round in 0.. {
        let next = readonly(&owned_elems);
        if next == readonly_methods {
            break;
        }
        if round == 4 {
            // Past a few rounds: assume every pointer method writes, which needs no further
            // round.
            owned_elems = elems_of(&HashSet::new());
            readonly_methods = readonly(&owned_elems);
            break;
        }
        readonly_methods = next;
        owned_elems = elems_of(&readonly_methods);
    }
    let field_elem_ranges = field_elem_ranges(prog, info, files);
    let mut w = Walker {
        owned_elems: &owned_elems,
        owned_fields: &owned_fields,
        elem_roots: HashMap::new(),
        field_elem_ranges: &field_elem_ranges,
        readonly_methods: &readonly_methods,
        prog,
        info,
        map_write_methods,
        ptr_value_methods: &ptr_value_methods,
        owner: HashMap::new(),
        closures: Vec::new(),
        out: Analysis::default(),
        elem_mutated: HashSet::new(),
        slice_args: Vec::new(),
        go_closures: Vec::new(),
        range_vars: Vec::new(),
        post_only_vars: Vec::new(),
        immediate: HashSet::new(),
        mutating: HashMap::new(),
        capture_sites: Vec::new(),
    };
    for f in files {
        for d in &f.decls {
            if let DeclKind::Func(_) = &d.kind {
                w.decl(d);
            } else if let DeclKind::Var(specs) = &d.kind {
                for s in specs {
                    s.values.iter().for_each(|e| w.expr(e));
                }
            }
        }
    }
    // Function literals bound to locals that borrow what they use (see `local_closures`): a
    // variable used only in those (and in literals the standard library runs at once) is not
    // captured. A variable never changed after its declaration (nor passed to a function that
    // could change its elements) may be read while such a closure is alive.
    let passed: HashSet<ObjId> = w
        .slice_args
        .iter()
        .filter(|a| !matches!(prog.obj(a.0).kind, ObjKind::Builtin(_)))
        .map(|a| a.2)
        .collect();
    let unchanged = |v: ObjId| !w.out.mutated.contains(&v) && !passed.contains(&v);
    let local_closures = crate::local_closures::find(prog, info, files, &unchanged);
    w.immediate.extend(local_closures.lits.keys().copied());
    let callbacks = crate::callback_params::find(prog, info, files, &unchanged);
    w.immediate.extend(callbacks.borrowing_lits.iter().copied());
    for (obj, lits) in &w.capture_sites {
        if !lits.iter().all(|c| w.immediate.contains(c)) {
            w.out.captured.insert(*obj);
        }
    }
    // Re-slices that borrow their base: writing through one writes the base's elements.
    let (subslices, appended) = crate::subslice::find(
        prog,
        info,
        files,
        &crate::subslice::VarFacts {
            captured: &w.out.captured,
            address_taken: &w.out.address_taken,
            whole_assigned: &w.out.whole_assigned,
            elem_mutated: &w.elem_mutated,
        },
    );
    for (&x, b) in &subslices {
        w.out.slice_params.insert(x, b.mode);
        if b.mode == SliceMode::MutRef {
            w.elem_mutated.insert(b.base);
            w.out.mutated.insert(b.base);
        }
    }
    w.out.subslices = subslices;
    w.out.appended = appended;
    w.out.bytestrs = crate::bytestr::find(
        prog,
        info,
        files,
        &crate::bytestr::VarFacts {
            captured: &w.out.captured,
            address_taken: &w.out.address_taken,
            whole_assigned: &w.out.whole_assigned,
        },
    );
    // Pointer parameters that are borrows, owned local pointers, … (see `ptr_params`).
    let write_only = crate::globals::write_only_vars(prog, info, files);
    let ptr_params = crate::ptr_params::find(
        prog,
        info,
        files,
        &crate::ptr_params::Facts {
            captured: &w.out.captured,
            whole_assigned: &w.out.whole_assigned,
            ptr_value_methods: &ptr_value_methods,
            write_only: &write_only,
            links: &links.types,
            readonly_methods: &readonly_methods,
            map_write_methods,
            owned_fields: &owned_fields,
        },
    );
    // Slice parameters of package functions (not methods, not closures) that are never
    // reassigned nor captured are borrowed: `&[T]`, or `&mut [T]` when an element is written
    // (directly, by lending an element's address to a borrowed pointer parameter that writes
    // through it, or by passing the slice on to such a parameter).
    // (Methods too, where nothing fixes their signature: see `method_slices`.)
    let methods = crate::method_slices::eligible(prog, info, files);
    // (A parameter kept in a field is the caller's to hand over: by value, moved at the
    // caller's last use, see `field_shares`.)
    let field_shares = crate::field_shares::find(prog, info, files);
    let stored = field_shares.stored_params();
    let mut candidates: Vec<(ObjId, Vec<Option<ObjId>>)> = Vec::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            // (A generic function's instantiations share its parameters' modes.)
            let Some(&fobj) = info.defs.get(&fd.name.id) else {
                continue;
            };
            if (fd.recv.is_some() && !methods.contains(&fobj)) || fd.body.is_none() {
                continue;
            }
            let mut params = Vec::new();
            for g in &fd.sig.params {
                if g.names.is_empty() {
                    params.push(None);
                    continue;
                }
                for n in &g.names {
                    let p = info.defs.get(&n.id).copied().filter(|&p| {
                        !g.variadic
                            && matches!(
                                prog.types.get(prog.obj(p).ty),
                                Type::Slice(_) | Type::Map(..)
                            )
                            && !w.out.whole_assigned.contains(&p)
                            && !w.out.captured.contains(&p)
                            && !stored.contains(&p)
                            && (!w.out.address_taken.contains(&p) || ptr_params.lent.contains(&p))
                    });
                    params.push(p);
                }
            }
            candidates.push((fobj, params));
        }
    }
    let mut mut_params: HashSet<ObjId> = candidates
        .iter()
        .flat_map(|(_, ps)| ps.iter().flatten())
        .filter(|p| w.elem_mutated.contains(p) || ptr_params.lent_mut.contains(p))
        .copied()
        .collect();
    // Passing a slice on to a `&mut [T]` parameter writes its elements too (to a fixpoint).
    loop {
        let mut changed = false;
        for (f, i, arg, lits) in &w.slice_args {
            let (f, i, arg) = (*f, *i, *arg);
            let Some((_, ps)) = candidates.iter().find(|(c, _)| *c == f) else {
                continue;
            };
            if ps
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|p| mut_params.contains(&p))
            {
                w.out.mutated.insert(arg);
                for &lit in lits {
                    w.mutating.entry(lit).or_default().insert(arg);
                }
                if candidates.iter().any(|(_, ps)| ps.contains(&Some(arg)))
                    && mut_params.insert(arg)
                {
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    for (f, ps) in &candidates {
        let modes: Vec<Option<SliceMode>> = ps
            .iter()
            .map(|p| {
                p.map(|p| {
                    if mut_params.contains(&p) {
                        SliceMode::MutRef
                    } else {
                        SliceMode::Ref
                    }
                })
            })
            .collect();
        for (p, m) in ps.iter().zip(&modes) {
            if let (Some(p), Some(m)) = (p, m) {
                w.out.slice_params.insert(*p, *m);
            }
        }
        w.out.fn_param_modes.insert(*f, modes);
    }
    let mut out = w.out;
    out.elem_mutated = w.elem_mutated;
    out.field_elem_ranges = field_elem_ranges.clone();
    out.field_shares = field_shares;
    out.field_shares.settle(&out.elem_mutated);
    if shared_loop_vars {
        // Each iteration assigns the one variable: a closure that captures it sees it change.
        for &v in &w.range_vars {
            if out.captured.contains(&v) {
                out.mutated.insert(v);
                out.hoisted_range_vars.insert(v);
            }
        }
    }
    out.links = links;
    out.mutated.extend(out.links.mutable.iter().copied());
    // (Optional borrows, and views of linked structures, see `links`.)
    let maybe_nil: HashSet<ObjId> = ptr_params
        .optional
        .iter()
        .chain(&out.links.views)
        .copied()
        .collect();
    out.nil_guards = crate::nil_guards::find(prog, info, files, &maybe_nil);
    // Elements given by a local or a call: fresh when the local owns its value and moves it
    // there, at its last use, or the call is a constructor's (see `ptr_params`).
    // (The same for the values stored in fields owning their pointees, see `owned_fields`.)
    let fresh = |p: crate::owned_elems::Pending, id: NodeId| match p {
        crate::owned_elems::Pending::Local(o) => {
            ptr_params.owned.contains_key(&o)
                && ptr_params.moves.get(&o) == Some(&id)
                && !ptr_params.nullable.contains(&o)
        }
        crate::owned_elems::Pending::Ctor(f) => {
            ptr_params.ctors.contains(&f)
                && !ptr_params.nullable_ctors.contains(&f)
                && !ptr_params.ctor_index.contains_key(&f)
        }
    };
    let mut owned_elems = owned_elems.clone();
    owned_elems.confirm(fresh);
    let mut owned_fields = owned_fields.clone();
    owned_fields.confirm(fresh, |f, i| {
        let mode = ptr_params
            .fn_modes
            .get(&f)
            .and_then(|m| m.get(i).copied().flatten());
        let optional = ptr_params
            .fn_optional
            .get(&f)
            .and_then(|o| o.get(i).copied());
        mode.is_some() && optional != Some(true)
    });
    out.owned_fields = owned_fields;
    out.ptr_params = ptr_params;
    // Range variables and locals borrowing an element of a slice holding its elements: `&T` /
    // `&mut T`.
    for (&v, &written) in owned_elems
        .range_vars
        .iter()
        .chain(&owned_elems.elem_locals)
    {
        let mode = if written {
            SliceMode::MutRef
        } else {
            SliceMode::Ref
        };
        out.ptr_params.params.insert(v, mode);
    }
    // (`v := m[k]` of a map holding its values: `None` for a missing key, an optional borrow.)
    out.ptr_params.optional.extend(
        owned_elems
            .map_locals
            .iter()
            .filter(|(_, f)| **f == crate::owned_elems::MapLocal::Plain)
            .map(|(v, _)| *v),
    );
    out.owned_elems = owned_elems;
    out.readonly_methods = readonly_methods.clone();
    out.ptr_value_methods = ptr_value_methods.clone();
    out.chaining = chaining;
    out.projected = std::mem::take(&mut out.ptr_params.projected);
    let owned: HashSet<ObjId> = out.ptr_params.owned.keys().copied().collect();
    let frozen = crate::frozen::find(prog, info, files, &owned, &ptr_value_methods);
    out.frozen = frozen.types;
    let elem_types = out.owned_elems.pointees(prog);
    out.frozen
        .retain(|t| !out.projected.contains(t) && !elem_types.contains(t));
    out.frozen_in_iface = frozen.in_iface;
    out.frozen_in_iface.retain(|t| out.frozen.contains(t));
    for v in out.ptr_params.lent.iter().chain(&out.ptr_params.returned) {
        out.address_taken.remove(v);
    }
    // Go 1.22 and later: each iteration of a three-clause loop has its own copy of the loop
    // variables, which the post statement copies forward; a closure capturing one that only the
    // post statement changes captures that iteration's value, which never changes: it needs no
    // shared cell.
    let per_iteration: HashSet<ObjId> = if shared_loop_vars {
        HashSet::new()
    } else {
        w.post_only_vars
            .iter()
            .copied()
            .filter(|v| !out.address_taken.contains(v))
            .collect()
    };
    let captured_mutated: Vec<ObjId> = out
        .captured
        .intersection(&out.mutated)
        .copied()
        .filter(|v| !per_iteration.contains(v))
        .collect();
    out.boxed.extend(captured_mutated);
    out.boxed.extend(out.address_taken.iter().copied());
    // A local closure that changes a captured variable (not through its cell) is `FnMut`.
    // (Variables given as parameters are not captured.)
    for (&lit, &var) in &local_closures.lits {
        let threads = local_closures.threads.get(&lit);
        let changes = |v: &ObjId| w.mutating.get(&lit).is_some_and(|vs| vs.contains(v));
        let mutating = w.mutating.get(&lit).is_some_and(|vs| {
            vs.iter()
                .any(|v| !out.boxed.contains(v) && !threads.is_some_and(|t| t.contains(v)))
        });
        out.local_closures.insert(lit, mutating);
        out.local_closure_vars.insert(var, mutating);
        if let Some(t) = threads {
            let forms: Vec<(ObjId, bool)> = t.iter().map(|v| (*v, changes(v))).collect();
            out.lit_threads.insert(lit, forms.clone());
            out.closure_threads.insert(var, forms);
        }
    }
    for &lit in &callbacks.borrowing_lits {
        out.local_closures.insert(lit, false);
    }
    out.callbacks = callbacks;
    out.handles = crate::handles::find(prog, info, files);
    for f in &w.go_closures {
        for obj in out.free_vars.get(f).into_iter().flatten() {
            if out.boxed.contains(obj) && !out.address_taken.contains(obj) {
                out.go_shared.insert(*obj);
            }
        }
    }
    // Last uses of plain local values, which move instead of cloning (see `last_use`).
    let borrowed_roots: HashSet<ObjId> = out
        .ptr_params
        .borrows
        .values()
        .chain(out.ptr_params.copies.values())
        .chain(&out.ptr_params.lent)
        .chain(out.subslices.values().map(|b| &b.base))
        .copied()
        .collect();
    let ptr_fns: HashSet<ObjId> = out.ptr_params.fn_modes.keys().copied().collect();
    out.str_params = crate::str_params::find(
        prog,
        info,
        files,
        &crate::str_params::Facts {
            whole_assigned: &out.whole_assigned,
            captured: &out.captured,
            address_taken: &out.address_taken,
            ptr_fns: &ptr_fns,
            bytestrs: &out.bytestrs,
        },
    );
    let excluded = |v: ObjId| {
        out.str_params.params.contains(&v)
            || matches!(
                prog.types.under(prog.obj(v).ty),
                Type::Pointer(_) | Type::Func(_) | Type::Chan(..)
            )
            || out.captured.contains(&v)
            || out.boxed.contains(&v)
            || out.address_taken.contains(&v)
            || out.slice_params.contains_key(&v)
            || out.bytestrs.contains(&v)
            || out.go_shared.contains(&v)
            || out.hoisted_range_vars.contains(&v)
            || borrowed_roots.contains(&v)
    };
    out.last_uses = crate::last_use::find(prog, info, files, &excluded);
    // A slice holding its elements' values may only be copied where it moves or is lent (see
    // `owned_elems`): a type copied otherwise keeps its pointers shared after all.
    let (modes, last) = (&out.fn_param_modes, &out.last_uses);
    let dropped = out.owned_elems.confirm_copies(|id, site| match site {
        crate::owned_elems::CopySite::Move => last.contains(&id),
        crate::owned_elems::CopySite::Arg(f, i) => {
            last.contains(&id)
                || modes
                    .get(&f)
                    .and_then(|m| m.get(i).copied().flatten())
                    .is_some()
        }
    });
    for v in dropped {
        out.ptr_params.params.remove(&v);
    }
    out.results = crate::results::find(prog, info, files);
    let (boxed, captured) = (&out.boxed, &out.captured);
    out.results
        .retain_errs(|o| !boxed.contains(&o) && !captured.contains(&o));
    out
}
