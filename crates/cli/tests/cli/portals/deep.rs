//! A post nested 10,000 deep on a real WordPress is pulled, and meets publishing's conflict
//! path, without a crash: its text comes back, the nesting flattened. A job left `sending` by
//! a runner that died is cancelled, and its portal removed, once no runner holds the lock.

use std::io::Read;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use serde_json::json;

use super::harness::{Desk, WordPress, unique_name};
use super::wordpress::{desk_on_wordpress, rewrite_teaser};

/// HTML whose innermost words are `text`, inside `depth` nested elements of three kinds.
fn nested(depth: usize, text: &str) -> String {
    let kinds = ["div", "blockquote", "span"];
    let mut html = String::new();
    for level in 0..depth {
        html.push_str(&format!("<{}>", kinds[level % 3]));
    }
    html.push_str(&format!("<p>{text}</p>"));
    for level in (0..depth).rev() {
        html.push_str(&format!("</{}>", kinds[level % 3]));
    }
    html
}

#[test]
fn a_post_nested_10000_deep_is_pulled_with_its_text() {
    let wp = WordPress::shared();
    let title = format!("Tief verschachtelt {}", unique_name());
    let (status, post) = wp.rest(
        "POST",
        "/posts",
        Some(&json!({
            "title": title,
            "content": nested(10_000, "Ganz innen steht der Satz."),
            "status": "publish",
        })),
    );
    assert_eq!(status, 201, "WordPress takes the post: {post}");

    let desk = Desk::new();
    desk.add_portal("wp", "wordpress", &wp.url, &wp.user, &wp.password);
    let out = desk.run(&["portal", "pull", "wp", "--json"]);
    assert!(
        out.status.success(),
        "the pull finishes ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let article = desk.article_titled(&title).unwrap_or_else(|| {
        panic!(
            "the deep post came with the pull: {}",
            desk.ok(&["article", "list"])
        )
    });
    let body = article["body"].as_str().expect("body");
    assert!(
        body.contains("Ganz innen steht der Satz."),
        "the text stays: {body:.300}"
    );
    let quotes = body
        .lines()
        .map(|l| l.chars().filter(|c| *c == '>').count())
        .max()
        .unwrap_or(0);
    assert!(
        quotes <= newsdesk_model::limits::MAX_HTML_DEPTH,
        "the nesting is flattened ({quotes} quote marks on a line)"
    );
    // The pulled article is shown and exported like any other.
    let target = desk.dir.path().join("tief.html");
    desk.ok(&[
        "export",
        &article["id"].to_string(),
        "-o",
        target.to_str().expect("path"),
    ]);
}

#[test]
fn a_conflict_with_a_post_nested_10000_deep_is_shown_and_can_be_cancelled() {
    let title = format!("Tiefer Konflikt {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let job = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    let post_id = job["remote_id"].as_str().expect("post id").to_string();
    std::thread::sleep(Duration::from_millis(1100)); // WordPress stamps by the second
    let (status, _) = wp.rest(
        "POST",
        &format!("/posts/{post_id}"),
        Some(&json!({"content": nested(10_000, "Vom Desk eingefügt.")})),
    );
    assert_eq!(status, 200, "the colleague's change is saved");
    let file = desk.dir.path().join("mine.md");
    let markdown = desk.ok(&["article", "show", &id.to_string(), "--md"]);
    std::fs::write(&file, rewrite_teaser(&markdown, "Meine Einleitung.")).expect("file");
    desk.ok(&[
        "article",
        "update",
        &id.to_string(),
        file.to_str().expect("path"),
    ]);

    let out = desk.run(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "a conflict, not a crash: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let job: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the job as JSON");
    assert_eq!(job["state"], "conflict", "{job}");
    let shown = desk.json(&["outbox", "show", &job["id"].to_string(), "--json"]);
    let content = shown["conflict"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["field"] == "content")
        .unwrap_or_else(|| panic!("the body differs: {shown}"))
        .clone();
    assert!(
        content["remote"]
            .as_str()
            .is_some_and(|r| r.contains("Vom Desk eingefügt.")),
        "the portal's version is readable"
    );
    // Another run meets the same job without a crash; the editor cancels it.
    desk.ok(&["outbox", "run"]);
    desk.ok(&["outbox", "cancel", &job["id"].to_string()]);
    assert_eq!(
        desk.job(job["id"].as_i64().expect("id"))["state"],
        "cancelled"
    );
}

/// A portal that takes connections and never answers.
fn silent_portal() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    (listener, url)
}

#[test]
fn a_job_left_sending_by_a_runner_that_died_is_cancelled_and_its_portal_removed() {
    let desk = Desk::new();
    let (listener, url) = silent_portal();
    let held = std::thread::spawn(move || {
        // Keep every connection open and unanswered.
        let mut open = Vec::new();
        for stream in listener.incoming().flatten() {
            let mut reader = stream.try_clone().expect("clone");
            std::thread::spawn(move || {
                let mut sink = [0u8; 4096];
                while matches!(reader.read(&mut sink), Ok(n) if n > 0) {}
            });
            open.push(stream);
        }
    });
    desk.add_portal("stumm", "wordpress", &url, "ba", "geheim");
    let id = desk.article_with_photo(&format!("Hängt {}", unique_name()));
    let job = desk.json(&[
        "publish",
        &id.to_string(),
        "--portal",
        "stumm",
        "--queue-only",
        "--json",
    ]);
    let job_id = job["id"].as_i64().expect("id");
    let mut runner = desk
        .command(&["outbox", "run"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the runner starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while desk.job(job_id)["state"] != "sending" {
        assert!(Instant::now() < deadline, "the runner never sent");
        std::thread::sleep(Duration::from_millis(20));
    }
    let busy = desk.run(&["outbox", "cancel", &job_id.to_string()]);
    assert!(!busy.status.success(), "not while a runner sends it");
    assert!(
        String::from_utf8_lossy(&busy.stderr).contains("being sent right now"),
        "{}",
        String::from_utf8_lossy(&busy.stderr)
    );
    let _ = runner.kill(); // SIGKILL: the runner dies mid-send
    let _ = runner.wait();
    assert_eq!(desk.job(job_id)["state"], "sending", "left as it was");

    let removed = desk.run(&["portal", "remove", "stumm"]);
    assert!(!removed.status.success(), "the waiting job is named first");
    assert!(
        String::from_utf8_lossy(&removed.stderr).contains(&format!("job {job_id}")),
        "{}",
        String::from_utf8_lossy(&removed.stderr)
    );
    desk.ok(&["outbox", "cancel", &job_id.to_string()]);
    assert_eq!(desk.job(job_id)["state"], "cancelled");
    desk.ok(&["portal", "remove", "stumm"]);
    drop(held);
}
