//! Writing one article file.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use newsdesk_model::{ArticleContent, ImageRef, Link};
use serde::Serialize;

fn is_empty(s: &str) -> bool {
    s.is_empty()
}

/// The front matter in the interchange format's field order; empty fields are left out.
#[derive(Serialize)]
struct FrontMatter<'a> {
    #[serde(skip_serializing_if = "is_empty")]
    kicker: &'a str,
    title: &'a str,
    #[serde(rename = "type", skip_serializing_if = "is_empty")]
    kind: &'a str,
    #[serde(skip_serializing_if = "is_empty")]
    section: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "is_empty")]
    author: &'a str,
    #[serde(skip_serializing_if = "is_empty")]
    teaser: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    images: &'a [ImageRef],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    links: &'a [Link],
    #[serde(flatten)]
    extra: &'a BTreeMap<String, serde_json::Value>,
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Writes an article as Markdown with YAML front matter, the way [`crate::parse`] reads it.
pub fn write(article: &ArticleContent) -> String {
    let front = FrontMatter {
        kicker: &article.kicker,
        title: &article.title,
        kind: &article.kind,
        section: &article.section,
        date: article.date.map(iso),
        author: &article.author,
        teaser: &article.teaser,
        tags: &article.tags,
        images: &article.images,
        links: &article.links,
        extra: &article.extra,
    };
    // Serialising plain strings, lists and JSON values into YAML cannot fail.
    let yaml = serde_yaml_ng::to_string(&front).unwrap_or_default();
    let mut out = String::with_capacity(yaml.len() + article.body.len() + 8);
    out.push_str("---\n");
    out.push_str(&yaml);
    out.push_str("---\n");
    out.push_str(&article.body);
    out
}
