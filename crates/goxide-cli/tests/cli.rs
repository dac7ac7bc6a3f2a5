//! End-to-end tests of the `goxide` command-line contract.
//!
//! `goxide translate <INPUT> --out <DIR>` writes a standalone Cargo crate; exit status 0 when
//! output was written, 1 when the input has errors (reported as `file:line:col: message` plus a
//! snippet, with DIR left untouched), 2 on usage errors (including a non-empty DIR that goxide
//! did not generate, unless `--force`). `goxide check <INPUT>` only type-checks.
//!
//! These tests need no Go toolchain and no network: they only run the binary under test.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

const HELLO: &str = r#"package main

import "fmt"

func main() {
	fmt.Println("Hello, world!")
}
"#;

/// A syntax error on line 3 (Go reports `3:27: syntax error: unexpected )`).
const SYNTAX_ERROR: &str = "package main\n\nfunc main() { var x int = ) }\n";

/// A type error: `y` is undefined at line 5, column 10.
const UNDEFINED_NAME: &str = "package main\n\nfunc main() {\n\tx := 1\n\t_ = x + y\n}\n";

/// A program using several kinds of declarations, for the determinism test.
const INVENTORY: &str = r#"package main

import "fmt"

type Item struct {
	Name  string
	Count int
}

type Inventory struct {
	items map[string]*Item
	order []string
}

func NewInventory() *Inventory {
	return &Inventory{items: map[string]*Item{}}
}

func (inv *Inventory) Add(name string, n int) {
	if it, ok := inv.items[name]; ok {
		it.Count += n
		return
	}
	inv.items[name] = &Item{Name: name, Count: n}
	inv.order = append(inv.order, name)
}

func (inv *Inventory) Total() (total int) {
	for _, it := range inv.items {
		total += it.Count
	}
	return
}

func main() {
	inv := NewInventory()
	for i, name := range []string{"bolt", "nut", "bolt", "washer"} {
		inv.Add(name, i+1)
	}
	for _, name := range inv.order {
		fmt.Printf("%-6s %3d\n", name, inv.items[name].Count)
	}
	fmt.Println("total:", inv.Total())
}
"#;

fn goxide_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_goxide"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("failed to run the goxide binary")
}

fn describe(out: &Output) -> String {
    format!(
        "status: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[track_caller]
fn assert_exit(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}: expected exit status {code}\n{}",
        describe(out)
    );
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, text).unwrap();
}

/// A fresh directory under Cargo's test tmpdir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn tempdir() -> TempDir {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "goxide-cli-{}-{stamp}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    fs::create_dir_all(&dir).expect("cannot create a temporary directory");
    TempDir(dir)
}

/// Every file under `root`, keyed by its path relative to `root` (with `/` separators).
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                let key = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(key, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// The value of the `name = "…"` key of the `[package]` table of a Cargo.toml.
fn package_name(cargo_toml: &Path) -> String {
    let text = fs::read_to_string(cargo_toml)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", cargo_toml.display()));
    let mut in_package = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
            continue;
        }
        if !in_package {
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            if key.trim() == "name" {
                return value.trim().trim_matches('"').to_string();
            }
        }
    }
    panic!("no `name` in the [package] table of:\n{text}");
}

/// `^[a-zA-Z][a-zA-Z0-9_-]*$`
fn is_valid_crate_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A program with a goroutine.
const GOROUTINE: &str = r#"package main

import "fmt"

func main() {
	c := make(chan int)
	go func() { c <- 42 }()
	fmt.Println(<-c)
}
"#;

#[test]
fn async_tokio_runs_goroutines_on_tokio_and_adds_the_dependency() {
    let tmp = tempdir();
    write(&tmp.path().join("g.go"), GOROUTINE);
    let out = goxide_in(
        tmp.path(),
        &["translate", "g.go", "--out", "tokio", "--async", "tokio"],
    );
    assert_exit(&out, 0, "translate --async tokio");
    let manifest = fs::read_to_string(tmp.path().join("tokio/Cargo.toml")).unwrap();
    assert!(
        manifest.contains("tokio = "),
        "no tokio dependency:\n{manifest}"
    );
    let main = fs::read_to_string(tmp.path().join("tokio/src/main.rs")).unwrap();
    assert!(main.contains("#[tokio::main]") && main.contains("tokio::task::spawn_blocking"));
    // Without the flag: threads, and no dependency at all.
    let out = goxide_in(tmp.path(), &["translate", "g.go", "--out", "threads"]);
    assert_exit(&out, 0, "translate");
    let manifest = fs::read_to_string(tmp.path().join("threads/Cargo.toml")).unwrap();
    assert!(!manifest.contains("tokio"), "unexpected tokio:\n{manifest}");
    let main = fs::read_to_string(tmp.path().join("threads/src/main.rs")).unwrap();
    assert!(main.contains("chan::go(") && !main.contains("tokio"));
    let out = goxide_in(
        tmp.path(),
        &["translate", "g.go", "--out", "x", "--async", "smol"],
    );
    assert_exit(&out, 2, "unknown async runtime");
}

#[test]
fn translate_hello_world_writes_a_binary_crate() {
    let tmp = tempdir();
    write(&tmp.path().join("hello.go"), HELLO);
    let out = goxide_in(tmp.path(), &["translate", "hello.go", "--out", "out"]);
    assert_exit(&out, 0, "translate hello.go");
    let dir = tmp.path().join("out");
    assert!(dir.join("Cargo.toml").is_file(), "no out/Cargo.toml");
    assert!(dir.join("src/main.rs").is_file(), "no out/src/main.rs");
    assert!(
        dir.join(".goxide-generated").exists(),
        "no out/.goxide-generated marker"
    );
    let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    assert!(
        manifest.lines().any(|l| l.trim() == "[workspace]"),
        "Cargo.toml must contain an empty [workspace] table:\n{manifest}"
    );
    assert!(
        manifest.lines().any(|l| l.trim().starts_with("[profile.")),
        "Cargo.toml must contain [profile.*] sections:\n{manifest}"
    );
    assert!(is_valid_crate_name(&package_name(&dir.join("Cargo.toml"))));
}

#[test]
fn numeric_file_name_gets_a_valid_crate_name() {
    let tmp = tempdir();
    write(&tmp.path().join("235.go"), HELLO);
    let out = goxide_in(tmp.path(), &["translate", "235.go", "--out", "out"]);
    assert_exit(&out, 0, "translate 235.go");
    let name = package_name(&tmp.path().join("out/Cargo.toml"));
    assert!(
        is_valid_crate_name(&name),
        "crate name {name:?} does not match ^[a-zA-Z][a-zA-Z0-9_-]*$"
    );
}

#[test]
fn crate_name_flag_sets_the_package_name() {
    let tmp = tempdir();
    write(&tmp.path().join("hello.go"), HELLO);
    let out = goxide_in(
        tmp.path(),
        &[
            "translate",
            "hello.go",
            "--out",
            "out",
            "--crate-name",
            "foo",
        ],
    );
    assert_exit(&out, 0, "translate --crate-name foo");
    assert_eq!(package_name(&tmp.path().join("out/Cargo.toml")), "foo");
}

#[test]
fn syntax_error_exits_1_with_location_and_snippet() {
    let tmp = tempdir();
    write(&tmp.path().join("bad.go"), SYNTAX_ERROR);
    let out = goxide_in(tmp.path(), &["translate", "bad.go", "--out", "out"]);
    assert_exit(&out, 1, "translate of a file with a syntax error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr.lines().next().unwrap_or("");
    let rest = first
        .strip_prefix("bad.go:3:")
        .unwrap_or_else(|| panic!("stderr must start with `bad.go:3:<col>: `, got:\n{stderr}"));
    let (col, message) = rest
        .split_once(": ")
        .unwrap_or_else(|| panic!("no `<col>: ` after `bad.go:3:` in:\n{stderr}"));
    assert!(
        !col.is_empty() && col.chars().all(|c| c.is_ascii_digit()),
        "column {col:?} is not a number in:\n{stderr}"
    );
    assert!(!message.trim().is_empty(), "empty message in:\n{stderr}");
    assert!(
        stderr.lines().skip(1).any(|l| l.contains("var x int = )")),
        "stderr must show a snippet of the offending line:\n{stderr}"
    );
    assert!(
        !tmp.path().join("out").exists(),
        "the output directory must not be created when the input has errors"
    );
}

#[test]
fn type_error_exits_1_with_undefined_name() {
    let tmp = tempdir();
    write(&tmp.path().join("main.go"), UNDEFINED_NAME);
    let out = goxide_in(tmp.path(), &["translate", "main.go", "--out", "out"]);
    assert_exit(&out, 1, "translate of a file with an undefined name");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("main.go:5:10: undefined: y"),
        "expected `main.go:5:10: undefined: y` on stderr, got:\n{stderr}"
    );
    assert!(
        !tmp.path().join("out").exists(),
        "out dir must not be created"
    );
}

#[test]
fn foreign_non_empty_out_dir_is_refused_and_untouched() {
    let tmp = tempdir();
    write(&tmp.path().join("hello.go"), HELLO);
    let dir = tmp.path().join("out");
    write(&dir.join("notes.txt"), "precious notes\n");
    write(&dir.join("src/lib.rs"), "pub fn mine() {}\n");
    let before = snapshot(&dir);
    let out = goxide_in(tmp.path(), &["translate", "hello.go", "--out", "out"]);
    assert_exit(&out, 2, "translate into a foreign non-empty directory");
    assert_eq!(
        snapshot(&dir),
        before,
        "a foreign directory must be left untouched"
    );
}

#[test]
fn force_overrides_a_foreign_out_dir() {
    let tmp = tempdir();
    write(&tmp.path().join("hello.go"), HELLO);
    let dir = tmp.path().join("out");
    write(&dir.join("notes.txt"), "precious notes\n");
    let out = goxide_in(
        tmp.path(),
        &["translate", "hello.go", "--out", "out", "--force"],
    );
    assert_exit(&out, 0, "translate --force into a foreign directory");
    assert!(dir.join("Cargo.toml").is_file());
    assert!(dir.join("src/main.rs").is_file());
}

#[test]
fn retranslating_into_a_generated_dir_needs_no_force() {
    let tmp = tempdir();
    write(&tmp.path().join("hello.go"), HELLO);
    let first = goxide_in(tmp.path(), &["translate", "hello.go", "--out", "out"]);
    assert_exit(&first, 0, "first translation");
    write(
        &tmp.path().join("hello.go"),
        &HELLO.replace("Hello, world!", "Hello again!"),
    );
    let second = goxide_in(tmp.path(), &["translate", "hello.go", "--out", "out"]);
    assert_exit(&second, 0, "re-translation into a generated directory");
    let main_rs = fs::read_to_string(tmp.path().join("out/src/main.rs")).unwrap();
    assert!(
        main_rs.contains("Hello again!"),
        "re-translation must rewrite the output:\n{main_rs}"
    );
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let tmp = tempdir();
    write(&tmp.path().join("hello.go"), HELLO);
    let out = goxide_in(
        tmp.path(),
        &["translate", "hello.go", "--out", "out", "--no-such-flag"],
    );
    assert_exit(&out, 2, "unknown flag");
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn missing_argument_is_a_usage_error() {
    let tmp = tempdir();
    let out = goxide_in(tmp.path(), &["translate"]);
    assert_exit(&out, 2, "`translate` without INPUT");
    let out = goxide_in(tmp.path(), &["check"]);
    assert_exit(&out, 2, "`check` without INPUT");
    let out = goxide_in(tmp.path(), &["no-such-command"]);
    assert_exit(&out, 2, "unknown subcommand");
}

#[test]
fn go_version_flag() {
    let tmp = tempdir();
    write(&tmp.path().join("hello.go"), HELLO);
    let out = goxide_in(
        tmp.path(),
        &["translate", "hello.go", "--out", "out", "--go", "1.19"],
    );
    assert_exit(&out, 0, "--go 1.19");
    assert!(tmp.path().join("out/src/main.rs").is_file());

    let out = goxide_in(
        tmp.path(),
        &["translate", "hello.go", "--out", "other", "--go", "banana"],
    );
    assert_exit(&out, 2, "--go banana");
    assert!(!tmp.path().join("other").exists());
}

#[test]
fn go_mod_directive_wins_over_the_go_flag() {
    // Go 1.22 gave each iteration its own range variable: the closures see 1, 2, 3.
    const LOOP: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar fs []func() int\n\tfor _, v := range []int{1, 2, 3} {\n\t\tfs = append(fs, func() int { return v })\n\t}\n\tfor _, f := range fs {\n\t\tfmt.Println(f())\n\t}\n}\n";
    let tmp = tempdir();
    write(
        &tmp.path().join("m/go.mod"),
        "module example.com/m\n\ngo 1.22\n",
    );
    write(&tmp.path().join("m/main.go"), LOOP);
    write(&tmp.path().join("loop.go"), LOOP);
    let main_rs = |args: &[&str], out: &str| {
        let mut all = vec!["translate"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--out", out, "--crate-name", "m"]);
        assert_exit(&goxide_in(tmp.path(), &all), 0, out);
        fs::read_to_string(tmp.path().join(out).join("src/main.rs")).unwrap()
    };
    let module = main_rs(&["m", "--go", "1.19"], "from_module");
    let new_rules = main_rs(&["loop.go", "--go", "1.22"], "new_rules");
    let old_rules = main_rs(&["loop.go", "--go", "1.19"], "old_rules");
    assert_eq!(module, new_rules, "go.mod's `go 1.22` must apply");
    assert_ne!(module, old_rules, "the loop variable rules must differ");
}

#[test]
fn output_is_byte_identical_across_runs() {
    let tmp = tempdir();
    write(&tmp.path().join("inventory.go"), INVENTORY);
    for run in ["a", "b"] {
        let out_dir = format!("{run}/out");
        let out = goxide_in(
            tmp.path(),
            &["translate", "inventory.go", "--out", &out_dir],
        );
        assert_exit(&out, 0, "translate inventory.go");
    }
    let a = snapshot(&tmp.path().join("a/out"));
    let b = snapshot(&tmp.path().join("b/out"));
    assert!(a.contains_key("Cargo.toml") && a.contains_key("src/main.rs"));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the two runs wrote different file sets"
    );
    for (path, bytes) in &a {
        assert!(
            &b[path] == bytes,
            "{path} differs between two runs:\n--- run a ---\n{}\n--- run b ---\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&b[path])
        );
    }
}

#[test]
fn package_directory_gives_one_rust_file_per_go_file() {
    let tmp = tempdir();
    let pkg = tmp.path().join("shop");
    write(
        &pkg.join("a.go"),
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(price(3))\n}\n",
    );
    write(
        &pkg.join("b.go"),
        "package main\n\n// price returns the cost of n items in cents.\nfunc price(n int) int {\n\treturn n * 125\n}\n",
    );
    let out = goxide_in(tmp.path(), &["translate", "shop", "--out", "out"]);
    assert_exit(&out, 0, "translate of a package directory");
    let dir = tmp.path().join("out");
    assert!(dir.join("Cargo.toml").is_file(), "no out/Cargo.toml");
    assert!(dir.join("src/a.rs").is_file(), "no out/src/a.rs");
    assert!(dir.join("src/b.rs").is_file(), "no out/src/b.rs");
}

#[test]
fn check_exit_codes() {
    let tmp = tempdir();
    write(&tmp.path().join("good.go"), HELLO);
    write(&tmp.path().join("bad/main.go"), UNDEFINED_NAME);

    let out = goxide_in(tmp.path(), &["check", "good.go"]);
    assert_exit(&out, 0, "check of a correct file");

    let out = goxide_in(tmp.path(), &["check", "bad/main.go"]);
    assert_exit(&out, 1, "check of a file with a type error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(":5:10: undefined: y"),
        "expected `:5:10: undefined: y` on stderr, got:\n{stderr}"
    );

    let out = goxide_in(tmp.path(), &["check", "syntax.go"]);
    assert!(
        out.status.code() != Some(0),
        "check of a missing file must fail\n{}",
        describe(&out)
    );

    write(&tmp.path().join("syntax.go"), SYNTAX_ERROR);
    let out = goxide_in(tmp.path(), &["check", "syntax.go"]);
    assert_exit(&out, 1, "check of a file with a syntax error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("syntax.go:3:"),
        "expected `syntax.go:3:<col>: …` on stderr, got:\n{stderr}"
    );
}
