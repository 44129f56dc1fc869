//! EXIF: read with kamadak-exif (orientation and the four credit-bearing tags); on write the
//! credit tags that would contradict the new metadata are removed in place (see
//! [`crate::reconcile`] for why removing is enough).

use exif::{In, Tag, Value};
use newsdesk_model::ImageMetadata;

use crate::container::tiff::{self, tag};

/// What EXIF says that this crate uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ExifInfo {
    /// Only creator, copyright, caption and date_created are ever set.
    pub metadata: ImageMetadata,
    /// 1..=8; 1 when absent or out of range.
    pub orientation: u16,
}

/// Camera defaults that are not captions.
const PLACEHOLDER_DESCRIPTIONS: [&str; 5] = [
    "OLYMPUS DIGITAL CAMERA",
    "SONY DSC",
    "DIGITAL CAMERA",
    "KONICA MINOLTA DIGITAL CAMERA",
    "MINOLTA DIGITAL CAMERA",
];

/// Reads an EXIF block (TIFF structure). Damage inside sub-directories is tolerated when the
/// main directory could be read; an unreadable main directory is an error.
pub(crate) fn read(block: &[u8]) -> Result<ExifInfo, String> {
    // The main directory must be sound whatever kamadak-exif would make of it.
    let tiff = tiff::Tiff::parse(block)
        .map_err(|e| format!("is damaged: its EXIF block cannot be read ({e})"))?;
    tiff.entries(tiff.ifd0)
        .map_err(|e| format!("is damaged: its EXIF block cannot be read ({e})"))?;
    let exif = match exif::Reader::new()
        .continue_on_error(true)
        .read_raw(block.to_vec())
    {
        Ok(exif) => exif,
        Err(error) => {
            let mut first_problem = None;
            let partial = error.distill_partial_result(|errors| {
                first_problem = errors.first().map(ToString::to_string);
            });
            match partial {
                Ok(exif) if exif.fields().next().is_some() => exif,
                Ok(_) => {
                    return Err(format!(
                        "is damaged: its EXIF block cannot be read ({})",
                        first_problem.unwrap_or_else(|| "no readable entries".into())
                    ));
                }
                Err(error) => {
                    return Err(format!(
                        "is damaged: its EXIF block cannot be read ({error})"
                    ));
                }
            }
        }
    };
    let ascii = |t: Tag| -> Option<String> {
        let field = exif.get_field(t, In::PRIMARY)?;
        let Value::Ascii(parts) = &field.value else {
            return None;
        };
        let parts: Vec<String> = parts
            .iter()
            .filter_map(|p| crate::text::clean(&crate::text::exif_ascii(p)))
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    };
    let caption = ascii(Tag::ImageDescription).filter(|d| {
        !PLACEHOLDER_DESCRIPTIONS
            .iter()
            .any(|p| d.eq_ignore_ascii_case(p))
    });
    let date_created = ascii(Tag::DateTimeOriginal)
        .and_then(|d| crate::dates::from_exif(&d, ascii(Tag::OffsetTimeOriginal).as_deref()));
    let orientation = exif
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|o| u16::try_from(o).ok())
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1);
    Ok(ExifInfo {
        metadata: ImageMetadata {
            creator: ascii(Tag::Artist),
            copyright: ascii(Tag::Copyright),
            caption,
            date_created,
            ..ImageMetadata::default()
        },
        orientation,
    })
}

/// Removes, in place, the EXIF credit tags that disagree with `new` (a `None` disagrees with
/// any value). Returns how many entries were removed.
pub(crate) fn remove_contradicting(
    block: &mut [u8],
    current: &ImageMetadata,
    new: &ImageMetadata,
) -> Result<usize, String> {
    let differs = |old: &Option<String>, new: &Option<String>| old.is_some() && old != new;
    let mut ifd0 = Vec::new();
    if differs(&current.creator, &new.creator) {
        ifd0.push(tag::ARTIST);
    }
    if differs(&current.copyright, &new.copyright) {
        ifd0.push(tag::COPYRIGHT);
    }
    if differs(&current.caption, &new.caption) {
        ifd0.push(tag::IMAGE_DESCRIPTION);
    }
    let mut exif_ifd = Vec::new();
    if differs(&current.date_created, &new.date_created) {
        exif_ifd.extend([
            tag::DATE_TIME_ORIGINAL,
            tag::OFFSET_TIME_ORIGINAL,
            tag::SUB_SEC_TIME_ORIGINAL,
        ]);
    }
    if ifd0.is_empty() && exif_ifd.is_empty() {
        return Ok(0);
    }
    tiff::remove_tags(block, &ifd0, &exif_ifd)
        .map_err(|e| format!("cannot be written: its EXIF block is damaged ({e})"))
}
