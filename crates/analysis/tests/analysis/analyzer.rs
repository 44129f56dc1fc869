//! The analyzer on the sample articles.

use newsdesk_analysis::{Analyzer, TermKind};

use crate::{ARTICLES, GERMAN, PORTAL_PAGE, term_pairs};

#[test]
fn a_search_for_kabinett_finds_the_digitalisierungskabinett_article() {
    let kabinett = GERMAN.normalize("Kabinett");
    let terms = GERMAN.analyze(ARTICLES[0]);
    let hits: Vec<_> = terms
        .iter()
        .filter(|t| t.text == kabinett)
        .map(|t| t.span.of(ARTICLES[0]))
        .collect();
    assert!(
        hits.contains(&"kabinett") && hits.contains(&"Kabinett") && hits.contains(&"kabinetts"),
        "the part of Digitalisierungskabinett(s) and the word alone: {hits:?}"
    );
}

#[test]
fn a_search_for_the_compound_finds_its_parts_nearby() {
    let query = GERMAN.analyze_query("Verwaltungsdigitalisierung");
    assert_eq!(query.len(), 1);
    let parts = &query[0].parts;
    assert_eq!(parts.len(), 2);
    // The 2024 OZG article says "Digitalisierung der Verwaltung": both parts occur.
    let terms = GERMAN.analyze(ARTICLES[1]);
    for part in parts {
        assert!(
            terms.iter().any(|t| &t.text == part),
            "{part} occurs in the OZG article"
        );
    }
}

#[test]
fn umlauts_and_their_transliterations_index_alike() {
    // The portal page links www.thueringen.de; the text says Thüringen.
    let terms = GERMAN.analyze(PORTAL_PAGE);
    let thueringen = GERMAN.normalize("Thüringen");
    let spellings: Vec<_> = terms
        .iter()
        .filter(|t| t.text == thueringen)
        .map(|t| t.span.of(PORTAL_PAGE))
        .collect();
    assert!(
        spellings.contains(&"Thüringen") && spellings.contains(&"thueringen"),
        "{spellings:?}"
    );
    assert_eq!(
        GERMAN.normalize("Düsseldorf"),
        GERMAN.normalize("Duesseldorf")
    );
    assert_eq!(GERMAN.normalize("Mädchen"), GERMAN.normalize("Maedchen"));
}

#[test]
fn hyphenated_words_and_their_parts() {
    let pairs = term_pairs("Das OZG-Änderungsgesetz und die IT-Strategie des Thüringen-CIO");
    let surfaces: Vec<_> = pairs.iter().map(|(_, s)| *s).collect();
    for surface in [
        "OZG-Änderungsgesetz",
        "OZG",
        "Änderungsgesetz",
        "Änderung",
        "gesetz",
        "IT",
        "Strategie",
    ] {
        assert!(
            surfaces.contains(&surface),
            "{surface} is indexed: {pairs:?}"
        );
    }
    let terms: Vec<_> = pairs.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        terms.contains(&"it") && terms.contains(&"cio"),
        "acronyms stay whole: {terms:?}"
    );
}

#[test]
fn terms_point_into_the_text_and_positions_never_go_back() {
    for article in ARTICLES.iter().chain([&PORTAL_PAGE]) {
        let terms = GERMAN.analyze(article);
        assert!(!terms.is_empty());
        let mut last = 0;
        for term in &terms {
            assert!(term.position >= last, "positions are in order");
            last = term.position;
            let surface = term.span.of(article);
            assert!(!surface.is_empty(), "{term:?} has a surface");
            assert!(!term.text.is_empty());
            if term.kind == TermKind::CompoundPart {
                let word = terms
                    .iter()
                    .find(|w| w.position == term.position && w.kind == TermKind::Word)
                    .expect("a part follows its word");
                assert!(word.span.start <= term.span.start && term.span.end <= word.span.end);
            }
        }
    }
}

#[test]
fn learning_the_samples_keeps_the_analysis_stable() {
    let mut analyzer = Analyzer::german();
    for article in ARTICLES {
        analyzer.lexicon_mut().learn(article);
    }
    let word = "Digitalisierungskabinett";
    let parts: Vec<_> = analyzer
        .lexicon()
        .split_compound(word)
        .iter()
        .map(|p| p.span.of(word).to_owned())
        .collect();
    assert_eq!(
        parts,
        ["Digitalisierung", "kabinett"],
        "a frequent library word still splits"
    );
}

#[test]
fn one_analyzer_serves_many_threads() {
    fn shared<T: Send + Sync>(_: &T) {}
    shared(&*GERMAN);
    let text = ARTICLES[0];
    let alone = GERMAN.analyze(text);
    std::thread::scope(|scope| {
        let runs: Vec<_> = (0..2)
            .map(|_| scope.spawn(|| GERMAN.analyze(text)))
            .collect();
        for run in runs {
            assert_eq!(
                run.join().expect("no panic"),
                alone,
                "the word cache changes nothing"
            );
        }
    });
}

#[test]
fn growing_the_lexicon_forgets_cached_splits() {
    let mut analyzer = Analyzer::german();
    let text = "Der Zwiebelturmkonflikt eskaliert.";
    let parts = |a: &Analyzer| {
        a.analyze(text)
            .iter()
            .filter(|t| t.kind == TermKind::CompoundPart)
            .count()
    };
    let before = parts(&analyzer);
    analyzer.lexicon_mut().add("Zwiebelturm", 1000);
    analyzer.lexicon_mut().protect("Zwiebelturm");
    assert_ne!(
        parts(&analyzer),
        before,
        "the new word changes the split at once"
    );
}

#[test]
fn english_text_is_stemmed_in_english() {
    let english = Analyzer::english();
    let text = "Chief Digital Officers are running the councils' transformations.";
    let terms: Vec<_> = english.analyze(text).into_iter().map(|t| t.text).collect();
    assert_eq!(
        terms,
        ["chief", "digit", "offic", "run", "council", "transform"]
    );
}
