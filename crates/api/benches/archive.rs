//! A newsroom's archive (issue 23): `cargo bench -p newsdesk-api --bench archive`.
//!
//! On `NEWSDESK_BENCH_ARTICLES` (default 100,000) generated articles (the search benchmark's
//! corpus: the samples' vocabulary, 3–5 tags each), through the app's own calls:
//!
//! 1. **import**: article files on disk → `App::import_paths` → a searchable library (a search
//!    right after the import must find the last article: the index is ready when it returns);
//! 2. **disk**: everything the library keeps on disk (the SQLite file, its `-wal`/`-shm`, the
//!    search index, anything else beside it) per byte of article files imported;
//! 3. **first tag suggestion** in a freshly opened app, twice (the second open is what every
//!    later start of the app meets);
//! 4. **search index rebuild**: the index folder removed, then the library opened and
//!    searched; articles per second;
//! 5. **opening an article**: what the editor asks the core for when an article is clicked
//!    (the article, its preview rendered, its counts), p50/p95 over 500 random articles.
//!
//! `NEWSDESK_BENCH_DIR` keeps the generated files (reused) and the library (made anew);
//! `NEWSDESK_BENCH_TAGS=3000` draws each article's tags from that many distinct ones.

#[path = "search/corpus.rs"]
mod corpus;
#[path = "search/disk.rs"]
mod disk;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsdesk_api::App;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn mib(bytes: u64) -> String {
    format!("{:.0} MiB", bytes as f64 / 1048576.0)
}

/// Everything of the library `db` in its folder: the file and whatever starts with its stem.
fn library_size(db: &Path) -> u64 {
    let folder = db.parent().expect("folder");
    let stem = db
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("stem")
        .to_string();
    std::fs::read_dir(folder)
        .expect("folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&stem))
        .map(|e| disk::disk_size(&e.path()))
        .sum()
}

/// The generated article files (reused when complete) and their bytes. With `tags` set,
/// each article's 3–5 tags are drawn instead, Zipf-like, from that many distinct tags (the
/// samples' capitalised words and pairs of them), as an archive's vocabulary grows.
fn article_files(dir: &Path, count: usize, tags: Option<usize>) -> (PathBuf, u64) {
    let files = match tags {
        Some(tags) => dir.join(format!("files-{count}-{tags}-tags")),
        None => dir.join(format!("files-{count}")),
    };
    let done = files.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&files);
        let start = Instant::now();
        let vocabulary = corpus::Vocabulary::from_samples(&corpus::samples());
        corpus::write_files(&vocabulary, &files, count).expect("write article files");
        if let Some(tags) = tags {
            retag(&files, &vocabulary, tags);
        }
        std::fs::write(&done, b"").expect("mark");
        println!(
            "generated {count} article files in {:.1} s",
            start.elapsed().as_secs_f64()
        );
    }
    let bytes = disk::disk_size(&files);
    (files, bytes)
}

/// Replaces the tags of every article file under `files` with 3–5 of `count` distinct tags,
/// the i-th most used about 1/i as often as the first.
fn retag(files: &Path, vocabulary: &corpus::Vocabulary, count: usize) {
    let nouns = vocabulary.nouns();
    let names: Vec<String> = (0..count)
        .map(|i| match i < nouns.len() {
            true => nouns[i].clone(),
            false => format!(
                "{} {}",
                nouns[i % nouns.len()],
                nouns[(i / nouns.len() * 7 + i) % nouns.len()]
            ),
        })
        .collect();
    let mut rng = corpus::Rng::new(0x7461_6773);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(files)
        .expect("folders")
        .flatten()
        .flat_map(|folder| {
            std::fs::read_dir(folder.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("article file");
        let chosen: Vec<&str> = (0..rng.between(3, 5))
            .map(|_| {
                let u = (rng.next_u64() % 1_000_000) as f64 / 1_000_000.0;
                let rank = (count as f64).powf(u) as usize;
                names[rank.saturating_sub(1).min(count - 1)].as_str()
            })
            .collect();
        let text: Vec<String> = text
            .lines()
            .map(|line| match line.starts_with("tags: [") {
                true => format!("tags: [{}]", chosen.join(", ")),
                false => line.to_string(),
            })
            .collect();
        std::fs::write(&path, text.join("\n") + "\n").expect("retagged");
    }
}

/// Imports the article files into a new library (step 1); the ids imported.
fn import(library: &Path, db: &Path, files: &Path, count: usize) -> Vec<i64> {
    let _ = std::fs::remove_dir_all(library);
    std::fs::create_dir_all(library).expect("library folder");
    // 1. Import.
    let app = App::open(db).expect("open library");
    let start = Instant::now();
    let report = app.import_paths(&[files.to_path_buf()]).expect("import");
    let took = start.elapsed();
    assert_eq!(report.imported.len(), count, "{:?}", report.failed.first());
    let last = report.imported.last().expect("an article");
    let found = app
        .search(&format!("\"{}\"", last.title), 5)
        .expect("search");
    assert!(
        found.iter().any(|h| h.id == last.id),
        "the last article imported is found at once: the index is ready when the import returns"
    );
    println!(
        "import        {:.1} s, {:.0} articles/s (files → searchable library, App::import_paths)",
        took.as_secs_f64(),
        count as f64 / took.as_secs_f64()
    );
    let ids: Vec<i64> = report.imported.iter().map(|a| a.id).collect();
    let sizes = app
        .library_info_with_sizes()
        .expect("db info")
        .sizes
        .expect("sizes");
    println!(
        "db info sizes articles {}, revisions {}, tags {}, other {}, free {}, log {}, search index {}",
        mib(sizes.articles),
        mib(sizes.revisions),
        mib(sizes.tags),
        mib(sizes.other),
        mib(sizes.free),
        mib(sizes.wal),
        mib(sizes.search_index)
    );
    drop(app);
    ids
}

/// The ids of the articles of a library kept from the last run.
fn reused_ids(db: &Path) -> Vec<i64> {
    let app = App::open(db).expect("open library");
    let info = app.library_info().expect("info");
    println!("reusing {} ({} articles)", db.display(), info.articles);
    let conn = rusqlite::Connection::open(db).expect("library");
    let mut stmt = conn
        .prepare("SELECT id FROM articles WHERE trashed_at IS NULL")
        .expect("select");
    stmt.query_map([], |r| r.get(0))
        .expect("ids")
        .collect::<Result<_, _>>()
        .expect("ids")
}

fn main() {
    let count: usize = std::env::var("NEWSDESK_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = std::env::var_os("NEWSDESK_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("bench dir");
    let tags: Option<usize> = std::env::var("NEWSDESK_BENCH_TAGS")
        .ok()
        .and_then(|n| n.parse().ok());
    let (files, text) = article_files(&dir, count, tags);
    let library = dir.join("library");
    let db = library.join("archive.sqlite");
    println!("{count} articles, {} of article files", mib(text));
    // NEWSDESK_BENCH_REUSE=1: the library of the last run, not imported again.
    let reuse = std::env::var_os("NEWSDESK_BENCH_REUSE").is_some() && db.exists();
    let ids = if reuse {
        reused_ids(&db)
    } else {
        import(&library, &db, &files, count)
    };

    // 2. Disk.
    let disk = library_size(&db);
    println!(
        "disk          {} for {} of article files ({:.2}×)",
        mib(disk),
        mib(text),
        disk as f64 / text as f64
    );

    // 3. The first tag suggestion in a fresh app, twice.
    let mut rng = corpus::Rng::new(23);
    for run in [
        "first start after the import: no model saved yet",
        "next start",
        "the start after that",
    ] {
        let start = Instant::now();
        let app = App::open(&db).expect("open library");
        let opened = start.elapsed();
        let id = ids[rng.below(ids.len())];
        app.prepare_tag_model(&mut |_, _| {}).expect("tag model");
        let prepared = start.elapsed();
        let suggestions = app.suggest_tags(id, 10).expect("suggest");
        println!(
            "suggestion    {} ({run}; open {}, model ready {}, then the first suggestion; {} tags)",
            ms(start.elapsed()),
            ms(opened),
            ms(prepared - opened),
            suggestions.len()
        );
    }
    // An article saved, then a suggestion: the model learns the one change.
    let app = App::open(&db).expect("open library");
    let id = ids[rng.below(ids.len())];
    app.suggest_tags(id, 10).expect("suggest");
    let mut article = app.get_article(id).expect("article");
    article.content.tags.push("Archivprobe".into());
    app.save_article(id, &article.content, Some(article.revision))
        .expect("save");
    std::thread::sleep(Duration::from_millis(2100)); // the model looks for changes every 2 s
    let start = Instant::now();
    app.suggest_tags(id, 10).expect("suggest");
    println!(
        "suggestion    {} (after a save: the model learns the changed article)",
        ms(start.elapsed())
    );
    drop(app);
    println!(
        "disk after the suggestions: {} ({:.2}×)",
        mib(library_size(&db)),
        library_size(&db) as f64 / text as f64
    );

    // 4. The search index rebuilt when missing.
    let index = library.join("archive.search");
    std::fs::remove_dir_all(&index).expect("the search index folder is beside the library");
    let start = Instant::now();
    let app = App::open(&db).expect("open library");
    let opened = start.elapsed();
    let hits = app.search("digitalisierung", 10).expect("search");
    let took = start.elapsed();
    println!(
        "index rebuild {:.1} s, {:.0} articles/s (folder removed → open {} → first search, {} hits)",
        took.as_secs_f64(),
        count as f64 / took.as_secs_f64(),
        ms(opened),
        hits.len()
    );
    // The bound: the German analysis alone (what the index must do to every word), on one
    // core, over 10,000 of the articles' searchable texts, each analysed once.
    let analyzer = newsdesk_analysis::Analyzer::german();
    let sample: Vec<_> = (0..10_000)
        .map(|_| {
            app.get_article(ids[rng.below(ids.len())])
                .expect("article")
                .content
        })
        .collect();
    let start = Instant::now();
    let mut terms = 0;
    for content in &sample {
        for text in [
            &content.title,
            &content.kicker,
            &content.tags.join(" · "),
            &content.teaser,
            &content.body,
        ] {
            terms += analyzer.analyze(text).len();
        }
    }
    let per_core = sample.len() as f64 / start.elapsed().as_secs_f64();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "bound         analysis alone {per_core:.0} articles/s on one core ({terms} terms), \
         {:.0}/s on all {cores} cores: the rebuild cannot be faster",
        per_core * cores as f64
    );
    drop(app);
    let start = Instant::now();
    let app = App::open(&db).expect("open library");
    app.search("digitalisierung", 10).expect("search");
    println!(
        "restart       {} (open → first search, the index kept)",
        ms(start.elapsed())
    );

    // 5. Opening an article.
    let mut times = Vec::with_capacity(500);
    for _ in 0..500 {
        let id = ids[rng.below(ids.len())];
        let start = Instant::now();
        let article = app.get_article(id).expect("article");
        let html = app.render_markdown(&article.content.body);
        let stats = app.content_stats(&article.content).expect("stats");
        assert!(!html.is_empty() && stats.words > 0);
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "open article  p50 {}  p95 {}  max {} (article + preview + counts, 500 random)",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(times[times.len() - 1])
    );
}
