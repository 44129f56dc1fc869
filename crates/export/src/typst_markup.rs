//! The article's text as Typst markup for the print version. Every character of the editor's
//! text that Typst would read as syntax is escaped, so nothing in an article can run as code;
//! straight quotes and apostrophes stay unescaped on purpose: Typst sets them as typographic
//! quotes of the text's language („…“ in German).

use newsdesk_model::limits::MAX_PRINT_NESTING;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use newsdesk_anatomy::safe_url;

/// After this many characters without a space, the print version may break the line: a
/// zero-width space goes in (invisible). German's longest words in use have 60-90 letters;
/// a longer run (a pasted hash, brackets by the thousand) would otherwise be one unbreakable
/// box.
const UNBROKEN_CHARS: usize = 96;

/// A paragraph of the body longer than this (bytes of markup) continues in a new paragraph at
/// its next space: Typst's time for a paragraph grows with the square of the pieces it holds
/// (a 220 KB paragraph took 20 s), and real paragraphs hold a few hundred characters.
const LONG_PARAGRAPH: usize = 4096;

/// A code block of more lines than this is set as several raw blocks of at most this many,
/// without space between them: Typst's time for one raw block grows with the square of its
/// lines (8,000 lines took 11 s, release).
const RAW_BLOCK_LINES: usize = 200;

/// A code block as Typst markup: one raw block, or a block of raw blocks of
/// [`RAW_BLOCK_LINES`] lines that read as one.
fn code_block(code: &str) -> String {
    let lines: Vec<&str> = code.split('\n').collect();
    if lines.len() <= RAW_BLOCK_LINES {
        return format!("#raw(block: true, {})\n\n", string(code));
    }
    let mut out = String::with_capacity(code.len() + code.len() / 8);
    out.push_str("#block[#set block(spacing: 0pt)\n");
    for chunk in lines.chunks(RAW_BLOCK_LINES) {
        out.push_str("#raw(block: true, ");
        out.push_str(&string(&chunk.join("\n")));
        out.push_str(")\n");
    }
    out.push_str("]\n\n");
    out
}

/// The characters Typst's markup reads as syntax somewhere.
fn is_syntax(c: char) -> bool {
    matches!(
        c,
        '\\' | '/'
            | '*'
            | '_'
            | '`'
            | '$'
            | '#'
            | '<'
            | '>'
            | '@'
            | '['
            | ']'
            | '{'
            | '}'
            | '~'
            | '='
            | '-'
            | '+'
            | '.'
            | ':'
            | '^'
            | '%'
            | '&'
            | '|'
    )
}

/// Plain text as Typst markup: shown exactly as written.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    write_text(text, &mut out, None);
    out
}

/// Writes `text` as markup onto `out`. Text holding syntax characters goes in as a string
/// (`#"a.b";`, the `;` ending the expression): one Typst element for a run of text rather than
/// one per escaped character, because Typst's time grows with the square of the elements in a
/// paragraph. Straight quotes stay markup, for Typst to set as „…“. With `paragraph` (the
/// bytes written since the last paragraph break), a long paragraph continues in a new one.
/// A run of more than [`UNBROKEN_CHARS`] without a space is no word: it may break every
/// [`UNBROKEN_CHARS`] characters and is not hyphenated (hyphenating a megabyte-long "word"
/// took Typst 25 s).
fn write_text(text: &str, out: &mut String, mut paragraph: Option<&mut usize>) {
    let mut run = String::new();
    let mut syntax = false;
    // Whether `run` is (the rest of) a run too long to be a word.
    let mut overlong = false;
    // Where the current word began in `run`.
    let mut word_start = 0usize;
    let mut unbroken = 0usize;
    let flush = |run: &mut String, syntax: &mut bool, overlong: &mut bool, out: &mut String| {
        emit(run, *syntax, *overlong, out);
        run.clear();
        *syntax = false;
        *overlong = false;
    };
    for c in text.chars() {
        let c = match c {
            // A line break inside a field is a space in the printed line.
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        let long = paragraph.as_deref().is_some_and(|n| *n > LONG_PARAGRAPH);
        if c.is_whitespace() {
            unbroken = 0;
            if overlong {
                flush(&mut run, &mut syntax, &mut overlong, out);
            }
            if long {
                flush(&mut run, &mut syntax, &mut overlong, out);
                out.push_str("\n\n");
                if let Some(n) = paragraph.as_deref_mut() {
                    *n = 0;
                }
                continue;
            }
        } else {
            if unbroken == 0 {
                word_start = run.len();
            }
            unbroken += 1;
            if unbroken > UNBROKEN_CHARS {
                unbroken = 1;
                if !overlong {
                    // What came before the run stays ordinary (hyphenated) text.
                    let word = run.split_off(word_start);
                    let before_syntax = run.chars().any(is_syntax);
                    emit(&run, before_syntax, false, out);
                    run = word;
                    syntax = run.chars().any(is_syntax);
                    overlong = true;
                }
                if long {
                    flush(&mut run, &mut syntax, &mut overlong, out);
                    out.push_str("\n\n");
                    if let Some(n) = paragraph.as_deref_mut() {
                        *n = 0;
                    }
                    overlong = true;
                } else {
                    run.push('\u{200B}');
                }
            }
        }
        if let Some(n) = paragraph.as_deref_mut() {
            *n += c.len_utf8();
        }
        if c == '"' || c == '\'' {
            let still_overlong = overlong;
            flush(&mut run, &mut syntax, &mut overlong, out);
            out.push(c);
            overlong = still_overlong;
            word_start = 0;
            continue;
        }
        syntax |= is_syntax(c);
        run.push(c);
    }
    flush(&mut run, &mut syntax, &mut overlong, out);
}

/// One run of text as markup: as it is, as a string when it holds syntax characters, and
/// without hyphenation when it is `overlong`.
fn emit(run: &str, syntax: bool, overlong: bool, out: &mut String) {
    if run.is_empty() {
        return;
    }
    if !syntax && !overlong {
        out.push_str(run);
        return;
    }
    out.push_str(if overlong {
        "#text(hyphenate: false, \""
    } else {
        "#\""
    });
    for c in run.chars() {
        if c == '\\' {
            out.push_str("\\\\");
        } else {
            out.push(c);
        }
    }
    out.push_str(if overlong { "\");" } else { "\";" });
}

/// Text as a Typst string literal, quotes included.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text as a Typst content block: `[escaped text]`.
pub fn content(text: &str) -> String {
    format!("[{}]", escape(text))
}

/// HTML elements whose text is not text a reader should see.
const HIDDEN_HTML: [&str; 6] = [
    "script", "style", "iframe", "object", "noscript", "template",
];

/// The article's Markdown body as Typst markup: paragraphs, headings, emphasis, lists, quotes,
/// tables, code, links (web and mail only), footnotes. Raw HTML in the body is reduced to its
/// text; scripts and styles are dropped whole.
pub fn body(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    // What closes each open element, innermost last.
    let mut closers: Vec<&'static str> = Vec::new();
    let mut code: Option<String> = None;
    let mut hidden_depth = 0usize;
    // Text not written yet: the parser hands it over in pieces (a run of brackets one by one).
    let mut text = String::new();
    // Bytes of text since the last paragraph break.
    let mut paragraph = 0usize;
    for event in Parser::new_ext(markdown, options) {
        if let Some(buffer) = code.as_mut() {
            match event {
                Event::Text(text) => buffer.push_str(&text),
                Event::End(TagEnd::CodeBlock) => {
                    out.push_str(&code_block(buffer.trim_end_matches('\n')));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                html_text(&html, &mut hidden_depth, &mut text);
                continue;
            }
            _ if hidden_depth > 0 => continue,
            Event::Text(more) => {
                text.push_str(&more);
                continue;
            }
            Event::SoftBreak => {
                text.push(' ');
                continue;
            }
            _ => {}
        }
        write_text(&text, &mut out, Some(&mut paragraph));
        text.clear();
        match event {
            Event::Start(tag) => start(tag, &mut out, &mut closers, &mut code),
            Event::End(end) => {
                if matches!(end, TagEnd::Paragraph) {
                    out.push_str("\n\n");
                    paragraph = 0;
                    continue;
                }
                if let Some(closer) = closers.pop() {
                    out.push_str(closer);
                }
            }
            Event::Code(text) => {
                out.push_str("#raw(");
                out.push_str(&string(&text));
                out.push(')');
            }
            Event::HardBreak => out.push_str("#linebreak()"),
            Event::Rule => out.push_str("#line(length: 100%)\n\n"),
            Event::FootnoteReference(label) => {
                out.push_str("#super[");
                out.push_str(&escape(&label));
                out.push(']');
            }
            Event::TaskListMarker(done) => out.push_str(if done { "☒ " } else { "☐ " }),
            Event::InlineMath(text) | Event::DisplayMath(text) => out.push_str(&escape(&text)),
            Event::Html(_) | Event::InlineHtml(_) | Event::Text(_) | Event::SoftBreak => {}
        }
    }
    write_text(&text, &mut out, Some(&mut paragraph));
    // Whatever the parser left open is closed, so the markup always parses.
    while let Some(closer) = closers.pop() {
        out.push_str(closer);
    }
    out
}

fn start(
    tag: Tag<'_>,
    out: &mut String,
    closers: &mut Vec<&'static str>,
    code: &mut Option<String>,
) {
    if closers.len() >= MAX_PRINT_NESTING && !matches!(tag, Tag::Paragraph | Tag::CodeBlock(_)) {
        // Too deep: the text continues without another container.
        out.push(' ');
        closers.push("");
        return;
    }
    let (open, close): (String, &'static str) = match tag {
        Tag::Paragraph => return,
        Tag::Heading { level, .. } => {
            // The headline is the article's title; the body's headings start one below.
            let level = match level {
                HeadingLevel::H1 | HeadingLevel::H2 => 1,
                HeadingLevel::H3 => 2,
                _ => 3,
            };
            (format!("#heading(level: {level})["), "]\n\n")
        }
        Tag::BlockQuote(_) => ("#quote(block: true)[".into(), "]\n\n"),
        Tag::CodeBlock(_) => {
            *code = Some(String::new());
            return;
        }
        Tag::List(Some(first)) => (format!("#enum(start: {first}, "), ")\n\n"),
        Tag::List(None) => ("#list(".into(), ")\n\n"),
        Tag::Item => ("[".into(), "], "),
        Tag::Emphasis => ("#emph[".into(), "]"),
        Tag::Strong => ("#strong[".into(), "]"),
        Tag::Strikethrough => ("#strike[".into(), "]"),
        Tag::Link { dest_url, .. } if safe_url(&dest_url) => {
            (format!("#link({})[", string(dest_url.trim())), "]")
        }
        // A link nobody may follow keeps its text only.
        Tag::Link { .. } => ("#[".into(), "]"),
        // Pictures inside the text are not fetched: their alt text stands in for them.
        Tag::Image { .. } => ("#emph[".into(), "]"),
        Tag::Table(alignments) => (
            format!("#table(columns: {}, ", alignments.len().max(1)),
            ")\n\n",
        ),
        Tag::TableHead => ("table.header(".into(), "), "),
        Tag::TableRow => (String::new(), ""),
        Tag::TableCell => ("[".into(), "], "),
        Tag::FootnoteDefinition(label) => (format!("#block[#super[{}] ", escape(&label)), "]\n\n"),
        Tag::HtmlBlock => (String::new(), ""),
        Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::Superscript
        | Tag::Subscript
        | Tag::MetadataBlock(_) => (String::new(), ""),
    };
    out.push_str(&open);
    closers.push(close);
}

/// The text of raw HTML (tags removed) onto `text`; the contents of scripts, styles and frames
/// dropped.
fn html_text(html: &str, hidden_depth: &mut usize, text: &mut String) {
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(at) => {
                if *hidden_depth == 0 {
                    text.push_str(&rest[..at]);
                }
                let after = &rest[at + 1..];
                let end = after.find('>').map_or(after.len(), |e| e + 1);
                let tag = after[..end].trim_end_matches('>').to_ascii_lowercase();
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if HIDDEN_HTML.contains(&name.as_str()) && !tag.ends_with('/') {
                    if closing {
                        *hidden_depth = hidden_depth.saturating_sub(1);
                    } else {
                        *hidden_depth += 1;
                    }
                }
                if matches!(name.as_str(), "br" | "p" | "div") && *hidden_depth == 0 {
                    text.push(' ');
                }
                rest = &after[end..];
            }
            None => {
                if *hidden_depth == 0 {
                    text.push_str(rest);
                }
                rest = "";
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `markup` is plain text without syntax characters and `#"…";` strings.
    fn assert_inert(markup: &str) {
        let mut rest = markup;
        while let Some(c) = rest.chars().next() {
            let (string, closing) = match rest.strip_prefix("#text(hyphenate: false, \"") {
                Some(after) => (Some(after), ");"),
                None => (rest.strip_prefix("#\""), ";"),
            };
            if let Some(after) = string {
                let mut chars = after.char_indices();
                let mut end = None;
                while let Some((i, c)) = chars.next() {
                    if c == '\\' {
                        chars.next();
                    } else if c == '"' {
                        end = Some(i);
                        break;
                    }
                }
                let end = end.expect("every string is closed");
                assert!(
                    after[end + 1..].starts_with(closing),
                    "a string ends its expression: {markup}"
                );
                rest = &after[end + 1 + closing.len()..];
            } else {
                assert!(!is_syntax(c), "{c} outside a string in {markup}");
                rest = &rest[c.len_utf8()..];
            }
        }
    }

    #[test]
    fn every_syntax_character_of_typst_is_inert() {
        let hostile = r#"#import "x": * $x^2$ <label> @ref [a] {b} // c /* d */ = e - f + g 1. h \ i ~ `j` _k_ \"#;
        assert_inert(&escape(hostile));
        assert_inert(&escape(&"\\\"#".repeat(100)));
    }

    #[test]
    fn a_long_run_without_spaces_may_break_but_a_long_word_stays_whole() {
        let word = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz";
        assert!(
            !escape(word).contains('\u{200B}'),
            "a real word is one word"
        );
        let run = "[".repeat(10_000);
        let markup = body(&format!("{run}Kern"));
        let breaks = markup.matches('\u{200B}').count() + markup.matches("\n\n").count();
        assert!(
            breaks >= 10_000 / UNBROKEN_CHARS,
            "a place to break the line at least every {UNBROKEN_CHARS} characters"
        );
        assert!(markup.contains("Kern"));
        assert!(
            markup.matches("#\"").count() < 10_000 / UNBROKEN_CHARS,
            "a run of brackets is a few strings, not one element per bracket"
        );
    }

    #[test]
    fn a_run_too_long_to_be_a_word_is_not_hyphenated_and_its_neighbours_are() {
        let run = "Verwaltungsdigitalisierung".repeat(10);
        let markup = escape(&format!("Die Strategie {run} beschlossen"));
        assert!(
            markup.starts_with("Die Strategie #text(hyphenate: false, \"Verwaltungs"),
            "the words before stay plain text: {markup}"
        );
        assert!(markup.ends_with("\"); beschlossen"), "and after: {markup}");
        assert_eq!(
            markup.matches("hyphenate: false").count(),
            1,
            "one element for the run"
        );
        let word = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz";
        assert_eq!(
            escape(word),
            word,
            "a real long word is hyphenated as usual"
        );
        let body_markup = body(&format!("{}\n", "ab-".repeat(5_000)));
        assert!(
            body_markup.matches("#text(hyphenate: false").count() > 1,
            "a run past a long paragraph continues unhyphenated in the next"
        );
        assert_inert(&markup);
    }

    #[test]
    fn a_long_code_block_is_set_as_several_raw_blocks_holding_every_line() {
        let code: Vec<String> = (0..450).map(|n| format!("zeile_{n} = {n}")).collect();
        let markup = body(&format!("```\n{}\n```\n", code.join("\n")));
        assert_eq!(
            markup.matches("#raw(block: true, ").count(),
            3,
            "200 + 200 + 50 lines: {}",
            &markup[..200]
        );
        assert!(markup.starts_with("#block[#set block(spacing: 0pt)"));
        for line in [&code[0], &code[199], &code[200], &code[449]] {
            assert_eq!(markup.matches(line.as_str()).count(), 1, "{line} once");
        }
        let short = body("```\neins\nzwei\n```\n");
        assert_eq!(short, "#raw(block: true, \"eins\\nzwei\")\n\n");
    }

    #[test]
    fn a_very_long_paragraph_continues_in_new_ones() {
        let markup = body(&("Kurz.\n\n".to_owned() + &"Ein langer Absatz. ".repeat(1000)));
        let paragraphs: Vec<&str> = markup.split("\n\n").filter(|p| !p.is_empty()).collect();
        assert!(paragraphs.len() > 3, "split: {}", paragraphs.len());
        assert!(
            paragraphs
                .iter()
                .all(|p| p.len() <= LONG_PARAGRAPH + 2 * UNBROKEN_CHARS),
            "none much longer than the limit"
        );
        assert!(
            markup.starts_with("#\"Kurz.\";\n\n"),
            "the short one as it was: {markup:.40}"
        );
    }

    #[test]
    fn quotes_stay_for_typst_to_set_typographically() {
        assert_eq!(
            escape(r#"Er sagte "ja" und ging's"#),
            r#"Er sagte "ja" und ging's"#
        );
    }

    #[test]
    fn strings_escape_quotes_and_backslashes() {
        assert_eq!(string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }

    #[test]
    fn markdown_becomes_markup_with_links_only_to_the_web() {
        let markup = body(
            "Ein **fetter** und _schöner_ [Link](https://example.org) und [böse](javascript:alert(1)).\n\n- eins\n- zwei\n",
        );
        assert!(markup.contains("#strong[fetter]"), "{markup}");
        assert!(markup.contains("#emph[schöner]"), "{markup}");
        assert!(
            markup.contains(r#"#link("https://example.org")[Link]"#),
            "{markup}"
        );
        assert!(
            !markup.contains("javascript"),
            "a javascript: link keeps its text only: {markup}"
        );
        assert!(markup.contains("#list([eins], [zwei], )"), "{markup}");
    }

    #[test]
    fn very_deep_nesting_is_set_flat_and_stays_balanced() {
        let markdown = format!(
            "{} tief\n\n{}",
            ">".repeat(3000),
            "*".repeat(500) + "x" + &"*".repeat(500)
        );
        let markup = body(&markdown);
        assert!(markup.contains("tief"), "the text stays");
        assert_eq!(
            markup.matches("#quote(").count(),
            MAX_PRINT_NESTING,
            "no deeper than the limit"
        );
        let opened = markup.matches('[').count() - markup.matches("\\[").count();
        let closed = markup.matches(']').count() - markup.matches("\\]").count();
        assert_eq!(opened, closed, "brackets balance");
    }

    #[test]
    fn raw_html_keeps_its_text_but_not_its_scripts() {
        let markup =
            body("Text <script>alert(3)</script> <b>fett</b>\n\n<iframe src=x>drin</iframe>\n");
        assert!(!markup.contains("alert"), "script text dropped: {markup}");
        assert!(!markup.contains("drin"), "frame text dropped: {markup}");
        assert!(
            markup.contains("fett"),
            "the text of harmless tags stays: {markup}"
        );
    }
}
