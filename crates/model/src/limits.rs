//! The sizes Newsdesk accepts, in one place: what an import, an editor's save and the store
//! allow. Beyond them input is refused with the limit named, so that a hostile or broken
//! file can neither exhaust memory nor store what cannot be read back.

/// The largest article file an import reads (front matter and body).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The largest front matter (the YAML between the `---` lines), as written in the file.
pub const MAX_FRONT_MATTER_BYTES: usize = 256 * 1024;

/// What a front matter may grow to once its aliases (`*name`) are expanded: text bytes plus
/// one per value. A front matter without aliases stays below [`MAX_FRONT_MATTER_BYTES`].
pub const MAX_EXPANDED_FRONT_MATTER: usize = 1024 * 1024;

/// How deeply lists and `key: value` sets may nest in a front matter or an article's extra
/// fields (the sample articles nest 2 deep).
pub const MAX_NESTING: usize = 32;

/// The largest article the library stores: all its text and extra fields together.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// The longest word the text analysis (search, tag suggestions, snippets) takes as a word, in
/// characters with its hyphens. A longer run of letters and digits — a pasted hash or
/// base64 block, a key held down, "Verwaltungsdigitalisierung" 32,000 times — keeps its
/// position in the text but gives no search term: it cannot be found, and it costs nothing.
/// German's longest words in real use have some 60–90 letters.
pub const MAX_WORD_CHARS: usize = 128;

/// The longest word the compound splitter tries to split, in characters ("Rindfleisch­
/// etikettierungsüberwachungsaufgabenübertragungsgesetz" has 63). Longer words stay whole.
pub const MAX_COMPOUND_CHARS: usize = 80;

/// The work the compound splitter may do for one word: lookups in the lexicon. A word built
/// to branch at every letter (short known words in a row) stops there and keeps the best
/// split found so far; real compounds need a few hundred.
pub const MAX_SPLIT_LOOKUPS: usize = 20_000;

/// How much of an article's body the text analysis reads — the search index, snippets, tag
/// suggestions: the first 1 MiB (a long novel's chapter; news articles hold 2–20 KiB). Beyond
/// it the text is stored, shown and exported but not searchable and not weighed for tags, so
/// that saving or tagging a huge article never makes either slow.
pub const MAX_ANALYSED_BODY_BYTES: usize = 1024 * 1024;

/// How long a save, after it committed, spends bringing the search index up to date with
/// the articles queued for it; a search spends as long before it answers. Checked between
/// articles (one is always done); the rest waits for the next save or search. Opening a
/// library never waits for the queue.
pub const INDEX_QUEUE_BUDGET: std::time::Duration = std::time::Duration::from_secs(2);

/// The largest picture file an import reads.
pub const MAX_PICTURE_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// The most pixels (width × height, as the file declares them) a picture may have: refused
/// before anything is decoded (a decompression bomb declares billions).
pub const MAX_PICTURE_PIXELS: u64 = 200_000_000;

/// The most memory decoding one picture may take.
pub const MAX_PICTURE_DECODE_BYTES: u64 = 1024 * 1024 * 1024;

/// The largest answer Newsdesk reads from a portal (one page of posts with their HTML, an
/// item, a page of tags). A longer one is refused when its `Content-Length` says so, else as
/// soon as that many bytes came. Answers are read into typed values that keep only the fields
/// used, so one takes memory near its size.
pub const MAX_PORTAL_ANSWER_BYTES: u64 = 64 * 1024 * 1024;

/// How many pages of one list Newsdesk reads from a portal: its tags, its categories, the
/// posts a pull brings, the results of one search. Past it the rest is left out and the pull
/// says so (with 100 tags a page, 100,000 tags; with 20–50 posts a page, 20,000–50,000 posts).
pub const MAX_PORTAL_PAGES: usize = 1_000;

/// How many pages of results Newsdesk reads when it looks a tag or category up by name on
/// WordPress (100 a page). A name not among them is created, which WordPress answers with the
/// existing term's id: a portal answering endless results cannot stall a publish.
pub const MAX_PORTAL_SEARCH_PAGES: usize = 10;

/// How many entries of one list in a portal's answer Newsdesk keeps: a post's tags, the names
/// of a vocabulary that comes in one answer. A post with more is refused; a vocabulary keeps
/// its first ones and the pull says so.
pub const MAX_PORTAL_LIST_ITEMS: usize = 100_000;

/// How many redirects within the portal's own address (same scheme, host and port) one
/// request follows. A redirect anywhere else is never followed: the request carries the
/// login, and the editor is told the new address instead.
pub const MAX_PORTAL_REDIRECTS: usize = 5;

/// How deeply elements may nest in HTML that Newsdesk reads or renders: pasted HTML, a
/// portal's post on pull and in a conflict's view, raw HTML in a body on its way to the
/// preview and the exports. Deeper tags are dropped and their text kept (before any parser
/// builds a tree of it), so nesting costs time in proportion to its length and never
/// overflows a stack. Real articles nest 5–20 deep; browsers flatten beyond 512.
pub const MAX_HTML_DEPTH: usize = 64;

/// How deeply Markdown's containers — quotes (`>>>`), lists, list items, emphasis, links —
/// may nest in a body for the preview, the exports and the checks. Deeper ones are set flat,
/// their text kept.
pub const MAX_MARKDOWN_DEPTH: usize = 64;

/// How much of a kicker, title or section the print version sets (they are repeated in every
/// page's header and footer): 300 characters, then "…". Headlines have well under 150.
pub const MAX_PRINT_HEADLINE_CHARS: usize = 300;

/// How deeply lists, quotes and emphasis nest in the print version (PDF); deeper parts are set
/// flat (Typst refuses very deep markup).
pub const MAX_PRINT_NESTING: usize = 24;

/// The largest template file (the newsroom's `article.html`, `article.css`, `article.typ` or
/// anything they include) an export reads.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// The fonts a newsroom puts into its templates folder for the print version: each at most
/// 64 MiB (a CJK collection has some 20–30 MiB), 256 MiB together. A larger one is refused,
/// named; a font whose link leads out of the folder is not read.
pub const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;
pub const MAX_FONTS_BYTES: u64 = 256 * 1024 * 1024;

/// How many steps (loop turns, calls, output statements) the HTML template may take for one
/// page; a template that loops for ever stops there. The built-in one takes a few hundred.
pub const MAX_TEMPLATE_FUEL: u64 = 2_000_000;

/// How long one export's templates may run (the HTML page, the print version's typesetting),
/// in seconds of wall-clock time. They run in a second Newsdesk process that is stopped when
/// the time is up; the built-in templates take 2–30 ms for a news article. The environment
/// variable `NEWSDESK_TEMPLATE_SECONDS` sets another budget.
pub const MAX_TEMPLATE_SECONDS: u64 = 60;

/// How much memory that process may take for the templates (its data: what it allocates, not
/// the program's code). Past it the allocation fails, the process ends and the export is
/// refused in words; Newsdesk itself keeps its memory. The built-in print version of a news
/// article takes some 40 MiB, of a 1 MiB article some 260 MiB (4 MiB: 900 MiB).
pub const MAX_TEMPLATE_MEMORY: u64 = 2 * 1024 * 1024 * 1024;

/// The largest file an export's template may make (the HTML page with its pictures embedded,
/// the PDF).
pub const MAX_EXPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Free space below which a disk that refused a write counts as full: the failure is then
/// said as "disk full" (in the window "Datenträger voll") with the folder, and a library
/// that cannot be opened for writing is opened for reading only. SQLite needs 32 KiB to
/// open a library for writing, a save a few pages more.
pub const DISK_FULL_BELOW: u64 = 1024 * 1024;

/// What the library's write-ahead log (`<library>-wal`) keeps of its size once it has been
/// copied into the library: a bigger write (a large import, or one rolled back on a full
/// disk) leaves no bigger log behind (SQLite's `journal_size_limit`).
pub const WAL_KEPT_BYTES: u64 = 4 * 1024 * 1024;

/// How many missing pictures a refused `db restore` names (it counts all of them).
pub const MISSING_PICTURES_NAMED: usize = 5;

/// The part of `text` the analysis reads: all of it up to [`MAX_ANALYSED_BODY_BYTES`], else
/// up to the last whole character before it.
pub fn analysed_part(text: &str) -> &str {
    if text.len() <= MAX_ANALYSED_BODY_BYTES {
        return text;
    }
    let end = (0..=MAX_ANALYSED_BODY_BYTES)
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    &text[..end]
}

/// How deeply `value` nests (a scalar is 0, `[1]` is 1, `{"a": [1]}` is 2).
pub fn nesting(value: &serde_json::Value) -> usize {
    // An explicit stack, so that a value nested beyond any limit cannot overflow ours.
    let mut deepest = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((value, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match value {
            serde_json::Value::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
            serde_json::Value::Object(map) => stack.extend(map.values().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    deepest
}

/// Byte counts as people read them: "2 GiB", "16 MiB", "256 KiB", "512 bytes".
pub fn human_bytes(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    const GIB: u64 = 1024 * MIB;
    if bytes >= GIB && bytes.is_multiple_of(GIB) {
        format!("{} GiB", bytes / GIB)
    } else if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else if bytes >= KIB {
        format!("{:.1} KiB", bytes as f64 / KIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nesting_counts_lists_and_maps() {
        assert_eq!(nesting(&json!("text")), 0);
        assert_eq!(nesting(&json!([1, 2])), 1);
        assert_eq!(nesting(&json!({"a": [1, {"b": []}]})), 3);
    }

    #[test]
    fn nesting_of_a_very_deep_value_does_not_overflow_the_stack() {
        let mut value = json!(0);
        for _ in 0..100_000 {
            value = serde_json::Value::Array(vec![value]);
        }
        assert_eq!(nesting(&value), 100_000);
        // Dropping a value this deep recurses in serde_json; leak it instead of crashing.
        std::mem::forget(value);
    }

    #[test]
    fn the_analysed_part_ends_on_a_character() {
        let text = "ä".repeat(MAX_ANALYSED_BODY_BYTES);
        assert_eq!(
            analysed_part(&text).len(),
            MAX_ANALYSED_BODY_BYTES,
            "2-byte letters fill it exactly"
        );
        let odd = format!("x{text}");
        assert_eq!(analysed_part(&odd).len(), MAX_ANALYSED_BODY_BYTES - 1);
        assert_eq!(analysed_part("kurz"), "kurz");
    }

    #[test]
    fn byte_counts_read_like_the_docs() {
        assert_eq!(human_bytes(MAX_FILE_BYTES), "16 MiB");
        assert_eq!(human_bytes(MAX_FRONT_MATTER_BYTES as u64), "256 KiB");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(MAX_TEMPLATE_MEMORY), "2 GiB");
        assert_eq!(human_bytes(12), "12 bytes");
    }
}
