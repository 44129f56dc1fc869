//! Writing one article file.

use newsdesk_model::ArticleContent;

use crate::emit;

/// `key: value` for a text, left out when empty (the format does not tell the two apart).
fn field(out: &mut String, key: &str, value: &str) {
    if !value.is_empty() {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&emit::text(value, false));
        out.push('\n');
    }
}

/// A list of records (`images`, `links`), each field on its own line, empty fields left out.
fn records<const N: usize>(out: &mut String, key: &str, names: [&str; N], rows: &[[&str; N]]) {
    if rows.is_empty() {
        return;
    }
    out.push_str(key);
    out.push_str(":\n");
    for row in rows {
        let mut first = true;
        for (name, value) in names.iter().zip(row) {
            if value.is_empty() {
                continue;
            }
            out.push_str(if first { "- " } else { "  " });
            out.push_str(name);
            out.push_str(": ");
            out.push_str(&emit::text(value, false));
            out.push('\n');
            first = false;
        }
        if first {
            out.push_str("- {}\n");
        }
    }
}

/// A time as the file keeps it: RFC 3339 in UTC, to the second.
fn moment(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Writes an article as Markdown with YAML front matter, the way [`crate::parse`] reads it:
/// `parse(write(a)) == a` for every article, whatever characters its fields hold.
pub fn write(article: &ArticleContent) -> String {
    let mut out = String::with_capacity(article.body.len() + 1024);
    out.push_str("---\n");
    field(&mut out, "kicker", &article.kicker);
    field(&mut out, "title", &article.title);
    field(&mut out, "type", &article.kind);
    field(&mut out, "section", &article.section);
    if let Some(date) = article.date {
        out.push_str(&format!("date: {}\n", date.format("%Y-%m-%d")));
    }
    field(&mut out, "author", &article.author);
    field(&mut out, "teaser", &article.teaser);
    if !article.tags.is_empty() {
        let tags: Vec<String> = article.tags.iter().map(|t| emit::text(t, true)).collect();
        out.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    let images: Vec<[&str; 4]> = article
        .images
        .iter()
        .map(|i| [&*i.file, &*i.caption, &*i.credit, &*i.alt])
        .collect();
    records(
        &mut out,
        "images",
        ["file", "caption", "credit", "alt"],
        &images,
    );
    let links: Vec<[&str; 3]> = article
        .links
        .iter()
        .map(|l| [&*l.title, &*l.url, &*l.kind])
        .collect();
    records(&mut out, "links", ["title", "url", "kind"], &links);
    field(&mut out, "slug", &article.slug);
    field(&mut out, "description", &article.description);
    field(&mut out, "social_image", &article.social_image);
    if let Some(embargo) = article.embargo {
        field(&mut out, "embargo", &moment(embargo));
    }
    let corrections: Vec<[String; 2]> = article
        .corrections
        .iter()
        .map(|c| [moment(c.at), c.note.clone()])
        .collect();
    let corrections: Vec<[&str; 2]> = corrections.iter().map(|[a, n]| [&**a, &**n]).collect();
    records(&mut out, "corrections", ["at", "note"], &corrections);
    for (key, value) in &article.extra {
        out.push_str(&emit::text(key, false));
        out.push_str(": ");
        out.push_str(&emit::flow(value));
        out.push('\n');
    }
    out.push_str("---\n");
    out.push_str(&article.body);
    out
}
