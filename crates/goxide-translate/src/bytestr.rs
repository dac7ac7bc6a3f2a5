//! Strings that stay bytes. A Go string is a byte string and may hold invalid UTF-8, which a
//! Rust `String` cannot. A local string made from bytes (`s := string(b)` with `b` a `[]byte`,
//! or a constant that is not UTF-8) and only ever ranged over, indexed or measured with `len`
//! becomes a `Vec<u8>`: `for i, r := range s` then decodes runes as Go does (each invalid byte
//! is U+FFFD of width 1) and `len`/`s[i]` count bytes, so no byte is lost.

use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{BasicKind, Builtin, Info, Mode, ObjId, ObjKind, Program, Type};
use std::collections::{HashMap, HashSet};
use syn::parse_quote;

/// Facts about variables that the decision needs (from the main analysis walk).
pub struct VarFacts<'a> {
    pub captured: &'a HashSet<ObjId>,
    pub address_taken: &'a HashSet<ObjId>,
    pub whole_assigned: &'a HashSet<ObjId>,
}

/// The local string variables of `files` that are kept as bytes.
pub fn find(prog: &Program, info: &Info, files: &[&File], facts: &VarFacts<'_>) -> HashSet<ObjId> {
    let mut uses = Uses {
        prog,
        info,
        candidates: HashSet::new(),
        total: HashMap::new(),
        allowed: HashMap::new(),
    };
    for f in files {
        for d in &f.decls {
            visit::walk_decl(&mut uses, d);
        }
    }
    uses.candidates
        .iter()
        .copied()
        .filter(|o| {
            !facts.captured.contains(o)
                && !facts.address_taken.contains(o)
                && !facts.whole_assigned.contains(o)
                && uses.total.get(o) == uses.allowed.get(o)
        })
        .collect()
}

/// Whether `value` makes a string from bytes that may not be UTF-8.
fn from_bytes(prog: &Program, info: &Info, value: &Expr) -> bool {
    let value = crate::builtins::strip_parens(value);
    if let Some(goxide_types::ConstValue::String(s)) = info.const_value(value.id) {
        return std::str::from_utf8(s).is_err();
    }
    let ExprKind::Call { func, args, .. } = &value.kind else {
        return false;
    };
    let (Some(ft), [arg]) = (info.type_of(func.id), &args[..]) else {
        return false;
    };
    let to_string = matches!(info.types.get(&func.id).map(|t| &t.mode), Some(Mode::Type))
        && matches!(prog.types.under(ft), Type::Basic(k) if k.is_string());
    let bytes = info
        .type_of(arg.id)
        .is_some_and(|t| match prog.types.under(t) {
            Type::Slice(e) => matches!(prog.types.under(*e), Type::Basic(BasicKind::Uint8)),
            _ => false,
        });
    to_string && bytes
}

/// Counts every use of each candidate and its uses in the forms a `Vec<u8>` keeps.
struct Uses<'a> {
    prog: &'a Program,
    info: &'a Info,
    candidates: HashSet<ObjId>,
    total: HashMap<ObjId, usize>,
    allowed: HashMap<ObjId, usize>,
}

impl Uses<'_> {
    fn allow(&mut self, e: &Expr) {
        let e = crate::builtins::strip_parens(e);
        if let ExprKind::Ident(_) = e.kind {
            if let Some(&o) = self.info.uses.get(&e.id) {
                *self.allowed.entry(o).or_default() += 1;
            }
        }
    }

    fn declare(&mut self, name: &Expr, value: &Expr) {
        let Some(&o) = self.info.defs.get(&name.id) else {
            return;
        };
        let local = matches!(
            self.prog.obj(o).kind,
            ObjKind::Var {
                global: false,
                param: false
            }
        );
        let string =
            matches!(self.prog.types.under(self.prog.obj(o).ty), Type::Basic(k) if k.is_string());
        if local && string && from_bytes(self.prog, self.info, value) {
            self.candidates.insert(o);
        }
    }
}

impl Visitor for Uses<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                rhs,
            } if lhs.len() == 1 && rhs.len() == 1 => self.declare(&lhs[0], &rhs[0]),
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    if spec.names.len() == 1 && spec.values.len() == 1 {
                        let n = &spec.names[0];
                        let name = Expr {
                            id: n.id,
                            span: n.span,
                            kind: ExprKind::Ident(n.name.clone()),
                        };
                        self.declare(&name, &spec.values[0]);
                    }
                }
            }
            StmtKind::Range { x, .. } => self.allow(x),
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    *self.total.entry(o).or_default() += 1;
                }
            }
            ExprKind::Index { x, .. } => self.allow(x),
            ExprKind::Call { func, args, .. } => {
                let f = crate::builtins::strip_parens(func);
                let is_len = matches!(f.kind, ExprKind::Ident(_))
                    && self.info.uses.get(&f.id).is_some_and(|&o| {
                        matches!(self.prog.obj(o).kind, ObjKind::Builtin(Builtin::Len))
                    });
                if is_len {
                    args.iter().for_each(|a| self.allow(a));
                }
            }
            _ => {}
        }
        true
    }
}

impl crate::ctx::Ctx<'_> {
    /// Whether `e` names a string variable kept as bytes.
    pub fn is_bytestr(&self, e: &Expr) -> bool {
        let e = crate::builtins::strip_parens(e);
        matches!(e.kind, ExprKind::Ident(_))
            && self
                .obj_of(e)
                .is_some_and(|o| self.analysis.bytestrs.contains(&o))
    }

    /// `s := string(b)` for a string kept as bytes: `let s: Vec<u8> = b.to_vec();`.
    pub fn bytestr_decl(&mut self, x: ObjId, name: &Ident, value: &Expr) -> Option<syn::Stmt> {
        if !self.analysis.bytestrs.contains(&x) {
            return None;
        }
        let value = crate::builtins::strip_parens(value);
        let bytes: syn::Expr = match self.info.const_value(value.id) {
            Some(goxide_types::ConstValue::String(s)) => {
                let lit = syn::LitByteStr::new(s, proc_macro2::Span::call_site());
                parse_quote!(#lit.to_vec())
            }
            _ => {
                let ExprKind::Call { args, .. } = &value.kind else {
                    return None;
                };
                self.value(args.first()?)
            }
        };
        let id = self.bind_local(x, &name.name);
        Some(parse_quote!(let #id: Vec<u8> = #bytes;))
    }
}
