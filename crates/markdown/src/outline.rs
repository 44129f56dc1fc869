//! What a body holds besides its text: headings, links and images (for the readiness and
//! accessibility checks), and the plain text (for counts and readability).

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, …
    pub level: u8,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineLink {
    pub text: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineImage {
    pub alt: String,
    pub src: String,
}

/// Headings, links and images of a Markdown body, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    pub headings: Vec<Heading>,
    pub links: Vec<OutlineLink>,
    pub images: Vec<OutlineImage>,
}

fn level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// What is open while its text is collected.
enum Open {
    Heading(u8),
    Link(String),
    Image(String),
}

/// How much of a heading's, link's or picture's text is kept: enough for every message that
/// quotes it. Each open one collects the text inside it, so pictures nested in pictures' alt
/// texts would otherwise hold the body many times over.
const TEXT_BYTES: usize = 1024;

fn push_capped(text: &mut String, more: &str) {
    let room = TEXT_BYTES.saturating_sub(text.len());
    if more.len() <= room {
        text.push_str(more);
    } else {
        let mut end = room;
        while !more.is_char_boundary(end) {
            end -= 1;
        }
        text.push_str(&more[..end]);
    }
}

/// Reads the headings, links and images of `markdown`.
pub fn outline(markdown: &str) -> Outline {
    let mut out = Outline::default();
    let mut open: Vec<(Open, String)> = Vec::new();
    for event in super::events(markdown) {
        match event {
            Event::Start(Tag::Heading { level: l, .. }) => {
                open.push((Open::Heading(level(l)), String::new()))
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                open.push((Open::Link(dest_url.to_string()), String::new()))
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                open.push((Open::Image(dest_url.to_string()), String::new()))
            }
            Event::Text(t) | Event::Code(t) => {
                for (_, text) in open.iter_mut() {
                    push_capped(text, &t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                for (_, text) in open.iter_mut() {
                    push_capped(text, " ");
                }
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Link | TagEnd::Image) => {
                if let Some((kind, text)) = open.pop() {
                    let text = text.trim().to_string();
                    match kind {
                        Open::Heading(level) => out.headings.push(Heading { level, text }),
                        Open::Link(url) => out.links.push(OutlineLink { text, url }),
                        Open::Image(src) => out.images.push(OutlineImage { alt: text, src }),
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The text of `markdown` without its markup, paragraphs and list items on lines of their own.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in super::events(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow,
            ) => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_links_and_images_are_found() {
        let o = outline("## Zwei\n\nText [hier](https://x.de) und ![](bild.jpg)\n\n#### Vier\n");
        assert_eq!(
            o.headings.iter().map(|h| h.level).collect::<Vec<_>>(),
            [2, 4]
        );
        assert_eq!(o.links[0].text, "hier");
        assert_eq!(o.images[0].alt, "");
        assert_eq!(o.images[0].src, "bild.jpg");
    }

    #[test]
    fn plain_text_drops_the_markup() {
        assert_eq!(
            plain_text("**Fett** und [Link](u).\n\n- eins\n"),
            "Fett und Link.\neins\n"
        );
    }
}
