//! The image library with 20,000 pictures in the real window: the first thumbnails after the
//! view is asked for, and every frame while the grid is scrolled to its end.
//!
//! ```sh
//! NEWSDESK_APP_BIN=$CARGO_TARGET_DIR/release/newsdesk-app \
//!   dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
//!   cargo bench -p newsdesk-e2e --bench image_library
//! ```
//!
//! The first run makes the library in `NEWSDESK_BENCH_DIR` (default `/var/tmp/nd-images`):
//! `NEWSDESK_BENCH_PICTURES` (20,000) distinct 640×427 JPEGs, imported with the `newsdesk`
//! CLI beside the app (thumbnails, previews and hashes made as for any import); later runs
//! reuse it. Then, in `NEWSDESK_BENCH_RUNS` (3) fresh windows:
//!
//! - **first thumbnails**: from the request for the view (`#/images`, the page's clock) to the
//!   end of the first frame in which every thumbnail in view is decoded;
//! - **scrolling**: the grid scrolled by a row (`NEWSDESK_BENCH_SCROLL_PX`, 212 px; 0 for a
//!   screen) every frame to the end of the 20,000 (the pages fetched as it goes), each
//!   frame's interval taken from
//!   `requestAnimationFrame`'s timestamps: the longest, and how many exceed 50 ms.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use image::codecs::jpeg::JpegEncoder;
use newsdesk_e2e::{Session, bench_setting, cli_binary};
use serde_json::Value;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 427;

/// A picture of its own for `index`: waves of colours whose frequencies and phases come from
/// the index, plus grain, so that hashes and perceptual hashes differ.
fn picture(index: u32) -> image::RgbImage {
    let mut seed = u64::from(index).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let f: Vec<f32> = (0..6)
        .map(|_| 0.004 + (next() % 1000) as f32 / 40_000.0)
        .collect();
    let p: Vec<f32> = (0..3).map(|_| (next() % 628) as f32 / 100.0).collect();
    image::RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let (x, y) = (x as f32, y as f32);
        let grain = (next() % 24) as f32;
        let channel = |k: usize| {
            let wave = (f[2 * k] * x + p[k]).sin() * (f[2 * k + 1] * y).cos();
            (110.0 + 100.0 * wave + grain).clamp(0.0, 255.0) as u8
        };
        image::Rgb([channel(0), channel(1), channel(2)])
    })
}

fn make_library(dir: &Path, count: u32) -> Result<PathBuf, String> {
    let library = dir.join("library").join("pictures.sqlite");
    if library.exists() {
        return Ok(library);
    }
    let files = dir.join(format!("files-{count}"));
    std::fs::create_dir_all(&files).map_err(|e| e.to_string())?;
    let started = Instant::now();
    for index in 0..count {
        let path = files.join(format!("bild-{index:05}.jpg"));
        if path.exists() {
            continue;
        }
        let out = std::fs::File::create(&path).map_err(|e| e.to_string())?;
        JpegEncoder::new_with_quality(std::io::BufWriter::new(out), 85)
            .encode_image(&picture(index))
            .map_err(|e| e.to_string())?;
    }
    eprintln!(
        "{count} pictures written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    std::fs::create_dir_all(library.parent().ok_or("no parent")?).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let status = Command::new(cli_binary()?)
        .arg("image")
        .arg("import")
        .arg(&files)
        .arg("--db")
        .arg(&library)
        .stdout(std::process::Stdio::null())
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!(
            "the import of {} failed: {status}",
            files.display()
        ));
    }
    eprintln!("imported in {:.1} s", started.elapsed().as_secs_f64());
    Ok(library)
}

/// Runs in the page: asks for the view, then marks the first frame whose thumbnails in view
/// are all decoded, then scrolls a screen per frame to the end, recording frame intervals.
/// The result lands in `window.__ndImageBench`.
const PROBE: &str = r#"
const STEP = arguments[0];
const bench = { started: performance.now() };
window.__ndImageBench = null;
location.hash = '#/images';
const visibleThumbs = (scroller) => {
  const box = scroller.getBoundingClientRect();
  return [...scroller.querySelectorAll('.cell img')].filter((img) => {
    const r = img.getBoundingClientRect();
    return r.bottom > box.top && r.top < box.bottom;
  });
};
const scroll = () => {
  const scroller = document.querySelector('.grid-scroller');
  let last = null, still = 0;
  const frames = [];
  const step = (now) => {
    if (last !== null) frames.push(now - last);
    last = now;
    const before = scroller.scrollTop;
    scroller.scrollTop = before + (STEP > 0 ? STEP : scroller.clientHeight);
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    const more = scroller.querySelector('.sizer.more') !== null;
    still = atEnd && !more && scroller.scrollTop === before ? still + 1 : 0;
    if (still < 10 && frames.length < 20000) return requestAnimationFrame(step);
    bench.frames = frames.length;
    bench.longest = Math.max(...frames);
    bench.over50 = frames.filter((f) => f > 50).length;
    bench.scrollMs = frames.reduce((a, b) => a + b, 0);
    bench.cells = document.querySelectorAll('.cell').length;
    bench.loaded = scroller.querySelector('.sizer').getBoundingClientRect().height;
    window.__ndImageBench = bench;
  };
  requestAnimationFrame(step);
};
const waitThumbs = () => {
  const scroller = document.querySelector('.grid-scroller');
  const thumbs = scroller ? visibleThumbs(scroller) : [];
  if (thumbs.length > 0 && thumbs.every((img) => img.complete && img.naturalWidth > 0)) {
    setTimeout(() => { bench.thumbs = performance.now() - bench.started; bench.inView = thumbs.length; scroll(); }, 0);
  } else if (performance.now() - bench.started > 30000) {
    window.__ndImageBench = { error: 'no thumbnails within 30 s' };
  } else {
    requestAnimationFrame(waitThumbs);
  }
};
requestAnimationFrame(waitThumbs);
"#;

/// Pixels scrolled per frame: `NEWSDESK_BENCH_SCROLL_PX`, by default one row of the grid
/// (212 px, a fast fling: ~13,000 px/s at 60 frames/s); 0 scrolls a whole screen per frame.
fn scroll_step() -> u64 {
    bench_setting("NEWSDESK_BENCH_SCROLL_PX", 212)
}

async fn one_run(library: &Path) -> Result<Value, String> {
    let session = Session::start_with_library(library).await?;
    let start = Instant::now();
    while session
        .client
        .execute(
            "return document.querySelectorAll('.article-list, main .empty').length",
            vec![],
        )
        .await
        .map_err(|e| e.to_string())?
        .as_u64()
        .unwrap_or(0)
        == 0
    {
        if start.elapsed() > Duration::from_secs(30) {
            return Err("the window showed no start page within 30 s".into());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    session
        .client
        .execute(PROBE, vec![serde_json::json!(scroll_step())])
        .await
        .map_err(|e| e.to_string())?;
    let result = loop {
        let value = session
            .client
            .execute("return window.__ndImageBench", vec![])
            .await
            .map_err(|e| e.to_string())?;
        if !value.is_null() {
            break value;
        }
        if start.elapsed() > Duration::from_secs(600) {
            return Err("the scroll did not end within 10 min".into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    session.finish().await;
    match result.get("error") {
        Some(error) => Err(error.to_string()),
        None => Ok(result),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dir = std::env::var_os("NEWSDESK_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/tmp/nd-images"));
    let count = bench_setting("NEWSDESK_BENCH_PICTURES", 20_000u32);
    let runs = bench_setting("NEWSDESK_BENCH_RUNS", 3usize);
    let library = match make_library(&dir, count) {
        Ok(library) => library,
        Err(problem) => {
            eprintln!("cannot make the picture library: {problem}");
            std::process::exit(1);
        }
    };
    println!("image library {} ({runs} runs)", library.display());
    for run in 1..=runs {
        match one_run(&library).await {
            Ok(r) => println!(
                "  run {run}: first thumbnails {:.0} ms ({} in view); scrolled to the end in \
                 {} frames, {:.1} s: longest frame {:.1} ms, {} over 50 ms; {} cells in the document",
                r["thumbs"].as_f64().unwrap_or(f64::NAN),
                r["inView"],
                r["frames"],
                r["scrollMs"].as_f64().unwrap_or(f64::NAN) / 1000.0,
                r["longest"].as_f64().unwrap_or(f64::NAN),
                r["over50"],
                r["cells"],
            ),
            Err(problem) => {
                eprintln!("image library run failed: {problem}");
                std::process::exit(1);
            }
        }
    }
}
