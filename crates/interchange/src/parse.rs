//! Reading one article file.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_model::limits::{MAX_FRONT_MATTER_BYTES, human_bytes};
use newsdesk_model::{ArticleContent, Correction, ImageRef, Link};

use crate::FormatError;
use crate::front_matter::split;
use crate::yaml::{self, Kind, Node};

/// The front-matter keys Newsdesk reads into fields; all others are kept in `extra`.
pub const KNOWN_KEYS: [&str; 15] = [
    "kicker",
    "title",
    "type",
    "section",
    "date",
    "author",
    "teaser",
    "tags",
    "images",
    "links",
    "slug",
    "description",
    "social_image",
    "embargo",
    "corrections",
];

/// Reads an article from the text of a Markdown file with YAML front matter.
///
/// Refuses a file without a title, with a date that is not `YYYY-MM-DD`, with broken YAML or
/// with a field of the wrong shape; the error names the line.
pub fn parse(text: &str) -> Result<ArticleContent, FormatError> {
    let parts = split(text)?;
    if parts.yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(FormatError::at(
            Some(1),
            format!(
                "the front matter is {}, more than the {} Newsdesk reads",
                human_bytes(parts.yaml.len() as u64),
                human_bytes(MAX_FRONT_MATTER_BYTES as u64)
            ),
        ));
    }
    if parts.yaml.trim().is_empty() {
        return Err(FormatError::at(
            Some(1),
            "the front matter is empty: the article has no title",
        ));
    }
    let root = yaml::parse(parts.yaml, parts.yaml_first_line)?;
    let Kind::Map(pairs) = &root.kind else {
        return Err(FormatError::at(
            Some(root.line),
            format!(
                "the front matter must be a list of 'key: value' lines, found {}",
                root.describe()
            ),
        ));
    };
    let fields = Fields::new(pairs, root.line)?;
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
        slug: fields.text("slug")?,
        description: fields.text("description")?,
        social_image: fields.text("social_image")?,
        embargo: fields.moment("embargo")?,
        corrections: fields.corrections("corrections")?,
        extra: BTreeMap::new(),
    };
    if article.title.trim().is_empty() {
        let line = fields.line_of("title").unwrap_or(1);
        return Err(FormatError::at(
            Some(line),
            "the article has no title: the front matter needs a 'title:' line",
        ));
    }
    for (name, (_, value)) in &fields.by_name {
        if !KNOWN_KEYS.contains(&name.as_str()) {
            let json = value.to_json()?;
            article.extra.insert(name.clone(), json);
        }
    }
    Ok(article)
}

/// An RFC 3339 time ("2026-12-14T10:00:00+01:00", a space for the T allowed) in UTC.
fn moment_of(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%:z"))
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The top-level entries of the front matter by name.
struct Fields<'a> {
    by_name: BTreeMap<String, (&'a Node, &'a Node)>,
}

impl<'a> Fields<'a> {
    fn new(pairs: &'a [(Node, Node)], line: u32) -> Result<Self, FormatError> {
        let mut by_name = BTreeMap::new();
        for (key, value) in pairs {
            let name = match (&key.kind, key.text()) {
                (Kind::Scalar { .. }, Some(name)) if !name.is_empty() => name,
                _ => {
                    return Err(FormatError::at(
                        Some(key.line.max(line)),
                        format!("front-matter keys must be words, found {}", key.describe()),
                    ));
                }
            };
            if let Some((earlier, _)) = by_name.insert(name.clone(), (key, value)) {
                return Err(FormatError::at(
                    Some(key.line),
                    format!(
                        "'{name}' is given twice (lines {} and {}): keep one",
                        earlier.line, key.line
                    ),
                ));
            }
        }
        Ok(Fields { by_name })
    }

    /// The file line on which a top-level key stands.
    fn line_of(&self, key: &str) -> Option<u32> {
        self.by_name.get(key).map(|(k, _)| k.line)
    }

    fn error(&self, key: &str, message: String) -> FormatError {
        FormatError::at(self.line_of(key), message)
    }

    fn get(&self, key: &str) -> Option<&'a Node> {
        self.by_name
            .get(key)
            .map(|(_, v)| *v)
            .filter(|v| !v.is_null())
    }

    fn text(&self, key: &str) -> Result<String, FormatError> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(value) => value.text().ok_or_else(|| {
                self.error(
                    key,
                    format!("'{key}' must be a text, found {}", value.describe()),
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

    /// A point in time, RFC 3339 with its offset ("2026-12-14T10:00:00+01:00"), kept in UTC.
    fn moment(&self, key: &str) -> Result<Option<DateTime<Utc>>, FormatError> {
        let text = self.text(key)?;
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        moment_of(text).map(Some).ok_or_else(|| {
            self.error(
                key,
                format!(
                    "'{key}: {text}' is not a time: write it as RFC 3339 with its offset, e.g. \
                     2026-12-14T10:00:00+01:00"
                ),
            )
        })
    }

    fn corrections(&self, key: &str) -> Result<Vec<Correction>, FormatError> {
        let records = self.records(key, ["at", "note"])?;
        records
            .into_iter()
            .enumerate()
            .map(|(index, [at, note])| {
                let at = moment_of(at.trim()).ok_or_else(|| {
                    self.error(
                        key,
                        format!(
                            "entry {} of '{key}' has no time 'at' in RFC 3339 (e.g. \
                             2026-12-14T10:00:00+01:00), found '{at}'",
                            index + 1
                        ),
                    )
                })?;
                Ok(Correction { at, note })
            })
            .collect()
    }

    fn tags(&self, key: &str) -> Result<Vec<String>, FormatError> {
        let tags = match self.get(key).map(|v| (v, &v.kind)) {
            None => Vec::new(),
            Some((_, Kind::Seq(items))) => {
                let mut tags = Vec::with_capacity(items.len());
                for item in items {
                    let tag = item.text().ok_or_else(|| {
                        FormatError::at(
                            Some(item.line),
                            format!(
                                "every entry of '{key}' must be a word, found {}",
                                item.describe()
                            ),
                        )
                    })?;
                    tags.push(tag);
                }
                tags
            }
            // "tags: Politik, Thüringen" is a common hand-written form.
            Some((value, Kind::Scalar { .. })) => value
                .text()
                .unwrap_or_default()
                .split(',')
                .map(str::to_string)
                .collect(),
            Some((value, Kind::Map(_))) => {
                return Err(self.error(
                    key,
                    format!(
                        "'{key}' must be a list like [Politik, Thüringen], found {}",
                        value.describe()
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
            Some(Node {
                kind: Kind::Seq(items),
                ..
            }) => items,
            Some(other) => {
                return Err(self.error(
                    key,
                    format!(
                        "'{key}' must be a list of entries starting with '- ', found {}",
                        other.describe()
                    ),
                ));
            }
        };
        let mut records = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let n = index + 1;
            let Kind::Map(fields) = &item.kind else {
                return Err(FormatError::at(
                    Some(item.line),
                    format!(
                        "entry {n} of '{key}' must have fields ({}), found {}",
                        names.join(", "),
                        item.describe()
                    ),
                ));
            };
            let mut record: [String; N] = std::array::from_fn(|_| String::new());
            let mut given = [false; N];
            for (field, value) in fields {
                let name = field.text().unwrap_or_default();
                let Some(slot) = names.iter().position(|n| *n == name) else {
                    return Err(FormatError::at(
                        Some(field.line),
                        format!(
                            "entry {n} of '{key}' has an unknown field '{name}' (known: {})",
                            names.join(", ")
                        ),
                    ));
                };
                if std::mem::replace(&mut given[slot], true) {
                    return Err(FormatError::at(
                        Some(field.line),
                        format!("entry {n} of '{key}' gives '{name}' twice: keep one"),
                    ));
                }
                record[slot] = value.text().ok_or_else(|| {
                    FormatError::at(
                        Some(value.line),
                        format!(
                            "'{name}' in entry {n} of '{key}' must be a text, found {}",
                            value.describe()
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
