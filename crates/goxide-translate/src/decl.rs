//! Package-level declarations: functions (and `main`, `init`), methods grouped into `impl`
//! blocks, struct and named types with the derives that fit, constants, package variables;
//! and function literals (closures).

use crate::analysis;
use crate::ctx::{comment_text, Ctx, FnState, RECEIVER};
use crate::names;
use crate::stmt::comment_stmt;
use crate::{Options, RustFile, Translated};
use goxide_ast::ast::*;
use goxide_ast::SourceFile;
use goxide_types::{Checked, ConstValue, ObjId, ObjKind, Type, TypeId};
use std::collections::{BTreeSet, HashMap, HashSet};
use syn::parse_quote;

fn doc_attrs(doc: &Option<String>) -> Vec<syn::Attribute> {
    let Some(doc) = doc else { return vec![] };
    doc.lines()
        .map(|l| {
            let text = format!(" {l}");
            let text = if l.is_empty() { String::new() } else { text };
            parse_quote!(#[doc = #text])
        })
        .collect()
}

pub fn comment_item(text: &str) -> syn::Item {
    let lit = syn::LitStr::new(text, proc_macro2::Span::call_site());
    parse_quote!(__goxide_comment!(#lit);)
}

pub fn translate_package(
    checked: &Checked,
    files: &[(SourceFile, File)],
    opts: &Options,
) -> Translated {
    let prog = &checked.program;
    let info = &checked.info;
    let ast_files: Vec<&File> = files.iter().map(|(_, f)| f).collect();
    let is_main = files.first().is_some_and(|(_, f)| f.package.name == "main");
    let mut support = BTreeSet::new();
    let mut crates = BTreeSet::new();
    let mut out_files = Vec::new();
    let crate::interfaces::InterfacePlan {
        ifaces,
        errors: error_types,
        ptr_errors: ptr_error_types,
        concrete: concrete_types,
        unwrap_fields,
    } = crate::interfaces::plan(prog, info, &ast_files);
    let map_write_methods = map_write_methods(prog, info, &ast_files, &ifaces);
    let mut analysis_result = analysis::analyze(
        prog,
        info,
        &ast_files,
        opts.go_version < (1, 22),
        &map_write_methods,
    );
    analysis_result.globals = crate::globals::find(
        prog,
        info,
        checked.package,
        &ast_files,
        &analysis_result.fn_param_modes,
        crate::globals::PtrFacts {
            modes: &analysis_result.ptr_params.fn_modes,
            readonly_methods: &analysis_result.readonly_methods,
            ptr_value_methods: &analysis_result.ptr_value_methods,
        },
    );
    // Read-only package pointers (not moved into the one function using them) hold their
    // pointee as an immutable static, reached through as an owned pointer is.
    let localized: HashSet<ObjId> = opts
        .localized
        .keys()
        .filter_map(|id| info.defs.get(id).copied())
        .collect();
    let globals = &mut analysis_result.globals;
    globals.readonly_ptrs.retain(|o| !localized.contains(o));
    globals.nil_ptrs.retain(|o| !localized.contains(o));
    for &o in &globals.readonly_ptrs {
        globals.thread_values.remove(&o);
        analysis_result.ptr_params.owned.insert(o, false);
    }
    analysis_result
        .ptr_params
        .nullable
        .extend(globals.nil_ptrs.iter().copied());
    analysis_result.alias_why = crate::ownership::alias_whys(
        prog,
        info,
        checked.package,
        &ast_files,
        &analysis_result,
        crate::concurrency::has_go_statements(&ast_files),
    );
    let ownership = crate::ownership::records(
        prog,
        info,
        checked.package,
        files,
        &analysis_result,
        crate::concurrency::has_go_statements(&ast_files),
        opts,
    );
    let readonly_globals: HashSet<ObjId> = analysis_result
        .globals
        .readonly
        .union(&analysis_result.globals.readonly_ptrs)
        .copied()
        .collect();
    let mut shared = Some(analysis_result);
    let multi = files.len() > 1;
    let mut init_count = 0;
    let mut has_main = false;
    let mut anon_structs: Vec<(goxide_types::TypeId, bool)> = Vec::new();
    let mut type_instances: Vec<crate::generic_types::TypeInstance> = Vec::new();
    let mut iface_instances: Vec<crate::generic_ifaces::IfaceInstance> = Vec::new();
    let mut impls_done: HashSet<(String, String)> = HashSet::new();
    let mut wrappers_done: HashSet<TypeId> = HashSet::new();
    let mut converters_done: HashSet<String> = HashSet::new();
    let mut mono_env_names: HashSet<String> = HashSet::new();
    let has_generic_structs = ast_files.iter().flat_map(|f| &f.decls).any(|d| {
        matches!(&d.kind, DeclKind::Type(specs) if specs.iter().any(|s| !s.type_params.is_empty()
            && info.defs.get(&s.name.id).is_some_and(|&o| matches!(prog.types.under(prog.obj(o).ty), Type::Struct(_)))))
    });
    let generic_methods = crate::generic_types::generic_methods(prog, info, &ast_files);
    let mut emitted_globals: HashSet<ObjId> = HashSet::new();
    let mut emitted_tuples: Vec<(ObjId, String)> = Vec::new();
    let mut anon_ifaces: Vec<(goxide_types::TypeId, bool)> = Vec::new();
    // Generic functions: the instantiations the program uses with concrete type arguments.
    let mut mono_done: HashSet<(ObjId, Vec<goxide_types::TypeId>)> = HashSet::new();
    let mut mono_instances: HashMap<ObjId, Vec<Vec<goxide_types::TypeId>>> = HashMap::new();
    let mut generic_decls: HashMap<ObjId, (&Decl, &FuncDecl)> = HashMap::new();
    {
        struct Uses<'a> {
            prog: &'a goxide_types::Program,
            info: &'a goxide_types::Info,
            found: Vec<(ObjId, Vec<goxide_types::TypeId>)>,
        }
        impl goxide_ast::visit::Visitor for Uses<'_> {
            fn expr(&mut self, e: &Expr) -> bool {
                let (ident, key) = match &e.kind {
                    ExprKind::Ident(_) => (e, e.id),
                    ExprKind::Index { x, .. } if matches!(x.kind, ExprKind::Ident(_)) => {
                        (&**x, e.id)
                    }
                    _ => return true,
                };
                let Some(obj) = self.info.uses.get(&ident.id).copied() else {
                    return true;
                };
                if !self.prog.func_type_params.contains_key(&obj) {
                    return true;
                }
                let args = self
                    .info
                    .instances
                    .get(&key)
                    .or_else(|| self.info.instances.get(&ident.id));
                if let Some(args) = args {
                    if !args.iter().any(|&a| {
                        mentions_type_param(self.prog, a, 0) || mentions_local_type(self.prog, a, 0)
                    }) {
                        self.found.push((obj, args.clone()));
                    }
                }
                true
            }
        }
        let mut u = Uses {
            prog,
            info,
            found: Vec::new(),
        };
        for f in &ast_files {
            for d in &f.decls {
                goxide_ast::visit::walk_decl(&mut u, d);
                if let DeclKind::Func(fd) = &d.kind {
                    if let Some(&o) = info.defs.get(&fd.name.id) {
                        if !fd.type_params.is_empty() && fd.recv.is_none() {
                            generic_decls.insert(o, (d, fd));
                        }
                    }
                }
            }
        }
        for (o, args) in u.found {
            let v = mono_instances.entry(o).or_default();
            if !v.contains(&args) {
                v.push(args);
            }
        }
    }
    // Generic functions that stay generic (see `parametric`).
    let parametric = crate::parametric::find(prog, info, &ast_files, &mono_instances);
    // Named types that become stand-ins: non-empty interfaces, and non-struct types whose
    // definition refers to themselves (a Rust alias cannot).
    let mut stub_types: HashSet<goxide_types::TypeId> = HashSet::new();
    for f in &ast_files {
        let mut specs: Vec<&TypeSpec> = Vec::new();
        for d in &f.decls {
            if let DeclKind::Type(ts) = &d.kind {
                specs.extend(ts.iter());
            }
        }
        for s in specs {
            let Some(&o) = info.defs.get(&s.name.id) else {
                continue;
            };
            let t = prog.obj(o).ty;
            let u = prog.types.underlying(t);
            let stub = match prog.types.get(u) {
                Type::Struct(fields) if !s.alias => !fields
                    .iter()
                    .all(|f| field_translatable(prog, checked.package, f.ty, 0)),
                Type::Interface(i) => {
                    !(i.all_methods.is_empty()
                        && i.methods.is_empty()
                        && i.embeds.is_empty()
                        && i.terms.is_none())
                }
                Type::Struct(_) => false,
                _ => !s.alias && mentions(prog, u, t, 0),
            };
            if stub && !ifaces.contains(&t) {
                stub_types.insert(t);
            }
        }
    }
    let mut global_names: HashMap<ObjId, String> = HashMap::new();
    {
        let mut taken: HashSet<String> = HashSet::new();
        for f in &ast_files {
            for d in &f.decls {
                let names: Vec<&Ident> = match &d.kind {
                    DeclKind::Var(specs) => specs.iter().flat_map(|s| &s.names).collect(),
                    DeclKind::Const(specs) => specs.iter().flat_map(|s| &s.names).collect(),
                    _ => continue,
                };
                for n in names {
                    let Some(&o) = info.defs.get(&n.id) else {
                        continue;
                    };
                    // `var _ = f()` runs `f` at initialization: a hidden `BLANK` variable.
                    let mut name = if n.is_blank() {
                        "BLANK".to_string()
                    } else {
                        names::screaming(&n.name)
                    };
                    while !taken.insert(name.clone()) {
                        name.push('_');
                    }
                    global_names.insert(o, name);
                }
            }
        }
        // Functions whose Go names differ only in case (`Split` and `split`) keep one Rust
        // name each: the later declaration gets a trailing `_`. (`d` names the list of
        // deferred calls inside `with_defer`.)
        let mut fn_taken: HashSet<String> =
            ["go_main", "init", "main", "d"].map(String::from).into();
        for f in &ast_files {
            for d in &f.decls {
                let DeclKind::Func(fd) = &d.kind else {
                    continue;
                };
                if fd.recv.is_some() || fd.name.name == "main" || fd.name.name == "init" {
                    continue;
                }
                let Some(&o) = info.defs.get(&fd.name.id) else {
                    continue;
                };
                let mut name = names::snake(&fd.name.name);
                while !fn_taken.insert(name.clone()) {
                    name.push('_');
                }
                global_names.insert(o, name);
            }
        }
        global_names.extend(method_renames(info, &ast_files));
    }
    let mut iface_eqs: std::collections::BTreeMap<String, Option<syn::Item>> = Default::default();
    // Package-level types whose Go names differ only in case keep one Rust name each.
    let mut type_names: HashMap<ObjId, String> = HashMap::new();
    {
        let mut taken: HashSet<String> = HashSet::new();
        for f in &ast_files {
            for d in &f.decls {
                let DeclKind::Type(specs) = &d.kind else {
                    continue;
                };
                for s in specs {
                    let Some(&o) = info.defs.get(&s.name.id) else {
                        continue;
                    };
                    if s.name.is_blank() {
                        continue;
                    }
                    let base = names::type_ident(&s.name.name).to_string();
                    let mut name = base.clone();
                    while !taken.insert(name.clone()) {
                        name.push('_');
                    }
                    if name != base {
                        type_names.insert(o, name);
                    }
                }
            }
        }
    }
    let mut ext_methods: std::collections::BTreeMap<String, Vec<syn::ImplItemFn>> =
        Default::default();
    let init_total = ast_files
        .iter()
        .flat_map(|f| &f.decls)
        .filter(
            |d| matches!(&d.kind, DeclKind::Func(f) if f.recv.is_none() && f.name.name == "init"),
        )
        .count();
    let threaded = crate::concurrency::has_go_statements(&ast_files);
    let uses_tokio = opts.async_tokio && threaded;
    let sync_ifaces = if threaded {
        crate::concurrency::thread_safe_ifaces(prog, &ifaces, &concrete_types)
    } else {
        HashSet::new()
    };
    let thread_blocker = if threaded {
        crate::concurrency::thread_blocker(prog, info, &ast_files, &sync_ifaces)
    } else {
        None
    };
    // Value-receiver methods whose body assigns to the receiver take `mut self` by value.
    let mut by_value_methods = HashSet::new();
    for f in &ast_files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(r) = &fd.recv else { continue };
            let is_ptr = matches!(r.ty.kind, ExprKind::Star(_));
            let recv_obj = r.name.as_ref().and_then(|n| info.defs.get(&n.id));
            if let (false, Some(ro), Some(&m)) = (is_ptr, recv_obj, info.defs.get(&fd.name.id)) {
                if shared.as_ref().is_some_and(|a| a.mutated.contains(ro))
                    && !map_write_methods.contains(&m)
                {
                    by_value_methods.insert(m);
                }
            }
        }
    }
    let readonly_ptr_methods = shared
        .as_ref()
        .map(|a| a.readonly_methods.clone())
        .unwrap_or_default();
    let json_plan = crate::stdlib::json_plan(prog, info, &ast_files);
    let sort_slice_types = sort_slice_types(prog, info, &ast_files, &by_value_methods);
    let key_structs = key_structs(prog);
    for (sf, file) in files {
        let mut ctx = Ctx {
            prog,
            info,
            pkg: checked.package,
            opts,
            analysis: shared.take().unwrap_or_default(),
            support: BTreeSet::new(),
            crates: BTreeSet::new(),
            file: sf,
            comments: &file.comments,
            comment_cursor: 0,
            func: FnState::default(),
            raw_ctor_call: false,
            fmt_temps: HashMap::new(),
            raw_result_call: false,
            local_names: HashMap::new(),
            subslice_caps: HashMap::new(),
            pending_markers: Vec::new(),
            declared_consts: HashSet::new(),
            rust_scopes: Vec::new(),
            global_override: None,
            deref_vars: HashSet::new(),
            narrowed: HashSet::new(),
            borrowed_range: HashSet::new(),
            usize_vars: HashSet::new(),
            named_in_progress: Vec::new(),
            defer_name_reserved: false,
            stmt_call: None,
            type_names: type_names.clone(),
            ext_methods: Default::default(),
            iface_eqs: std::mem::take(&mut iface_eqs),
            multi_file: multi,
            by_value_methods: by_value_methods.clone(),
            map_write_methods: map_write_methods.clone(),
            uses_stringer: info.uses.values().any(|&o| {
                let o = prog.obj(o);
                o.name == "Stringer" && o.pkg.is_some_and(|p| prog.pkg(p).path == "fmt")
            }),
            readonly_ptr_methods: readonly_ptr_methods.clone(),
            sort_slice_types: sort_slice_types.clone(),
            synthetic: HashMap::new(),
            anon_structs: std::mem::take(&mut anon_structs),
            type_instances: std::mem::take(&mut type_instances),
            iface_instances: std::mem::take(&mut iface_instances),
            impls_done: std::mem::take(&mut impls_done),
            converters: Vec::new(),
            converters_done: std::mem::take(&mut converters_done),
            has_generic_structs,
            in_type_instance: false,
            emitted_globals: HashSet::new(),
            emitted_tuples: Vec::new(),
            stub_types: stub_types.clone(),
            ifaces: ifaces.clone(),
            sync_ifaces: sync_ifaces.clone(),
            key_structs: key_structs.clone(),
            error_types: error_types.clone(),
            ptr_error_types: ptr_error_types.clone(),
            anon_ifaces: std::mem::take(&mut anon_ifaces),
            concrete_types: concrete_types.clone(),
            wrapped_types: Vec::new(),
            unwrap_fields: unwrap_fields.clone(),
            wrappers_done: std::mem::take(&mut wrappers_done),
            subst: HashMap::new(),
            mono_done: std::mem::take(&mut mono_done),
            mono_queue: Vec::new(),
            mono_env_queue: Vec::new(),
            mono_env_names: std::mem::take(&mut mono_env_names),
            mono_instances: std::mem::take(&mut mono_instances),
            parametric: parametric.clone(),
            rust_params: HashMap::new(),
            param_bounds: HashMap::new(),
            global_names: global_names.clone(),
            init_total,
            threaded,
            thread_blocker: thread_blocker.clone(),
            json: json_plan.clone(),
        };
        let (own, wrapped) = ctx.split_concrete(&concrete_types);
        ctx.concrete_types = concrete_types
            .iter()
            .copied()
            .filter(|t| own.contains(t) || wrapped.contains(t))
            .collect();
        ctx.wrapped_types = wrapped;
        ctx.collect_consts(&ast_files);
        // Comments up to the package clause are the package doc (emitted as `//!`) or build
        // constraints.
        ctx.skip_comments_before(file.package.span.end);
        let mut items: Vec<syn::Item> = Vec::new();
        if multi {
            items.push(parse_quote!(
                use super::*;
            ));
            items.push(parse_quote!(
                #[allow(unused_imports)]
                use crate::*;
            ));
        }
        let mut struct_types: Vec<(usize, ObjId)> = Vec::new();
        for d in &file.decls {
            for c in ctx.take_comments_before(d.span.start) {
                // (A package variable's doc stays a comment: its item may be a macro.)
                if !is_doc_of(&c, d) || matches!(d.kind, DeclKind::Var(_)) {
                    items.push(comment_item(&c));
                }
            }
            match &d.kind {
                DeclKind::Func(f) => {
                    if f.recv.is_none() && f.name.name == "main" && is_main {
                        has_main = true;
                    }
                    if f.recv.is_none() && f.name.name == "init" {
                        init_count += 1;
                    }
                    items.extend(ctx.func_decl(d, f, init_count));
                }
                DeclKind::Type(specs) => {
                    for s in specs {
                        if let Some(&obj) = info.defs.get(&s.name.id) {
                            let before = items.len();
                            items.extend(ctx.type_decl(s, obj, &d.doc));
                            let t = ctx.obj(obj).ty;
                            // (An alias names a type whose impls are written where it is.)
                            if items.len() > before
                                && !s.alias
                                && s.type_params.is_empty()
                                && !ctx.stub_types.contains(&t)
                            {
                                if matches!(ctx.under(t), Type::Struct(_)) {
                                    items.extend(ctx.trait_impls(t));
                                    struct_types.push((items.len(), obj));
                                } else if ctx.concrete_types.contains(&t) {
                                    items.extend(ctx.trait_impls(t));
                                }
                            }
                        }
                    }
                }
                DeclKind::Const(specs) => {
                    for s in specs {
                        let docs = doc_attrs(if s.doc.is_some() { &s.doc } else { &d.doc });
                        for n in &s.names {
                            if let Some(mut item) = ctx.const_item(n) {
                                if let syn::Item::Const(c) = &mut item {
                                    c.attrs.extend(docs.clone());
                                }
                                items.push(item);
                            }
                        }
                    }
                }
                DeclKind::Var(specs) => {
                    // The comments of a group's specs, and those after a spec on its line,
                    // stay with the statics.
                    for s in specs {
                        for c in ctx.take_comments_before(s.span.start) {
                            items.push(comment_item(&c));
                        }
                        items.extend(ctx.global_var(s));
                    }
                    for c in ctx.take_comments_before(d.span.end) {
                        items.push(comment_item(&c));
                    }
                }
            }
            ctx.skip_comments_before(d.span.end);
        }
        // Instantiations first met inside other instantiations (of functions and types).
        loop {
            while let Some((obj, args)) = ctx.mono_queue.pop() {
                if let Some(&(d, fd)) = generic_decls.get(&obj) {
                    items.extend(ctx.instantiate(d, fd, obj, &args));
                }
            }
            while let Some((obj, args, env)) = ctx.mono_env_queue.pop() {
                if let Some(&(d, fd)) = generic_decls.get(&obj) {
                    items.extend(ctx.instantiate_env(d, fd, obj, &args, env));
                }
            }
            let fmt_used = ctx.support.contains("fmt") || support.contains("fmt");
            let mut types = ctx.emit_type_instances(&generic_methods, multi, fmt_used);
            let vis: syn::Visibility = if multi {
                parse_quote!(pub(crate))
            } else {
                syn::Visibility::Inherited
            };
            types.extend(ctx.emit_iface_instances(vis));
            if types.is_empty() && ctx.mono_queue.is_empty() && ctx.mono_env_queue.is_empty() {
                break;
            }
            items.extend(types);
        }
        items.extend(ctx.emit_converters());
        for c in ctx.take_comments_before(u32::MAX) {
            items.push(comment_item(&c));
        }
        // Go's fmt formatting for the package's struct types, when fmt support is used.
        let fmt_used = ctx.support.contains("fmt") || support.contains("fmt");
        if fmt_used {
            for (pos, obj) in struct_types.into_iter().rev() {
                if let Some(imp) = ctx.format_impl(obj) {
                    if let Some(ptr_imp) = ctx.frozen_ptr_format_impl(obj) {
                        items.insert(pos, ptr_imp);
                    }
                    items.insert(pos, imp);
                }
            }
        }
        support.extend(ctx.support.iter().cloned());
        crates.extend(ctx.crates.iter().copied());
        // Declarations of the anonymous struct types this file used.
        while let Some(i) = ctx.anon_structs.iter().position(|(_, done)| !done) {
            ctx.anon_structs[i].1 = true;
            let t = ctx.anon_structs[i].0;
            let name = syn::Ident::new(
                &format!("AnonStruct{}", i + 1),
                proc_macro2::Span::call_site(),
            );
            let Type::Struct(fields) = ctx.under(t).clone() else {
                continue;
            };
            let doc: syn::Attribute = {
                let text = format!(" Go's anonymous `{}`.", prog.type_string(t));
                parse_quote!(#[doc = #text])
            };
            let vis: syn::Visibility = if multi {
                parse_quote!(pub(crate))
            } else {
                syn::Visibility::Inherited
            };
            match ctx.struct_items(&name, t, &fields, None, vec![doc], vis) {
                Some(s) => items.extend(s),
                None => items.push(comment_item(&format!(
                    "{} unsupported: anonymous struct `{}`",
                    crate::MARKER,
                    prog.type_string(t)
                ))),
            }
            if ctx.support.contains("fmt") || support.contains("fmt") {
                ctx.use_support("fmt");
                if let Some(imp) = ctx.format_impl_for(&name, t) {
                    items.push(imp);
                }
            }
        }
        // Traits for the interface types written in place that this file used.
        while let Some(i) = ctx.anon_ifaces.iter().position(|(_, done)| !done) {
            ctx.anon_ifaces[i].1 = true;
            let t = ctx.anon_ifaces[i].0;
            let doc: syn::Attribute = {
                let text = format!(" Go's `{}`.", prog.type_string(t));
                parse_quote!(#[doc = #text])
            };
            let vis: syn::Visibility = if multi {
                parse_quote!(pub(crate))
            } else {
                syn::Visibility::Inherited
            };
            items.extend(ctx.trait_decl(t, vec![doc], vis));
            for c in ctx.concrete_types.clone() {
                if !ctx.stub_types.contains(&c) {
                    items.extend(ctx.trait_impls_for(c, &[t]));
                }
            }
        }
        anon_ifaces = std::mem::take(&mut ctx.anon_ifaces);
        anon_structs = std::mem::take(&mut ctx.anon_structs);
        type_instances = std::mem::take(&mut ctx.type_instances);
        iface_instances = std::mem::take(&mut ctx.iface_instances);
        impls_done = std::mem::take(&mut ctx.impls_done);
        wrappers_done = std::mem::take(&mut ctx.wrappers_done);
        converters_done = std::mem::take(&mut ctx.converters_done);
        mono_done = std::mem::take(&mut ctx.mono_done);
        mono_env_names = std::mem::take(&mut ctx.mono_env_names);
        mono_instances = std::mem::take(&mut ctx.mono_instances);
        emitted_globals.extend(ctx.emitted_globals.drain());
        emitted_tuples.append(&mut ctx.emitted_tuples);
        iface_eqs = std::mem::take(&mut ctx.iface_eqs);
        for (t, fns) in std::mem::take(&mut ctx.ext_methods) {
            ext_methods.entry(t).or_default().extend(fns);
        }
        let statics: HashSet<String> = readonly_globals
            .iter()
            .filter_map(|o| global_names.get(o).cloned())
            .collect();
        crate::globals::tidy_reads(&mut items, &statics);
        crate::tidy::tidy(&mut items);
        shared = Some(ctx.analysis);
        let module = module_name(&sf.path, multi);
        out_files.push((module, sf.path.clone(), items));
    }
    // Extension traits for methods of named non-struct types, in the first file.
    if let Some((_, _, items)) = out_files.first_mut() {
        items.extend(iface_eqs.into_values().flatten());
        for (t, fns) in ext_methods {
            let tid = syn::Ident::new(&t, proc_macro2::Span::call_site());
            let trait_id = syn::Ident::new(&format!("{t}Methods"), proc_macro2::Span::call_site());
            let sigs: Vec<syn::Signature> = fns
                .iter()
                .map(|f| without_patterns(f.sig.clone()))
                .collect();
            let doc = format!(" Methods of Go's named type `{t}` (a type alias here).");
            let mut ext: Vec<syn::Item> = vec![
                parse_quote!(
                    #[doc = #doc]
                    trait #trait_id {
                        #(#sigs;)*
                    }
                ),
                parse_quote!(
                    impl #trait_id for #tid {
                        #(#fns)*
                    }
                ),
            ];
            // (Only the tails: a method of the trait may share a name with one of the type's
            // own, which `(*self).len()` keeps apart.)
            crate::tidy::tail_returns(&mut ext);
            items.extend(ext);
        }
    }
    let mut root_items: Vec<syn::Item> = Vec::new();
    if is_main && has_main {
        support.insert("rt".into());
        let inits: Vec<syn::Ident> = (1..=init_count)
            .map(|i| {
                if init_count == 1 {
                    syn::Ident::new("init", proc_macro2::Span::call_site())
                } else {
                    syn::Ident::new(&format!("init_{i}"), proc_macro2::Span::call_site())
                }
            })
            .collect();
        // Go initializes package variables before `init` and `main`; those whose initializer
        // calls a function are touched first, in Go's initialization order.
        let mut eager: Vec<ObjId> = Vec::new();
        for f in &ast_files {
            for d in &f.decls {
                let DeclKind::Var(specs) = &d.kind else {
                    continue;
                };
                for s in specs {
                    if s.values.len() != s.names.len() {
                        continue;
                    }
                    // Variables whose value calls a function, and blank variables (which
                    // exist for their initializer), are initialized before `main` runs.
                    let calls = s.values.iter().any(contains_call);
                    eager.extend(
                        s.names
                            .iter()
                            .filter(|n| calls || n.is_blank())
                            .filter_map(|n| info.defs.get(&n.id).copied()),
                    );
                }
            }
        }
        // (Read-only variables are statics computed on first use from pure initializers.)
        eager.retain(|o| emitted_globals.contains(o) && !readonly_globals.contains(o));
        // Multi-value variables whose value calls a function: their tuple static.
        let mut eager: Vec<(ObjId, syn::Ident)> = eager
            .into_iter()
            .map(|o| {
                (
                    o,
                    names::ident(global_names.get(&o).map_or("_", String::as_str)),
                )
            })
            .collect();
        for f in &ast_files {
            for d in &f.decls {
                let DeclKind::Var(specs) = &d.kind else {
                    continue;
                };
                for s in specs {
                    let ([v], true) = (s.values.as_slice(), s.names.len() > 1) else {
                        continue;
                    };
                    if !contains_call(v) {
                        continue;
                    }
                    let first = s.names.iter().find_map(|n| info.defs.get(&n.id).copied());
                    if let Some((o, tuple)) = emitted_tuples
                        .iter()
                        .find(|(o, _)| Some(*o) == first)
                        .cloned()
                    {
                        eager.push((o, names::ident(&tuple)));
                    }
                }
            }
        }
        eager.sort_by_key(|(o, _)| {
            info.init_order
                .iter()
                .position(|x| x == o)
                .unwrap_or(usize::MAX)
        });
        let touches: Vec<syn::Stmt> = eager
            .iter()
            .map(|(_, id)| parse_quote!(#id.with(|_| ());))
            .collect();
        if uses_tokio {
            // Go's main goroutine runs on the runtime's blocking pool, like the others.
            root_items.push(parse_quote!(
                #[tokio::main]
                async fn main() {
                    let _ = tokio::task::spawn_blocking(|| {
                        crate::support::rt::run_main(|| {
                            #(#touches)*
                            #(#inits();)*
                            go_main();
                        });
                    })
                    .await;
                    // Go ends the program when `main` returns, whatever the other goroutines
                    // are doing; the runtime would wait for them.
                    let _ = std::io::Write::flush(&mut std::io::stdout());
                    std::process::exit(0);
                }
            ));
        } else if inits.is_empty() && touches.is_empty() {
            root_items.push(parse_quote!(
                fn main() {
                    crate::support::rt::run_main(go_main);
                }
            ));
        } else {
            root_items.push(parse_quote!(
                fn main() {
                    crate::support::rt::run_main(|| {
                        #(#touches)*
                        #(#inits();)*
                        go_main();
                    });
                }
            ));
        }
    }
    if !support.is_empty() {
        root_items.insert(
            0,
            parse_quote!(
                #[allow(dead_code, unused_imports, clippy::all)]
                mod support;
            ),
        );
    }
    let root_name = if is_main { "main" } else { "lib" };
    let mut files_out = Vec::new();
    if multi {
        let mut mods: Vec<syn::Item> = Vec::new();
        for (m, _, _) in &out_files {
            let id = names::ident(m);
            mods.push(parse_quote!(mod #id;));
            mods.push(parse_quote!(#[allow(unused_imports)] pub use #id::*;));
        }
        let mut items = mods;
        items.extend(root_items);
        files_out.push(RustFile {
            module: root_name.into(),
            go_path: String::new(),
            syn_file: file_of(items, true, None),
        });
        for (m, p, items) in out_files {
            let doc = files
                .iter()
                .find(|(sf, _)| sf.path == p)
                .and_then(|(_, f)| f.doc.clone());
            files_out.push(RustFile {
                module: m,
                go_path: p,
                syn_file: file_of(items, false, doc.as_deref()),
            });
        }
    } else if let Some((_, p, items)) = out_files.pop() {
        let mut all = root_items;
        all.extend(items);
        let doc = files.first().and_then(|(_, f)| f.doc.clone());
        files_out.push(RustFile {
            module: root_name.into(),
            go_path: p,
            syn_file: file_of(all, true, doc.as_deref()),
        });
    }
    Translated {
        files: files_out,
        support: support.into_iter().collect(),
        is_main,
        ownership,
        uses_tokio,
        crates,
    }
}

fn file_of(items: Vec<syn::Item>, root: bool, doc: Option<&str>) -> syn::File {
    // The Go package (or file) doc comment becomes the module's `//!` doc.
    let mut attrs: Vec<syn::Attribute> = doc
        .into_iter()
        .flat_map(str::lines)
        .map(|l| {
            let text = if l.is_empty() {
                String::new()
            } else {
                format!(" {l}")
            };
            parse_quote!(#![doc = #text])
        })
        .collect();
    if root {
        attrs.push(parse_quote!(#![allow(non_snake_case, arithmetic_overflow, unconditional_panic, clippy::needless_return)]));
    }
    let mut f: syn::File = parse_quote!();
    f.attrs = attrs;
    f.items = crate::markers::mark_items(items);
    f
}

fn module_name(path: &str, multi: bool) -> String {
    if !multi {
        return "main".into();
    }
    let stem = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("file");
    let s = names::snake(stem);
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    match s.as_str() {
        "main" | "lib" | "support" | "mod" => format!("{s}_go"),
        _ if s.starts_with(|c: char| c.is_ascii_digit()) => format!("f_{s}"),
        _ => s,
    }
}

/// Whether a comment is part of the declaration's doc (already emitted as `///`).
fn is_doc_of(comment: &str, d: &Decl) -> bool {
    d.doc
        .as_ref()
        .is_some_and(|doc| doc.lines().any(|l| l.trim() == comment.trim()))
}

impl Ctx<'_> {
    /// Records which constants are emitted as Rust `const` items (so uses can name them).
    fn collect_consts(&mut self, files: &[&File]) {
        for f in files {
            for d in &f.decls {
                if let DeclKind::Const(specs) = &d.kind {
                    for s in specs {
                        for n in &s.names {
                            if let Some(&obj) = self.info.defs.get(&n.id) {
                                if self.const_representable(obj) {
                                    self.declared_consts.insert(obj);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    pub fn const_representable(&mut self, obj: ObjId) -> bool {
        let o = self.obj(obj);
        let ObjKind::Const(v) = &o.kind else {
            return false;
        };
        let t = goxide_types::default_type(&self.prog.types, o.ty);
        !matches!(v, ConstValue::String(_))
            && self.rust_type(t).is_some()
            && self.const_expr(&v.clone(), t, false).is_some()
            && o.name != "_"
    }

    /// `const NAME: T = value;`
    pub fn const_item(&mut self, n: &Ident) -> Option<syn::Item> {
        let obj = *self.info.defs.get(&n.id)?;
        if n.is_blank() {
            return None;
        }
        let o = self.obj(obj);
        let ObjKind::Const(v) = o.kind.clone() else {
            return None;
        };
        let t = goxide_types::default_type(&self.prog.types, o.ty);
        let (Some(ty), Some(val)) = (self.rust_type(t), self.const_expr(&v, t, false)) else {
            let text = format!(
                "{} const {} = {}: not representable as a Rust constant; its uses are inlined",
                crate::MARKER.replace("TODO(goxide):", "note (goxide):"),
                n.name,
                describe(&v)
            );
            return Some(comment_item(&text));
        };
        self.declared_consts.insert(obj);
        let id = self.var_name(obj);
        self.local_names.insert(obj, id.to_string());
        let val = match val {
            syn::Expr::Call(_) | syn::Expr::MethodCall(_) if matches!(v, ConstValue::String(_)) => {
                // String constants are `&str` in Rust; uses convert as needed.
                self.declared_consts.remove(&obj);
                return None;
            }
            v => v,
        };
        Some(parse_quote!(const #id: #ty = #val;))
    }

    /// A read-only package pointer (see `globals`): its pointee as an immutable static,
    /// `static P: LazyLock<T>` (`LazyLock<Option<T>>` when it is nil), with the doc comment.
    fn readonly_ptr_static(&mut self, obj: ObjId, value: Option<&Expr>) -> Option<syn::Item> {
        if !self.analysis.globals.readonly_ptrs.contains(&obj) {
            return None;
        }
        let Type::Pointer(pointee) = self.ty(self.obj(obj).ty).clone() else {
            return None;
        };
        let ty = self.rust_type(pointee)?;
        let id = self.var_name(obj);
        if self.analysis.globals.nil_ptrs.contains(&obj) {
            return Some(parse_quote!(
                static #id: std::sync::LazyLock<Option<#ty>> = std::sync::LazyLock::new(|| None);
            ));
        }
        let init = match value.map(crate::builtins::strip_parens).map(|v| &v.kind) {
            Some(ExprKind::Unary { x, .. }) => {
                self.pending_markers.clear();
                let e = self.value_as(x, pointee);
                if std::mem::take(&mut self.pending_markers)
                    .iter()
                    .any(|m| m.contains("unsupported:"))
                {
                    return None;
                }
                e
            }
            _ => self.zero_value(pointee)?,
        };
        Some(parse_quote!(
            static #id: std::sync::LazyLock<#ty> = std::sync::LazyLock::new(|| #init);
        ))
    }

    /// A package-level variable: a `static` when it is a never-assigned constant, else a
    /// thread-local cell (Go's package variables are mutable and lazily initialized here).
    fn global_var(&mut self, s: &VarSpec) -> Vec<syn::Item> {
        let mut out = Vec::new();
        if !s.values.is_empty() && s.values.len() != s.names.len() {
            return self.global_vars_from_tuple(s);
        }
        for (i, n) in s.names.iter().enumerate() {
            let Some(&obj) = self.info.defs.get(&n.id) else {
                continue;
            };
            if self.analysis.globals.write_only.contains(&obj) {
                // Never read: no storage; assignments evaluate their value and drop it.
                let text = format!(
                    "note (goxide): package variable `{}` is never read: it is not declared, \
                     and each assignment to it only evaluates its value",
                    n.name
                );
                out.push(comment_item(&text));
                continue;
            }
            let t = self.obj(obj).ty;
            if let Some(mut item) = self.readonly_ptr_static(obj, s.values.get(i)) {
                self.emitted_globals.insert(obj);
                if let syn::Item::Static(st) = &mut item {
                    st.attrs.splice(0..0, doc_attrs(&s.doc));
                }
                out.push(item);
                continue;
            }
            let init = match s.values.get(i) {
                Some(v) => {
                    self.pending_markers.clear();
                    let mut e = self.value_as(v, t);
                    let markers = std::mem::take(&mut self.pending_markers);
                    if markers.iter().any(|m| m.contains("unsupported:")) {
                        // Like a statement: the whole initializer becomes `todo!()`, which the
                        // variable's declared type types (`todo!().chars()` would not build).
                        e = parse_quote!(todo!());
                    }
                    for m in markers {
                        out.push(comment_item(&m));
                    }
                    e
                }
                None => match self.zero_value(t) {
                    Some(z) => z,
                    None => parse_quote!(todo!()),
                },
            };
            if n.is_blank() && (self.threaded || self.rust_type(t).is_none()) {
                let text = format!(
                    "{} unsupported: blank package variable `{}`",
                    crate::MARKER,
                    self.snippet(s.span)
                );
                out.push(comment_item(&text));
                continue;
            }
            let Some(ty) = self.rust_type(t) else {
                let text = format!(
                    "{} unsupported: package variable of this type: `{}`",
                    crate::MARKER,
                    self.snippet(s.span)
                );
                out.push(comment_item(&text));
                continue;
            };
            let id = self.var_name(obj);
            self.emitted_globals.insert(obj);
            let attrs = doc_attrs(&s.doc);
            if self.analysis.globals.readonly.contains(&obj) {
                // Never changed after its initializer (which has no side effects): an
                // immutable static, computed on first use.
                out.push(parse_quote!(
                    #(#attrs)*
                    static #id: std::sync::LazyLock<#ty> = std::sync::LazyLock::new(|| #init);
                ));
                continue;
            }
            if self.thread_value_global(obj) {
                // Never assigned, and a copy shares what it refers to: a thread-local value,
                // read by cloning, with no cell (it starts up in Go's order with the others).
                out.push(parse_quote!(thread_local! {
                    #(#attrs)*
                    static #id: #ty = #init;
                }));
                continue;
            }
            let cell = if self.threaded && self.thread_blocker.is_none() {
                "process-wide cell (support::sync::Global)"
            } else {
                "thread-local RefCell"
            };
            if !self.analysis.address_taken.contains(&obj) {
                if let Some(why) = self.analysis.globals.cell_reason(obj, &n.name, cell) {
                    out.push(comment_item(&format!("{} ownership: {why}", crate::MARKER)));
                }
            }
            if self.analysis.address_taken.contains(&obj) && self.threaded {
                // Its address is taken, and goroutines may use it: a process-wide variable
                // holding a thread-safe cell that pointers share.
                self.use_support("sync");
                let text = format!("{} ownership: `{}` is shared through Arc<RwLock<…>> (support::sync::Shared) because its address is taken", crate::MARKER, n.name);
                out.push(comment_item(&text));
                out.push(parse_quote!(
                    #(#attrs)*
                    static #id: crate::support::sync::Global<crate::support::sync::Shared<#ty>> =
                        crate::support::sync::Global::new(|| crate::support::sync::Shared::new(#init));
                ));
            } else if self.analysis.address_taken.contains(&obj) {
                // Its address is taken: the value lives in a shared cell that pointers share.
                let text = format!("{} ownership: `{}` is shared through Rc<RefCell<…>> because its address is taken", crate::MARKER, n.name);
                out.push(comment_item(&text));
                out.push(parse_quote!(thread_local! {
                    #(#attrs)*
                    static #id: std::rc::Rc<std::cell::RefCell<#ty>> = std::rc::Rc::new(std::cell::RefCell::new(#init));
                }));
            } else if self.threaded && self.thread_blocker.is_none() {
                // Goroutines run on threads: one value for the whole process.
                self.use_support("sync");
                out.push(parse_quote!(
                    #(#attrs)*
                    static #id: crate::support::sync::Global<#ty> =
                        crate::support::sync::Global::new(|| #init);
                ));
            } else {
                out.push(parse_quote!(thread_local! {
                    #(#attrs)*
                    static #id: std::cell::RefCell<#ty> = std::cell::RefCell::new(#init);
                }));
            }
        }
        out
    }

    /// `var a, b = f()`: the call runs once, into a hidden tuple each variable starts from.
    fn global_vars_from_tuple(&mut self, s: &VarSpec) -> Vec<syn::Item> {
        // The marker, and each variable with a `todo!()` value so that uses still build.
        let unsupported = |ctx: &mut Self| {
            let text = format!(
                "{} unsupported: package variables from a multi-value expression: `{}`",
                crate::MARKER,
                ctx.snippet(s.span)
            );
            let mut items = vec![comment_item(&text)];
            for n in &s.names {
                let Some(&obj) = ctx.info.defs.get(&n.id) else {
                    continue;
                };
                if n.is_blank() {
                    continue;
                }
                let Some(ty) = ctx.rust_type(ctx.obj(obj).ty) else {
                    continue;
                };
                let id = ctx.var_name(obj);
                ctx.emitted_globals.insert(obj);
                items.push(parse_quote!(thread_local! {
                    static #id: std::cell::RefCell<#ty> = std::cell::RefCell::new(todo!());
                }));
            }
            items
        };
        let [value] = s.values.as_slice() else {
            return unsupported(self);
        };
        // A call's results, or the value and `ok` of a comma-ok form.
        let ts = match self.type_of(value).map(|t| self.ty(t).clone()) {
            Some(Type::Tuple(ts)) => ts,
            Some(_) if s.names.len() == 2 => {
                let bool_t = self.prog.types.basic(goxide_types::BasicKind::Bool);
                vec![self.type_of(value).unwrap_or(bool_t), bool_t]
            }
            _ => return unsupported(self),
        };
        // Each variable must have its part's type (`var a, b any = x.(bool)` would convert).
        let rust_of = |ctx: &mut Self, t: TypeId| {
            ctx.rust_type(t)
                .map(|r| quote::quote!(#r).to_string())
                .unwrap_or_default()
        };
        // (`var a, b any = x.(bool)`: each part converted to its variable's type.)
        let mut converted: Vec<Option<(syn::Type, syn::Expr)>> = Vec::new();
        if ts.len() != s.names.len() {
            return unsupported(self);
        }
        for (n, &t) in s.names.iter().zip(&ts) {
            let mut conv = None;
            if let (false, Some(&o)) = (n.is_blank(), self.info.defs.get(&n.id)) {
                let vt = self.obj(o).ty;
                if vt != t && rust_of(self, vt) != rust_of(self, t) {
                    if !self.is_interface(vt) {
                        return unsupported(self);
                    }
                    let part = self.synthetic_expr("part", t, s.span);
                    let v = self.value_as(&part, vt);
                    let Some(vty) = self.rust_type(vt) else {
                        return unsupported(self);
                    };
                    conv = Some((vty, v));
                }
            }
            converted.push(conv);
        }
        let mut tys = Vec::new();
        for &t in &ts {
            match self.rust_type(t) {
                Some(ty) => tys.push(ty),
                None => return unsupported(self),
            }
        }
        self.pending_markers.clear();
        let init = match self.multi_value(value, s.names.len()) {
            Ok(v) => v,
            Err(_) => return unsupported(self),
        };
        if !std::mem::take(&mut self.pending_markers).is_empty() {
            return unsupported(self);
        }
        let names: Vec<String> = s.names.iter().map(|n| names::screaming(&n.name)).collect();
        let tuple = syn::Ident::new(
            &format!("{}_INIT", names.join("_")).replace("__", "_"),
            proc_macro2::Span::call_site(),
        );
        let mut statics: Vec<proc_macro2::TokenStream> = Vec::new();
        for (i, n) in s.names.iter().enumerate() {
            let Some(&obj) = self.info.defs.get(&n.id) else {
                continue;
            };
            if n.is_blank() {
                continue;
            }
            let id = self.var_name(obj);
            self.emitted_globals.insert(obj);
            let ty = &tys[i];
            let idx = syn::Index::from(i);
            if let Some(Some((vty, conv))) = converted.get(i) {
                statics.push(quote::quote!(static #id: std::cell::RefCell<#vty> = std::cell::RefCell::new(#tuple.with(|t| {
                    let part = t.#idx.clone();
                    #conv
                }));));
                continue;
            }
            statics.push(quote::quote!(static #id: std::cell::RefCell<#ty> = std::cell::RefCell::new(#tuple.with(|t| t.#idx.clone()));));
        }
        if let Some(first) = s
            .names
            .iter()
            .find_map(|n| self.info.defs.get(&n.id).copied())
        {
            self.emitted_tuples.push((first, tuple.to_string()));
        }
        vec![parse_quote!(thread_local! {
            static #tuple: (#(#tys),*) = #init;
            #(#statics)*
        })]
    }

    pub(crate) fn func_decl(
        &mut self,
        d: &Decl,
        f: &FuncDecl,
        init_index: usize,
    ) -> Vec<syn::Item> {
        let Some(&obj) = self.info.defs.get(&f.name.id) else {
            return vec![];
        };
        let o = self.obj(obj);
        let Type::Func(sig) = self.under(o.ty).clone() else {
            return vec![];
        };
        self.local_names.clear();
        self.func = FnState {
            results: sig.results.clone(),
            ctor: self.analysis.ptr_params.ctors.contains(&obj),
            chaining: self.analysis.chaining.contains(&obj),
            result_fn: self.analysis.results.fns.contains(&obj),
            nullable_ctor: self.analysis.ptr_params.nullable_ctors.contains(&obj),
            ctor_index: self
                .analysis
                .ptr_params
                .ctor_index
                .get(&obj)
                .copied()
                .unwrap_or(0),
            go_name: f.recv.is_none().then(|| f.name.name.clone()),
            ..FnState::default()
        };
        self.defer_name_reserved = f.body.as_ref().is_some_and(defers_anywhere);
        let attrs = doc_attrs(&d.doc);
        let mono_args: Option<Vec<TypeId>> = (!self.subst.is_empty()).then(|| {
            let tps = self
                .prog
                .func_type_params
                .get(&obj)
                .cloned()
                .unwrap_or_default();
            tps.iter().map(|&t| self.resolve(t)).collect()
        });
        let mono_name = match &mono_args {
            Some(args) => match self.mono_ident(obj, args) {
                Some(n) => Some(n),
                None => return vec![],
            },
            None => None,
        };
        let name = if let Some(n) = mono_name {
            n
        } else if f.name.is_blank() {
            // `func _()` and `func (T) _()` can never be called, and there may be several:
            // each is named after its position.
            quote::format_ident!("_blank_{}", f.name.span.start)
        } else if f.recv.is_none() && f.name.name == "main" {
            syn::Ident::new("go_main", proc_macro2::Span::call_site())
        } else if f.recv.is_none() && f.name.name == "init" {
            if init_index <= 1 && !self.has_multiple_inits() {
                syn::Ident::new("init", proc_macro2::Span::call_site())
            } else {
                syn::Ident::new(
                    &format!("init_{init_index}"),
                    proc_macro2::Span::call_site(),
                )
            }
        } else {
            self.var_name(obj)
        };
        if !f.type_params.is_empty() {
            if f.recv.is_some() || !self.subst.is_empty() {
                return vec![self.stub_fn(d, &name, "generic function")];
            }
            if self.parametric.contains(&obj) {
                return self.parametric_fn(d, f, obj);
            }
            // One Rust function per instantiation the program uses.
            let instances = self.mono_instances.get(&obj).cloned().unwrap_or_default();
            let mut items = Vec::new();
            for args in instances {
                items.extend(self.instantiate(d, f, obj, &args));
            }
            if items.is_empty() {
                let text = format!("note (goxide): generic function `{}` is never instantiated, so it has no Rust form", f.name.name);
                items.push(comment_item(&text));
            }
            return items;
        }
        if let Some(r) = f.recv.as_ref().filter(|_| !self.in_type_instance) {
            // Methods of generic struct types are translated per instantiation.
            if self.type_of(&r.ty).is_some_and(|t| {
                let base = match self.ty(t) {
                    Type::Pointer(b) => *b,
                    _ => t,
                };
                self.is_generic_instance(base)
            }) {
                return vec![];
            }
            let generic_recv = self.type_of(&r.ty).is_some_and(|t| {
                let base = match self.ty(t) {
                    Type::Pointer(b) => *b,
                    _ => t,
                };
                matches!(self.ty(base), Type::Named(n) if !n.type_params.is_empty() || !n.type_args.is_empty())
                    || !matches!(self.ty(base), Type::Named(_))
            });
            let stub_recv = self.type_of(&r.ty).is_some_and(|t| {
                let base = match self.ty(t) {
                    Type::Pointer(b) => *b,
                    _ => t,
                };
                self.stub_types.contains(&base)
            });
            if generic_recv || stub_recv {
                let text = format!(
                    "{} unsupported: method of a generic type: `{}`",
                    crate::MARKER,
                    self.snippet(f.name.span)
                );
                return vec![comment_item(&text)];
            }
        }
        // The receiver is `self` in the method body, or the first parameter of a method that
        // takes it as a pointer value (see `ptr_receivers`).
        let mut recv_param: Option<syn::FnArg> = None;
        if let Some(rn) = f.recv.as_ref().and_then(|r| r.name.as_ref()) {
            if let Some(&robj) = self.info.defs.get(&rn.id) {
                if self.analysis.ptr_value_methods.contains(&obj) {
                    let Some(ty) = self.rust_type(self.obj(robj).ty) else {
                        return vec![self.stub_fn(d, &name, "receiver type")];
                    };
                    let id = self.bind_local(robj, &rn.name);
                    recv_param = Some(if self.analysis.mutated.contains(&robj) {
                        parse_quote!(mut #id: #ty)
                    } else {
                        parse_quote!(#id: #ty)
                    });
                } else {
                    self.local_names.insert(robj, RECEIVER.into());
                }
            }
        }
        // (Markers left over from the code before belong to no statement of this function.)
        self.pending_markers.clear();
        // A value receiver whose slice field's elements the method writes (see
        // `field_shares`).
        let recv_obj = f
            .recv
            .as_ref()
            .and_then(|r| r.name.as_ref())
            .filter(|_| !self.map_write_methods.contains(&obj));
        if let Some(rn) = recv_obj {
            let written = self
                .info
                .defs
                .get(&rn.id)
                .and_then(|o| self.analysis.field_shares.written_through.get(o));
            if let Some(field) = written.cloned() {
                self.marker(format!(
                    "semantics: receiver `{}` is a copy of the value the method is called on; \
                     in Go its slice field `{field}` shares that value's elements, so the \
                     caller sees the method's writes to them",
                    rn.name
                ));
            }
        }
        let Some((mut params, prelude)) = self.params(&f.sig, &sig.params) else {
            return vec![self.stub_fn(d, &name, "function signature")];
        };
        if let Some(p) = recv_param {
            params.insert(0, p);
        }
        let ret = if self.func.ctor {
            // A constructor returns the value it makes (or nothing: `Option<T>`).
            self.ctor_results_type(&sig.results)
        } else if self.func.chaining {
            // A chaining method returns the borrow of its receiver.
            Some(parse_quote!(-> &mut Self))
        } else {
            self.results_type(&sig.results, 0)
        };
        let Some(mut ret) = ret else {
            return vec![self.stub_fn(d, &name, "function result type")];
        };
        if self.func.result_fn {
            ret = self.result_return_type(ret);
        }
        let mut body_stmts = self.signature_markers(&f.sig);
        // (Markers the parameters queued, e.g. for a slice copied in.)
        for m in std::mem::take(&mut self.pending_markers) {
            body_stmts.push(crate::stmt::comment_stmt(&m));
        }
        body_stmts.extend(prelude);
        let mut body_stmts = match &f.body {
            Some(b) => {
                self.skip_comments_before(b.span.start + 1);
                body_stmts.extend(self.function_body(&f.sig, &sig.results, b));
                body_stmts
            }
            None => vec![parse_quote!(todo!();)],
        };
        let str_names: Vec<syn::Ident> = f
            .sig
            .params
            .iter()
            .flat_map(|g| &g.names)
            .filter_map(|n| self.info.defs.get(&n.id).copied())
            .filter(|p| self.analysis.str_params.params.contains(p))
            .map(|p| self.var_name(p))
            .collect();
        crate::str_params::read_in_place(&mut body_stmts, &str_names);
        let vis: syn::Visibility = if o.is_exported() && !self.is_main_pkg() {
            parse_quote!(pub)
        } else if self.multi_file() {
            parse_quote!(pub(crate))
        } else {
            syn::Visibility::Inherited
        };
        if let Some(r) = &f.recv {
            return self
                .method_item(r, obj, attrs, vis, &name, params, ret, body_stmts)
                .into_iter()
                .collect();
        }
        vec![parse_quote!(
            #(#attrs)*
            #vis fn #name(#(#params),*) #ret {
                #(#body_stmts)*
            }
        )]
    }

    fn method_by_value(&self, r: &Receiver, method: ObjId) -> bool {
        r.name
            .as_ref()
            .and_then(|n| self.info.defs.get(&n.id))
            .is_some_and(|o| self.analysis.mutated.contains(o))
            && !matches!(r.ty.kind, ExprKind::Star(_))
            && !self.map_write_methods.contains(&method)
    }

    /// A method of a generic type, for the instantiation whose substitution is in force.
    pub fn method_for_instance(&mut self, d: &Decl, f: &FuncDecl) -> Vec<syn::Item> {
        self.func_decl(d, f, 0)
    }

    /// Translates generic function `f` for type arguments `args` (once per instantiation).
    pub fn instantiate(
        &mut self,
        d: &Decl,
        f: &FuncDecl,
        obj: ObjId,
        args: &[TypeId],
    ) -> Vec<syn::Item> {
        if !self.mono_done.insert((obj, args.to_vec())) {
            return vec![];
        }
        // Go's `int` and `int64` are both `i64`: one Rust function serves both instantiations.
        let name = self.mono_ident(obj, args);
        let done: Vec<Vec<TypeId>> = self
            .mono_done
            .iter()
            .filter(|(o, a)| *o == obj && a.as_slice() != args)
            .map(|(_, a)| a.clone())
            .collect();
        if done.iter().any(|a| self.mono_ident(obj, a) == name)
            || name
                .as_ref()
                .is_some_and(|n| self.mono_env_names.contains(&n.to_string()))
        {
            return vec![];
        }
        let Some(tps) = self.prog.func_type_params.get(&obj).cloned() else {
            return vec![];
        };
        let saved = std::mem::replace(
            &mut self.subst,
            tps.iter().copied().zip(args.iter().copied()).collect(),
        );
        let mut g = f.clone();
        g.type_params.clear();
        let items = self.func_decl(d, &g, 0);
        self.subst = saved;
        items
    }

    /// Translates generic function `f` for type arguments `args` that mention the type
    /// parameters of another instantiation, with that instantiation's substitution `env`.
    pub fn instantiate_env(
        &mut self,
        d: &Decl,
        f: &FuncDecl,
        obj: ObjId,
        args: &[TypeId],
        env: HashMap<TypeId, TypeId>,
    ) -> Vec<syn::Item> {
        let Some(tps) = self.prog.func_type_params.get(&obj).cloned() else {
            return vec![];
        };
        let mut subst = env;
        subst.extend(tps.iter().copied().zip(args.iter().copied()));
        let saved = std::mem::replace(&mut self.subst, subst);
        let mut g = f.clone();
        g.type_params.clear();
        let items = self.func_decl(d, &g, 0);
        self.subst = saved;
        items
    }

    /// The Rust name of an instantiation: `max_i64`, `keys_string_i64`.
    pub fn mono_ident(&mut self, obj: ObjId, args: &[TypeId]) -> Option<syn::Ident> {
        let mut name = match self.global_names.get(&obj) {
            Some(n) => n.clone(),
            None => names::snake(&self.obj(obj).name),
        };
        for &a in args {
            let t = self.rust_type(a)?;
            let text: String = quote::ToTokens::to_token_stream(&t)
                .to_string()
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect();
            let text = text
                .split('_')
                .filter(|s| {
                    !s.is_empty()
                        && *s != "std"
                        && *s != "rc"
                        && *s != "cell"
                        && *s != "collections"
                })
                .collect::<Vec<_>>()
                .join("_");
            name.push('_');
            name.push_str(&text);
        }
        Some(names::ident(&name))
    }

    fn has_multiple_inits(&self) -> bool {
        self.init_total > 1
    }

    fn is_main_pkg(&self) -> bool {
        self.prog.pkg(self.pkg).name == "main"
    }

    fn multi_file(&self) -> bool {
        false
    }

    fn stub_fn(&mut self, d: &Decl, name: &syn::Ident, what: &str) -> syn::Item {
        let text = format!(
            "{} unsupported: {what}: `{}`",
            crate::MARKER,
            self.snippet(d.span)
        );
        let c = comment_stmt(&text);
        parse_quote!(
            #[allow(unused_variables)]
            fn #name() {
                #c
                todo!()
            }
        )
    }

    /// Parameters, plus statements re-binding parameters that must live in shared cells.
    /// `types` are the parameter types of the checked signature, in order.
    fn params(
        &mut self,
        sig: &FuncType,
        types: &[TypeId],
    ) -> Option<(Vec<syn::FnArg>, Vec<syn::Stmt>)> {
        let mut params = Vec::new();
        let mut prelude = Vec::new();
        let mut pos = 0;
        for g in &sig.params {
            if g.names.is_empty() {
                let ty = self.rust_type(*types.get(pos)?)?;
                pos += 1;
                params.push(parse_quote!(_: #ty));
                continue;
            }
            for n in &g.names {
                let t = *types.get(pos)?;
                pos += 1;
                let mut ty = self.rust_type(t)?;
                let obj = self.info.defs.get(&n.id).copied();
                if let (Some(o), Type::Slice(_) | Type::Map(..)) = (obj, self.under(t).clone()) {
                    if let Some(mode) = self.analysis.slice_params.get(&o).copied() {
                        // `&[T]` / `&mut [T]` for a slice, `&HashMap` / `&mut HashMap` for a map.
                        let target: syn::Type = match self.under(t).clone() {
                            Type::Slice(et) => {
                                let et = self.rust_type(self.slot(et))?;
                                parse_quote!([#et])
                            }
                            _ => ty.clone(),
                        };
                        ty = match mode {
                            crate::analysis::SliceMode::Ref => parse_quote!(&#target),
                            crate::analysis::SliceMode::MutRef => parse_quote!(&mut #target),
                        };
                        let id = self.bind_local(o, &n.name);
                        params.push(parse_quote!(#id: #ty));
                        continue;
                    }
                }
                if let (Some(o), Type::Slice(_)) = (obj, self.under(t)) {
                    // A slice passed by value whose elements the function writes: Go's
                    // function writes the caller's elements, this one a copy of them.
                    if !g.variadic && self.analysis.elem_mutated.contains(&o) {
                        self.marker(format!(
                            "semantics: slice parameter `{}` is a copy of the caller's slice; in \
                             Go the function shares the caller's elements, so the caller sees \
                             its writes to them",
                            n.name
                        ));
                    }
                }
                if let Some(field) =
                    obj.and_then(|o| self.analysis.field_shares.written_through.get(&o))
                {
                    // A struct passed by value whose slice field's elements the function writes.
                    let field = field.clone();
                    self.marker(format!(
                        "semantics: parameter `{}` is a copy of the caller's struct; in Go its \
                         slice field `{field}` shares the caller's elements, so the caller sees \
                         the function's writes to them",
                        n.name
                    ));
                }
                if obj.is_some_and(|o| self.analysis.handles.params.contains(&o)) {
                    // A handle the function only uses in place: a borrow of the caller's.
                    ty = parse_quote!(&#ty);
                }
                if obj.is_some_and(|o| self.analysis.str_params.params.contains(&o)) {
                    // A string the function only reads (see `str_params`).
                    ty = parse_quote!(&str);
                }
                if obj.is_some_and(|o| self.analysis.callbacks.params.contains(&o)) {
                    // A function parameter that is only called: a borrow of the caller's closure.
                    ty = self.callback_type(t)?;
                }
                if let Some(mode) =
                    obj.and_then(|o| self.analysis.ptr_params.params.get(&o).copied())
                {
                    // A borrowed pointer parameter: `&T` / `&mut T`.
                    let Type::Pointer(pointee) = self.under(t).clone() else {
                        return None;
                    };
                    let pt = self.rust_type(pointee)?;
                    let elem = match self.under(pointee) {
                        Type::Slice(e) => Some(*e),
                        _ => None,
                    };
                    ty = match mode {
                        // A slice only read: `&[T]` (see `Ctx::is_slice_ref_param`).
                        crate::analysis::SliceMode::Ref
                            if elem.is_some()
                                && obj.is_some_and(|o| {
                                    !self.analysis.ptr_params.optional.contains(&o)
                                }) =>
                        {
                            let e = self.rust_type(elem?)?;
                            parse_quote!(&[#e])
                        }
                        crate::analysis::SliceMode::Ref => parse_quote!(&#pt),
                        crate::analysis::SliceMode::MutRef => parse_quote!(&mut #pt),
                    };
                    if obj.is_some_and(|o| self.analysis.ptr_params.optional.contains(&o)) {
                        // One that may be nil: `Option<&T>` / `Option<&mut T>`.
                        ty = parse_quote!(Option<#ty>);
                    }
                }
                if obj.is_some_and(|o| self.analysis.links.views.contains(&o)) {
                    // A parameter of a linked type that only reads: a view (see `links`).
                    if let Type::Pointer(pointee) = self.under(t).clone() {
                        let pt = self.rust_type(pointee)?;
                        ty = parse_quote!(Option<&#pt>);
                    }
                }
                if obj.is_some_and(|o| self.analysis.links.mut_views.contains(&o)) {
                    // One that changes what it points to: a mutable borrow of the caller's.
                    if let Type::Pointer(pointee) = self.under(t).clone() {
                        let pt = self.rust_type(pointee)?;
                        ty = parse_quote!(&mut #pt);
                    }
                }
                if obj.is_some_and(|o| self.analysis.owned_fields.params.contains(&o)) {
                    // One the function only stores in a field owning its pointee: the caller's
                    // box moves in (see `owned_fields`).
                    if let Type::Pointer(pointee) = self.under(t).clone() {
                        let pt = self.rust_type(pointee)?;
                        ty = parse_quote!(Option<Box<#pt>>);
                    }
                }
                let Some(obj) = obj.filter(|_| !n.is_blank()) else {
                    params.push(parse_quote!(_: #ty));
                    continue;
                };
                if !self.info.uses.values().any(|&u| u == obj) {
                    // A parameter the body never names (kept for its signature): `_name`.
                    let id = self.bind_local(obj, &format!("_{}", n.name));
                    params.push(parse_quote!(#id: #ty));
                    continue;
                }
                let id = self.bind_local(obj, &n.name);
                if self.analysis.ptr_params.optional.contains(&obj)
                    && !self.analysis.nil_guards.narrowed.contains(&obj)
                    && self.analysis.ptr_params.params.get(&obj)
                        == Some(&crate::analysis::SliceMode::MutRef)
                {
                    // (`rt::opt_mut(&mut p)` reaches through it.)
                    params.push(parse_quote!(mut #id: #ty));
                } else if self.analysis.ptr_params.params.contains_key(&obj)
                    || self.analysis.links.mut_views.contains(&obj)
                {
                    params.push(parse_quote!(#id: #ty));
                } else if self.analysis.boxed.contains(&obj) {
                    params.push(parse_quote!(#id: #ty));
                    let cell = self.shared_cell_new(obj, parse_quote!(#id));
                    prelude.push(parse_quote!(let #id = #cell;));
                } else if self.analysis.mutated.contains(&obj) {
                    params.push(parse_quote!(mut #id: #ty));
                } else {
                    params.push(parse_quote!(#id: #ty));
                }
            }
        }
        Some((params, prelude))
    }

    /// A function body: named results, then the statements; a body with `defer` runs through
    /// `support::defer::with_defer`, deferred calls running when it returns or panics.
    fn function_body(
        &mut self,
        sig: &FuncType,
        results: &[TypeId],
        body: &Block,
    ) -> Vec<syn::Stmt> {
        if !has_defer(body) {
            let mut out = self.named_results(sig, Some(body));
            out.extend(self.block(body).stmts);
            return out;
        }
        self.use_support("defer");
        // Named results live in shared cells: deferred calls may read and set them after a
        // `return` statement has.
        let named: Vec<ObjId> = sig
            .results
            .iter()
            .flat_map(|g| &g.names)
            .filter_map(|n| self.info.defs.get(&n.id).copied())
            .collect();
        for &o in &named {
            self.analysis.boxed.insert(o);
        }
        let mut out = self.named_results(sig, None);
        self.func.in_defer_body = true;
        let inner = self.block(body).stmts;
        self.func.in_defer_body = false;
        if named.is_empty() {
            let mut zeros = Vec::new();
            for &t in results {
                zeros.push(self.zero_value(t).unwrap_or_else(|| parse_quote!(todo!())));
            }
            let zero: syn::Expr = if zeros.len() == 1 {
                zeros.remove(0)
            } else {
                parse_quote!((#(#zeros),*))
            };
            out.push(syn::Stmt::Expr(
                parse_quote!(crate::support::defer::with_defer(|d| { #(#inner)* }, || #zero)),
                None,
            ));
        } else {
            out.push(parse_quote!(crate::support::defer::with_defer(|d| { #(#inner)* }, || ());));
            let vals: Vec<syn::Expr> = named
                .iter()
                .map(|&o| {
                    let id = self.var_name(o);
                    parse_quote!(#id.borrow().clone())
                })
                .collect();
            out.push(parse_quote!(let result = (#(#vals),*);));
            out.push(syn::Stmt::Expr(parse_quote!(result), None));
        }
        out
    }

    /// `let mut r: T = zero;` for each named result; of a `body` without bare `return`, only
    /// for those it names.
    fn named_results(&mut self, sig: &FuncType, body: Option<&Block>) -> Vec<syn::Stmt> {
        let mut out = Vec::new();
        let named = body.filter(|b| !has_bare_return(b)).map(|b| {
            b.stmts
                .iter()
                .flat_map(|s| crate::subslice::objects_used(self.info, s))
                .collect::<HashSet<ObjId>>()
        });
        for g in &sig.results {
            for n in &g.names {
                let Some(&obj) = self.info.defs.get(&n.id) else {
                    continue;
                };
                if named.as_ref().is_some_and(|used| !used.contains(&obj)) {
                    continue;
                }
                self.func.named_results.push(obj);
                let t = self.obj(obj).ty;
                let z = self.zero_value(t).unwrap_or_else(|| parse_quote!(todo!()));
                let mut ctx_ident = n.clone();
                if ctx_ident.is_blank() {
                    ctx_ident.name = format!("result{}", self.func.named_results.len());
                }
                let saved = self.analysis.mutated.insert(obj);
                out.push(self.let_var(obj, &ctx_ident, z, Some(t)));
                if !saved {
                    // keep `mut`: named results are assigned by return statements
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn method_item(
        &mut self,
        r: &Receiver,
        method: ObjId,
        attrs: Vec<syn::Attribute>,
        vis: syn::Visibility,
        name: &syn::Ident,
        params: Vec<syn::FnArg>,
        ret: syn::ReturnType,
        mut body: Vec<syn::Stmt>,
    ) -> Option<syn::Item> {
        let rt = self.type_of(&r.ty)?;
        let (ptr, base) = match self.ty(rt) {
            Type::Pointer(b) => (true, *b),
            _ => (false, rt),
        };
        let Type::Named(n) = self.ty(base) else {
            return None;
        };
        let _ = n;
        let tname = self.named_type_ident(base)?;
        let by_value = self.info.defs.get(&r_name_id(r)).is_some_and(|_| false)
            || self.method_by_value(r, method);
        // A value receiver of a named `Copy` non-struct type (`type State int`) is taken by
        // value, so the body uses `self` as the number it is.
        let copy_alias = !matches!(self.under(base), Type::Struct(_)) && self.is_copy(base);
        let readonly = self.readonly_ptr_methods.contains(&method);
        if ptr && self.analysis.ptr_value_methods.contains(&method) {
            // The receiver is the first of `params`: `T::m(p, …)`.
            return Some(parse_quote!(
                impl #tname {
                    #(#attrs)*
                    #vis fn #name(#(#params),*) #ret {
                        #(#body)*
                    }
                }
            ));
        }
        let self_param: syn::FnArg = if ptr && readonly {
            parse_quote!(&self)
        } else if ptr || self.map_write_methods.contains(&method) {
            parse_quote!(&mut self)
        } else if by_value {
            parse_quote!(mut self)
        } else if copy_alias {
            parse_quote!(self)
        } else {
            parse_quote!(&self)
        };
        if body.is_empty() {
            body.push(parse_quote!(let _ = self;));
        }
        if !matches!(self.under(base), Type::Struct(_)) {
            // Methods on a named non-struct type (an alias in Rust) live in an extension trait.
            let f: syn::ImplItemFn = parse_quote!(
                #(#attrs)*
                fn #name(#self_param, #(#params),*) #ret {
                    #(#body)*
                }
            );
            self.ext_methods
                .entry(tname.to_string())
                .or_default()
                .push(f);
            return None;
        }
        Some(parse_quote!(
            impl #tname {
                #(#attrs)*
                #vis fn #name(#self_param, #(#params),*) #ret {
                    #(#body)*
                }
            }
        ))
    }

    pub fn type_decl(
        &mut self,
        s: &TypeSpec,
        obj: ObjId,
        decl_doc: &Option<String>,
    ) -> Vec<syn::Item> {
        if s.name.is_blank() {
            // `type _ int` declares nothing that can be used.
            return vec![];
        }
        let attrs = doc_attrs(if s.doc.is_some() { &s.doc } else { decl_doc });
        let name = self.type_name(obj);
        let t = self.obj(obj).ty;
        let o = self.obj(obj);
        let vis: syn::Visibility = if o.is_exported() && !self.is_main_pkg() {
            parse_quote!(pub)
        } else {
            syn::Visibility::Inherited
        };
        if !s.type_params.is_empty() && matches!(self.under(t), Type::Struct(_)) {
            return vec![comment_item(&format!(
                "generic type `{}`: one Rust struct per instantiation, with its methods",
                s.name.name
            ))];
        }
        if !s.type_params.is_empty() && matches!(self.under(t), Type::Interface(_)) {
            // Generic code is instantiated per use, so an interface that constrains type
            // parameters needs no Rust item; a use of one of its instantiations as the type of
            // a value is reported where it occurs.
            return vec![comment_item(&format!(
                "Go generic interface `{}` (generic code is instantiated for each type argument)",
                s.name.name
            ))];
        }
        if !s.type_params.is_empty() && !s.alias {
            return vec![comment_item(&format!(
                "generic type `{}`: one Rust alias per instantiation, with its methods",
                s.name.name
            ))];
        }
        if !s.type_params.is_empty() {
            return vec![comment_item(&format!(
                "{} unsupported: generic type `{}`",
                crate::MARKER,
                s.name.name
            ))];
        }
        if self.is_trait_iface(t) {
            return self.trait_decl(t, attrs, vis);
        }
        if matches!(self.under(t), Type::Interface(i) if i.terms.is_some()) {
            // A constraint with a type set (`~int | ~float64`) only constrains type parameters;
            // generic code is instantiated per use, so it needs no Rust item.
            return vec![comment_item(&format!(
                "Go constraint `{}` (generic functions are instantiated for each type argument)",
                self.snippet(s.span)
            ))];
        }
        if self.is_empty_interface(t) {
            self.use_support("iface");
            self.use_support("fmt");
            return vec![parse_quote!(#(#attrs)* #vis type #name = crate::support::iface::Iface;)];
        }
        let u = self.prog.types.underlying(t);
        if !s.alias
            && !matches!(self.ty(u), Type::Struct(_) | Type::Interface(_))
            && mentions(self.prog, u, t, 0)
        {
            // A non-struct type whose definition refers to itself (`type F func() F`), declared
            // in a function: a stand-in like one at package level (a Rust alias cannot).
            self.stub_types.insert(t);
        }
        if self.stub_types.contains(&t) {
            let text = format!(
                "{} unsupported: type `{}`",
                crate::MARKER,
                self.snippet(s.span)
            );
            return vec![
                comment_item(&text),
                parse_quote!(
                    #[derive(Clone, Debug, Default, PartialEq)]
                    #vis struct #name {}
                ),
            ];
        }
        if s.alias {
            let Some(target) = self.rust_type(t) else {
                return vec![comment_item(&format!(
                    "{} unsupported: type alias `{}`",
                    crate::MARKER,
                    self.snippet(s.span)
                ))];
            };
            return vec![parse_quote!(#(#attrs)* #vis type #name = #target;)];
        }
        match self.under(t).clone() {
            Type::Struct(fields) => {
                let go_fields = match &s.ty.kind {
                    ExprKind::StructType(st) => Some(st),
                    _ => None,
                };
                match self.struct_items(&name, t, &fields, go_fields, attrs, vis) {
                    Some(items) => items,
                    None => vec![comment_item(&format!(
                        "{} unsupported: struct field type in `{}`",
                        crate::MARKER,
                        s.name.name
                    ))],
                }
            }
            Type::Basic(_)
            | Type::Slice(_)
            | Type::Map(..)
            | Type::Array(..)
            | Type::Func(_)
            | Type::Pointer(_)
            | Type::Chan(..)
                if !self.stub_types.contains(&t) =>
            {
                match self.rust_type(self.prog.types.underlying(t)) {
                    Some(target) => vec![parse_quote!(#(#attrs)* #vis type #name = #target;)],
                    None => vec![comment_item(&format!(
                        "{} unsupported: type `{}`",
                        crate::MARKER,
                        self.snippet(s.span)
                    ))],
                }
            }
            _ => {
                // A stand-in type keeps signatures that mention it compiling; every operation on
                // its values is reported unsupported where it occurs.
                let text = format!(
                    "{} unsupported: type `{}`",
                    crate::MARKER,
                    self.snippet(s.span)
                );
                vec![
                    comment_item(&text),
                    parse_quote!(
                        #[derive(Clone, Debug, Default, PartialEq)]
                        #vis struct #name {}
                    ),
                ]
            }
        }
    }

    /// A struct declaration with the derives that fit (and `Default` by hand when an array
    /// field is too long to derive it).
    pub fn struct_items(
        &mut self,
        name: &syn::Ident,
        t: TypeId,
        fields: &[goxide_types::types::Field],
        go_fields: Option<&StructType>,
        attrs: Vec<syn::Attribute>,
        vis: syn::Visibility,
    ) -> Option<Vec<syn::Item>> {
        let mut fs: Vec<syn::Field> = Vec::new();
        let mut all_default = true;
        let json = self.json_struct_attrs(t, fields);
        for (i, f) in fields.iter().enumerate() {
            let ty = match self.under(f.ty) {
                // A field owning its pointee (see `owned_fields`).
                Type::Pointer(p) if self.analysis.owned_fields.fields.contains(&f.obj) => {
                    let p = self.rust_type(*p)?;
                    parse_quote!(Option<Box<#p>>)
                }
                _ => self.rust_type(f.ty)?,
            };
            match self.under(f.ty) {
                Type::Array(n, _) if *n > 32 => all_default = false,
                Type::Func(_) => all_default = false,
                _ => {}
            }
            let fname = names::ident(&self.field_name_at(f, i));
            let doc = go_fields.and_then(|st| field_doc(st, i));
            let mut fattrs = doc_attrs(&doc);
            if let Some((_, _, per_field)) = &json {
                fattrs.extend(per_field[i].iter().cloned());
            }
            let fvis: syn::Visibility =
                if f.name.starts_with(|c: char| c.is_uppercase()) && !self.is_main_pkg() {
                    parse_quote!(pub)
                } else {
                    syn::Visibility::Inherited
                };
            fs.push(parse_quote!(#(#fattrs)* #fvis #fname: #ty));
        }
        let mut derives: Vec<syn::Path> = vec![parse_quote!(Clone)];
        if self.is_debuggable(t) {
            derives.push(parse_quote!(Debug));
        }
        if all_default {
            derives.push(parse_quote!(Default));
        }
        if self.is_copy(t) {
            derives.push(parse_quote!(Copy));
        }
        if self.is_comparable(t) {
            derives.push(parse_quote!(PartialEq));
            if self.is_hashable(t) {
                // Usable as a map key, as Go's comparable structs are.
                derives.push(parse_quote!(Eq));
                derives.push(parse_quote!(Hash));
                if self.key_structs.contains(&t) {
                    // A map key: printing sorts the keys field by field, as Go's fmt does.
                    derives.push(parse_quote!(PartialOrd));
                    derives.push(parse_quote!(Ord));
                }
            }
        }
        let mut helper_attrs: Vec<syn::Attribute> = Vec::new();
        if let Some((serde_derives, container, _)) = json {
            derives.extend(serde_derives);
            helper_attrs = container;
        }
        let mut items: Vec<syn::Item> = vec![parse_quote!(
            #(#attrs)*
            #[derive(#(#derives),*)]
            #(#helper_attrs)*
            #vis struct #name {
                #(#fs),*
            }
        )];
        if !all_default {
            let mut inits = Vec::new();
            for (i, f) in fields.iter().enumerate() {
                let fname = names::ident(&self.field_name_at(f, i));
                let z = self
                    .zero_value(f.ty)
                    .unwrap_or_else(|| parse_quote!(todo!()));
                inits.push(quote::quote!(#fname: #z));
            }
            items.push(parse_quote!(
                impl Default for #name {
                    fn default() -> Self {
                        #name { #(#inits),* }
                    }
                }
            ));
        }
        Some(items)
    }

    /// `impl support::fmt::Format for T` so that fmt prints the struct as Go does.
    pub fn format_impl(&mut self, obj: ObjId) -> Option<syn::Item> {
        let t = self.obj(obj).ty;
        let name = self.type_name(obj);
        self.format_impl_for(&name, t)
    }

    /// `impl support::fmt::ValuePointee for T` for a frozen type `T` whose pointers are held in
    /// interface values (see `frozen`): its `Option<T>` prints as Go prints a `*T`.
    pub fn frozen_ptr_format_impl(&mut self, obj: ObjId) -> Option<syn::Item> {
        let t = self.obj(obj).ty;
        if !self.analysis.frozen_in_iface.contains(&t) || !self.is_formattable(t) {
            return None;
        }
        let name = self.type_name(obj);
        Some(parse_quote!(impl crate::support::fmt::ValuePointee for #name {}))
    }

    pub fn format_impl_for(&mut self, name: &syn::Ident, t: TypeId) -> Option<syn::Item> {
        let Type::Struct(fields) = self.under(t).clone() else {
            return None;
        };
        if !self.is_formattable(t) {
            // A closure or trait object inside has no Go formatting here.
            return None;
        }
        let go_name = self.go_type_string(t);
        let mut entries = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            let fname = names::ident(&self.field_name_at(f, i));
            let gname = &f.name;
            // A field of a named number type with a String method prints its text, as in Go.
            match self.with_stringer(parse_quote!(self.#fname), f.ty) {
                Some(w) => entries.push(quote::quote!((#gname, &#w))),
                None => entries.push(quote::quote!((#gname, &self.#fname))),
            }
        }
        let stringer = self.stringer_method(t).map(|m| {
            let m = names::value_ident(&m);
            quote::quote!(
                fn method_string(&self) -> Option<String> {
                    Some(self.#m())
                }
            )
        });
        // A pointer-receiver `Error`/`String` that only reads: fmt calls it on a pointer.
        let ptr_stringer = self.ptr_stringer_method(t).map(|m| {
            let m = names::value_ident(&m);
            quote::quote!(
                fn ptr_method_string(&self) -> Option<String> {
                    Some(self.#m())
                }
            )
        });
        // Its `String` method, which makes it (or its pointer) a `fmt.Stringer`.
        let string_method = self
            .string_methods(t)
            .into_iter()
            .filter(|_| self.uses_stringer)
            .find(|(name, _, _)| *name == "String")
            .and_then(|(_, m, ptr)| {
                let id = names::value_ident("String");
                match ptr {
                    false => Some(quote::quote!(
                        fn string_method(&self) -> Option<String> {
                            Some(self.#id())
                        }
                    )),
                    true if self.readonly_ptr_methods.contains(&m) => Some(quote::quote!(
                        fn ptr_string_method(&self) -> Option<String> {
                            Some(self.#id())
                        }
                    )),
                    true => None,
                }
            });
        Some(parse_quote!(
            impl crate::support::fmt::Format for #name {
                fn fmt(&self, f: &mut crate::support::fmt::Formatter<'_>, _verb: char) {
                    f.write_struct(#go_name, &[#(#entries),*]);
                }
                fn type_name(&self) -> String {
                    String::from(#go_name)
                }
                fn go_type() -> String {
                    String::from(#go_name)
                }
                fn kind(&self) -> crate::support::fmt::Kind {
                    crate::support::fmt::Kind::Struct
                }
                #stringer
                #ptr_stringer
                #string_method
            }
        ))
    }

    /// The `Error() string` or `String() string` value-receiver method of a named type, which
    /// fmt prints instead of the value.
    pub fn stringer_method(&self, t: TypeId) -> Option<String> {
        self.string_methods(t)
            .into_iter()
            .find(|(_, _, ptr)| !ptr)
            .map(|(name, _, _)| name.to_string())
    }

    /// The method fmt calls on a pointer to a value of named type `t` when one of `Error() string`
    /// and `String() string` (in that order) has a pointer receiver and never writes through
    /// it (so that it takes `&self`); `None` otherwise.
    pub fn ptr_stringer_method(&self, t: TypeId) -> Option<String> {
        // The first of the two the pointer has decides.
        let (name, m, ptr) = self.string_methods(t).into_iter().next()?;
        (ptr && self.readonly_ptr_methods.contains(&m)).then(|| name.to_string())
    }

    /// The `Error() string` and `String() string` methods of named type `t`, in that order, with
    /// whether each has a pointer receiver.
    fn string_methods(&self, t: TypeId) -> Vec<(&'static str, ObjId, bool)> {
        let Type::Named(n) = self.ty(t) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for name in ["Error", "String"] {
            for &m in &n.methods {
                let o = self.obj(m);
                let ObjKind::Func { recv: Some(r) } = &o.kind else {
                    continue;
                };
                let Type::Func(sig) = self.ty(o.ty) else {
                    continue;
                };
                if o.name == name
                    && sig.params.is_empty()
                    && sig.results.len() == 1
                    && self.is_string(sig.results[0])
                {
                    out.push((name, m, matches!(self.ty(*r), Type::Pointer(_))));
                }
            }
        }
        out
    }

    /// A function literal as a Rust closure (with the clones its captures need), or `None`
    /// when its signature cannot be expressed.
    pub fn closure(&mut self, e: &Expr) -> Option<syn::Expr> {
        let ExprKind::FuncLit { sig, body } = &e.kind else {
            return None;
        };
        let t = self.type_of(e)?;
        let Type::Func(fsig) = self.under(t).clone() else {
            return None;
        };
        let saved = std::mem::replace(
            &mut self.func,
            FnState {
                results: fsig.results.clone(),
                ..FnState::default()
            },
        );
        let saved_scopes = std::mem::take(&mut self.rust_scopes);
        // Captured variables given as parameters (see `local_closures`): `v: &mut T`, used as
        // `(*v)`.
        let threads = self
            .analysis
            .lit_threads
            .get(&e.id)
            .cloned()
            .unwrap_or_default();
        let saved_deref = std::mem::replace(
            &mut self.deref_vars,
            threads.iter().map(|(v, _)| *v).collect(),
        );
        let res = (|| {
            let (mut params, prelude) = self.params(sig, &fsig.params)?;
            for &(v, changes) in &threads {
                let id = self.var_name(v);
                let ty = self.rust_type(self.obj(v).ty)?;
                params.push(if changes {
                    parse_quote!(#id: &mut #ty)
                } else {
                    parse_quote!(#id: &#ty)
                });
            }
            let ret = self.results_type(&fsig.results, 0)?;
            let mut stmts = prelude;
            stmts.extend(self.function_body(sig, &fsig.results, body));
            let ret = match ret {
                syn::ReturnType::Default => quote::quote!(),
                r => quote::quote!(#r),
            };
            if self.analysis.local_closures.contains_key(&e.id) {
                // Called only where nothing else uses what it captures: it borrows them.
                return Some(parse_quote!(|#(#params),*| #ret { #(#stmts)* }));
            }
            let mut captures: Vec<syn::Stmt> = Vec::new();
            for obj in self
                .analysis
                .free_vars
                .get(&e.id)
                .cloned()
                .unwrap_or_default()
            {
                let copy = self.is_copy(self.obj(obj).ty) && !self.analysis.boxed.contains(&obj);
                if !copy {
                    let id = self.var_name(obj);
                    captures.push(parse_quote!(let #id = #id.clone();));
                }
            }
            let closure: syn::Expr = parse_quote!(move |#(#params),*| #ret { #(#stmts)* });
            Some(if captures.is_empty() {
                closure
            } else {
                parse_quote!({
                    #(#captures)*
                    #closure
                })
            })
        })();
        self.func = saved;
        self.rust_scopes = saved_scopes;
        self.deref_vars = saved_deref;
        res
    }
}

/// Whether a struct field of this type has a Rust form (named types of the package always
/// do: at worst as a stand-in).
fn field_translatable(
    prog: &goxide_types::Program,
    pkg: goxide_types::PkgId,
    t: goxide_types::TypeId,
    depth: u32,
) -> bool {
    if depth > 12 {
        return false;
    }
    let d = depth + 1;
    if crate::stdlib::std_handle(prog, t) == Some(("regexp", "Regexp")) {
        return true;
    }
    match prog.types.get(t) {
        Type::Basic(k) => !matches!(
            k,
            goxide_types::BasicKind::Invalid | goxide_types::BasicKind::UntypedNil
        ),
        Type::Named(n) => {
            let o = prog.obj(n.obj);
            if !n.type_args.is_empty() {
                return false;
            }
            match o.pkg {
                None => o.name == "error" || o.name == "any",
                Some(p) if p == pkg => true,
                Some(p) => {
                    let path = prog.pkg(p).path.as_str();
                    path == "strings" && o.name == "Builder"
                        || path == "bytes" && o.name == "Buffer"
                        || path == "sync"
                            && matches!(o.name.as_str(), "WaitGroup" | "Mutex" | "RWMutex" | "Once")
                        || path == "time" && crate::stdlib::is_mapped_time_type(&o.name)
                        || path == "container/list" && matches!(o.name.as_str(), "List" | "Element")
                        || path == "container/ring" && o.name == "Ring"
                        || path == "net/url" && o.name == "Values"
                }
            }
        }
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
            field_translatable(prog, pkg, *e, d)
        }
        Type::Map(k, v) => {
            !matches!(prog.types.under(*k), Type::Basic(b) if b.is_float() || b.is_complex())
                && field_translatable(prog, pkg, *k, d)
                && field_translatable(prog, pkg, *v, d)
        }
        Type::Func(sig) => {
            !sig.variadic
                && sig
                    .params
                    .iter()
                    .chain(&sig.results)
                    .all(|&p| field_translatable(prog, pkg, p, d))
        }
        Type::Interface(i) => {
            i.all_methods.is_empty()
                && i.methods.is_empty()
                && i.embeds.is_empty()
                && i.terms.is_none()
        }
        Type::Struct(fs) => fs.iter().all(|f| field_translatable(prog, pkg, f.ty, d)),
        _ => false,
    }
}

/// Whether a type mentions a type parameter (so it is not a concrete instantiation).
pub fn mentions_type_param(
    prog: &goxide_types::Program,
    t: goxide_types::TypeId,
    depth: u32,
) -> bool {
    if depth > 12 {
        return true;
    }
    let d = depth + 1;
    match prog.types.get(t) {
        Type::TypeParam { .. } => true,
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
            mentions_type_param(prog, *e, d)
        }
        Type::Map(k, v) => mentions_type_param(prog, *k, d) || mentions_type_param(prog, *v, d),
        Type::Func(sig) => sig
            .params
            .iter()
            .chain(&sig.results)
            .any(|&p| mentions_type_param(prog, p, d)),
        Type::Tuple(ts) => ts.iter().any(|&p| mentions_type_param(prog, p, d)),
        Type::Struct(fs) => fs.iter().any(|f| mentions_type_param(prog, f.ty, d)),
        Type::Named(n) => n.type_args.iter().any(|&a| mentions_type_param(prog, a, d)),
        _ => false,
    }
}

/// Whether a type mentions a named type declared inside a function (not visible where a
/// generic instantiation is emitted).
pub fn mentions_local_type(
    prog: &goxide_types::Program,
    t: goxide_types::TypeId,
    depth: u32,
) -> bool {
    if depth > 12 {
        return true;
    }
    let d = depth + 1;
    match prog.types.get(t) {
        Type::Named(n) => {
            let o = prog.obj(n.obj);
            let local = o
                .pkg
                .is_some_and(|p| prog.pkg(p).scope.get(&o.name) != Some(&n.obj));
            local || n.type_args.iter().any(|&a| mentions_local_type(prog, a, d))
        }
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
            mentions_local_type(prog, *e, d)
        }
        Type::Map(k, v) => mentions_local_type(prog, *k, d) || mentions_local_type(prog, *v, d),
        Type::Func(sig) => sig
            .params
            .iter()
            .chain(&sig.results)
            .any(|&p| mentions_local_type(prog, p, d)),
        Type::Struct(fs) => fs.iter().any(|f| mentions_local_type(prog, f.ty, d)),
        _ => false,
    }
}

/// Whether type `t` refers to `target` (through element, field, parameter types).
fn mentions(
    prog: &goxide_types::Program,
    t: goxide_types::TypeId,
    target: goxide_types::TypeId,
    depth: u32,
) -> bool {
    if t == target {
        return true;
    }
    if depth > 12 {
        return false;
    }
    let d = depth + 1;
    match prog.types.get(t) {
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
            mentions(prog, *e, target, d)
        }
        Type::Map(k, v) => mentions(prog, *k, target, d) || mentions(prog, *v, target, d),
        Type::Func(sig) => sig
            .params
            .iter()
            .chain(&sig.results)
            .any(|&p| mentions(prog, p, target, d)),
        Type::Tuple(ts) => ts.iter().any(|&p| mentions(prog, p, target, d)),
        Type::Struct(fs) => fs.iter().any(|f| mentions(prog, f.ty, target, d)),
        _ => false,
    }
}

/// Whether type `t` mentions a named type declared by `obj` (an instantiation of it, for a
/// generic type), outside other named types' definitions.
pub fn mentions_named(
    prog: &goxide_types::Program,
    t: goxide_types::TypeId,
    obj: ObjId,
    depth: u32,
) -> bool {
    if depth > 12 {
        return false;
    }
    let d = depth + 1;
    match prog.types.get(t) {
        Type::Named(n) => {
            n.obj == obj || n.type_args.iter().any(|&a| mentions_named(prog, a, obj, d))
        }
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
            mentions_named(prog, *e, obj, d)
        }
        Type::Map(k, v) => mentions_named(prog, *k, obj, d) || mentions_named(prog, *v, obj, d),
        Type::Func(sig) => sig
            .params
            .iter()
            .chain(&sig.results)
            .any(|&p| mentions_named(prog, p, obj, d)),
        Type::Tuple(ts) => ts.iter().any(|&p| mentions_named(prog, p, obj, d)),
        Type::Struct(fs) => fs.iter().any(|f| mentions_named(prog, f.ty, obj, d)),
        _ => false,
    }
}

/// Whether a function body has a `defer` statement of its own (not in a nested closure).
/// Whether `b` has a bare `return` (outside function literals).
fn has_bare_return(b: &Block) -> bool {
    has_stmt(
        b,
        |s| matches!(&s.kind, StmtKind::Return(v) if v.is_empty()),
    )
}

/// Whether `b` has a `defer` (outside function literals).
pub(crate) fn has_defer(b: &Block) -> bool {
    has_stmt(b, |s| matches!(s.kind, StmtKind::Defer(_)))
}

/// Whether a statement of `b`, outside function literals, is one `pred` accepts.
fn has_stmt(b: &Block, pred: impl Fn(&Stmt) -> bool) -> bool {
    struct Finder<P>(bool, P);
    impl<P: Fn(&Stmt) -> bool> goxide_ast::visit::Visitor for Finder<P> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if (self.1)(s) {
                self.0 = true;
            }
            !self.0
        }
        fn expr(&mut self, e: &Expr) -> bool {
            !matches!(e.kind, ExprKind::FuncLit { .. })
        }
    }
    let mut f = Finder(false, pred);
    goxide_ast::visit::walk_block(&mut f, b);
    f.0
}

/// Whether a function body or a closure in it has a `defer` statement.
pub(crate) fn defers_anywhere(b: &Block) -> bool {
    struct Finder(bool);
    impl goxide_ast::visit::Visitor for Finder {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if matches!(s.kind, StmtKind::Defer(_)) {
                self.0 = true;
            }
            !self.0
        }
    }
    let mut f = Finder(false);
    goxide_ast::visit::walk_block(&mut f, b);
    f.0
}

/// Struct types used as map keys, and the struct types of their fields and elements: they
/// derive `Ord` so that maps print with Go's sorted keys.
fn key_structs(prog: &goxide_types::Program) -> HashSet<goxide_types::TypeId> {
    let mut out = HashSet::new();
    let mut todo: Vec<goxide_types::TypeId> = (0..prog.types.len() as u32)
        .filter_map(|i| match prog.types.get(goxide_types::TypeId(i)) {
            Type::Map(k, _) => Some(*k),
            _ => None,
        })
        .collect();
    while let Some(t) = todo.pop() {
        match prog.types.get(t) {
            Type::Named(_) if matches!(prog.types.under(t), Type::Struct(_)) && out.insert(t) => {
                todo.push(prog.types.underlying(t));
            }
            Type::Struct(fs) => todo.extend(fs.iter().map(|f| f.ty)),
            Type::Array(_, e) => todo.push(*e),
            _ => {}
        }
    }
    out
}

/// Whether an expression calls a function (so evaluating it may have effects).
pub(crate) fn contains_call(e: &Expr) -> bool {
    struct Finder(bool);
    impl goxide_ast::visit::Visitor for Finder {
        fn expr(&mut self, e: &Expr) -> bool {
            if matches!(e.kind, ExprKind::Call { .. }) {
                self.0 = true;
            }
            !self.0 && !matches!(e.kind, ExprKind::FuncLit { .. })
        }
    }
    let mut f = Finder(false);
    goxide_ast::visit::walk_expr(&mut f, e);
    f.0
}

/// A trait method signature: parameters without `mut`.
fn without_patterns(mut sig: syn::Signature) -> syn::Signature {
    for input in sig.inputs.iter_mut() {
        match input {
            syn::FnArg::Typed(pt) => {
                if let syn::Pat::Ident(pi) = &mut *pt.pat {
                    pi.mutability = None;
                }
            }
            syn::FnArg::Receiver(r) => {
                if quote::ToTokens::to_token_stream(&*r).to_string() == "mut self" {
                    *r = parse_quote!(self);
                }
            }
        }
    }
    sig
}

fn r_name_id(r: &Receiver) -> NodeId {
    r.name.as_ref().map(|n| n.id).unwrap_or_default()
}

fn field_doc(st: &StructType, index: usize) -> Option<String> {
    let mut i = 0;
    for f in &st.fields {
        let n = f.names.len().max(1);
        if index < i + n {
            return f.doc.clone();
        }
        i += n;
    }
    None
}

fn describe(v: &ConstValue) -> String {
    match v {
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Bool(b) => b.to_string(),
        ConstValue::String(s) => format!("{:?}", String::from_utf8_lossy(s)),
        ConstValue::Float(f) => format!("{f}"),
        _ => "…".into(),
    }
}

#[allow(dead_code)]
fn unused(_: &str) -> String {
    comment_text("")
}

/// Named slice types of the package that implement `sort.Interface` over their elements:
/// value-receiver `Len` returning `len` of the receiver, `Swap` exchanging two elements
/// (`a[i], a[j] = a[j], a[i]`), and a `Less` that does not modify its receiver. `sort.Sort`
/// of such a value sorts the elements with the type's `Less`.
fn sort_slice_types(
    prog: &goxide_types::Program,
    info: &goxide_types::Info,
    files: &[&File],
    by_value_methods: &HashSet<ObjId>,
) -> HashSet<TypeId> {
    let mut found: HashMap<TypeId, [bool; 3]> = HashMap::new();
    let is_ident = |e: &Expr, name: &str| matches!(&e.kind, ExprKind::Ident(n) if n == name);
    let is_index = |e: &Expr, r: &str, i: &str| match &e.kind {
        ExprKind::Index { x, indices } => {
            is_ident(x, r) && matches!(indices.as_slice(), [k] if is_ident(k, i))
        }
        _ => false,
    };
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(r), Some(body)) = (&fd.recv, &fd.body) else {
                continue;
            };
            let Some(&m) = info.defs.get(&fd.name.id) else {
                continue;
            };
            let ObjKind::Func { recv: Some(rt) } = &prog.obj(m).kind else {
                continue;
            };
            if !matches!(prog.types.get(*rt), Type::Named(_))
                || !matches!(prog.types.under(*rt), Type::Slice(_))
            {
                continue;
            }
            let recv = r.name.as_ref().map_or("", |n| n.name.as_str());
            let params: Vec<&str> = fd
                .sig
                .params
                .iter()
                .flat_map(|g| g.names.iter().map(|n| n.name.as_str()))
                .collect();
            let slot = match fd.name.name.as_str() {
                "Len" => match body.stmts.as_slice() {
                    [Stmt {
                        kind: StmtKind::Return(rs),
                        ..
                    }] => match rs.as_slice() {
                        [Expr {
                            kind: ExprKind::Call { func, args, .. },
                            ..
                        }] => (is_ident(func, "len")
                            && info.uses.get(&func.id).is_some_and(|&o| {
                                matches!(prog.obj(o).kind, ObjKind::Builtin(_))
                            })
                            && matches!(args.as_slice(), [x] if is_ident(x, recv)))
                        .then_some(0),
                        _ => None,
                    },
                    _ => None,
                },
                "Swap" => match (body.stmts.as_slice(), params.as_slice()) {
                    (
                        [Stmt {
                            kind:
                                StmtKind::Assign {
                                    lhs,
                                    op: AssignOp::Assign,
                                    rhs,
                                },
                            ..
                        }],
                        [i, j],
                    ) => (matches!(lhs.as_slice(), [a, b] if is_index(a, recv, i) && is_index(b, recv, j))
                        && matches!(rhs.as_slice(), [a, b] if is_index(a, recv, j) && is_index(b, recv, i)))
                    .then_some(1),
                    _ => None,
                },
                "Less" if !by_value_methods.contains(&m) && params.len() == 2 => Some(2),
                _ => None,
            };
            if let Some(k) = slot {
                found.entry(*rt).or_default()[k] = true;
            }
        }
    }
    found
        .into_iter()
        .filter(|(_, v)| v.iter().all(|&b| b))
        .map(|(t, _)| t)
        .collect()
}

/// How a body writes through struct variable `recv` (see [`field_element_writes`]).
pub(crate) struct FieldElementWrites<'a> {
    prog: &'a goxide_types::Program,
    info: &'a goxide_types::Info,
    recv: ObjId,
    /// A write into the elements of a map or slice field.
    pub map_write: bool,
    /// Of those writes, one to a slice field's elements.
    pub slice_write: bool,
    /// Any other write through the variable.
    pub other_write: bool,
}

impl FieldElementWrites<'_> {
    fn rooted(&self, e: &Expr) -> bool {
        crate::stmt::root_obj(self.info, e) == Some(self.recv)
    }
    /// `recv.f.g` of map (or slice) type: field selections down from the receiver.
    fn map_place(&self, e: &Expr) -> bool {
        let is_map = self
            .info
            .type_of(e.id)
            .is_some_and(|t| matches!(self.prog.types.under(t), Type::Map(..) | Type::Slice(_)));
        fn fields(e: &Expr) -> bool {
            match &e.kind {
                ExprKind::Ident(_) => true,
                ExprKind::Paren(x) | ExprKind::Selector { x, .. } => fields(x),
                _ => false,
            }
        }
        is_map
            && matches!(
                crate::builtins::strip_parens(e).kind,
                ExprKind::Selector { .. }
            )
            && fields(e)
            && self.rooted(e)
    }
    fn target(&mut self, t: &Expr) {
        if !self.rooted(t) {
            return;
        }
        // (`recv.f[i].g = v` writes an element of slice field `f` too.)
        let mut t = crate::builtins::strip_parens(t);
        loop {
            match &t.kind {
                ExprKind::Index { x, .. } if self.map_place(x) => {
                    let slice = self
                        .info
                        .type_of(x.id)
                        .is_some_and(|xt| matches!(self.prog.types.under(xt), Type::Slice(_)));
                    self.map_write = true;
                    self.slice_write |= slice;
                    return;
                }
                ExprKind::Selector { x, .. } => t = crate::builtins::strip_parens(x),
                ExprKind::Index { x, .. }
                    if self
                        .info
                        .type_of(x.id)
                        .is_some_and(|xt| matches!(self.prog.types.under(xt), Type::Array(..))) =>
                {
                    t = crate::builtins::strip_parens(x)
                }
                _ => break,
            }
        }
        self.other_write = true;
    }
}
impl goxide_ast::visit::Visitor for FieldElementWrites<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign { lhs, op, .. } if *op != AssignOp::Define => {
                lhs.iter().for_each(|t| self.target(t))
            }
            StmtKind::IncDec { x, .. } => self.target(x),
            StmtKind::Range {
                key,
                value,
                define: false,
                ..
            } => key.iter().chain(value).for_each(|t| self.target(t)),
            _ => {}
        }
        !self.other_write
    }
    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Call { func, args, .. } => {
                if let ExprKind::Selector { x, .. } = &func.kind {
                    // A pointer method called on the receiver (or a part) writes the copy.
                    let ptr_method = self.info.selections.get(&func.id).is_some_and(|sel| {
                        matches!(&self.prog.obj(sel.obj).kind,
                            ObjKind::Func { recv: Some(r) }
                                if matches!(self.prog.types.get(*r), Type::Pointer(_)))
                    });
                    if self.rooted(x) && ptr_method {
                        self.other_write = true;
                    }
                }
                let builtin = match &func.kind {
                    ExprKind::Ident(n) => self
                        .info
                        .uses
                        .get(&func.id)
                        .is_none_or(|&o| matches!(self.prog.obj(o).kind, ObjKind::Builtin(_)))
                        .then_some(n.as_str()),
                    _ => None,
                };
                if let Some(a) = args.first().filter(|a| self.rooted(a)) {
                    match builtin {
                        Some("delete" | "clear") if self.map_place(a) => self.map_write = true,
                        Some("delete" | "clear" | "copy") => self.other_write = true,
                        _ => {}
                    }
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } if self.rooted(x) => self.other_write = true,
            // A closure may write the receiver in ways this walk does not follow.
            ExprKind::FuncLit { .. } => self.other_write = true,
            _ => {}
        }
        !self.other_write
    }
}

/// How `body` writes through struct variable `recv`: into the elements of its map and slice
/// fields (`recv.m[k] = v`, `recv.xs[i].n++`, `delete(recv.m, k)`), and otherwise (a field
/// assigned, `&recv…`, a pointer method called, a closure).
pub(crate) fn field_element_writes<'a>(
    prog: &'a goxide_types::Program,
    info: &'a goxide_types::Info,
    body: &Block,
    recv: ObjId,
) -> FieldElementWrites<'a> {
    let mut w = FieldElementWrites {
        prog,
        info,
        recv,
        map_write: false,
        slice_write: false,
        other_write: false,
    };
    goxide_ast::visit::walk_block(&mut w, body);
    w
}

/// Value-receiver methods of struct types that write to their receiver only through its map
/// and slice fields (`s.m[k] = v`, `s.m[k]++`, `delete(s.m, k)`, `clear(s.m)`, `s.xs[i] = v`,
/// `s.xs[i].n++`). In Go the receiver copy names the caller's map and shares the caller's
/// elements, so such a method takes `&mut self` and is called on the original.
/// Types that implement one of the program's interfaces are left out (trait methods take
/// `&self`).
fn map_write_methods(
    prog: &goxide_types::Program,
    info: &goxide_types::Info,
    files: &[&File],
    ifaces: &HashSet<TypeId>,
) -> HashSet<ObjId> {
    let iface_names = crate::method_slices::iface_method_names(prog, info);
    let mut out = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(r), Some(body)) = (&fd.recv, &fd.body) else {
                continue;
            };
            if matches!(r.ty.kind, ExprKind::Star(_)) {
                continue;
            }
            let (Some(&ro), Some(&m)) = (
                r.name.as_ref().and_then(|n| info.defs.get(&n.id)),
                info.defs.get(&fd.name.id),
            ) else {
                continue;
            };
            let Some(rt) = info.type_of(r.ty.id) else {
                continue;
            };
            if !matches!(prog.types.under(rt), Type::Struct(_)) {
                continue;
            }
            let ptr = prog.types.intern_lookup_pointer(rt);
            if ifaces
                .iter()
                .any(|&i| prog.implements(rt, i) || ptr.is_some_and(|p| prog.implements(p, i)))
            {
                continue;
            }
            let w = field_element_writes(prog, info, body, ro);
            // (A method that writes slice elements must not be an interface's, generic ones
            // included, whose trait method takes `&self`.)
            let iface_method = || iface_names.contains(&fd.name.name);
            if w.map_write && !w.other_write && !(w.slice_write && iface_method()) {
                out.insert(m);
            }
        }
    }
    out
}

/// Whether a method body may write through its pointer receiver `recv`: an assignment to a
/// place rooted at it, a pointer method called on it or on a part of it, its address or a
/// part's address taken, or the pointer itself passed on or stored.
pub(crate) fn writes_through(info: &goxide_types::Info, body: &Block, recv: ObjId) -> bool {
    writes_through_but(info, body, recv, &HashSet::new())
}

/// [`writes_through`], where the copies `q := recv` at the identifiers `lent` do not escape
/// (each `q` borrows from `recv`, and its own writes are accounted for separately).
pub(crate) fn writes_through_but(
    info: &goxide_types::Info,
    body: &Block,
    recv: ObjId,
    lent: &HashSet<NodeId>,
) -> bool {
    let none = crate::owned_fields::OwnedFields::default();
    writes_through_calling(info, body, recv, lent, &|_| false, &none)
}

/// [`writes_through_but`], where calling a method that `reads_only` accepts on the receiver
/// or a part of it (`p.Len()`) does not write.
///
/// A field of the receiver that owns its pointee (see `owned_fields`) passed to a call
/// (`process(s.store)`) is lent from the receiver: that writes it too, unless the parameter
/// surely only reads.
pub(crate) fn writes_through_calling(
    info: &goxide_types::Info,
    body: &Block,
    recv: ObjId,
    lent: &HashSet<NodeId>,
    reads_only: &dyn Fn(ObjId) -> bool,
    boxed: &crate::owned_fields::OwnedFields,
) -> bool {
    struct W<'a> {
        info: &'a goxide_types::Info,
        recv: ObjId,
        found: bool,
        reads_only: &'a dyn Fn(ObjId) -> bool,
        /// `&s.f…` of pointers only read through (see [`read_only_views`]).
        views: &'a HashSet<NodeId>,
        boxed: &'a crate::owned_fields::OwnedFields,
    }
    impl W<'_> {
        fn rooted(&self, e: &Expr) -> bool {
            crate::stmt::root_ident(e)
                .and_then(|r| self.info.uses.get(&r.id))
                .is_some_and(|&o| o == self.recv)
        }
    }
    impl goxide_ast::visit::Visitor for W<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            let targets: Vec<&Expr> = match &s.kind {
                StmtKind::Assign { lhs, op, .. } if *op != AssignOp::Define => lhs.iter().collect(),
                StmtKind::IncDec { x, .. } => vec![x],
                StmtKind::Range {
                    key,
                    value,
                    define: false,
                    ..
                } => key.iter().chain(value).collect(),
                _ => vec![],
            };
            if targets.iter().any(|t| self.rooted(t)) {
                self.found = true;
            }
            !self.found
        }
        fn expr(&mut self, e: &Expr) -> bool {
            match &e.kind {
                ExprKind::Call { func, args, .. } => {
                    if let ExprKind::Selector { x, .. } = &func.kind {
                        // Any method called on the receiver or a part of it may write,
                        // unless it only reads.
                        let reads = self.info.selections.get(&func.id).is_some_and(|s| {
                            s.kind == goxide_types::SelectionKind::MethodVal
                                && s.path.is_empty()
                                && (self.reads_only)(s.obj)
                        });
                        if self.rooted(x) && self.info.selections.contains_key(&func.id) && !reads {
                            self.found = true;
                        }
                    }
                    // `delete(s.m, k)` and `copy(s.buf, …)` write to the receiver's map or
                    // slice (a function of that name shadowing the builtin is treated alike).
                    if matches!(&func.kind, ExprKind::Ident(n) if n == "delete" || n == "copy")
                        && args.first().is_some_and(|a| self.rooted(a))
                    {
                        self.found = true;
                    }
                    // The receiver pointer (or a part of it) passed on (`len(p)` only reads).
                    let reads =
                        matches!(&func.kind, ExprKind::Ident(n) if n == "len" || n == "cap");
                    if !reads
                        && args.iter().any(|a| {
                            let a = crate::builtins::strip_parens(a);
                            let lent_box = self.boxed.lends_writing(self.info, a);
                            (matches!(a.kind, ExprKind::Ident(_)) || lent_box) && self.rooted(a)
                        })
                    {
                        self.found = true;
                    }
                }
                ExprKind::Unary {
                    op: UnaryOp::Addr,
                    x,
                } if self.rooted(x) && !self.views.contains(&e.id) => self.found = true,
                ExprKind::FuncLit { .. } if crate::subslice::mentions(self.info, e, self.recv) => {
                    // A closure naming the receiver may keep it: be conservative.
                    self.found = true;
                }
                _ => {}
            }
            !self.found
        }
    }
    let views = read_only_views(info, body, recv);
    let mut w = W {
        info,
        recv,
        found: false,
        reads_only,
        views: &views,
        boxed,
    };
    goxide_ast::visit::walk_block(&mut w, body);
    // The receiver stored or returned (`return p`, `x = p`, `s = append(s, p)`) escapes too.
    struct Escapes<'a> {
        info: &'a goxide_types::Info,
        recv: ObjId,
        lent: &'a HashSet<NodeId>,
        found: bool,
    }
    impl goxide_ast::visit::Visitor for Escapes<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            let values: Vec<&Expr> = match &s.kind {
                // (`_ = p` drops the copy.)
                StmtKind::Assign { lhs, .. }
                    if lhs
                        .iter()
                        .all(|l| matches!(&l.kind, ExprKind::Ident(n) if n == "_")) =>
                {
                    vec![]
                }
                StmtKind::Assign { rhs, .. } => rhs.iter().collect(),
                StmtKind::Return(vs) => vs.iter().collect(),
                StmtKind::Send { value, .. } => vec![value],
                _ => vec![],
            };
            if values.iter().any(|v| {
                matches!(&crate::builtins::strip_parens(v).kind, ExprKind::Ident(_))
                    && !self.lent.contains(&crate::builtins::strip_parens(v).id)
                    && self
                        .info
                        .uses
                        .get(&crate::builtins::strip_parens(v).id)
                        .is_some_and(|&o| o == self.recv)
            }) {
                self.found = true;
            }
            !self.found
        }
    }
    let mut esc = Escapes {
        info,
        recv,
        lent,
        found: false,
    };
    goxide_ast::visit::walk_block(&mut esc, body);
    w.found || esc.found
}

/// Methods of one type whose Go names differ only in case (`Remove` and `remove`, common when
/// an exported method wraps an unexported one) would get one Rust name: all but one get a
/// trailing `_` (`remove_`). The one keeping the plain name is a method some interface of the
/// package names (its trait fixes the name), else an exported one, else the first declared.
fn method_renames(info: &goxide_types::Info, files: &[&File]) -> HashMap<ObjId, String> {
    let ifaces = crate::ptr_params::written_interface_method_names(files);
    // Methods by receiver type name, in source order.
    let mut by_type: std::collections::BTreeMap<String, Vec<(ObjId, &str)>> = Default::default();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(r) = &fd.recv else {
                continue;
            };
            let mut t = &r.ty;
            loop {
                match &t.kind {
                    ExprKind::Star(x) | ExprKind::Paren(x) => t = x,
                    ExprKind::Index { x, .. } => t = x,
                    _ => break,
                }
            }
            let (ExprKind::Ident(tname), Some(&o)) = (&t.kind, info.defs.get(&fd.name.id)) else {
                continue;
            };
            if !fd.name.is_blank() {
                by_type
                    .entry(tname.clone())
                    .or_default()
                    .push((o, fd.name.name.as_str()));
            }
        }
    }
    let mut out = HashMap::new();
    for methods in by_type.values() {
        let mut order: Vec<(usize, &(ObjId, &str))> = methods.iter().enumerate().collect();
        order.sort_by_key(|(i, (_, n))| {
            let exported = n.starts_with(|c: char| c.is_uppercase());
            (!ifaces.contains(*n), !exported, *i)
        });
        let mut taken: HashSet<String> = HashSet::new();
        for (_, (o, n)) in order {
            let plain = names::snake(n);
            let mut name = plain.clone();
            while !taken.insert(name.clone()) {
                name.push('_');
            }
            if name != plain {
                out.insert(*o, name);
            }
        }
    }
    out
}

/// Pointer-receiver methods that never write through their receiver, which take `&self`:
/// calling a method that only reads (or takes a value receiver not writing into a map field,
/// see [`map_write_methods`]) does not write. Decided to a greatest fixed point, from all
/// candidates down.
pub(crate) fn readonly_ptr_methods(
    prog: &goxide_types::Program,
    info: &goxide_types::Info,
    files: &[&File],
    links: &crate::links::Links,
    map_write_methods: &HashSet<ObjId>,
    elems: &crate::owned_elems::OwnedElems,
    boxed: &crate::owned_fields::OwnedFields,
) -> HashSet<ObjId> {
    let mut readonly = HashSet::new();
    // Pointer-receiver methods that may take `&self`: (method, body, receiver, copies).
    let mut cands = Vec::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(r) = &fd.recv else { continue };
            let is_ptr = matches!(r.ty.kind, ExprKind::Star(_));
            let recv_obj = r.name.as_ref().and_then(|n| info.defs.get(&n.id));
            let (true, Some(&m), Some(body)) = (is_ptr, info.defs.get(&fd.name.id), &fd.body)
            else {
                continue;
            };
            // (A linked type's receiver copied into a view is a borrow of `self`.)
            let linked = matches!(prog.obj(m).kind, ObjKind::Func { recv: Some(r) }
                if matches!(prog.types.get(r), Type::Pointer(e) if links.has(prog, *e)));
            match recv_obj {
                None => {
                    readonly.insert(m);
                }
                // (Writing through a range variable over a slice of the receiver that holds
                // its elements writes the receiver.)
                Some(&ro) if crate::owned_elems::writes_elements_of(info, body, ro, elems) => {}
                Some(&ro) => {
                    let copies = if linked {
                        crate::links::receiver_copies(info, body, ro)
                    } else {
                        HashSet::new()
                    };
                    cands.push((m, body, ro, copies));
                }
            }
        }
    }
    let mut reading: HashSet<ObjId> = cands.iter().map(|c| c.0).collect();
    loop {
        let before = reading.len();
        let assumed = reading.clone();
        let reads_only = |m: ObjId| {
            value_recv_reads(prog, map_write_methods, m)
                || assumed.contains(&m)
                || readonly.contains(&m)
        };
        reading.retain(|m| {
            cands
                .iter()
                .filter(|c| c.0 == *m)
                .all(|(_, body, ro, copies)| {
                    !writes_through_calling(info, body, *ro, copies, &reads_only, boxed)
                })
        });
        if reading.len() == before {
            break;
        }
    }
    readonly.extend(reading);
    readonly
}

/// The addresses `&s.f…` of a part of the receiver `s` declared into a local pointer
/// (`j := &s.jobs[i]`) that the body only reads through (`j.id`, `*j`): never written through,
/// passed on, copied, nor a method called on it. Taking them does not write the receiver.
fn read_only_views(info: &goxide_types::Info, body: &Block, recv: ObjId) -> HashSet<NodeId> {
    use goxide_ast::visit::Visitor;
    struct Decls<'a> {
        info: &'a goxide_types::Info,
        recv: ObjId,
        out: Vec<(ObjId, NodeId)>,
    }
    impl Visitor for Decls<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let Some((p, v)) = crate::local_borrows::declared(self.info, s) {
                if let ExprKind::Unary {
                    op: UnaryOp::Addr,
                    x,
                } = &crate::builtins::strip_parens(v).kind
                {
                    let rooted = crate::stmt::root_ident(x)
                        .and_then(|r| self.info.uses.get(&r.id))
                        .is_some_and(|&o| o == self.recv);
                    if rooted {
                        self.out.push((p, crate::builtins::strip_parens(v).id));
                    }
                }
            }
            true
        }
    }
    struct Reads<'a> {
        info: &'a goxide_types::Info,
        p: ObjId,
        ok: bool,
    }
    impl Reads<'_> {
        fn rooted(&self, e: &Expr) -> bool {
            crate::stmt::root_ident(e)
                .and_then(|r| self.info.uses.get(&r.id))
                .is_some_and(|&o| o == self.p)
        }
        fn is_p(&self, e: &Expr) -> bool {
            let e = crate::builtins::strip_parens(e);
            matches!(e.kind, ExprKind::Ident(_)) && self.info.uses.get(&e.id) == Some(&self.p)
        }
    }
    impl Visitor for Reads<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            let targets: Vec<&Expr> = match &s.kind {
                StmtKind::Assign { lhs, .. } => lhs.iter().collect(),
                StmtKind::IncDec { x, .. } => vec![x],
                StmtKind::Range { key, value, .. } => key.iter().chain(value).collect(),
                _ => vec![],
            };
            if targets.iter().any(|t| self.rooted(t)) {
                self.ok = false;
            }
            self.ok
        }
        fn expr(&mut self, e: &Expr) -> bool {
            match &e.kind {
                ExprKind::Selector { x, .. } if self.is_p(x) => {
                    let field = self
                        .info
                        .selections
                        .get(&e.id)
                        .is_some_and(|s| s.kind == goxide_types::SelectionKind::FieldVal);
                    if !field {
                        self.ok = false;
                    }
                    return false;
                }
                ExprKind::Star(x) if self.is_p(x) => return false,
                ExprKind::Unary {
                    op: UnaryOp::Addr,
                    x,
                } if self.rooted(x) => self.ok = false,
                ExprKind::Call { func, .. } => {
                    if let ExprKind::Selector { x, .. } = &crate::builtins::strip_parens(func).kind
                    {
                        if self.rooted(x) {
                            self.ok = false;
                        }
                    }
                }
                ExprKind::Ident(_) if self.is_p(e) => self.ok = false,
                _ => {}
            }
            self.ok
        }
    }
    let mut d = Decls {
        info,
        recv,
        out: Vec::new(),
    };
    goxide_ast::visit::walk_block(&mut d, body);
    d.out
        .into_iter()
        .filter(|&(p, _)| {
            let mut r = Reads { info, p, ok: true };
            goxide_ast::visit::walk_block(&mut r, body);
            r.ok
        })
        .map(|(_, id)| id)
        .collect()
}

/// Whether method `m` has a value receiver it cannot write through: calling it only reads
/// (a value-receiver method writing into a map field takes `&mut self`, see
/// [`map_write_methods`]).
pub(crate) fn value_recv_reads(
    prog: &goxide_types::Program,
    map_write_methods: &HashSet<ObjId>,
    m: ObjId,
) -> bool {
    matches!(prog.obj(m).kind, ObjKind::Func { recv: Some(r) }
        if !matches!(prog.types.get(r), Type::Pointer(_)))
        && !map_write_methods.contains(&m)
}
