use newsdesk_model::{ArticleContent, SearchHit, Status};

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

fn hits(lib: &Library, q: &str) -> Vec<SearchHit> {
    lib.store.search(q, 20).expect("search runs")
}

fn titles(lib: &Library, q: &str) -> Vec<String> {
    hits(lib, q).into_iter().map(|h| h.title).collect()
}

/// For each hit of `q`, whether it holds only some of the words.
fn partial(lib: &Library, q: &str) -> Vec<bool> {
    hits(lib, q).into_iter().map(|h| h.partial).collect()
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
fn articles_with_all_words_come_first_and_phrases_stay_together() {
    let lib = with(&[
        plain("A", "rote Rosen und blaue Veilchen"),
        plain("B", "blaue Rosen"),
    ]);
    assert_eq!(
        titles(&lib, "rote rosen"),
        ["A", "B"],
        "both words first, then the article with one of them"
    );
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
    assert_eq!(
        titles(&lib, "eu treffen"),
        ["EU-Gipfel", "Landtag"],
        "the short word counts: the article with both words first"
    );
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

/// A word in hundreds of headlines: every hit is ranked (no tier that gives up on ranking),
/// equal headlines come newest first, and the one text-only hit comes last.
#[test]
fn a_word_in_hundreds_of_headlines_lists_them_newest_first_before_text_hits() {
    const MANY: usize = 420;
    let lib = library();
    let many: Vec<ArticleContent> = (0..MANY)
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
    assert_eq!(
        titles[0],
        format!("Kabinett tagt {}", MANY - 1),
        "equal headline hits: the latest first: {titles:?}"
    );
    assert!(
        hits.windows(2).all(|w| w[0].score >= w[1].score),
        "scores descend: {hits:?}"
    );
    let all = lib.store.search("kabinett", 1000).expect("search all");
    assert_eq!(all.len(), MANY + 1, "every match is found");
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

fn dated(title: &str, body: &str, date: (i32, u32, u32)) -> ArticleContent {
    ArticleContent {
        date: chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        ..plain(title, body)
    }
}

/// The word once in the title outweighs the word once in a body, at the same date.
#[test]
fn a_word_in_the_title_ranks_above_a_single_mention_in_the_body() {
    let lib = with(&[
        dated(
            "Landtag berät",
            "Der Haushalt und der Breitbandausbau kamen zur Sprache, dazu vieles mehr.",
            (2024, 4, 1),
        ),
        dated(
            "Breitbandausbau stockt",
            "Die Kommunen warten.",
            (2024, 4, 1),
        ),
    ]);
    let hits = lib.store.search("Breitbandausbau", 10).expect("search");
    assert_eq!(
        hits.iter().map(|h| h.title.as_str()).collect::<Vec<_>>(),
        ["Breitbandausbau stockt", "Landtag berät"],
        "the title weighs more than the body: {hits:?}"
    );
    assert!(
        hits[0].score > hits[1].score,
        "a real gap, not a tie: {hits:?}"
    );
}

/// Two articles equally relevant: the newer one comes first, whatever order they came in.
#[test]
fn a_newer_article_wins_a_tie() {
    let lib = with(&[
        dated(
            "Meldung B",
            "Der Glasfaserausbau geht voran.",
            (2024, 4, 23),
        ),
        dated("Meldung A", "Der Glasfaserausbau geht voran.", (2019, 1, 2)),
    ]);
    assert_eq!(
        titles(&lib, "glasfaserausbau"),
        ["Meldung B", "Meldung A"],
        "2024 before 2019"
    );
    let lib = with(&[
        dated("Meldung A", "Der Glasfaserausbau geht voran.", (2019, 1, 2)),
        dated(
            "Meldung B",
            "Der Glasfaserausbau geht voran.",
            (2024, 4, 23),
        ),
    ]);
    assert_eq!(
        titles(&lib, "glasfaserausbau"),
        ["Meldung B", "Meldung A"],
        "not the order of insertion"
    );
}

/// A compound finds the text with its parts, the compound itself ranked first; a part finds
/// the compound; inflected forms meet.
#[test]
fn compounds_match_their_parts_both_ways() {
    let lib = with(&[
        dated(
            "Getrennt",
            "Das Kabinett beriet über die Digitalisierung der Ämter.",
            (2024, 1, 1),
        ),
        dated(
            "Zusammen",
            "Das Digitalisierungskabinett tagte in Erfurt.",
            (2024, 1, 1),
        ),
        dated("Fremd", "Ein Kabinett ohne das andere Wort.", (2024, 1, 1)),
    ]);
    assert_eq!(
        titles(&lib, "Digitalisierungskabinett"),
        ["Zusammen", "Getrennt"],
        "the compound, then all its parts apart; never only one part"
    );
    let mut kabinett = titles(&lib, "Kabinetts");
    kabinett.sort();
    assert_eq!(
        kabinett,
        ["Fremd", "Getrennt", "Zusammen"],
        "a part (inflected) finds the compound"
    );
}

#[test]
fn umlauts_transliterations_and_case_meet() {
    let lib = with(&[
        plain("Müller in München", "Grüße aus der Straße."),
        plain("Anderes", "Feuer und Mauer."),
    ]);
    for query in [
        "MUELLER",
        "muenchen",
        "Gruesse",
        "STRASSE",
        "müller münchen",
    ] {
        assert_eq!(
            titles(&lib, query),
            ["Müller in München"],
            "{query} finds the umlaut spelling"
        );
    }
    assert!(
        titles(&lib, "für").is_empty(),
        "Feuer is not a spelling of für"
    );
}

/// The captions, credits and alt texts of an article's pictures are searched, and so are the
/// caption and credits of a library picture it shows — also after the photo editor changes
/// them.
#[test]
fn captions_and_credits_of_the_pictures_are_found() {
    let lib = library();
    let mut own = plain("Mit eigenem Bild", "Text ohne das Wort.");
    own.images = vec![newsdesk_model::ImageRef {
        file: "pult.jpg".into(),
        caption: "Ministerpräsident am Rednerpult".into(),
        credit: "Bildquelle: Thüringer Staatskanzlei".into(),
        alt: "Ein Mann am Pult".into(),
    }];
    lib.store
        .insert_article(&own, Status::Draft, "", at(0))
        .expect("insert");
    let hits = lib.store.search("rednerpult", 5).expect("search");
    assert_eq!(hits.len(), 1, "the caption is searched");
    assert!(
        hits[0].snippet.contains("[Rednerpult]"),
        "the snippet shows the caption: {}",
        hits[0].snippet
    );
    assert_eq!(
        titles(&lib, "Staatskanzlei"),
        ["Mit eigenem Bild"],
        "the credit is searched"
    );

    let hash = "ab".repeat(32);
    let (image, _) = lib
        .store
        .insert_image(
            &newsdesk_store::NewImage {
                hash: hash.clone(),
                file: "landtag.jpg".into(),
                format: "jpeg".into(),
                width: 10,
                height: 10,
                bytes: 100,
                phash: 1,
                metadata: newsdesk_model::ImageMetadata {
                    caption: Some("Plenarsaal im Landtag".into()),
                    credit: Some("Agentur Westlicht".into()),
                    ..Default::default()
                },
            },
            at(1),
        )
        .expect("picture");
    let mut shows = plain("Zeigt ein Archivbild", "Nichts weiter.");
    shows.images = vec![newsdesk_model::ImageRef {
        file: format!("{}{hash}", newsdesk_model::CONTENT_ADDRESS_PREFIX),
        ..Default::default()
    }];
    lib.store
        .insert_article(&shows, Status::Draft, "", at(2))
        .expect("insert");
    assert_eq!(
        titles(&lib, "Plenarsaal"),
        ["Zeigt ein Archivbild"],
        "the library picture's caption"
    );
    lib.store
        .patch_images(
            &[image.id],
            &newsdesk_model::ImagePatch {
                credit: Some("Fotodienst Ostwind".into()),
                ..Default::default()
            },
            at(3),
        )
        .expect("new credit");
    assert_eq!(
        titles(&lib, "Ostwind"),
        ["Zeigt ein Archivbild"],
        "the picture's new credit is found"
    );
    assert!(titles(&lib, "Westlicht").is_empty(), "the old one is gone");
}

#[test]
fn trashed_articles_leave_the_search_and_come_back() {
    let lib = with(&[plain("Weg", "Der Solarpark entsteht.")]);
    let id = lib.store.search("solarpark", 5).expect("search")[0].id;
    lib.store.trash_article(id, at(5)).expect("trash");
    assert!(titles(&lib, "solarpark").is_empty(), "trashed: not found");
    lib.store.untrash_article(id).expect("untrash");
    assert_eq!(titles(&lib, "solarpark"), ["Weg"], "back from the trash");
}

/// Two-letter words (an acronym, a listed short noun) are found, also inside compounds.
#[test]
fn short_words_are_found_inside_words_too() {
    let lib = with(&[
        plain("Ölpreis steigt", "Die EU-Kommission prüft."),
        plain("Anderes", "Das Öl-Embargo wirkt."),
    ]);
    assert_eq!(titles(&lib, "EU"), ["Ölpreis steigt"]);
    let mut oil = titles(&lib, "öl");
    oil.sort();
    assert_eq!(
        oil,
        ["Anderes", "Ölpreis steigt"],
        "Öl as a compound part and as a hyphen segment"
    );
}

/// A phrase whose words stand apart in many articles and together in one: the one is found
/// (the search looks past the first candidates when too few of them hold the sequence).
#[test]
fn a_phrase_is_found_among_many_articles_with_its_words_apart() {
    let lib = library();
    let apart: Vec<ArticleContent> = (0..150)
        .map(|n| {
            plain(
                &format!("Garten {n}"),
                "Rote Rosen und blaue Veilchen, blaue Rosen nie.",
            )
        })
        .map(|mut a| {
            a.body = a.body.replace("blaue Rosen nie", "Rosen, blau nie");
            a
        })
        .collect();
    lib.store
        .insert_articles(&apart, Status::Draft, "", at(0))
        .expect("batch");
    lib.store
        .insert_article(
            &plain("Züchtung", "Endlich blaue Rosen."),
            Status::Draft,
            "",
            at(1),
        )
        .expect("insert");
    assert_eq!(titles(&lib, "\"blaue rosen\""), ["Züchtung"]);
    assert_eq!(
        lib.store.search("blaue rosen", 1000).expect("search").len(),
        151,
        "without quotes every article has both words"
    );
}

#[test]
fn articles_with_only_some_of_the_words_follow_every_full_match() {
    let lib = with(&[
        plain("Radweg in Jena", "Der neue Radweg in Jena ist fertig."),
        plain("Radweg in Gera", "Auch Gera baut einen Radweg."),
        plain("Jena feiert", "Jena feiert sein Stadtfest."),
        plain("Wetter", "Es regnet."),
    ]);
    let found = titles(&lib, "Radweg Jena");
    assert_eq!(
        found.first().map(String::as_str),
        Some("Radweg in Jena"),
        "the article with both words first: {found:?}"
    );
    assert_eq!(
        found.len(),
        3,
        "then those with one of them, never one with neither: {found:?}"
    );
    assert_eq!(
        partial(&lib, "Radweg Jena"),
        [false, true, true],
        "the hits with only some of the words say so, for the list to set them apart"
    );
    let typo = titles(&lib, "Radweg Jnea");
    assert!(
        typo.len() == 2 && typo.iter().all(|t| t.starts_with("Radweg")),
        "a typo does not empty the list: {typo:?}"
    );
    assert!(
        titles(&lib, "\"Radweg Gera\"").is_empty(),
        "a phrase stays exact"
    );
}

#[test]
fn a_compound_no_article_holds_is_followed_by_articles_holding_its_parts() {
    let lib = with(&[
        plain("Neue Elektroautos", "Die Elektroautos kommen."),
        plain("Mobilität auf dem Land", "Busse fahren selten."),
        plain("Wetter", "Es regnet."),
    ]);
    let found = titles(&lib, "Elektromobilität");
    assert_eq!(
        found.len(),
        2,
        "no article holds the compound or both its parts, so those holding one follow, never \
         the one with neither: {found:?}"
    );
    assert_eq!(
        partial(&lib, "Elektromobilität"),
        [true, true],
        "each of them holds only a part"
    );
    let lib = with(&[
        plain("Elektromobilität", "Ein Überblick."),
        plain("Neue Elektroautos", "Die Elektroautos kommen."),
    ]);
    assert_eq!(
        titles(&lib, "Elektromobilität"),
        ["Elektromobilität"],
        "an article holding the compound is all that is listed"
    );
}

#[test]
fn a_word_typed_in_capitals_finds_the_word_and_an_acronym_stays_an_acronym() {
    let lib = with(&[
        plain("Wahlen in Thüringen", "Die Wahlen sind vorbei."),
        plain("OZG 2.0", "Das OZG wird novelliert."),
    ]);
    assert_eq!(
        titles(&lib, "WAHLEN"),
        ["Wahlen in Thüringen"],
        "caps lock does not hide the word"
    );
    assert_eq!(titles(&lib, "OZG"), ["OZG 2.0"]);
    assert_eq!(titles(&lib, "ozg"), ["OZG 2.0"]);
}
