//! Compound splitting scored on word lists: precision and recall are printed
//! (`cargo test -p newsdesk-analysis --test analysis compound -- --nocapture`).

use newsdesk_analysis::Lexicon;

use crate::GERMAN;

const DEV: &str = include_str!("../fixtures/compounds-dev.txt");
const HELD_OUT: &str = include_str!("../fixtures/compounds-held-out.txt");
const FINAL: &str = include_str!("../fixtures/compounds-final.txt");

/// One line of a list: the word and the accepted splits (none: not a compound).
struct Case<'a> {
    word: &'a str,
    accepted: Vec<Vec<String>>,
}

fn cases(list: &str) -> Vec<Case<'_>> {
    list.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (word, expected) = line.split_once(" = ").expect("lines are `word = parts`");
            let accepted = if expected.trim() == "-" {
                Vec::new()
            } else {
                expected
                    .split(" / ")
                    .map(|alt| alt.split('|').map(|p| p.trim().to_lowercase()).collect())
                    .collect()
            };
            Case { word, accepted }
        })
        .collect()
}

#[derive(Debug, Default)]
struct Score {
    compounds: usize,
    others: usize,
    split: usize,
    right: usize,
    false_splits: Vec<String>,
    wrong_splits: Vec<String>,
    missed: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        self.right as f64 / self.split.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.right as f64 / self.compounds.max(1) as f64
    }
}

fn score(lexicon: &Lexicon, list: &str) -> Score {
    let mut score = Score::default();
    for case in cases(list) {
        let parts: Vec<String> = lexicon
            .split_compound(case.word)
            .iter()
            .map(|p| p.span.of(case.word).to_lowercase())
            .collect();
        let shown = format!("{} → {}", case.word, parts.join("|"));
        if case.accepted.is_empty() {
            score.others += 1;
        } else {
            score.compounds += 1;
        }
        if parts.is_empty() {
            if !case.accepted.is_empty() {
                score.missed.push(case.word.to_owned());
            }
            continue;
        }
        score.split += 1;
        if case.accepted.is_empty() {
            score.false_splits.push(shown);
        } else if case.accepted.contains(&parts) {
            score.right += 1;
        } else {
            score.wrong_splits.push(shown);
        }
    }
    score
}

fn report(name: &str, score: &Score) {
    println!(
        "{name}: {} compounds, {} non-compounds; precision {:.3} ({} of {} splits right), \
         recall {:.3}\n  false splits: {:?}\n  wrong splits: {:?}\n  missed: {:?}",
        score.compounds,
        score.others,
        score.precision(),
        score.right,
        score.split,
        score.recall(),
        score.false_splits,
        score.wrong_splits,
        score.missed,
    );
}

#[test]
fn development_list_splits_right_and_guards_non_compounds() {
    let score = score(GERMAN.lexicon(), DEV);
    report("development list", &score);
    assert!(
        score.compounds >= 40 && score.others >= 30,
        "the lists are big enough"
    );
    assert!(
        score.false_splits.is_empty(),
        "names and simple words must never be split: {:?}",
        score.false_splits
    );
    assert!(score.precision() >= 0.95, "splits must be right: {score:?}");
    assert!(
        score.recall() >= 0.9,
        "most compounds must split: {score:?}"
    );
}

#[test]
fn held_out_list_is_measured_and_stays_usable() {
    let score = score(GERMAN.lexicon(), HELD_OUT);
    report("held-out list", &score);
    assert!(
        score.compounds >= 40 && score.others >= 30,
        "the lists are big enough"
    );
    // Written before the first run; these floors only catch a regression.
    assert!(
        score.precision() >= 0.85,
        "held-out precision fell: {score:?}"
    );
    assert!(score.recall() >= 0.75, "held-out recall fell: {score:?}");
}

#[test]
fn final_list_is_measured() {
    let score = score(GERMAN.lexicon(), FINAL);
    report("final list", &score);
    assert!(
        score.compounds >= 40 && score.others >= 25,
        "the lists are big enough"
    );
    // Run once, after the last change to the splitter; the floors only catch a regression.
    assert!(
        score.precision() >= 0.8,
        "final-list precision fell: {score:?}"
    );
    assert!(score.recall() >= 0.8, "final-list recall fell: {score:?}");
}

#[test]
fn the_brief_examples_split_as_expected() {
    for (word, parts) in [
        (
            "Verwaltungsdigitalisierung",
            ["Verwaltung", "digitalisierung"],
        ),
        ("Digitalisierungskabinett", ["Digitalisierung", "kabinett"]),
        ("Landesregierung", ["Land", "regierung"]),
        ("Staatskanzlei", ["Staat", "kanzlei"]),
        ("Ölpreis", ["Öl", "preis"]),
    ] {
        let found: Vec<_> = GERMAN
            .lexicon()
            .split_compound(word)
            .iter()
            .map(|p| p.span.of(word))
            .collect();
        assert_eq!(found, parts, "{word}");
    }
}

#[test]
fn learning_the_library_splits_its_new_coinages() {
    let mut lexicon = Lexicon::german();
    let word = "Onlinezugangsgesetz";
    let before = lexicon.split_compound(word).len();
    // The library keeps writing about "Onlinezugang" (an OZG term the base list lacks).
    for _ in 0..3 {
        lexicon.learn("Der Onlinezugang der Bürger wird ausgebaut.");
    }
    let after: Vec<_> = lexicon
        .split_compound(word)
        .iter()
        .map(|p| p.span.of(word).to_owned())
        .collect();
    assert!(
        before <= 3,
        "whatever it was before, it is a split of the word"
    );
    assert_eq!(
        after.last().map(String::as_str),
        Some("gesetz"),
        "{after:?}"
    );
    assert!(after.len() >= 2);
}

#[test]
fn splitting_never_panics_on_odd_words() {
    let lexicon = GERMAN.lexicon();
    for word in [
        "",
        "ß",
        "ẞẞẞẞẞẞẞẞ",
        "Straßenbahnhaltestellenschild",
        "İstanbulflughafen",
        "ÖÖÖÖÖÖÖ",
        "a\u{308}a\u{308}a\u{308}a\u{308}a\u{308}a\u{308}",
        "Landes\u{AD}regierung",
        "日本語日本語日本語",
        "x-x-x-x-x",
        "Donaudampfschifffahrtsgesellschaftskapitän",
    ] {
        for part in lexicon.split_compound(word) {
            assert!(part.span.end <= word.len() && word.is_char_boundary(part.span.start));
            assert!(word.is_char_boundary(part.span.end));
        }
    }
}
