//! A full disk (on a real tmpfs): the library stays readable, every write says "disk full"
//! with the folder, a write that ran out of space leaves no large log behind, and nothing
//! acknowledged is lost once space is freed.

use std::path::Path;

use newsdesk_model::limits::WAL_KEPT_BYTES;

use crate::tmpfs::{Tmpfs, pictures};
use crate::{json, nd, ok, samples};

fn stderr_of(db: &Path, args: &[&str]) -> String {
    let out = nd(db, args);
    assert!(
        !out.status.success(),
        "newsdesk {args:?} must fail on a full disk, printed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Says the disk is full and names the folder on it.
fn says_disk_full(message: &str, folder: &Path) {
    assert!(message.contains("disk full"), "says disk full: {message}");
    assert!(
        message.contains(&folder.display().to_string()),
        "names the folder {}: {message}",
        folder.display()
    );
}

fn titles(db: &Path) -> Vec<String> {
    let mut titles: Vec<String> = json(db, &["article", "list", "--json"])
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| a["title"].as_str().expect("title").to_string())
        .collect();
    titles.sort();
    titles
}

#[test]
fn a_library_on_a_full_disk_is_read_and_every_write_says_disk_full() {
    let disk = Tmpfs::mount("8m");
    let db = disk.path().join("lib.sqlite");
    ok(
        &db,
        &["article", "import", samples().to_str().expect("utf-8")],
    );
    // An article without pictures (the samples' lack credits, which an export refuses).
    let plain = ok(&db, &["article", "new", "--title", "Ohne Bilder"])
        .trim()
        .to_string();
    let before = titles(&db);
    let ballast = disk.fill();
    // The last process closed the library cleanly: SQLite must make a new -shm to read.
    for companion in ["lib.sqlite-wal", "lib.sqlite-shm"] {
        assert!(
            !disk.path().join(companion).exists(),
            "{companion} is gone after a clean close, as in the case reported"
        );
    }

    assert_eq!(titles(&db), before, "the list reads on a full disk");
    let first = json(&db, &["article", "list", "--json"])[0].clone();
    let id = first["id"].to_string();
    let shown = json(&db, &["article", "show", &id, "--json"]);
    assert_eq!(shown["title"], first["title"], "an article reads whole");
    let hits = ok(&db, &["search", "Digitalisierung"]);
    assert!(!hits.trim().is_empty(), "search answers from the index");
    ok(&db, &["db", "check"]);
    let info = json(&db, &["db", "info", "--json"]);
    assert_eq!(
        info["read_only"]["code"], "disk_full",
        "the library says why it is read-only: {info}"
    );

    let folder = disk.path();
    says_disk_full(
        &stderr_of(
            &db,
            &["article", "new", "--title", "Auf vollem Datenträger"],
        ),
        folder,
    );
    let changed = tempfile::NamedTempFile::new().expect("article file");
    std::fs::write(changed.path(), "---\ntitle: Geändert\n---\nText\n").expect("written");
    says_disk_full(
        &stderr_of(
            &db,
            &[
                "article",
                "update",
                &id,
                changed.path().to_str().expect("utf-8"),
            ],
        ),
        folder,
    );
    let picture = crate::images::fixtures().join("made/iim-utf8.jpg");
    says_disk_full(
        &stderr_of(&db, &["image", "import", picture.to_str().expect("utf-8")]),
        folder,
    );
    let export = disk.path().join("export.html");
    says_disk_full(
        &stderr_of(
            &db,
            &[
                "article",
                "export",
                &plain,
                "--format",
                "html",
                "-o",
                export.to_str().expect("utf-8"),
            ],
        ),
        folder,
    );
    let backup = disk.path().join("backup.sqlite");
    says_disk_full(
        &stderr_of(&db, &["db", "backup", backup.to_str().expect("utf-8")]),
        folder,
    );
    assert!(!backup.exists(), "no backup appears under its name");

    // Space freed: writing works again, and everything saved before is there.
    std::fs::remove_file(&ballast).expect("ballast removed");
    ok(&db, &["article", "new", "--title", "Nach dem Aufräumen"]);
    let mut expected = before.clone();
    expected.push("Nach dem Aufräumen".into());
    expected.sort();
    assert_eq!(titles(&db), expected, "nothing acknowledged is lost");
    ok(&db, &["db", "check"]);
    assert!(
        json(&db, &["db", "info", "--json"])
            .get("read_only")
            .is_none(),
        "writable again"
    );
}

#[test]
fn a_write_that_ran_out_of_space_leaves_no_large_log_behind() {
    let disk = Tmpfs::mount("10m");
    let db = disk.path().join("lib.sqlite");
    ok(
        &db,
        &["article", "import", samples().to_str().expect("utf-8")],
    );
    let before = titles(&db);
    let free_before = disk.free();
    // Another process holds the library open (the app): the log is not removed on close.
    let holder = rusqlite::Connection::open(&db).expect("a second process's view");
    holder
        .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .expect("it reads");
    // An article larger than the free space even compressed (bodies are stored compressed):
    // 14 MiB of words of random letters and digits.
    let words = noise_words(&mut 0x9e37_79b9_7f4a_7c15, 1_300_000, 10);
    let huge = tempfile::NamedTempFile::new().expect("article file");
    std::fs::write(
        huge.path(),
        format!("---\ntitle: Riesig\n---\n{}\n", words.join(" ")),
    )
    .expect("written");
    let out = nd(
        &db,
        &["article", "import", huge.path().to_str().expect("utf-8")],
    );
    assert!(!out.status.success(), "the import cannot fit");
    says_disk_full(&String::from_utf8_lossy(&out.stderr), disk.path());
    assert!(out.stdout.is_empty(), "nothing was acknowledged");
    let wal = std::fs::metadata(disk.path().join("lib.sqlite-wal")).map_or(0, |m| m.len());
    assert!(
        wal <= WAL_KEPT_BYTES,
        "the rolled-back write gave its space back: the log holds {wal} bytes"
    );
    assert!(
        disk.free() + (1 << 20) >= free_before,
        "the space is free again: {} of {free_before} bytes",
        disk.free()
    );
    assert_eq!(titles(&db), before, "the library is as before");
    ok(&db, &["db", "check"]);
    drop(holder);
}

#[test]
fn an_import_that_fills_the_disk_loses_nothing_it_acknowledged() {
    let disk = Tmpfs::mount("24m");
    let db = disk.path().join("lib.sqlite");
    ok(
        &db,
        &["article", "import", samples().to_str().expect("utf-8")],
    );
    // Room to free afterwards, as a user would.
    let ballast = disk.path().join("ballast");
    std::fs::write(&ballast, vec![0u8; 8 << 20]).expect("ballast");
    let source = tempfile::tempdir().expect("articles");
    // Bodies are stored compressed: words of random letters, so that the first batch of
    // 1,000 articles (about 5 MB) fits and the next do not.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for n in 0..2_500u64 {
        let body = noise_words(&mut state, 1_200, 6);
        std::fs::write(
            source.path().join(format!("{n:04}.md")),
            format!(
                "---\ntitle: Artikel {n:04}\nsection: Politik\n---\n{}\n",
                body.join(" ")
            ),
        )
        .expect("article");
    }
    let out = nd(
        &db,
        &["article", "import", source.path().to_str().expect("utf-8")],
    );
    assert!(!out.status.success(), "2,500 articles of 8 KB do not fit");
    says_disk_full(&String::from_utf8_lossy(&out.stderr), disk.path());
    let acknowledged: Vec<i64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().parse().expect("ids"))
        .collect();
    assert!(
        !acknowledged.is_empty(),
        "some batches fitted before the disk was full"
    );
    std::fs::remove_file(&ballast).expect("space freed");
    ok(&db, &["db", "check"]);
    let stored: Vec<i64> = json(&db, &["article", "list", "--json", "--limit", "5000"])
        .as_array()
        .expect("list")
        .iter()
        .map(|a| a["id"].as_i64().expect("id"))
        .collect();
    for id in &acknowledged {
        assert!(
            stored.contains(id),
            "acknowledged article {id} must be there"
        );
    }
}

#[test]
fn without_its_search_index_a_library_on_a_full_disk_still_lists_and_says_why_not_search() {
    let disk = Tmpfs::mount("8m");
    let db = disk.path().join("lib.sqlite");
    ok(
        &db,
        &["article", "import", samples().to_str().expect("utf-8")],
    );
    std::fs::remove_dir_all(db.with_extension("search")).expect("index removed");
    let ballast = disk.fill();
    assert_eq!(titles(&db).len(), 6, "listing needs no index");
    let refused = stderr_of(&db, &["search", "Digitalisierung"]);
    says_disk_full(&refused, disk.path());
    assert!(
        refused.contains("search index"),
        "says what is missing: {refused}"
    );
    std::fs::remove_file(&ballast).expect("space freed");
    assert!(
        !ok(&db, &["search", "Digitalisierung"]).trim().is_empty(),
        "the index is made once there is room"
    );
}

#[test]
fn pictures_imported_onto_a_full_disk_are_refused_in_words_and_none_is_half_there() {
    let disk = Tmpfs::mount("32m");
    let db = disk.path().join("lib.sqlite");
    ok(
        &db,
        &["article", "import", samples().to_str().expect("utf-8")],
    );
    let source = tempfile::tempdir().expect("pictures");
    let files = pictures(source.path(), 12, 900, 700);
    let ballast = disk.path().join("ballast");
    // Room for the library's own writes and a few pictures, not for twelve.
    let room = 2 << 20;
    std::fs::write(&ballast, vec![0u8; (disk.free() - room) as usize]).expect("ballast");
    let out = nd(
        &db,
        &[
            "image",
            "import",
            source.path().to_str().expect("utf-8"),
            "--json",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "not all twelve fit");
    assert!(stderr.contains("disk full"), "says disk full: {stderr}");
    let media = db.with_extension("media");
    let leftovers: Vec<String> = crate::tmpfs::files_under(&media)
        .into_iter()
        .filter(|f| f.ends_with(".part") || f.contains("/.tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files stay: {leftovers:?}"
    );
    std::fs::remove_file(&ballast).expect("space freed");
    let listed = json(&db, &["image", "list", "--json"]);
    for image in listed.as_array().expect("list") {
        let id = image["id"].to_string();
        let out = disk.path().join(format!("{id}.jpg"));
        ok(
            &db,
            &["image", "export", &id, "-o", out.to_str().expect("utf-8")],
        );
    }
    ok(
        &db,
        &["image", "import", source.path().to_str().expect("utf-8")],
    );
    assert_eq!(
        json(&db, &["image", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(files.len()),
        "once there is room, all of them"
    );
    ok(&db, &["db", "check"]);
}

#[test]
fn a_library_on_a_read_only_disk_is_read_and_a_write_says_why_not() {
    let disk = Tmpfs::mount("8m");
    let db = disk.path().join("lib.sqlite");
    ok(
        &db,
        &["article", "import", samples().to_str().expect("utf-8")],
    );
    let picture = crate::images::fixtures().join("made/iim-utf8.jpg");
    ok(&db, &["image", "import", picture.to_str().expect("utf-8")]);
    let before = titles(&db);
    disk.remount_read_only();
    assert_eq!(titles(&db), before, "the list reads from a read-only disk");
    ok(&db, &["db", "check"]);
    let id = json(&db, &["image", "list", "--json"])[0]["id"].to_string();
    let elsewhere = tempfile::tempdir().expect("a writable folder");
    let out = elsewhere.path().join("foto.jpg");
    ok(
        &db,
        &["image", "export", &id, "-o", out.to_str().expect("utf-8")],
    );
    let info = json(&db, &["db", "info", "--json"]);
    assert_eq!(info["read_only"]["code"], "storage", "{info}");
    let refused = stderr_of(&db, &["article", "new", "--title", "Nicht möglich"]);
    assert!(
        refused.contains("open for reading only") && refused.contains(&db.display().to_string()),
        "says why nothing can be saved, naming the library: {refused}"
    );
    assert!(
        !refused.contains("disk full"),
        "the disk is not full: {refused}"
    );
}

#[test]
fn a_search_index_on_a_full_disk_of_its_own_keeps_answering_and_catches_up_later() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    ok(
        &db,
        &["article", "import", samples().to_str().expect("utf-8")],
    );
    // The index folder on a disk of its own, which then fills up.
    let index = db.with_extension("search");
    let kept = dir.path().join("index-copy");
    std::fs::rename(&index, &kept).expect("index moved aside");
    std::fs::create_dir(&index).expect("mount point");
    let disk = Tmpfs::mount_on(&index, "2m");
    for file in std::fs::read_dir(&kept)
        .expect("index files")
        .map_while(Result::ok)
    {
        std::fs::copy(file.path(), index.join(file.file_name())).expect("index file back");
    }
    let ballast = disk.fill();

    let id = ok(&db, &["article", "new", "--title", "Neuigkeit aus Erfurt"]);
    assert!(
        !id.trim().is_empty(),
        "the library itself has room: the save is acknowledged"
    );
    assert!(
        !ok(&db, &["search", "Digitalisierung"]).trim().is_empty(),
        "search answers from the index as it is"
    );
    std::fs::remove_file(&ballast).expect("space freed");
    let found = ok(&db, &["search", "Neuigkeit"]);
    assert!(
        found.contains("Neuigkeit aus Erfurt"),
        "the queued article is indexed once there is room: {found}"
    );
}

/// `count` words of `len` random letters and digits (about 6 bits of information a character,
/// so compression barely shrinks them), from the xorshift state `state`.
fn noise_words(state: &mut u64, count: usize, len: usize) -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    (0..count)
        .map(|_| {
            (0..len)
                .map(|_| {
                    *state ^= *state << 13;
                    *state ^= *state >> 7;
                    *state ^= *state << 17;
                    ALPHABET[(*state % ALPHABET.len() as u64) as usize] as char
                })
                .collect()
        })
        .collect()
}
