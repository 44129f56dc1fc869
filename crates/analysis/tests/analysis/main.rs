//! Integration tests of newsdesk-analysis on real newsroom text (fixtures copied from the
//! portal samples into tests/fixtures, so nothing outside the crate is read).

mod analyzer;
mod compound;
mod names;
mod robustness;
mod sentence;
mod token;

use std::sync::LazyLock;

use newsdesk_analysis::Analyzer;

/// The German analyzer with the shipped lexicon, built once for all tests.
pub static GERMAN: LazyLock<Analyzer> = LazyLock::new(Analyzer::german);

/// The portal page of the first sample article, as a reader sees it.
pub const PORTAL_PAGE: &str = include_str!("../fixtures/samples/portal-page-seed.txt");

/// The six sample articles (Markdown with YAML front matter).
pub const ARTICLES: &[&str] = &[
    include_str!("../fixtures/samples/2018-12-13-thueringen-zweites-digitalisierungskabinett.md"),
    include_str!(
        "../fixtures/samples/2024-03-28-ozg-2-0-zentralisierung-als-hemmnis-oder-chance.md"
    ),
    include_str!("../fixtures/samples/2024-04-03-nkr-one-stop-shop-fuer-sozialleistungen.md"),
    include_str!("../fixtures/samples/2024-04-09-chief-digital-officer-maedchen-fuer-alles.md"),
    include_str!(
        "../fixtures/samples/2024-04-18-thueringen-e-government-gesetz-wird-novelliert.md"
    ),
    include_str!("../fixtures/samples/2024-04-23-duesseldorf-digitalstrategie-neu-ausgerichtet.md"),
];

/// The terms of `text` as (term, surface) pairs.
pub fn term_pairs(text: &str) -> Vec<(String, &str)> {
    GERMAN
        .analyze(text)
        .into_iter()
        .map(|t| (t.text, t.span.of(text)))
        .collect()
}
