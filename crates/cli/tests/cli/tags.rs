//! `newsdesk tags …` as scripts use it: suggest (an article, a file, a picture), accept,
//! reject, and the evaluation against gold keyphrases.

use std::path::Path;

use crate::{json, nd, ok, samples, seed_id, with_samples};

fn tags_of(db: &Path, id: i64) -> Vec<String> {
    serde_json::from_value(
        json(db, &["article", "show", &id.to_string(), "--json"])["tags"].clone(),
    )
    .expect("tags is a list of strings")
}

fn suggested(db: &Path, args: &[&str]) -> Vec<String> {
    let got = json(db, args);
    let list = got.as_array().expect("suggest --json prints a list");
    for s in list {
        for field in ["tag", "score", "reason", "source", "reasons"] {
            assert!(s.get(field).is_some(), "a suggestion lacks {field}: {s}");
        }
    }
    list.iter()
        .map(|s| s["tag"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_file_without_tags_gets_its_stichwoerter_from_the_text_and_the_library() {
    // As the contract check does: the other samples in the library, the seed's tags removed.
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let others = dir.path().join("others");
    std::fs::create_dir(&others).expect("dir");
    let mut seed = String::new();
    for entry in std::fs::read_dir(samples()).expect("samples") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("sample");
        if path
            .to_string_lossy()
            .contains("zweites-digitalisierungskabinett")
        {
            seed = text
                .lines()
                .filter(|l| !l.starts_with("tags:"))
                .collect::<Vec<_>>()
                .join("\n");
        } else if path.extension().is_some_and(|e| e == "md") {
            std::fs::write(others.join(path.file_name().expect("name")), text).expect("copy");
        }
    }
    ok(&db, &["article", "import", &others.display().to_string()]);
    let file = dir.path().join("seed.md");
    std::fs::write(&file, seed).expect("write");
    let got = suggested(
        &db,
        &[
            "tags",
            "suggest",
            "--file",
            &file.display().to_string(),
            "--json",
            "-k",
            "8",
        ],
    );
    let gold = [
        "Politik",
        "Thüringen",
        "Digitalisierungskabinett",
        "Digitalisierung",
        "Hartmut Schubert",
    ];
    let hits = gold
        .iter()
        .filter(|g| got.iter().any(|t| t.eq_ignore_ascii_case(g)))
        .count();
    assert!(hits >= 4, "only {hits} of {gold:?} in the top 8: {got:?}");
}

#[test]
fn accepted_tags_join_the_article_and_rejected_ones_are_not_suggested_again() {
    let (_dir, db) = with_samples();
    let id = seed_id(&db);
    ok(
        &db,
        &[
            "article",
            "update",
            &id.to_string(),
            &samples()
                .join("2024-04-23-duesseldorf-digitalstrategie-neu-ausgerichtet.md")
                .display()
                .to_string(),
        ],
    );
    let before = suggested(
        &db,
        &["tags", "suggest", &id.to_string(), "--json", "-k", "10"],
    );
    assert!(
        before.iter().any(|t| t == "Düsseldorf"),
        "the kicker's city is suggested: {before:?}"
    );
    let out = ok(&db, &["tags", "accept", &id.to_string(), "Düsseldorf"]);
    assert!(
        out.contains("Düsseldorf"),
        "accept says what the article's tags are now: {out}"
    );
    assert!(
        tags_of(&db, id).contains(&"Düsseldorf".to_string()),
        "the accepted tag is the article's"
    );
    let second = before
        .iter()
        .find(|t| *t != "Düsseldorf")
        .expect("more than one suggestion")
        .clone();
    ok(&db, &["tags", "reject", &id.to_string(), &second]);
    let after = suggested(
        &db,
        &["tags", "suggest", &id.to_string(), "--json", "-k", "30"],
    );
    assert!(
        !after.contains(&"Düsseldorf".to_string()),
        "a tag the article has is not suggested: {after:?}"
    );
    assert!(
        !after.contains(&second),
        "the rejected {second} came back: {after:?}"
    );
    // Rejecting for one article does not hide the tag from the others' suggestions' basis.
    let out = nd(&db, &["tags", "accept", "99999", "X"]);
    assert!(
        !out.status.success(),
        "accepting for a missing article fails"
    );
}

#[test]
fn eval_scores_a_keyphrase_set_and_another_extractors_predictions_the_same_way() {
    let dir = tempfile::tempdir().expect("dir");
    let set = dir.path().join("set");
    for sub in ["docsutf8", "keys", "pred"] {
        std::fs::create_dir_all(set.join(sub)).expect("dir");
    }
    let docs = [
        (
            "a",
            "Climate change policy\n\nThe government announced a climate change policy. Climate change worries farmers.",
            "climate change\npolicy",
        ),
        (
            "b",
            "Football results\n\nThe football club Arsenal won. Arsenal fans celebrated the football victory.",
            "football\nArsenal",
        ),
        (
            "c",
            "Election night\n\nVoters chose a new mayor. The election results surprised the mayor.",
            "election\nmayor",
        ),
    ];
    for (name, text, keys) in docs {
        std::fs::write(set.join("docsutf8").join(format!("{name}.txt")), text).expect("write");
        std::fs::write(set.join("keys").join(format!("{name}.key")), keys).expect("write");
        // A perfect extractor and a useless one for `--predictions`.
        std::fs::write(
            set.join("pred").join(format!("{name}.txt")),
            keys.to_uppercase(),
        )
        .expect("write");
    }
    let nowhere = dir.path().join("no-library.sqlite");
    let report = json(
        &nowhere,
        &[
            "tags",
            "eval",
            &set.display().to_string(),
            "-k",
            "1,5",
            "--json",
        ],
    );
    assert_eq!(report["documents"], 3);
    let at = report["at"].as_array().expect("scores at each k");
    assert_eq!(at.len(), 2);
    assert!(
        at[1]["recall"].as_f64().unwrap_or(0.0) >= 0.5,
        "the obvious keyphrases are found: {report}"
    );
    assert!(
        !nowhere.exists(),
        "evaluating a set needs and makes no library"
    );
    let perfect = json(
        &nowhere,
        &[
            "tags",
            "eval",
            &set.display().to_string(),
            "-k",
            "2",
            "--predictions",
            &set.join("pred").display().to_string(),
            "--json",
        ],
    );
    assert_eq!(
        perfect["at"][0]["f1"], 1.0,
        "upper-cased gold phrases match after folding: {perfect}"
    );
    let text = ok(&nowhere, &["tags", "eval", &set.display().to_string()]);
    assert!(
        text.contains("@5") && text.contains("@10") && text.contains("F1"),
        "k defaults to 5,10: {text}"
    );
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("dir");
    let out = nd(&nowhere, &["tags", "eval", &empty.display().to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("docsutf8"),
        "an empty folder is refused in words: {err}"
    );
}

#[test]
fn eval_library_leaves_each_tagged_article_out_in_turn() {
    let (_dir, db) = with_samples();
    let report = json(&db, &["tags", "eval", "--library", "--json"]);
    assert_eq!(
        report["documents"], 1,
        "only the seed is tagged among the samples: {report}"
    );
    assert!(
        report["at"][0]["f1"].as_f64().unwrap_or(0.0) > 0.3,
        "the seed's tags come back: {report}"
    );
}

#[test]
fn a_picture_gets_keywords_from_its_headline_and_caption_taken_ones_added_rejected_ones_hidden() {
    let (_dir, db) = with_samples();
    let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../media/tests/fixtures/made/xmp-only.jpg");
    let imported = json(
        &db,
        &["image", "import", &file.display().to_string(), "--json"],
    );
    let id = imported[0]["id"].as_i64().expect("the picture's id");
    // Headline "Plenarsitzung", alt text "Ein Plenarsaal mit Abgeordneten", keywords Erfurt
    // and Thüringen already.
    let got = suggested(
        &db,
        &["tags", "suggest", "--image", &id.to_string(), "--json"],
    );
    assert_eq!(
        got.first().map(String::as_str),
        Some("Plenarsitzung"),
        "the headline first: {got:?}"
    );
    assert!(
        !got.iter().any(|t| t == "Erfurt"),
        "a keyword it has is not suggested: {got:?}"
    );
    ok(
        &db,
        &[
            "tags",
            "accept",
            &id.to_string(),
            "Plenarsitzung",
            "--image",
        ],
    );
    let image = json(&db, &["image", "show", &id.to_string(), "--json"]);
    let keywords: Vec<String> =
        serde_json::from_value(image["keywords"].clone()).expect("keywords");
    assert_eq!(
        keywords,
        ["Erfurt", "Thüringen", "Plenarsitzung"],
        "the taken keyword is added"
    );
    ok(
        &db,
        &["tags", "reject", &id.to_string(), "Plenarsaal", "--image"],
    );
    let again = suggested(
        &db,
        &["tags", "suggest", "--image", &id.to_string(), "--json"],
    );
    assert!(
        !again
            .iter()
            .any(|t| t == "Plenarsaal" || t == "Plenarsitzung"),
        "taken and rejected stay away: {again:?}"
    );
}
