//! Ownership markers on every item that keeps Go's sharing. Where the translation holds a value
//! in a shared cell (`RefCell`, `Rc<dyn Place>`, `Arc`, `RwLock`, `Mutex`, goxide's
//! `sync::Shared` and `sync::Global`), a person must decide whether an owned value or a borrow
//! would do: the item carries a `// TODO(goxide): ownership: …` marker saying what is shared.
//! Declarations mark themselves where the translator knows the reason (a local variable whose
//! address is taken, a pointer parameter, `&T{…}`); this pass marks every other item, naming the
//! fields, parameters or variables involved.
//!
//! Function values (`Rc<dyn Fn>`) and interface values are immutable Go values, not
//! ownership decisions: they are not marked.

use quote::ToTokens;
use syn::visit::Visit;

/// The text every ownership marker starts with.
const OWNERSHIP: &str = "TODO(goxide): ownership";

/// Shared cells mentioned in an item or type, as the phrases markers use, in a fixed order.
fn cells(node: Node<'_>) -> Vec<&'static str> {
    #[derive(Default)]
    struct Find {
        refcell: bool,
        rc: bool,
        place: bool,
        shared: bool,
        global: bool,
        arc: bool,
        mutex: bool,
        rwlock: bool,
    }
    impl<'ast> Visit<'ast> for Find {
        fn visit_path_segment(&mut self, s: &'ast syn::PathSegment) {
            match s.ident.to_string().as_str() {
                "RefCell" => self.refcell = true,
                "Rc" => self.rc = true,
                "Place" => self.place = true,
                "Shared" => self.shared = true,
                "Global" => self.global = true,
                "Arc" => self.arc = true,
                "Mutex" => self.mutex = true,
                "RwLock" => self.rwlock = true,
                _ => {}
            }
            syn::visit::visit_path_segment(self, s);
        }
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            // `thread_local! { static X: RefCell<T> = … }` and other macro bodies.
            if let Ok(items) = syn::parse2::<syn::File>(m.tokens.clone()) {
                self.visit_file(&items);
            } else if let Ok(e) = m.parse_body_with(
                syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
            ) {
                for x in &e {
                    self.visit_expr(x);
                }
            }
            syn::visit::visit_macro(self, m);
        }
    }
    let mut f = Find::default();
    match node {
        Node::Item(i) => f.visit_item(i),
        Node::Type(t) => f.visit_type(t),
        Node::Method(m) => f.visit_impl_item_fn(m),
    }
    let mut out = Vec::new();
    if f.refcell && f.rc {
        out.push("Rc<RefCell<…>>");
    } else if f.refcell {
        out.push("RefCell");
    }
    if f.place {
        out.push("Rc<dyn Place<…>>");
    }
    if f.shared {
        out.push("Arc<RwLock<…>> (support::sync::Shared)");
    }
    if f.global {
        out.push("a process-wide cell (support::sync::Global)");
    }
    if f.rwlock && !f.shared {
        out.push("RwLock");
    }
    if f.mutex {
        out.push("Arc<Mutex<…>>");
    }
    if f.arc && !f.shared && !f.mutex {
        out.push("Arc");
    }
    out
}

#[derive(Clone, Copy)]
enum Node<'a> {
    Item(&'a syn::Item),
    Type(&'a syn::Type),
    Method(&'a syn::ImplItemFn),
}

fn has_marker<T: ToTokens>(node: &T) -> bool {
    node.to_token_stream().to_string().contains(OWNERSHIP)
}

fn is_ownership_comment(item: &syn::Item) -> bool {
    matches!(item, syn::Item::Macro(m) if m.mac.path.is_ident(crate::COMMENT_MACRO))
        && has_marker(item)
}

/// Adds a marker before every item that mentions a shared cell and carries none.
pub fn mark_items(items: Vec<syn::Item>) -> Vec<syn::Item> {
    let mut out: Vec<syn::Item> = Vec::with_capacity(items.len());
    for mut item in items {
        if let syn::Item::Impl(i) = &mut item {
            if cells(Node::Type(&i.self_ty)).is_empty() {
                mark_methods(i);
                out.push(item);
                continue;
            }
        }
        let marked = out.last().is_some_and(is_ownership_comment) || has_marker(&item);
        if !marked {
            let found = cells(Node::Item(&item));
            if !found.is_empty() {
                let text = format!("{} {}", crate::MARKER, describe(&item, &found));
                out.push(crate::decl::comment_item(&text));
            }
        }
        out.push(item);
    }
    out
}

fn names(list: &[String]) -> String {
    list.iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What an unmarked item shares, for its marker (without the `TODO(goxide):` prefix).
fn describe(item: &syn::Item, found: &[&str]) -> String {
    let how = found.join(", ");
    match item {
        syn::Item::Struct(s) => {
            let fields: Vec<String> = s
                .fields
                .iter()
                .enumerate()
                .filter(|(_, f)| !cells(Node::Type(&f.ty)).is_empty())
                .map(|(i, f)| match &f.ident {
                    Some(id) => id.to_string(),
                    None => i.to_string(),
                })
                .collect();
            format!(
                "ownership: {} {} of `{}` {} shared through {how}: Go pointers to one value may \
                 alias; an owned value (`Box`, `Option<Box<…>>`) or an index may do",
                if fields.len() == 1 { "field" } else { "fields" },
                names(&fields),
                s.ident,
                if fields.len() == 1 { "is" } else { "are" },
            )
        }
        syn::Item::Fn(f) => describe_fn(&f.sig, &how),
        syn::Item::Impl(i) => format!(
            "ownership: implemented for `{}`, a Go pointer held as {how}: its copies share one \
             value",
            i.self_ty
                .to_token_stream()
                .to_string()
                .replace(' ', "")
                .replace("std::rc::", "")
                .replace("std::cell::", "")
                .replace("crate::support::", "support::")
        ),
        syn::Item::Type(t) => format!(
            "ownership: `{}` is a Go pointer type, shared as {how}; an owned value or a borrow \
             may do",
            t.ident
        ),
        syn::Item::Static(s) => format!(
            "ownership: package variable `{}` lives in {how}: every function (and goroutine) may \
             change it",
            s.ident
        ),
        syn::Item::Macro(m) if m.mac.path.is_ident("thread_local") => {
            let statics = thread_local_names(m);
            format!(
                "ownership: package {} {} in a cell ({how}) that every function may read and \
                 change; passing {} as {} may do",
                if statics.len() == 1 {
                    "variable"
                } else {
                    "variables"
                },
                if statics.len() == 1 {
                    format!("{} lives", names(&statics))
                } else {
                    format!("{} live", names(&statics))
                },
                if statics.len() == 1 { "it" } else { "them" },
                if statics.len() == 1 {
                    "a parameter"
                } else {
                    "parameters"
                },
            )
        }
        _ => format!("ownership: values here are shared through {how}"),
    }
}

/// What a function with shared cells in its signature or body shares.
fn describe_fn(sig: &syn::Signature, how: &str) -> String {
    let params: Vec<String> = sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(p) if !cells(Node::Type(&p.ty)).is_empty() => {
                Some(p.pat.to_token_stream().to_string().replace("mut ", ""))
            }
            _ => None,
        })
        .collect();
    let result = match &sig.output {
        syn::ReturnType::Type(_, t) => !cells(Node::Type(t)).is_empty(),
        syn::ReturnType::Default => false,
    };
    let name = &sig.ident;
    match (params.is_empty(), result) {
        (false, _) => format!(
            "ownership: `{name}` takes {} {} as {how}: the caller's pointer may alias others; a \
             borrow (`&T`, `&mut T`) may do",
            if params.len() == 1 {
                "parameter"
            } else {
                "parameters"
            },
            names(&params)
        ),
        (true, true) => format!(
            "ownership: `{name}` returns a shared pointer ({how}) that may alias what it keeps; \
             returning an owned value may do"
        ),
        (true, false) => format!(
            "ownership: `{name}` holds values in shared cells ({how}) where Go shares them \
             through pointers; an owned value or a borrow may do"
        ),
    }
}

/// Marks the methods of an impl block whose own type holds no cell.
fn mark_methods(i: &mut syn::ItemImpl) {
    let items = std::mem::take(&mut i.items);
    for it in items {
        if let syn::ImplItem::Fn(f) = &it {
            let found = cells(Node::Method(f));
            if !found.is_empty() && !has_marker(f) {
                let text = format!(
                    "{} {}",
                    crate::MARKER,
                    describe_fn(&f.sig, &found.join(", "))
                );
                let lit = syn::LitStr::new(&text, proc_macro2::Span::call_site());
                i.items.push(syn::parse_quote!(__goxide_comment!(#lit);));
            }
        }
        i.items.push(it);
    }
}

/// The statics a `thread_local!` declares.
fn thread_local_names(m: &syn::ItemMacro) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev_static = false;
    for t in m.mac.tokens.clone() {
        if let proc_macro2::TokenTree::Ident(id) = &t {
            if prev_static {
                out.push(id.to_string());
            }
            prev_static = id == "static";
        } else {
            prev_static = false;
        }
    }
    out
}

impl crate::ctx::Ctx<'_> {
    /// Markers for the shared pointers, slices and maps statement `s` declares (`p := &T{…}`,
    /// `var p *T`), each saying what is shared and why; `existing` are the markers the
    /// statement's translation wrote, which a declaration marker makes redundant when they
    /// only say that a pointer is shared.
    pub fn declaration_markers(
        &self,
        s: &goxide_ast::ast::Stmt,
        existing: &mut Vec<String>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for (id, name) in declared(s) {
            let Some(&o) = self.info.defs.get(&id) else {
                continue;
            };
            let tick = format!("`{name}` is shared");
            if existing.iter().any(|m| m.contains(&tick)) {
                continue;
            }
            if let Some(m) = crate::ownership::shared_marker(
                self.prog,
                &self.analysis,
                o,
                "variable",
                self.threaded,
            ) {
                out.push(format!("{} {m}", crate::MARKER));
            }
        }
        if !out.is_empty() {
            existing.retain(|m| !m.contains("ownership: a pointer is shared through"));
        }
        out
    }

    /// Markers for a function's shared pointer, slice and map parameters and named results,
    /// written at the top of its body.
    pub fn signature_markers(&self, sig: &goxide_ast::ast::FuncType) -> Vec<syn::Stmt> {
        let groups = sig
            .params
            .iter()
            .map(|g| (g, "parameter"))
            .chain(sig.results.iter().map(|g| (g, "result")));
        let mut out = Vec::new();
        for (g, role) in groups {
            for n in &g.names {
                let Some(&o) = self.info.defs.get(&n.id) else {
                    continue;
                };
                if let Some(m) = crate::ownership::shared_marker(
                    self.prog,
                    &self.analysis,
                    o,
                    role,
                    self.threaded,
                ) {
                    out.push(crate::stmt::comment_stmt(&format!("{} {m}", crate::MARKER)));
                }
            }
        }
        out
    }
}

/// The names statement `s` declares in its own header (nested blocks declare theirs), as
/// (defining node, name).
fn declared(s: &goxide_ast::ast::Stmt) -> Vec<(goxide_ast::ast::NodeId, &str)> {
    use goxide_ast::ast::{AssignOp, DeclKind, Expr, ExprKind, StmtKind};
    fn idents<'a>(xs: impl Iterator<Item = &'a Expr>) -> Vec<(goxide_ast::ast::NodeId, &'a str)> {
        xs.filter_map(|x| match &x.kind {
            ExprKind::Ident(n) => Some((x.id, n.as_str())),
            _ => None,
        })
        .collect()
    }
    match &s.kind {
        StmtKind::Decl(d) => match &d.kind {
            DeclKind::Var(specs) => specs
                .iter()
                .flat_map(|v| v.names.iter())
                .map(|n| (n.id, n.name.as_str()))
                .collect(),
            _ => Vec::new(),
        },
        StmtKind::Assign {
            lhs,
            op: AssignOp::Define,
            ..
        } => idents(lhs.iter()),
        StmtKind::Labeled { stmt, .. } => declared(stmt),
        StmtKind::If { init: Some(i), .. }
        | StmtKind::Switch { init: Some(i), .. }
        | StmtKind::TypeSwitch { init: Some(i), .. }
        | StmtKind::For { init: Some(i), .. } => declared(i),
        StmtKind::Range {
            key,
            value,
            define: true,
            ..
        } => idents(key.iter().chain(value.iter())),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn texts(items: &[syn::Item]) -> Vec<String> {
        items
            .iter()
            .filter(|i| is_ownership_comment(i))
            .map(|i| i.to_token_stream().to_string())
            .collect()
    }

    #[test]
    fn unmarked_items_with_cells_get_a_marker_naming_what_is_shared() {
        let items: Vec<syn::Item> = vec![
            parse_quote!(
                struct Node {
                    value: i64,
                    next: Option<std::rc::Rc<std::cell::RefCell<Node>>>,
                }
            ),
            parse_quote!(
                fn len(n: Option<std::rc::Rc<std::cell::RefCell<Node>>>, k: i64) -> i64 {
                    k
                }
            ),
            parse_quote!(thread_local! {
                static CALLS: std::cell::RefCell<Vec<String>> = std::cell::RefCell::new(Vec::new());
            }),
            parse_quote!(
                fn plain(f: std::rc::Rc<dyn Fn()>) {}
            ),
        ];
        let out = mark_items(items);
        let t = texts(&out);
        assert_eq!(t.len(), 3, "{t:#?}");
        assert!(t[0].contains("field `next` of `Node` is shared through Rc<RefCell<…>>"));
        assert!(t[1].contains("`len` takes parameter `n` as Rc<RefCell<…>>"));
        assert!(t[2].contains("package variable `CALLS` lives in a cell"));
        assert_eq!(out.len(), 7);
    }

    #[test]
    fn methods_of_plain_types_are_marked_one_by_one() {
        let items: Vec<syn::Item> = vec![parse_quote!(
            impl List {
                fn front(&self) -> Option<std::rc::Rc<std::cell::RefCell<Node>>> {
                    None
                }
                fn len(&self) -> i64 {
                    0
                }
            }
        )];
        let out = mark_items(items);
        assert_eq!(out.len(), 1);
        let text = out[0].to_token_stream().to_string();
        assert_eq!(text.matches("TODO(goxide): ownership").count(), 1, "{text}");
        assert!(
            text.contains("`front` returns a shared pointer (Rc<RefCell<…>>)"),
            "{text}"
        );
    }

    #[test]
    fn marked_items_are_left_alone() {
        let text = format!("{} ownership: `x` is shared", crate::MARKER);
        let items: Vec<syn::Item> = vec![
            crate::decl::comment_item(&text),
            parse_quote!(
                struct S {
                    p: Option<std::rc::Rc<std::cell::RefCell<i64>>>,
                }
            ),
        ];
        assert_eq!(mark_items(items).len(), 2);
    }
}
