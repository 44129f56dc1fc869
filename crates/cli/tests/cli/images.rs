//! `newsdesk image …` on real picture files: credits read from IPTC/XMP/EXIF, stored once,
//! edited in bulk, filtered, exported with the credits inside (read back by exiftool),
//! thumbnails, look-alikes, the credit report and the guard on "ready".

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{BIN, json, nd, ok};

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../media/tests/fixtures")
}

fn hostile() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../media/tests/hostile")
}

pub fn path_text(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

pub fn library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    (dir, db)
}

/// exiftool's reading of `file` (one object), or a failure saying how to get exiftool.
pub fn exiftool(file: &Path) -> serde_json::Value {
    let out = Command::new("exiftool")
        .args(["-j", "-G1", "-charset", "iptc=utf8"])
        .arg(file)
        .output()
        .expect("exiftool runs (Debian: libimage-exiftool-perl; `make deps` installs it)");
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("exiftool JSON");
    all[0].clone()
}

fn by_file<'a>(imported: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    imported
        .as_array()
        .expect("an array per file")
        .iter()
        .find(|i| i["file"] == name)
        .unwrap_or_else(|| panic!("{name} was not imported: {imported}"))
}

#[test]
fn import_reads_credits_from_the_file_and_stores_each_file_once() {
    let (_dir, db) = library();
    let made = fixtures().join("made");
    let imported = json(&db, &["image", "import", path_text(&made), "--json"]);
    // Latin-1 IIM without a declared charset: the umlauts arrive intact.
    let latin1 = by_file(&imported, "iim-latin1.jpg");
    assert_eq!(latin1["credit"], "Thüringer Staatskanzlei", "{latin1}");
    assert_eq!(latin1["creator"], "Jörg Müller", "{latin1}");
    for field in [
        "id",
        "file",
        "width",
        "height",
        "hash",
        "creator",
        "credit",
        "copyright",
        "source",
        "caption",
        "headline",
        "keywords",
        "date_created",
        "license",
        "usage_terms",
        "expires",
    ] {
        assert!(
            latin1.get(field).is_some(),
            "--json must carry {field} (null where absent): {latin1}"
        );
    }
    // EXIF orientation 6: the picture stands upright, so width and height swap.
    let rotated = by_file(&imported, "rotated-6.jpg");
    let exif = exiftool(&made.join("rotated-6.jpg"));
    assert_eq!(
        rotated["width"], exif["File:ImageHeight"],
        "{rotated} vs {exif}"
    );
    // The same files again: found by hash, not stored twice.
    let again = json(&db, &["image", "import", path_text(&made), "--json"]);
    assert_eq!(
        again.as_array().map(Vec::len),
        imported.as_array().map(Vec::len)
    );
    assert!(
        again
            .as_array()
            .into_iter()
            .flatten()
            .all(|i| i["new"] == false)
    );
    let listed = json(&db, &["image", "list", "--json"]);
    assert_eq!(
        listed.as_array().map(Vec::len),
        imported.as_array().map(Vec::len)
    );
}

#[test]
fn hostile_files_are_refused_by_name_and_the_rest_is_imported() {
    let (_dir, db) = library();
    let good = fixtures().join("real/iptc-reader-fixture.jpg");
    let out = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args([
            "image",
            "import",
            path_text(&hostile()),
            path_text(&good),
            "--json",
        ])
        .env_remove("NEWSDESK_DB")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a partial import exits 1: {stderr}"
    );
    for name in [
        "bomb-100000x100000.png",
        "random-bytes.jpg",
        "only-soi.jpg",
        "text-file.png",
    ] {
        assert!(stderr.contains(name), "{name} must be named: {stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    let imported: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files: Vec<&str> = imported
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["file"].as_str())
        .collect();
    assert!(files.contains(&"iptc-reader-fixture.jpg"), "{files:?}");
    assert!(!files.iter().any(|f| f.starts_with("bomb")), "{files:?}");
    let check = nd(&db, &["db", "check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn credits_are_set_in_bulk_filtered_and_travel_inside_the_exported_file() {
    let (dir, db) = library();
    let made = fixtures().join("made");
    let imported = json(&db, &["image", "import", path_text(&made), "--json"]);
    let ids: Vec<String> = imported
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| i["id"].to_string())
        .collect();
    let missing = json(&db, &["image", "list", "--missing-credit", "--json"]);
    let exif_only = by_file(&imported, "exif-only.jpg")["id"].to_string();
    assert!(
        missing
            .as_array()
            .is_some_and(|m| m.iter().all(|i| i["credit_line"] == "")),
        "{missing}"
    );
    let mut args = vec!["image", "set"];
    args.extend(ids.iter().map(String::as_str));
    args.extend([
        "--credit",
        "Thüringer Staatskanzlei",
        "--license",
        "handout",
        "--expires",
        "2099-12-31",
        "--alt",
        "Kabinett „am Tisch“",
        "--json",
    ]);
    let changed = json(&db, &args);
    assert!(changed.as_array().is_some_and(|c| {
        c.len() == ids.len()
            && c.iter()
                .all(|i| i["credit_line"] == "Thüringer Staatskanzlei")
    }));
    assert_eq!(
        json(&db, &["image", "list", "--missing-credit", "--json"]),
        serde_json::json!([]),
        "after the bulk edit no picture lacks a credit"
    );
    let expired = nd(
        &db,
        &["image", "set", &exif_only, "--expires", "2000-01-01"],
    );
    assert!(expired.status.success());
    let over = json(&db, &["image", "list", "--expired", "--json"]);
    assert_eq!(over.as_array().map(Vec::len), Some(1), "{over}");
    // Keywords: added and removed on a selection, shared with the vocabulary.
    let tagged = json(
        &db,
        &[
            "image",
            "tag",
            &ids[0],
            &ids[1],
            "--add",
            "Kabinettsklausur",
            "--json",
        ],
    );
    assert!(tagged.as_array().is_some_and(|t| t.iter().all(|i| {
        i["keywords"]
            .as_array()
            .is_some_and(|k| k.iter().any(|k| k == "Kabinettsklausur"))
    })));
    let with_tag = json(
        &db,
        &["image", "list", "--tag", "kabinettsklausur", "--json"],
    );
    assert_eq!(with_tag.as_array().map(Vec::len), Some(2));
    json(
        &db,
        &[
            "image",
            "tag",
            &ids[0],
            "--remove",
            "KABINETTSKLAUSUR",
            "--json",
        ],
    );
    let with_tag = json(
        &db,
        &["image", "list", "--tag", "kabinettsklausur", "--json"],
    );
    assert_eq!(with_tag.as_array().map(Vec::len), Some(1));
    // Export: the credits are inside the file, umlauts and quotes intact, IIM in UTF-8.
    let out = dir.path().join("out.jpg");
    ok(&db, &["image", "export", &ids[0], "-o", path_text(&out)]);
    let read = exiftool(&out);
    assert_eq!(read["IPTC:Credit"], "Thüringer Staatskanzlei", "{read}");
    assert_eq!(
        read["XMP-photoshop:Credit"], "Thüringer Staatskanzlei",
        "{read}"
    );
    assert_eq!(
        read["XMP-iptcCore:AltTextAccessibility"], "Kabinett „am Tisch“",
        "{read}"
    );
    assert_eq!(read["IPTC:CodedCharacterSet"], "UTF8", "{read}");
    let again = nd(&db, &["image", "export", &ids[0], "-o", path_text(&out)]);
    assert!(
        !again.status.success(),
        "an existing file is kept without --force"
    );
}

#[test]
fn thumbnails_look_alikes_and_the_credit_report() {
    let (dir, db) = library();
    let original = fixtures().join("real/iptc-reader-fixture.jpg");
    let thumbs = dir.path().join("thumbs");
    let made = ok(
        &db,
        &[
            "image",
            "thumbnail",
            path_text(&original),
            "--size",
            "120",
            "--out",
            path_text(&thumbs),
        ],
    );
    let thumb = PathBuf::from(made.trim());
    let read = exiftool(&thumb);
    let (w, h) = (
        read["File:ImageWidth"].as_u64(),
        read["File:ImageHeight"].as_u64(),
    );
    assert_eq!(w.max(h), Some(120), "long edge 120: {read}");
    // The thumbnail is the same photo, re-encoded and smaller: a look-alike.
    let first = json(&db, &["image", "import", path_text(&original), "--json"]);
    json(&db, &["image", "import", path_text(&thumb), "--json"]);
    let other = fixtures().join("made/iim-utf8.jpg");
    json(&db, &["image", "import", path_text(&other), "--json"]);
    let groups = json(&db, &["image", "duplicates", "--json"]);
    let groups = groups.as_array().expect("groups");
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0]["images"].as_array().map(Vec::len), Some(2));
    // Credit report: a picture placed in a dated article is one CSV line.
    let hash = first[0]["hash"].as_str().expect("hash").to_string();
    let article = dir.path().join("a.md");
    std::fs::write(
        &article,
        format!(
            "---\ntitle: Landtag tagt\ndate: 2026-11-20\nimages:\n  - file: sha256:{hash}\n    credit: dpa\n    alt: Plenarsaal\n---\nText.\n"
        ),
    )
    .expect("article file");
    ok(&db, &["article", "import", path_text(&article)]);
    let csv = ok(
        &db,
        &[
            "image",
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--csv",
        ],
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "header and one use: {csv}");
    assert!(lines[0].starts_with("article_date,article_id,article_title"));
    assert!(
        lines[1].starts_with("2026-11-20,") && lines[1].contains("Landtag tagt"),
        "{csv}"
    );
}

#[test]
fn an_article_whose_picture_license_ended_cannot_be_ready() {
    let (dir, db) = library();
    let picture = fixtures().join("made/iim-utf8.jpg");
    let imported = json(&db, &["image", "import", path_text(&picture), "--json"]);
    let id = imported[0]["id"].to_string();
    let hash = imported[0]["hash"].as_str().expect("hash").to_string();
    ok(&db, &["image", "set", &id, "--expires", "2001-02-03"]);
    let article = dir.path().join("a.md");
    std::fs::write(
        &article,
        format!(
            "---\nkicker: Erfurt\ntitle: Landtag tagt\nsection: Politik\nteaser: Der Landtag tagt.\n\
             images:\n  - file: sha256:{hash}\n    credit: Thüringer Staatskanzlei\n    alt: Plenarsaal\n---\nText.\n"
        ),
    )
    .expect("article file");
    let article_id = ok(&db, &["article", "import", path_text(&article)])
        .trim()
        .to_string();
    let refused = nd(&db, &["article", "status", &article_id, "ready"]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "an expired picture blocks ready");
    assert!(
        stderr.contains("iim-utf8.jpg") && stderr.contains("2001-02-03"),
        "the message names the picture and the date: {stderr}"
    );
    ok(&db, &["image", "set", &id, "--expires", ""]);
    ok(&db, &["article", "status", &article_id, "ready"]);
}

#[test]
fn an_article_brings_its_picture_and_takes_it_along_when_exported() {
    let (dir, db) = library();
    let folder = dir.path().join("artikel");
    std::fs::create_dir_all(folder.join("bilder")).expect("folder");
    std::fs::copy(
        fixtures().join("made/iim-utf8.jpg"),
        folder.join("bilder/kabinett.jpg"),
    )
    .expect("picture beside the article");
    std::fs::write(
        folder.join("a.md"),
        "---\ntitle: Kabinett tagt\nimages:\n  - file: bilder/kabinett.jpg\n    caption: Das Kabinett\n    credit: Staatskanzlei (Artikel)\n    alt: Ministerinnen am Tisch\n---\nText.\n",
    )
    .expect("article file");
    let id = ok(&db, &["article", "import", path_text(&folder.join("a.md"))])
        .trim()
        .to_string();
    let article = json(&db, &["article", "show", &id, "--json"]);
    let file = article["images"][0]["file"]
        .as_str()
        .expect("file")
        .to_string();
    assert!(
        file.starts_with("sha256:"),
        "the article now names the library picture: {article}"
    );
    assert_eq!(
        article["images"][0]["credit"], "Staatskanzlei (Artikel)",
        "the front matter's credit wins for the article"
    );
    let images = json(&db, &["image", "list", "--json"]);
    assert_eq!(images.as_array().map(Vec::len), Some(1));
    assert_eq!(
        images[0]["credit"], "Thüringer Staatskanzlei",
        "the picture keeps its file's own credit: {images}"
    );
    // Exported as Markdown: the picture goes beside the file, credits inside, named in it.
    let out = dir.path().join("export");
    std::fs::create_dir_all(&out).expect("out");
    ok(
        &db,
        &[
            "article",
            "export",
            &id,
            "--format",
            "md",
            "-o",
            path_text(&out.join("a.md")),
        ],
    );
    let text = std::fs::read_to_string(out.join("a.md")).expect("exported");
    assert!(text.contains("file: kabinett.jpg"), "{text}");
    let read = exiftool(&out.join("kabinett.jpg"));
    assert_eq!(read["IPTC:Credit"], "Thüringer Staatskanzlei", "{read}");
    // And back: the exported article imports with its picture again.
    let db2 = dir.path().join("second.sqlite");
    let id2 = ok(&db2, &["article", "import", path_text(&out.join("a.md"))])
        .trim()
        .to_string();
    let again = json(&db2, &["article", "show", &id2, "--json"]);
    assert!(
        again["images"][0]["file"]
            .as_str()
            .is_some_and(|f| f.starts_with("sha256:"))
    );
    assert_eq!(again["images"][0]["alt"], "Ministerinnen am Tisch");
}

#[test]
fn a_backup_keeps_the_pictures_and_a_restore_brings_them_back() {
    let (dir, db) = library();
    let imported = json(
        &db,
        &[
            "image",
            "import",
            path_text(&fixtures().join("made/iim-utf8.jpg")),
            "--json",
        ],
    );
    let id = imported[0]["id"].to_string();
    let backup = dir.path().join("backup.sqlite");
    ok(&db, &["db", "backup", path_text(&backup)]);
    assert!(
        backup.with_extension("media").is_dir(),
        "the pictures go beside the backup"
    );
    // The pictures' folder is lost; the restore brings it back from the backup.
    std::fs::remove_dir_all(db.with_extension("media")).expect("media folder removed");
    ok(&db, &["db", "restore", path_text(&backup)]);
    let out = dir.path().join("again.jpg");
    ok(&db, &["image", "export", &id, "-o", path_text(&out)]);
    assert_eq!(exiftool(&out)["IPTC:Credit"], "Thüringer Staatskanzlei");
}

#[test]
fn an_article_whose_picture_has_no_credit_is_not_exported() {
    let (dir, db) = library();
    let article = dir.path().join("a.md");
    std::fs::write(
        &article,
        "---\ntitle: Ohne Bildquelle\nimages:\n  - file: foto.jpg\n    alt: Ein Foto\n---\nText.\n",
    )
    .expect("article file");
    let id = ok(&db, &["article", "import", path_text(&article)])
        .trim()
        .to_string();
    let out = dir.path().join("out.md");
    let refused = nd(&db, &["article", "export", &id, "-o", path_text(&out)]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "no export without a credit");
    assert!(
        stderr.contains("foto.jpg") && stderr.contains("credit"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");
}
