//! The portal's credit line ("Bildquelle: …") built from a picture's fields by a format the
//! newsroom sets once for the library.
//!
//! - `{credit}` is a field; `{credit|creator|source}` the first of them that is not empty.
//!   Fields: `credit`, `creator`, `source`, `copyright`.
//! - `[…]` is left out when no field inside it has a value: `{credit}[ / Foto: {creator}]`
//!   gives "dpa / Foto: Anna Muster", or "dpa" without a creator.
//!
//! A picture with none of the fields used has an empty line: it counts as having no credit.
//!
//! Wherever a credit is shown with its label — the CLI, the exports, the caption a portal
//! gets — the label comes from [`credit_label`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ImageMetadata;

/// How the portal shows a picture's credit (the portal's own word, as on its pages).
pub const CREDIT_LABEL: &str = "Bildquelle";

/// The credit as the portal shows it: "Bildquelle: Thüringer Staatskanzlei".
pub fn credit_label(credit: &str) -> String {
    format!("{CREDIT_LABEL}: {credit}")
}

/// The credit the provider asked for, else the photographer, else the source.
pub const DEFAULT_CREDIT_FORMAT: &str = "{credit|creator|source}";

const FIELDS: [&str; 4] = ["credit", "creator", "source", "copyright"];

/// The fields a credit line is made of, as the window has them while a photo editor types
/// (the preview of the line a picture will carry).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CreditFields {
    pub credit: Option<String>,
    pub creator: Option<String>,
    pub source: Option<String>,
    pub copyright: Option<String>,
}

/// One line of the credit-format preview: a picture's fields and the line the format gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CreditPreview {
    /// The picture's file name, or an example's name when the library has no pictures.
    pub file: String,
    pub fields: CreditFields,
    pub line: String,
}

impl From<&ImageMetadata> for CreditFields {
    fn from(m: &ImageMetadata) -> Self {
        Self {
            credit: m.credit.clone(),
            creator: m.creator.clone(),
            source: m.source.clone(),
            copyright: m.copyright.clone(),
        }
    }
}

impl CreditFields {
    /// The field a format names, trimmed; `None` when empty or unknown.
    fn field(&self, name: &str) -> Option<&str> {
        let value = match name {
            "credit" => self.credit.as_deref(),
            "creator" => self.creator.as_deref(),
            "source" => self.source.as_deref(),
            "copyright" => self.copyright.as_deref(),
            _ => None,
        };
        value.map(str::trim).filter(|v| !v.is_empty())
    }
}

/// Says what is wrong with `format`, in words, or nothing.
pub fn check_format(format: &str) -> Result<(), String> {
    let mut depth = 0;
    let mut rest = format;
    let mut placeholders = 0;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => {
                let end = rest.find('}').ok_or_else(|| {
                    format!("the credit format {format:?} opens a {{ that it does not close")
                })?;
                for name in rest[1..end].split('|') {
                    if !FIELDS.contains(&name.trim()) {
                        return Err(format!(
                            "the credit format {format:?} names {:?}; it knows {}",
                            name.trim(),
                            FIELDS.join(", ")
                        ));
                    }
                }
                placeholders += 1;
                rest = &rest[end + 1..];
                continue;
            }
            '}' => {
                return Err(format!(
                    "the credit format {format:?} closes a }} it never opened"
                ));
            }
            '[' => depth += 1,
            ']' if depth == 0 => {
                return Err(format!(
                    "the credit format {format:?} closes a ] it never opened"
                ));
            }
            ']' => depth -= 1,
            _ => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    if depth != 0 {
        return Err(format!(
            "the credit format {format:?} opens a [ that it does not close"
        ));
    }
    if placeholders == 0 {
        return Err(format!(
            "the credit format {format:?} names no field; use for example {DEFAULT_CREDIT_FORMAT}"
        ));
    }
    Ok(())
}

/// The credit line of a picture with metadata `m` under `format`. A format that does not
/// check (see [`check_format`]) falls back to the default.
pub fn credit_line(format: &str, m: &ImageMetadata) -> String {
    credit_line_of(format, &CreditFields::from(m))
}

/// The credit line `fields` give under `format` (as [`credit_line`]).
pub fn credit_line_of(format: &str, m: &CreditFields) -> String {
    let format = if check_format(format).is_ok() {
        format
    } else {
        DEFAULT_CREDIT_FORMAT
    };
    let (text, filled) = render(format, m);
    if filled {
        text.trim().to_string()
    } else {
        String::new()
    }
}

/// Renders `part`; the flag says whether any field in it had a value.
fn render(part: &str, m: &CreditFields) -> (String, bool) {
    let mut out = String::new();
    let mut filled = false;
    let mut rest = part;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => {
                let end = rest.find('}').unwrap_or(rest.len() - 1);
                let value = rest[1..end]
                    .split('|')
                    .find_map(|name| m.field(name.trim()));
                if let Some(value) = value {
                    out.push_str(value);
                    filled = true;
                }
                rest = &rest[end + 1..];
            }
            '[' => {
                let end = matching_bracket(rest);
                let (inner, inner_filled) = render(&rest[1..end], m);
                if inner_filled {
                    out.push_str(&inner);
                    filled = true;
                }
                rest = rest.get(end + 1..).unwrap_or_default();
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    (out, filled)
}

/// The byte index of the `]` closing the `[` at the start of `text` (a checked format has one).
fn matching_bracket(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(credit: &str, creator: &str) -> ImageMetadata {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        ImageMetadata {
            credit: some(credit),
            creator: some(creator),
            ..ImageMetadata::default()
        }
    }

    #[test]
    fn the_label_is_the_portals_word() {
        assert_eq!(credit_label("dpa"), "Bildquelle: dpa");
    }

    #[test]
    fn the_default_takes_the_credit_then_the_photographer() {
        let m = meta("Thüringer Staatskanzlei", "Anna Muster");
        assert_eq!(
            credit_line(DEFAULT_CREDIT_FORMAT, &m),
            "Thüringer Staatskanzlei"
        );
        assert_eq!(
            credit_line(DEFAULT_CREDIT_FORMAT, &meta("", "Anna Muster")),
            "Anna Muster"
        );
        assert_eq!(
            credit_line(DEFAULT_CREDIT_FORMAT, &meta("", "")),
            "",
            "no credit at all"
        );
    }

    #[test]
    fn an_optional_group_is_left_out_without_its_field() {
        let format = "{credit}[ / Foto: {creator}]";
        assert_eq!(
            credit_line(format, &meta("dpa", "Anna Muster")),
            "dpa / Foto: Anna Muster"
        );
        assert_eq!(credit_line(format, &meta("dpa", "")), "dpa");
        assert_eq!(
            credit_line(format, &meta("", "")),
            "",
            "literal text alone is no credit"
        );
    }

    #[test]
    fn a_broken_format_is_refused_in_words() {
        for bad in [
            "{credit",
            "credit}",
            "[{credit}",
            "{credit}]",
            "{price}",
            "Foto",
        ] {
            assert!(check_format(bad).is_err(), "{bad:?} must be refused");
        }
        assert!(check_format("Foto: {creator|credit}[ ({source})]").is_ok());
    }
}
