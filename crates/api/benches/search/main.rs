//! Search over a large library: `cargo bench -p newsdesk-api --bench search`.
//!
//! Generates `NEWSDESK_BENCH_ARTICLES` (default 100,000) articles from the samples'
//! vocabulary, times their import through the app's own import path (or reuses the library in
//! `NEWSDESK_BENCH_DIR`, migrating it and timing the search index's rebuild), then compares
//! side by side, on the same articles and the same analysed terms:
//!
//! - *app*: `App::search` — tantivy beside the library, top-k by block-max WAND, date blended,
//!   hits loaded and snippets cut;
//! - *fts5*: the design it was measured against — an FTS5 table whose columns hold the
//!   analysed terms per field, ranked by weighted bm25 times the same recency factor (ids only,
//!   no loading, no snippets).
//!
//! Queries: the typical ones, and words picked by how many articles hold them (rare, mid,
//! most common). Prints p50/p95, build times and sizes per article.

mod corpus;
mod disk;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsdesk_analysis::Analyzer;
use newsdesk_api::App;
use rusqlite::functions::FunctionFlags;

const QUERIES: [&str; 10] = [
    "digitalisierung",
    "Thüringen",
    "e-government",
    "Verwaltungsdigitalisierung",
    "kabinett strategie",
    "\"Hartmut Schubert\"",
    "düsseldorf",
    "massnahmen",
    "ozg",
    "chief digital officer",
];
const RUNS: usize = 40;
const LIMIT: usize = 20;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn time<F: FnMut() -> usize>(mut f: F) -> (Vec<Duration>, usize) {
    f(); // warm the page cache and the statement cache
    let mut times = Vec::with_capacity(RUNS);
    let mut hits = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        hits = f();
        times.push(start.elapsed());
    }
    times.sort();
    (times, hits)
}

fn build(dir: &Path, count: usize) -> PathBuf {
    let db = dir.join("bench.sqlite");
    if db.exists() {
        println!("reusing {}", db.display());
        return db;
    }
    let files = dir.join("files");
    let start = Instant::now();
    corpus::write_files(
        &corpus::Vocabulary::from_samples(&corpus::samples()),
        &files,
        count,
    )
    .expect("write article files");
    println!(
        "generated {count} article files in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let app = App::open(&db).expect("open library");
    let start = Instant::now();
    let report = app
        .import_paths(std::slice::from_ref(&files))
        .expect("import");
    let took = start.elapsed();
    assert_eq!(report.imported.len(), count, "{:?}", report.failed.first());
    println!(
        "imported {count} articles in {:.1} s ({:.0} articles/s) through App::import_paths",
        took.as_secs_f64(),
        count as f64 / took.as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&files);
    db
}

fn mib(bytes: u64) -> String {
    format!("{:.0} MiB", bytes as f64 / 1048576.0)
}

/// One article's searchable parts, as the index sees them.
struct Parts {
    id: i64,
    day: i64,
    title: String,
    kicker: String,
    tags: String,
    teaser: String,
    captions: String,
    body: String,
}

fn read_articles(db: &Path) -> Vec<Parts> {
    let conn = rusqlite::Connection::open(db).expect("library");
    let mut stmt = conn
        .prepare(
            "SELECT a.id, a.search_key >> 32, a.title, a.kicker,
                    coalesce((SELECT group_concat(t.name, ' · ') FROM article_tags x
                              JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), ''),
                    a.teaser,
                    coalesce((SELECT group_concat(caption || ' ' || credit || ' ' || alt, ' · ')
                              FROM article_images i WHERE i.article_id = a.id), ''),
                    a.body
             FROM articles a WHERE a.trashed_at IS NULL",
        )
        .expect("select");
    stmt.query_map([], |r| {
        Ok(Parts {
            id: r.get(0)?,
            day: r.get(1)?,
            title: r.get(2)?,
            kicker: r.get(3)?,
            tags: r.get(4)?,
            teaser: r.get(5)?,
            captions: r.get(6)?,
            body: r.get(7)?,
        })
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

fn terms(analyzer: &Analyzer, text: &str) -> String {
    analyzer
        .analyze(text)
        .into_iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

fn register_recency(conn: &rusqlite::Connection) {
    conn.create_scalar_function(
        "recency",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let age = (ctx.get::<i64>(1)? - ctx.get::<i64>(0)?).max(0) as f64;
            Ok(0.5 + 0.5 * (-age / 365.0).exp2())
        },
    )
    .expect("recency function");
}

/// Option (a): FTS5 over the analysed terms, one column per field.
fn build_fts(path: &Path, articles: &[Parts], analyzer: &Analyzer) -> (f64, u64) {
    let _ = std::fs::remove_file(path);
    let conn = rusqlite::Connection::open(path).expect("fts file");
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
         CREATE VIRTUAL TABLE t USING fts5 (title, kicker, tags, teaser, captions, body,
             day UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');",
    )
    .expect("fts table");
    let start = Instant::now();
    for chunk in articles.chunks(1000) {
        let tx = conn.unchecked_transaction().expect("tx");
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO t (rowid, title, kicker, tags, teaser, captions, body, day)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .expect("insert");
            for a in chunk {
                insert
                    .execute(rusqlite::params![
                        a.id,
                        terms(analyzer, &a.title),
                        terms(analyzer, &a.kicker),
                        terms(analyzer, &a.tags),
                        terms(analyzer, &a.teaser),
                        terms(analyzer, &a.captions),
                        terms(analyzer, &a.body),
                        a.day
                    ])
                    .expect("row");
            }
        }
        tx.commit().expect("commit");
    }
    conn.execute_batch("INSERT INTO t (t) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("optimize");
    let took = start.elapsed().as_secs_f64();
    drop(conn);
    (took, disk::disk_size(path))
}

fn quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// The FTS5 MATCH expression for a query, with the app's semantics: every word (or all its
/// parts), every phrase in sequence.
fn fts_match(analyzer: &Analyzer, query: &str) -> Option<String> {
    let mut clauses = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            let words: Vec<String> = analyzer
                .analyze_query(part)
                .into_iter()
                .map(|w| w.term)
                .collect();
            if !words.is_empty() {
                clauses.push(quote(&words.join(" ")));
            }
            continue;
        }
        for w in analyzer.analyze_query(part) {
            if w.parts.is_empty() {
                clauses.push(quote(&w.term));
            } else {
                let parts: Vec<String> = w.parts.iter().map(|p| quote(p)).collect();
                clauses.push(format!("({} OR ({}))", quote(&w.term), parts.join(" AND ")));
            }
        }
    }
    (!clauses.is_empty()).then(|| clauses.join(" AND "))
}

fn row(label: &str, hits: String, a: &[Duration], f: &[Duration]) {
    println!(
        "{:<30} {:>8} {:>9} {:>9} {:>10} {:>10}",
        label,
        hits,
        ms(percentile(a, 0.5)),
        ms(percentile(a, 0.95)),
        ms(percentile(f, 0.5)),
        ms(percentile(f, 0.95)),
    );
}

fn main() {
    let count: usize = std::env::var("NEWSDESK_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let temp;
    let dir = match std::env::var_os("NEWSDESK_BENCH_DIR") {
        Some(d) => PathBuf::from(d),
        None => {
            temp = tempfile::tempdir().expect("temp dir");
            temp.path().to_path_buf()
        }
    };
    std::fs::create_dir_all(&dir).expect("bench dir");
    let db = build(&dir, count);
    let index_dir = db.with_extension("search");
    let start = Instant::now();
    let app = App::open(&db).expect("open library");
    println!(
        "opened (migrated; search index {}) in {:.1} s",
        if start.elapsed().as_secs_f64() > 1.0 {
            "built"
        } else {
            "present"
        },
        start.elapsed().as_secs_f64()
    );
    // Rare words: the generated corpus has none (its least common word stands in 13% of the
    // articles), so 333 articles carry three: in 3, 33 and 333 of them. Each is one save
    // through the app, which also times a save with the index's commit on this library.
    if app.search("Kormoran", 1).expect("search").is_empty() {
        let mut saves = Vec::new();
        for i in 0..333 {
            let mut words = vec!["Kormoran"];
            if i < 33 {
                words.push("Feldhamster");
            }
            if i < 3 {
                words.push("Zaunkönig");
            }
            let content = newsdesk_model::ArticleContent {
                title: format!("Naturschutz {i}"),
                date: chrono::NaiveDate::from_ymd_opt(2020 + i % 5, 6, 1),
                body: format!("Im Landkreis wurden {} gezählt.", words.join(" und ")),
                ..Default::default()
            };
            let start = Instant::now();
            app.create_article(&content).expect("create");
            saves.push(start.elapsed());
        }
        saves.sort();
        println!(
            "333 single-article saves (library write + index commit): p50 {} ms, p95 {} ms",
            ms(percentile(&saves, 0.5)),
            ms(percentile(&saves, 0.95))
        );
    }
    let articles = read_articles(&db);
    let text_bytes: u64 = articles
        .iter()
        .map(|a| {
            (a.title.len()
                + a.kicker.len()
                + a.tags.len()
                + a.teaser.len()
                + a.captions.len()
                + a.body.len()) as u64
        })
        .sum();
    let n = articles.len().max(1) as u64;

    // Sizes: the library as it is, compacted (what a new library of these articles takes),
    // the tantivy index, the FTS5 alternative.
    let compact = dir.join("compact.sqlite");
    let _ = std::fs::remove_file(&compact);
    {
        let conn = rusqlite::Connection::open(&db).expect("raw");
        conn.execute("VACUUM INTO ?1", [compact.to_string_lossy()])
            .expect("vacuum into");
    }
    let analyzer = Analyzer::german();
    let fts_path = dir.join("fts-analysed.sqlite");
    let (fts_build, fts_size) = build_fts(&fts_path, &articles, &analyzer);
    let library_size = disk::disk_size(&db) + disk::disk_size(&db.with_extension("sqlite-wal"));
    let compact_size = disk::disk_size(&compact);
    let index_size = disk::disk_size(&index_dir);
    let _ = std::fs::remove_file(&compact);
    println!(
        "\n{} articles; their searchable text {} ({} bytes per article)",
        n,
        mib(text_bytes),
        text_bytes / n
    );
    for (label, bytes) in [
        ("library file as it is", library_size),
        ("library file compacted (VACUUM INTO)", compact_size),
        ("tantivy index beside it", index_size),
        ("FTS5 over analysed terms (alternative)", fts_size),
    ] {
        println!(
            "{label:<40} {:>9}  {:>6} bytes/article  {:.2}× the text",
            mib(bytes),
            bytes / n,
            bytes as f64 / text_bytes.max(1) as f64
        );
    }
    println!("FTS5 alternative built in {fts_build:.1} s");

    // Rebuild of the tantivy index, timed on its own.
    drop(app);
    let _ = std::fs::remove_dir_all(&index_dir);
    let start = Instant::now();
    let app = App::open(&db).expect("open library");
    println!(
        "tantivy index rebuilt from the library in {:.1} s",
        start.elapsed().as_secs_f64()
    );

    let fts = rusqlite::Connection::open(&fts_path).expect("fts");
    register_recency(&fts);
    let newest: i64 = fts
        .query_row("SELECT max(day) FROM t", [], |r| r.get(0))
        .expect("newest");
    let mut fts_stmt = fts
        .prepare(
            "SELECT rowid FROM t WHERE t MATCH ?1
             ORDER BY bm25(t, 5.0, 3.0, 3.0, 2.0, 1.0, 1.0) * recency(day, ?2) LIMIT ?3",
        )
        .expect("fts statement");
    let mut count_stmt = fts
        .prepare("SELECT count(*) FROM t WHERE t MATCH ?1")
        .expect("count statement");
    let mut matches =
        |expr: &str| -> i64 { count_stmt.query_row([expr], |r| r.get(0)).unwrap_or(-1) };

    // Words by how many articles hold them: every distinct word of the samples, analysed.
    let mut by_freq: Vec<(i64, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for text in corpus::samples() {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() < 4 || word.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let Some(expr) = fts_match(&analyzer, word) else {
                continue;
            };
            if seen.insert(expr.clone()) {
                let hits = matches(&expr);
                if hits > 0 {
                    by_freq.push((hits, word.to_string()));
                }
            }
        }
    }
    by_freq.sort();
    let pick = |target: i64| -> Vec<String> {
        let mut near: Vec<&(i64, String)> = by_freq.iter().collect();
        near.sort_by_key(|(h, _)| (h - target).abs());
        near.into_iter().take(3).map(|(_, w)| w.clone()).collect()
    };
    let rare: Vec<String> = ["Zaunkönig", "Feldhamster", "Kormoran"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    let mid = pick(n as i64 / 10);
    let common: Vec<String> = by_freq
        .iter()
        .rev()
        .take(3)
        .map(|(_, w)| w.clone())
        .collect();

    println!("\n{RUNS} runs per query, top {LIMIT}; times in ms");
    println!(
        "{:<30} {:>8} {:>9} {:>9} {:>10} {:>10}",
        "query", "matches", "app p50", "app p95", "fts5 p50", "fts5 p95"
    );
    let mut all_app = Vec::new();
    let mut all_fts = Vec::new();
    let mut groups: Vec<(&str, Vec<String>)> =
        vec![("typical", QUERIES.iter().map(|q| q.to_string()).collect())];
    groups.push(("rare", rare));
    groups.push(("mid (the corpus's least common)", mid));
    groups.push(("most common", common));
    // Fewer articles hold every word (or every part of the compound) than asked for: those
    // holding some of them follow, from a second top-k query over the most common words.
    groups.push((
        "some words only (a typo, a compound no article holds)",
        ["digitalisierung Thüirngen", "Fußballdigitalisierung"]
            .iter()
            .map(|w| w.to_string())
            .collect(),
    ));
    for (group, queries) in groups {
        println!("-- {group}");
        let mut group_app = Vec::new();
        let mut group_fts = Vec::new();
        for query in &queries {
            let (app_times, _) = time(|| app.search(query, LIMIT).expect("search").len());
            let expr = fts_match(&analyzer, query).unwrap_or_default();
            let (fts_times, _) = time(|| {
                fts_stmt
                    .query_map(rusqlite::params![expr, newest, LIMIT as i64], |r| {
                        r.get::<_, i64>(0)
                    })
                    .expect("fts query")
                    .count()
            });
            row(query, matches(&expr).to_string(), &app_times, &fts_times);
            group_app.extend(app_times);
            group_fts.extend(fts_times);
        }
        group_app.sort();
        group_fts.sort();
        row(
            &format!("   all {group}"),
            String::new(),
            &group_app,
            &group_fts,
        );
        all_app.extend(group_app);
        all_fts.extend(group_fts);
    }
    all_app.sort();
    all_fts.sort();
    println!();
    row("ALL QUERIES", String::new(), &all_app, &all_fts);
}
