//! Imports. The translator names library items by their full paths
//! (`std::collections::HashMap`, `crate::support::fmt::println`), so that no generated piece
//! depends on what is in scope where it lands. Before printing, each file imports what it
//! names, as Rust is written: `use std::collections::HashMap;` and `HashMap::new()`,
//! `use crate::support::fmt;` and `fmt::println(…)`.
//!
//! A name is imported only where nothing else in the crate claims it: an item of any file of
//! the crate (the files see each other's items through glob imports), a generic parameter, or
//! an import already written. Paths inside macros printed token by token keep their full form.

use std::collections::{BTreeMap, HashSet};
use syn::visit::Visit;
use syn::visit_mut::VisitMut;

/// Standard-library items imported by name: (module path, item).
const STD_ITEMS: &[(&str, &str)] = &[
    ("std::collections", "HashMap"),
    ("std::collections", "HashSet"),
    ("std::collections", "BTreeMap"),
    ("std::collections", "BTreeSet"),
    ("std::collections", "VecDeque"),
    ("std::rc", "Rc"),
    ("std::cell", "RefCell"),
    ("std::cell", "Cell"),
    ("std::sync", "Arc"),
    ("std::sync", "Mutex"),
    ("std::sync", "RwLock"),
];

/// The names the files of a crate claim: their items (at any depth), generic parameters and
/// imports.
pub fn claimed<'a>(files: impl IntoIterator<Item = &'a syn::File>) -> HashSet<String> {
    struct Names(HashSet<String>);
    impl<'ast> Visit<'ast> for Names {
        fn visit_item(&mut self, i: &'ast syn::Item) {
            let id = match i {
                syn::Item::Const(x) => Some(&x.ident),
                syn::Item::Enum(x) => Some(&x.ident),
                syn::Item::ExternCrate(x) => Some(&x.ident),
                syn::Item::Fn(x) => Some(&x.sig.ident),
                syn::Item::Macro(x) => x.ident.as_ref(),
                syn::Item::Mod(x) => Some(&x.ident),
                syn::Item::Static(x) => Some(&x.ident),
                syn::Item::Struct(x) => Some(&x.ident),
                syn::Item::Trait(x) => Some(&x.ident),
                syn::Item::TraitAlias(x) => Some(&x.ident),
                syn::Item::Type(x) => Some(&x.ident),
                syn::Item::Union(x) => Some(&x.ident),
                _ => None,
            };
            if let Some(id) = id {
                self.0.insert(id.to_string());
            }
            syn::visit::visit_item(self, i);
        }
        fn visit_use_name(&mut self, u: &'ast syn::UseName) {
            self.0.insert(u.ident.to_string());
        }
        fn visit_use_rename(&mut self, u: &'ast syn::UseRename) {
            self.0.insert(u.rename.to_string());
        }
        fn visit_type_param(&mut self, p: &'ast syn::TypeParam) {
            self.0.insert(p.ident.to_string());
            syn::visit::visit_type_param(self, p);
        }
    }
    let mut n = Names(HashSet::new());
    for f in files {
        n.visit_file(f);
    }
    n.0
}

/// Shortens the full paths of `files` (a file and the items printed apart from it, such as
/// `thread_local!` statics) to imported names, and gives the `use` items that import them.
pub fn shorten(files: &mut [&mut syn::File], claimed: &HashSet<String>) -> Vec<syn::Item> {
    // Each name with the one module it is imported from (a name two modules would give is
    // left alone).
    let mut plan = Plan {
        claimed,
        chosen: BTreeMap::new(),
        clash: HashSet::new(),
    };
    for f in files.iter() {
        plan.visit_file(f);
    }
    let mut apply = Apply { plan: &plan };
    for f in files.iter_mut() {
        apply.visit_file_mut(f);
    }
    // In the order rustfmt sorts them: by path.
    let mut paths: Vec<String> = plan
        .chosen
        .iter()
        .filter(|(name, _)| !plan.clash.contains(*name))
        .map(|(name, module)| format!("{module}::{name}"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| syn::parse_str::<syn::Path>(p).ok())
        .map(|path| syn::parse_quote!(use #path;))
        .collect()
}

struct Plan<'c> {
    claimed: &'c HashSet<String>,
    /// Name → the module path it is imported from.
    chosen: BTreeMap<String, String>,
    clash: HashSet<String>,
}

impl Plan<'_> {
    /// The imported name and its module for a path that may be shortened, with how many
    /// leading segments the shortened path drops.
    fn importable(&self, p: &syn::Path) -> Option<(String, String, usize)> {
        if p.leading_colon.is_some() {
            return None;
        }
        let segs: Vec<&syn::PathSegment> = p.segments.iter().collect();
        let plain = |k: usize| segs.iter().take(k).all(|s| s.arguments.is_none());
        let name = |k: usize| segs[k].ident.to_string();
        // `crate::support::m::…` → `m::…`.
        if segs.len() >= 4 && plain(3) && name(0) == "crate" && name(1) == "support" {
            return Some((name(2), "crate::support".into(), 2));
        }
        // `std::x::Item…` → `Item…`.
        if segs.len() >= 3 && plain(2) && name(0) == "std" {
            let module = format!("std::{}", name(1));
            let item = name(2);
            if STD_ITEMS.iter().any(|(m, i)| *m == module && *i == item) {
                return Some((item, module, 2));
            }
        }
        None
    }
}

impl<'ast> Visit<'ast> for Plan<'_> {
    fn visit_path(&mut self, p: &'ast syn::Path) {
        if let Some((name, module, _)) = self.importable(p) {
            if self.claimed.contains(&name) {
                self.clash.insert(name.clone());
            }
            match self.chosen.get(&name) {
                Some(m) if *m != module => {
                    self.clash.insert(name);
                }
                Some(_) => {}
                None => {
                    self.chosen.insert(name, module);
                }
            }
        }
        syn::visit::visit_path(self, p);
    }
}

struct Apply<'p, 'c> {
    plan: &'p Plan<'c>,
}

impl VisitMut for Apply<'_, '_> {
    fn visit_path_mut(&mut self, p: &mut syn::Path) {
        syn::visit_mut::visit_path_mut(self, p);
        if let Some((name, _, drop)) = self.plan.importable(p) {
            if !self.plan.clash.contains(&name) {
                let rest: Vec<syn::PathSegment> = p.segments.iter().skip(drop).cloned().collect();
                p.segments = rest.into_iter().collect();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shortened(src: &str) -> String {
        let mut file: syn::File = syn::parse_str(src).unwrap();
        let claimed = claimed([&file]);
        let uses = shorten(&mut [&mut file], &claimed);
        file.items.splice(0..0, uses);
        quote::ToTokens::to_token_stream(&file).to_string()
    }

    #[test]
    fn library_paths_become_imports() {
        let out = shortened(
            "fn f() -> std::rc::Rc<std::cell::RefCell<i64>> { \
             let m = std::collections::HashMap::<String, i64>::new(); \
             crate::support::fmt::println(&[&m as &dyn crate::support::fmt::Format]); \
             std::rc::Rc::new(std::cell::RefCell::new(1)) }",
        );
        assert!(
            out.starts_with(
                "use crate :: support :: fmt ; use std :: cell :: RefCell ; \
                 use std :: collections :: HashMap ; use std :: rc :: Rc ;"
            ),
            "{out}"
        );
        for want in [
            "-> Rc < RefCell < i64 > >",
            "HashMap :: < String , i64 > :: new ()",
            "fmt :: println (& [& m as & dyn fmt :: Format])",
        ] {
            assert!(out.contains(want), "{want} in {out}");
        }
    }

    #[test]
    fn a_name_the_crate_claims_keeps_its_full_path() {
        let out = shortened(
            "struct Rc; mod fmt {} fn f() { let a = std::rc::Rc::new(1); \
             crate::support::fmt::println(&[]); std::cell::Cell::new(2); }",
        );
        assert!(out.contains("std :: rc :: Rc :: new (1)"), "{out}");
        assert!(out.contains("crate :: support :: fmt :: println"), "{out}");
        assert!(out.contains("use std :: cell :: Cell ;"), "{out}");
        assert!(!out.contains("use std :: rc"), "{out}");
    }
}
