//! The front matter's YAML as a tree of nodes, read with limits.
//!
//! Built from the events of `saphyr-parser` rather than a ready-made value type, for three
//! reasons that matter to an import of files nobody vetted:
//!
//! - **Bounded**: aliases (`*name`) are expanded against a budget
//!   ([`MAX_EXPANDED_FRONT_MATTER`]), so a few kilobytes that repeat an anchor thousands of
//!   times are refused instead of growing to gigabytes; nesting stops at [`MAX_NESTING`].
//! - **Faithful**: a scalar keeps its text as written (`10.10`, `1e3`), so a text field reads
//!   back exactly; numbers and yes/no are resolved only where a value is not a known text.
//! - **Located**: every node knows its line, so errors name the line of the entry at fault.
//!
//! No recursion anywhere: the tree is built with an explicit stack.

use std::collections::HashMap;

use newsdesk_model::limits::{MAX_EXPANDED_FRONT_MATTER, MAX_NESTING, human_bytes};
use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::FormatError;

/// One value of the front matter, with the (1-based) line of the file it starts on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub kind: Kind,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// A scalar as written; `plain` when unquoted (only plain scalars are numbers, null, …).
    Scalar {
        text: String,
        plain: bool,
        /// `!!str` forces a text.
        forced_text: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// What the node is, in words for an error message.
    pub fn describe(&self) -> &'static str {
        match &self.kind {
            Kind::Scalar { .. } => match self.resolve() {
                serde_json::Value::Null => "nothing",
                serde_json::Value::Bool(_) => "a yes/no value",
                serde_json::Value::Number(_) => "a number",
                _ => "a text",
            },
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a set of 'key: value' pairs",
        }
    }

    /// True for an empty plain scalar, `~` or `null`: "not given".
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { text, plain: true, forced_text: false }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A scalar's text as written ("" for null); `None` for lists and sets.
    pub fn text(&self) -> Option<String> {
        match &self.kind {
            Kind::Scalar { .. } if self.is_null() => Some(String::new()),
            Kind::Scalar { text, .. } => Some(text.clone()),
            _ => None,
        }
    }

    /// A scalar resolved by YAML 1.2's core schema (null, yes/no, integer, float, text).
    fn resolve(&self) -> serde_json::Value {
        match &self.kind {
            Kind::Scalar {
                text,
                plain: true,
                forced_text: false,
            } => resolve_plain(text),
            Kind::Scalar { text, .. } => serde_json::Value::String(text.clone()),
            _ => serde_json::Value::Null,
        }
    }

    /// The node as JSON (for front-matter keys Newsdesk keeps without knowing them).
    pub fn to_json(&self) -> Result<serde_json::Value, FormatError> {
        use serde_json::{Map, Value};
        // Children are converted before their parent: a post-order walk with a stack.
        enum Step<'a> {
            Visit(&'a Node),
            Seq(usize),
            Map(&'a [(Node, Node)]),
        }
        let mut steps = vec![Step::Visit(self)];
        let mut done: Vec<Value> = Vec::new();
        while let Some(step) = steps.pop() {
            match step {
                Step::Visit(node) => match &node.kind {
                    Kind::Scalar { .. } => done.push(node.resolve()),
                    Kind::Seq(items) => {
                        steps.push(Step::Seq(items.len()));
                        steps.extend(items.iter().rev().map(Step::Visit));
                    }
                    Kind::Map(pairs) => {
                        steps.push(Step::Map(pairs));
                        steps.extend(pairs.iter().rev().map(|(_, v)| Step::Visit(v)));
                    }
                },
                Step::Seq(n) => {
                    let items = done.split_off(done.len() - n);
                    done.push(Value::Array(items));
                }
                Step::Map(pairs) => {
                    let values = done.split_off(done.len() - pairs.len());
                    let mut map = Map::new();
                    for ((key, _), value) in pairs.iter().zip(values) {
                        let Some(name) = key.text() else {
                            return Err(FormatError::at(
                                Some(key.line),
                                format!("keys must be words, found {}", key.describe()),
                            ));
                        };
                        if map.insert(name.clone(), value).is_some() {
                            return Err(FormatError::at(
                                Some(key.line),
                                format!("the key '{name}' appears twice in the same entry"),
                            ));
                        }
                    }
                    done.push(Value::Object(map));
                }
            }
        }
        Ok(done.pop().unwrap_or(Value::Null))
    }
}

/// What an unquoted scalar means under YAML 1.2's core schema.
pub(crate) fn resolve_plain(text: &str) -> serde_json::Value {
    use serde_json::Value;
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => {
            core_schema_number(text).map_or_else(|| Value::String(text.to_string()), Value::Number)
        }
    }
}

/// `text` as a JSON number when YAML 1.2's core schema reads it as an integer or a finite
/// float that JSON can hold; otherwise `None` (it stays a text).
fn core_schema_number(text: &str) -> Option<serde_json::Number> {
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'-') => (-1i128, &text[1..]),
        Some(b'+') => (1, &text[1..]),
        _ => (1, text),
    };
    let integer = if let Some(hex) = text.strip_prefix("0x") {
        digits(hex, 16).then(|| i128::from_str_radix(hex, 16).ok())?
    } else if let Some(octal) = text.strip_prefix("0o") {
        digits(octal, 8).then(|| i128::from_str_radix(octal, 8).ok())?
    } else if digits(rest, 10) {
        rest.parse::<i128>().ok().map(|n| sign * n)
    } else {
        None
    };
    if let Some(n) = integer {
        return i64::try_from(n)
            .map(serde_json::Number::from)
            .or_else(|_| u64::try_from(n).map(serde_json::Number::from))
            .ok();
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", frac)) => digits(frac, 10),
        Some((int, frac)) => digits(int, 10) && (frac.is_empty() || digits(frac, 10)),
        None => digits(mantissa, 10),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.trim_start_matches(['-', '+']), 10));
    if !mantissa_ok || !exponent_ok || exponent.is_some_and(|e| e.matches(['-', '+']).count() > 1) {
        return None;
    }
    text.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .and_then(serde_json::Number::from_f64)
}

/// A node being built: a list or a set still open, with the pending key of a set.
struct Open {
    node: Node,
    anchor: usize,
    key: Option<Node>,
}

/// Counts what the tree holds, aliases expanded, against [`MAX_EXPANDED_FRONT_MATTER`].
struct Budget {
    used: usize,
}

impl Budget {
    fn charge(&mut self, cost: usize, line: u32) -> Result<(), FormatError> {
        self.used = self.used.saturating_add(cost);
        if self.used > MAX_EXPANDED_FRONT_MATTER {
            return Err(FormatError::at(
                Some(line),
                format!(
                    "the front matter is too large once its aliases (*name) are expanded: \
                     Newsdesk reads at most {} of front matter",
                    human_bytes(MAX_EXPANDED_FRONT_MATTER as u64)
                ),
            ));
        }
        Ok(())
    }
}

/// What a node costs against the budget: its text bytes plus one per value.
fn cost(node: &Node) -> usize {
    let mut total = 0usize;
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        total = total.saturating_add(1);
        match &node.kind {
            Kind::Scalar { text, .. } => total = total.saturating_add(text.len()),
            Kind::Seq(items) => stack.extend(items),
            Kind::Map(pairs) => stack.extend(pairs.iter().flat_map(|(k, v)| [k, v])),
        }
    }
    total
}

fn depth_of(node: &Node) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(node, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match &node.kind {
            Kind::Scalar { .. } => {}
            Kind::Seq(items) => stack.extend(items.iter().map(|n| (n, depth + 1))),
            Kind::Map(pairs) => stack.extend(
                pairs
                    .iter()
                    .flat_map(|(k, v)| [(k, depth + 1), (v, depth + 1)]),
            ),
        }
    }
    deepest
}

fn too_deep(line: u32) -> FormatError {
    FormatError::at(
        Some(line),
        format!(
            "the front matter nests lists or 'key: value' sets more than {MAX_NESTING} levels deep"
        ),
    )
}

/// Reads one YAML document. `first_line` is the file line of the YAML's first line.
pub(crate) fn parse(yaml: &str, first_line: u32) -> Result<Node, FormatError> {
    let line_of = |span: &saphyr_parser::Span| first_line + span.start.line() as u32 - 1;
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut open: Vec<Open> = Vec::new();
    let mut budget = Budget { used: 0 };
    let mut root: Option<Node> = None;
    let mut documents = 0;
    for event in Parser::new_from_str(yaml) {
        let (event, span) = event.map_err(|e| {
            FormatError::at(
                Some(first_line + e.marker().line() as u32 - 1),
                format!("the front matter is not valid YAML: {}", e.info()),
            )
        })?;
        let line = line_of(&span);
        // A finished node and the anchor it defines (0 = none).
        let finished: Option<(Node, usize)> = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => None,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(FormatError::at(
                        Some(line),
                        "the front matter holds more than one YAML document",
                    ));
                }
                None
            }
            Event::Scalar(text, style, anchor, tag) => {
                budget.charge(1 + text.len(), line)?;
                let forced_text = tag.is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str");
                Some((
                    Node {
                        kind: Kind::Scalar {
                            text: text.into_owned(),
                            plain: style == ScalarStyle::Plain,
                            forced_text,
                        },
                        line,
                    },
                    anchor,
                ))
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                budget.charge(1, line)?;
                if open.len() >= MAX_NESTING {
                    return Err(too_deep(line));
                }
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    Kind::Seq(Vec::new())
                } else {
                    Kind::Map(Vec::new())
                };
                open.push(Open {
                    node: Node { kind, line },
                    anchor,
                    key: None,
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => open.pop().map(|o| (o.node, o.anchor)),
            Event::Alias(id) => {
                let Some((node, size)) = anchors.get(&id) else {
                    return Err(FormatError::at(
                        Some(line),
                        "the front matter uses an alias (*name) whose anchor (&name) is not defined before it",
                    ));
                };
                budget.charge(*size, line)?;
                if open.len() + depth_of(node) > MAX_NESTING {
                    return Err(too_deep(line));
                }
                Some((node.clone(), 0))
            }
        };
        let Some((node, anchor)) = finished else {
            continue;
        };
        if anchor != 0 {
            let size = cost(&node);
            anchors.insert(anchor, (node.clone(), size));
        }
        match open.last_mut() {
            None => root = Some(node),
            Some(parent) => match &mut parent.node.kind {
                Kind::Seq(items) => items.push(node),
                Kind::Map(pairs) => match parent.key.take() {
                    None => parent.key = Some(node),
                    Some(key) => pairs.push((key, node)),
                },
                Kind::Scalar { .. } => {}
            },
        }
    }
    root.ok_or_else(|| {
        FormatError::at(
            Some(first_line),
            "the front matter is empty: the article has no title",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn json_of(yaml: &str) -> serde_json::Value {
        parse(yaml, 2)
            .and_then(|n| n.to_json())
            .expect("valid YAML")
    }

    #[test]
    fn scalars_resolve_by_the_core_schema_but_keep_their_text() {
        let node = parse("a: 10.10\nb: 1e3\nc: '7'\nd: ~\ne: true\nf: 0x10\n", 2).expect("yaml");
        let Kind::Map(pairs) = &node.kind else {
            panic!("a map")
        };
        assert_eq!(
            pairs[0].1.text().as_deref(),
            Some("10.10"),
            "text as written"
        );
        assert_eq!(pairs[1].1.text().as_deref(), Some("1e3"));
        assert_eq!(
            json_of("a: 10.10\nb: 1e3\nc: '7'\nd: ~\ne: true\nf: 0x10\ng: .inf\nh: 1_000\n"),
            json!({"a": 10.1, "b": 1000.0, "c": "7", "d": null, "e": true, "f": 16,
                   "g": ".inf", "h": "1_000"})
        );
    }

    #[test]
    fn huge_integers_stay_text() {
        assert_eq!(
            json_of("n: 123456789012345678901234567890\n"),
            json!({"n": "123456789012345678901234567890"})
        );
    }

    #[test]
    fn lines_are_those_of_the_file() {
        let node = parse("a: 1\nb:\n  - x\n", 2).expect("yaml");
        let Kind::Map(pairs) = &node.kind else {
            panic!("a map")
        };
        assert_eq!(pairs[1].0.line, 3, "b stands on the file's line 3");
    }

    #[test]
    fn billion_laughs_are_refused_early() {
        let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            yaml.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let err = parse(&yaml, 2).expect_err("10^9 values");
        assert!(err.message.contains("aliases"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let yaml = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        let err = parse(&yaml, 2).expect_err("100 levels");
        assert!(err.message.contains("32 levels"), "{err}");
        let ok = format!("a: {}{}\n", "[".repeat(20), "]".repeat(20));
        parse(&ok, 2).expect("20 levels are fine");
    }

    #[test]
    fn an_alias_before_its_anchor_is_an_error_not_a_panic() {
        let err = parse("a: *nowhere\n", 2).expect_err("undefined alias");
        assert_eq!(err.line, Some(2));
    }
}
