//! `unsafe.Sizeof`, `unsafe.Alignof` and `unsafe.Offsetof` inside generic code, where the
//! checker has no constant: Go's amd64 layout of the instantiation's types, as a `usize`
//! literal (the argument is never evaluated, as in Go).

use goxide_ast::ast::{Expr, ExprKind};
use goxide_types::{BasicKind, Builtin, Type, TypeId};
use syn::parse_quote;

use crate::ctx::Ctx;

impl Ctx<'_> {
    /// The value of `unsafe.Sizeof(x)`, `Alignof(x)` or `Offsetof(x.f)` in the instantiation
    /// being translated; `None` when a type has no known layout.
    pub(crate) fn unsafe_layout(&self, b: Builtin, args: &[Expr]) -> Option<syn::Expr> {
        let [x] = args else { return None };
        let n = match b {
            Builtin::Sizeof => self.go_size(self.type_of(x)?, false, 0)?,
            Builtin::Alignof => self.go_size(self.type_of(x)?, true, 0)?,
            Builtin::Offsetof => {
                let x = crate::builtins::strip_parens(x);
                let ExprKind::Selector { x: base, .. } = &x.kind else {
                    return None;
                };
                let sel = self.info.selections.get(&x.id)?;
                let mut bt = self.resolve(self.type_of(base)?);
                if let Type::Pointer(el) = self.under(bt) {
                    bt = *el;
                }
                self.go_offset(bt, &sel.path)?
            }
            _ => return None,
        };
        let lit = syn::LitInt::new(&format!("{n}usize"), proc_macro2::Span::call_site());
        Some(parse_quote!(#lit))
    }

    /// The offset of the field at `path` (through embedded fields, none of them a pointer).
    fn go_offset(&self, t: TypeId, path: &[usize]) -> Option<u64> {
        let mut off = 0u64;
        let mut cur = t;
        for &i in path {
            let Type::Struct(fs) = self.under(cur) else {
                return None;
            };
            let mut o = 0u64;
            for (j, f) in fs.iter().enumerate() {
                let a = self.go_size(f.ty, true, 0)?.max(1);
                o = o.div_ceil(a) * a;
                if j == i {
                    break;
                }
                o += self.go_size(f.ty, false, 0)?;
            }
            off += o;
            cur = fs.get(i)?.ty;
        }
        Some(off)
    }

    /// Size (or, with `align`, alignment) in bytes of `t` on amd64.
    fn go_size(&self, t: TypeId, align: bool, depth: u32) -> Option<u64> {
        if depth > 30 {
            return None;
        }
        let (word, pair) = if align { (8, 8) } else { (8, 16) };
        Some(match self.under(t) {
            Type::Basic(k) => match k {
                BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => 1,
                BasicKind::Int16 | BasicKind::Uint16 => 2,
                BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => 4,
                BasicKind::String => pair,
                BasicKind::Complex64 if align => 4,
                BasicKind::Complex64 => 8,
                BasicKind::Complex128 => pair,
                _ => word,
            },
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => word,
            Type::Slice(_) => {
                if align {
                    8
                } else {
                    24
                }
            }
            Type::Interface(_) => pair,
            Type::Array(n, el) => {
                let s = self.go_size(*el, align, depth + 1)?;
                if align {
                    s
                } else {
                    n.checked_mul(s)?
                }
            }
            Type::Struct(fs) => {
                let mut off = 0u64;
                let mut max_align = 1u64;
                for f in fs {
                    let a = self.go_size(f.ty, true, depth + 1)?.max(1);
                    max_align = max_align.max(a);
                    off = off.div_ceil(a) * a + self.go_size(f.ty, false, depth + 1)?;
                }
                if align {
                    return Some(max_align);
                }
                // A trailing zero-size field gets a byte, so its address stays inside.
                if off > 0
                    && fs
                        .last()
                        .is_some_and(|l| self.go_size(l.ty, false, depth + 1) == Some(0))
                {
                    off += 1;
                }
                off.div_ceil(max_align) * max_align
            }
            _ => return None,
        })
    }
}
