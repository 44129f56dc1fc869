//! Portals' JSON answers read into typed values that keep only what an adapter uses: serde
//! skips every other field without building it, and every list is bounded, so an answer takes
//! memory near its own size (a `serde_json::Value` tree of small values takes 10–30 times it).
//!
//! [`read`] parses a body; the wrappers here are the shapes the adapters share: a bounded list
//! ([`Bounded`]), one that keeps its first entries ([`Capped`]), the first entry only
//! ([`First`]), an id given as number or text ([`Id`]), a text that may be something else
//! ([`Text`]) and WordPress's `{raw, rendered}` ([`RawOrRendered`]).

use std::fmt;
use std::marker::PhantomData;

use newsdesk_model::limits::MAX_PORTAL_LIST_ITEMS;
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::PublishError;

/// Starts the text of a serde error that is a limit's refusal (told apart in [`read`]).
pub(crate) const OVER_LIMIT: &str = "over the limit: ";

/// The answer `body` as `T`; a limit reached is [`PublishError::TooLarge`], anything else the
/// portal's answer not understood.
pub(crate) fn read<T: DeserializeOwned>(body: &[u8]) -> Result<T, PublishError> {
    serde_json::from_slice(body).map_err(|e| {
        let text = e.to_string();
        match text.strip_prefix(OVER_LIMIT) {
            Some(reason) => PublishError::TooLarge(
                reason
                    .split(" at line ")
                    .next()
                    .unwrap_or(reason)
                    .to_string(),
            ),
            None => PublishError::Protocol(format!(
                "expected its JSON, got {} ({e})",
                describe_body(body)
            )),
        }
    })
}

/// The start of a body, for messages: "an empty answer" or its first words in quotes.
pub(crate) fn describe_body(body: &[u8]) -> String {
    if body.is_empty() {
        return "an empty answer".into();
    }
    let start = &body[..body.len().min(4096)];
    let text = String::from_utf8_lossy(start);
    format!("“{}”", clip(text.trim(), 120))
}

/// At most `max` characters, control characters left out, "…" where cut.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(max).collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

fn over_limit<E: de::Error>(limit: usize) -> E {
    let which = if limit == MAX_PORTAL_LIST_ITEMS {
        " (MAX_PORTAL_LIST_ITEMS)"
    } else {
        ", more than Newsdesk asked for"
    };
    E::custom(format!(
        "{OVER_LIMIT}a list in the portal's answer holds more than {limit} entries{which}"
    ))
}

/// A list of at most `N` entries; a longer one is refused as soon as entry `N + 1` comes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bounded<T, const N: usize>(pub Vec<T>);

impl<T, const N: usize> Default for Bounded<T, N> {
    fn default() -> Self {
        Bounded(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for Bounded<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Items<T, const N: usize>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for Items<T, N> {
            type Value = Bounded<T, N>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a list of at most {N} entries")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(N).min(1024));
                while let Some(item) = seq.next_element()? {
                    if items.len() == N {
                        return Err(over_limit(N));
                    }
                    items.push(item);
                }
                Ok(Bounded(items))
            }
        }
        deserializer.deserialize_seq(Items::<T, N>(PhantomData))
    }
}

/// The first `N` entries of a list; `more` says that the list went on (the rest is skipped,
/// not kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Capped<T, const N: usize> {
    pub items: Vec<T>,
    pub more: bool,
}

impl<T, const N: usize> Default for Capped<T, N> {
    fn default() -> Self {
        Capped {
            items: Vec::new(),
            more: false,
        }
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for Capped<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Items<T, const N: usize>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for Items<T, N> {
            type Value = Capped<T, N>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut capped = Capped::default();
                while capped.items.len() < N {
                    match seq.next_element()? {
                        Some(item) => capped.items.push(item),
                        None => return Ok(capped),
                    }
                }
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    capped.more = true;
                }
                Ok(capped)
            }
        }
        deserializer.deserialize_seq(Items::<T, N>(PhantomData))
    }
}

/// The first entry of a list (the others skipped); `None` for an empty list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct First<T>(pub Option<T>);

impl<T> Default for First<T> {
    fn default() -> Self {
        First(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for First<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Head<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Head<T> {
            type Value = First<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let first = seq.next_element()?;
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(First(first))
            }
        }
        deserializer.deserialize_seq(Head::<T>(PhantomData))
    }
}

/// An id as the portal gives it, a number (WordPress) or a text (Ghost, ninjs), kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl<'v> Visitor<'v> for IdVisitor {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id (a number or a text)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Id, E> {
                Ok(Id(v))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

/// A text where the portal may give something else: any other value is skipped and `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Text(pub Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(Some(v)))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// WordPress's `{"raw": …, "rendered": …}` (context `edit`): the raw text where it is given,
/// else the rendered HTML; only one of the two is kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct RawOrRendered(pub String);

impl<'de> Deserialize<'de> for RawOrRendered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pair;
        impl<'de> Visitor<'de> for Pair {
            type Value = RawOrRendered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object with raw or rendered")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawOrRendered, E> {
                Ok(RawOrRendered(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawOrRendered, E> {
                Ok(RawOrRendered::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawOrRendered, A::Error> {
                let mut raw: Option<String> = None;
                let mut rendered: Option<String> = None;
                while let Some(key) = map.next_key::<Text>()? {
                    match key.0.as_deref() {
                        Some("raw") => raw = map.next_value::<Text>()?.0.or(raw),
                        Some("rendered") if raw.is_none() => {
                            rendered = map.next_value::<Text>()?.0;
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                    if raw.is_some() {
                        rendered = None;
                    }
                }
                Ok(RawOrRendered(raw.or(rendered).unwrap_or_default()))
            }
        }
        deserializer.deserialize_any(Pair)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Page {
        #[serde(default)]
        items: Bounded<u64, 3>,
        #[serde(default)]
        names: Capped<String, 2>,
        #[serde(default)]
        first: First<Id>,
        #[serde(default)]
        note: Text,
        #[serde(default)]
        title: RawOrRendered,
    }

    #[test]
    fn only_what_is_used_is_kept_and_every_list_is_bounded() {
        let page: Page = read(
            br#"{"items":[1,2,3],"names":["a","b","c","d"],"first":[7,"x",{"y":1}],
                 "note":{"deep":[1,2]},"title":{"rendered":"<b>x</b>","raw":"x"},
                 "other":[[[[1]]],{"a":"b"}]}"#,
        )
        .expect("a valid answer");
        assert_eq!(page.items.0, vec![1, 2, 3]);
        assert_eq!(page.names.items, vec!["a", "b"], "the first two kept");
        assert!(page.names.more, "and the rest said, not kept");
        assert_eq!(page.first.0, Some(Id("7".into())), "a number id as text");
        assert_eq!(page.note.0, None, "an object where a text was hoped for");
        assert_eq!(
            page.title.0, "x",
            "raw wins over rendered, whatever the order"
        );

        let err = read::<Page>(br#"{"items":[1,2,3,4]}"#).expect_err("four is one too many");
        assert!(
            matches!(&err, PublishError::TooLarge(m) if m.contains("more than 3 entries")),
            "a limit, said as one: {err}"
        );
        let err = read::<Page>(b"<html>Hotel Wi-Fi</html>").expect_err("not JSON");
        assert!(
            matches!(&err, PublishError::Protocol(m) if m.contains("Hotel Wi-Fi")),
            "the start of what came: {err}"
        );
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
        let page = read::<Page>(format!(r#"{{"other":{deep}}}"#).as_bytes())
            .expect("a field no one reads is skipped, however deep (serde_json skips in a loop)");
        assert!(page.items.0.is_empty());
        // Where a value is read, what is not of its shape is refused, what is skipped
        // is skipped in a loop: neither walks down the stack.
        for field in ["note", "title", "first", "items", "names"] {
            match read::<Page>(format!(r#"{{"{field}":[{deep}]}}"#).as_bytes()) {
                Ok(_) | Err(PublishError::Protocol(_)) => {}
                Err(other) => panic!("{field}: {other}"),
            }
        }
    }

    #[test]
    fn a_body_is_described_by_its_start_only() {
        assert_eq!(describe_body(b""), "an empty answer");
        let long = "x".repeat(10_000);
        let said = describe_body(long.as_bytes());
        assert!(said.chars().count() < 130, "clipped: {said}");
        assert_eq!(clip("Größe", 3), "Grö…");
    }
}
