//! `newsdesk settings list|get|set` (issue 21's contract): values checked by the setting's
//! rule, kept in the library, carried by a backup, shared with what other commands read.

use crate::{json, nd, ok, with_samples};

#[test]
fn a_setting_is_set_read_back_listed_and_carried_by_a_backup() {
    let (dir, db) = with_samples();
    assert_eq!(
        json(&db, &["settings", "get", "language", "--json"]),
        serde_json::json!({ "key": "language", "value": "de" }),
        "German is the newsroom's language until someone changes it"
    );
    assert_eq!(
        ok(&db, &["settings", "set", "language", " EN "]).trim(),
        "language = en"
    );
    assert_eq!(
        ok(&db, &["settings", "get", "language"]).trim(),
        "en",
        "kept normalised"
    );

    let list = json(&db, &["settings", "list", "--json"]);
    let list = list.as_array().expect("a list of settings");
    let language = list
        .iter()
        .find(|s| s["key"] == "language")
        .expect("language is listed");
    assert_eq!(language["value"], "en");
    assert_eq!(language["default"], "de", "each entry says its default too");
    assert!(
        list.iter().all(|s| s["key"] != "search_index_id"),
        "the library's bookkeeping in the same table is no setting"
    );

    let backup = dir.path().join("backup.sqlite");
    ok(&db, &["db", "backup", backup.to_str().expect("utf-8")]);
    assert_eq!(
        ok(&backup, &["settings", "get", "language"]).trim(),
        "en",
        "settings live in the library, so a backup carries them"
    );
}

#[test]
fn an_unknown_key_or_a_bad_value_is_one_sentence_and_exit_1() {
    let (_dir, db) = with_samples();
    for (args, says) in [
        (vec!["settings", "set", "language", "xx"], "de, en"),
        (vec!["settings", "set", "zoom", "500"], "50 to 200"),
        (
            vec!["settings", "set", "colour", "blue"],
            "there is no setting",
        ),
        (
            vec!["settings", "get", "search_index_id"],
            "there is no setting",
        ),
        (vec!["settings", "set", "credit_format", "{nope}"], "nope"),
    ] {
        let out = nd(&db, &args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?} is refused with exit 1"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: one line: {err}");
        assert!(err.contains(says), "{args:?} says why: {err}");
    }
    assert_eq!(
        ok(&db, &["settings", "get", "language"]).trim(),
        "de",
        "a refused value changes nothing"
    );
}

#[test]
fn the_credit_format_setting_is_the_one_the_pictures_use() {
    let (_dir, db) = with_samples();
    ok(
        &db,
        &[
            "settings",
            "set",
            "credit_format",
            "{credit}[ / Foto: {creator}]",
        ],
    );
    let shown = ok(&db, &["image", "credit-format"]);
    assert!(
        shown.contains("{credit}[ / Foto: {creator}]"),
        "image credit-format reads the same setting: {shown}"
    );
}

#[test]
fn the_teaser_length_setting_is_what_the_readiness_check_and_the_counts_use() {
    let (dir, db) = with_samples();
    let teaser = "Ein Anreißer, der länger ist als achtzig Zeichen, aber kürzer als die dreihundert des Portals.";
    let file = dir.path().join("anreisser.md");
    std::fs::write(
        &file,
        format!("---\ntitle: Anreißer\nkicker: Test\nteaser: \"{teaser}\"\n---\nText.\n"),
    )
    .expect("write the article");
    let imported = json(
        &db,
        &["article", "import", file.to_str().expect("utf-8"), "--json"],
    );
    let id = imported["imported"][0]["id"]
        .as_i64()
        .expect("imported")
        .to_string();
    let too_long = |db: &std::path::Path| {
        json(db, &["article", "check", &id, "--json"])
            .as_array()
            .expect("a list of problems")
            .iter()
            .any(|p| p["field"] == "teaser" && p["code"] == "too_long")
    };
    assert!(!too_long(&db), "within the default of 300 characters");
    ok(&db, &["settings", "set", "teaser_max_chars", "80"]);
    assert!(too_long(&db), "the newsroom's own length: 80");
    assert_eq!(
        json(&db, &["article", "stats", &id, "--json"])["teaser_limit"],
        80,
        "the counts show the same length"
    );
}
