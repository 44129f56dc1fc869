//! Suggestion latency with a large library: `cargo bench -p newsdesk-suggest --bench suggest`.
//!
//! Builds a model of `NEWSDESK_BENCH_ARTICLES` (default 100,000) tagged articles made of the
//! samples' sentences, each carrying 3–6 tags drawn (Zipf-like) from a vocabulary of
//! `NEWSDESK_BENCH_TAGS` (default 20,000) distinct tags — words of the shipped lexicon, then
//! people's names — each named in the articles that carry it; then times `Suggester::suggest` on each sample article (its tags removed), and prints
//! p50/p95 and the model's build time.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use newsdesk_suggest::{Document, Language, Request, Suggester, TagModel};

const RUNS: usize = 40;

/// xorshift64*: a fixed, dependency-free sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Zipf-like: small indexes far more often.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1e3
}

fn main() {
    let articles = env("NEWSDESK_BENCH_ARTICLES", 100_000);
    let tag_count = env("NEWSDESK_BENCH_TAGS", 20_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let samples: Vec<_> = std::fs::read_dir(root.join("../analysis/tests/fixtures/samples"))
        .expect("samples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            newsdesk_interchange::parse(&std::fs::read_to_string(&p).expect("sample"))
                .expect("valid sample")
        })
        .collect();
    let sentences: Vec<String> = samples
        .iter()
        .flat_map(|a| {
            let body = a.body.clone();
            newsdesk_analysis::sentences(&body)
                .iter()
                .map(|s| s.of(&body).to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let suggester = Suggester::new();
    let analyzer = suggester.analyzer(Language::German);
    let mut seen = std::collections::HashSet::new();
    let single = include_str!("../../../assets/analysis/de-words.txt")
        .lines()
        .skip(1_000)
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().chain(c).collect::<String>()
            })
        });
    // Newsroom vocabularies hold many people: first name + surname fill it up.
    let first: Vec<&str> = include_str!("../../../assets/analysis/first-names.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    let people = include_str!("../../../assets/analysis/de-surnames.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .enumerate()
        .map(move |(i, surname)| format!("{} {surname}", first[i % first.len().max(1)]));
    let words: Vec<String> = single
        .chain(people)
        .filter(|w| seen.insert(newsdesk_suggest::tag_key(analyzer, w)))
        .take(tag_count)
        .collect();
    let mut model = TagModel::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    for id in 0..articles {
        let tags: Vec<String> = (0..3 + rng.below(4))
            .map(|_| words[rng.zipf(words.len())].clone())
            .collect();
        let mut body = String::new();
        for _ in 0..8 {
            body.push_str(&sentences[rng.below(sentences.len())]);
            body.push(' ');
        }
        for tag in &tags {
            body.push_str(&format!("Zum Thema {tag} hieß es weiter. "));
        }
        let document = Document {
            title: format!(
                "{} und {}",
                tags[0],
                sentences[rng.below(sentences.len())]
                    .chars()
                    .take(40)
                    .collect::<String>()
            ),
            body,
            section: "Politik".into(),
            tags,
            ..Document::default()
        };
        model.learn(analyzer, id as i64, &document);
        if id % 10_000 == 0 {
            analyzer.forget_cached_words();
        }
    }
    for (i, tag) in words.iter().enumerate() {
        model.set_tag_uses(analyzer, tag, (articles / (i + 1)).max(1) as u32);
    }
    let built = started.elapsed();
    let rss = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(str::to_string)
        })
        .unwrap_or_default();
    println!(
        "model: {} articles, {} tags in the vocabulary, built in {:.1} s; process {}",
        model.documents(),
        model.vocabulary_len(),
        built.as_secs_f64(),
        rss.trim()
    );
    let mut all = Vec::new();
    for sample in &samples {
        let mut document = Document::from(sample);
        document.tags.clear();
        let request = Request {
            k: 10,
            rejected: Vec::new(),
        };
        suggester.suggest(&document, &model, &request);
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let t = Instant::now();
            let got = suggester.suggest(&document, &model, &request);
            times.push(t.elapsed());
            assert!(!got.is_empty());
        }
        times.sort();
        println!(
            "{:<45} p50 {:>6.2} ms  p95 {:>6.2} ms",
            sample.title.chars().take(45).collect::<String>(),
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "all: p50 {:.2} ms, p95 {:.2} ms",
        percentile(&all, 0.5),
        percentile(&all, 0.95)
    );
}
