//! Markdown (the stored format of an article's body) to HTML that is safe to show.
//!
//! ```
//! let html = newsdesk_markdown::to_safe_html("Text <script>alert(1)</script> **fett**");
//! assert!(html.contains("<strong>fett</strong>") && !html.contains("<script"));
//! ```
//!
//! Rendering is CommonMark plus tables, strikethrough and footnotes (pulldown-cmark); the
//! result always passes through an allow-list sanitiser (ammonia), because bodies come from
//! pasted HTML and imported files. Pure functions: no IO, no state.

mod depth;
mod escape;
mod fast;
mod outline;
mod paste;

pub use depth::{bound_html_depth, bounded_events};
pub use escape::escape_html;
pub use outline::{Heading, Outline, OutlineImage, OutlineLink, outline, plain_text};
pub use paste::html_to_markdown;

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, html};

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .link_rel(Some("noopener noreferrer"))
        .add_generic_attributes(["id"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("td", ["align", "style"])
        .add_tag_attributes("th", ["align", "style"])
        // Tables need their alignment and nothing else: a cell's `position:fixed` could
        // cover the window.
        .filter_style_properties(std::collections::HashSet::from(["text-align"]))
        .id_prefix(Some("md-"));
    builder
});

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// Markdown's events, containers deeper than the limit set flat.
fn events(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    bounded_events(Parser::new_ext(markdown, options()))
}

/// Renders Markdown to HTML without sanitising: only for callers that sanitise themselves.
fn to_raw_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events(markdown));
    out
}

/// Renders Markdown to sanitised HTML: no scripts, event handlers, `javascript:` links,
/// frames, forms or styles survive, whatever the input holds.
///
/// Markdown with raw HTML in it goes through the allow-list sanitiser whole; Markdown without
/// (what editors write) takes [`fast`]'s path, which changes the same things on the parser's
/// events instead of re-parsing the HTML.
pub fn to_safe_html(markdown: &str) -> String {
    let events: Vec<Event<'_>> = events(markdown).collect();
    if events
        .iter()
        .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
    {
        return sanitise_html(&to_raw_html(markdown));
    }
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, fast::safe_events(events.into_iter()).into_iter());
    out
}

/// Cleans an HTML fragment with the same allow-list as [`to_safe_html`]; elements nested
/// deeper than the limit are flattened first (their text kept).
pub fn sanitise_html(fragment: &str) -> String {
    SANITISER.clean(&bound_html_depth(fragment)).to_string()
}

/// Escapes text for use inside HTML element content or a quoted attribute.
pub fn escape_text(text: &str) -> String {
    ammonia::clean_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_portals_markdown() {
        let html = to_safe_html(
            "Absatz mit [Link](https://example.org).\n\n> „Zitat“\n\n- eins\n- zwei\n",
        );
        assert!(
            html.contains("<blockquote>"),
            "quotes become blockquotes: {html}"
        );
        assert!(html.contains("<li>eins</li>"), "lists render: {html}");
        assert!(
            html.contains(r#"<a href="https://example.org" rel="noopener noreferrer">Link</a>"#),
            "links keep their address and get a safe rel: {html}"
        );
        assert!(
            html.contains("„Zitat“"),
            "German quotes stay as typed: {html}"
        );
    }

    #[test]
    fn hostile_html_does_not_survive() {
        let html = to_safe_html(
            "Text <script>alert(3)</script> <img src=x onerror=\"alert(4)\"> \
             <a href=\"javascript:alert(5)\">link</a>\n\n<iframe src=\"https://example.invalid\"></iframe>\n\n\
             [md link](javascript:alert(7))\n\n<form><input></form> <div style=\"position:fixed\">x</div>",
        );
        for bad in [
            "<script",
            "onerror",
            "href=\"javascript",
            "<iframe",
            "<form",
            "<input",
            "style=",
        ] {
            assert!(!html.contains(bad), "{bad} must be removed: {html}");
        }
        assert!(html.contains("Text"), "ordinary text stays: {html}");
        assert!(
            html.contains("md link</a>"),
            "the link text stays, without its address: {html}"
        );
    }

    #[test]
    fn tables_and_strikethrough_render() {
        let html = to_safe_html("| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~alt~~");
        assert!(
            html.contains("<table>") && html.contains("<del>alt</del>"),
            "{html}"
        );
    }

    #[test]
    fn a_table_cell_keeps_its_alignment_and_no_other_style() {
        let html = to_safe_html(
            "| a | b |\n|---|--:|\n| 1 | 2 |\n\n<table><tr><td style=\"position:fixed;top:0;text-align:center\">x</td></tr></table>",
        );
        assert!(html.contains("text-align"), "{html}");
        assert!(!html.contains("position"), "{html}");
    }

    #[test]
    fn markdown_without_html_is_as_safe_as_with_it() {
        let md = "[a](javascript:alert(1)) [b](<java\tscript:alert(2)>) ![c](javascript:x) \
                  [d](https://x.de \"T\") Text[^1]\n\n[^1]: Fußnote\n";
        let fast = to_safe_html(md);
        assert!(!fast.to_lowercase().contains("javascript"), "{fast}");
        assert!(
            fast.contains(r#"<a href="https://x.de" title="T" rel="noopener noreferrer">d</a>"#),
            "{fast}"
        );
        assert!(
            fast.contains("id=\"md-1\""),
            "footnote ids are prefixed: {fast}"
        );
        let slow = sanitise_html(&to_raw_html(md));
        assert!(!slow.to_lowercase().contains("javascript"));
        assert!(
            fast.contains(">a") && fast.contains(">d</a>"),
            "link texts stay: {fast}"
        );
    }

    /// Inputs nested `depth` deep, each a different way HTML or Markdown nests.
    fn deep_inputs(depth: usize) -> Vec<(&'static str, String)> {
        let nested =
            |open: &str, close: &str| format!("{}Mitte{}", open.repeat(depth), close.repeat(depth));
        vec![
            ("div", nested("<div>", "</div>")),
            ("blockquote", nested("<blockquote>", "</blockquote>")),
            ("ul", nested("<ul><li>", "</li></ul>")),
            ("span", nested("<span>", "</span>")),
            ("unclosed tables", nested("<table><td>", "")),
            ("misnested", nested("<span><div></span>", "")),
            (
                "formatting",
                (0..depth)
                    .map(|i| format!("<b id={i}>"))
                    .collect::<String>()
                    + "Mitte</p><p>",
            ),
            ("markdown quotes", format!("{} Mitte\n", ">".repeat(depth))),
            ("markdown lists", format!("{}Mitte\n", "- ".repeat(depth))),
            ("markdown emphasis", nested("*", "*")),
            ("markdown pictures", nested("![a", "](u)")),
            (
                "quotes with html",
                format!("{}<b>Mitte</b>\n", ">".repeat(depth)),
            ),
        ]
    }

    #[test]
    fn deep_nesting_costs_no_stack_and_keeps_the_text() {
        // 256 KiB: an eighth of the app's smallest threads (the outbox's, tokio's: 2 MiB).
        let run = |depth: usize| {
            std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    for (name, input) in deep_inputs(depth) {
                        let html = to_safe_html(&input);
                        assert!(
                            html.contains("Mitte"),
                            "{name}: the text stays in the preview"
                        );
                        let pasted = html_to_markdown(&input);
                        assert!(
                            pasted.contains("Mitte"),
                            "{name}: the text stays in Markdown"
                        );
                        assert!(sanitise_html(&input).contains("Mitte"), "{name}");
                        // Raw HTML has no plain text (it is markup); Markdown's text stays.
                        assert!(
                            plain_text(&input).contains("Mitte") || !name.starts_with("markdown"),
                            "{name}"
                        );
                        let _ = outline(&input);
                    }
                })
                .expect("thread")
                .join()
                .is_ok()
        };
        assert!(run(10_000), "10,000 deep");
        assert!(run(100_000), "100,000 deep");
    }

    #[test]
    fn escape_text_neutralises_markup() {
        assert_eq!(escape_text("<b>\"x\""), "&lt;b&gt;&quot;x&quot;");
    }
}
