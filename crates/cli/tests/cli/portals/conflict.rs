//! A colleague changes the post on WordPress directly; publishing from Newsdesk then reports
//! the conflict with the three versions and overwrites nothing; the editor chooses.

use serde_json::json;

use super::harness::{Desk, WordPress, unique_name};
use super::wordpress::{desk_on_wordpress, rewrite_teaser};

/// Publishes, then changes the post's title on WordPress and the teaser in the library;
/// returns (desk, wordpress, article id, post id, the colleague's title).
fn changed_on_both_sides() -> (Desk, WordPress, i64, String, String) {
    let title = format!("Konflikt {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let job = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    let post_id = job["remote_id"].as_str().expect("post id").to_string();
    // WordPress stamps changes by the second: the colleague edits a second later.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let theirs = format!("Thüringen: {title} (vom Desk korrigiert)");
    let (status, _) = wp.rest(
        "POST",
        &format!("/posts/{post_id}"),
        Some(&json!({"title": theirs})),
    );
    assert_eq!(status, 200, "the colleague's change is saved");
    let file = desk.dir.path().join("mine.md");
    let markdown = desk.ok(&["article", "show", &id.to_string(), "--md"]);
    std::fs::write(&file, rewrite_teaser(&markdown, "Meine neue Einleitung.")).expect("file");
    desk.ok(&[
        "article",
        "update",
        &id.to_string(),
        file.to_str().expect("path"),
    ]);
    (desk, wp, id, post_id, theirs)
}

#[test]
fn a_change_on_the_portal_is_reported_and_not_overwritten() {
    let (desk, wp, id, post_id, theirs) = changed_on_both_sides();
    let out = desk.run(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(out.status.code(), Some(3), "a conflict ends with code 3");
    let job: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the job as JSON");
    assert_eq!(job["state"], "conflict", "{job}");

    let (_, post) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
    assert_eq!(post["title"]["raw"], theirs, "the colleague's title stays");
    assert!(
        !post["excerpt"]["raw"]
            .as_str()
            .unwrap_or_default()
            .contains("Meine neue"),
        "nothing of mine went over it"
    );

    let shown = desk.json(&["outbox", "show", &job["id"].to_string(), "--json"]);
    let fields = shown["conflict"]["fields"].as_array().expect("fields");
    let title = fields
        .iter()
        .find(|f| f["field"] == "title")
        .expect("the title differs");
    assert_eq!(title["remote"], theirs, "theirs");
    assert_eq!(
        title["local"], title["base"],
        "mine unchanged since the last publish"
    );
    let excerpt = fields
        .iter()
        .find(|f| f["field"] == "excerpt")
        .expect("the teaser differs");
    assert_eq!(excerpt["local"], "Meine neue Einleitung.");
    assert_eq!(
        excerpt["remote"], excerpt["base"],
        "the portal kept the old teaser"
    );
    let text = desk.ok(&["outbox", "show", &job["id"].to_string()]);
    assert!(
        text.contains("on the portal now:") && text.contains("--keep-mine"),
        "{text}"
    );
}

#[test]
fn taking_theirs_brings_the_portals_version_into_the_library() {
    let (desk, wp, id, post_id, theirs) = changed_on_both_sides();
    let out = desk.run(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    let job: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    desk.ok(&["outbox", "resolve", &job["id"].to_string(), "--take-theirs"]);
    let article = desk.json(&["article", "show", &id.to_string(), "--json"]);
    assert_eq!(
        format!(
            "{}: {}",
            article["kicker"].as_str().unwrap_or(""),
            article["title"].as_str().unwrap_or("")
        ),
        theirs,
        "the portal's title is the library's now"
    );
    let history = desk.json(&["article", "history", &id.to_string(), "--json"]);
    assert!(
        history
            .as_array()
            .expect("history")
            .iter()
            .any(|r| r["note"]
                .as_str()
                .is_some_and(|n| n.contains("taken from wp"))),
        "a revision says where it came from: {history}"
    );
    // The next publish is an ordinary update again.
    let again = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(again["state"], "done", "{again}");
    let (_, post) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
    assert_eq!(post["title"]["raw"], theirs);
}

#[test]
fn keeping_mine_sends_it_over_the_portals_copy() {
    let (desk, wp, id, post_id, _) = changed_on_both_sides();
    let out = desk.run(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    let job: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    desk.ok(&["outbox", "resolve", &job["id"].to_string(), "--keep-mine"]);
    assert_eq!(desk.job(job["id"].as_i64().expect("id"))["state"], "done");
    let (_, post) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
    assert!(
        post["excerpt"]["raw"]
            .as_str()
            .unwrap_or_default()
            .contains("Meine neue Einleitung."),
        "mine is there now: {}",
        post["excerpt"]
    );
}
