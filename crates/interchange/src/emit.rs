//! Writing YAML values the way [`crate::yaml`] reads them back, exactly.
//!
//! A text stays unquoted only when that is unambiguous — it cannot be read as a number,
//! null or yes/no, holds no sign YAML gives a meaning, and nothing a reader could fold or
//! take for a line break (U+0085, U+2028, U+2029). Everything else is double-quoted with
//! YAML's escapes, so control characters and odd spaces survive any round trip.

use serde_json::Value;

use crate::yaml::resolve_plain;

/// Characters that may not open an unquoted scalar.
const INDICATORS: &str = "-?:,[]{}#&*!|>'\"%@`";

/// Characters that end an unquoted scalar inside `[…]` or `{…}`.
const FLOW_SIGNS: &str = ",[]{}";

/// YAML 1.1 words some readers still take for yes/no; quoted for their sake.
const YES_NO: [&str; 12] = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "off",
];

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

fn plain_is_safe(text: &str, in_flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let last = text.chars().last().unwrap_or(first);
    !first.is_whitespace()
        && !last.is_whitespace()
        && !INDICATORS.contains(first)
        && !text.starts_with("...")
        && !text.chars().any(needs_escape)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !(in_flow && text.contains(|c| FLOW_SIGNS.contains(c)))
        // saphyr reads "0 -" in a flow list as a broken second scalar.
        && !(in_flow && (text.contains(" -") || text.ends_with('-')))
        && !YES_NO.contains(&text)
        && matches!(resolve_plain(text), Value::String(_))
}

fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if (c as u32) < 0x100 && needs_escape(c) => {
                out.push_str(&format!("\\x{:02X}", c as u32))
            }
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A text as a YAML scalar; `in_flow` inside `[…]` or `{…}`.
pub(crate) fn text(value: &str, in_flow: bool) -> String {
    if plain_is_safe(value, in_flow) {
        value.to_string()
    } else {
        double_quoted(value)
    }
}

/// A JSON value in YAML's flow style (`[a, b]`, `{k: v}`), on one line. Strings are quoted
/// when needed, so every value reads back as the same JSON.
pub(crate) fn flow(value: &Value) -> String {
    let mut out = String::new();
    // An explicit stack: values arrive nested up to the format's limit, never recursing.
    enum Step<'a> {
        Value(&'a Value),
        Raw(&'static str),
        Key(&'a str),
    }
    let mut steps = vec![Step::Value(value)];
    while let Some(step) = steps.pop() {
        match step {
            Step::Raw(s) => out.push_str(s),
            Step::Key(k) => {
                out.push_str(&text(k, true));
                out.push_str(": ");
            }
            Step::Value(Value::Null) => out.push_str("null"),
            Step::Value(Value::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
            Step::Value(Value::Number(n)) => out.push_str(&number(n)),
            Step::Value(Value::String(s)) => out.push_str(&text(s, true)),
            Step::Value(Value::Array(items)) => {
                steps.push(Step::Raw("]"));
                for (i, item) in items.iter().enumerate().rev() {
                    steps.push(Step::Value(item));
                    if i > 0 {
                        steps.push(Step::Raw(", "));
                    }
                }
                steps.push(Step::Raw("["));
            }
            Step::Value(Value::Object(map)) => {
                steps.push(Step::Raw("}"));
                for (i, (k, v)) in map.iter().enumerate().rev() {
                    steps.push(Step::Value(v));
                    steps.push(Step::Key(k));
                    if i > 0 {
                        steps.push(Step::Raw(", "));
                    }
                }
                steps.push(Step::Raw("{"));
            }
        }
    }
    out
}

/// A JSON number as YAML reads it back: floats always with a `.` or an exponent.
fn number(n: &serde_json::Number) -> String {
    let text = n.to_string();
    if n.is_f64() && !text.contains(['.', 'e', 'E']) {
        format!("{text}.0")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ordinary_words_stay_unquoted() {
        assert_eq!(text("Thüringen", false), "Thüringen");
        assert_eq!(
            text("Strategie (PDF; 4,4 MB)", false),
            "Strategie (PDF; 4,4 MB)"
        );
        assert_eq!(
            text("http://www.thueringen.de", false),
            "http://www.thueringen.de"
        );
    }

    #[test]
    fn ambiguous_texts_are_quoted() {
        for t in [
            "10.10", "1e3", "null", "~", "true", "no", "", " a", "a: b", "- a", "#x", "a #b",
        ] {
            assert!(
                text(t, false).starts_with('"'),
                "{t:?} → {}",
                text(t, false)
            );
        }
        assert_eq!(text("a, b", true), "\"a, b\"", "a comma ends a flow item");
    }

    #[test]
    fn line_breaks_of_every_kind_are_escaped() {
        assert_eq!(
            text("a\u{2028}b\u{85}c\nd\u{1b}", false),
            "\"a\\Lb\\Nc\\nd\\e\""
        );
    }

    #[test]
    fn flow_values_read_like_json() {
        assert_eq!(
            flow(&json!({"a": [1, 2.0, "x y", null, true], "b c": {}})),
            "{a: [1, 2.0, x y, null, true], b c: {}}"
        );
    }
}
