//! IPTC IIM (the legacy "IPTC" block) and the Photoshop image resource block that carries it
//! in JPEG files.
//!
//! Reading: datasets are `0x1C record dataset length data`; lengths are checked against the
//! block, extended lengths are refused beyond 4 length bytes. Text is decoded by the declared
//! character set: 1:90 = ESC % G means UTF-8; without 1:90, text that is valid UTF-8 is taken
//! as UTF-8 (Exiv2-based programs write UTF-8 without 1:90, and Latin-1 text with accents is
//! practically never valid UTF-8), anything else as Latin-1 — Windows-1252, as exiftool reads
//! it, so „quotes“ from Windows programs survive.
//!
//! Writing: always 1:90 = ESC % G and UTF-8. Datasets this crate does not map are kept (their
//! text re-encoded as UTF-8); the Photoshop IPTC digest (resource 0x0425) is refreshed.

use md5::{Digest, Md5};
use newsdesk_model::ImageMetadata;

/// Photoshop resource with the IIM block.
pub(crate) const RESOURCE_IPTC: u16 = 0x0404;
/// Photoshop resource with the MD5 digest of the IIM block (MWG: "IPTC digest").
pub(crate) const RESOURCE_DIGEST: u16 = 0x0425;

const ESC_PERCENT_G: &[u8] = b"\x1b%G";

mod ds {
    pub const ENVELOPE_VERSION: (u8, u8) = (1, 0);
    pub const CODED_CHARACTER_SET: (u8, u8) = (1, 90);
    pub const RECORD_VERSION: (u8, u8) = (2, 0);
    pub const KEYWORDS: (u8, u8) = (2, 25);
    pub const DATE_CREATED: (u8, u8) = (2, 55);
    pub const TIME_CREATED: (u8, u8) = (2, 60);
    pub const BY_LINE: (u8, u8) = (2, 80);
    pub const CITY: (u8, u8) = (2, 90);
    pub const COUNTRY: (u8, u8) = (2, 101);
    pub const HEADLINE: (u8, u8) = (2, 105);
    pub const CREDIT: (u8, u8) = (2, 110);
    pub const SOURCE: (u8, u8) = (2, 115);
    pub const COPYRIGHT: (u8, u8) = (2, 116);
    pub const CAPTION: (u8, u8) = (2, 120);
}

/// The datasets this crate maps to [`ImageMetadata`]; they are rewritten, the others kept.
const MAPPED: [(u8, u8); 11] = [
    ds::KEYWORDS,
    ds::DATE_CREATED,
    ds::TIME_CREATED,
    ds::BY_LINE,
    ds::CITY,
    ds::COUNTRY,
    ds::HEADLINE,
    ds::CREDIT,
    ds::SOURCE,
    ds::COPYRIGHT,
    ds::CAPTION,
];

/// One dataset as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dataset {
    pub record: u8,
    pub number: u8,
    pub data: Vec<u8>,
}

impl Dataset {
    fn id(&self) -> (u8, u8) {
        (self.record, self.number)
    }
}

/// Splits an IIM block into datasets. Trailing padding (zero bytes) ends the block quietly;
/// a length that runs past the block is an error.
pub(crate) fn parse(block: &[u8]) -> Result<Vec<Dataset>, String> {
    let mut datasets = Vec::new();
    let mut pos = 0;
    while pos < block.len() {
        if block[pos] != 0x1C {
            if block[pos..].iter().all(|&b| b == 0) {
                break;
            }
            return Err(format!(
                "the IPTC block has unexpected bytes at offset {pos}"
            ));
        }
        let header = block
            .get(pos + 1..pos + 5)
            .ok_or("the IPTC block is cut off inside a dataset header")?;
        let (record, number) = (header[0], header[1]);
        let short = u16::from_be_bytes([header[2], header[3]]);
        pos += 5;
        let length = if short & 0x8000 == 0 {
            usize::from(short)
        } else {
            let octets = usize::from(short & 0x7FFF);
            if octets == 0 || octets > 4 {
                return Err(format!(
                    "the IPTC dataset {record}:{number} declares an impossible length ({octets} length bytes)"
                ));
            }
            let bytes = block
                .get(pos..pos + octets)
                .ok_or("the IPTC block is cut off inside a length field")?;
            pos += octets;
            bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
        };
        let data = pos
            .checked_add(length)
            .and_then(|end| block.get(pos..end))
            .ok_or_else(|| {
                format!(
                    "the IPTC dataset {record}:{number} claims {length} bytes but the block has only {} left",
                    block.len() - pos
                )
            })?;
        datasets.push(Dataset {
            record,
            number,
            data: data.to_vec(),
        });
        pos += length;
    }
    Ok(datasets)
}

/// How the text of a block is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Charset {
    Utf8,
    Latin1,
    /// No 1:90: decided per value (valid UTF-8 or Latin-1).
    Undeclared,
}

pub(crate) fn charset(datasets: &[Dataset]) -> Charset {
    match datasets.iter().find(|d| d.id() == ds::CODED_CHARACTER_SET) {
        Some(d) if d.data.starts_with(ESC_PERCENT_G) => Charset::Utf8,
        Some(_) => Charset::Latin1,
        None => Charset::Undeclared,
    }
}

/// Text of a dataset in the block's character set, trailing NULs removed.
pub(crate) fn decode(data: &[u8], charset: Charset) -> String {
    let data = match data.iter().rposition(|&b| b != 0) {
        Some(last) => &data[..=last],
        None => &[],
    };
    match charset {
        Charset::Utf8 => String::from_utf8_lossy(data).into_owned(),
        Charset::Latin1 => crate::text::windows_1252(data),
        Charset::Undeclared => match std::str::from_utf8(data) {
            Ok(text) => text.to_owned(),
            Err(_) => crate::text::windows_1252(data),
        },
    }
}

/// The fields IIM can carry, decoded. Fields IIM has no place for stay `None`.
pub(crate) fn read(datasets: &[Dataset]) -> ImageMetadata {
    let charset = charset(datasets);
    let texts = |id: (u8, u8)| -> Vec<String> {
        datasets
            .iter()
            .filter(|d| d.id() == id)
            .filter_map(|d| crate::text::clean(&decode(&d.data, charset)))
            .collect()
    };
    let first = |id| texts(id).into_iter().next();
    let by_lines = texts(ds::BY_LINE);
    ImageMetadata {
        creator: (!by_lines.is_empty()).then(|| by_lines.join(", ")),
        credit: first(ds::CREDIT),
        copyright: first(ds::COPYRIGHT),
        source: first(ds::SOURCE),
        caption: first(ds::CAPTION),
        headline: first(ds::HEADLINE),
        keywords: texts(ds::KEYWORDS),
        date_created: first(ds::DATE_CREATED)
            .and_then(|date| crate::dates::from_iim(&date, first(ds::TIME_CREATED).as_deref())),
        city: first(ds::CITY),
        country: first(ds::COUNTRY),
        ..ImageMetadata::default()
    }
}

/// The block with the mapped datasets replaced by `metadata` (UTF-8, 1:90 set), the others
/// kept and re-encoded as UTF-8. `None` when nothing at all would be left in it.
pub(crate) fn write(old: &[Dataset], metadata: &ImageMetadata) -> Option<Vec<u8>> {
    let charset = charset(old);
    let mut kept: Vec<Dataset> = old
        .iter()
        .filter(|d| {
            !MAPPED.contains(&d.id())
                && d.id() != ds::CODED_CHARACTER_SET
                && d.id() != ds::ENVELOPE_VERSION
                && d.id() != ds::RECORD_VERSION
        })
        .map(|d| {
            if is_text(d.id()) && charset != Charset::Utf8 {
                Dataset {
                    data: decode(&d.data, charset).into_bytes(),
                    ..d.clone()
                }
            } else {
                d.clone()
            }
        })
        .collect();
    let mut new = Vec::new();
    let mut text = |id: (u8, u8), value: &Option<String>| {
        if let Some(value) = value {
            new.push(dataset(id, value.as_bytes()));
        }
    };
    text(ds::BY_LINE, &metadata.creator);
    text(ds::CREDIT, &metadata.credit);
    text(ds::COPYRIGHT, &metadata.copyright);
    text(ds::SOURCE, &metadata.source);
    text(ds::CAPTION, &metadata.caption);
    text(ds::HEADLINE, &metadata.headline);
    text(ds::CITY, &metadata.city);
    text(ds::COUNTRY, &metadata.country);
    for keyword in &metadata.keywords {
        new.push(dataset(ds::KEYWORDS, keyword.as_bytes()));
    }
    if let Some((date, time)) = metadata
        .date_created
        .as_deref()
        .and_then(crate::dates::to_iim)
    {
        new.push(dataset(ds::DATE_CREATED, date.as_bytes()));
        if let Some(time) = time {
            new.push(dataset(ds::TIME_CREATED, time.as_bytes()));
        }
    }
    let has_record_2 = new.iter().chain(&kept).any(|d| d.record == 2);
    if new.is_empty() && kept.is_empty() {
        return None;
    }
    new.append(&mut kept);
    new.push(dataset(ds::ENVELOPE_VERSION, &4u16.to_be_bytes()));
    new.push(dataset(ds::CODED_CHARACTER_SET, ESC_PERCENT_G));
    if has_record_2 {
        new.push(dataset(ds::RECORD_VERSION, &4u16.to_be_bytes()));
    }
    // IIM wants datasets in order of record and number; repeated ones keep their order.
    new.sort_by_key(Dataset::id);
    let mut block = Vec::new();
    for d in &new {
        block.push(0x1C);
        block.push(d.record);
        block.push(d.number);
        if d.data.len() < 0x8000 {
            block.extend_from_slice(&(d.data.len() as u16).to_be_bytes());
        } else {
            block.extend_from_slice(&0x8004u16.to_be_bytes());
            block.extend_from_slice(&(d.data.len() as u32).to_be_bytes());
        }
        block.extend_from_slice(&d.data);
    }
    Some(block)
}

fn dataset(id: (u8, u8), data: &[u8]) -> Dataset {
    Dataset {
        record: id.0,
        number: id.1,
        data: data.to_vec(),
    }
}

/// Datasets of records 1 and 2 that hold text (the others are numbers or binary).
fn is_text((record, number): (u8, u8)) -> bool {
    match record {
        1 => matches!(number, 5 | 30 | 40 | 50 | 60 | 70 | 80 | 100),
        2 => !matches!(number, 0 | 200 | 201 | 202),
        _ => false,
    }
}

/// MD5 of an IIM block, as Photoshop stores it in resource 0x0425.
pub(crate) fn digest(block: &[u8]) -> [u8; 16] {
    Md5::digest(block).into()
}

/// One Photoshop image resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resource {
    pub signature: [u8; 4],
    pub id: u16,
    /// The Pascal-string name as stored (length byte, text, padding).
    pub name: Vec<u8>,
    pub data: Vec<u8>,
}

/// Splits a Photoshop image resource block. Unknown signatures end the block quietly;
/// a resource that runs past the block is an error.
pub(crate) fn parse_resources(block: &[u8]) -> Result<Vec<Resource>, String> {
    let mut resources = Vec::new();
    let mut pos = 0;
    while pos + 4 <= block.len() {
        let signature = [block[pos], block[pos + 1], block[pos + 2], block[pos + 3]];
        if !matches!(&signature, b"8BIM" | b"PHUT" | b"AgHg" | b"DCSR" | b"MeSa") {
            break;
        }
        let id = block
            .get(pos + 4..pos + 6)
            .map(|b| u16::from_be_bytes([b[0], b[1]]))
            .ok_or("the Photoshop block is cut off inside a resource header")?;
        let name_start = pos + 6;
        let name_len = usize::from(
            *block
                .get(name_start)
                .ok_or("the Photoshop block is cut off")?,
        );
        let name_size = (1 + name_len + 1) & !1;
        let name = block
            .get(name_start..name_start + name_size)
            .ok_or("the Photoshop block is cut off inside a resource name")?;
        let size_at = name_start + name_size;
        let size = block
            .get(size_at..size_at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or("the Photoshop block is cut off inside a resource size")?;
        let data_at = size_at + 4;
        let data = data_at
            .checked_add(size)
            .and_then(|end| block.get(data_at..end))
            .ok_or_else(|| {
                format!(
                    "the Photoshop resource 0x{id:04X} claims {size} bytes but the block has only {} left",
                    block.len() - data_at
                )
            })?;
        resources.push(Resource {
            signature,
            id,
            name: name.to_vec(),
            data: data.to_vec(),
        });
        pos = data_at + size + (size & 1);
    }
    Ok(resources)
}

pub(crate) fn build_resources(resources: &[Resource]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in resources {
        out.extend_from_slice(&r.signature);
        out.extend_from_slice(&r.id.to_be_bytes());
        out.extend_from_slice(&r.name);
        out.extend_from_slice(&(r.data.len() as u32).to_be_bytes());
        out.extend_from_slice(&r.data);
        if r.data.len() & 1 == 1 {
            out.push(0);
        }
    }
    out
}

/// Replaces the IIM (0x0404) and its digest (0x0425) in a resource list: the IIM where it
/// was (or at the end), the digest of the new block right after it. `None` removes both.
pub(crate) fn replace_iim(resources: &mut Vec<Resource>, iim: Option<Vec<u8>>, with_iim: bool) {
    let position = resources.iter().position(|r| r.id == RESOURCE_IPTC);
    resources.retain(|r| r.id != RESOURCE_IPTC && r.id != RESOURCE_DIGEST);
    if let Some(iim) = iim {
        let at = position.unwrap_or(resources.len()).min(resources.len());
        let digest = Resource {
            signature: *b"8BIM",
            id: RESOURCE_DIGEST,
            name: vec![0, 0],
            data: digest(&iim).to_vec(),
        };
        if with_iim {
            let iim = Resource {
                signature: *b"8BIM",
                id: RESOURCE_IPTC,
                name: vec![0, 0],
                data: iim,
            };
            resources.insert(at, iim);
            resources.insert(at + 1, digest);
        } else {
            resources.insert(at, digest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(datasets: &[((u8, u8), &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        for ((r, n), data) in datasets {
            out.extend_from_slice(&[0x1C, *r, *n]);
            out.extend_from_slice(&(data.len() as u16).to_be_bytes());
            out.extend_from_slice(data);
        }
        out
    }

    #[test]
    fn latin1_without_charset() {
        let b = block(&[(ds::CREDIT, b"Th\xFCringer Staatskanzlei")]);
        let m = read(&parse(&b).expect("valid"));
        assert_eq!(m.credit.as_deref(), Some("Thüringer Staatskanzlei"));
    }

    #[test]
    fn windows_1252_quotes_without_charset() {
        let b = block(&[(ds::CAPTION, b"\x84Gr\xFC\xDFe\x93 aus Erfurt")]);
        let m = read(&parse(&b).expect("valid"));
        assert_eq!(m.caption.as_deref(), Some("„Grüße“ aus Erfurt"));
    }

    #[test]
    fn utf8_declared_and_undeclared() {
        let b = block(&[
            (ds::CODED_CHARACTER_SET, ESC_PERCENT_G),
            (ds::CREDIT, "Thüringer Staatskanzlei".as_bytes()),
        ]);
        assert_eq!(
            read(&parse(&b).expect("valid")).credit.as_deref(),
            Some("Thüringer Staatskanzlei")
        );
        let b = block(&[(ds::CREDIT, "Thüringer Staatskanzlei".as_bytes())]);
        assert_eq!(
            read(&parse(&b).expect("valid")).credit.as_deref(),
            Some("Thüringer Staatskanzlei")
        );
    }

    #[test]
    fn repeatable_datasets_are_lists() {
        let b = block(&[
            (ds::KEYWORDS, b"Erfurt"),
            (ds::KEYWORDS, b"Landtag"),
            (ds::BY_LINE, b"Anna"),
            (ds::BY_LINE, b"Ben"),
        ]);
        let m = read(&parse(&b).expect("valid"));
        assert_eq!(m.keywords, ["Erfurt", "Landtag"]);
        assert_eq!(m.creator.as_deref(), Some("Anna, Ben"));
    }

    #[test]
    fn hostile_lengths_are_errors() {
        assert!(parse(&[0x1C, 2, 120, 0x7F, 0xFF, b'a']).is_err());
        assert!(
            parse(&[
                0x1C, 2, 120, 0x80, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
            ])
            .is_err()
        );
        assert!(parse(&[0x1C, 2, 120, 0x80, 0x04, 0xFF, 0xFF, 0xFF, 0xFF]).is_err());
        assert!(parse(&[0x1C, 2]).is_err());
        assert!(
            parse(&[0x1C, 2, 120, 0, 1, b'a', 0, 0, 0]).is_ok(),
            "zero padding is fine"
        );
    }

    #[test]
    fn write_keeps_unmapped_datasets_and_declares_utf8() {
        let old = parse(&block(&[
            (ds::CREDIT, b"alt"),
            ((2, 5), b"Obst\xFCberschrift"),
        ]))
        .expect("valid");
        let metadata = ImageMetadata {
            credit: Some("Thüringer Staatskanzlei".into()),
            keywords: vec!["a".into(), "b".into()],
            date_created: Some("2018-12-13T10:15:00+01:00".into()),
            ..ImageMetadata::default()
        };
        let written = parse(&write(&old, &metadata).expect("not empty")).expect("valid");
        assert_eq!(charset(&written), Charset::Utf8);
        let m = read(&written);
        assert_eq!(m.credit.as_deref(), Some("Thüringer Staatskanzlei"));
        assert_eq!(m.keywords, ["a", "b"]);
        assert_eq!(m.date_created.as_deref(), Some("2018-12-13T10:15:00+01:00"));
        let object_name = written.iter().find(|d| d.id() == (2, 5)).expect("kept");
        assert_eq!(object_name.data, "Obstüberschrift".as_bytes());
        assert!(written.windows(2).all(|w| w[0].id() <= w[1].id()), "sorted");
    }

    #[test]
    fn resources_round_trip() {
        let resources = vec![
            Resource {
                signature: *b"8BIM",
                id: 0x03ED,
                name: vec![3, b'a', b'b', b'c'],
                data: vec![1, 2, 3],
            },
            Resource {
                signature: *b"8BIM",
                id: RESOURCE_IPTC,
                name: vec![0, 0],
                data: vec![0x1C, 2, 0, 0, 2, 0, 4],
            },
        ];
        let block = build_resources(&resources);
        assert_eq!(parse_resources(&block).expect("valid"), resources);
        assert!(parse_resources(&block[..block.len() - 3]).is_err());
    }
}
