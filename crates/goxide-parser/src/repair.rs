//! Parsing with tree-sitter-go, and textual repairs of the valid Go that tree-sitter-go rejects.
//!
//! The file is parsed once; only when the tree has errors are targeted repairs tried on the
//! text around each error, and a repair is kept only if it lowers the number of error nodes.
//! Repairs replace bytes in place (a space or newline by `;` or `\n`, a `;` by a space) so that
//! byte offsets stay those of the original text; where text must be inserted, [`OffsetMap`]
//! maps offsets of the repaired text back to the original.

use tree_sitter::{Node, Parser, Tree};

/// Maps byte offsets of the repaired text back to the original text.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    /// Insertions as `(offset in the repaired text, inserted length)`, sorted by offset.
    inserts: Vec<(u32, u32)>,
    /// Added to every mapped offset (used when lowering a separately parsed snippet).
    pub(crate) base: i64,
    /// Type literals replaced by a same-length identifier (tree-sitter-go rejects method
    /// expressions on them): `(start in the repaired text, original literal text)`.
    pub(crate) substitutes: Vec<(u32, String)>,
}

impl OffsetMap {
    pub(crate) fn to_original(&self, off: usize) -> u32 {
        let off = off as u32;
        let mut shift = 0;
        for &(at, len) in &self.inserts {
            if at >= off {
                break;
            }
            shift += len.min(off - at);
        }
        u32::try_from(i64::from(off - shift) + self.base).unwrap_or(0)
    }

    /// The original text of the type literal substituted at `start`, if any.
    pub(crate) fn substitute_at(&self, start: usize) -> Option<&str> {
        self.substitutes
            .iter()
            .find(|s| s.0 as usize == start)
            .map(|s| s.1.as_str())
    }

    /// Records that `len` bytes were inserted at `at` (an offset in the text before this
    /// insertion, which already includes earlier insertions).
    fn insert(&mut self, at: u32, len: u32) {
        for e in &mut self.inserts {
            if e.0 >= at {
                e.0 += len;
            }
        }
        for s in &mut self.substitutes {
            if s.0 >= at {
                s.0 += len;
            }
        }
        self.inserts.push((at, len));
        self.inserts.sort_unstable();
    }
}

/// The parsed text (possibly repaired) and its tree.
pub(crate) struct Parsed {
    pub text: String,
    pub map: OffsetMap,
    pub tree: Option<Tree>,
}

pub(crate) fn new_parser() -> Option<Parser> {
    let mut parser = Parser::new();
    parser.set_language(&tree_sitter_go::LANGUAGE.into()).ok()?;
    Some(parser)
}

fn parse(parser: &mut Parser, text: &str) -> Option<Tree> {
    parser.parse(text, None)
}

/// Counts error and missing nodes (only descending into subtrees that have errors).
pub(crate) fn error_count(tree: &Tree) -> usize {
    let mut count = 0;
    let mut stack = vec![tree.root_node()];
    while let Some(n) = stack.pop() {
        if n.is_error() || n.is_missing() {
            count += 1;
            continue;
        }
        if !n.has_error() {
            continue;
        }
        let mut c = n.walk();
        stack.extend(n.children(&mut c));
    }
    count
}

/// Byte ranges of the first error or missing nodes, in source order.
fn error_positions(tree: &Tree) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack = vec![tree.root_node()];
    while let Some(n) = stack.pop() {
        if n.is_error() || n.is_missing() {
            out.push((n.start_byte(), n.end_byte()));
            continue;
        }
        if !n.has_error() {
            continue;
        }
        let mut c = n.walk();
        let kids: Vec<Node> = n.children(&mut c).collect();
        stack.extend(kids.into_iter().rev());
    }
    out
}

/// Parses `text`, repairing it where tree-sitter-go rejects valid Go.
pub(crate) fn parse_repaired(text: &str) -> Parsed {
    let Some(mut parser) = new_parser() else {
        return Parsed {
            text: text.to_string(),
            map: OffsetMap::default(),
            tree: None,
        };
    };
    let tree = parse(&mut parser, text);
    let mut parsed = Parsed {
        text: text.to_string(),
        map: OffsetMap::default(),
        tree,
    };
    let Some(tree) = parsed.tree.as_ref() else {
        return parsed;
    };
    if !tree.root_node().has_error() {
        return parsed;
    }
    let mut errors = error_count(tree);
    // Each round tries every candidate repair near the first remaining errors; the number of
    // rounds is bounded so that a hopeless file costs a few parses at most.
    for _ in 0..8 {
        let Some(tree) = parsed.tree.as_ref() else {
            break;
        };
        let positions = error_positions(tree);
        let mut improved = false;
        for cand in candidates(&parsed.text, &positions) {
            let mut text = parsed.text.clone();
            let mut map = parsed.map.clone();
            if !cand.apply(&mut text, &mut map) {
                continue;
            }
            let Some(t) = parse(&mut parser, &text) else {
                continue;
            };
            let n = error_count(&t);
            if n < errors {
                errors = n;
                parsed = Parsed {
                    text,
                    map,
                    tree: Some(t),
                };
                improved = true;
                break;
            }
        }
        if !improved || errors == 0 {
            break;
        }
    }
    parsed
}

/// One textual repair.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Edit {
    /// Replace the byte at this offset by another ASCII byte (offsets stay stable).
    Replace(usize, u8),
    /// Insert text at this offset (offsets after it shift; recorded in the [`OffsetMap`]).
    Insert(usize, &'static str),
    /// Replace the type literal at `start..end` by an identifier of the same length; the
    /// lowering parses the literal on its own where that identifier appears.
    Substitute(usize, usize),
    /// Several edits applied together (offsets refer to the text before any of them, and must
    /// be in decreasing order).
    All(Vec<Edit>),
}

impl Edit {
    fn apply(&self, text: &mut String, map: &mut OffsetMap) -> bool {
        match self {
            Edit::Replace(at, b) => {
                let at = *at;
                if !text.is_char_boundary(at) || !text.is_char_boundary(at + 1) || at >= text.len()
                {
                    return false;
                }
                let mut buf = [0u8; 4];
                text.replace_range(at..at + 1, (*b as char).encode_utf8(&mut buf));
                true
            }
            Edit::Insert(at, s) => {
                if *at > text.len() || !text.is_char_boundary(*at) {
                    return false;
                }
                text.insert_str(*at, s);
                map.insert(*at as u32, s.len() as u32);
                true
            }
            Edit::Substitute(start, end) => {
                let (start, end) = (*start, *end);
                let Some(lit) = text.get(start..end) else {
                    return false;
                };
                map.substitutes.push((start as u32, lit.to_string()));
                let ident: String = std::iter::once('X')
                    .chain(std::iter::repeat_n('_', end - start - 1))
                    .collect();
                text.replace_range(start..end, &ident);
                true
            }
            Edit::All(edits) => edits.iter().all(|e| e.apply(text, map)),
        }
    }
}

/// Candidate repairs for the errors at `positions` (first few errors only).
fn candidates(text: &str, positions: &[(usize, usize)]) -> Vec<Edit> {
    let mut out = Vec::new();
    for &(start, end) in positions.iter().take(3) {
        crate::repair_rules::candidates_at(text, start, end, &mut out);
    }
    out
}
