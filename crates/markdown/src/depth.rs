//! How deeply HTML and Markdown may nest before they are parsed into trees and walked.
//!
//! HTML nested 100,000 deep (a portal's post, a pasted page) costs html5ever's tree builder
//! time that grows with the square of the depth (each block start tag looks through every open
//! element), and the HTML-to-Markdown converter walks the tree recursively (a stack overflow).
//! So HTML is flattened first, by its tokens alone, in one pass and without recursion: tags
//! deeper than [`MAX_HTML_DEPTH`] are dropped and their text kept. Markdown's events are
//! bounded the same way ([`MAX_MARKDOWN_DEPTH`]) before anything walks them.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use newsdesk_model::limits::{MAX_HTML_DEPTH, MAX_MARKDOWN_DEPTH};
use pulldown_cmark::{Event, TagEnd};

/// Elements without content: they never deepen the tree.
const VOID: [&str; 16] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "basefont",
];

/// Start tags that close an open `p` (html5ever does the same; only `p` directly on top is
/// closed here, so the model never believes in fewer open elements than the parser has).
const CLOSES_P: [&str; 36] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "table",
    "li",
];

/// Elements whose end tag is optional: a start tag of the same family closes an open one on
/// top (`<li>a<li>b`, `<td>1<td>2`), as the parser does.
fn same_family(open: &str, new: &str) -> bool {
    open == new
        && matches!(
            new,
            "li" | "dt" | "dd" | "tr" | "td" | "th" | "option" | "p" | "rb" | "rt" | "rp"
        )
        || matches!(
            (open, new),
            ("dt", "dd") | ("dd", "dt") | ("td", "th") | ("th", "td")
        )
}

/// The state of one flattening: what was written and which elements are open.
struct Flattening {
    /// Whether this pass writes (the first only counts: most HTML is within the limit).
    writing: bool,
    out: String,
    /// The elements open, innermost last; the first [`MAX_HTML_DEPTH`] were written.
    open: Vec<html5ever::LocalName>,
    /// Inside an element whose content is text only (`<script>`, `<textarea>`, …).
    raw: bool,
    /// Tags left out for being too deep.
    dropped: usize,
}

struct Sink(RefCell<Flattening>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(tag),
            Token::CharacterTokens(text) => state.text(&text),
            // Comments and doctypes are dropped: every cleaner downstream drops them anyway,
            // and nothing written here may open markup the count did not see.
            Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

impl Flattening {
    fn text(&mut self, text: &str) {
        if !self.writing {
            return;
        }
        // Every `<` becomes `&lt;`, also in raw text (a `<style>` inside `<svg>` is no raw
        // text for the parser that reads this later): the only tags in the output are the
        // ones counted here.
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '\u{a0}' => self.out.push_str("&nbsp;"),
                c => self.out.push(c),
            }
        }
    }

    fn write_tag(&mut self, tag: &Tag) {
        if !self.writing {
            return;
        }
        self.out.push('<');
        if tag.kind == TagKind::EndTag {
            self.out.push('/');
        }
        self.out.push_str(&tag.name);
        if tag.kind == TagKind::StartTag {
            for attr in &tag.attrs {
                let name = &*attr.name.local;
                // A name the tokenizer kept with odd characters would not read back the same.
                if name.is_empty() || name.contains(['"', '\'', '<', '>', '/', '=']) {
                    continue;
                }
                self.out.push(' ');
                self.out.push_str(name);
                self.out.push_str("=\"");
                for c in attr.value.chars() {
                    match c {
                        '&' => self.out.push_str("&amp;"),
                        '"' => self.out.push_str("&quot;"),
                        '<' => self.out.push_str("&lt;"),
                        '>' => self.out.push_str("&gt;"),
                        c => self.out.push(c),
                    }
                }
                self.out.push('"');
            }
            if tag.self_closing {
                self.out.push_str(" /");
            }
        }
        self.out.push('>');
    }

    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if self.raw {
            // The tokenizer ends raw text only at its own end tag.
            self.raw = false;
            self.write_tag(&tag);
            return TokenSinkResult::Continue;
        }
        match tag.kind {
            TagKind::StartTag => {
                let raw = match name {
                    "script" => Some(TokenSinkResult::RawData(RawKind::ScriptData)),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                        Some(TokenSinkResult::RawData(RawKind::Rawtext))
                    }
                    "textarea" | "title" => Some(TokenSinkResult::RawData(RawKind::Rcdata)),
                    "plaintext" => Some(TokenSinkResult::Plaintext),
                    _ => None,
                };
                if let Some(result) = raw {
                    // Text only inside: one level at most, whatever the depth.
                    self.write_tag(&tag);
                    self.raw = !matches!(result, TokenSinkResult::Plaintext);
                    return result;
                }
                if VOID.contains(&name) {
                    self.write_tag(&tag);
                    return TokenSinkResult::Continue;
                }
                // `<div/>` opens a div in HTML (only SVG and MathML close it): counted open.
                if self.open.last().is_some_and(|top| &**top == "p") && CLOSES_P.contains(&name) {
                    self.open.pop();
                }
                if self.open.last().is_some_and(|top| same_family(top, name)) {
                    self.open.pop();
                }
                if self.open.len() < MAX_HTML_DEPTH {
                    self.write_tag(&tag);
                } else {
                    self.dropped += 1;
                }
                self.open.push(tag.name);
            }
            TagKind::EndTag => {
                // Only the element on top is closed: the parser closes at least as much, so
                // the count here is never below its depth.
                if self.open.last().is_some_and(|top| *top == tag.name) {
                    if self.open.len() <= MAX_HTML_DEPTH {
                        self.write_tag(&tag);
                    } else {
                        self.dropped += 1;
                    }
                    self.open.pop();
                } else if self.open.len() < MAX_HTML_DEPTH {
                    // A stray or misnested end tag within the limit: the parser decides.
                    self.write_tag(&tag);
                } else {
                    self.dropped += 1;
                }
            }
        }
        TokenSinkResult::Continue
    }
}

/// `html` with every element deeper than [`MAX_HTML_DEPTH`] taken out and its text kept, in
/// time linear in its length. HTML that nests no deeper comes back unchanged.
pub fn bound_html_depth(html: &str) -> Cow<'_, str> {
    // Every element needs a `<`: with fewer of them than the limit nothing can be too deep.
    if html.bytes().filter(|b| *b == b'<').count() <= MAX_HTML_DEPTH {
        return Cow::Borrowed(html);
    }
    // Counting first, writing only when something is too deep.
    if flatten(html, false).dropped == 0 {
        return Cow::Borrowed(html);
    }
    Cow::Owned(flatten(html, true).out)
}

/// One pass over `html`'s tokens.
fn flatten(html: &str, writing: bool) -> Flattening {
    let sink = Sink(RefCell::new(Flattening {
        writing,
        out: String::with_capacity(if writing { html.len() } else { 0 }),
        open: Vec::new(),
        raw: false,
        dropped: 0,
    }));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The sink never asks to stop for a script, so one feed reads everything.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

/// Whether a Markdown container is a block: its text is set apart from what follows.
fn is_block(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Markdown's events with every container (quote, list, item, emphasis, link, …) deeper than
/// [`MAX_MARKDOWN_DEPTH`] left out and its text kept; a left-out block ends with a line break
/// so that its words stay apart.
pub fn bounded_events<'a>(
    events: impl Iterator<Item = Event<'a>>,
) -> impl Iterator<Item = Event<'a>> {
    let mut depth = 0usize;
    events.filter_map(move |event| match event {
        Event::Start(tag) => {
            depth += 1;
            (depth <= MAX_MARKDOWN_DEPTH).then_some(Event::Start(tag))
        }
        Event::End(end) => {
            let kept = depth <= MAX_MARKDOWN_DEPTH;
            depth = depth.saturating_sub(1);
            if kept {
                Some(Event::End(end))
            } else if is_block(&end) {
                Some(Event::SoftBreak)
            } else {
                None
            }
        }
        other => Some(other),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `f` on a thread with a small stack (the app's threads have 2 MiB; this has less).
    pub(crate) fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .expect("thread")
            .join()
            .expect("no panic, no overflow")
    }

    fn nested(open: &str, close: &str, depth: usize) -> String {
        format!("{}Mitte{}", open.repeat(depth), close.repeat(depth))
    }

    /// How deep the elements of `html` nest, counting as the flattener does.
    fn depth_of(html: &str) -> usize {
        let mut depth = 0usize;
        let mut deepest = 0;
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            if rest.starts_with('/') {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        deepest
    }

    #[test]
    fn html_within_the_limit_comes_back_unchanged() {
        let html = "<div class=\"a\"><p>Text &amp; <b>mehr</b><br></p></div>".repeat(40);
        assert!(matches!(bound_html_depth(&html), Cow::Borrowed(_)));
        let deep_but_within = nested("<div>", "</div>", MAX_HTML_DEPTH);
        assert!(
            matches!(bound_html_depth(&deep_but_within), Cow::Borrowed(_)),
            "exactly at the limit nothing is dropped"
        );
    }

    #[test]
    fn deeper_elements_are_dropped_and_their_text_kept() {
        let html =
            on_small_stack(|| bound_html_depth(&nested("<div>", "</div>", 100_000)).into_owned());
        assert!(html.contains("Mitte"), "the text stays");
        assert_eq!(html.matches("<div>").count(), MAX_HTML_DEPTH);
        assert_eq!(
            html.matches("</div>").count(),
            MAX_HTML_DEPTH,
            "what was opened is closed"
        );
        assert!(depth_of(&html) <= MAX_HTML_DEPTH);
    }

    #[test]
    fn implicitly_closed_paragraphs_and_items_do_not_add_up() {
        // Old HTML: <p> and <li> without their end tags, thousands of them in a row.
        let html = format!(
            "<ul>{}</ul>{}",
            "<li>Punkt ".repeat(5000),
            "<p>Absatz ".repeat(5000)
        );
        let out = bound_html_depth(&html);
        assert!(
            matches!(out, Cow::Borrowed(_)),
            "siblings are no nesting: nothing is dropped"
        );
    }

    #[test]
    fn text_in_raw_elements_cannot_open_markup_later() {
        let html = format!(
            "{}<svg><style>{}</style></svg>",
            "<div>".repeat(MAX_HTML_DEPTH + 5),
            "<g>".repeat(10_000)
        );
        let out = bound_html_depth(&html);
        assert!(!out.contains("<g>"), "the style's text stays text");
        assert!(out.contains("&lt;g&gt;"));
    }

    #[test]
    fn attributes_survive_escaped() {
        let html = format!(
            "{}<a href=\"https://x.de/?a=1&amp;b=&quot;2&quot;\" title='<x>'>Link</a>{}",
            "<div>".repeat(MAX_HTML_DEPTH - 1),
            "<i>".repeat(10)
        );
        let out = bound_html_depth(&html);
        assert!(
            out.contains(r#"href="https://x.de/?a=1&amp;b=&quot;2&quot;""#),
            "{out}"
        );
        assert!(out.contains(r#"title="&lt;x&gt;""#), "{out}");
    }

    #[test]
    fn markdown_events_beyond_the_limit_are_flattened() {
        use pulldown_cmark::Parser;
        let markdown = format!("{} tief", ">".repeat(100_000));
        let events: Vec<Event<'_>> = bounded_events(Parser::new(&markdown)).collect();
        let starts = events
            .iter()
            .filter(|e| matches!(e, Event::Start(_)))
            .count();
        let ends = events.iter().filter(|e| matches!(e, Event::End(_))).count();
        assert_eq!(starts, MAX_MARKDOWN_DEPTH, "no deeper than the limit");
        assert_eq!(starts, ends, "balanced");
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::Text(t) if t.contains("tief")))
        );
    }
}
