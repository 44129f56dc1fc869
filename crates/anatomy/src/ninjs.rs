//! IPTC ninjs 2.1 ("News in JSON"): the article for agencies, archives and partners' systems.
//! The output validates against IPTC's schema (`assets/export/ninjs-schema_2.1.json`).
//!
//! Mapping: title → `headlines` (role `main`), kicker → `headlines` (role `subheadline`),
//! teaser → `descriptions` (role `summary`), meta description → `descriptions` (role `seo`),
//! corrections' notices → `ednote` (newest first), body → `bodies` (HTML, sanitised), author → `by`,
//! tags → `subjects`, section → `subjects` (rel `section`), kind → `genres`; each picture →
//! `associations` (type `picture`) with its caption and alt text (`descriptions`), photographer
//! (`by`), credit line (`copyrightnotice`), copyright holder, usage terms and `renditions`
//! (the file's name in the bundle as `title`).

use serde_json::{Map, Value, json};

use crate::{Anatomy, ExportArticle};

/// The schema the output claims (`standard.schema`).
pub const NINJS_SCHEMA_URI: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";

/// The article as a ninjs 2.1 object.
pub fn ninjs(article: &ExportArticle) -> Value {
    news_item(article, &Anatomy::of(article))
}

/// [`ninjs`] of an article whose anatomy is made already.
pub fn news_item(article: &ExportArticle, anatomy: &Anatomy) -> Value {
    let mut item = Map::new();
    item.insert(
        "standard".into(),
        json!({"name": "ninjs", "version": "2.1", "schema": NINJS_SCHEMA_URI}),
    );
    item.insert("uri".into(), json!(article_uri(article.id)));
    item.insert("type".into(), json!("text"));
    item.insert("representationtype".into(), json!("full"));
    item.insert("version".into(), json!(article.revision.to_string()));
    item.insert("firstcreated".into(), json!(rfc3339(article.created_at)));
    item.insert("versioncreated".into(), json!(rfc3339(article.updated_at)));
    if let Some(date) = article.content.date {
        item.insert("contentcreated".into(), json!(format!("{date}T00:00:00Z")));
    }
    item.insert("pubstatus".into(), json!("usable"));
    item.insert("language".into(), json!(anatomy.language));
    let mut headlines = vec![json!({"role": "main", "value": anatomy.title})];
    if !anatomy.kicker.is_empty() {
        headlines.push(json!({"role": "subheadline", "value": anatomy.kicker}));
    }
    item.insert("headlines".into(), Value::Array(headlines));
    let mut descriptions = Vec::new();
    if !anatomy.teaser.is_empty() {
        descriptions
            .push(json!({"role": "summary", "contenttype": "text/plain", "value": anatomy.teaser}));
    }
    let description = article.content.description.trim();
    if !description.is_empty() {
        descriptions
            .push(json!({"role": "seo", "contenttype": "text/plain", "value": description}));
    }
    if !descriptions.is_empty() {
        item.insert("descriptions".into(), Value::Array(descriptions));
    }
    // Corrections, newest first, in ninjs's place for an editorial note.
    let notes: Vec<String> = article
        .content
        .corrections
        .iter()
        .map(|c| crate::correction_notice(&anatomy.language, c))
        .collect();
    if !notes.is_empty() {
        item.insert("ednote".into(), json!(notes.join("\n")));
    }
    let text = newsdesk_markdown::plain_text(&anatomy.body_markdown);
    item.insert(
        "bodies".into(),
        json!([{
            "role": "main",
            "contenttype": "text/html",
            "charcount": text.chars().count(),
            "wordcount": text.split_whitespace().count(),
            "value": anatomy.body_html,
        }]),
    );
    if !anatomy.author.is_empty() {
        item.insert("by".into(), json!(anatomy.author));
    }
    let mut subjects: Vec<Value> = anatomy.tags.iter().map(|t| json!({"name": t})).collect();
    if !anatomy.section.is_empty() {
        subjects.push(json!({"name": anatomy.section, "rel": "section"}));
    }
    if !subjects.is_empty() {
        item.insert("subjects".into(), Value::Array(subjects));
    }
    if !anatomy.kind.is_empty() {
        item.insert("genres".into(), json!([{"name": anatomy.kind}]));
    }
    item.insert(
        "altids".into(),
        json!([{"role": "newsdesk-article", "value": article.id.to_string()}]),
    );
    let associations: Vec<Value> = anatomy
        .figures
        .iter()
        .map(|figure| picture(article, figure))
        .collect();
    if !associations.is_empty() {
        item.insert("associations".into(), Value::Array(associations));
    }
    Value::Object(item)
}

/// One picture of the article as an association.
fn picture(article: &ExportArticle, figure: &crate::Figure) -> Value {
    let source = article.pictures.get(figure.index);
    let file = source.and_then(|p| p.file.as_ref());
    let mut item = Map::new();
    item.insert("name".into(), json!(format!("picture{}", figure.index + 1)));
    let uri = match file {
        Some(file) => format!(
            "urn:newsdesk:image:{}",
            newsdesk_model::content_address(&file.hash)
        ),
        None => format!("{}:picture:{}", article_uri(article.id), figure.index + 1),
    };
    item.insert("uri".into(), json!(uri));
    item.insert("type".into(), json!("picture"));
    let mut descriptions = Vec::new();
    if !figure.caption.is_empty() {
        descriptions.push(json!({"role": "caption", "value": figure.caption}));
    }
    if !figure.alt.is_empty() {
        descriptions.push(json!({"role": "alternativetext", "value": figure.alt}));
    }
    if !descriptions.is_empty() {
        item.insert("descriptions".into(), Value::Array(descriptions));
    }
    let given = |value: Option<&Option<String>>| {
        value
            .and_then(|v| v.as_deref())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let creator = given(source.map(|p| &p.creator));
    let copyright = given(source.map(|p| &p.copyright));
    let usage_terms = given(source.map(|p| &p.usage_terms));
    if let Some(creator) = &creator {
        item.insert("by".into(), json!(creator));
    }
    if !figure.credit.is_empty() {
        item.insert("copyrightnotice".into(), json!(figure.credit));
    }
    if let Some(holder) = copyright
        .or(creator)
        .or_else(|| (!figure.credit.is_empty()).then(|| figure.credit.clone()))
    {
        item.insert("copyrightholder".into(), json!(holder));
    }
    if let Some(terms) = usage_terms {
        item.insert("usageterms".into(), json!(terms));
    }
    if let Some(file) = file {
        let mut rendition = Map::new();
        rendition.insert("name".into(), json!("original"));
        rendition.insert("title".into(), json!(file.name));
        rendition.insert("contenttype".into(), json!(file.media_type));
        if file.width > 0 && file.height > 0 {
            rendition.insert("width".into(), json!(file.width));
            rendition.insert("height".into(), json!(file.height));
        }
        if let Some(original) = &file.original {
            rendition.insert("sizeinbytes".into(), json!(original.len()));
        }
        item.insert("renditions".into(), json!([Value::Object(rendition)]));
    }
    Value::Object(item)
}

fn article_uri(id: i64) -> String {
    format!("urn:newsdesk:article:{id}")
}

fn rfc3339(time: chrono::DateTime<chrono::Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
