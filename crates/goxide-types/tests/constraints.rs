//! Type arguments must satisfy their type parameters' constraints, for explicit and inferred
//! instantiations of generic functions and types.

use goxide_ast::ast::{File, IdGen};
use goxide_ast::SourceFile;
use goxide_types::{check_package, Config, Importer};

/// Declaration-only `cmp`, `iter` and `slices` (Go 1.21+ API; not in a Go 1.19 GOROOT).
struct CatalogImporter;

impl Importer for CatalogImporter {
    fn import(&mut self, path: &str) -> Option<Vec<(SourceFile, File)>> {
        let src = match path {
            "cmp" => include_str!("../../goxide/catalog/cmp/cmp.go"),
            "iter" => include_str!("../../goxide/catalog/iter/iter.go"),
            "slices" => include_str!("../../goxide/catalog/slices/slices.go"),
            _ => return None,
        };
        let name = format!("{path}.go");
        let (file, _) = goxide_parser::parse_file(&name, src, &mut IdGen::new());
        Some(vec![(SourceFile::new(name, src), file)])
    }
}

fn errors_with(src: &str, go_version: (u32, u32)) -> Vec<String> {
    let (file, parse_errors) = goxide_parser::parse_file("x.go", src, &mut IdGen::new());
    assert!(parse_errors.is_empty(), "parse errors: {parse_errors:?}");
    let files = vec![(SourceFile::new("x.go", src), file)];
    let checked = check_package("main", &files, &mut CatalogImporter, &Config { go_version });
    checked
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
        .collect()
}

fn errors(src: &str) -> Vec<String> {
    errors_with(src, (1, 19))
}

fn assert_error(src: &str, line: u32, want: &str) {
    let errs = errors(src);
    let at = format!("{line}:");
    assert!(
        errs.iter().any(|e| e.starts_with(&at) && e.contains(want)),
        "expected {want:?} on line {line} in {errs:?}"
    );
}

fn assert_clean(src: &str) {
    let errs = errors(src);
    assert!(errs.is_empty(), "unexpected errors: {errs:?}");
}

#[test]
fn struct_slice_is_not_sortable() {
    assert_error(
        "package main\n\nimport \"slices\"\n\ntype Person struct{ Name string }\n\n\
         func main() {\n\tslices.Sort([]Person{})\n}\n",
        8,
        "Person does not satisfy cmp.Ordered (Person missing in ~int | ~int8 | ",
    );
}

#[test]
fn ordered_and_comparable_slices_are_accepted() {
    assert_clean(
        "package main\n\nimport \"slices\"\n\ntype Names []string\n\ntype Celsius float64\n\n\
         func main() {\n\tslices.Sort(Names{\"b\", \"a\"})\n\tslices.Sort([]Celsius{2, 1})\n\
         \t_ = slices.Contains([]float64{1.5}, 1)\n\t_ = slices.Index([]*int{}, nil)\n\
         \t_ = slices.Max([]int{1, 2})\n}\n",
    );
}

#[test]
fn missing_constraint_method() {
    let src = "package main\n\ntype Stringer interface{ String() string }\n\n\
               func Show[T Stringer](x T) string { return x.String() }\n\n\
               type A struct{}\n\ntype B struct{}\n\nfunc (B) String() string { return \"b\" }\n\n\
               func main() {\n\t_ = Show(A{})\n\t_ = Show(B{})\n}\n";
    assert_error(
        src,
        14,
        "A does not satisfy Stringer (missing method String)",
    );
    assert_eq!(errors(src).len(), 1, "{:?}", errors(src));
}

#[test]
fn pointer_receiver_methods_need_a_pointer() {
    let src = "package main\n\ntype Resetter interface{ Reset() }\n\n\
               func Do[T Resetter](x T) { x.Reset() }\n\ntype C struct{ n int }\n\n\
               func (c *C) Reset() { c.n = 0 }\n\n\
               func main() {\n\tDo(&C{})\n\tDo(C{})\n}\n";
    assert_error(src, 13, "method Reset has pointer receiver");
    assert_eq!(errors(src).len(), 1, "{:?}", errors(src));
}

#[test]
fn tilde_terms() {
    let decl = "package main\n\nfunc Double[T ~int | ~int64](x T) T { return x * 2 }\n\n\
                type MyInt int\n\n";
    assert_clean(&format!(
        "{decl}func main() {{\n\t_ = Double(MyInt(2))\n\t_ = Double[int64](3)\n}}\n"
    ));
    assert_error(
        &format!("{decl}func main() {{\n\t_ = Double(\"s\")\n}}\n"),
        8,
        "string does not satisfy ~int | ~int64 (string missing in ~int | ~int64)",
    );
    // Without ~, a named type is not in the set.
    assert_error(
        "package main\n\nfunc F[T int](x T) {}\n\ntype MyInt int\n\n\
         func main() {\n\tF(MyInt(1))\n}\n",
        8,
        "possibly missing ~ for int",
    );
}

#[test]
fn explicit_instantiation_reports_the_argument() {
    let src = "package main\n\nfunc Sum[T ~int | ~float64](xs ...T) (s T) {\n\
               \tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn\n}\n\n\
               type List[T comparable] struct{ items []T }\n\n\
               func main() {\n\t_ = Sum[string]\n\tvar _ List[[]int]\n\tvar _ List[string]\n}\n";
    let errs = errors(src);
    assert!(errs.iter().any(|e| e.starts_with("13:10:")), "{errs:?}");
    assert!(
        errs.iter()
            .any(|e| e.starts_with("14:13:") && e.contains("[]int does not satisfy comparable")),
        "{errs:?}"
    );
    assert_eq!(errs.len(), 2, "{errs:?}");
}

#[test]
fn comparable_needs_strictly_comparable_types_in_go_1_19() {
    let decl = "package main\n\nfunc Eq[T comparable](a, b T) bool { return a == b }\n\n\
                type P struct{ xs []int }\n\ntype Q struct{ v any }\n\n";
    let bad_struct = format!("{decl}func main() {{\n\t_ = Eq(P{{}}, P{{}})\n}}\n");
    assert_error(&bad_struct, 10, "P does not satisfy comparable");
    let iface =
        format!("{decl}func main() {{\n\tvar x any\n\t_ = Eq(x, x)\n\t_ = Eq(Q{{}}, Q{{}})\n}}\n");
    let errs = errors(&iface);
    assert!(errs.iter().any(|e| e.starts_with("11:")), "{errs:?}");
    assert!(errs.iter().any(|e| e.starts_with("12:")), "{errs:?}");
    // From Go 1.20 on, interfaces satisfy comparable; slices still do not.
    assert!(errors_with(&iface, (1, 20)).is_empty());
    assert!(!errors_with(&bad_struct, (1, 20)).is_empty());
    assert_clean(&format!(
        "{decl}type K struct{{ a [2]string; p *int }}\n\n\
         func main() {{\n\t_ = Eq(K{{}}, K{{}})\n\t_ = Eq(1, 2)\n\t_ = Eq(\"a\", \"b\")\n}}\n"
    ));
}

#[test]
fn type_parameters_as_type_arguments() {
    // A type parameter satisfies a constraint whose type set includes its own.
    assert_clean(
        "package main\n\nimport (\n\t\"cmp\"\n\t\"slices\"\n)\n\n\
         type Number interface{ ~int | ~float64 }\n\n\
         func SortAll[S ~[]E, E cmp.Ordered](s S) { slices.Sort(s) }\n\n\
         func Max[T Number](a, b T) T { if cmp.Less(a, b) { return b }; return a }\n\n\
         func Keys[K comparable, V any](m map[K]V) []K { return Index[K](nil) }\n\n\
         func Index[K comparable](xs []K) []K { return xs }\n\n\
         func Pass[T any](x T) T { return Id(x) }\n\n\
         func Id[T any](x T) T { return x }\n\n\
         func Eq[T comparable](a, b T) bool { return a == b }\n\n\
         func OrdEq[T cmp.Ordered](a T) bool { return Eq(a, a) }\n\n\
         type Pair[K cmp.Ordered, V any] struct{ m map[K]V; next *Pair[K, V] }\n\n\
         func main() {\n\tSortAll([]int{2, 1})\n\t_ = Max(1, 2)\n\t_ = Keys(map[string]int{})\n\t_ = Pass(1)\n}\n",
    );
    // `any` is not a subset of cmp.Ordered, nor of comparable.
    let errs = errors(
        "package main\n\nimport \"cmp\"\n\nfunc Bad[T any](a, b T) bool { return cmp.Less(a, b) }\n\n\
         func Eq[T comparable](a, b T) bool { return a == b }\n\n\
         func Bad2[T any](a T) bool { return Eq(a, a) }\n\nfunc main() {}\n",
    );
    assert!(errs.iter().any(|e| e.starts_with("5:")), "{errs:?}");
    assert!(
        errs.iter()
            .any(|e| e.starts_with("9:") && e.contains("T does not satisfy comparable")),
        "{errs:?}"
    );
}

#[test]
fn constraints_with_methods_and_type_parameters() {
    // The pointer-method pattern: PT is inferred as *T, which has the method.
    let decl = "package main\n\ntype Setter[T any] interface {\n\t*T\n\tSet(string)\n}\n\n\
                func FromStrings[T any, PT Setter[T]](s []string) []T {\n\
                \tr := make([]T, len(s))\n\tfor i, v := range s {\n\t\tPT(&r[i]).Set(v)\n\t}\n\
                \treturn r\n}\n\ntype S struct{ v string }\n\nfunc (p *S) Set(v string) { p.v = v }\n\n\
                type N struct{}\n\n";
    assert_clean(&format!(
        "{decl}func main() {{\n\t_ = FromStrings[S]([]string{{\"a\"}})\n}}\n"
    ));
    assert_error(
        &format!("{decl}func main() {{\n\t_ = FromStrings[N]([]string{{\"a\"}})\n}}\n"),
        23,
        "*N does not satisfy Setter[N] (missing method Set)",
    );
    // A generic type's methods use the type's constraints on their receiver parameters.
    assert_clean(
        "package main\n\ntype Set[K comparable, S ~[]K] struct{ s S }\n\n\
         func (x Set[A, B]) Clone() Set[A, B] { return Set[A, B]{s: x.s} }\n\n\
         type Tree[T interface{ Less(T) bool }] struct {\n\tleft, right *Tree[T]\n\tv T\n}\n\n\
         func (t *Tree[T]) Min() T {\n\tif t.left != nil {\n\t\treturn t.left.Min()\n\t}\n\treturn t.v\n}\n\n\
         type I int\n\nfunc (a I) Less(b I) bool { return a < b }\n\n\
         func main() {\n\tvar x Set[int, []int]\n\t_ = x.Clone()\n\tvar t Tree[I]\n\t_ = t.Min()\n\t_ = any(nil)\n}\n",
    );
}

#[test]
fn inference_matches_go_before_verification() {
    // Named-type arguments are unified first, whatever their position (T = F both times).
    assert_clean(
        "package main\n\nfunc f[T ~func(T)](a, b T) {}\n\ntype F func(F)\n\n\
         func g[T interface{ Equal(T) bool }](a, b T) {}\n\ntype I interface{ Equal(I) bool }\n\n\
         func main() {\n\tvar i F\n\tvar j func(F)\n\tf(i, j)\n\tf(j, i)\n\
         \tvar x I\n\tvar y interface{ Equal(I) bool }\n\tg(x, y)\n\tg(y, x)\n}\n",
    );
    // Core types come before the default types of untyped constants.
    assert_clean(
        "package main\n\nfunc Has[S ~[]E, E comparable](s S, v E) bool { return len(s) > 0 }\n\n\
         func Make[S ~[]E, E any](e E) S { return S{e} }\n\n\
         func main() {\n\t_ = Has([]float64{1}, 2)\n\t_ = Has([]byte(\"x\"), 'x')\n\
         \tvar s []int = Make[[]int](1)\n\t_ = s\n}\n",
    );
}

#[test]
fn empty_type_sets() {
    assert_error(
        "package main\n\ntype None interface {\n\tint\n\tstring\n}\n\n\
         func F[T None]() {}\n\nfunc main() {\n\tF[int]()\n}\n",
        11,
        "cannot satisfy None (empty type set)",
    );
}
