//! What one export costs an editor: `cargo bench -p newsdesk-api --bench export`.
//!
//! The seed article of the portal (about 400 words, a quote, links, five tags) with a
//! camera-sized photo in the library (4000×3000 JPEG, credited), exported to a file in each
//! format, as the window's Export menu and `newsdesk export ID --format F -o FILE` do: read the
//! article and its picture from the library, render, write the file whole (fsync, rename).
//! HTML and PDF show the 1600 px preview; the bundle carries the original with its credits
//! written in. Every run exports a different article (its words changed), so Typst's memo
//! cache cannot replay an earlier typesetting; the first PDF of a process also starts the
//! template process and loads the fonts, and is reported apart. HTML and PDF are made in the
//! template process (as in the app), so their figures include handing the article and its
//! picture over and the file back.

use std::time::{Duration, Instant};

use newsdesk_api::{App, ExportFormat};

const RUNS: usize = 30;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}

fn main() {
    // As the app and the CLI do: the templates run in a template process, kept between
    // exports (the first PDF also starts it).
    newsdesk_api::serve_template_child_if_asked();
    let dir = tempfile::tempdir().expect("temp dir");
    let app = App::open(&dir.path().join("export.sqlite")).expect("library");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let photo = dir.path().join("kabinett.jpg");
    let pixels = image::RgbImage::from_fn(4000, 3000, |x, y| {
        // A photo-like mix of gradients and texture, so the JPEG is as large as a camera's.
        let noise = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 61;
        image::Rgb([
            ((x / 16) % 256) as u8 ^ noise as u8,
            ((y / 12) % 256) as u8,
            ((x + y) / 28 % 256) as u8,
        ])
    });
    pixels.save(&photo).expect("write the photo");
    let report = app.import_images(&[photo]).expect("import the photo");
    let image_id = report.imported[0].image.id;
    app.patch_images(
        &[image_id],
        &newsdesk_model::ImagePatch {
            credit: Some("Thüringer Staatskanzlei".into()),
            creator: Some("Jörg Fotograf".into()),
            ..Default::default()
        },
    )
    .expect("credits");
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
    let mut ids = Vec::new();
    for run in 0..=RUNS * ExportFormat::ALL.len() {
        // Each article's words differ from every other's (a number in every sentence).
        let text = seed.replace(". ", &format!(" ({run}). "));
        let file = dir.path().join(format!("seed-{run}.md"));
        std::fs::write(&file, text).expect("write seed");
        ids.push(app.import_paths(&[file]).expect("import").imported[0].id);
    }
    let mut ids = ids.into_iter();
    let id = ids.next().expect("an article");

    let first = Instant::now();
    app.export_article(id, ExportFormat::Pdf, &dir.path().join("first.pdf"), true)
        .expect("first pdf");
    let first = first.elapsed();
    println!(
        "export of one article with a 4000×3000 photo, {RUNS} articles per format (release build)"
    );
    println!(
        "  pdf (first: template process started, fonts loaded)  {:.1} ms",
        first.as_secs_f64() * 1000.0
    );
    for format in ExportFormat::ALL {
        let target = dir.path().join(format!("out.{}", format.extension()));
        let mut times = Vec::with_capacity(RUNS);
        let mut bytes = 0;
        for _ in 0..RUNS {
            let id = ids.next().expect("an article per run");
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
