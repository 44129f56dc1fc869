//! Reading one article file.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use newsdesk_model::{ArticleContent, ImageRef, Link};
use serde_yaml_ng::{Mapping, Value};

use crate::FormatError;
use crate::front_matter::{Split, split};

/// The front-matter keys Newsdesk reads into fields; all others are kept in `extra`.
const KNOWN: [&str; 10] = [
    "kicker", "title", "type", "section", "date", "author", "teaser", "tags", "images", "links",
];

/// Reads an article from the text of a Markdown file with YAML front matter.
///
/// Refuses a file without a title, with a date that is not `YYYY-MM-DD`, with broken YAML or
/// with a field of the wrong shape; the error names the line.
pub fn parse(text: &str) -> Result<ArticleContent, FormatError> {
    let parts = split(text)?;
    let map = yaml_mapping(&parts)?;
    let fields = Fields {
        map: &map,
        parts: &parts,
    };
    let mut article = ArticleContent {
        kicker: fields.text("kicker")?,
        title: fields.text("title")?,
        kind: fields.text("type")?,
        section: fields.text("section")?,
        date: fields.date("date")?,
        author: fields.text("author")?,
        teaser: fields.text("teaser")?,
        tags: fields.tags("tags")?,
        images: fields.images("images")?,
        links: fields.links("links")?,
        body: parts.body.to_string(),
        extra: BTreeMap::new(),
    };
    if article.title.trim().is_empty() {
        let line = fields.line_of("title").unwrap_or(1);
        return Err(FormatError::at(
            Some(line),
            "the article has no title: the front matter needs a 'title:' line",
        ));
    }
    for (key, value) in &map {
        let Some(name) = key.as_str() else {
            return Err(FormatError::at(
                Some(parts.yaml_first_line),
                format!("front-matter keys must be words, found {}", describe(key)),
            ));
        };
        if KNOWN.contains(&name) {
            continue;
        }
        let json = serde_json::to_value(value).map_err(|e| {
            FormatError::at(
                fields.line_of(name),
                format!("the value of '{name}' cannot be kept: {e}"),
            )
        })?;
        article.extra.insert(name.to_string(), json);
    }
    Ok(article)
}

fn yaml_mapping(parts: &Split<'_>) -> Result<Mapping, FormatError> {
    if parts.yaml.trim().is_empty() {
        return Err(FormatError::at(
            Some(1),
            "the front matter is empty: the article has no title",
        ));
    }
    let value: Value = serde_yaml_ng::from_str(parts.yaml).map_err(|e| {
        let line = e
            .location()
            .map(|l| parts.yaml_first_line + l.line() as u32 - 1);
        // The YAML error text repeats the position relative to the front matter; drop it.
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        FormatError::at(
            line,
            format!("the front matter is not valid YAML: {message}"),
        )
    })?;
    match value {
        Value::Mapping(map) => Ok(map),
        other => Err(FormatError::at(
            Some(parts.yaml_first_line),
            format!(
                "the front matter must be a list of 'key: value' lines, found {}",
                describe(&other)
            ),
        )),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a yes/no value",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a set of 'key: value' pairs",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Scalars (text, numbers, yes/no) as text; `None` for anything else.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => Some(String::new()),
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

struct Fields<'a> {
    map: &'a Mapping,
    parts: &'a Split<'a>,
}

impl Fields<'_> {
    /// The file line on which a top-level key stands.
    fn line_of(&self, key: &str) -> Option<u32> {
        let prefix = format!("{key}:");
        self.parts
            .yaml
            .lines()
            .position(|line| line.starts_with(&prefix))
            .map(|index| self.parts.yaml_first_line + index as u32)
    }

    fn error(&self, key: &str, message: String) -> FormatError {
        FormatError::at(self.line_of(key), message)
    }

    fn get(&self, key: &str) -> Option<&Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn text(&self, key: &str) -> Result<String, FormatError> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(value) => scalar_text(value).ok_or_else(|| {
                self.error(
                    key,
                    format!("'{key}' must be a text, found {}", describe(value)),
                )
            }),
        }
    }

    fn date(&self, key: &str) -> Result<Option<NaiveDate>, FormatError> {
        let text = self.text(key)?;
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                self.error(
                    key,
                    format!(
                        "'{key}: {text}' is not a date: write it as YYYY-MM-DD, e.g. 2018-12-13"
                    ),
                )
            })
    }

    fn tags(&self, key: &str) -> Result<Vec<String>, FormatError> {
        let tags = match self.get(key) {
            None => Vec::new(),
            // "tags: Politik, Thüringen" is a common hand-written form.
            Some(Value::String(s)) => s.split(',').map(str::to_string).collect(),
            Some(Value::Sequence(items)) => {
                let mut tags = Vec::with_capacity(items.len());
                for item in items {
                    let tag = scalar_text(item).ok_or_else(|| {
                        self.error(
                            key,
                            format!(
                                "every entry of '{key}' must be a word, found {}",
                                describe(item)
                            ),
                        )
                    })?;
                    tags.push(tag);
                }
                tags
            }
            Some(other) => {
                return Err(self.error(
                    key,
                    format!(
                        "'{key}' must be a list like [Politik, Thüringen], found {}",
                        describe(other)
                    ),
                ));
            }
        };
        Ok(tags
            .into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect())
    }

    /// A list of `key: value` records with the given field names, as ordered text fields.
    fn records<const N: usize>(
        &self,
        key: &str,
        names: [&str; N],
    ) -> Result<Vec<[String; N]>, FormatError> {
        let items = match self.get(key) {
            None => return Ok(Vec::new()),
            Some(Value::Sequence(items)) => items,
            Some(other) => {
                return Err(self.error(
                    key,
                    format!(
                        "'{key}' must be a list of entries starting with '- ', found {}",
                        describe(other)
                    ),
                ));
            }
        };
        let mut records = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let n = index + 1;
            let Value::Mapping(fields) = item else {
                return Err(self.error(
                    key,
                    format!(
                        "entry {n} of '{key}' must have fields ({}), found {}",
                        names.join(", "),
                        describe(item)
                    ),
                ));
            };
            let mut record: [String; N] = std::array::from_fn(|_| String::new());
            for (field, value) in fields {
                let name = field.as_str().unwrap_or_default();
                let Some(slot) = names.iter().position(|n| *n == name) else {
                    return Err(self.error(
                        key,
                        format!(
                            "entry {n} of '{key}' has an unknown field '{name}' (known: {})",
                            names.join(", ")
                        ),
                    ));
                };
                record[slot] = scalar_text(value).ok_or_else(|| {
                    self.error(
                        key,
                        format!(
                            "'{name}' in entry {n} of '{key}' must be a text, found {}",
                            describe(value)
                        ),
                    )
                })?;
            }
            records.push(record);
        }
        Ok(records)
    }

    fn images(&self, key: &str) -> Result<Vec<ImageRef>, FormatError> {
        let records = self.records(key, ["file", "caption", "credit", "alt"])?;
        Ok(records
            .into_iter()
            .map(|[file, caption, credit, alt]| ImageRef {
                file,
                caption,
                credit,
                alt,
            })
            .collect())
    }

    fn links(&self, key: &str) -> Result<Vec<Link>, FormatError> {
        let records = self.records(key, ["title", "url", "kind"])?;
        Ok(records
            .into_iter()
            .map(|[title, url, kind]| Link { title, url, kind })
            .collect())
    }
}
