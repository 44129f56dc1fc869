//! The store against real SQLite files in temporary folders.

mod articles;
mod backup;
mod images;
mod index;
mod migrations;
mod outbox;
mod revisions;
mod search;

use std::path::PathBuf;

use chrono::{DateTime, TimeZone, Utc};
use newsdesk_model::{ArticleContent, ImageRef, Link};
use newsdesk_store::Store;

pub struct Library {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl Library {
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("library.sqlite")
    }
}

pub fn library() -> Library {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("library.sqlite")).expect("new library opens");
    Library { dir, store }
}

pub fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, minute, 0)
        .single()
        .expect("valid time")
}

pub fn article(title: &str) -> ArticleContent {
    ArticleContent {
        kicker: "Thüringen".into(),
        title: title.into(),
        kind: "Meldung".into(),
        section: "Politik".into(),
        date: chrono::NaiveDate::from_ymd_opt(2018, 12, 13),
        author: "ba".into(),
        teaser:
            "Beim zweiten Digitalisierungskabinett stand die Verwaltungsdigitalisierung im Fokus."
                .into(),
        tags: vec![
            "Politik".into(),
            "Thüringen".into(),
            "Hartmut Schubert".into(),
        ],
        images: vec![ImageRef {
            file: "kabinett.jpg".into(),
            caption: "Thüringen-CIO Hartmut Schubert".into(),
            credit: "Thüringer Staatskanzlei".into(),
            alt: "Zwei Personen am Pult".into(),
        }],
        links: vec![Link {
            title: "www.thueringen.de".into(),
            url: "http://www.thueringen.de".into(),
            kind: String::new(),
        }],
        body: "Die Landesregierung hat sich mit der Straße und Maßnahmen befasst.\n\n> Zitat\n"
            .into(),
        ..ArticleContent::default()
    }
}
