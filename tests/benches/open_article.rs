//! Opening an article in the real window: from the click on a list row to the first frame
//! that shows its fields, body and preview, measured by the page's own marks.
//!
//! ```sh
//! NEWSDESK_BENCH_LIBRARY=/var/tmp/nd-archive/library/archive.sqlite \
//! NEWSDESK_APP_BIN=$CARGO_TARGET_DIR/release/newsdesk-app \
//!   dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
//!   cargo bench -p newsdesk-e2e --bench open_article
//! ```
//!
//! The library is the archive benchmark's (100,000 articles; `crates/api/benches/archive.rs`).
//! The benchmark clicks the list's rows one after another (`NEWSDESK_BENCH_OPENS`, 100 by
//! default), each time waiting for the page's `newsdesk:open-article` measure
//! (`ui/src/lib/openMarks.ts`: the click's start mark to the end of the frame that painted
//! the article), then goes back to the list. The first click comes 4 s after the list's
//! first rows (a user reading the list); the first open loads the editor's code and is
//! reported apart; the rest give p50, p95 and max. `NEWSDESK_BENCH_PAGE_TIMES=1` prints the
//! page's marks of the first and the last open (`newsdesk:open-*`: editor mounted, asked,
//! answered, content in the DOM).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use newsdesk_e2e::{Session, bench_setting};

const ROWS: &str = ".article-list .list-row a";
/// From the list's first rows to the first click.
const SETTLE_MS: u64 = 4000;

async fn measures(session: &Session) -> Result<Vec<f64>, String> {
    let value = session
        .client
        .execute(
            "return performance.getEntriesByName('newsdesk:open-article', 'measure').map(m => m.duration)",
            vec![],
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok(value
        .as_array()
        .map(|all| all.iter().filter_map(|v| v.as_f64()).collect())
        .unwrap_or_default())
}

async fn wait_for<F, Fut>(what: &str, mut done: F) -> Result<(), String>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<bool, String>>,
{
    let start = Instant::now();
    while !done().await? {
        if start.elapsed() > Duration::from_secs(30) {
            return Err(format!("{what}: not within 30 s"));
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Ok(())
}

async fn rows(session: &Session) -> Result<Vec<fantoccini::elements::Element>, String> {
    session
        .client
        .find_all(Locator::Css(ROWS))
        .await
        .map_err(|e| e.to_string())
}

/// What the page did during the last open: its marks and measures since the click
/// (`NEWSDESK_BENCH_PAGE_TIMES=1`).
async fn print_page_times(session: &Session) -> Result<(), String> {
    let entries = session
        .client
        .execute(
            "const s = performance.getEntriesByName('newsdesk:open-start', 'mark')[0].startTime; \
             return performance.getEntries().filter(e => e.startTime >= s - 1) \
               .map(e => `${(e.startTime - s).toFixed(1)} +${e.duration.toFixed(1)} ${e.entryType} ${e.name}`)",
            vec![],
        )
        .await
        .map_err(|e| e.to_string())?;
    eprintln!(
        "{}",
        serde_json::to_string_pretty(&entries).unwrap_or_default()
    );
    Ok(())
}

async fn run(library: &std::path::Path, opens: usize) -> Result<Vec<f64>, String> {
    let session = Session::start_with_library(library).await?;
    wait_for("the list's rows", || async {
        Ok(!rows(&session).await?.is_empty())
    })
    .await?;
    // A user reads the list before the first click; the window warms WebKit's German
    // hyphenation patterns in that time (ui/src/lib/hyphenation.ts).
    tokio::time::sleep(Duration::from_millis(SETTLE_MS)).await;
    for n in 0..opens {
        let all = rows(&session).await?;
        let index = n % all.len();
        let row = all.get(index).ok_or("the list has no rows")?;
        // Into view first, as a user scrolls to it (not measured).
        session
            .client
            .execute(
                &format!(
                    "document.querySelectorAll('{ROWS}')[{index}].scrollIntoView({{block: 'center'}})"
                ),
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        row.click()
            .await
            .map_err(|e| format!("clicking row {n}: {e:?}"))?;
        wait_for("the article's open measure", || async {
            Ok(measures(&session).await?.len() > n)
        })
        .await?;
        if (n == 0 || n + 1 == opens) && std::env::var_os("NEWSDESK_BENCH_PAGE_TIMES").is_some() {
            print_page_times(&session).await?;
        }
        session
            .client
            .execute("history.back()", vec![])
            .await
            .map_err(|e| format!("going back: {e:?}"))?;
        wait_for("the list after Back", || async {
            Ok(!rows(&session).await?.is_empty())
        })
        .await?;
    }
    let all = measures(&session).await?;
    session.finish().await;
    Ok(all)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let library = std::env::var_os("NEWSDESK_BENCH_LIBRARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/tmp/nd-archive/library/archive.sqlite"));
    let opens = bench_setting("NEWSDESK_BENCH_OPENS", 100usize).max(2);
    let measured = match run(&library, opens).await {
        Ok(measured) => measured,
        Err(problem) => {
            eprintln!("open-article run failed: {problem}");
            std::process::exit(1);
        }
    };
    let Some((first, rest)) = measured.split_first() else {
        eprintln!("the page measured no open");
        std::process::exit(1);
    };
    let mut rest = rest.to_vec();
    rest.sort_by(f64::total_cmp);
    println!(
        "open an article on {} ({} opens)",
        library.display(),
        measured.len()
    );
    println!("  first open (loads the editor's code)   {first:.1} ms");
    println!(
        "  click → article painted                p50 {:.1} ms  p95 {:.1} ms  max {:.1} ms",
        percentile(&rest, 0.5),
        percentile(&rest, 0.95),
        rest[rest.len() - 1]
    );
}
