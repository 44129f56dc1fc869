//! What one export costs an editor: `cargo bench -p newsdesk-api --bench export`.
//!
//! The seed article of the portal (about 400 words, a quote, links, five tags) with a real
//! credited photo from the library (a 1000×667 JPEG wire photo), exported to a file in each
//! format, as the window's Export menu and `newsdesk export ID --format F -o FILE` do: read the
//! article and its picture from the library, render, write the file whole (fsync, rename).
//! The first PDF of a process also loads the fonts; it is reported apart.

use std::time::{Duration, Instant};

use newsdesk_api::{App, ExportFormat};

const RUNS: usize = 30;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = App::open(&dir.path().join("export.sqlite")).expect("library");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let photo = root.join("crates/media/tests/fixtures/real/node-iptc-test1.jpeg");
    let report = app.import_images(&[photo]).expect("import the photo");
    let hash = report.imported[0].image.hash.clone();
    let seed = std::fs::read_to_string(
        root.join("assets/demo-articles/2018-12-13-thueringen-zweites-digitalisierungskabinett.md"),
    )
    .expect("seed article");
    let seed = seed.replacen(
        "  - caption:",
        &format!("  - file: sha256:{hash}\n    caption:"),
        1,
    );
    let file = dir.path().join("seed.md");
    std::fs::write(&file, seed).expect("write seed");
    let id = app.import_paths(&[file]).expect("import").imported[0].id;

    let first = Instant::now();
    app.export_article(id, ExportFormat::Pdf, &dir.path().join("first.pdf"), true)
        .expect("first pdf");
    let first = first.elapsed();
    println!("export of one article with one photo, {RUNS} runs each (release build)");
    println!(
        "  pdf (first of the process, fonts loaded)  {:.1} ms",
        first.as_secs_f64() * 1000.0
    );
    for format in ExportFormat::ALL {
        let target = dir.path().join(format!("out.{}", format.extension()));
        let mut times = Vec::with_capacity(RUNS);
        let mut bytes = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            bytes = app
                .export_article(id, format, &target, true)
                .expect("export")
                .bytes;
            times.push(start.elapsed());
        }
        times.sort();
        println!(
            "  {:<7} p50 {:>6.1} ms  p95 {:>6.1} ms  max {:>6.1} ms  ({} kB)",
            format.name(),
            percentile(&times, 0.5).as_secs_f64() * 1000.0,
            percentile(&times, 0.95).as_secs_f64() * 1000.0,
            times[times.len() - 1].as_secs_f64() * 1000.0,
            bytes / 1000
        );
    }
}
