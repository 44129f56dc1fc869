//! Which value wins when IPTC IIM, XMP and EXIF disagree — the Metadata Working Group's
//! Guidelines for Handling Image Metadata 2.0, as exiftool's MWG module implements them, with
//! one deliberate difference for EXIF.
//!
//! **IIM against XMP** (creator, credit, copyright, source, caption, headline, keywords, date,
//! city, country), decided by the Photoshop "IPTC digest" (image resource 0x0425, the MD5 of
//! the IIM block as it was when a digest-aware program last wrote both):
//!
//! 1. digest present and equal to the MD5 of the IIM block now: the two are in sync — **XMP
//!    wins**, IIM only fills fields XMP lacks;
//! 2. digest present but different: an older program changed IIM after — **IIM wins** where
//!    the two differ, except where the IIM value is the start of the XMP value (IIM's length
//!    limits cut it: MWG "recover truncated IPTC"), then XMP's full value is kept;
//! 3. no digest: **XMP wins**, IIM fills what XMP lacks.
//!
//! Keywords are one list: the winning side's list is taken whole, not merged.
//!
//! **EXIF** (Artist → creator, Copyright → copyright, ImageDescription → caption,
//! DateTimeOriginal (+ OffsetTimeOriginal) → date): EXIF only fills what both IIM and XMP
//! lack. MWG would let a non-blank EXIF value win; we do not, because EXIF ASCII fields are
//! where cameras leave their defaults ("OLYMPUS DIGITAL CAMERA", an owner name set once in the
//! menu) and where old programs write text in an unknown character set, while the credit a
//! newsroom relies on lives in IIM/XMP. What we do follow from MWG: blank EXIF values count as
//! absent, and EXIF text is read as UTF-8 when valid, else as Latin-1. When writing, EXIF
//! values that contradict the new metadata are removed, so MWG readers that prefer EXIF see
//! the same credits as we do.
//!
//! Fields only XMP has (usage terms, web statement, licensor URL, alt text) come from XMP.

use newsdesk_model::ImageMetadata;

/// What the IPTC digest says about the IIM block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Digest {
    /// No digest stored (or no IIM at all).
    Absent,
    /// The stored digest is the MD5 of the IIM block.
    Matches,
    /// The IIM block changed after the digest was stored.
    Differs,
}

pub(crate) fn reconcile(
    iim: &ImageMetadata,
    xmp: &ImageMetadata,
    exif: &ImageMetadata,
    digest: Digest,
) -> ImageMetadata {
    let pick = |iim: &Option<String>, xmp: &Option<String>, exif: Option<&Option<String>>| {
        let legacy = match (iim, xmp, digest) {
            (Some(i), Some(x), Digest::Differs) if i != x && !x.starts_with(i.as_str()) => {
                Some(i.clone())
            }
            (_, Some(x), _) => Some(x.clone()),
            (i, None, _) => i.clone(),
        };
        legacy.or_else(|| exif.and_then(Clone::clone))
    };
    let keywords = match digest {
        Digest::Differs if !iim.keywords.is_empty() => iim.keywords.clone(),
        _ if !xmp.keywords.is_empty() => xmp.keywords.clone(),
        _ => iim.keywords.clone(),
    };
    ImageMetadata {
        creator: pick(&iim.creator, &xmp.creator, Some(&exif.creator)),
        credit: pick(&iim.credit, &xmp.credit, None),
        copyright: pick(&iim.copyright, &xmp.copyright, Some(&exif.copyright)),
        source: pick(&iim.source, &xmp.source, None),
        caption: pick(&iim.caption, &xmp.caption, Some(&exif.caption)),
        headline: pick(&iim.headline, &xmp.headline, None),
        keywords,
        date_created: pick_date(&iim.date_created, &xmp.date_created, digest)
            .or_else(|| exif.date_created.clone()),
        city: pick(&iim.city, &xmp.city, None),
        country: pick(&iim.country, &xmp.country, None),
        usage_terms: xmp.usage_terms.clone(),
        web_statement: xmp.web_statement.clone(),
        licensor_url: xmp.licensor_url.clone(),
        alt_text: xmp.alt_text.clone(),
    }
}

/// Dates are compared by what they say, not how precisely: IIM has no fractions of seconds,
/// and an XMP date that agrees on the IIM date's precision is the same date.
fn pick_date(iim: &Option<String>, xmp: &Option<String>, digest: Digest) -> Option<String> {
    match (iim, xmp, digest) {
        (Some(i), Some(x), Digest::Differs) if !same_date(i, x) => Some(i.clone()),
        (_, Some(x), _) => Some(x.clone()),
        (i, None, _) => i.clone(),
    }
}

fn same_date(iim: &str, xmp: &str) -> bool {
    let key = |s: &str| crate::dates::to_iim(s);
    match (key(iim), key(xmp)) {
        (Some((di, ti)), Some((dx, tx))) => {
            di == dx
                && match (ti, tx) {
                    (Some(a), Some(b)) => a.get(..6) == b.get(..6),
                    _ => true,
                }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(value: &str) -> ImageMetadata {
        ImageMetadata {
            credit: Some(value.into()),
            ..ImageMetadata::default()
        }
    }

    #[test]
    fn digest_rules() {
        let iim = credit("IIM");
        let xmp = credit("XMP");
        let none = ImageMetadata::default();
        assert_eq!(
            reconcile(&iim, &xmp, &none, Digest::Matches)
                .credit
                .as_deref(),
            Some("XMP")
        );
        assert_eq!(
            reconcile(&iim, &xmp, &none, Digest::Absent)
                .credit
                .as_deref(),
            Some("XMP")
        );
        assert_eq!(
            reconcile(&iim, &xmp, &none, Digest::Differs)
                .credit
                .as_deref(),
            Some("IIM")
        );
        assert_eq!(
            reconcile(&iim, &none, &none, Digest::Matches)
                .credit
                .as_deref(),
            Some("IIM")
        );
        assert_eq!(
            reconcile(&none, &xmp, &none, Digest::Differs)
                .credit
                .as_deref(),
            Some("XMP")
        );
    }

    #[test]
    fn truncated_iim_keeps_the_full_xmp_value() {
        let iim = credit("Thüringer Staats");
        let xmp = credit("Thüringer Staatskanzlei");
        let out = reconcile(&iim, &xmp, &ImageMetadata::default(), Digest::Differs);
        assert_eq!(out.credit.as_deref(), Some("Thüringer Staatskanzlei"));
    }

    #[test]
    fn exif_only_fills_gaps() {
        let exif = ImageMetadata {
            creator: Some("Camera Owner".into()),
            caption: Some("EXIF caption".into()),
            ..ImageMetadata::default()
        };
        let xmp = ImageMetadata {
            creator: Some("Anna".into()),
            ..ImageMetadata::default()
        };
        let out = reconcile(&ImageMetadata::default(), &xmp, &exif, Digest::Absent);
        assert_eq!(out.creator.as_deref(), Some("Anna"));
        assert_eq!(out.caption.as_deref(), Some("EXIF caption"));
    }

    #[test]
    fn dates_compare_by_meaning() {
        assert!(same_date("2011-11-19T19:55:44", "2011-11-19T19:55:44.009"));
        assert!(same_date("2011-11-19", "2011-11-19T19:55:44"));
        assert!(!same_date("2011-11-20", "2011-11-19"));
    }
}
