//! Hostile and broken files: every function answers with an error that names the file (or,
//! for the tolerated ones, a result), never a panic, with bounded memory.

use std::path::PathBuf;

use newsdesk_media::{
    ImageMetadata, Limits, MediaError, embed_metadata, inspect, read_metadata, thumbnail,
};

fn hostile_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(crate::hostile_dir())
        .expect("hostile folder exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            !name.ends_with(".py") && !name.chars().all(|c| c.is_ascii_uppercase() || c == '_')
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_hostile_file_is_an_error_naming_it() {
    let files = hostile_files();
    assert!(
        files.len() >= 25,
        "the hostile files are there ({})",
        files.len()
    );
    for file in &files {
        let bytes = crate::read(file);
        let error = inspect(&bytes, file, &crate::limits())
            .map(|i| i.format)
            .expect_err(&format!("{} must be refused", file.display()));
        assert_eq!(error.file(), file.as_path());
        let name = file.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(
            error.to_string().contains(name),
            "message names the file: {error}"
        );
        // The other entry points survive it as well.
        let _ = read_metadata(&bytes, file);
        let _ = thumbnail(&bytes, file, 64, &crate::limits());
        let _ = embed_metadata(&bytes, file, &ImageMetadata::default());
    }
}

#[test]
fn the_errors_say_what_is_wrong() {
    let check = |name: &str, matches: fn(&MediaError) -> bool, words: &str| {
        let file = crate::hostile_dir().join(name);
        let error = inspect(&crate::read(&file), &file, &crate::limits()).expect_err("refused");
        assert!(matches(&error), "{name}: unexpected kind {error:?}");
        assert!(error.to_string().contains(words), "{name}: {error}");
    };
    check(
        "zero-bytes.jpg",
        |e| matches!(e, MediaError::Corrupt { .. }),
        "empty",
    );
    check(
        "random-bytes.jpg",
        |e| matches!(e, MediaError::Unsupported { .. }),
        "not a picture",
    );
    check(
        "text-file.png",
        |e| matches!(e, MediaError::Unsupported { .. }),
        "not a picture",
    );
    check(
        "bomb-100000x100000.png",
        |e| matches!(e, MediaError::TooLarge { .. }),
        "100000×100000",
    );
    check(
        "bomb-65500x65500.jpg",
        |e| matches!(e, MediaError::TooLarge { .. }),
        "65500×65500",
    );
    check(
        "truncated-half.jpg",
        |e| matches!(e, MediaError::Corrupt { .. }),
        "cut off",
    );
    check(
        "pillow-truncated_jpeg.jpg",
        |e| matches!(e, MediaError::Corrupt { .. }),
        "cut off",
    );
    check(
        "exif-offset-outside.jpg",
        |e| matches!(e, MediaError::Metadata { .. }),
        "EXIF",
    );
    check(
        "iim-huge-extended-length.jpg",
        |e| matches!(e, MediaError::Metadata { .. }),
        "IPTC",
    );
    check(
        "camera.heic",
        |e| matches!(e, MediaError::Unsupported { .. }),
        "HEIC is not supported yet",
    );
}

#[test]
fn limits_are_applied_before_decoding() {
    let file = crate::fixtures().join("real/iptc-reader-fixture.jpg");
    let bytes = crate::read(&file);
    let small_file = Limits {
        max_file_bytes: 1000,
        ..Limits::default()
    };
    assert!(matches!(
        inspect(&bytes, &file, &small_file),
        Err(MediaError::TooLarge { .. })
    ));
    assert!(matches!(
        newsdesk_media::read_file(&file, &small_file),
        Err(MediaError::TooLarge { .. })
    ));
    let few_pixels = Limits {
        max_pixels: 100_000,
        ..Limits::default()
    };
    let error = inspect(&bytes, &file, &few_pixels).expect_err("480×270 is over 100000 pixels");
    assert!(matches!(error, MediaError::TooLarge { .. }), "{error}");
    let missing = crate::fixtures().join("no-such-file.jpg");
    assert!(matches!(
        newsdesk_media::read_file(&missing, &Limits::default()),
        Err(MediaError::Io { .. })
    ));
}

#[test]
fn tolerated_oddities_from_pillow_are_read() {
    for file in crate::pictures("pillow") {
        let bytes = crate::read(&file);
        let inspected = inspect(&bytes, &file, &crate::limits())
            .unwrap_or_else(|e| panic!("{} should be readable: {e}", file.display()));
        assert!(inspected.width > 0 && inspected.height > 0);
    }
}

/// Peak memory of this test process after the hostile files: no bomb was decoded.
#[test]
fn memory_stays_bounded() {
    for file in hostile_files() {
        let _ = inspect(&crate::read(&file), &file, &crate::limits());
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    assert!(peak_kib < 1024 * 1024, "peak memory {peak_kib} KiB");
}
