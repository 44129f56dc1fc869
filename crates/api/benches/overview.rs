//! The newsroom overview on a large library: `cargo bench -p newsdesk-api --bench overview`.
//!
//! Builds (or reuses, `NEWSDESK_BENCH_DIR`) the library of the search benchmark — by default
//! 100,000 articles (`NEWSDESK_BENCH_ARTICLES`) from the samples' vocabulary, dated evenly over
//! 2010–2025 — and times `App::overview` (what the window's overview calls) as of the corpus's
//! last day: the first call in a freshly opened library, then p50/p95 of 40 calls.

#[path = "search/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use newsdesk_api::{App, Clock};

const RUNS: usize = 40;

struct On(DateTime<Utc>);
impl Clock for On {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// The library of `count` generated articles in `dir` (reused when it is there).
fn library(dir: &Path, count: usize) -> PathBuf {
    let db = dir.join("bench.sqlite");
    if db.exists() {
        println!("reusing {}", db.display());
        return db;
    }
    let files = dir.join("files");
    corpus::write_files(
        &corpus::Vocabulary::from_samples(&corpus::samples()),
        &files,
        count,
    )
    .expect("write article files");
    let app = App::open(&db).expect("open library");
    let start = Instant::now();
    let report = app
        .import_paths(std::slice::from_ref(&files))
        .expect("import");
    assert_eq!(report.imported.len(), count, "{:?}", report.failed.first());
    println!(
        "imported {count} articles in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&files);
    db
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let count: usize = std::env::var("NEWSDESK_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let kept = std::env::var_os("NEWSDESK_BENCH_DIR").map(PathBuf::from);
    let temp = tempfile::tempdir().expect("temporary folder");
    let dir = kept.unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("bench folder");
    let db = library(&dir, count);

    // The corpus's last day: its newest twelve weeks hold about 1,400 of 100,000 articles.
    let day = Utc
        .with_ymd_and_hms(2025, 12, 28, 12, 0, 0)
        .single()
        .expect("a valid time");
    let start = Instant::now();
    let app = App::open_with_clock(&db, Arc::new(On(day))).expect("open library");
    let opened = start.elapsed();
    let start = Instant::now();
    let first = app.overview().expect("overview");
    let first_call = start.elapsed();
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let overview = app.overview().expect("overview");
        times.push(start.elapsed());
        assert_eq!(overview, first, "the same library gives the same figures");
    }
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    let in_weeks: i64 = first.weeks.iter().map(|w| w.count).sum();
    println!(
        "overview of {} articles ({in_weeks} in the last 12 weeks, {} tags shown): open {}, first call {}, p50 {}, p95 {} ({RUNS} calls)",
        first.articles,
        first.tags.len(),
        ms(opened),
        ms(first_call),
        ms(at(0.5)),
        ms(at(0.95)),
    );
}
