//! Speed of `thumbnail`, `inspect` and `read_metadata` on real multi-megapixel photos, against
//! `vipsthumbnail` (libvips-tools) and `exiftool -j` (libimage-exiftool-perl) on the same files.
//!
//! `cargo bench -p newsdesk-media` — photos: every JPEG in `$NEWSDESK_BENCH_PHOTOS` (a folder),
//! else in /usr/share/backgrounds (Debian packages `lomiri-wallpapers-20.04` and
//! `ukui-wallpapers` put 3.6–24 megapixel JPEGs there). Plain std timing; each figure is the
//! best of a few rounds, per file.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use newsdesk_media::{Limits, inspect, read_file, read_metadata, thumbnail};

const ROUNDS: usize = 3;
const EDGE: u32 = 320;

fn jpegs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        e.eq_ignore_ascii_case("jpg") || e.eq_ignore_ascii_case("jpeg")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Best total of `ROUNDS` runs of `work`.
fn best(mut work: impl FnMut()) -> Duration {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn per_file(total: Duration, files: usize) -> f64 {
    total.as_secs_f64() * 1000.0 / files.max(1) as f64
}

fn tool_available(name: &str) -> bool {
    Command::new(name).arg("--version").output().is_ok()
}

fn main() {
    let dir = std::env::var_os("NEWSDESK_BENCH_PHOTOS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/backgrounds"));
    let photos = jpegs(&dir);
    if photos.is_empty() {
        println!(
            "no JPEGs in {}: install lomiri-wallpapers-20.04 and ukui-wallpapers or set NEWSDESK_BENCH_PHOTOS",
            dir.display()
        );
        return;
    }
    let limits = Limits::default();
    println!("{} photos from {}:", photos.len(), dir.display());
    let mut megapixels = 0.0;
    for photo in &photos {
        let bytes = read_file(photo, &limits).expect("readable photo");
        let inspected = inspect(&bytes, photo, &limits).expect("a photo we can read");
        let mp = f64::from(inspected.width) * f64::from(inspected.height) / 1e6;
        megapixels += mp;
        println!(
            "  {:<40} {:>5}×{:<5} {:>5.1} MP {:>6.2} MB",
            photo
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default(),
            inspected.width,
            inspected.height,
            mp,
            bytes.len() as f64 / 1e6
        );
    }
    println!("  average {:.1} MP", megapixels / photos.len() as f64);

    // Thumbnails, long edge 320, JPEG quality 82 on both sides; file reading included.
    let ours = best(|| {
        for photo in &photos {
            let bytes = read_file(photo, &limits).expect("readable");
            let jpeg = thumbnail(&bytes, photo, EDGE, &limits).expect("thumbnail");
            std::hint::black_box(jpeg);
        }
    });
    println!("\nthumbnail (long edge {EDGE}px), ms per photo:");
    println!(
        "  newsdesk-media thumbnail()   {:>8.1}",
        per_file(ours, photos.len())
    );
    if tool_available("vipsthumbnail") {
        let out = std::env::temp_dir().join("newsdesk-media-bench");
        std::fs::create_dir_all(&out).expect("temp dir");
        let target = format!("{}/%s.jpg[Q=82]", out.display());
        let vips = best(|| {
            let status = Command::new("vipsthumbnail")
                .args(["-s", &EDGE.to_string(), "-o", &target])
                .args(&photos)
                .status()
                .expect("vipsthumbnail runs");
            assert!(status.success(), "vipsthumbnail failed");
        });
        let one = best(|| {
            let status = Command::new("vipsthumbnail")
                .args(["-s", &EDGE.to_string(), "-o", &target])
                .arg(&photos[0])
                .status()
                .expect("vipsthumbnail runs");
            assert!(status.success(), "vipsthumbnail failed");
        });
        println!(
            "  vipsthumbnail (one process for all) {:>8.1}   (one process for one photo: {:.1})",
            per_file(vips, photos.len()),
            per_file(one, 1)
        );
        println!(
            "  ratio ours / vips             {:>8.2}",
            ours.as_secs_f64() / vips.as_secs_f64()
        );
    } else {
        println!("  vipsthumbnail not installed (apt-get install libvips-tools): no comparison");
    }

    // The whole import pass: SHA-256, metadata, one decode, 1600 px preview, 320 px thumbnail, pHash.
    let whole = best(|| {
        for photo in &photos {
            let bytes = read_file(photo, &limits).expect("readable");
            std::hint::black_box(inspect(&bytes, photo, &limits).expect("inspect"));
        }
    });
    println!(
        "\ninspect() (everything an import needs), ms per photo: {:>8.1}",
        per_file(whole, photos.len())
    );

    // Metadata, file reading included, against one exiftool process for all files.
    let credit_bearing = jpegs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real"));
    for (label, files) in [
        ("wallpapers", &photos),
        ("credit-bearing fixtures (IIM+XMP+EXIF)", &credit_bearing),
    ] {
        let repeat = 20;
        let ours = best(|| {
            for _ in 0..repeat {
                for file in files.iter() {
                    let bytes = read_file(file, &limits).expect("readable");
                    std::hint::black_box(read_metadata(&bytes, file).expect("metadata"));
                }
            }
        }) / repeat;
        println!(
            "\nmetadata read, {label}, {} files, ms per file:",
            files.len()
        );
        println!(
            "  newsdesk-media read_metadata() {:>8.3}",
            per_file(ours, files.len())
        );
        if tool_available("exiftool") {
            let exiftool = best(|| {
                let output = Command::new("exiftool")
                    .arg("-j")
                    .args(files.iter())
                    .output()
                    .expect("exiftool runs");
                assert!(output.status.success(), "exiftool failed");
            });
            println!(
                "  exiftool -j (one process)      {:>8.3}",
                per_file(exiftool, files.len())
            );
            println!(
                "  ours is {:.0}× faster",
                exiftool.as_secs_f64() / ours.as_secs_f64()
            );
        } else {
            println!(
                "  exiftool not installed (apt-get install libimage-exiftool-perl): no comparison"
            );
        }
    }
}
