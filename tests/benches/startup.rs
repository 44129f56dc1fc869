//! Start-up of the real window on a large library, and the memory of its process tree.
//!
//! ```sh
//! NEWSDESK_BENCH_LIBRARY=/var/tmp/nd-bench/bench.sqlite \
//! NEWSDESK_APP_BIN=$CARGO_TARGET_DIR/release/newsdesk-app \
//!   dbus-run-session -- xvfb-run -a cargo bench -p newsdesk-e2e --bench startup
//! ```
//!
//! The library comes from the search benchmark (100,000 articles; `NEWSDESK_BENCH_DIR` there).
//! Each run starts the app through tauri-driver and measures from the request for a session
//! (which launches the app) to the first rows of the article list in the DOM: launch to a
//! usable library window, WebDriver's own start-up included. Then the resident memory of the
//! app and its WebKit processes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use newsdesk_e2e::Session;

const RUNS: usize = 5;

async fn one_run(library: &std::path::Path) -> Result<(Duration, u64), String> {
    let start = Instant::now();
    let session = Session::start_with_library(library).await?;
    let usable = loop {
        let rows = session
            .client
            .execute(
                "return document.querySelectorAll('.article-list .article-title').length",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        if rows.as_u64().unwrap_or(0) > 0 {
            break start.elapsed();
        }
        if std::env::var_os("NEWSDESK_BENCH_PAGE_TIMES").is_some() {
            // Where the page's own time went (ms since its navigation started).
            let times = session
                .client
                .execute(
                    "const n = performance.getEntriesByType('navigation')[0] || {}; \
                     return JSON.stringify({interactive: n.domInteractive, dcl: n.domContentLoadedEventEnd, \
                       load: n.loadEventEnd, now: performance.now(), \
                       rows: document.querySelectorAll('.article-list .article-title').length, \
                       paint: performance.getEntriesByType('paint').map(p => [p.name, p.startTime]), \
                       marks: performance.getEntriesByType('mark').map(m => [m.name, m.startTime])})",
                    vec![],
                )
                .await
                .map_err(|e| e.to_string())?;
            eprintln!(
                "{:>6.0} ms  page: {}",
                start.elapsed().as_secs_f64() * 1000.0,
                times
            );
        }
        if start.elapsed() > Duration::from_secs(60) {
            return Err("no list rows within 60 s".into());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    tokio::time::sleep(Duration::from_millis(500)).await; // let it settle before measuring
    let rss = session.app_tree_rss_kib()?;
    session.finish().await;
    Ok((usable, rss))
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let library = std::env::var_os("NEWSDESK_BENCH_LIBRARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/tmp/nd-bench/bench.sqlite"));
    let mut times = Vec::new();
    let mut memory = Vec::new();
    for _ in 0..RUNS {
        match one_run(&library).await {
            Ok((time, rss)) => {
                times.push(time);
                memory.push(rss);
            }
            Err(problem) => {
                eprintln!("start-up run failed: {problem}");
                std::process::exit(1);
            }
        }
    }
    times.sort();
    memory.sort();
    println!("start-up on {} ({RUNS} runs)", library.display());
    println!(
        "  launch → list rows      median {:.0} ms  (min {:.0}, max {:.0})",
        times[RUNS / 2].as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[RUNS - 1].as_secs_f64() * 1000.0
    );
    println!(
        "  process tree RSS        median {:.0} MiB",
        memory[RUNS / 2] as f64 / 1024.0
    );
}
