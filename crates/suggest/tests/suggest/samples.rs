use std::path::PathBuf;

use newsdesk_model::ArticleContent;
use newsdesk_suggest::{Document, Request, Suggester, TagModel};

fn samples() -> Vec<(String, ArticleContent)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../analysis/tests/fixtures/samples");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the samples folder is there") {
        let path = entry.expect("a readable folder entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(&path).expect("a readable sample");
            let article = newsdesk_interchange::parse(&text).expect("a valid sample");
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            out.push((name, article));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn seed() -> ArticleContent {
    samples()
        .into_iter()
        .find(|(name, _)| name.contains("zweites-digitalisierungskabinett"))
        .map(|(_, a)| a)
        .expect("the seed sample")
}

#[test]
fn the_seed_gets_four_of_its_five_stichwoerter_in_the_top_eight_from_the_other_samples() {
    let suggester = Suggester::new();
    let analyzer = suggester.analyzer(newsdesk_suggest::Language::German);
    let mut model = TagModel::new();
    for (i, (name, article)) in samples().iter().enumerate() {
        if !name.contains("zweites-digitalisierungskabinett") {
            model.learn(analyzer, i as i64, &Document::from(article));
        }
    }
    let mut article = seed();
    let gold = std::mem::take(&mut article.tags);
    let got = suggester.suggest(
        &Document::from(&article),
        &model,
        &Request {
            k: 8,
            ..Request::default()
        },
    );
    let shown: Vec<String> = got
        .iter()
        .map(|s| format!("{} {} ({})", s.tag, s.score, s.reason))
        .collect();
    let names: Vec<String> = got.iter().map(|s| s.tag.to_lowercase()).collect();
    let hits = gold
        .iter()
        .filter(|g| names.contains(&g.to_lowercase()))
        .count();
    assert!(
        hits >= 4,
        "only {hits} of {gold:?} in the top 8:\n{}",
        shown.join("\n")
    );
}
