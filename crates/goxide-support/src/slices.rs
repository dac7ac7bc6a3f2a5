//! Go's bounds checks for `slices.Insert` and `slices.Delete`: the index or range as Rust
//! wants it (`s.insert(i, v)`, `s.drain(i..j)`), or Go's run-time error text when Go panics.

use super::rt::runtime_error;

/// The index `i` of `slices.Insert(s, i, …)`: Go checks `s[i:]` first, so an index past the
/// end panics with `slice bounds out of range [5:3]` (`[-1:]` when negative), even when
/// nothing is inserted.
pub fn insert_index(i: i64, len: usize) -> usize {
    if i < 0 {
        runtime_error(&format!("runtime error: slice bounds out of range [{i}:]"))
    }
    if i as u64 > len as u64 {
        runtime_error(&format!(
            "runtime error: slice bounds out of range [{i}:{len}]"
        ))
    }
    i as usize
}

/// The range `i..j` of `slices.Delete(s, i, j)`: Go checks `s[i:j:len(s)]` first (`j`, then
/// `i`), with that expression's texts (`[:5:3]`, `[3:2:]`).
pub fn delete_range(i: i64, j: i64, len: usize) -> std::ops::Range<usize> {
    if j < 0 {
        runtime_error(&format!("runtime error: slice bounds out of range [:{j}:]"))
    }
    if j as u64 > len as u64 {
        runtime_error(&format!(
            "runtime error: slice bounds out of range [:{j}:{len}]"
        ))
    }
    if i < 0 {
        runtime_error(&format!("runtime error: slice bounds out of range [{i}::]"))
    }
    if i > j {
        runtime_error(&format!(
            "runtime error: slice bounds out of range [{i}:{j}:]"
        ))
    }
    i as usize..j as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
        super::super::rt::install_quiet_hook();
        let err = std::panic::catch_unwind(f).unwrap_err();
        super::super::rt::panic_message(err.as_ref())
    }

    #[test]
    fn in_range() {
        assert_eq!(insert_index(3, 3), 3);
        assert_eq!(delete_range(1, 3, 3), 1..3);
        assert_eq!(delete_range(2, 2, 3), 2..2);
    }

    #[test]
    fn go_texts() {
        assert_eq!(
            message(|| {
                insert_index(5, 3);
            }),
            "runtime error: slice bounds out of range [5:3]"
        );
        assert_eq!(
            message(|| {
                insert_index(-1, 3);
            }),
            "runtime error: slice bounds out of range [-1:]"
        );
        assert_eq!(
            message(|| {
                delete_range(1, 5, 3);
            }),
            "runtime error: slice bounds out of range [:5:3]"
        );
        assert_eq!(
            message(|| {
                delete_range(3, 2, 3);
            }),
            "runtime error: slice bounds out of range [3:2:]"
        );
        assert_eq!(
            message(|| {
                delete_range(-2, 1, 3);
            }),
            "runtime error: slice bounds out of range [-2::]"
        );
    }
}
