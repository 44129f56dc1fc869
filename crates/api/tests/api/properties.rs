//! Property-based tests of the interchange parser and the import path: arbitrary articles
//! (control characters, YAML's special words and signs, numbers as text, deep and large
//! values) either read back identically, or are refused with the file named — never a panic,
//! never unbounded memory or time.
//!
//! Cases per run are set per property below; `PROPTEST_CASES` overrides them all.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use newsdesk_api::App;
use newsdesk_interchange::{parse, write};
use newsdesk_model::limits::MAX_NESTING;
use newsdesk_model::{ArticleContent, ImageRef, Link};
use proptest::prelude::*;
use serde_json::Value;

/// Texts an editor, a converter or an attacker might put in a field.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        3 => "[ -~äöüÄÖÜß„“–…]{0,40}",
        2 => prop::sample::select(vec![
            "", " ", "null", "~", "NULL", "true", "no", "10.10", "1e3", "0x10", "007", ".inf",
            "---", "...", "- a", "a: b", "&anchor", "*alias", "!tag", "|", ">", "#", "%YAML",
            "'quoted'", "\"dq\"", "[1, 2]", "{a: 1}", "\u{1b}[2J", "\u{0}", "\r\n", "\u{85}",
            "\u{2028}", "\u{feff}", "\t tab", "a\n---\nb", "trailing ", " leading",
        ])
        .prop_map(str::to_string),
        1 => "[\\x00-\\x1f\\x7f-\\u{a0}]{1,8}",
    ]
}

/// A title an import accepts: something other than white space.
fn title() -> impl Strategy<Value = String> {
    text().prop_filter("a title is not blank", |t| !t.trim().is_empty())
}

/// Tags as the parser returns them: trimmed, none empty, none twice (ignoring case).
fn tags() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..6).prop_map(|tags| {
        let mut seen = std::collections::HashSet::new();
        tags.into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
            .collect()
    })
}

/// JSON values for unknown front-matter keys, nested up to `depth`.
fn extra_value(depth: u32) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON holds finite numbers", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn extra() -> impl Strategy<Value = BTreeMap<String, Value>> {
    prop::collection::btree_map("[a-z_][a-z0-9_-]{0,12}", extra_value(3), 0..3).prop_map(|m| {
        m.into_iter()
            .filter(|(k, _)| !newsdesk_interchange::KNOWN_KEYS.contains(&k.as_str()))
            .collect()
    })
}

fn article() -> impl Strategy<Value = ArticleContent> {
    (
        (text(), title(), text(), text(), text(), text()),
        (
            prop::option::of((1900i32..2100, 1u32..13, 1u32..29)),
            tags(),
            prop::collection::vec((text(), text(), text(), text()), 0..3),
            prop::collection::vec((text(), text(), text()), 0..3),
            text(),
            extra(),
        ),
        (
            (text(), text(), text()),
            prop::option::of(0i64..4_102_444_800),
            prop::collection::vec((0i64..4_102_444_800, text()), 0..3),
        ),
    )
        .prop_map(
            |(
                (kicker, title, kind, section, author, teaser),
                (date, tags, images, links, body, extra),
                ((slug, description, social_image), embargo, corrections),
            )| {
                // Times as the file and the library keep them: whole seconds, UTC.
                let at = |secs: i64| chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
                ArticleContent {
                    kicker,
                    title,
                    kind,
                    section,
                    date: date.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)),
                    author,
                    teaser,
                    tags,
                    images: images
                        .into_iter()
                        .map(|(file, caption, credit, alt)| ImageRef {
                            file,
                            caption,
                            credit,
                            alt,
                        })
                        .collect(),
                    links: links
                        .into_iter()
                        .map(|(title, url, kind)| Link { title, url, kind })
                        .collect(),
                    body,
                    slug,
                    description,
                    social_image,
                    embargo: embargo.map(at),
                    corrections: corrections
                        .into_iter()
                        .map(|(secs, note)| newsdesk_model::Correction { at: at(secs), note })
                        .collect(),
                    extra,
                }
            },
        )
}

/// Front matters made of YAML's own signs, to shake the parser.
fn yamlish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "title: ",
        "a: ",
        "- ",
        "&a ",
        "*a ",
        "&b ",
        "*b ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        ": ",
        "\n",
        "\n  ",
        "\n    ",
        "|\n  ",
        ">-\n  ",
        "'",
        "\"",
        "\\",
        "!!str ",
        "!x ",
        "? ",
        "# c",
        "x",
        "10.10",
        "~",
        "---",
        "...",
        "%YAML 1.2\n",
        "\t",
        "ä",
        "\u{0}",
    ]);
    prop::collection::vec(token, 0..60).prop_map(|t| format!("---\n{}\n---\nText\n", t.concat()))
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// write → parse gives back every field exactly.
    #[test]
    fn any_article_round_trips_through_the_interchange_format(a in article()) {
        let written = write(&a);
        let back = parse(&written);
        prop_assert!(back.is_ok(), "refused its own output: {:?}\n{written}", back.err());
        prop_assert_eq!(back.ok(), Some(a), "changed on the round trip:\n{}", written);
    }

    /// Arbitrary text and YAML-shaped noise: an answer, never a panic, quickly.
    #[test]
    fn any_text_is_parsed_or_refused_without_panic(input in prop_oneof![
        any::<String>(),
        any::<String>().prop_map(|s| format!("---\n{s}\n---\n")),
        yamlish(),
    ]) {
        let start = Instant::now();
        let result = parse(&input);
        prop_assert!(start.elapsed() < Duration::from_secs(2), "took {:?}", start.elapsed());
        if let Ok(a) = result {
            // Whatever is accepted writes and reads back the same.
            prop_assert_eq!(parse(&write(&a)).ok(), Some(a));
        }
    }

    /// Nesting up to the limit is kept; beyond it the file is refused, saying the limit.
    #[test]
    fn nesting_is_kept_up_to_the_limit_and_refused_beyond(depth in 0usize..80) {
        let value = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let result = parse(&format!("---\ntitle: T\nx: {value}\n---\n"));
        if depth < MAX_NESTING {
            prop_assert!(result.is_ok(), "{depth}: {:?}", result.err());
        } else {
            let err = result.err().map(|e| e.message).unwrap_or_default();
            prop_assert!(err.contains("levels"), "{depth}: {err}");
        }
    }

    /// Aliases that multiply: accepted while small, refused (fast) once they would grow.
    #[test]
    fn repeated_aliases_are_bounded(fan in 1usize..12, levels in 1usize..9, size in 1usize..200) {
        let mut yaml = format!("title: T\nl0: &l0 \"{}\"\n", "x".repeat(size));
        for level in 1..=levels {
            let refs = vec![format!("*l{}", level - 1); fan].join(", ");
            yaml.push_str(&format!("l{level}: &l{level} [{refs}]\n"));
        }
        let start = Instant::now();
        let result = parse(&format!("---\n{yaml}---\n"));
        prop_assert!(start.elapsed() < Duration::from_secs(2), "took {:?}", start.elapsed());
        let expanded = (size as f64) * (fan as f64).powi(levels as i32);
        if expanded > 2.0 * 1024.0 * 1024.0 {
            prop_assert!(result.is_err(), "{expanded} bytes expanded must be refused");
        }
        if let Err(e) = result {
            prop_assert!(e.message.contains("aliases") || e.message.contains("levels"), "{}", e.message);
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// The whole import path: a file on disk, imported into a real library, read back.
    #[test]
    fn an_imported_file_reads_back_identically_or_is_refused_by_name(a in article()) {
        let dir = tempfile::tempdir().expect("dir");
        let app = App::open(&dir.path().join("lib.sqlite")).expect("open");
        let file = dir.path().join("artikel.md");
        std::fs::write(&file, write(&a)).expect("write the file");
        let report = app.import_paths(std::slice::from_ref(&file)).expect("import runs");
        match (report.imported.as_slice(), report.failed.as_slice()) {
            ([imported], []) => {
                let stored = app.get_article(imported.id).expect("what import stored reads back");
                prop_assert_eq!(&stored.content, &a);
                let again = parse(&app.export_markdown(imported.id).expect("export"));
                prop_assert_eq!(again.ok(), Some(a));
            }
            ([], [failure]) => {
                prop_assert!(failure.file.ends_with("artikel.md"), "{:?}", failure);
                prop_assert!(!failure.message.is_empty());
            }
            other => prop_assert!(false, "one file, one outcome: {other:?}"),
        }
        let problems = app.check_library().expect("check runs");
        prop_assert!(problems.is_empty(), "{problems:?}");
    }
}
