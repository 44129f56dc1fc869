//! What `read_metadata` returns, field by field, against what exiftool reads from the same
//! files, reconciled by the rules documented in `newsdesk_media::reconcile`.

use std::path::PathBuf;

use newsdesk_media::{ImageMetadata, read_metadata};
use serde_json::{Map, Value};

use crate::exiftool::{self, value, values};

/// Windows-1252 characters for bytes 0x80..=0x9F (exiftool's "Latin").
const CP1252_HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";

/// exiftool read IIM without 1:90 (and EXIF) as Latin-1; our documented rule takes text whose
/// bytes are valid UTF-8 as UTF-8. Turn exiftool's reading back into bytes and apply the rule.
fn utf8_if_valid(text: String) -> String {
    let bytes: Option<Vec<u8>> = text
        .chars()
        .map(|c| match u32::from(c) {
            n @ (0..=0x7F | 0xA0..=0xFF) => Some(n as u8),
            _ => CP1252_HIGH
                .chars()
                .position(|h| h == c)
                .map(|i| 0x80 + i as u8),
        })
        .collect();
    bytes
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or(text)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Digest {
    Absent,
    Matches,
    Differs,
}

/// "2024:03:01 10:15:00+01:00" — exiftool's spelling, to compare dates.
fn exiftool_date(iso: &str) -> String {
    match iso.split_once('T') {
        Some((d, t)) => format!("{} {t}", d.replace('-', ":")),
        None => iso.replace('-', ":"),
    }
}

fn pick(
    iim: Option<String>,
    xmp: Option<String>,
    exif: Option<String>,
    digest: Digest,
) -> Option<String> {
    let legacy = match (iim, xmp, digest) {
        (Some(i), Some(x), Digest::Differs) if i != x && !x.starts_with(&i) => Some(i),
        (_, Some(x), _) => Some(x),
        (i, None, _) => i,
    };
    legacy.or(exif)
}

/// What we should read, computed from exiftool's raw per-group values.
fn expected(tags: &Map<String, Value>) -> ImageMetadata {
    let declared = tags.contains_key("IPTC:CodedCharacterSet");
    let iim = |key: &str| -> Vec<String> {
        values(tags, key)
            .into_iter()
            .map(|v| if declared { v } else { utf8_if_valid(v) })
            .collect()
    };
    let iim_one = |key: &str| iim(key).into_iter().next();
    let iim_joined = |key: &str| {
        let all = iim(key);
        (!all.is_empty()).then(|| all.join(", "))
    };
    let digest = match (
        value(tags, "File:CurrentIPTCDigest"),
        value(tags, "Photoshop:IPTCDigest"),
    ) {
        (Some(current), Some(stored)) if current.eq_ignore_ascii_case(&stored) => Digest::Matches,
        (Some(_), Some(_)) => Digest::Differs,
        _ => Digest::Absent,
    };
    let x = |key: &str| value(tags, key);
    let exif = |key: &str| value(tags, key).map(utf8_if_valid);

    let iim_date = iim_one("IPTC:DateCreated").map(|d| match iim_one("IPTC:TimeCreated") {
        Some(t) => format!("{d} {t}"),
        None => d,
    });
    let exif_date =
        exif("ExifIFD:DateTimeOriginal").map(|d| match exif("ExifIFD:OffsetTimeOriginal") {
            Some(o) => format!("{d}{o}"),
            None => d,
        });
    let date = match (iim_date, x("XMP-photoshop:DateCreated"), digest) {
        (Some(i), Some(x), Digest::Differs) if i.get(..19) != x.get(..19) && i.len() >= 19 => {
            Some(i)
        }
        (_, Some(x), _) => Some(x),
        (i, None, _) => i,
    }
    .or(exif_date);

    let iim_keywords = iim("IPTC:Keywords");
    let xmp_keywords = values(tags, "XMP-dc:Subject");
    let keywords = match digest {
        Digest::Differs if !iim_keywords.is_empty() => iim_keywords,
        _ if !xmp_keywords.is_empty() => xmp_keywords,
        _ => iim_keywords,
    };
    ImageMetadata {
        creator: pick(
            iim_joined("IPTC:By-line"),
            x("XMP-dc:Creator"),
            exif("IFD0:Artist"),
            digest,
        ),
        credit: pick(
            iim_one("IPTC:Credit"),
            x("XMP-photoshop:Credit"),
            None,
            digest,
        ),
        copyright: pick(
            iim_one("IPTC:CopyrightNotice"),
            x("XMP-dc:Rights"),
            values(tags, "IFD0:Copyright")
                .first()
                .map(|_| utf8_if_valid(values(tags, "IFD0:Copyright").join("; "))),
            digest,
        ),
        source: pick(
            iim_one("IPTC:Source"),
            x("XMP-photoshop:Source"),
            None,
            digest,
        ),
        caption: pick(
            iim_one("IPTC:Caption-Abstract"),
            x("XMP-dc:Description"),
            exif("IFD0:ImageDescription"),
            digest,
        ),
        headline: pick(
            iim_one("IPTC:Headline"),
            x("XMP-photoshop:Headline"),
            None,
            digest,
        ),
        keywords,
        date_created: date,
        city: pick(iim_one("IPTC:City"), x("XMP-photoshop:City"), None, digest),
        country: pick(
            iim_one("IPTC:Country-PrimaryLocationName"),
            x("XMP-photoshop:Country"),
            None,
            digest,
        ),
        usage_terms: x("XMP-xmpRights:UsageTerms"),
        web_statement: x("XMP-xmpRights:WebStatement"),
        licensor_url: values(tags, "XMP-plus:LicensorURL").into_iter().next(),
        alt_text: x("XMP-iptcCore:AltTextAccessibility"),
    }
}

fn readable_pictures() -> Vec<PathBuf> {
    crate::all_pictures()
        .into_iter()
        .filter(|p| read_metadata(&crate::read(p), p).is_ok())
        .collect()
}

#[test]
fn every_field_matches_exiftool() {
    let files = readable_pictures();
    assert!(
        files.len() >= 40,
        "the fixtures are there ({} files)",
        files.len()
    );
    let reference = exiftool::run(
        &[
            "-a",
            "-G1",
            "-n",
            "-charset",
            "iptc=latin1",
            "-charset",
            "exif=latin1",
        ],
        &files,
    );
    let mut compared = 0;
    for (file, tags) in files.iter().zip(&reference) {
        let mut ours = read_metadata(&crate::read(file), file).expect("readable");
        let mut theirs = expected(tags);
        ours.date_created = ours.date_created.as_deref().map(exiftool_date);
        theirs.date_created = theirs.date_created.map(|d| d.replace('T', " "));
        assert_eq!(
            ours,
            theirs,
            "{}: our reading (left) differs from exiftool's (right)",
            file.display()
        );
        if ours != ImageMetadata::default() {
            compared += 1;
        }
    }
    assert!(compared >= 25, "most fixtures carry credits ({compared})");
}

#[test]
fn umlauts_arrive_intact_from_every_encoding() {
    for name in [
        "iim-latin1.jpg",
        "iim-utf8.jpg",
        "iim-utf8-undeclared.jpg",
        "xmp-only.jpg",
        "xmp.png",
        "xmp.webp",
        "iim-xmp.tif",
    ] {
        let path = crate::fixtures().join("made").join(name);
        let metadata = read_metadata(&crate::read(&path), &path).expect("readable");
        assert_eq!(
            metadata.credit.as_deref(),
            Some("Thüringer Staatskanzlei"),
            "{name}: the credit with its umlaut"
        );
        assert!(
            metadata
                .creator
                .as_deref()
                .is_some_and(|c| c.starts_with("Jörg Müller")),
            "{name}: {metadata:?}"
        );
    }
    let path = crate::fixtures().join("made/iim-latin1.jpg");
    let metadata = read_metadata(&crate::read(&path), &path).expect("readable");
    assert_eq!(
        metadata.caption.as_deref(),
        Some("„Grüße“ aus dem Landtag in Erfurt")
    );
    assert_eq!(metadata.keywords, ["Erfurt", "Thüringen", "Landtag"]);
    assert_eq!(
        metadata.date_created.as_deref(),
        Some("2024-03-01T10:15:00+01:00")
    );
}

#[test]
fn the_digest_decides_between_iim_and_xmp() {
    let read = |name: &str| {
        let path = crate::fixtures().join("made").join(name);
        read_metadata(&crate::read(&path), &path).expect("readable")
    };
    let matches = read("disagree-digest-matches.jpg");
    assert_eq!(
        matches.credit.as_deref(),
        Some("XMP Credit"),
        "digest matches: XMP wins"
    );
    assert_eq!(matches.creator.as_deref(), Some("XMP Fotografin"));
    assert_eq!(
        matches.city.as_deref(),
        Some("Weimar"),
        "IIM fills what XMP lacks"
    );
    let stale = read("disagree-digest-stale.jpg");
    assert_eq!(
        stale.credit.as_deref(),
        Some("IIM Credit"),
        "digest differs: IIM wins"
    );
    assert_eq!(stale.creator.as_deref(), Some("IIM Fotograf"));
    assert_eq!(
        stale.headline.as_deref(),
        Some("Nur in XMP"),
        "XMP fills what IIM lacks"
    );
    let none = read("disagree-no-digest.jpg");
    assert_eq!(
        none.credit.as_deref(),
        Some("XMP Credit"),
        "no digest: XMP wins"
    );
}

#[test]
fn exif_fills_only_what_iim_and_xmp_lack() {
    let path = crate::fixtures().join("made/exif-only.jpg");
    let metadata = read_metadata(&crate::read(&path), &path).expect("readable");
    assert_eq!(metadata.creator.as_deref(), Some("Jörg Müller"));
    assert_eq!(metadata.copyright.as_deref(), Some("© Freistaat Thüringen"));
    assert_eq!(metadata.caption.as_deref(), Some("Landtag in Erfurt"));
    assert_eq!(
        metadata.date_created.as_deref(),
        Some("2024-03-01T10:15:00+01:00")
    );
    // test1 has EXIF Artist and XMP dc:creator alike; a Getty file has all three.
    let path = crate::fixtures().join("real/node-iptc-test4.jpeg");
    let metadata = read_metadata(&crate::read(&path), &path).expect("readable");
    assert_eq!(metadata.creator.as_deref(), Some("Joe Murphy"));
    assert_eq!(metadata.credit.as_deref(), Some("NBAE/Getty Images"));
}

#[test]
fn heic_is_refused_plainly() {
    let path = crate::hostile_dir().join("camera.heic");
    let error = read_metadata(&crate::read(&path), &path).expect_err("HEIC is not read");
    assert!(matches!(
        error,
        newsdesk_media::MediaError::Unsupported { .. }
    ));
    assert!(
        error.to_string().contains("HEIC is not supported yet"),
        "{error}"
    );
}
