//! Renditions, orientation, colour and the perceptual hash on real pictures.

use std::path::Path;

use newsdesk_media::{Inspected, inspect, phash_distance, thumbnail};

fn inspected(path: &Path) -> Inspected {
    inspect(&crate::read(path), path, &crate::limits()).unwrap_or_else(|e| panic!("{e}"))
}

fn dimensions(jpeg: &[u8]) -> (u32, u32) {
    let image = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg)
        .expect("renditions are JPEG");
    (image.width(), image.height())
}

fn mean_rgb(jpeg: &[u8]) -> [f64; 3] {
    let image = image::load_from_memory(jpeg).expect("decodes").to_rgb8();
    let n = f64::from(image.width() * image.height());
    let mut sum = [0.0; 3];
    for p in image.pixels() {
        for c in 0..3 {
            sum[c] += f64::from(p[c]);
        }
    }
    sum.map(|s| s / n)
}

/// A 4000×3000 JPEG with structure (gradients and blocks), made in memory.
fn big_jpeg() -> Vec<u8> {
    let image = image::RgbImage::from_fn(4000, 3000, |x, y| {
        image::Rgb([
            (x / 16) as u8,
            (y / 12) as u8,
            (((x / 250) + (y / 250)) % 2 * 200) as u8,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&image)
        .expect("encodes");
    out
}

#[test]
fn renditions_have_the_promised_sizes() {
    let bytes = big_jpeg();
    let name = Path::new("big.jpg");
    let big = inspect(&bytes, name, &crate::limits()).expect("inspects");
    assert_eq!((big.format, big.width, big.height), ("jpeg", 4000, 3000));
    assert_eq!(dimensions(&big.renditions.preview), (1600, 1200));
    assert_eq!(dimensions(&big.renditions.thumbnail), (320, 240));
    assert_eq!(
        dimensions(&thumbnail(&bytes, name, 500, &crate::limits()).expect("thumbnail")),
        (500, 375)
    );
    // Small pictures are never enlarged.
    let small = crate::fixtures().join("real/node-iptc-test1.jpeg");
    let small_inspected = inspected(&small);
    assert_eq!(dimensions(&small_inspected.renditions.preview), (100, 151));
    assert_eq!(
        dimensions(&small_inspected.renditions.thumbnail),
        (100, 151)
    );
    assert_eq!(
        dimensions(
            &thumbnail(&crate::read(&small), &small, 0, &crate::limits()).expect("thumbnail")
        ),
        (1, 1)
    );
}

#[test]
fn every_format_gives_renditions() {
    for name in ["xmp.png", "xmp.webp", "iim-xmp.tif", "xmp-only.jpg"] {
        let path = crate::fixtures().join("made").join(name);
        let result = inspected(&path);
        assert_eq!((result.width, result.height), (100, 134), "{name}");
        assert_eq!(
            dimensions(&result.renditions.thumbnail),
            (100, 134),
            "{name}"
        );
    }
}

#[test]
fn exif_orientation_is_applied() {
    let rotated = crate::fixtures().join("made/rotated-6.jpg");
    let inspected_rotated = inspected(&rotated);
    assert_eq!(
        (inspected_rotated.width, inspected_rotated.height),
        (134, 100),
        "displayed size"
    );
    assert_eq!(
        dimensions(&inspected_rotated.renditions.preview),
        (134, 100)
    );
    // Pillow's hopper_orientation_N are hopper.jpg stored transformed: once oriented, they
    // must look like hopper again.
    let hopper = inspected(&crate::fixtures().join("pillow/hopper.jpg")).phash;
    for n in 2..=8 {
        let path = crate::fixtures().join(format!("pillow/hopper_orientation_{n}.jpg"));
        let distance = phash_distance(hopper, inspected(&path).phash);
        assert!(
            distance <= 10,
            "orientation {n}: distance {distance} to the upright picture"
        );
    }
    let webp = crate::fixtures().join("pillow/hopper_orientation_6.webp");
    assert!(
        phash_distance(hopper, inspected(&webp).phash) <= 10,
        "orientation in WebP EXIF"
    );
}

#[test]
fn cmyk_jpeg_looks_like_its_rgb_twin() {
    let cmyk = inspected(&crate::fixtures().join("pillow/pil_sample_cmyk.jpg"));
    let rgb = inspected(&crate::fixtures().join("pillow/pil_sample_rgb.jpg"));
    assert!(phash_distance(cmyk.phash, rgb.phash) <= 10);
    let (a, b) = (
        mean_rgb(&cmyk.renditions.thumbnail),
        mean_rgb(&rgb.renditions.thumbnail),
    );
    for c in 0..3 {
        assert!((a[c] - b[c]).abs() < 20.0, "channel {c}: {a:?} vs {b:?}");
    }
}

/// Distinct real photographs in the fixtures (not Pillow's almost black
/// invalid-exif-without-x-resolution.jpg: a flat picture has no perceptual hash to speak of).
fn photos() -> Vec<std::path::PathBuf> {
    let mut photos = crate::pictures("real");
    for name in [
        "hopper.jpg",
        "pil_sample_rgb.jpg",
        "iptc.jpg",
        "app13-multiple.jpg",
    ] {
        photos.push(crate::fixtures().join("pillow").join(name));
    }
    photos
}

#[test]
fn phash_finds_copies_and_tells_photos_apart() {
    let photos = photos();
    let hashes: Vec<u64> = photos.iter().map(|p| inspected(p).phash).collect();
    for (path, &hash) in photos.iter().zip(&hashes) {
        let bytes = crate::read(path);
        // A resized and re-encoded copy (our own thumbnail, quality 82, long edge 90 px).
        let copy = thumbnail(&bytes, path, 90, &crate::limits()).expect("thumbnail");
        let copy_hash = inspect(&copy, path, &crate::limits())
            .expect("inspects")
            .phash;
        // A heavily re-compressed copy at full size.
        let image = image::load_from_memory(&bytes).expect("decodes").to_rgb8();
        let mut recompressed = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut recompressed, 30)
            .encode_image(&image)
            .expect("encodes");
        let recompressed_hash = inspect(&recompressed, path, &crate::limits())
            .expect("inspects")
            .phash;
        let (d1, d2) = (
            phash_distance(hash, copy_hash),
            phash_distance(hash, recompressed_hash),
        );
        assert!(
            d1 <= 10 && d2 <= 10,
            "{}: copies at distance {d1} and {d2}",
            path.display()
        );
    }
    let mut distances = Vec::new();
    for i in 0..hashes.len() {
        for j in i + 1..hashes.len() {
            let d = phash_distance(hashes[i], hashes[j]);
            assert!(
                d > 10,
                "{} and {} look alike ({d})",
                photos[i].display(),
                photos[j].display()
            );
            distances.push(d);
        }
    }
    distances.sort_unstable();
    let median = distances[distances.len() / 2];
    assert!(
        median > 20,
        "different photos: median distance {median} ({distances:?})"
    );
}

#[test]
fn sha256_is_of_the_file_bytes() {
    let path = crate::fixtures().join("real/iptc-reader-fixture.jpg");
    let output = std::process::Command::new("sha256sum")
        .arg(&path)
        .output()
        .expect("sha256sum runs");
    let expected = String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(inspected(&path).sha256, expected);
}

#[test]
fn many_threads_inspect_at_once() {
    let photos = photos();
    let expected: Vec<Inspected> = photos.iter().map(|p| inspected(p)).collect();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for (path, expected) in photos.iter().zip(&expected) {
                    assert_eq!(&inspected(path), expected, "{}", path.display());
                }
            });
        }
    });
}
