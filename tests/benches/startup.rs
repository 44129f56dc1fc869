//! Start-up of the real window on a large library, and the memory of its process tree.
//!
//! ```sh
//! NEWSDESK_BENCH_LIBRARY=/var/tmp/nd-bench/bench.sqlite \
//! NEWSDESK_APP_BIN=$CARGO_TARGET_DIR/release/newsdesk-app \
//!   dbus-run-session -- xvfb-run -a cargo bench -p newsdesk-e2e --bench startup
//! ```
//!
//! The library comes from the search benchmark (100,000 articles; `NEWSDESK_BENCH_DIR` there).
//! Each run starts the app through tauri-driver and takes three figures:
//!
//! - **WebDriver**: from the request for a session (which starts tauri-driver's
//!   WebKitWebDriver, which launches the app) to the first rows of the article list found in
//!   the DOM by polling — WebDriver's own start-up and polling included.
//! - **launch → list painted**: from the app process's start (`/proc/PID/stat`) to the end
//!   of the first frame that showed list rows (the page's `newsdesk:list-painted` mark, on
//!   `performance.timeOrigin`'s clock; for a page without marks, its first contentful paint).
//!   What a user sees who starts the app: the apparatus is not in it.
//! - **launch → first answer**: to the core's first IPC answer to the page
//!   (`newsdesk:first-answer`): the window is not only painted but answers.
//!
//! Then the resident memory of the app and its WebKit processes. `NEWSDESK_BENCH_PAGE_TIMES=1`
//! prints the page's own timings of each run.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use newsdesk_e2e::Session;
use serde_json::Value;

const RUNS: usize = 5;
/// Linux's USER_HZ, the unit of `/proc/PID/stat`'s start time (fixed at 100 in the ABI).
const TICKS_PER_SECOND: f64 = 100.0;

struct Run {
    webdriver: Duration,
    painted_ms: f64,
    answered_ms: Option<f64>,
    rss_kib: u64,
}

/// The page's clock and marks: `performance.timeOrigin` (ms since the epoch), the first
/// contentful paint and every mark (ms since the origin).
const PAGE_TIMES: &str = "const n = performance.getEntriesByType('navigation')[0] || {}; \
    return JSON.stringify({origin: performance.timeOrigin, dcl: n.domContentLoadedEventEnd, \
      load: n.loadEventEnd, now: performance.now(), \
      paint: Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime])), \
      marks: Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))})";

/// When the process started, in ms since the epoch (10 ms resolution: jiffies and
/// `/proc/uptime`).
fn process_start_epoch_ms(pid: i32) -> Result<f64, String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).map_err(|e| e.to_string())?;
    // Fields after the command name's closing parenthesis start with field 3 (state); the
    // start time is field 22.
    let after = stat
        .rfind(')')
        .map(|i| &stat[i + 1..])
        .ok_or("unreadable /proc/PID/stat")?;
    let ticks: f64 = after
        .split_whitespace()
        .nth(19)
        .and_then(|v| v.parse().ok())
        .ok_or("no start time in /proc/PID/stat")?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|u| u.split_whitespace().next()?.parse().ok())
        .ok_or("unreadable /proc/uptime")?;
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_secs_f64();
    Ok((now - uptime + ticks / TICKS_PER_SECOND) * 1000.0)
}

async fn page_times(session: &Session) -> Result<Value, String> {
    let text = session
        .client
        .execute(PAGE_TIMES, vec![])
        .await
        .map_err(|e| e.to_string())?;
    serde_json::from_str(text.as_str().unwrap_or("{}")).map_err(|e| e.to_string())
}

async fn one_run(library: &std::path::Path) -> Result<Run, String> {
    let start = Instant::now();
    let session = Session::start_with_library(library).await?;
    let webdriver = loop {
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
        if start.elapsed() > Duration::from_secs(60) {
            return Err("no list rows within 60 s".into());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    tokio::time::sleep(Duration::from_millis(500)).await; // let it settle before measuring
    let times = page_times(&session).await?;
    if std::env::var_os("NEWSDESK_BENCH_PAGE_TIMES").is_some() {
        eprintln!("page: {times}");
    }
    let pid = *session
        .app_pids()?
        .first()
        .ok_or("the app's process is gone")?;
    let launched = process_start_epoch_ms(pid)?;
    let origin = times["origin"]
        .as_f64()
        .ok_or("no performance.timeOrigin")?;
    let since_launch = |page_ms: &Value| page_ms.as_f64().map(|ms| origin + ms - launched);
    let painted_ms = since_launch(&times["marks"]["newsdesk:list-painted"])
        .or_else(|| since_launch(&times["paint"]["first-contentful-paint"]))
        .ok_or("the page marked no painted list and no contentful paint")?;
    let answered_ms = since_launch(&times["marks"]["newsdesk:first-answer"]);
    let rss_kib = session.app_tree_rss_kib()?;
    session.finish().await;
    Ok(Run {
        webdriver,
        painted_ms,
        answered_ms,
        rss_kib,
    })
}

fn median_min_max(mut values: Vec<f64>) -> String {
    values.sort_by(f64::total_cmp);
    format!(
        "median {:.0} ms  (min {:.0}, max {:.0})",
        values[values.len() / 2],
        values[0],
        values[values.len() - 1]
    )
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let library = std::env::var_os("NEWSDESK_BENCH_LIBRARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/tmp/nd-bench/bench.sqlite"));
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        match one_run(&library).await {
            Ok(run) => runs.push(run),
            Err(problem) => {
                eprintln!("start-up run failed: {problem}");
                std::process::exit(1);
            }
        }
    }
    println!("start-up on {} ({RUNS} runs)", library.display());
    println!(
        "  WebDriver: session request → rows in the DOM   {}",
        median_min_max(
            runs.iter()
                .map(|r| r.webdriver.as_secs_f64() * 1000.0)
                .collect()
        )
    );
    println!(
        "  launch → list painted                         {}",
        median_min_max(runs.iter().map(|r| r.painted_ms).collect())
    );
    let answered: Vec<f64> = runs.iter().filter_map(|r| r.answered_ms).collect();
    if answered.len() == runs.len() {
        println!(
            "  launch → the core's first answer              {}",
            median_min_max(answered)
        );
    }
    let mut memory: Vec<u64> = runs.iter().map(|r| r.rss_kib).collect();
    memory.sort();
    println!(
        "  process tree RSS                              median {:.0} MiB",
        memory[RUNS / 2] as f64 / 1024.0
    );
}
