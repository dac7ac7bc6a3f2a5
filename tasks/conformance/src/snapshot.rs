//! Test outcomes and the checked-in snapshot: its text (deterministic, sorted by path, without
//! timings) and the pass list read back from it.

use std::collections::BTreeSet;

/// Why a test failed, in the order the snapshot counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// goxide reported an error (or produced no crate).
    Translate,
    /// goxide panicked: a bug in goxide.
    TranslatePanic,
    /// goxide took longer than the translation time limit.
    TranslateTimeout,
    /// The generated crate did not build.
    Build,
    /// The binary exited with a non-zero status.
    Run,
    /// The binary ran longer than the run time limit.
    Timeout,
    /// The binary printed something other than the expected output.
    Output,
    /// Everything matched, but the translation holds a `todo!(` or an `unsupported` marker.
    Incomplete,
}

impl Reason {
    pub const ALL: [Reason; 8] = [
        Reason::Translate,
        Reason::TranslatePanic,
        Reason::TranslateTimeout,
        Reason::Build,
        Reason::Run,
        Reason::Timeout,
        Reason::Output,
        Reason::Incomplete,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Translate => "translate",
            Reason::TranslatePanic => "translate-panic",
            Reason::TranslateTimeout => "translate-timeout",
            Reason::Build => "build",
            Reason::Run => "run",
            Reason::Timeout => "timeout",
            Reason::Output => "output",
            Reason::Incomplete => "incomplete",
        }
    }
}

/// The outcome of one test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail { reason: Reason, detail: String },
}

impl Outcome {
    pub fn fail(reason: Reason, detail: impl Into<String>) -> Outcome {
        Outcome::Fail {
            reason,
            detail: clean_detail(&detail.into()),
        }
    }

    pub fn is_pass(&self) -> bool {
        matches!(self, Outcome::Pass)
    }
}

/// The longest detail the snapshot keeps, in characters.
const MAX_DETAIL: usize = 160;

/// Makes a detail fit one snapshot line that does not vary between runs or machines: its first
/// non-empty line, with absolute paths shortened to their last two components, hexadecimal
/// addresses and thread ids masked, and at most [`MAX_DETAIL`] characters.
pub fn clean_detail(detail: &str) -> String {
    let line = detail
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let words: Vec<String> = line.split(' ').map(clean_word).collect();
    let line = mask_thread_id(&words.join(" "));
    if line.chars().count() <= MAX_DETAIL {
        return line;
    }
    let mut cut: String = line.chars().take(MAX_DETAIL - 1).collect();
    cut.push('…');
    cut
}

fn clean_word(word: &str) -> String {
    // Absolute paths (temporary directories, the work directory, the home directory).
    if let Some(start) = word
        .find('/')
        .filter(|&i| word[i..].len() > 1 && is_path_start(word, i))
    {
        let (head, path) = word.split_at(start);
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        if parts.len() > 2 {
            return format!("{head}…/{}", parts[parts.len() - 2..].join("/"));
        }
    }
    // Addresses such as 0xc000012345.
    if let Some(i) = word.find("0x") {
        let digits = word[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        if digits >= 6 {
            return format!("{}0x…{}", &word[..i], &word[i + 2 + digits..]);
        }
    }
    word.to_string()
}

fn is_path_start(word: &str, i: usize) -> bool {
    i == 0
        || matches!(
            word.as_bytes()[i - 1],
            b'(' | b'`' | b'\'' | b'"' | b'=' | b':'
        )
}

/// `thread 'main' (12345) panicked` → `thread 'main' panicked`.
fn mask_thread_id(line: &str) -> String {
    let Some(start) = line.find("' (") else {
        return line.to_string();
    };
    let rest = &line[start + 3..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && rest[digits..].starts_with(") ") {
        format!("{}'{}", &line[..start], &rest[digits + 1..])
    } else {
        line.to_string()
    }
}

/// The results of a run over the whole list, ready to be written.
pub struct Summary<'a> {
    /// (test path, outcome), in any order.
    pub results: &'a [(String, Outcome)],
    /// Paths of the tests with a non-empty `.out` file.
    pub with_output: &'a BTreeSet<String>,
}

impl Summary<'_> {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|(_, o)| o.is_pass()).count()
    }

    pub fn count(&self, reason: Reason) -> usize {
        self.results
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Fail { reason: r, .. } if *r == reason))
            .count()
    }

    /// The snapshot's text.
    pub fn render(&self) -> String {
        let total = self.results.len();
        let passed = self.passed();
        let pct = if total == 0 {
            0.0
        } else {
            passed as f64 * 100.0 / total as f64
        };
        let passed_out = self
            .results
            .iter()
            .filter(|(p, o)| o.is_pass() && self.with_output.contains(p))
            .count();
        let mut s = String::new();
        s.push_str("# goxide conformance: Go 1.19's test suite (golang-1.19-src, test/)\n");
        s.push_str(
            "# The `// run` tests of corpus/go-test-run-verified.txt, translated with Go 1.19\n",
        );
        s.push_str(
            "# semantics; a test passes when its translation is complete, builds, exits 0 and\n",
        );
        s.push_str(
            "# prints (stdout and stderr through one pipe) exactly X.out (nothing without one).\n",
        );
        s.push_str(&format!("Tests: {total}\n"));
        s.push_str(&format!("Passed: {passed}/{total} ({pct:.2}%)\n"));
        s.push_str(&format!(
            "Passed among the {} with a non-empty .out: {passed_out}/{}\n",
            self.with_output.len(),
            self.with_output.len()
        ));
        s.push_str("Failures by reason:\n");
        for reason in Reason::ALL {
            s.push_str(&format!("  {}: {}\n", reason.as_str(), self.count(reason)));
        }
        s.push_str(&format!(
            "goxide panics: {}\n\n",
            self.count(Reason::TranslatePanic)
        ));
        let mut sorted: Vec<&(String, Outcome)> = self.results.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, outcome) in sorted {
            match outcome {
                Outcome::Pass => s.push_str(&format!("pass {path}\n")),
                Outcome::Fail { reason, detail } => {
                    s.push_str(&format!("fail {} {path}: {detail}\n", reason.as_str()))
                }
            }
        }
        s
    }
}

/// The paths a snapshot lists as passing.
pub fn parse_passes(snapshot: &str) -> BTreeSet<String> {
    snapshot
        .lines()
        .filter_map(|l| l.strip_prefix("pass "))
        .map(|p| p.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_stable() {
        assert_eq!(
            clean_detail("open /tmp/go-build123/x/y.txt: no such file\nmore"),
            "open …/x/y.txt: no such file"
        );
        assert_eq!(
            clean_detail("panic: bad pointer 0xc000012345 here"),
            "panic: bad pointer 0x… here"
        );
        assert_eq!(
            clean_detail("thread 'main' (4242) panicked at src/main.rs:3:5:"),
            "thread 'main' panicked at src/main.rs:3:5:"
        );
        assert_eq!(clean_detail("src/main.rs:1: x"), "src/main.rs:1: x");
        assert_eq!(clean_detail(&"x".repeat(500)).chars().count(), MAX_DETAIL);
    }

    #[test]
    fn render_and_read_back() {
        let results = vec![
            (
                "b.go".to_string(),
                Outcome::fail(Reason::Build, "E0308: mismatched types"),
            ),
            ("a.go".to_string(), Outcome::Pass),
        ];
        let with_output: BTreeSet<String> = ["a.go".to_string()].into();
        let text = Summary {
            results: &results,
            with_output: &with_output,
        }
        .render();
        assert!(text.contains("Passed: 1/2 (50.00%)\n"));
        assert!(text.contains("Passed among the 1 with a non-empty .out: 1/1\n"));
        assert!(text.ends_with("pass a.go\nfail build b.go: E0308: mismatched types\n"));
        assert_eq!(parse_passes(&text), ["a.go".to_string()].into());
    }
}
