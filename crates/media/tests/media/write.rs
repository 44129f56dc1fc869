//! `embed_metadata` on every fixture, read back by exiftool and by ourselves.

use std::path::{Path, PathBuf};

use newsdesk_media::{ImageMetadata, embed_metadata, format_of, read_metadata};

use crate::exiftool::{self, value, values};

fn full() -> ImageMetadata {
    ImageMetadata {
        creator: Some("Jörg Müller".into()),
        credit: Some("Thüringer Staatskanzlei".into()),
        copyright: Some("© 2024 Freistaat Thüringen".into()),
        source: Some("TSK".into()),
        caption: Some("„Grüße“ aus Erfurt – der Landtag tagt".into()),
        headline: Some("Plenarsitzung im Landtag".into()),
        keywords: vec!["Erfurt".into(), "Thüringen".into(), "Landtag".into()],
        date_created: Some("2024-03-01T10:15:00+01:00".into()),
        city: Some("Erfurt".into()),
        country: Some("Deutschland".into()),
        usage_terms: Some("Nur für redaktionelle Zwecke".into()),
        web_statement: Some("https://example.org/rechte".into()),
        licensor_url: Some("https://example.org/lizenz".into()),
        alt_text: Some("Ein Plenarsaal mit Abgeordneten, die „abstimmen“".into()),
    }
}

/// Fixtures whose metadata we can read (and so rewrite).
fn writable() -> Vec<PathBuf> {
    crate::all_pictures()
        .into_iter()
        .filter(|p| read_metadata(&crate::read(p), p).is_ok())
        .collect()
}

/// Writes `metadata` into a copy of every fixture in `dir`; returns the new files.
fn embed_all(dir: &Path, metadata: &ImageMetadata) -> Vec<(PathBuf, PathBuf)> {
    writable()
        .into_iter()
        .map(|original| {
            let bytes = crate::read(&original);
            let written = embed_metadata(&bytes, &original, metadata)
                .unwrap_or_else(|e| panic!("embedding into {} failed: {e}", original.display()));
            let target = dir.join(original.file_name().expect("file name"));
            std::fs::write(&target, &written).expect("temp dir is writable");
            (original, target)
        })
        .collect()
}

/// The decoded pixels, to show that writing metadata left them alone.
fn pixels(path: &Path) -> Vec<u8> {
    let bytes = crate::read(path);
    let format = match format_of(&bytes) {
        Some("jpeg") => image::ImageFormat::Jpeg,
        Some("png") => image::ImageFormat::Png,
        Some("webp") => image::ImageFormat::WebP,
        _ => image::ImageFormat::Tiff,
    };
    match image::load_from_memory_with_format(&bytes, format) {
        Ok(image) => image.into_bytes(),
        // Some Pillow files use features the `image` crate does not decode; compare bytes
        // after the header instead (they must be unchanged too).
        Err(_) => Vec::new(),
    }
}

#[test]
fn exiftool_reads_everything_we_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pairs = embed_all(dir.path(), &full());
    let written: Vec<PathBuf> = pairs.iter().map(|(_, w)| w.clone()).collect();
    let tags = exiftool::run(
        &["-a", "-G1", "-charset", "iptc=latin1", "-Warning", "-all"],
        &written,
    );
    let expected = full();
    for ((original, file), tags) in pairs.iter().zip(&tags) {
        let name = file.display();
        let xmp = |key: &str| value(tags, key);
        assert_eq!(
            xmp("XMP-dc:Creator").as_deref(),
            Some("Jörg Müller"),
            "{name}"
        );
        assert_eq!(xmp("XMP-photoshop:Credit"), expected.credit, "{name}");
        assert_eq!(xmp("XMP-dc:Rights"), expected.copyright, "{name}");
        assert_eq!(
            xmp("XMP-dc:Description"),
            expected.caption,
            "{name}: „quotes“ intact"
        );
        assert_eq!(xmp("XMP-photoshop:Headline"), expected.headline, "{name}");
        assert_eq!(values(tags, "XMP-dc:Subject"), expected.keywords, "{name}");
        assert_eq!(
            xmp("XMP-photoshop:DateCreated").as_deref(),
            Some("2024:03:01 10:15:00+01:00"),
            "{name}"
        );
        assert_eq!(
            xmp("XMP-xmpRights:UsageTerms"),
            expected.usage_terms,
            "{name}"
        );
        assert_eq!(
            xmp("XMP-xmpRights:WebStatement"),
            expected.web_statement,
            "{name}"
        );
        assert_eq!(xmp("XMP-plus:LicensorURL"), expected.licensor_url, "{name}");
        assert_eq!(
            xmp("XMP-iptcCore:AltTextAccessibility"),
            expected.alt_text,
            "{name}: alt text"
        );
        let warnings = values(tags, "ExifTool:Warning").join("; ");
        assert!(
            !warnings.contains("IPTCDigest"),
            "{name}: exiftool warns: {warnings}"
        );

        let format = format_of(&crate::read(file)).expect("still a picture");
        if format == "jpeg" || format == "tiff" {
            assert_eq!(
                xmp("IPTC:CodedCharacterSet").as_deref(),
                Some("UTF8"),
                "{name}: IIM declares UTF-8"
            );
            assert_eq!(xmp("IPTC:Credit"), expected.credit, "{name}: IIM credit");
            assert_eq!(
                xmp("IPTC:By-line").as_deref(),
                Some("Jörg Müller"),
                "{name}"
            );
            assert_eq!(xmp("IPTC:CopyrightNotice"), expected.copyright, "{name}");
            assert_eq!(xmp("IPTC:Caption-Abstract"), expected.caption, "{name}");
            assert_eq!(values(tags, "IPTC:Keywords"), expected.keywords, "{name}");
            assert_eq!(
                xmp("IPTC:DateCreated").as_deref(),
                Some("2024:03:01"),
                "{name}"
            );
            assert_eq!(
                xmp("IPTC:TimeCreated").as_deref(),
                Some("10:15:00+01:00"),
                "{name}"
            );
            assert_eq!(xmp("IPTC:City"), expected.city, "{name}");
            assert_eq!(
                xmp("IPTC:Country-PrimaryLocationName"),
                expected.country,
                "{name}"
            );
            let current = xmp("File:CurrentIPTCDigest");
            assert!(current.is_some(), "{name}: IIM present");
            assert_eq!(
                current,
                xmp("Photoshop:IPTCDigest"),
                "{name}: the IPTC digest is current"
            );
        }
        // EXIF credit tags either agree or are gone.
        for key in ["IFD0:Artist", "IFD0:Copyright", "IFD0:ImageDescription"] {
            if let Some(v) = xmp(key) {
                assert!(
                    [&expected.creator, &expected.copyright, &expected.caption]
                        .iter()
                        .any(|e| e.as_deref() == Some(v.as_str())),
                    "{name}: stale EXIF {key} = {v}"
                );
            }
        }
        let before = pixels(original);
        assert_eq!(before, pixels(file), "{name}: pixels unchanged");
    }
}

#[test]
fn what_we_write_we_read_back() {
    for original in writable() {
        let bytes = crate::read(&original);
        let written = embed_metadata(&bytes, &original, &full()).expect("embeds");
        assert_eq!(
            read_metadata(&written, &original).expect("reads"),
            full(),
            "{}",
            original.display()
        );
        // Writing twice gives the same file.
        let again = embed_metadata(&written, &original, &full()).expect("embeds");
        assert_eq!(
            again,
            written,
            "{}: embedding is idempotent",
            original.display()
        );
    }
}

#[test]
fn none_removes_fields_from_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pairs = embed_all(dir.path(), &ImageMetadata::default());
    for (original, file) in &pairs {
        let read = read_metadata(&crate::read(file), file).expect("reads");
        assert_eq!(
            read,
            ImageMetadata::default(),
            "{}: everything removed",
            original.display()
        );
    }
    let written: Vec<PathBuf> = pairs.iter().map(|(_, w)| w.clone()).collect();
    let tags = exiftool::run(&["-a", "-G1"], &written);
    for (file, tags) in written.iter().zip(&tags) {
        for key in [
            "IPTC:Credit",
            "IPTC:By-line",
            "IPTC:Caption-Abstract",
            "IPTC:Keywords",
            "XMP-photoshop:Credit",
            "XMP-dc:Creator",
            "XMP-dc:Description",
            "XMP-iptcCore:AltTextAccessibility",
            "IFD0:Artist",
            "IFD0:Copyright",
        ] {
            assert_eq!(value(tags, key), None, "{}: {key} removed", file.display());
        }
    }
}

#[test]
fn partial_update_keeps_other_metadata() {
    // Change one field of a real Getty picture: everything else stays as it was.
    let path = crate::fixtures().join("real/node-iptc-test4.jpeg");
    let bytes = crate::read(&path);
    let mut metadata = read_metadata(&bytes, &path).expect("reads");
    metadata.credit = Some("Thüringer Staatskanzlei".into());
    let written = embed_metadata(&bytes, &path, &metadata).expect("embeds");
    assert_eq!(read_metadata(&written, &path).expect("reads"), metadata);
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("test4.jpeg");
    std::fs::write(&file, &written).expect("writable");
    let tags = &exiftool::run(&["-a", "-G1"], &[file.clone(), path.clone()]);
    for key in [
        "XMP-getty:AssetID",
        "XMP-iptcExt:PersonInImage",
        "IPTC:ObjectName",
        "IFD0:Make",
        "IPTC:SupplementalCategories",
    ] {
        assert_eq!(value(&tags[0], key), value(&tags[1], key), "{key} kept");
    }
}

#[test]
fn bad_dates_are_refused_with_a_clear_message() {
    let path = crate::fixtures().join("made/xmp-only.jpg");
    let metadata = ImageMetadata {
        date_created: Some("13.12.2018".into()),
        ..ImageMetadata::default()
    };
    let error = embed_metadata(&crate::read(&path), &path, &metadata).expect_err("not ISO");
    let text = error.to_string();
    assert!(
        text.contains("xmp-only.jpg") && text.contains("13.12.2018") && text.contains("ISO 8601"),
        "{text}"
    );
}

#[test]
fn many_threads_write_at_once() {
    let files = writable();
    let expected: Vec<Vec<u8>> = files
        .iter()
        .map(|p| embed_metadata(&crate::read(p), p, &full()).expect("embeds"))
        .collect();
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| {
                for (path, expected) in files.iter().zip(&expected) {
                    let written =
                        embed_metadata(&crate::read(path), path, &full()).expect("embeds");
                    assert_eq!(
                        &written,
                        expected,
                        "{}: same bytes from every thread",
                        path.display()
                    );
                    assert_eq!(read_metadata(&written, path).expect("reads"), full());
                }
            });
        }
    });
}
