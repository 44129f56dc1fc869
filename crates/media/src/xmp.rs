//! XMP packets through the Adobe XMP Toolkit: parsed from the bytes the container holds (so the
//! toolkit never imports legacy IIM on its own — reconciliation is ours), edited field by field
//! (every other property is kept), serialised as a compact packet.

use std::sync::Once;

use newsdesk_model::ImageMetadata;
use xmp_toolkit::{FromStrOptions, ToStringOptions, XmpMeta, XmpValue, xmp_ns};

/// PLUS (Picture Licensing Universal System), for plus:Licensor/plus:LicensorURL.
const PLUS: &str = "http://ns.useplus.org/ldf/xmp/1.0/";

/// Larger packets are refused rather than parsed (real ones are a few KiB, 64 KiB in JPEG).
const MAX_PACKET: usize = 16 << 20;

fn register_namespaces() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Registration only fails for malformed URIs or prefixes; these are constants.
        let _ = XmpMeta::register_namespace(PLUS, "plus");
        let _ = XmpMeta::register_namespace(xmp_ns::IPTC_CORE, "Iptc4xmpCore");
    });
}

/// Parses a packet as stored in a file (with or without the `<?xpacket?>` wrapper).
pub(crate) fn parse(packet: &[u8]) -> Result<XmpMeta, String> {
    register_namespaces();
    if packet.len() > MAX_PACKET {
        return Err(format!(
            "has an XMP packet of {} bytes, more than this program reads",
            packet.len()
        ));
    }
    let end = packet.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    let text = std::str::from_utf8(&packet[..end])
        .map_err(|_| "is damaged: its XMP packet is not UTF-8 text".to_string())?;
    XmpMeta::from_str_with_options(text, FromStrOptions::default())
        .map_err(|e| format!("is damaged: its XMP packet cannot be parsed ({e})"))
}

pub(crate) fn empty() -> Result<XmpMeta, String> {
    register_namespaces();
    XmpMeta::new().map_err(|e| format!("cannot be written: the XMP toolkit failed ({e})"))
}

fn simple(meta: &XmpMeta, ns: &str, path: &str) -> Option<String> {
    meta.property(ns, path)
        .and_then(|v| crate::text::clean(&v.value))
}

fn lang_alt(meta: &XmpMeta, ns: &str, path: &str) -> Option<String> {
    meta.localized_text(ns, path, None, "x-default")
        .and_then(|(v, _)| crate::text::clean(&v.value))
        .or_else(|| simple(meta, ns, path))
}

fn list(meta: &XmpMeta, ns: &str, path: &str) -> Vec<String> {
    let items: Vec<String> = meta
        .property_array(ns, path)
        .filter_map(|v| crate::text::clean(&v.value))
        .collect();
    if items.is_empty() {
        // A writer that stored a plain value where an array belongs.
        simple(meta, ns, path).into_iter().collect()
    } else {
        items
    }
}

/// The fields XMP carries.
pub(crate) fn read(meta: &XmpMeta) -> ImageMetadata {
    let creators = list(meta, xmp_ns::DC, "creator");
    ImageMetadata {
        creator: (!creators.is_empty()).then(|| creators.join(", ")),
        credit: simple(meta, xmp_ns::PHOTOSHOP, "Credit"),
        copyright: lang_alt(meta, xmp_ns::DC, "rights"),
        source: simple(meta, xmp_ns::PHOTOSHOP, "Source"),
        caption: lang_alt(meta, xmp_ns::DC, "description"),
        headline: simple(meta, xmp_ns::PHOTOSHOP, "Headline"),
        keywords: list(meta, xmp_ns::DC, "subject"),
        date_created: simple(meta, xmp_ns::PHOTOSHOP, "DateCreated")
            .map(|d| d.replacen(' ', "T", 1))
            .filter(|d| crate::dates::parse_iso(d).is_some()),
        city: simple(meta, xmp_ns::PHOTOSHOP, "City"),
        country: simple(meta, xmp_ns::PHOTOSHOP, "Country"),
        usage_terms: lang_alt(meta, xmp_ns::XMP_RIGHTS, "UsageTerms"),
        web_statement: simple(meta, xmp_ns::XMP_RIGHTS, "WebStatement"),
        licensor_url: meta
            .struct_field(PLUS, "Licensor[1]", PLUS, "LicensorURL")
            .and_then(|v| crate::text::clean(&v.value)),
        alt_text: lang_alt(meta, xmp_ns::IPTC_CORE, "AltTextAccessibility"),
    }
}

/// Sets every field of `metadata` (already cleaned for writing); `None` and empty lists
/// delete the property.
pub(crate) fn write(meta: &mut XmpMeta, metadata: &ImageMetadata) -> Result<(), String> {
    let fail = |e: xmp_toolkit::XmpError| {
        format!("cannot be written: the XMP toolkit refused a value ({e})")
    };
    // A property that already holds the new value is left alone, so that writing the same
    // metadata again changes nothing (deleting and re-adding would move it to the end).
    let set_simple = |meta: &mut XmpMeta, ns: &str, path: &str, value: &Option<String>| {
        if meta.property(ns, path).map(|v| v.value) == *value
            && !meta.contains_property(ns, &format!("{path}[1]"))
        {
            return Ok(());
        }
        meta.delete_property(ns, path).map_err(fail)?;
        if let Some(value) = value {
            meta.set_property(ns, path, &XmpValue::new(value.clone()))
                .map_err(fail)?;
        }
        Ok::<(), String>(())
    };
    let set_lang_alt = |meta: &mut XmpMeta, ns: &str, path: &str, value: &Option<String>| {
        let current = meta
            .localized_text(ns, path, None, "x-default")
            .map(|(v, _)| v.value);
        if current == *value && meta.array_len(ns, path) <= 1 {
            return Ok(());
        }
        meta.delete_property(ns, path).map_err(fail)?;
        if let Some(value) = value {
            meta.set_localized_text(ns, path, None, "x-default", value)
                .map_err(fail)?;
        }
        Ok::<(), String>(())
    };
    let set_list = |meta: &mut XmpMeta, ns: &str, path: &str, values: &[String], ordered: bool| {
        let current: Vec<String> = meta.property_array(ns, path).map(|v| v.value).collect();
        if current == values && (!values.is_empty() || !meta.contains_property(ns, path)) {
            return Ok(());
        }
        meta.delete_property(ns, path).map_err(fail)?;
        let array = XmpValue::new(path.to_owned())
            .set_is_array(true)
            .set_is_ordered(ordered);
        for value in values {
            meta.append_array_item(ns, &array, &XmpValue::new(value.clone()))
                .map_err(fail)?;
        }
        Ok::<(), String>(())
    };

    let creators: Vec<String> = metadata.creator.iter().cloned().collect();
    set_list(meta, xmp_ns::DC, "creator", &creators, true)?;
    set_simple(meta, xmp_ns::PHOTOSHOP, "Credit", &metadata.credit)?;
    set_lang_alt(meta, xmp_ns::DC, "rights", &metadata.copyright)?;
    set_simple(meta, xmp_ns::PHOTOSHOP, "Source", &metadata.source)?;
    set_lang_alt(meta, xmp_ns::DC, "description", &metadata.caption)?;
    set_simple(meta, xmp_ns::PHOTOSHOP, "Headline", &metadata.headline)?;
    set_list(meta, xmp_ns::DC, "subject", &metadata.keywords, false)?;
    set_simple(
        meta,
        xmp_ns::PHOTOSHOP,
        "DateCreated",
        &metadata.date_created,
    )?;
    set_simple(meta, xmp_ns::PHOTOSHOP, "City", &metadata.city)?;
    set_simple(meta, xmp_ns::PHOTOSHOP, "Country", &metadata.country)?;
    set_lang_alt(
        meta,
        xmp_ns::XMP_RIGHTS,
        "UsageTerms",
        &metadata.usage_terms,
    )?;
    set_simple(
        meta,
        xmp_ns::XMP_RIGHTS,
        "WebStatement",
        &metadata.web_statement,
    )?;
    set_lang_alt(
        meta,
        xmp_ns::IPTC_CORE,
        "AltTextAccessibility",
        &metadata.alt_text,
    )?;

    // plus:Licensor is a Seq of structures; only the first one's URL is ours, its other
    // fields (LicensorName, …) stay.
    let has_licensor = meta.array_len(PLUS, "Licensor") > 0;
    match (&metadata.licensor_url, has_licensor) {
        (None, true) => {
            meta.delete_struct_field(PLUS, "Licensor[1]", PLUS, "LicensorURL")
                .map_err(fail)?;
        }
        (None, false) => {}
        (Some(url), has) => {
            if !has {
                meta.delete_property(PLUS, "Licensor").map_err(fail)?;
                let array = XmpValue::new("Licensor".to_owned())
                    .set_is_array(true)
                    .set_is_ordered(true);
                meta.append_array_item(
                    PLUS,
                    &array,
                    &XmpValue::new(String::new()).set_is_struct(true),
                )
                .map_err(fail)?;
            }
            meta.set_struct_field(
                PLUS,
                "Licensor[1]",
                PLUS,
                "LicensorURL",
                &XmpValue::new(url.clone()),
            )
            .map_err(fail)?;
        }
    }
    Ok(())
}

/// The packet as files store it: wrapped in `<?xpacket?>`, compact, with the usual padding
/// so that other programs can edit it in place.
pub(crate) fn serialize(meta: &XmpMeta) -> Result<Vec<u8>, String> {
    serialize_with(meta, ToStringOptions::default().use_compact_format())
}

fn serialize_with(meta: &XmpMeta, options: ToStringOptions) -> Result<Vec<u8>, String> {
    let write = |meta: &XmpMeta| {
        meta.to_string_with_options(options.clone()).map_err(|e| {
            format!("cannot be written: the XMP toolkit could not serialise the packet ({e})")
        })
    };
    // The toolkit orders schemas by when they were created, a parsed packet by where they
    // appear: one more round makes the output a fixed point, so writing the same metadata
    // into the written file again gives the same bytes.
    let first = write(meta)?;
    let reparsed = parse(first.as_bytes())?;
    write(&reparsed).map(String::into_bytes)
}

/// The packet in at most `limit` bytes (one JPEG segment): as [`serialize`] when it fits,
/// else without formatting whitespace and padding, else also without
/// photoshop:DocumentAncestors (the list Photoshop lets grow to megabytes). `None` when even
/// that does not fit.
pub(crate) fn serialize_within(
    meta: &mut XmpMeta,
    limit: usize,
) -> Result<Option<Vec<u8>>, String> {
    let packet = serialize(meta)?;
    if packet.len() <= limit {
        return Ok(Some(packet));
    }
    let tight = || {
        ToStringOptions::default()
            .use_compact_format()
            .omit_all_formatting()
            .set_padding(0)
    };
    let packet = serialize_with(meta, tight())?;
    if packet.len() <= limit {
        return Ok(Some(packet));
    }
    meta.delete_property(xmp_ns::PHOTOSHOP, "DocumentAncestors")
        .map_err(|e| format!("cannot be written: the XMP toolkit failed ({e})"))?;
    let packet = serialize_with(meta, tight())?;
    Ok((packet.len() <= limit).then_some(packet))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> ImageMetadata {
        ImageMetadata {
            creator: Some("Anna Müller".into()),
            credit: Some("Thüringer Staatskanzlei".into()),
            copyright: Some("© 2024 Freistaat Thüringen".into()),
            source: Some("TSK".into()),
            caption: Some("„Grüße“ aus Erfurt".into()),
            headline: Some("Landtag".into()),
            keywords: vec!["Erfurt".into(), "Landtag".into()],
            date_created: Some("2024-03-01T10:15:00+01:00".into()),
            city: Some("Erfurt".into()),
            country: Some("Deutschland".into()),
            usage_terms: Some("Nur redaktionell".into()),
            web_statement: Some("https://example.org/rights".into()),
            licensor_url: Some("https://example.org/licence".into()),
            alt_text: Some("Ein Saal mit Abgeordneten".into()),
        }
    }

    #[test]
    fn every_field_round_trips_through_a_packet() {
        let mut meta = empty().expect("toolkit");
        write(&mut meta, &full()).expect("writes");
        let packet = serialize(&meta).expect("serialises");
        let text = String::from_utf8(packet.clone()).expect("utf-8");
        assert!(text.contains("AltTextAccessibility"), "{text}");
        assert_eq!(read(&parse(&packet).expect("parses")), full());
    }

    #[test]
    fn none_removes_and_other_properties_stay() {
        let mut meta = empty().expect("toolkit");
        write(&mut meta, &full()).expect("writes");
        meta.set_property(xmp_ns::XMP, "Rating", &XmpValue::new("5".to_owned()))
            .expect("set");
        write(&mut meta, &ImageMetadata::default()).expect("writes");
        let reread = parse(&serialize(&meta).expect("serialises")).expect("parses");
        assert_eq!(read(&reread), ImageMetadata::default());
        assert_eq!(
            reread.property(xmp_ns::XMP, "Rating").map(|v| v.value),
            Some("5".into())
        );
    }

    #[test]
    fn oversized_packets_shrink_to_fit_a_jpeg_segment() {
        let mut meta = empty().expect("toolkit");
        write(&mut meta, &full()).expect("writes");
        let array = XmpValue::new("DocumentAncestors".to_owned()).set_is_array(true);
        for i in 0..3000 {
            let id = XmpValue::new(format!("xmp.did:{i:032}"));
            meta.append_array_item(xmp_ns::PHOTOSHOP, &array, &id)
                .expect("append");
        }
        assert!(serialize(&meta).expect("serialises").len() > 65000);
        let packet = serialize_within(&mut meta, 65000)
            .expect("serialises")
            .expect("fits");
        assert!(packet.len() <= 65000);
        assert_eq!(
            read(&parse(&packet).expect("parses")),
            full(),
            "our fields survive"
        );
    }

    #[test]
    fn garbage_reads_as_empty_and_non_utf8_is_an_error() {
        // The toolkit's parser is lenient: what it cannot understand it leaves out.
        for text in [
            &b"<<<>>>"[..],
            b"plain text",
            b"<a></b>",
            b"<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>",
        ] {
            let meta = parse(text).expect("lenient");
            assert_eq!(read(&meta), ImageMetadata::default());
        }
        assert!(parse(b"\xFF\xFE<x").is_err());
    }
}
