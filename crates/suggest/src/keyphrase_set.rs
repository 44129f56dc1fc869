//! The offline evaluation: suggestions scored on a keyphrase data set in a folder (no
//! library needed) — `dir/docsutf8/NAME.txt` (the text, its first line the title) and
//! `dir/keys/NAME.key` (gold phrases, one a line). The set's texts are the library the model
//! learns how common words are from. With a predictions folder, another extractor's ranked
//! phrases (`predictions/NAME.txt`) are scored instead, matched the same way.
//!
//! The only part of this crate that reads files: the set is a folder by nature.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsdesk_model::EvalReport;

use crate::eval::Evaluation;
use crate::{Document, Language, Request, Suggester, TagModel};

/// Why a keyphrase set could not be evaluated, in words.
#[derive(Debug, thiserror::Error)]
pub enum KeyphraseSetError {
    #[error("{context} {}: {source}", path.display())]
    Io {
        context: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{} holds no keyphrase set: expected docsutf8/NAME.txt with keys/NAME.key beside",
        .0.display()
    )]
    Empty(PathBuf),
}

/// Scores suggestions (or `predictions`) on the keyphrase set in `dir` at the cut-offs `ks`.
pub fn evaluate_keyphrase_set(
    dir: &Path,
    ks: &[usize],
    predictions: Option<&Path>,
) -> Result<EvalReport, KeyphraseSetError> {
    let documents = read_keyphrase_set(dir)?;
    let suggester = Suggester::new();
    let language = majority_language(&documents);
    let analyzer = suggester.analyzer(language);
    let mut model = TagModel::new();
    for (i, (_, document, _)) in documents.iter().enumerate() {
        model.learn(analyzer, i as i64, document);
    }
    let k = ks.iter().copied().max().unwrap_or(10);
    let mut evaluation = Evaluation::new(ks);
    let mut spent = Duration::ZERO;
    for (name, document, gold) in &documents {
        let predicted: Vec<String> = match predictions {
            Some(folder) => read_lines(&folder.join(format!("{name}.txt")))?,
            None => {
                let started = Instant::now();
                let got = suggester.suggest(
                    document,
                    &model,
                    &Request {
                        k,
                        rejected: Vec::new(),
                    },
                );
                spent += started.elapsed();
                got.into_iter().map(|s| s.tag).collect()
            }
        };
        evaluation.add(analyzer, &predicted, gold);
    }
    Ok(evaluation.report(per_document_ms(spent, evaluation.report(0.0).documents)))
}

/// Milliseconds per document of `spent` over `documents` (at least one).
pub fn per_document_ms(spent: Duration, documents: u32) -> f64 {
    spent.as_secs_f64() * 1e3 / f64::from(documents.max(1))
}

fn majority_language(documents: &[(String, Document, Vec<String>)]) -> Language {
    let english = documents
        .iter()
        .filter(|(_, d, _)| d.language() == Language::English)
        .count();
    if english * 2 > documents.len() {
        Language::English
    } else {
        Language::German
    }
}

/// (name, document, gold phrases) of each text that has a key file.
fn read_keyphrase_set(
    dir: &Path,
) -> Result<Vec<(String, Document, Vec<String>)>, KeyphraseSetError> {
    let texts = dir.join("docsutf8");
    let keys = dir.join("keys");
    let unreadable = |source| KeyphraseSetError::Io {
        context: "cannot read the texts of the keyphrase set in",
        path: texts.clone(),
        source,
    };
    let entries = std::fs::read_dir(&texts).map_err(unreadable)?;
    let mut documents = Vec::new();
    for entry in entries {
        let path = entry.map_err(unreadable)?.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let Some(name) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        let key_file = keys.join(format!("{name}.key"));
        if !key_file.is_file() {
            continue;
        }
        let text = read_text(&path)?;
        documents.push((
            name,
            Document::from_plain_text(&text),
            read_lines(&key_file)?,
        ));
    }
    if documents.is_empty() {
        return Err(KeyphraseSetError::Empty(dir.to_path_buf()));
    }
    documents.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(documents)
}

fn read_text(path: &Path) -> Result<String, KeyphraseSetError> {
    let bytes = std::fs::read(path).map_err(|source| KeyphraseSetError::Io {
        context: "cannot read",
        path: path.to_path_buf(),
        source,
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The non-blank lines of a file, trimmed; a missing file has none.
fn read_lines(path: &Path) -> Result<Vec<String>, KeyphraseSetError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    Ok(read_text(path)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}
