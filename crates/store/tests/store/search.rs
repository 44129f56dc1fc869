use newsdesk_model::{ArticleContent, Status};

use crate::{Library, article, at, library};

fn with(articles: &[ArticleContent]) -> Library {
    let lib = library();
    for (i, a) in articles.iter().enumerate() {
        lib.store
            .insert_article(a, Status::Draft, "", at(i as u32))
            .expect("insert");
    }
    lib
}

fn titles(lib: &Library, q: &str) -> Vec<String> {
    lib.store
        .search(q, 20)
        .expect("search runs")
        .into_iter()
        .map(|h| h.title)
        .collect()
}

fn plain(title: &str, body: &str) -> ArticleContent {
    ArticleContent {
        title: title.into(),
        body: body.into(),
        ..Default::default()
    }
}

#[test]
fn compounds_are_found_by_their_parts() {
    let lib = with(&[
        plain("Eins", "Die Verwaltungsdigitalisierung kommt."),
        plain("Zwei", "Nichts davon."),
    ]);
    assert_eq!(titles(&lib, "digitalisierung"), ["Eins"]);
}

#[test]
fn case_umlauts_and_sharp_s_do_not_matter() {
    let lib = with(&[
        plain("Thüringen", "Die Straße in Düsseldorf."),
        plain("Anderes", "Strasse ohne Eszett."),
    ]);
    assert_eq!(titles(&lib, "THÜRINGEN"), ["Thüringen"]);
    assert_eq!(titles(&lib, "thueringen"), ["Thüringen"], "ue for ü");
    assert_eq!(titles(&lib, "duesseldorf"), ["Thüringen"]);
    let mut both = titles(&lib, "straße");
    both.sort();
    assert_eq!(
        both,
        ["Anderes", "Thüringen"],
        "ß and ss spellings both match"
    );
    assert_eq!(titles(&lib, "STRASSE").len(), 2);
}

#[test]
fn all_words_must_match_and_phrases_stay_together() {
    let lib = with(&[
        plain("A", "rote Rosen und blaue Veilchen"),
        plain("B", "blaue Rosen"),
    ]);
    assert_eq!(titles(&lib, "rote rosen"), ["A"]);
    assert_eq!(titles(&lib, "\"blaue rosen\""), ["B"]);
}

#[test]
fn a_title_hit_ranks_above_a_body_hit_and_the_snippet_marks_it() {
    let lib = with(&[
        plain("Anderes", "Hier steht Kabinett im Text, weit hinten."),
        plain("Kabinett tagt", "Text."),
    ]);
    let hits = lib.store.search("kabinett", 10).expect("search");
    assert_eq!(
        hits[0].title, "Kabinett tagt",
        "title weighs more: {hits:?}"
    );
    assert!(
        hits[0].score > hits[1].score,
        "scores are ordered: {hits:?}"
    );
    assert!(
        hits[1].snippet.contains("[Kabinett]"),
        "the match is marked: {}",
        hits[1].snippet
    );
}

#[test]
fn tags_and_teaser_are_searched() {
    let lib = with(&[article("Mit Tags")]);
    assert_eq!(
        titles(&lib, "Hartmut Schubert"),
        ["Mit Tags"],
        "tag text is indexed"
    );
    assert_eq!(
        titles(&lib, "Verwaltungsdigitalisierung"),
        ["Mit Tags"],
        "teaser is indexed"
    );
}

#[test]
fn short_words_still_filter() {
    let lib = with(&[
        plain("EU-Gipfel", "Treffen in Brüssel"),
        plain("Landtag", "Treffen in Erfurt"),
    ]);
    assert_eq!(titles(&lib, "eu treffen"), ["EU-Gipfel"]);
    assert_eq!(
        titles(&lib, "eu"),
        ["EU-Gipfel"],
        "a query of only short words still answers"
    );
}

#[test]
fn updates_and_hostile_queries_are_handled() {
    let lib = with(&[plain("Alt", "vorher")]);
    let a = lib.store.search("vorher", 5).expect("search")[0].id;
    let mut c = lib.store.article(a).expect("load").content;
    c.body = "nachher".into();
    lib.store
        .update_article(a, &c, None, "", at(9))
        .expect("update");
    assert!(
        titles(&lib, "vorher").is_empty(),
        "the index forgets the old text"
    );
    assert_eq!(titles(&lib, "nachher"), ["Alt"]);
    for q in ["\"", "AND OR NOT", "*", "NEAR(", "' OR 1=1 --", ""] {
        lib.store
            .search(q, 5)
            .unwrap_or_else(|e| panic!("query {q:?} must not error: {e}"));
    }
}

#[test]
fn a_word_in_hundreds_of_headlines_lists_them_newest_first_before_text_hits() {
    let lib = library();
    let many: Vec<ArticleContent> = (0..newsdesk_store::RANK_BELOW + 20)
        .map(|n| plain(&format!("Kabinett tagt {n}"), "Text."))
        .collect();
    lib.store
        .insert_articles(&many, Status::Draft, "", at(0))
        .expect("batch");
    lib.store
        .insert_article(
            &plain("Anderes", "Das Kabinett im Text."),
            Status::Draft,
            "",
            at(1),
        )
        .expect("newest");
    let hits = lib.store.search("kabinett", 5).expect("search");
    let titles: Vec<&str> = hits.iter().map(|h| h.title.as_str()).collect();
    let last = newsdesk_store::RANK_BELOW + 19;
    assert_eq!(
        titles[0],
        format!("Kabinett tagt {last}"),
        "headline hits first, newest first: {titles:?}"
    );
    assert!(
        hits.iter().all(|h| h.score >= 1.0),
        "all five are headline hits: {hits:?}"
    );
    assert!(
        hits.windows(2).all(|w| w[0].score > w[1].score),
        "scores descend"
    );
    let all = lib.store.search("kabinett", 1000).expect("search all");
    assert_eq!(
        all.len(),
        newsdesk_store::RANK_BELOW + 21,
        "every match is found"
    );
    assert_eq!(
        all.last().map(|h| h.title.as_str()),
        Some("Anderes"),
        "the text-only hit comes last"
    );
}

/// An archive imported oldest-last still lists its text hits newest first, by the articles'
/// dates, not by the order the files came in.
#[test]
fn text_hits_come_by_the_articles_date_not_by_import_order() {
    let lib = crate::library();
    let dates = [(2024, 4, 23), (2018, 12, 13), (2021, 6, 1), (1999, 1, 2)];
    for (n, (y, m, d)) in dates.iter().enumerate() {
        let mut content = crate::article(&format!("Meldung {n}"));
        content.tags.clear();
        content.kicker.clear();
        content.date = chrono::NaiveDate::from_ymd_opt(*y, *m, *d);
        content.body = format!("Der Haushaltsentwurf {n} wurde beraten.");
        lib.store
            .insert_article(
                &content,
                newsdesk_model::Status::Draft,
                "",
                crate::at(n as u32),
            )
            .expect("insert");
    }
    let hits = lib.store.search("haushaltsentwurf", 10).expect("search");
    let titles: Vec<&str> = hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Meldung 0", "Meldung 2", "Meldung 1", "Meldung 3"],
        "newest date first: 2024, 2021, 2018, 1999"
    );
}

/// Changing an article's date moves it in the order; the old key leaves the index.
#[test]
fn a_new_date_moves_the_article_in_the_search_order() {
    let lib = crate::library();
    let mut ids = Vec::new();
    for (n, year) in [2020, 2022].iter().enumerate() {
        let mut content = crate::article(&format!("Bericht {n}"));
        content.date = chrono::NaiveDate::from_ymd_opt(*year, 1, 1);
        content.body = "Breitbandausbau im ländlichen Raum.".into();
        ids.push(
            lib.store
                .insert_article(&content, newsdesk_model::Status::Draft, "", crate::at(0))
                .expect("insert")
                .id,
        );
    }
    let mut older = lib.store.article(ids[0]).expect("load").content;
    older.date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1);
    lib.store
        .update_article(ids[0], &older, None, "", crate::at(1))
        .expect("update");
    let hits = lib.store.search("breitbandausbau", 10).expect("search");
    let order: Vec<i64> = hits.iter().map(|h| h.id).collect();
    assert_eq!(
        order,
        [ids[0], ids[1]],
        "the re-dated article comes first, once"
    );
    assert!(lib.store.check().expect("check").is_empty());
}
