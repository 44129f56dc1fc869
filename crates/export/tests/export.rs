//! The exports of real articles (the portal's samples in assets/demo-articles) with a real
//! credited JPEG, read back with the tools partners use: Python's HTML parser, poppler's
//! pdftotext/pdffonts, IPTC's ninjs JSON Schema and its test suite, a ZIP reader.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use newsdesk_export::{
    ExportArticle, ExportError, Picture, PictureFile, Templates, bundle, html, ninjs, pdf,
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn samples() -> Vec<(String, ExportArticle)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("assets/demo-articles"))
        .expect("the demo articles are in the repository")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "the six samples of the portal");
    files
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let text = std::fs::read_to_string(path).expect("sample readable");
            let content = newsdesk_interchange::parse(&text).expect("sample parses");
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            (name.unwrap_or_default(), article(i as i64 + 1, content))
        })
        .collect()
}

fn article(id: i64, content: newsdesk_model::ArticleContent) -> ExportArticle {
    let pictures = content
        .images
        .iter()
        .map(|image| Picture {
            caption: image.caption.clone(),
            credit: image.credit.clone(),
            alt: image.alt.clone(),
            ..Picture::default()
        })
        .collect();
    ExportArticle {
        id,
        revision: 3,
        created_at: Utc
            .with_ymd_and_hms(2024, 4, 1, 8, 0, 0)
            .single()
            .expect("valid"),
        updated_at: Utc
            .with_ymd_and_hms(2024, 4, 2, 9, 30, 0)
            .single()
            .expect("valid"),
        content,
        pictures,
    }
}

/// The seed article with a real JPEG from the library attached to its picture.
fn seed_with_photo() -> ExportArticle {
    let (_, mut seed) = samples()
        .into_iter()
        .find(|(name, _)| name.contains("zweites-digitalisierungskabinett"))
        .expect("the seed sample");
    let jpeg = std::fs::read(root().join("crates/media/tests/fixtures/real/node-iptc-test1.jpeg"))
        .expect("fixture photo");
    let picture = &mut seed.pictures[0];
    picture.alt = "Zwei Personen an einem Pressepult".into();
    picture.creator = Some("Jörg Fotograf".into());
    picture.copyright = Some("© Thüringer Staatskanzlei".into());
    picture.usage_terms = Some("Nur redaktionell".into());
    picture.file = Some(PictureFile {
        name: "kabinett.jpg".into(),
        hash: "ab".repeat(32),
        media_type: "image/jpeg".into(),
        width: 1000,
        height: 667,
        display: jpeg.clone(),
        original: Some(jpeg),
    });
    seed
}

fn tool(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

/// pdftotext's text with hyphenation joins undone and whitespace made single spaces.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext reads the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8 text");
    let joined = text
        .replace("\u{AD}\n", "")
        .replace("-\n", "-")
        .replace('\u{AD}', "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tags and attributes that could run code, as Python's HTML parser sees the page.
fn active_html(page: &str) -> Vec<String> {
    let script = r#"
import sys
from html.parser import HTMLParser
bad=[]
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag in ("script","iframe","object","embed","form","base","link"): bad.append(tag)
        for k, v in attrs:
            if k.startswith("on") or (v or "").strip().lower().startswith("javascript:"): bad.append(tag+"["+k+"]")
p=P(); p.feed(sys.stdin.read()); p.close()
print("\n".join(bad))
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(page.as_bytes())
        .expect("page written to the parser");
    let out = child.wait_with_output().expect("parser ends");
    assert!(out.status.success(), "the page parses");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn html_shows_the_portal_anatomy_with_the_picture_embedded_and_no_script() {
    let page = html(&seed_with_photo(), &Templates::builtin()).expect("html");
    assert!(
        active_html(&page).is_empty(),
        "nothing active: {:?}",
        active_html(&page)
    );
    for part in [
        "<p class=\"kicker\">Thüringen:</p>",
        "<h1>Zweites Digitalisierungskabinett</h1>",
        "[13.12.2018]",
        "Beim zweiten Digitalisierungskabinett",
        "Bildquelle: Thüringer Staatskanzlei",
        "Stichwörter: Politik, Thüringen, Digitalisierungskabinett, Digitalisierung, Hartmut Schubert",
        "<blockquote>",
        "(ba)",
        "href=\"http://www.thueringen.de\"",
        "src=\"data:image/jpeg;base64,",
        "alt=\"Zwei Personen an einem Pressepult\"",
        "@media print",
    ] {
        assert!(page.contains(part), "the page shows {part:?}");
    }
}

#[test]
fn html_of_every_sample_parses_without_anything_active() {
    for (name, article) in samples() {
        let page = html(&article, &Templates::builtin()).expect("html");
        assert!(
            active_html(&page).is_empty(),
            "{name}: {:?}",
            active_html(&page)
        );
        let title = article
            .content
            .title
            .replace('&', "&amp;")
            .replace('<', "&lt;");
        assert!(
            page.contains(&format!("<h1>{title}</h1>")),
            "{name} shows its title"
        );
    }
}

#[test]
fn hostile_fields_and_body_are_text_in_html_and_pdf() {
    let mut content = newsdesk_model::ArticleContent {
        kicker: "<b>K</b>".into(),
        title: "Probe <img src=x onerror=alert(1)> #panic(\"x\") $x$ // nicht".into(),
        teaser: "<script>alert(2)</script> Teaser #import \"/etc/passwd\"".into(),
        section: "Politik".into(),
        body: "Text <script>alert(3)</script> <img src=x onerror=\"alert(4)\"> <a href=\"javascript:alert(5)\">link</a>\n\n<iframe src=\"https://example.invalid\"></iframe> [md link](javascript:alert(7)) #read(\"/etc/passwd\") ]] [[ \\ `code`\n".into(),
        ..Default::default()
    };
    content.tags = vec!["#eval(\"1\")".into()];
    let hostile = article(9, content);
    let page = html(&hostile, &Templates::builtin()).expect("html");
    assert!(active_html(&page).is_empty(), "{:?}", active_html(&page));
    let text = pdf_text(&pdf(&hostile, &Templates::builtin()).expect("hostile text typesets"));
    assert!(
        text.contains("#panic(\"x\") $x$ // nicht") || text.contains("#panic(„x“) $x$ // nicht"),
        "the title is printed as written, not run: {text}"
    );
    assert!(text.contains("#read("), "the body's code is text: {text}");
    assert!(
        !text.contains("alert(3)"),
        "script text is not printed: {text}"
    );
    assert!(!text.contains("root:"), "no file was read: {text}");
}

#[test]
fn the_print_version_is_a_pdf_with_headline_teaser_body_and_credit() {
    if !tool("pdftotext") {
        panic!("pdftotext is missing: install poppler-utils (make deps does)");
    }
    let seed = seed_with_photo();
    let bytes = pdf(&seed, &Templates::builtin()).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let text = pdf_text(&bytes);
    for part in [
        "Thüringen:",
        "Zweites Digitalisierungskabinett",
        "[13.12.2018]",
        &flat(&seed.content.teaser),
        "Verwaltungsdigitalisierung befasst",
        "Bildquelle: Thüringer Staatskanzlei",
        "Stichwörter: Politik, Thüringen",
        "„Vom Verwaltungsmitarbeiter",
        "Seite 1 von",
        "(ba)",
    ] {
        assert!(text.contains(part), "pdftotext shows {part:?} in: {text}");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.pdf"), &bytes).expect("write");
    let fonts = Command::new("pdffonts")
        .arg(dir.path().join("a.pdf"))
        .output()
        .expect("pdffonts runs");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "the PDF has fonts: {fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns.iter().rev().nth(4).copied();
        assert_eq!(emb, Some("yes"), "every font is embedded: {row}");
    }
}

#[test]
fn straight_quotes_become_german_ones_and_long_words_are_hyphenated() {
    let mut content = newsdesk_model::ArticleContent {
        title: "Zitate".into(),
        body: format!(
            "Er sagte \"ja\" und ging's an. {}\n",
            "Donaudampfschifffahrtsgesellschaftskapitänsmütze Verwaltungsdigitalisierungsstrategie ".repeat(30)
        ),
        ..Default::default()
    };
    content.teaser = "Teaser".into();
    let text = pdf_text(&pdf(&article(5, content), &Templates::builtin()).expect("pdf"));
    assert!(text.contains("„ja“"), "German quotes: {text}");
    assert!(text.contains("ging’s"), "a typographic apostrophe: {text}");
}

fn ninjs_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("assets/export/ninjs/ninjs-schema_2.1.json"))
            .expect("the shipped schema"),
    )
    .expect("schema is JSON");
    // The schema refers to GeoJSON's schema on the web; tests stay offline, so it is stood in
    // for by "any object" (the suite's one GeoJSON case is a valid GeoJSON object).
    let registry = jsonschema::Registry::new()
        .add(
            "https://geojson.org/schema/GeoJSON.json",
            serde_json::json!({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}),
        )
        .expect("registry URI")
        .prepare()
        .expect("registry prepares");
    jsonschema::options()
        .should_validate_formats(true)
        .with_registry(&registry)
        .build(&schema)
        .expect("IPTC's schema compiles")
}

fn errors(validator: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_validator_agrees_with_iptcs_own_test_suite() {
    let validator = ninjs_validator();
    let suite = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ninjs-suite");
    let mut seen = (0, 0);
    for (folder, valid) in [("should_pass", true), ("should_fail", false)] {
        for entry in std::fs::read_dir(suite.join(folder)).expect("suite folder") {
            let path = entry.expect("entry").path();
            let value: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("case")).expect("JSON");
            let found = errors(&validator, &value);
            assert_eq!(found.is_empty(), valid, "{}: {found:?}", path.display());
            if valid { seen.0 += 1 } else { seen.1 += 1 }
        }
    }
    assert!(seen.0 >= 10 && seen.1 >= 4, "the whole suite ran: {seen:?}");
}

#[test]
fn ninjs_carries_corrections_as_its_editorial_note_and_the_meta_description_and_stays_valid() {
    let validator = ninjs_validator();
    let (_, mut article) = samples().into_iter().next().expect("a sample");
    let at = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .expect("time")
            .with_timezone(&chrono::Utc)
    };
    article.content.description = "Das Kabinett berät über die Verwaltung.".into();
    article.content.corrections = vec![
        newsdesk_model::Correction {
            at: at("2018-12-15T10:00:00Z"),
            note: "Kerst ist Staatssekretärin.".into(),
        },
        newsdesk_model::Correction {
            at: at("2018-12-14T10:00:00Z"),
            note: "Der Termin war am 13. Dezember.".into(),
        },
    ];
    let value = ninjs(&article);
    assert_eq!(
        errors(&validator, &value),
        Vec::<String>::new(),
        "valid ninjs 2.1"
    );
    let note = value["ednote"].as_str().unwrap_or_default();
    assert!(
        note.starts_with("Korrektur am 15.12.2018: Kerst ist Staatssekretärin.")
            && note.contains("Korrektur am 14.12.2018: Der Termin"),
        "newest first, in German: {note}"
    );
    let seo = value["descriptions"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["role"] == "seo"))
        .cloned();
    assert_eq!(
        seo.map(|d| d["value"].clone()),
        Some(serde_json::json!("Das Kabinett berät über die Verwaltung."))
    );
}

#[test]
fn ninjs_of_every_sample_is_valid_and_carries_the_article() {
    let validator = ninjs_validator();
    for (name, article) in samples() {
        let value = ninjs(&article);
        assert_eq!(
            errors(&validator, &value),
            Vec::<String>::new(),
            "{name} is valid ninjs 2.1"
        );
        assert_eq!(
            value["headlines"][0]["value"], article.content.title,
            "{name}: headline"
        );
    }
    let value = ninjs(&seed_with_photo());
    assert_eq!(
        errors(&validator, &value),
        Vec::<String>::new(),
        "with a library picture too"
    );
    assert_eq!(
        value["headlines"][1],
        serde_json::json!({"role": "subheadline", "value": "Thüringen"})
    );
    assert_eq!(value["by"], "ba");
    assert_eq!(value["versioncreated"], "2024-04-02T09:30:00Z");
    assert!(
        value["descriptions"][0]["value"]
            .as_str()
            .is_some_and(|t| t.starts_with("Beim zweiten"))
    );
    assert!(
        value["bodies"][0]["value"]
            .as_str()
            .is_some_and(|b| b.contains("<blockquote>"))
    );
    let subjects: Vec<&str> = value["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(subjects.contains(&"Hartmut Schubert") && subjects.contains(&"Politik"));
    let picture = &value["associations"][0];
    assert_eq!(picture["type"], "picture");
    assert_eq!(
        picture["copyrightnotice"], "Thüringer Staatskanzlei",
        "the credit line"
    );
    assert_eq!(picture["copyrightholder"], "© Thüringer Staatskanzlei");
    assert_eq!(picture["by"], "Jörg Fotograf");
    assert_eq!(picture["usageterms"], "Nur redaktionell");
    assert_eq!(picture["renditions"][0]["title"], "kabinett.jpg");
    assert_eq!(picture["renditions"][0]["width"], 1000);
}

#[test]
fn the_bundle_holds_markdown_html_ninjs_pictures_and_credits() {
    let seed = seed_with_photo();
    let zip_bytes = bundle(&seed, &Templates::builtin()).expect("bundle");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).expect("a ZIP");
    let mut names: Vec<String> = zip
        .file_names()
        .map(|n| n.expect("a readable name").into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "article.html",
            "article.json",
            "article.md",
            "credits.csv",
            "images/kabinett.jpg"
        ]
    );
    let read = |zip: &mut zip::ZipArchive<_>, name: &str| {
        use std::io::Read;
        let mut text = String::new();
        zip.by_name(name)
            .expect(name)
            .read_to_string(&mut text)
            .expect("UTF-8");
        text
    };
    let markdown = read(&mut zip, "article.md");
    let back = newsdesk_interchange::parse(&markdown).expect("the bundle's Markdown parses");
    assert_eq!(
        back.images[0].file, "images/kabinett.jpg",
        "the picture is named beside it"
    );
    let mut expected = seed.content.clone();
    expected.images[0].file = "images/kabinett.jpg".into();
    assert_eq!(back, expected, "Markdown round trip");
    let credits = read(&mut zip, "credits.csv");
    assert!(credits.starts_with("file,caption,credit,creator,copyright,usage_terms,alt\n"));
    assert!(
        credits.contains("images/kabinett.jpg,")
            && credits.contains("Thüringer Staatskanzlei,Jörg Fotograf"),
        "{credits}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&read(&mut zip, "article.json")).expect("JSON");
    assert_eq!(errors(&ninjs_validator(), &json), Vec::<String>::new());
}

#[test]
fn a_newsrooms_template_folder_wins_and_a_broken_template_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("article.html"),
        "<h1>{{ article.title }}</h1>{% include \"article.css\" %}",
    )
    .expect("write template");
    std::fs::write(dir.path().join("article.css"), "/* house */").expect("css");
    let page = html(&seed_with_photo(), &Templates::from_folder(dir.path())).expect("html");
    assert_eq!(page, "<h1>Zweites Digitalisierungskabinett</h1>/* house */");

    std::fs::write(dir.path().join("article.html"), "line one\n{% for x in %}").expect("write");
    let error = html(&seed_with_photo(), &Templates::from_folder(dir.path())).expect_err("broken");
    assert!(matches!(error, ExportError::Template { .. }), "{error}");
    assert!(
        error.to_string().contains("line 2"),
        "names the line: {error}"
    );

    std::fs::write(
        dir.path().join("article.typ"),
        "#let article(..args, body) = {\n  undefined-thing\n}\n",
    )
    .expect("write");
    let error = pdf(&seed_with_photo(), &Templates::from_folder(dir.path())).expect_err("broken");
    assert!(
        error.to_string().contains("article.typ, line 2"),
        "names the line: {error}"
    );

    let written = Templates::write_builtin(&dir.path().join("fresh")).expect("write built-ins");
    assert_eq!(
        written.len(),
        3,
        "html, css and typ written for the newsroom to change"
    );
}

#[test]
fn an_absurdly_nested_article_still_prints() {
    let body = format!(
        "{} tief\n\n{}\n{}x{}\n",
        ">".repeat(3000),
        (0..800)
            .map(|i| format!("{}- a\n", "  ".repeat(i)))
            .collect::<String>(),
        "*".repeat(3000),
        "*".repeat(3000)
    );
    let content = newsdesk_model::ArticleContent {
        title: "Tief".into(),
        body,
        ..Default::default()
    };
    let text =
        pdf_text(&pdf(&article(4, content), &Templates::builtin()).expect("typeset, flattened"));
    assert!(text.contains("tief"), "{text}");
}

#[test]
fn includes_read_only_the_templates_folder_and_the_built_ins() {
    let outside = tempfile::tempdir().expect("temp dir");
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "GEHEIM-1234").expect("secret");
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("templates");
    std::fs::create_dir_all(folder.join("parts")).expect("folders");
    std::fs::write(
        folder.join("parts/kopf.html"),
        "<h1>{{ article.title }}</h1>",
    )
    .expect("part");
    std::fs::write(
        folder.join("makros.html"),
        "{% macro fett(t) %}<b>{{ t }}</b>{% endmacro %}",
    )
    .expect("macros");
    std::fs::write(
        folder.join("basis.html"),
        "<main>{% block inhalt %}{% endblock %}</main>",
    )
    .expect("base");
    std::os::unix::fs::symlink(&secret, folder.join("link.html")).expect("symlink");
    std::fs::write(folder.join("sibling.txt"), "Nachbar").expect("sibling");
    let templates = Templates::from_folder(&folder);
    let page_with = |template: &str| {
        std::fs::write(folder.join("article.html"), template).expect("template");
        html(&seed_with_photo(), &templates)
    };

    let page = page_with(
        "{% extends \"basis.html\" %}{% import \"makros.html\" as m %}{% block inhalt %}\
         {% include \"parts/kopf.html\" %}{{ m.fett(\"x\") }}{% include \"sibling.txt\" %}\
         <style>{% include \"article.css\" %}</style>{% endblock %}",
    )
    .expect("includes inside the folder and the built-ins work");
    assert!(
        page.starts_with("<main><h1>Zweites Digitalisierungskabinett</h1><b>x</b>Nachbar"),
        "{page}"
    );
    assert!(page.contains("font"), "the built-in CSS came along: {page}");

    let secret_text = secret.display().to_string();
    for (asked, how) in [
        (
            "../../".to_owned()
                + outside
                    .path()
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("x")
                + "/secret.txt",
            "include",
        ),
        (secret_text.clone(), "include"),
        (format!("parts/../../{}", "x.txt"), "include"),
        ("link.html".to_owned(), "include"),
        (secret_text.clone(), "extends"),
        (secret_text.clone(), "import"),
    ] {
        let template = match how {
            "extends" => format!("{{% extends \"{asked}\" %}}"),
            "import" => format!("{{% import \"{asked}\" as m %}}"),
            _ => format!("{{% include \"{asked}\" %}}"),
        };
        let error = page_with(&template).expect_err("refused");
        let said = error.to_string();
        assert!(
            said.contains("article.html") && said.contains(&asked),
            "names the template and what it asked for ({how} {asked}): {said}"
        );
        assert!(said.contains("templates folder"), "says why: {said}");
        assert!(!said.contains("GEHEIM"), "nothing of the file: {said}");
    }
}

#[test]
fn an_article_nested_100000_deep_exports_in_every_format() {
    let body = format!(
        "{}Ganz innen{}\n\n{} Zitat\n",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000),
        ">".repeat(100_000)
    );
    let content = newsdesk_model::ArticleContent {
        title: "Tief verschachtelt".into(),
        body,
        ..Default::default()
    };
    let deep = article(7, content);
    // On a thread with the app's smallest stack (its outbox and command threads: 2 MiB).
    let made = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let page = html(&deep, &Templates::builtin()).expect("html");
            let print = pdf(&deep, &Templates::builtin()).expect("pdf");
            let item = serde_json::to_string(&ninjs(&deep)).expect("ninjs");
            let zip = bundle(&deep, &Templates::builtin()).expect("bundle");
            (page, print, item, zip.len())
        })
        .expect("thread")
        .join()
        .expect("no overflow");
    let (page, print, item, zip) = made;
    assert!(
        page.contains("Ganz innen") && page.contains("Zitat"),
        "the text stays"
    );
    assert!(
        page.matches("<div>").count() <= newsdesk_model::limits::MAX_HTML_DEPTH,
        "no deeper than the limit"
    );
    assert!(flat(&pdf_text(&print)).contains("Ganz innen"));
    assert!(item.contains("Ganz innen"));
    assert!(zip > 0);
}

#[test]
fn fonts_are_read_only_from_the_templates_folder_and_within_their_limit() {
    let outside = tempfile::tempdir().expect("temp dir");
    let elsewhere = outside.path().join("fremd.ttf");
    std::fs::write(&elsewhere, b"not a font, and not the newsroom's").expect("file");
    let dir = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(&elsewhere, dir.path().join("link.ttf")).expect("symlink");
    let templates = Templates::from_folder(dir.path());
    assert!(
        templates.fonts().expect("fonts").is_empty(),
        "a font whose link leads out of the folder is not read"
    );
    // A sparse file: 65 MiB to read, no disk taken.
    let big = std::fs::File::create(dir.path().join("riesig.otf")).expect("font file");
    big.set_len(65 * 1024 * 1024).expect("size");
    let error = templates.fonts().expect_err("a font past the limit");
    assert!(
        error.to_string().contains("riesig.otf") && error.to_string().contains("MAX_FONT_BYTES"),
        "the font and the limit are named: {error}"
    );
}

#[test]
fn a_code_block_of_thousands_of_lines_is_printed_whole() {
    // One raw block's time grows with the square of its lines; set in pieces it stays quick.
    let lines: Vec<String> = (0..3_000).map(|n| format!("wert_{n:04} = {n}")).collect();
    let mut article = seed_with_photo();
    article.content.body = format!("Vorher.\n\n```\n{}\n```\n\nNachher.\n", lines.join("\n"));
    let text = pdf_text(&pdf(&article, &Templates::builtin()).expect("pdf"));
    for line in [
        "wert_0000 = 0",
        "wert_0199 = 199",
        "wert_0200 = 200",
        "wert_2999 = 2999",
    ] {
        assert!(text.contains(line), "{line} is printed");
    }
    assert!(text.contains("Nachher."), "and the text after it");
}

#[test]
fn a_huge_title_and_a_long_run_in_the_body_are_printed_in_time() {
    // The page header repeats the title (120 KB took 20 s on its 79 pages); a run of
    // hyphenation points a megabyte long took 25 s. Now: the first 300 characters and "…",
    // and the run unhyphenated.
    let mut article = seed_with_photo();
    article.content.title = format!("Kabinett {}", "ab-".repeat(40_000));
    article.content.body = format!(
        "Vorher.\n\n{}\n\nNachher.\n",
        "Verwaltungsdigitalisierung".repeat(8_000)
    );
    let text = pdf_text(&pdf(&article, &Templates::builtin()).expect("pdf"));
    assert!(text.contains("Kabinett ab-ab-"), "the title's beginning");
    assert!(text.contains('…'), "and where it was cut");
    assert!(text.contains("Nachher."), "the body whole");
}
