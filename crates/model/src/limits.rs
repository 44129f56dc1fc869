//! The sizes Newsdesk accepts, in one place: what an import, an editor's save and the store
//! allow. Beyond them input is refused with the limit named, so that a hostile or broken
//! file can neither exhaust memory nor store what cannot be read back.

/// The largest article file an import reads (front matter and body).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The largest front matter (the YAML between the `---` lines), as written in the file.
pub const MAX_FRONT_MATTER_BYTES: usize = 256 * 1024;

/// What a front matter may grow to once its aliases (`*name`) are expanded: text bytes plus
/// one per value. A front matter without aliases stays below [`MAX_FRONT_MATTER_BYTES`].
pub const MAX_EXPANDED_FRONT_MATTER: usize = 1024 * 1024;

/// How deeply lists and `key: value` sets may nest in a front matter or an article's extra
/// fields (the sample articles nest 2 deep).
pub const MAX_NESTING: usize = 32;

/// The largest article the library stores: all its text and extra fields together.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// How deeply `value` nests (a scalar is 0, `[1]` is 1, `{"a": [1]}` is 2).
pub fn nesting(value: &serde_json::Value) -> usize {
    // An explicit stack, so that a value nested beyond any limit cannot overflow ours.
    let mut deepest = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((value, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match value {
            serde_json::Value::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
            serde_json::Value::Object(map) => stack.extend(map.values().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    deepest
}

/// Byte counts as people read them: "16 MiB", "256 KiB", "512 bytes".
pub fn human_bytes(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else if bytes >= KIB {
        format!("{:.1} KiB", bytes as f64 / KIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nesting_counts_lists_and_maps() {
        assert_eq!(nesting(&json!("text")), 0);
        assert_eq!(nesting(&json!([1, 2])), 1);
        assert_eq!(nesting(&json!({"a": [1, {"b": []}]})), 3);
    }

    #[test]
    fn nesting_of_a_very_deep_value_does_not_overflow_the_stack() {
        let mut value = json!(0);
        for _ in 0..100_000 {
            value = serde_json::Value::Array(vec![value]);
        }
        assert_eq!(nesting(&value), 100_000);
        // Dropping a value this deep recurses in serde_json; leak it instead of crashing.
        std::mem::forget(value);
    }

    #[test]
    fn byte_counts_read_like_the_docs() {
        assert_eq!(human_bytes(MAX_FILE_BYTES), "16 MiB");
        assert_eq!(human_bytes(MAX_FRONT_MATTER_BYTES as u64), "256 KiB");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(12), "12 bytes");
    }
}
