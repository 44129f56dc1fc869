//! Throughput of the pieces on the sample page, best of 15 rounds (the machine is shared):
//! `cargo bench -p newsdesk-analysis --bench analyze`
use std::time::Instant;

use newsdesk_analysis::{Analyzer, Language, Lexicon, find_people, fold, sentences, tokens};

const CORPUS: &str = include_str!("../tests/fixtures/samples/portal-page-seed.txt");

fn best_mb_per_s(mut run: impl FnMut() -> usize) -> f64 {
    let mut best = f64::INFINITY;
    let mut sink = 0;
    for _ in 0..15 {
        let started = Instant::now();
        for _ in 0..40 {
            sink += run();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    assert!(sink > 0);
    CORPUS.len() as f64 * 40.0 / 1e6 / best
}

fn main() {
    let started = Instant::now();
    let lexicon = Lexicon::german();
    println!(
        "Lexicon::german(): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let plain = Analyzer::new(Language::German, Lexicon::new());
    let german = Analyzer::new(Language::German, lexicon.clone());
    println!(
        "tokens:            {:6.1} MB/s",
        best_mb_per_s(|| tokens(CORPUS).count())
    );
    let folded: Vec<String> = tokens(CORPUS).map(|t| fold(&t.text)).collect();
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::German);
    println!(
        "stem (folded):     {:6.1} MB/s",
        best_mb_per_s(|| folded.iter().map(|w| stemmer.stem(w).len()).sum())
    );
    let words: Vec<String> = tokens(CORPUS).map(|t| t.text.into_owned()).collect();
    println!(
        "split_compound:    {:6.1} MB/s",
        best_mb_per_s(|| words
            .iter()
            .map(|w| lexicon.split_compound(w).len() + 1)
            .sum())
    );
    println!(
        "analyze, no split: {:6.1} MB/s",
        best_mb_per_s(|| plain.analyze(CORPUS).len())
    );
    println!(
        "analyze, german:   {:6.1} MB/s (words cached from earlier rounds)",
        best_mb_per_s(|| german.analyze(CORPUS).len())
    );
    let cold = best_mb_per_s(|| {
        german.forget_cached_words();
        german.analyze(CORPUS).len()
    });
    println!("analyze, german:   {cold:6.1} MB/s (cache emptied before each text)");
    println!(
        "sentences:         {:6.1} MB/s",
        best_mb_per_s(|| sentences(CORPUS).len())
    );
    println!(
        "find_people:       {:6.1} MB/s",
        best_mb_per_s(|| find_people(CORPUS).len())
    );
}
