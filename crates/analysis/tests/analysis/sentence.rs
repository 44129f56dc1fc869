//! Sentences of the sample texts.

use newsdesk_analysis::sentences;

use crate::PORTAL_PAGE;

#[test]
fn the_portal_page_splits_into_its_sentences() {
    let found: Vec<_> = sentences(PORTAL_PAGE)
        .iter()
        .map(|s| s.of(PORTAL_PAGE))
        .collect();
    let expected = [
        "[13.12.2018] Beim zweiten Digitalisierungskabinett in Thüringen stand die Verwaltungsdigitalisierung im Fokus.",
        "Der Aktionsplan für das Jahr 2019 wurde ebenfalls beschlossen.",
        "Das Kabinett informierte sich laut der Pressemeldung außerdem über die Gespräche des Finanzministeriums mit den kommunalen Spitzenverbänden zur Gründung eines gemeinsamen kommunalen Dienstleisters auf Vorschlag des Landes.",
        "Es fehlt nicht an den Mitteln wie Software, Technik oder Geld.",
        "E-Government braucht Befürworter und IT-begeisterte Führungskräfte in den Verwaltungen.“",
        "Wie geht es jetzt weiter mit OZG 2.0 und der Digitalisierung der Verwaltung?",
    ];
    for sentence in expected {
        assert!(
            found.contains(&sentence),
            "missing sentence: {sentence}\nfound: {found:#?}"
        );
    }
    assert!(
        found.contains(&"Thüringen:\nZweites Digitalisierungskabinett"),
        "the headline ends at the blank line"
    );
}

#[test]
fn every_sentence_is_trimmed_and_in_order() {
    let spans = sentences(PORTAL_PAGE);
    assert!(spans.len() > 30);
    for pair in spans.windows(2) {
        assert!(pair[0].end <= pair[1].start, "sentences do not overlap");
    }
    for span in &spans {
        let text = span.of(PORTAL_PAGE);
        assert_eq!(text, text.trim(), "no white space around a sentence");
    }
}

#[test]
fn german_news_abbreviations_and_numbers() {
    let text = "Laut Dr. Schubert kamen u. a. Vertreter der Kommunen, d. h. rund 80 Mio. Euro \
                flossen bzw. fließen bis zum 3. Oktober. Am 29.11.2026 folgt Nr. 2. Das \
                Land zahlt 4,5 Prozent. „Das ist gut.“ Er ging.";
    let found: Vec<_> = sentences(text).iter().map(|s| s.of(text)).collect();
    assert_eq!(
        found,
        [
            "Laut Dr. Schubert kamen u. a. Vertreter der Kommunen, d. h. rund 80 Mio. Euro flossen bzw. fließen bis zum 3. Oktober.",
            "Am 29.11.2026 folgt Nr. 2.",
            "Das Land zahlt 4,5 Prozent.",
            "„Das ist gut.“",
            "Er ging.",
        ]
    );
}
