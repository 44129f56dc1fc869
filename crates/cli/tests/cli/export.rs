//! `newsdesk export`: every format from a real library with a real credited photo, read back
//! with exiftool, pdftotext and a ZIP reader; the credit guard; batches; the newsroom's templates.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::images::{exiftool, fixtures, library, path_text};
use super::{json, nd, ok};

/// A library with one article placing one imported photo; returns (dir, db, article id).
pub(crate) fn article_with_photo(credit: &str) -> (tempfile::TempDir, PathBuf, String) {
    let (dir, db) = library();
    let photo = fixtures().join("real/node-iptc-test1.jpeg");
    let imported = json(&db, &["image", "import", path_text(&photo), "--json"]);
    let image = imported[0]["id"].to_string();
    let hash = imported[0]["hash"].as_str().expect("hash").to_owned();
    ok(
        &db,
        &[
            "image",
            "set",
            &image,
            "--credit",
            "Thüringer Staatskanzlei",
            "--creator",
            "Jörg Fotograf",
        ],
    );
    let article = dir.path().join("a.md");
    std::fs::write(
        &article,
        format!(
            "---\nkicker: Thüringen\ntitle: Zweites Digitalisierungskabinett\nsection: Politik\n\
             date: 2018-12-13\nauthor: ba\nteaser: Beim zweiten Digitalisierungskabinett stand die \
             Verwaltungsdigitalisierung im Fokus.\ntags: [Politik, Thüringen]\nimages:\n  - file: sha256:{hash}\n    \
             caption: Schubert und Kerst informieren die Presse.\n    credit: \"{credit}\"\n    alt: Zwei Personen am Pult\n---\n\
             Die Thüringer Landesregierung hat sich mit der Verwaltungsdigitalisierung befasst.\n"
        ),
    )
    .expect("article file");
    let id = ok(&db, &["article", "import", path_text(&article)])
        .trim()
        .to_owned();
    (dir, db, id)
}

pub(crate) fn pdftotext(file: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian poppler-utils; `make deps` installs it)");
    assert!(out.status.success(), "pdftotext reads it");
    let text = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .replace("\u{AD}\n", "")
        .replace('\u{AD}', "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_format_is_written_and_reads_back_with_the_credits() {
    let (dir, db, id) = article_with_photo("Thüringer Staatskanzlei");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("out dir");
    for format in ["md", "html", "pdf", "ninjs", "bundle"] {
        let target = out.join(format!("a.{format}"));
        let printed = ok(
            &db,
            &["export", &id, "--format", format, "-o", path_text(&target)],
        );
        assert_eq!(
            printed.trim(),
            path_text(&target),
            "prints the file written"
        );
        assert!(
            std::fs::metadata(&target).is_ok_and(|m| m.len() > 0),
            "{format} written"
        );
    }
    let html = std::fs::read_to_string(out.join("a.html")).expect("html");
    assert!(
        html.contains("Bildquelle: Thüringer Staatskanzlei")
            && html.contains("data:image/jpeg;base64,")
    );
    assert!(
        !html.to_lowercase().contains("<script"),
        "no script in the page"
    );

    let text = pdftotext(&out.join("a.pdf"));
    for part in [
        "Zweites Digitalisierungskabinett",
        "Verwaltungsdigitalisierung im Fokus",
        "Landesregierung hat sich",
        "Bildquelle: Thüringer Staatskanzlei",
    ] {
        assert!(
            text.contains(part),
            "the print version shows {part:?}: {text}"
        );
    }

    let ninjs: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("a.ninjs")).expect("ninjs"))
            .expect("JSON");
    assert_eq!(
        ninjs["headlines"][0]["value"],
        "Zweites Digitalisierungskabinett"
    );
    assert_eq!(
        ninjs["associations"][0]["by"], "Jörg Fotograf",
        "the library's photographer"
    );

    // The bundle's picture carries its credits inside, as exiftool reads them.
    let unpacked = dir.path().join("unpacked");
    let file = std::fs::File::open(out.join("a.bundle")).expect("bundle");
    let mut zip = zip::ZipArchive::new(file).expect("a ZIP");
    zip.extract(&unpacked).expect("unpacks");
    let picture = unpacked.join("images/node-iptc-test1.jpeg");
    let read = exiftool(&picture);
    assert_eq!(read["IPTC:Credit"], "Thüringer Staatskanzlei", "{read}");
    assert_eq!(read["IPTC:By-line"], "Jörg Fotograf", "{read}");
    assert_eq!(
        read["XMP-photoshop:Credit"], "Thüringer Staatskanzlei",
        "{read}"
    );
    let credits = std::fs::read_to_string(unpacked.join("credits.csv")).expect("credits.csv");
    assert!(
        credits.contains("images/node-iptc-test1.jpeg")
            && credits.contains("Thüringer Staatskanzlei")
    );
    // The unpacked bundle imports again, picture and all.
    let (_other_dir, other) = library();
    ok(
        &other,
        &["article", "import", path_text(&unpacked.join("article.md"))],
    );
    let list = json(&other, &["image", "list", "--json"]);
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(1),
        "the picture came along: {list}"
    );
}

#[test]
fn a_picture_without_credit_stops_the_export_and_is_named() {
    let (dir, db, id) = article_with_photo("");
    ok(&db, &["image", "set", "1", "--credit", "", "--creator", ""]);
    for format in ["html", "pdf", "ninjs", "bundle", "md"] {
        let target = dir.path().join(format!("x.{format}"));
        let out = nd(
            &db,
            &["export", &id, "--format", format, "-o", path_text(&target)],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{format}: refused");
        assert!(
            stderr.contains("node-iptc-test1.jpeg") && stderr.contains("no credit"),
            "{format}: names the picture: {stderr}"
        );
        assert!(!target.exists(), "{format}: nothing written");
    }
}

#[test]
fn a_status_goes_out_as_bundles_into_a_folder_and_one_bad_article_does_not_stop_the_rest() {
    let (dir, db) = super::with_samples();
    // Three articles an editor finished (every field the portal needs), and the samples as drafts.
    let body = dir.path().join("body.md");
    std::fs::write(&body, "Der Landtag hat getagt.\n").expect("body");
    for (n, title) in ["Landtag tagt", "Landtag tagt", "Haushalt beschlossen"]
        .iter()
        .enumerate()
    {
        let id = ok(
            &db,
            &[
                "article",
                "new",
                "--title",
                title,
                "--kicker",
                "Erfurt",
                "--section",
                "Politik",
                "--teaser",
                &format!("Teaser {n}."),
                "--body-file",
                path_text(&body),
            ],
        );
        ok(&db, &["article", "status", id.trim(), "ready"]);
    }
    let ready = 3;
    let folder = dir.path().join("bundles");
    let by_status = [
        "export",
        "--status",
        "ready",
        "--format",
        "bundle",
        "-o",
        path_text(&folder),
    ];
    let report = json(&db, &[&by_status[..], &["--json"]].concat());
    let written = report["written"].as_array().expect("written");
    assert_eq!(written.len(), ready, "{report}");
    assert_eq!(report["format"], "bundle");
    let mut names = Vec::new();
    for file in written {
        let path = PathBuf::from(file["path"].as_str().expect("path"));
        assert!(path.starts_with(&folder), "{path:?}");
        assert!(zip::ZipArchive::new(std::fs::File::open(&path).expect("zip")).is_ok());
        names.extend(path.file_name().and_then(|n| n.to_str()).map(str::to_owned));
    }
    names.sort();
    assert_eq!(
        names,
        [
            "haushalt-beschlossen.zip",
            "landtag-tagt-2.zip",
            "landtag-tagt.zip"
        ],
        "named by title; two articles of one title get two files"
    );
    // Again without --force: every file exists, every article is reported, none replaced.
    let again = nd(&db, &by_status);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    ok(&db, &[&by_status[..], &["--force"]].concat());

    // Several ids, one of them missing: the others are written, the missing one is named.
    let finished = json(&db, &["article", "list", "--status", "ready", "--json"]);
    let ids: Vec<String> = finished
        .as_array()
        .expect("list")
        .iter()
        .take(2)
        .map(|a| a["id"].to_string())
        .collect();
    let mixed = dir.path().join("mixed");
    let out = nd(
        &db,
        &[
            "export",
            &ids[0],
            &ids[1],
            "999",
            "--format",
            "html",
            "-o",
            path_text(&mixed),
        ],
    );
    assert!(!out.status.success(), "a failure is an error exit");
    assert!(String::from_utf8_lossy(&out.stderr).contains("article 999 was not exported"));
    let written = std::fs::read_dir(&mixed).expect("folder").count();
    assert_eq!(written, 2, "the two good articles were written");
}

#[test]
fn the_format_follows_the_file_name_and_no_file_is_overwritten_unasked() {
    let (dir, db) = super::with_samples();
    let id = super::seed_id(&db).to_string();
    let target = dir.path().join("druck.pdf");
    ok(&db, &["export", &id, "-o", path_text(&target)]);
    assert!(
        std::fs::read(&target).expect("pdf").starts_with(b"%PDF-"),
        "the .pdf name chose PDF"
    );
    let again = nd(&db, &["export", &id, "-o", path_text(&target)]);
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("--force"));
    let unknown = nd(
        &db,
        &["export", &id, "-o", path_text(&dir.path().join("a.docx"))],
    );
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown export format 'docx'"));
}

#[test]
fn the_newsrooms_templates_folder_changes_the_page_without_a_build() {
    let (dir, db) = super::with_samples();
    let id = super::seed_id(&db).to_string();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).expect("templates");
    std::fs::write(
        templates.join("article.html"),
        "<title>{{ article.title }}</title><p>Hausvorlage</p>",
    )
    .expect("template");
    let target = dir.path().join("a.html");
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--db")
        .arg(&db)
        .args(["export", &id, "-o", path_text(&target)])
        .env_remove("NEWSDESK_TEMPLATES")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&target).expect("page");
    assert_eq!(
        page, "<title>Zweites Digitalisierungskabinett</title><p>Hausvorlage</p>",
        "templates/ beside the library wins over the built-in one"
    );
}
