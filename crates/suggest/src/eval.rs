//! Scoring suggestions against gold keyphrases as keyphrase papers do: a suggestion matches a
//! gold phrase when both are equal after case folding and stemming each word; precision,
//! recall and F1 at each cut-off k are computed per document and averaged (macro).

use newsdesk_analysis::Analyzer;
use newsdesk_model::{EvalAtK, EvalReport};
use rustc_hash::FxHashSet;

use crate::keys::phrase_key;

/// Running sums over the documents scored so far.
#[derive(Debug, Clone)]
pub struct Evaluation {
    ks: Vec<usize>,
    /// Per k: sums of precision, recall, F1.
    sums: Vec<(f64, f64, f64)>,
    documents: u32,
}

impl Evaluation {
    /// An evaluation at the cut-offs `ks` (e.g. 5 and 10).
    pub fn new(ks: &[usize]) -> Self {
        Self {
            ks: ks.to_vec(),
            sums: vec![(0.0, 0.0, 0.0); ks.len()],
            documents: 0,
        }
    }

    /// Scores one document's ranked `predicted` phrases against its `gold` phrases; a
    /// document without gold phrases is not counted.
    pub fn add(&mut self, analyzer: &Analyzer, predicted: &[String], gold: &[String]) {
        let gold: FxHashSet<String> = gold
            .iter()
            .map(|g| phrase_key(analyzer, g))
            .filter(|g| !g.is_empty())
            .collect();
        if gold.is_empty() {
            return;
        }
        let mut seen = FxHashSet::default();
        let ranked: Vec<String> = predicted
            .iter()
            .map(|p| phrase_key(analyzer, p))
            .filter(|p| !p.is_empty() && seen.insert(p.clone()))
            .collect();
        self.documents += 1;
        for (i, &k) in self.ks.iter().enumerate() {
            let hits = ranked.iter().take(k).filter(|p| gold.contains(*p)).count() as f64;
            let precision = if k == 0 { 0.0 } else { hits / k as f64 };
            let recall = hits / gold.len() as f64;
            let f1 = if hits == 0.0 {
                0.0
            } else {
                2.0 * precision * recall / (precision + recall)
            };
            let sums = &mut self.sums[i];
            sums.0 += precision;
            sums.1 += recall;
            sums.2 += f1;
        }
    }

    /// The averages, with the time per document measured by the caller.
    pub fn report(&self, ms_per_document: f64) -> EvalReport {
        let n = f64::from(self.documents.max(1));
        EvalReport {
            documents: self.documents,
            at: self
                .ks
                .iter()
                .zip(&self.sums)
                .map(|(&k, &(p, r, f))| EvalAtK {
                    k: k as u32,
                    precision: p / n,
                    recall: r / n,
                    f1: f / n,
                })
                .collect(),
            ms_per_document,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_after_folding_and_stemming_and_averages_per_document() {
        let analyzer = Analyzer::english();
        let mut eval = Evaluation::new(&[1, 2]);
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        eval.add(
            &analyzer,
            &strings(&["Climate Changes", "weather"]),
            &strings(&["climate change", "policy"]),
        );
        eval.add(&analyzer, &strings(&["x"]), &strings(&[]));
        let report = eval.report(0.0);
        assert_eq!(
            report.documents, 1,
            "a document without gold phrases is not counted"
        );
        assert_eq!(
            report.at[0].precision, 1.0,
            "plural and case fold to the gold phrase"
        );
        assert_eq!(report.at[0].recall, 0.5);
        assert_eq!(report.at[1].precision, 0.5);
        assert!((report.at[1].f1 - 0.5).abs() < 1e-9);
    }
}
