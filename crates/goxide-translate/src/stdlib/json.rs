//! `encoding/json` through serde and the `json` support module (Go's encoder and decoder
//! behind serde's traits).
//!
//! | Go | Rust |
//! | --- | --- |
//! | `json.Marshal(v)`, `json.MarshalIndent(v, p, i)` | `support::json::marshal(&v)`, `marshal_indent(&v, p, i)` → `(Vec<u8>, Error)` |
//! | `json.Unmarshal(data, &v)` | `support::json::unmarshal(&data, &mut v)` |
//! | `json.Valid(data)` | `support::json::valid(&data)` |
//! | `type T struct { Name string \`json:"name,omitempty"\` }` (marshalled) | `#[derive(serde::Serialize)] struct T { #[serde(rename = "name", skip_serializing_if = "crate::support::json::is_empty")] name: String }` |
//!
//! A struct gets `Serialize` when a value containing it is marshalled and `Deserialize` (with
//! `#[serde(default)]`: absent keys leave zero values) when one is unmarshalled; unexported
//! fields and `json:"-"` are skipped, `[]byte` fields go through `json::bytes` (base64), an
//! embedded struct is flattened. Values goxide cannot encode as Go does (channels, functions,
//! trait interfaces, types with `MarshalJSON`, `,string` fields, other packages' types) leave
//! the call unsupported.

use super::Args;
use crate::ctx::Ctx;
use goxide_ast::ast::{Expr, ExprKind, File, UnaryOp};
use goxide_types::{BasicKind, Info, ObjKind, Program, Type, TypeId};
use std::collections::HashSet;
use syn::parse_quote;

/// The struct types whose values are encoded (`ser`) and decoded (`de`) by `encoding/json`.
#[derive(Default, Clone)]
pub struct JsonPlan {
    pub ser: HashSet<TypeId>,
    pub de: HashSet<TypeId>,
}

/// Finds the `json.Marshal`/`MarshalIndent`/`Unmarshal` calls of the package and the struct
/// types their values contain.
pub fn plan(prog: &Program, info: &Info, files: &[&File]) -> JsonPlan {
    struct Walk<'a> {
        prog: &'a Program,
        info: &'a Info,
        plan: JsonPlan,
    }
    impl goxide_ast::visit::Visitor for Walk<'_> {
        fn expr(&mut self, e: &Expr) -> bool {
            let ExprKind::Call { func, args, .. } = &e.kind else {
                return true;
            };
            let ExprKind::Selector { x, sel } = &crate::builtins::strip_parens(func).kind else {
                return true;
            };
            // `enc.Encode(v)` on a `*json.Encoder`.
            if sel.name == "Encode" && args.len() == 1 {
                let enc = self.info.type_of(x.id).is_some_and(|t| {
                    crate::stdlib::std_handle(self.prog, t) == Some(("encoding/json", "Encoder"))
                });
                if enc {
                    if let Some(t) = self.info.type_of(args[0].id) {
                        collect(self.prog, t, &mut self.plan.ser);
                    }
                    return true;
                }
            }
            let is_json = self.info.object_of(x.id).is_some_and(|o| {
                matches!(self.prog.obj(o).kind, ObjKind::PkgName(p) if self.prog.pkg(p).path == "encoding/json")
            });
            if !is_json {
                return true;
            }
            match (sel.name.as_str(), args.as_slice()) {
                ("Marshal" | "MarshalIndent", [v, ..]) => {
                    if let Some(t) = self.info.type_of(v.id) {
                        collect(self.prog, t, &mut self.plan.ser);
                    }
                }
                ("Unmarshal", [_, v]) => {
                    if let Some(t) = self.info.type_of(v.id) {
                        collect(self.prog, t, &mut self.plan.de);
                    }
                }
                _ => {}
            }
            true
        }
    }
    let mut w = Walk {
        prog,
        info,
        plan: JsonPlan::default(),
    };
    for f in files {
        for d in &f.decls {
            goxide_ast::visit::walk_decl(&mut w, d);
        }
    }
    w.plan
}

/// Adds the struct types reachable from `t` (through fields, elements and pointers) to `out`.
fn collect(prog: &Program, t: TypeId, out: &mut HashSet<TypeId>) {
    let u = prog.types.under(t).clone();
    match u {
        Type::Struct(fields) => {
            if !out.insert(t) {
                return;
            }
            for f in &fields {
                collect(prog, f.ty, out);
            }
        }
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) => collect(prog, e, out),
        Type::Map(_, v) => collect(prog, v, out),
        _ => {}
    }
}

/// The value of `key` in a struct tag (`reflect.StructTag.Get`).
pub fn tag_value<'t>(tag: &'t str, key: &str) -> Option<&'t str> {
    let mut rest = tag;
    loop {
        rest = rest.trim_start_matches(' ');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest.find(|c: char| c <= ' ' || c == ':' || c == '"' || c == '\x7f')?;
        let name = &rest[..name_end];
        rest = &rest[name_end..];
        let after = rest.strip_prefix(":\"")?;
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                end = Some(i);
                break;
            }
        }
        let end = end?;
        if name == key {
            return Some(&after[..end]);
        }
        rest = &after[end + 1..];
    }
}

/// The serde derives of a struct, its container attributes and each field's attributes.
pub(crate) type SerdeAttrs = (
    Vec<syn::Path>,
    Vec<syn::Attribute>,
    Vec<Vec<syn::Attribute>>,
);

/// A field's `json` tag: its key (`None`: the Go name), `omitempty`, `,string`, `-`.
struct JsonTag {
    name: Option<String>,
    omitempty: bool,
    string: bool,
    skip: bool,
}

fn json_tag(tag: Option<&str>) -> JsonTag {
    let v = tag.and_then(|t| tag_value(t, "json")).unwrap_or("");
    if v == "-" {
        return JsonTag {
            name: None,
            omitempty: false,
            string: false,
            skip: true,
        };
    }
    let mut parts = v.split(',');
    let name = parts.next().filter(|n| !n.is_empty()).map(str::to_string);
    let opts: Vec<&str> = parts.collect();
    JsonTag {
        name,
        omitempty: opts.contains(&"omitempty"),
        string: opts.contains(&"string"),
        skip: false,
    }
}

impl Ctx<'_> {
    /// Whether values of `t` encode (and decode) here exactly as Go's `encoding/json` does them.
    pub(crate) fn json_ok(&mut self, t: TypeId) -> bool {
        let mut seen = HashSet::new();
        self.json_ok_in(t, &mut seen)
    }

    fn json_ok_in(&mut self, t: TypeId, seen: &mut HashSet<TypeId>) -> bool {
        let t = self.resolve(t);
        if let Type::Named(n) = self.ty(t) {
            let o = self.obj(n.obj);
            if o.pkg.is_some_and(|p| p != self.pkg) || !n.type_args.is_empty() {
                return false;
            }
            if o.pkg.is_none() {
                // `error`.
                return false;
            }
            if self.stub_types.contains(&t) {
                return false;
            }
            let custom = self.prog.methods_of(t).into_iter().any(|m| {
                matches!(
                    self.obj(m).name.as_str(),
                    "MarshalJSON" | "UnmarshalJSON" | "MarshalText" | "UnmarshalText"
                )
            });
            if custom {
                return false;
            }
        }
        match self.under(t).clone() {
            Type::Basic(b) => {
                !matches!(
                    b,
                    BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UnsafePointer
                ) && !b.is_untyped()
            }
            Type::Struct(fields) => {
                if !seen.insert(t) {
                    return true;
                }
                if crate::decl::mentions_type_param(self.prog, t, 0) {
                    return false;
                }
                fields.iter().all(|f| {
                    let tag = json_tag(f.tag.as_deref());
                    if tag.string {
                        return false;
                    }
                    if tag.skip || (!f.embedded && !is_exported(&f.name)) {
                        return true;
                    }
                    if f.embedded && tag.name.is_none() {
                        // Flattened: only an embedded struct value.
                        return matches!(self.under(f.ty), Type::Struct(_))
                            && self.json_ok_in(f.ty, seen);
                    }
                    self.json_ok_in(f.ty, seen)
                })
            }
            Type::Pointer(e) => {
                if self.is_place_ptr(e) {
                    return false;
                }
                matches!(
                    self.under(e),
                    Type::Struct(_)
                        | Type::Basic(_)
                        | Type::Slice(_)
                        | Type::Map(..)
                        | Type::Array(..)
                ) && self.json_ok_in(e, seen)
            }
            Type::Slice(e) => self.json_ok_in(e, seen),
            Type::Array(n, e) => n <= 32 && self.json_ok_in(e, seen),
            Type::Map(k, v) => {
                let key_ok =
                    matches!(self.under(k), Type::Basic(b) if b.is_integer() || b.is_string());
                key_ok && self.is_hashable(k) && self.json_ok_in(v, seen)
            }
            Type::Interface(_) => self.is_empty_interface(t),
            _ => false,
        }
    }

    /// The serde derives, container attributes and per-field attributes of a struct that
    /// `encoding/json` encodes or decodes; `None` when it does neither (or cannot).
    pub(crate) fn json_struct_attrs(
        &mut self,
        t: TypeId,
        fields: &[goxide_types::types::Field],
    ) -> Option<SerdeAttrs> {
        let ser = self.json.ser.contains(&t);
        let de = self.json.de.contains(&t);
        if !(ser || de) || !self.json_ok(t) {
            return None;
        }
        self.use_support("json");
        let mut derives: Vec<syn::Path> = Vec::new();
        let mut container: Vec<syn::Attribute> = Vec::new();
        if ser {
            derives.push(parse_quote!(serde::Serialize));
        }
        if de {
            derives.push(parse_quote!(serde::Deserialize));
            container.push(parse_quote!(#[serde(default)]));
        }
        let mut per_field = Vec::new();
        for f in fields {
            let tag = json_tag(f.tag.as_deref());
            if tag.skip || (!f.embedded && !is_exported(&f.name)) {
                per_field.push(vec![parse_quote!(#[serde(skip)])]);
                continue;
            }
            if f.embedded && tag.name.is_none() {
                per_field.push(vec![parse_quote!(#[serde(flatten)])]);
                continue;
            }
            let key = tag.name.unwrap_or_else(|| f.name.clone());
            let mut parts: Vec<proc_macro2::TokenStream> = vec![quote::quote!(rename = #key)];
            let is_struct = matches!(self.under(f.ty), Type::Struct(_));
            if tag.omitempty && !is_struct {
                parts.push(quote::quote!(
                    skip_serializing_if = "crate::support::json::is_empty"
                ));
            }
            if matches!(self.under(f.ty), Type::Slice(e) if matches!(self.under(*e), Type::Basic(BasicKind::Uint8)))
            {
                parts.push(quote::quote!(with = "crate::support::json::bytes"));
            }
            per_field.push(vec![parse_quote!(#[serde(#(#parts),*)])]);
        }
        Some((derives, container, per_field))
    }

    /// `json.Unmarshal(data, &v)` (arguments untranslated: the target must not be borrowed
    /// as a pointer).
    pub(super) fn json_unmarshal(&mut self, e: &Expr, args: &[Expr]) -> syn::Expr {
        let [data, target] = args else {
            return self.unsupported(e, "json.Unmarshal");
        };
        let Some(pt) = self.type_of(target) else {
            return self.unsupported(e, "json.Unmarshal");
        };
        let Type::Pointer(elem) = self.under(pt).clone() else {
            return self.unsupported(e, "json.Unmarshal into a value that is not a pointer");
        };
        if !self.json_ok(elem) {
            return self.unsupported(e, "json.Unmarshal into a value of this type");
        }
        self.use_support("json");
        let d = crate::expr::paren_if_needed(self.borrowed(data));
        let d: syn::Expr = match d {
            syn::Expr::Reference(_) => d,
            _ => parse_quote!(&#d),
        };
        let t = crate::builtins::strip_parens(target);
        if let ExprKind::Unary {
            op: UnaryOp::Addr,
            x,
        } = &t.kind
        {
            if let Some(root) = self.global_root(x) {
                // A package-level variable: decoded through its cell.
                let gid = self.var_name(root);
                let prev = self.global_override.replace(root);
                let p = self.place(x);
                self.global_override = prev;
                let call: syn::Expr = parse_quote!(crate::support::json::unmarshal(data, &mut #p));
                return if self.boxed_global(&gid) {
                    parse_quote!({
                        let data = #d;
                        #gid.with(|c| {
                            let g = &mut *c.borrow_mut();
                            #call
                        })
                    })
                } else {
                    parse_quote!({
                        let data = #d;
                        #gid.with_borrow_mut(|g| #call)
                    })
                };
            }
            if !self.is_place(x) {
                return self.unsupported(e, "json.Unmarshal into this target");
            }
            let p = self.place(x);
            return parse_quote!(crate::support::json::unmarshal(#d, &mut #p));
        }
        if self.is_place_ptr(elem) || self.threaded {
            return self.unsupported(e, "json.Unmarshal through this pointer");
        }
        let p = crate::expr::as_base(self.borrowed(target));
        parse_quote!(crate::support::json::unmarshal(#d, &mut *#p.as_ref().unwrap().borrow_mut()))
    }

    /// `json.NewEncoder(os.Stdout)` / `(os.Stderr)` (argument untranslated).
    pub(super) fn json_new_encoder(&mut self, e: &Expr, w: &Expr) -> syn::Expr {
        let stderr = if self.is_pkg_member(w, "os", "Stdout") {
            false
        } else if self.is_pkg_member(w, "os", "Stderr") {
            true
        } else {
            return self.unsupported(e, "json.NewEncoder of this writer");
        };
        self.use_support("json");
        parse_quote!(crate::support::json::Encoder::new(#stderr))
    }

    pub(super) fn json_call(&mut self, e: &Expr, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (name, a.len()) {
            ("Marshal" | "MarshalIndent", _) => {
                let t = self.type_of(&a.exprs[0])?;
                if !self.json_ok(t) {
                    return Some(self.unsupported(e, "json.Marshal of a value of this type"));
                }
                if self.json_has_collection(t) {
                    self.marker(
                        "semantics: json.Marshal: an empty slice or map encodes as null (Go writes [] or {} unless it is nil)".into(),
                    );
                }
                self.use_support("json");
                let v = a.v(0);
                let v: syn::Expr = match v {
                    syn::Expr::Reference(_) => v,
                    _ => parse_quote!(&#v),
                };
                if name == "Marshal" && a.len() == 1 {
                    parse_quote!(crate::support::json::marshal(#v))
                } else if a.len() == 3 {
                    let (p, i) = (self.str_ref(a, 1), self.str_ref(a, 2));
                    parse_quote!(crate::support::json::marshal_indent(#v, #p, #i))
                } else {
                    return None;
                }
            }
            ("Valid", 1) => {
                self.use_support("json");
                let d = a.v(0);
                parse_quote!(crate::support::json::valid(&#d))
            }
            _ => return None,
        })
    }

    /// Whether values of `t` contain a slice or map (whose nil and empty forms goxide does not
    /// tell apart).
    fn json_has_collection(&self, t: TypeId) -> bool {
        let mut seen = HashSet::new();
        self.has_collection_in(t, &mut seen)
    }

    fn has_collection_in(&self, t: TypeId, seen: &mut HashSet<TypeId>) -> bool {
        let t = self.resolve(t);
        match self.under(t) {
            Type::Slice(_) | Type::Map(..) => true,
            Type::Struct(fields) => {
                if !seen.insert(t) {
                    return false;
                }
                fields.iter().any(|f| {
                    let tag = json_tag(f.tag.as_deref());
                    !tag.skip
                        && !tag.omitempty
                        && (f.embedded || is_exported(&f.name))
                        && self.has_collection_in(f.ty, seen)
                })
            }
            Type::Pointer(e) | Type::Array(_, e) => self.has_collection_in(*e, seen),
            _ => false,
        }
    }
}

fn is_exported(name: &str) -> bool {
    name.starts_with(|c: char| c.is_uppercase())
}

impl Ctx<'_> {
    /// Methods of `*json.Encoder` (a `support::json::Encoder` handle).
    pub(crate) fn json_encoder_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let enc = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        match (name, args) {
            ("Encode", [v]) => {
                let Some(t) = self.type_of(v) else {
                    return self.unsupported(e, "json.Encoder.Encode");
                };
                if !self.json_ok(t) {
                    return self.unsupported(e, "json.Encoder.Encode of a value of this type");
                }
                if self.json_has_collection(t) {
                    self.marker(
                        "semantics: json.Encoder.Encode: an empty slice or map encodes as null (Go writes [] or {} unless it is nil)".into(),
                    );
                }
                let v = self.borrowed(v);
                let v: syn::Expr = match v {
                    syn::Expr::Reference(_) => v,
                    _ => parse_quote!(&#v),
                };
                parse_quote!(#enc.encode(#v))
            }
            ("SetIndent", [p, i]) => {
                let (p, i) = (self.str_arg(p), self.str_arg(i));
                parse_quote!(#enc.set_indent(#p, #i))
            }
            ("SetEscapeHTML", [on]) => {
                let on = self.value(on);
                parse_quote!(#enc.set_escape_html(#on))
            }
            _ => self.unsupported(e, &format!("json.Encoder.{name}")),
        }
    }

    /// A string expression as a `&str`.
    fn str_arg(&mut self, s: &Expr) -> syn::Expr {
        match self.const_str(s) {
            Some(l) => parse_quote!(#l),
            None => {
                let v = crate::expr::paren_if_needed(self.borrowed(s));
                parse_quote!(#v.as_str())
            }
        }
    }
}
