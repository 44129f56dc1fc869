//! `article embargo`, `article correct`, `article set`, `image embargo`: an article under
//! embargo is refused for publication and for exports meant for others, naming the time; the
//! print PDF and Markdown carry "SPERRFRIST bis …"; a picture's embargo holds every article
//! showing it; corrections stack, newest first, in the history; an address part is checked.

use super::export::{article_with_photo, pdftotext};
use super::images::path_text;
use super::{json, nd, ok};

/// A time `hours` from now, as RFC 3339.
fn in_hours(hours: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::hours(hours))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_embargoed_article_stays_in_the_newsroom_until_the_embargo_is_lifted() {
    let (dir, db, id) = article_with_photo("Thüringer Staatskanzlei");
    let until = in_hours(48);
    let set = json(
        &db,
        &["article", "embargo", &id, "--until", &until, "--json"],
    );
    assert_eq!(
        set["embargo"],
        until.replace("Z", ".000Z").as_str().replace(".000Z", "Z")
    );
    for format in ["ninjs", "html", "bundle"] {
        let target = dir.path().join(format!("out.{format}"));
        let out = nd(
            &db,
            &["export", &id, "--format", format, "-o", path_text(&target)],
        );
        let said = stderr(&out);
        assert!(
            !out.status.success(),
            "{format} is meant for others: refused"
        );
        assert!(
            said.contains("embargo") && said.contains("Sperrfrist"),
            "{said}"
        );
        assert!(!target.exists(), "nothing of it was written: {format}");
    }
    // The internal copies are made, and say so.
    let pdf = dir.path().join("druck.pdf");
    ok(
        &db,
        &["export", &id, "--format", "pdf", "-o", path_text(&pdf)],
    );
    assert!(
        pdftotext(&pdf).contains("SPERRFRIST bis"),
        "the print version names the embargo"
    );
    let md = dir.path().join("intern.md");
    ok(
        &db,
        &["export", &id, "--format", "md", "-o", path_text(&md)],
    );
    let text = std::fs::read_to_string(&md).expect("markdown");
    assert!(text.starts_with("---\n# SPERRFRIST bis "), "{text}");
    // The file still reads, the embargo with it.
    let again = ok(&db, &["article", "import", path_text(&md)]);
    let copy = json(&db, &["article", "show", again.trim(), "--json"]);
    assert_eq!(
        copy["embargo"], set["embargo"],
        "the embargo travels in the file"
    );

    ok(&db, &["article", "embargo", &id, "--clear"]);
    let ninjs = dir.path().join("frei.json");
    ok(
        &db,
        &["export", &id, "--format", "ninjs", "-o", path_text(&ninjs)],
    );
}

#[test]
fn a_pictures_embargo_holds_every_article_showing_it_and_the_later_time_wins() {
    let (dir, db, id) = article_with_photo("Thüringer Staatskanzlei");
    let picture = json(&db, &["image", "list", "--json"])[0]["id"].to_string();
    ok(&db, &["article", "embargo", &id, "--until", &in_hours(2)]);
    let later = in_hours(30);
    let image = json(
        &db,
        &["image", "embargo", &picture, "--until", &later, "--json"],
    );
    assert!(image["embargo"].is_string(), "{image}");
    let target = dir.path().join("out.json");
    let out = nd(
        &db,
        &["export", &id, "--format", "ninjs", "-o", path_text(&target)],
    );
    let said = stderr(&out);
    assert!(!out.status.success());
    assert!(
        said.contains(&format!("picture {picture}")),
        "the picture's later embargo is named: {said}"
    );
    ok(&db, &["image", "embargo", &picture, "--clear"]);
    let out = nd(
        &db,
        &["export", &id, "--format", "ninjs", "-o", path_text(&target)],
    );
    assert!(
        !stderr(&out).contains("picture"),
        "the article's own embargo still holds, the picture no more: {}",
        stderr(&out)
    );
}

#[test]
fn corrections_stack_newest_first_and_are_in_the_history() {
    let (_dir, db, id) = article_with_photo("Thüringer Staatskanzlei");
    ok(
        &db,
        &[
            "article",
            "correct",
            &id,
            "--note",
            "Der Termin war am 13., nicht am 12. Dezember.",
        ],
    );
    let article = json(
        &db,
        &[
            "article",
            "correct",
            &id,
            "--note",
            "Kerst ist Staatssekretärin.",
            "--json",
        ],
    );
    let notes: Vec<&str> = article["corrections"]
        .as_array()
        .expect("corrections")
        .iter()
        .filter_map(|c| c["note"].as_str())
        .collect();
    assert_eq!(
        notes,
        [
            "Kerst ist Staatssekretärin.",
            "Der Termin war am 13., nicht am 12. Dezember."
        ],
        "newest first"
    );
    let history = json(&db, &["article", "history", &id, "--json"]);
    let corrections = history
        .as_array()
        .expect("history")
        .iter()
        .filter(|r| r["note"] == "correction")
        .count();
    assert_eq!(corrections, 2, "each correction is a revision: {history}");
    let empty = nd(&db, &["article", "correct", &id, "--note", "  "]);
    assert!(!empty.status.success(), "a correction needs its notice");
}

#[test]
fn an_address_part_is_checked_and_kept() {
    let (_dir, db, id) = article_with_photo("Thüringer Staatskanzlei");
    let out = nd(&db, &["article", "set", &id, "--slug", "Zweites Kabinett"]);
    let said = stderr(&out);
    assert!(!out.status.success());
    assert!(
        said.contains("zweites-kabinett"),
        "suggests the address: {said}"
    );
    let set = json(
        &db,
        &[
            "article",
            "set",
            &id,
            "--slug",
            "zweites-digitalisierungskabinett",
            "--description",
            "Thüringens Kabinett berät über die Verwaltungsdigitalisierung.",
            "--json",
        ],
    );
    assert_eq!(set["slug"], "zweites-digitalisierungskabinett");
    assert_eq!(
        set["description"],
        "Thüringens Kabinett berät über die Verwaltungsdigitalisierung."
    );
    let wrong = nd(&db, &["article", "set", &id, "--social-image", "fremd.jpg"]);
    assert!(
        !wrong.status.success(),
        "only one of the article's own pictures"
    );
    let copy = json(&db, &["article", "duplicate", &id, "--json"]);
    assert_eq!(
        copy["slug"], "",
        "a copy does not take the original's address"
    );
}
