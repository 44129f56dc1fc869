//! A newsroom's templates run within their budget: a print template that loops or grows is
//! stopped and the export refused in words (the template and the budget named) while the
//! `newsdesk` process keeps its memory; HTML templates read nothing outside their folder; the
//! normal exports still work.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::images::path_text as path_text_of;
use super::{json, nd, ok, with_samples};

/// Runs `newsdesk export` of the seed article with `templates`' folder and the given template
/// budget; returns (success, stderr, the process's own peak memory in KiB as sampled from
/// /proc while it ran, how long it took).
fn export_with(
    db: &Path,
    templates: &Path,
    format: &str,
    target: &Path,
    seconds: Option<u64>,
) -> (bool, String, u64, Duration) {
    let id = super::seed_id(db).to_string();
    let mut command = Command::new(super::BIN);
    command
        .arg("--db")
        .arg(db)
        .args([
            "export",
            &id,
            "--format",
            format,
            "-o",
            path_text_of(target),
        ])
        .env_remove("NEWSDESK_DB")
        .env("NEWSDESK_TEMPLATES", templates)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    match seconds {
        Some(s) => command.env("NEWSDESK_TEMPLATE_SECONDS", s.to_string()),
        None => command.env_remove("NEWSDESK_TEMPLATE_SECONDS"),
    };
    let started = Instant::now();
    let mut child = command.spawn().expect("newsdesk runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    // A hang fails the test instead of stalling it: far beyond any budget used here.
    let give_up = started + Duration::from_secs(300);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kib);
        }
        assert!(Instant::now() < give_up, "the export hung");
        std::thread::sleep(Duration::from_millis(10));
    };
    let took = started.elapsed();
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        use std::io::Read;
        let _ = err.read_to_string(&mut stderr);
    }
    (status.success(), stderr, peak, took)
}

fn folder_with(file: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("templates folder");
    std::fs::write(dir.path().join(file), text).expect("template");
    dir
}

#[test]
fn a_print_template_that_loops_is_stopped_at_its_time() {
    let (dir, db) = with_samples();
    // 100 million turns: minutes of Typst's time, no memory to speak of.
    let templates = folder_with(
        "article.typ",
        "#let article(..args, body) = {\n  for i in range(10000) { for j in range(10000) { } }\n  body\n}\n",
    );
    let target = dir.path().join("a.pdf");
    let (done, said, _, took) = export_with(&db, templates.path(), "pdf", &target, Some(3));
    assert!(!done, "refused");
    assert!(
        said.contains("article.typ") && said.contains("longer than 3 s"),
        "names the template and the budget: {said}"
    );
    assert!(
        said.contains("MAX_TEMPLATE_SECONDS"),
        "names the limit: {said}"
    );
    assert!(
        took < Duration::from_secs(60),
        "stopped near its budget, not at the loop's end ({took:?})"
    );
    assert!(!target.exists(), "no file is written");
}

#[test]
fn a_print_template_that_grows_is_stopped_at_its_memory_and_newsdesk_keeps_its_own() {
    let (dir, db) = with_samples();
    // An array of 200 million numbers: several GiB.
    let templates = folder_with(
        "article.typ",
        "#let article(..args, body) = {\n  let a = range(200000000)\n  body\n}\n",
    );
    let target = dir.path().join("a.pdf");
    let (done, said, peak, _) = export_with(&db, templates.path(), "pdf", &target, None);
    assert!(!done, "refused");
    assert!(
        said.contains("article.typ")
            && said.contains("2 GiB")
            && said.contains("MAX_TEMPLATE_MEMORY"),
        "names the template and the budget: {said}"
    );
    assert!(
        peak < 512 * 1024,
        "the newsdesk process itself stays small ({peak} KiB); the template's process took \
         the memory"
    );
    assert!(!target.exists(), "no file is written");
}

#[test]
fn an_html_template_that_loops_or_grows_is_stopped() {
    let (dir, db) = with_samples();
    for template in [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% set ns = namespace(s=\"x\" * 100000000) %}{% for i in range(8) %}\
         {% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    ] {
        let templates = folder_with("article.html", template);
        let target = dir.path().join("a.html");
        let (done, said, peak, _) = export_with(&db, templates.path(), "html", &target, None);
        assert!(!done, "refused: {template}");
        assert!(
            said.contains("article.html") && said.contains("MAX_TEMPLATE_"),
            "names the template and the limit: {said}"
        );
        assert!(peak < 512 * 1024, "newsdesk stays small ({peak} KiB)");
    }
}

#[test]
fn an_html_template_reads_nothing_outside_its_folder() {
    let (dir, db) = with_samples();
    let secret = dir.path().join("geheim.txt");
    std::fs::write(&secret, "GEHEIM-4711").expect("secret");
    let templates = tempfile::tempdir().expect("templates");
    std::fs::write(
        templates.path().join("kopf.html"),
        "<h1>{{ article.title }}</h1>",
    )
    .expect("part");
    std::os::unix::fs::symlink(&secret, templates.path().join("link.html")).expect("symlink");
    let target = dir.path().join("a.html");
    for asked in [
        secret.display().to_string(),
        "../geheim.txt".to_owned(),
        "link.html".to_owned(),
    ] {
        std::fs::write(
            templates.path().join("article.html"),
            format!("{{% include \"{asked}\" %}}"),
        )
        .expect("template");
        let (done, said, _, _) = export_with(&db, templates.path(), "html", &target, None);
        assert!(!done, "refused: {asked}");
        assert!(
            said.contains("article.html") && said.contains(&asked),
            "names the template and the name it asked for: {said}"
        );
        assert!(!said.contains("GEHEIM"), "nothing of the file is shown");
        assert!(!target.exists(), "no page with the file in it");
    }
    std::fs::write(
        templates.path().join("article.html"),
        "{% include \"kopf.html\" %}<style>{% include \"article.css\" %}</style>",
    )
    .expect("template");
    let (done, said, _, _) = export_with(&db, templates.path(), "html", &target, None);
    assert!(done, "a sibling and a built-in are included: {said}");
    let page = std::fs::read_to_string(&target).expect("page");
    assert!(page.starts_with("<h1>Zweites Digitalisierungskabinett</h1><style>"));
}

#[test]
fn the_built_in_exports_still_work_through_the_template_process() {
    let (dir, db) = with_samples();
    let id = super::seed_id(&db).to_string();
    // Several in one process: the template process is kept and used again.
    let ids: Vec<String> = json(&db, &["article", "list", "--json"])
        .as_array()
        .expect("list")
        .iter()
        .map(|a| a["id"].to_string())
        .collect();
    let folder = dir.path().join("out");
    let mut args = vec![
        "export",
        "--format",
        "pdf",
        "-o",
        path_text_of(&folder),
        "--json",
    ];
    args.extend(ids.iter().map(String::as_str));
    let out = nd(&db, &args);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("a report ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let written = report["written"].as_array().expect("written").len();
    assert!(written >= 2, "several PDFs from one process: {report}");
    for failed in report["failed"].as_array().expect("failed") {
        assert!(
            failed["message"]
                .as_str()
                .is_some_and(|m| m.contains("credit")),
            "only pictures without credit stop an article: {failed}"
        );
    }
    let target = dir.path().join("seed.pdf");
    ok(
        &db,
        &[
            "export",
            &id,
            "--format",
            "pdf",
            "-o",
            path_text_of(&target),
        ],
    );
    let bytes = std::fs::read(&target).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
}
