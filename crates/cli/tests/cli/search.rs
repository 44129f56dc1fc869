use crate::{json, ok, with_samples};

#[test]
fn search_json_has_id_title_snippet_score() {
    let (_dir, db) = with_samples();
    let hits = json(&db, &["search", "digitalisierung", "--json"]);
    let hits = hits.as_array().expect("array");
    assert!(
        hits.len() >= 3,
        "compounds like Verwaltungsdigitalisierung match: {hits:?}"
    );
    for key in ["id", "title", "snippet", "score"] {
        assert!(hits[0].get(key).is_some(), "{key} in search --json");
    }
    assert!(
        hits.iter().all(|h| h["snippet"]
            .as_str()
            .is_some_and(|s| s.to_lowercase().contains("[digitalisierung]")
                || s.contains("[Digitalisierung]"))),
        "{hits:?}"
    );
}

#[test]
fn search_is_case_and_umlaut_insensitive() {
    let (_dir, db) = with_samples();
    let n = |q: &str| {
        json(&db, &["search", q, "--json"])
            .as_array()
            .map(Vec::len)
            .unwrap_or(0)
    };
    assert!(n("THÜRINGEN") >= 2);
    assert_eq!(n("THÜRINGEN"), n("thueringen"), "ü and ue are one");
    assert!(
        n("maßnahmen") >= 1 && n("massnahmen") == n("maßnahmen"),
        "ß and ss are one"
    );
    let text = ok(&db, &["search", "E-Government", "Thüringen"]);
    assert!(
        text.contains("Zweites Digitalisierungskabinett"),
        "several words: {text}"
    );
}
