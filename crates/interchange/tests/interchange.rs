//! The interchange format against the portal's real articles and against broken files.

use std::path::PathBuf;

use newsdesk_interchange::{parse, write};

fn samples() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("assets/demo-articles holds the portal's sample articles")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        6,
        "the six sample articles are shipped as demo content"
    );
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("sample is UTF-8");
            (p.display().to_string(), text)
        })
        .collect()
}

#[test]
fn every_sample_survives_a_round_trip_unchanged() {
    for (name, text) in samples() {
        let first = parse(&text).unwrap_or_else(|e| panic!("{name} must parse: {e}"));
        let written = write(&first);
        let second =
            parse(&written).unwrap_or_else(|e| panic!("re-read of {name} failed: {e}\n{written}"));
        assert_eq!(first, second, "import → export → import changed {name}");
        assert_eq!(
            write(&second),
            written,
            "writing is deterministic for {name}"
        );
    }
}

#[test]
fn the_seed_article_reads_with_all_its_fields() {
    let (_, text) = samples()
        .into_iter()
        .find(|(n, _)| n.contains("zweites-digitalisierungskabinett"))
        .expect("seed sample present");
    let a = parse(&text).expect("seed parses");
    assert_eq!(a.kicker, "Thüringen");
    assert_eq!(a.title, "Zweites Digitalisierungskabinett");
    assert_eq!(a.kind, "Meldung");
    assert_eq!(a.section, "Politik");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2018-12-13"));
    assert_eq!(a.author, "ba");
    assert!(
        a.teaser
            .starts_with("Beim zweiten Digitalisierungskabinett"),
        "folded teaser: {}",
        a.teaser
    );
    assert!(
        !a.teaser.contains('\n'),
        "'>-' folds the teaser into one line"
    );
    assert_eq!(
        a.tags,
        [
            "Politik",
            "Thüringen",
            "Digitalisierungskabinett",
            "Digitalisierung",
            "Hartmut Schubert"
        ]
    );
    assert_eq!(a.images.len(), 1);
    assert_eq!(a.images[0].credit, "Thüringer Staatskanzlei");
    assert_eq!(a.links.len(), 2);
    assert_eq!(a.links[0].kind, "document");
    assert_eq!(a.links[1].url, "http://www.thueringen.de");
    assert!(
        a.body.starts_with("Die Thüringer Landesregierung"),
        "body follows the front matter"
    );
    assert!(
        a.body.contains("> „Vom Verwaltungsmitarbeiter"),
        "the quote stays Markdown"
    );
}

#[test]
fn unknown_front_matter_keys_are_kept_through_a_round_trip() {
    let text = "---\ntitle: A\nweight: 3\nseries: Landtag\n---\nText\n";
    let a = parse(text).expect("extra keys are fine");
    assert_eq!(a.extra.get("series"), Some(&serde_json::json!("Landtag")));
    let again = parse(&write(&a)).expect("written file parses");
    assert_eq!(a, again, "extra keys survive export");
}

#[test]
fn broken_yaml_names_the_line() {
    let err = parse("---\ntitle: [unclosed\n---\nbody\n").expect_err("unclosed flow list");
    assert!(
        err.line.is_some_and(|l| (2..=3).contains(&l)),
        "line points into the front matter: {err:?}"
    );
    assert!(err.message.contains("not valid YAML"), "{err}");
}

#[test]
fn a_missing_title_is_refused() {
    let err = parse("---\nkicker: K\nsection: Politik\n---\nbody\n").expect_err("no title");
    assert!(err.message.contains("no title"), "{err}");
}

#[test]
fn a_wrong_date_names_its_line_and_the_expected_form() {
    let err =
        parse("---\ntitle: A\nsection: Politik\ndate: 13.12.2018\n---\n").expect_err("German date");
    assert_eq!(err.line, Some(4), "date stands on line 4 of the file");
    assert!(err.message.contains("YYYY-MM-DD"), "{err}");
    let err = parse("---\ntitle: A\ndate: 2018-02-30\n---\n").expect_err("30 February");
    assert_eq!(err.line, Some(3));
}

#[test]
fn fields_of_the_wrong_shape_are_refused_with_words() {
    let err = parse("---\ntitle: A\ntags:\n  a: b\n---\n").expect_err("tags as a mapping");
    assert_eq!(err.line, Some(3));
    assert!(err.message.contains("must be a list"), "{err}");
    let err =
        parse("---\ntitle: A\nimages:\n  - captoin: typo\n---\n").expect_err("typo in image field");
    assert!(err.message.contains("unknown field 'captoin'"), "{err}");
}

#[test]
fn comma_separated_tags_are_accepted() {
    let a = parse("---\ntitle: A\ntags: Politik, Thüringen\n---\n").expect("hand-written tags");
    assert_eq!(a.tags, ["Politik", "Thüringen"]);
}

#[test]
fn hostile_text_round_trips_verbatim() {
    let text = "---\ntitle: \"Probe <img src=x onerror=alert(1)>\"\nteaser: \"a: b # c\"\n---\n<script>x</script>\n";
    let a = parse(text).expect("the format stores text, the renderer sanitises");
    assert_eq!(a.title, "Probe <img src=x onerror=alert(1)>");
    assert_eq!(parse(&write(&a)).expect("re-read"), a);
}

#[test]
fn written_front_matter_looks_like_the_samples() {
    let (_, text) = samples().into_iter().next().expect("a sample");
    let written = write(&parse(&text).expect("parses"));
    let expected_order = [
        "kicker:", "title:", "type:", "section:", "date:", "author:", "teaser:", "tags:",
        "images:", "links:",
    ];
    let positions: Vec<usize> = expected_order
        .iter()
        .map(|k| {
            written
                .find(&format!("\n{k}"))
                .unwrap_or_else(|| panic!("{k} missing in\n{written}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "fields keep the format's order:\n{written}"
    );
    assert!(
        written.contains("\ndate: 2018-12-13\n"),
        "dates are written plainly:\n{written}"
    );
}

#[test]
fn the_desks_fields_read_and_survive_a_round_trip() {
    let text = "---\ntitle: Haushalt beschlossen\nslug: landtag-haushalt-2027\n\
                description: Der Landtag beschließt den Haushalt.\nsocial_image: plenum.jpg\n\
                embargo: 2026-12-14T10:00:00+01:00\ncorrections:\n\
                - at: 2026-12-15T08:30:00Z\n  note: Die Summe beträgt 12,1 Mrd. Euro.\n---\nText\n";
    let a = parse(text).expect("the desk's fields");
    assert_eq!(a.slug, "landtag-haushalt-2027");
    assert_eq!(a.description, "Der Landtag beschließt den Haushalt.");
    assert_eq!(a.social_image, "plenum.jpg");
    assert_eq!(
        a.embargo.map(|t| t.to_rfc3339()),
        Some("2026-12-14T09:00:00+00:00".to_string()),
        "an embargo with its offset is kept in UTC"
    );
    assert_eq!(a.corrections.len(), 1);
    assert_eq!(a.corrections[0].note, "Die Summe beträgt 12,1 Mrd. Euro.");
    assert!(
        a.extra.is_empty(),
        "none of them is an unknown key: {:?}",
        a.extra
    );
    let again = parse(&write(&a)).expect("written file parses");
    assert_eq!(a, again, "the fields survive export");
}

#[test]
fn an_embargo_that_is_no_time_names_its_line() {
    let err = parse("---\ntitle: A\nembargo: morgen früh\n---\nText\n").expect_err("no time");
    assert_eq!(err.line, Some(3));
    assert!(err.message.contains("RFC 3339"), "{err}");
}
