//! Reading and writing the credits of a picture: finds the EXIF, IIM and XMP blocks in the
//! container, reads each, reconciles them ([`crate::reconcile`]), and writes them back.

use std::borrow::Cow;
use std::path::Path;

use newsdesk_model::{ImageMetadata, Text, text};

use crate::MediaError;
use crate::container::jpeg::{self, Jpeg};
use crate::container::png::{self, Png};
use crate::container::tiff::{self, Tiff, tag};
use crate::container::webp::WebP;
use crate::error::metadata_reason;
use crate::exif::{self, ExifInfo};
use crate::format::{self, Format};
use crate::iim;
use crate::reconcile::{self, Digest};
use crate::xmp;

/// The metadata blocks of one file, as stored.
#[derive(Debug, Default)]
struct Blocks<'a> {
    /// TIFF structure (for a TIFF file: the whole file).
    exif: Option<&'a [u8]>,
    xmp: Option<&'a [u8]>,
    /// The IIM block.
    iim: Option<Cow<'a, [u8]>>,
    /// Photoshop image resources (JPEG APP13, TIFF tag 34377).
    resources: Vec<iim::Resource>,
}

fn blocks<'a>(bytes: &'a [u8], format: Format, name: &Path) -> Result<Blocks<'a>, MediaError> {
    let corrupt = |reason: String| MediaError::corrupt(name, Text::verbatim(reason));
    let metadata = |reason: String| {
        MediaError::metadata(
            name,
            text!("is damaged: {reason}", "sind beschädigt: {reason}"),
        )
    };
    match format {
        Format::Jpeg => {
            let jpeg = Jpeg::parse(bytes).map_err(corrupt)?;
            let resources = match jpeg.photoshop() {
                Some(block) => iim::parse_resources(&block).map_err(metadata)?,
                None => Vec::new(),
            };
            let iim = resources
                .iter()
                .find(|r| r.id == iim::RESOURCE_IPTC)
                .map(|r| Cow::Owned(r.data.clone()));
            Ok(Blocks {
                exif: jpeg.exif(),
                xmp: jpeg.xmp(),
                iim,
                resources,
            })
        }
        Format::Png => {
            let png = Png::parse(bytes).map_err(corrupt)?;
            Ok(Blocks {
                exif: png.exif(),
                xmp: png.xmp(),
                ..Blocks::default()
            })
        }
        Format::WebP => {
            let webp = WebP::parse(bytes).map_err(corrupt)?;
            Ok(Blocks {
                exif: webp.exif(),
                xmp: webp.xmp(),
                ..Blocks::default()
            })
        }
        Format::Tiff => {
            let tiff = match Tiff::parse(bytes) {
                Ok(tiff) => tiff,
                // BigTIFF: pixels may still be readable; its metadata is not.
                Err(_) if bytes.get(2) == Some(&0x2B) || bytes.get(3) == Some(&0x2B) => {
                    return Ok(Blocks::default());
                }
                Err(reason) => return Err(corrupt(reason)),
            };
            let resources = match tiff.ifd0_data(tag::PHOTOSHOP).map_err(corrupt)? {
                Some(block) => iim::parse_resources(block).map_err(metadata)?,
                None => Vec::new(),
            };
            let iim = match tiff.ifd0_data(tag::IPTC).map_err(corrupt)? {
                Some(block) => Some(Cow::Borrowed(block)),
                None => resources
                    .iter()
                    .find(|r| r.id == iim::RESOURCE_IPTC)
                    .map(|r| Cow::Owned(r.data.clone())),
            };
            Ok(Blocks {
                exif: Some(bytes),
                xmp: tiff.ifd0_data(tag::XMP).map_err(corrupt)?,
                iim,
                resources,
            })
        }
    }
}

/// Everything the blocks say, each source read on its own.
struct Sources {
    iim: ImageMetadata,
    iim_datasets: Vec<iim::Dataset>,
    xmp: Option<xmp_toolkit::XmpMeta>,
    exif: ExifInfo,
    digest: Digest,
}

fn sources(blocks: &Blocks<'_>, name: &Path) -> Result<Sources, MediaError> {
    let metadata = |reason: String| MediaError::metadata(name, metadata_reason(reason));
    let iim_datasets = match &blocks.iim {
        Some(block) => iim::parse(block).map_err(|e| {
            MediaError::metadata(name, text!("is damaged: {e}", "sind beschädigt: {e}"))
        })?,
        None => Vec::new(),
    };
    let stored_digest = blocks
        .resources
        .iter()
        .find(|r| r.id == iim::RESOURCE_DIGEST)
        .map(|r| r.data.as_slice());
    let digest = match (&blocks.iim, stored_digest) {
        (Some(block), Some(stored)) if stored == iim::digest(block) => Digest::Matches,
        (Some(_), Some(_)) => Digest::Differs,
        _ => Digest::Absent,
    };
    let xmp = blocks.xmp.map(xmp::parse).transpose().map_err(metadata)?;
    let exif = match blocks.exif {
        Some(block) => exif::read(block).map_err(metadata)?,
        None => ExifInfo {
            orientation: 1,
            ..ExifInfo::default()
        },
    };
    Ok(Sources {
        iim: iim::read(&iim_datasets),
        iim_datasets,
        xmp,
        exif,
        digest,
    })
}

/// The reconciled metadata and the EXIF orientation (1..=8).
pub(crate) fn read(
    bytes: &[u8],
    format: Format,
    name: &Path,
) -> Result<(ImageMetadata, u16), MediaError> {
    let blocks = blocks(bytes, format, name)?;
    let sources = sources(&blocks, name)?;
    let xmp = sources.xmp.as_ref().map(xmp::read).unwrap_or_default();
    let metadata = reconcile::reconcile(&sources.iim, &xmp, &sources.exif.metadata, sources.digest);
    Ok((metadata, sources.exif.orientation))
}

pub(crate) fn read_metadata(bytes: &[u8], name: &Path) -> Result<ImageMetadata, MediaError> {
    let format = format::require(bytes, name)?;
    read(bytes, format, name).map(|(metadata, _)| metadata)
}

/// The metadata as it will be written: text cleaned, empty values gone, the date checked.
fn for_writing(metadata: &ImageMetadata, name: &Path) -> Result<ImageMetadata, MediaError> {
    let clean = |v: &Option<String>| v.as_deref().and_then(crate::text::for_writing);
    let date_created = clean(&metadata.date_created);
    if let Some(date) = &date_created
        && crate::dates::parse_iso(date).is_none()
    {
        return Err(MediaError::metadata(
            name,
            text!(
                "cannot be written: the date \"{date}\" is not an ISO 8601 date \
                 like 2018-12-13 or 2018-12-13T10:15:00+01:00",
                "lassen sich nicht schreiben: das Datum „{date}“ ist kein Datum nach \
                 ISO 8601 wie 2018-12-13 oder 2018-12-13T10:15:00+01:00"
            ),
        ));
    }
    let mut keywords: Vec<String> = Vec::new();
    for keyword in metadata
        .keywords
        .iter()
        .filter_map(|k| crate::text::for_writing(k))
    {
        if !keywords.contains(&keyword) {
            keywords.push(keyword);
        }
    }
    Ok(ImageMetadata {
        creator: clean(&metadata.creator),
        credit: clean(&metadata.credit),
        copyright: clean(&metadata.copyright),
        source: clean(&metadata.source),
        caption: clean(&metadata.caption),
        headline: clean(&metadata.headline),
        keywords,
        date_created,
        city: clean(&metadata.city),
        country: clean(&metadata.country),
        usage_terms: clean(&metadata.usage_terms),
        web_statement: clean(&metadata.web_statement),
        licensor_url: clean(&metadata.licensor_url),
        alt_text: clean(&metadata.alt_text),
    })
}

pub(crate) fn embed_metadata(
    bytes: &[u8],
    name: &Path,
    metadata: &ImageMetadata,
) -> Result<Vec<u8>, MediaError> {
    let format = format::require(bytes, name)?;
    let metadata = for_writing(metadata, name)?;
    let blocks = blocks(bytes, format, name)?;
    let sources = sources(&blocks, name)?;
    let meta_error = |reason: String| MediaError::metadata(name, metadata_reason(reason));

    let mut xmp_meta = match sources.xmp {
        Some(meta) => meta,
        None => xmp::empty().map_err(meta_error)?,
    };
    xmp::write(&mut xmp_meta, &metadata).map_err(meta_error)?;
    let packet = if format == Format::Jpeg {
        let limit = jpeg::MAX_PAYLOAD - jpeg::XMP_PREFIX.len();
        xmp::serialize_within(&mut xmp_meta, limit)
            .map_err(meta_error)?
            .ok_or_else(|| {
                MediaError::metadata(
                    name,
                    text!(
                        "cannot be written: its XMP would need more than the {limit} bytes one \
                         JPEG segment holds, even without editing history; it carries too much \
                         other XMP",
                        "lassen sich nicht schreiben: das XMP bräuchte mehr als die {limit} Byte, \
                         die ein JPEG-Segment fasst, selbst ohne Bearbeitungsverlauf; es trägt zu \
                         viel anderes XMP"
                    ),
                )
            })?
    } else {
        xmp::serialize(&xmp_meta).map_err(meta_error)?
    };
    let new_iim = iim::write(&sources.iim_datasets, &metadata);

    let out = match format {
        Format::Jpeg => {
            let exif = edited_exif(blocks.exif, &sources.exif, &metadata, name)?;
            write_jpeg(bytes, exif, &packet, new_iim, blocks.resources, name)?
        }
        Format::Png => {
            let exif = edited_exif(blocks.exif, &sources.exif, &metadata, name)?;
            write_png(bytes, exif, &packet, name)?
        }
        Format::WebP => {
            let exif = edited_exif(blocks.exif, &sources.exif, &metadata, name)?;
            let webp =
                WebP::parse(bytes).map_err(|e| MediaError::corrupt(name, Text::verbatim(e)))?;
            let exif = exif.as_deref().or(blocks.exif);
            webp.rebuild(exif, Some(&packet)).map_err(|e| {
                MediaError::metadata(
                    name,
                    text!("cannot be written: {e}", "lassen sich nicht schreiben: {e}"),
                )
            })?
        }
        Format::Tiff => {
            let unchanged = blocks.xmp == Some(packet.as_slice())
                && blocks.iim.as_deref().map(<[u8]>::to_vec) == new_iim.clone().map(pad_to_4)
                && !exif_contradicts(&sources.exif.metadata, &metadata);
            if unchanged {
                // Appending would only grow the file (old directories are not reclaimed).
                bytes.to_vec()
            } else {
                write_tiff(
                    bytes,
                    &sources.exif,
                    &metadata,
                    &packet,
                    new_iim,
                    blocks.resources,
                    name,
                )?
            }
        }
    };
    Ok(out)
}

/// A copy of the EXIF block with contradicting credit tags removed; `None` when unchanged.
fn edited_exif(
    block: Option<&[u8]>,
    current: &ExifInfo,
    metadata: &ImageMetadata,
    name: &Path,
) -> Result<Option<Vec<u8>>, MediaError> {
    let Some(block) = block else { return Ok(None) };
    let mut copy = block.to_vec();
    let removed = exif::remove_contradicting(&mut copy, &current.metadata, metadata)
        .map_err(|e| MediaError::metadata(name, metadata_reason(e)))?;
    Ok((removed > 0).then_some(copy))
}

fn write_jpeg(
    bytes: &[u8],
    exif: Option<Vec<u8>>,
    packet: &[u8],
    new_iim: Option<Vec<u8>>,
    mut resources: Vec<iim::Resource>,
    name: &Path,
) -> Result<Vec<u8>, MediaError> {
    let jpeg = Jpeg::parse(bytes).map_err(|e| MediaError::corrupt(name, Text::verbatim(e)))?;

    let mut xmp_payload = jpeg::XMP_PREFIX.to_vec();
    xmp_payload.extend_from_slice(packet);
    iim::replace_iim(&mut resources, new_iim, true);
    let photoshop_segments: Vec<Vec<u8>> = if resources.is_empty() {
        Vec::new()
    } else {
        let block = iim::build_resources(&resources);
        block
            .chunks(jpeg::MAX_PAYLOAD - jpeg::PHOTOSHOP_PREFIX.len())
            .map(|part| {
                let mut payload = jpeg::PHOTOSHOP_PREFIX.to_vec();
                payload.extend_from_slice(part);
                payload
            })
            .collect()
    };

    let mut out: Vec<(u8, Option<Vec<u8>>)> = Vec::with_capacity(jpeg.segments.len() + 3);
    let mut exif = exif;
    let mut xmp_at = None;
    let mut photoshop_at = None;
    for segment in &jpeg.segments {
        if Jpeg::is_exif(segment) {
            match exif.take() {
                Some(block) => {
                    let mut payload = b"Exif\0\0".to_vec();
                    payload.extend_from_slice(&block);
                    out.push((segment.marker, Some(payload)));
                }
                None => out.push((segment.marker, segment.payload.map(<[u8]>::to_vec))),
            }
        } else if Jpeg::is_xmp(segment) {
            xmp_at.get_or_insert(out.len());
        } else if Jpeg::is_photoshop(segment) {
            photoshop_at.get_or_insert(out.len());
        } else {
            out.push((segment.marker, segment.payload.map(<[u8]>::to_vec)));
        }
    }
    // New blocks go where the old ones were, else after the leading APP0/APP1 segments.
    let leading = out
        .iter()
        .take_while(|(m, _)| *m == 0xE0 || *m == 0xE1)
        .count();
    let xmp_at = xmp_at.unwrap_or(leading);
    let photoshop_at = photoshop_at.map_or(xmp_at + 1, |at| if at >= xmp_at { at + 1 } else { at });
    out.insert(xmp_at, (jpeg::MARKER_APP1, Some(xmp_payload)));
    for (i, payload) in photoshop_segments.into_iter().enumerate() {
        out.insert(photoshop_at + i, (jpeg::MARKER_APP13, Some(payload)));
    }
    jpeg::assemble(&out, jpeg.rest).map_err(|e| {
        MediaError::metadata(
            name,
            text!("cannot be written: {e}", "lassen sich nicht schreiben: {e}"),
        )
    })
}

fn write_png(
    bytes: &[u8],
    exif: Option<Vec<u8>>,
    packet: &[u8],
    name: &Path,
) -> Result<Vec<u8>, MediaError> {
    let meta_error = |reason: String| {
        MediaError::metadata(
            name,
            text!(
                "cannot be written: {reason}",
                "lassen sich nicht schreiben: {reason}"
            ),
        )
    };
    let png = Png::parse(bytes).map_err(|e| MediaError::corrupt(name, Text::verbatim(e)))?;
    let mut out = png::SIGNATURE.to_vec();
    let xmp_chunk = png::chunk(b"iTXt", &png::xmp_chunk_data(packet)).map_err(meta_error)?;
    let mut xmp_written = false;
    for chunk in &png.chunks {
        if Png::is_xmp(chunk) {
            if !xmp_written {
                out.extend_from_slice(&xmp_chunk);
                xmp_written = true;
            }
            continue;
        }
        match (&chunk.kind, &exif) {
            (b"eXIf", Some(block)) => out.extend(png::chunk(b"eXIf", block).map_err(meta_error)?),
            _ => out.extend_from_slice(chunk.raw),
        }
        if &chunk.kind == b"IHDR" && !xmp_written && !png.chunks.iter().any(Png::is_xmp) {
            out.extend_from_slice(&xmp_chunk);
            xmp_written = true;
        }
    }
    Ok(out)
}

fn write_tiff(
    bytes: &[u8],
    current_exif: &ExifInfo,
    metadata: &ImageMetadata,
    packet: &[u8],
    new_iim: Option<Vec<u8>>,
    mut resources: Vec<iim::Resource>,
    name: &Path,
) -> Result<Vec<u8>, MediaError> {
    let meta_error = |reason: String| {
        MediaError::metadata(
            name,
            text!(
                "cannot be written: {reason}",
                "lassen sich nicht schreiben: {reason}"
            ),
        )
    };
    if Tiff::parse(bytes).is_err() {
        return Err(MediaError::unsupported(
            name,
            text!(
                "is a BigTIFF file: writing metadata into BigTIFF is not supported",
                "ist eine BigTIFF-Datei: in BigTIFF lassen sich keine Metadaten schreiben"
            ),
        ));
    }
    let mut copy = bytes.to_vec();
    exif::remove_contradicting(&mut copy, &current_exif.metadata, metadata)
        .map_err(|e| MediaError::metadata(name, metadata_reason(e)))?;

    let mut add = vec![tiff::NewEntry {
        tag: tag::XMP,
        kind: tiff::TYPE_BYTE,
        count: u32::try_from(packet.len())
            .map_err(|_| meta_error("the XMP packet is too large".into()))?,
        data: packet.to_vec(),
    }];
    let mut drop = vec![tag::XMP, tag::IPTC];
    // IIM goes into tag 33723 as LONGs (as Photoshop writes it), padded to 4 bytes; the digest
    // is computed over exactly the stored bytes.
    let iim = new_iim.map(pad_to_4);
    if let Some(block) = &iim {
        add.push(tiff::NewEntry {
            tag: tag::IPTC,
            kind: tiff::TYPE_LONG,
            count: u32::try_from(block.len() / 4)
                .map_err(|_| meta_error("the IPTC block is too large".into()))?,
            data: block.clone(),
        });
    }
    iim::replace_iim(&mut resources, iim, false);
    if resources.is_empty() {
        drop.push(tag::PHOTOSHOP);
    } else {
        let block = iim::build_resources(&resources);
        add.push(tiff::NewEntry {
            tag: tag::PHOTOSHOP,
            kind: tiff::TYPE_BYTE,
            count: u32::try_from(block.len())
                .map_err(|_| meta_error("the Photoshop block is too large".into()))?,
            data: block,
        });
    }
    tiff::append_ifd0(&copy, &drop, add).map_err(meta_error)
}

/// The EXIF orientation (1..=8) alone, for thumbnails: 1 when the file has none or its EXIF
/// cannot be read.
pub(crate) fn orientation(bytes: &[u8], format: Format) -> u16 {
    blocks(bytes, format, Path::new(""))
        .ok()
        .and_then(|b| b.exif.and_then(|block| exif::read(block).ok()))
        .map_or(1, |e| e.orientation)
}

fn pad_to_4(mut block: Vec<u8>) -> Vec<u8> {
    while !block.len().is_multiple_of(4) {
        block.push(0);
    }
    block
}

/// Whether writing `new` would remove any EXIF credit tag.
fn exif_contradicts(current: &ImageMetadata, new: &ImageMetadata) -> bool {
    let differs = |old: &Option<String>, new: &Option<String>| old.is_some() && old != new;
    differs(&current.creator, &new.creator)
        || differs(&current.copyright, &new.copyright)
        || differs(&current.caption, &new.caption)
        || differs(&current.date_created, &new.date_created)
}
