//! Turning what an editor pastes from Word or a web page (HTML) into clean Markdown: the
//! HTML is first cut down to an allow-list of structure (no scripts, styles, classes, Office
//! markup), then converted.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Only what has a Markdown form survives the paste.
static PASTE_CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "b",
        "em",
        "i",
        "a",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
        "s",
    ]
    .into_iter()
    .collect();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .clean_content_tags(
            ["script", "style", "head", "title", "xml"]
                .into_iter()
                .collect(),
        )
        .generic_attributes(HashSet::new())
        .tag_attributes(std::iter::once(("a", ["href"].into_iter().collect())).collect())
        .link_rel(None)
        .strip_comments(true);
    builder
});

/// Clean Markdown for pasted HTML (or a portal's post). Elements nested deeper than the
/// limit are flattened first, their text kept: the converter walks the tree recursively.
pub fn html_to_markdown(html: &str) -> String {
    let clean = PASTE_CLEANER
        .clean(&crate::bound_html_depth(html))
        .to_string();
    let markdown = htmd::convert(&clean).unwrap_or_else(|_| ammonia::clean_text(&clean));
    markdown.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_markup_becomes_plain_markdown() {
        let html = r#"<html><head><style>p.MsoNormal{margin:0}</style></head><body>
            <p class="MsoNormal" style="margin:0"><b>Fett</b> und <i>kursiv</i> <o:p></o:p></p>
            <ul><li>eins</li><li>zwei</li></ul>
            <p><a href="https://thueringen.de" onclick="x()">Link</a><script>alert(1)</script></p>
            </body></html>"#;
        let md = html_to_markdown(html);
        assert!(md.contains("**Fett** und *kursiv*"), "{md}");
        assert!(md.contains("eins") && md.contains("zwei"), "{md}");
        assert!(md.contains("[Link](https://thueringen.de)"), "{md}");
        for bad in ["Mso", "style", "script", "alert", "onclick", "<"] {
            assert!(!md.contains(bad), "{bad} survived: {md}");
        }
    }
}
