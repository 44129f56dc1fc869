//! The image library's table: stored once by hash, credits edited singly and in bulk,
//! keywords in the shared vocabulary, filters and the credit report.

use chrono::NaiveDate;
use newsdesk_model::{ImageFilter, ImageMetadata, ImagePatch, ImageRef, LicenseKind};
use newsdesk_store::NewImage;

use crate::{article, at, library};

fn picture(n: u8, credit: Option<&str>) -> NewImage {
    NewImage {
        hash: format!("{n:02x}").repeat(32),
        file: format!("bild-{n}.jpg"),
        format: "jpeg".into(),
        width: 4000,
        height: 3000,
        bytes: 1_234_567,
        phash: 0xF0F0_0F0F_AAAA_5555 ^ u64::from(n),
        metadata: ImageMetadata {
            credit: credit.map(str::to_string),
            caption: Some(format!("Kabinettssitzung {n} in der Staatskanzlei")),
            keywords: vec!["Thüringen".into(), "Kabinett".into()],
            ..ImageMetadata::default()
        },
    }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

#[test]
fn the_same_file_is_stored_once_and_keeps_what_its_file_said() {
    let lib = library();
    let (first, new) = lib
        .store
        .insert_image(&picture(1, Some("Thüringer Staatskanzlei")), at(1))
        .expect("stored");
    assert!(new);
    let (again, new_again) = lib
        .store
        .insert_image(&picture(1, Some("another credit")), at(2))
        .expect("found");
    assert!(!new_again, "same hash: the library holds it already");
    assert_eq!(again.id, first.id);
    assert_eq!(
        again.metadata.credit.as_deref(),
        Some("Thüringer Staatskanzlei")
    );
    assert_eq!(first.credit_line, "Thüringer Staatskanzlei");
    assert_eq!(first.metadata.keywords, ["Thüringen", "Kabinett"]);
    // Edited credits change the picture, not the record of what the file said.
    lib.store
        .patch_images(
            &[first.id],
            &ImagePatch {
                credit: Some("dpa".into()),
                ..ImagePatch::default()
            },
            at(3),
        )
        .expect("patched");
    let from_file = lib.store.image_file_metadata(first.id).expect("from file");
    assert_eq!(from_file.credit.as_deref(), Some("Thüringer Staatskanzlei"));
    assert_eq!(lib.store.image(first.id).expect("image").credit_line, "dpa");
}

#[test]
fn a_selection_gets_credit_and_license_at_once_and_bad_values_change_nothing() {
    let lib = library();
    let ids: Vec<i64> = (1..=3)
        .map(|n| {
            lib.store
                .insert_image(&picture(n, None), at(1))
                .expect("stored")
                .0
                .id
        })
        .collect();
    let patch = ImagePatch {
        credit: Some("Thüringer Staatskanzlei".into()),
        license: Some("handout".into()),
        expires: Some("2026-12-24".into()),
        ..ImagePatch::default()
    };
    let changed = lib
        .store
        .patch_images(&ids, &patch, at(2))
        .expect("bulk patch");
    assert!(
        changed
            .iter()
            .all(|i| i.credit_line == "Thüringer Staatskanzlei"
                && i.license == Some(LicenseKind::Handout)
                && i.expires == Some(day("2026-12-24")))
    );
    let bad = ImagePatch {
        credit: Some("x".into()),
        expires: Some("24.12.2026".into()),
        ..ImagePatch::default()
    };
    let refused = lib
        .store
        .patch_images(&ids, &bad, at(3))
        .expect_err("not a date");
    assert!(refused.to_string().contains("YYYY-MM-DD"), "{refused}");
    assert_eq!(
        lib.store.image(ids[0]).expect("image").credit_line,
        "Thüringer Staatskanzlei",
        "a refused patch changes nothing"
    );
    // Clearing: an empty text removes the value.
    let cleared = lib
        .store
        .patch_images(
            &ids[..1],
            &ImagePatch {
                credit: Some(String::new()),
                license: Some(String::new()),
                ..ImagePatch::default()
            },
            at(4),
        )
        .expect("cleared");
    assert_eq!(cleared[0].metadata.credit, None);
    assert_eq!(cleared[0].license, None);
}

#[test]
fn filters_find_missing_credits_expiring_and_expired_licenses_and_keywords() {
    let lib = library();
    let today = day("2026-11-29");
    let credited = lib
        .store
        .insert_image(&picture(1, Some("dpa")), at(1))
        .expect("1")
        .0;
    let uncredited = lib
        .store
        .insert_image(&picture(2, None), at(2))
        .expect("2")
        .0;
    let soon = lib
        .store
        .insert_image(&picture(3, Some("dpa")), at(3))
        .expect("3")
        .0;
    let over = lib
        .store
        .insert_image(&picture(4, Some("dpa")), at(4))
        .expect("4")
        .0;
    let set_expiry = |id: i64, date: &str| {
        lib.store
            .patch_images(
                &[id],
                &ImagePatch {
                    expires: Some(date.into()),
                    ..ImagePatch::default()
                },
                at(5),
            )
            .expect("expiry")
    };
    set_expiry(soon.id, "2026-12-20");
    set_expiry(over.id, "2026-11-28");
    let ids = |filter: ImageFilter| -> Vec<i64> {
        let mut ids: Vec<i64> = lib
            .store
            .images(&filter, today)
            .expect("list")
            .iter()
            .map(|i| i.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(
        ids(ImageFilter {
            missing_credit: Some(true),
            ..ImageFilter::default()
        }),
        [uncredited.id]
    );
    assert_eq!(
        ids(ImageFilter {
            expiring_within: Some(30),
            ..ImageFilter::default()
        }),
        [soon.id],
        "expired yesterday is not 'expiring'"
    );
    assert_eq!(
        ids(ImageFilter {
            expired: Some(true),
            ..ImageFilter::default()
        }),
        [over.id]
    );
    lib.store
        .tag_images(
            &[credited.id],
            &["Erfurt".into()],
            &["kabinett".into()],
            at(6),
        )
        .expect("tagged");
    assert_eq!(
        lib.store
            .image(credited.id)
            .expect("image")
            .metadata
            .keywords,
        ["Thüringen", "Erfurt"],
        "removal is case-insensitive; order kept"
    );
    assert_eq!(
        ids(ImageFilter {
            tag: Some("ERFURT".into()),
            ..ImageFilter::default()
        }),
        [credited.id]
    );
    assert!(
        lib.store
            .tag_names()
            .expect("vocabulary")
            .contains(&"Erfurt".to_string()),
        "image keywords share the articles' vocabulary"
    );
    assert_eq!(
        ids(ImageFilter {
            text: Some("staatskanzlei 2".into()),
            ..ImageFilter::default()
        }),
        [uncredited.id]
    );
}

#[test]
fn the_credit_report_lists_each_use_in_an_article_of_the_period() {
    let lib = library();
    let image = lib
        .store
        .insert_image(&picture(7, Some("dpa")), at(1))
        .expect("stored")
        .0;
    let mut content = article("Kabinett tagt");
    content.date = Some(day("2026-11-20"));
    content.images = vec![ImageRef {
        file: format!("sha256:{}", image.hash),
        caption: "Kabinett".into(),
        credit: "dpa".into(),
        alt: "Das Kabinett am Tisch".into(),
    }];
    let used = lib
        .store
        .insert_article(&content, newsdesk_model::Status::Draft, "", at(2))
        .expect("article");
    content.date = Some(day("2026-10-01"));
    lib.store
        .insert_article(&content, newsdesk_model::Status::Draft, "", at(3))
        .expect("older article");
    let uses = lib
        .store
        .image_uses(day("2026-11-01"), day("2026-11-30"))
        .expect("report");
    assert_eq!(uses.len(), 1, "only the article of November: {uses:?}");
    assert_eq!(uses[0].article_id, used.id);
    assert_eq!(uses[0].credit_line, "dpa");
    assert_eq!(uses[0].file, "bild-7.jpg");
}

#[test]
fn the_credit_format_is_checked_and_used_for_every_line() {
    let lib = library();
    let mut new = picture(9, Some("dpa"));
    new.metadata.creator = Some("Anna Muster".into());
    let image = lib.store.insert_image(&new, at(1)).expect("stored").0;
    assert!(lib.store.set_credit_format("{credit").is_err());
    lib.store
        .set_credit_format("{credit}[ / Foto: {creator}]")
        .expect("format");
    assert_eq!(
        lib.store.image(image.id).expect("image").credit_line,
        "dpa / Foto: Anna Muster"
    );
}
