//! `goto`, where the jumps stay structured: the statement list holding the target labels
//! becomes a loop over its segments.
//!
//! ```text
//! a; L1: b; L2: c            let mut goto_next = 0;      // a
//!                            'goto1: loop {
//!                                if goto_next <= 1 { b }
//!                                if goto_next <= 2 { c }
//!                                break;
//!                            }
//! ```
//!
//! `goto L2` anywhere inside (not in a closure) is `{ goto_next = 2; continue 'goto1; }`: the
//! segments from the target on run in order, as Go's statements after the label do. Go
//! forbids jumping over a variable declaration into its scope, so only the statements before
//! the first label can declare variables that later segments use; those stay before the loop.
//! A list where a later segment uses a variable declared in an earlier labeled segment keeps
//! its `goto`s as `unsupported` markers.

use crate::ctx::Ctx;
use goxide_ast::ast::*;
use std::collections::HashSet;
use syn::parse_quote;

/// Labels that a `goto` inside `list` (outside function literals) targets.
fn goto_targets(list: &[Stmt]) -> HashSet<String> {
    struct Finder(HashSet<String>);
    impl goxide_ast::visit::Visitor for Finder {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let StmtKind::Branch {
                kind: BranchKind::Goto,
                label: Some(l),
            } = &s.kind
            {
                self.0.insert(l.name.clone());
            }
            true
        }
        fn expr(&mut self, e: &Expr) -> bool {
            !matches!(e.kind, ExprKind::FuncLit { .. })
        }
    }
    let mut f = Finder(HashSet::new());
    for s in list {
        goxide_ast::visit::walk_stmt(&mut f, s);
    }
    f.0
}

/// Whether a statement ends the flow through it (`return`, `goto`, `panic`, or a labeled one).
fn terminates(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Return(_) => true,
        StmtKind::Branch {
            kind: BranchKind::Goto,
            ..
        } => true,
        StmtKind::Labeled { stmt, .. } => terminates(stmt),
        StmtKind::Expr(e) => {
            matches!(&e.kind, ExprKind::Call { func, .. } if matches!(&func.kind, ExprKind::Ident(n) if n == "panic"))
        }
        StmtKind::Block(b) => b.stmts.last().is_some_and(terminates),
        _ => false,
    }
}

impl Ctx<'_> {
    /// A statement list with labels that `goto`s target, as a segment loop; `None` when the
    /// list has none (or its jumps cannot be structured this way).
    pub fn goto_block(&mut self, list: &[Stmt], end: Option<u32>) -> Option<Vec<syn::Stmt>> {
        let targets = goto_targets(list);
        let starts: Vec<usize> = list
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(&s.kind, StmtKind::Labeled { label, .. } if targets.contains(&label.name) && !self.func.goto_labels.contains_key(&label.name)))
            .map(|(i, _)| i)
            .collect();
        let first = *starts.first()?;
        // Statements before the first label stay before the loop, up to the first one that
        // jumps: from there on they are segment 0 (a jump must come from inside the loop).
        let jumps = |s: &Stmt| {
            goto_targets(std::slice::from_ref(s))
                .iter()
                .any(|l| starts.iter().any(|&i| matches!(&list[i].kind, StmtKind::Labeled { label, .. } if &label.name == l)))
        };
        let seg0 = list[..first].iter().position(jumps);
        // Variables declared in a segment must not be used in a later one.
        let mut bounds: Vec<usize> = seg0.into_iter().collect();
        bounds.extend(starts.iter().copied());
        bounds.push(list.len());
        for w in bounds.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (Some(sa), Some(sb)) = (list.get(a), list.get(b - 1)) else {
                continue;
            };
            let (lo, hi) = (sa.span.start, sb.span.end);
            let declared: HashSet<goxide_types::ObjId> = self
                .info
                .defs
                .values()
                .copied()
                .filter(|&o| {
                    let sp = self.obj(o).span;
                    // (Locals only: a local of another file cannot be used here.)
                    matches!(
                        self.obj(o).kind,
                        goxide_types::ObjKind::Var { global: false, .. }
                    ) && lo <= sp.start
                        && sp.end <= hi
                })
                .collect();
            if declared.is_empty() {
                continue;
            }
            struct Uses<'c, 'a>(&'c Ctx<'a>, &'c HashSet<goxide_types::ObjId>, bool);
            impl goxide_ast::visit::Visitor for Uses<'_, '_> {
                fn expr(&mut self, e: &Expr) -> bool {
                    if let Some(o) = self.0.info.uses.get(&e.id) {
                        if self.1.contains(o) {
                            self.2 = true;
                        }
                    }
                    true
                }
            }
            let mut u = Uses(self, &declared, false);
            for s in &list[b..] {
                goxide_ast::visit::walk_stmt(&mut u, s);
            }
            if u.2 {
                return None;
            }
        }
        let lab = self.fresh_label("goto");
        let state = syn::Ident::new(
            &format!("goto_next{}", self.func.next_label),
            proc_macro2::Span::call_site(),
        );
        for (k, &i) in starts.iter().enumerate() {
            if let StmtKind::Labeled { label, .. } = &list[i].kind {
                self.func
                    .goto_labels
                    .insert(label.name.clone(), (lab.clone(), state.clone(), k + 1));
            }
        }
        let prefix = seg0.unwrap_or(first);
        let mut out = self.stmts(&list[..prefix], None);
        out.push(parse_quote!(let mut #state = 0;));
        self.rust_scopes.push(crate::stmt::RustScope::LabeledBlock);
        let mut body: Vec<syn::Stmt> = Vec::new();
        for (k, w) in bounds.windows(2).enumerate() {
            let last = k + 2 == bounds.len();
            let seg = self.stmts(&list[w[0]..w[1]], if last { end } else { None });
            let n = proc_macro2::Literal::usize_unsuffixed(if seg0.is_some() { k } else { k + 1 });
            body.push(parse_quote!(if #state <= #n { #(#seg)* }));
        }
        self.rust_scopes.pop();
        // A list that ends in a terminating statement never leaves the loop but by `return`:
        // without the final `break` the loop diverges, as the Go code does.
        if !list.last().is_some_and(terminates) {
            body.push(parse_quote!(break;));
        }
        out.push(parse_quote!(#lab: loop { #(#body)* }));
        Some(out)
    }

    /// `goto L` for a label of a segment loop.
    pub fn goto_jump(&mut self, label: &str) -> Option<syn::Stmt> {
        let (lab, state, k) = self.func.goto_labels.get(label)?.clone();
        let k = proc_macro2::Literal::usize_unsuffixed(k);
        Some(parse_quote!({
            #state = #k;
            continue #lab;
        }))
    }
}
