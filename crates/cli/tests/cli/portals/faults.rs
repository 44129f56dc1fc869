//! The outbox against a real WordPress behind a fault proxy: the connection dropped, an
//! answer slower than the timeout, 500s, answers lost after the server acted, the network
//! gone, the sender killed mid-queue. After the faults stop, every queued article is on the
//! portal exactly once.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::harness::{Desk, WordPress, unique_name};
use newsdesk_e2e::portals::proxy::{Fault, FaultProxy};

const CREATE: &str = "POST /wp-json/wp/v2/posts ";
const UPLOAD: &str = "POST /wp-json/wp/v2/media?";

/// A desk whose portal `wp` is the shared WordPress seen through a fault proxy.
fn desk_behind_proxy() -> (Desk, WordPress, FaultProxy) {
    let wp = WordPress::shared();
    let proxy = FaultProxy::start(&wp.url);
    let desk = Desk::new();
    desk.add_portal("wp", "wordpress", &proxy.url, &wp.user, &wp.password);
    (desk, wp, proxy)
}

/// Publishes (one attempt, which the fault meets), then runs the outbox until it is empty.
fn publish_through_faults(desk: &Desk, id: i64) -> Value {
    let first = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(
        first["state"], "retrying",
        "the first attempt met the fault and waits for another: {first}"
    );
    desk.ok(&["outbox", "run", "--until-empty"]);
    desk.job(first["id"].as_i64().expect("job id"))
}

fn assert_once(wp: &WordPress, title: &str, job: &Value) {
    assert_eq!(job["state"], "done", "sent after the faults: {job}");
    let posts = wp.posts_titled(title);
    assert_eq!(posts.len(), 1, "exactly one post for “{title}”: {posts:?}");
    assert_eq!(
        posts[0]["id"].to_string(),
        job["remote_id"].as_str().unwrap_or_default(),
        "the library knows that post"
    );
}

#[test]
fn a_dropped_connection_is_tried_again() {
    let (desk, wp, proxy) = desk_behind_proxy();
    let title = format!("Verbindung weg {}", unique_name());
    let id = desk.article_with_photo(&title);
    proxy.fail(CREATE, Fault::Drop, 2);
    let job = publish_through_faults(&desk, id);
    assert_once(&wp, &title, &job);
    assert_eq!(job["attempts"], 3, "two drops, then through");
}

#[test]
fn an_answer_slower_than_the_timeout_is_tried_again() {
    let (desk, wp, proxy) = desk_behind_proxy();
    let title = format!("Zu langsam {}", unique_name());
    let id = desk.article_with_photo(&title);
    proxy.fail(CREATE, Fault::Stall(Duration::from_secs(5)), 1);
    let job = publish_through_faults(&desk, id);
    assert_once(&wp, &title, &job);
}

#[test]
fn a_server_error_is_tried_again() {
    let (desk, wp, proxy) = desk_behind_proxy();
    let title = format!("Serverfehler {}", unique_name());
    let id = desk.article_with_photo(&title);
    proxy.fail(CREATE, Fault::Status(500), 3);
    let first = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert!(
        first["error"].as_str().is_some_and(|e| e.contains("500")),
        "the reason is kept: {first}"
    );
    desk.ok(&["outbox", "run", "--until-empty"]);
    assert_once(&wp, &title, &desk.job(first["id"].as_i64().expect("id")));
}

#[test]
fn a_create_whose_answer_came_too_late_is_not_made_twice() {
    let (desk, wp, proxy) = desk_behind_proxy();
    let title = format!("Antwort verloren {}", unique_name());
    let id = desk.article_with_photo(&title);
    // WordPress creates the post; the answer arrives after the 3 s timeout, if at all.
    proxy.fail(CREATE, Fault::ActThenStall(Duration::from_secs(5)), 1);
    let job = publish_through_faults(&desk, id);
    assert_once(&wp, &title, &job);
    let creates = proxy
        .seen()
        .iter()
        .filter(|(line, _)| line.starts_with(CREATE))
        .count();
    assert_eq!(
        creates, 1,
        "the retry found the post by its slug instead of creating again"
    );
}

#[test]
fn a_picture_whose_upload_answer_was_lost_is_not_uploaded_twice() {
    let (desk, wp, proxy) = desk_behind_proxy();
    let title = format!("Bild verloren {}", unique_name());
    let id = desk.article_with_photo(&title);
    proxy.fail(UPLOAD, Fault::ActThenDrop, 1);
    let job = publish_through_faults(&desk, id);
    assert_once(&wp, &title, &job);
    let uploads = proxy
        .seen()
        .iter()
        .filter(|(line, _)| line.starts_with(UPLOAD))
        .count();
    assert_eq!(uploads, 1, "found by its slug on the retry, not sent again");
    let post = &wp.posts_titled(&title)[0];
    let (_, media) = wp.rest("GET", &format!("/media/{}", post["featured_media"]), None);
    let (_, same) = wp.rest(
        "GET",
        &format!("/media?slug={}", media["slug"].as_str().unwrap_or("")),
        None,
    );
    assert_eq!(
        same.as_array().map(Vec::len),
        Some(1),
        "one media item: {same}"
    );
}

#[test]
fn offline_the_queue_waits_and_drains_when_the_network_is_back() {
    let (desk, wp, proxy) = desk_behind_proxy();
    let titles: Vec<String> = (0..3)
        .map(|n| format!("Offline {n} {}", unique_name()))
        .collect();
    let ids: Vec<i64> = titles.iter().map(|t| desk.article_with_photo(t)).collect();
    proxy.fail_all(Fault::Drop);
    for id in &ids {
        let job = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
        assert_eq!(job["state"], "retrying", "{job}");
    }
    let summary = desk.json(&["outbox", "list", "--pending", "--json"]);
    assert_eq!(
        summary.as_array().map(Vec::len),
        Some(3),
        "three wait: {summary}"
    );
    proxy.heal();
    desk.ok(&["outbox", "run", "--until-empty"]);
    for (title, job) in titles.iter().zip(
        desk.json(&["outbox", "list", "--json"])
            .as_array()
            .expect("jobs")
            .iter()
            .rev(),
    ) {
        assert_once(&wp, title, job);
    }
}

#[test]
fn a_sender_killed_mid_queue_finishes_after_a_restart() {
    let (desk, wp, proxy) = desk_behind_proxy();
    let titles: Vec<String> = (0..3)
        .map(|n| format!("Abgebrochen {n} {}", unique_name()))
        .collect();
    for title in &titles {
        let id = desk.article_with_photo(title);
        desk.ok(&["publish", &id.to_string(), "--portal", "wp", "--queue-only"]);
    }
    // The first create reaches WordPress, and the sender is killed while it waits.
    proxy.fail(CREATE, Fault::ActThenStall(Duration::from_secs(30)), 1);
    let mut sender = desk
        .command(&["outbox", "run", "--until-empty"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the sender starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !proxy
        .seen()
        .iter()
        .any(|(_, fault)| matches!(fault, Some(Fault::ActThenStall(_))))
    {
        assert!(
            Instant::now() < deadline,
            "the create never came: {:?}",
            proxy.seen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(500)); // WordPress has acted
    nix_kill(&sender);
    let _ = sender.wait();
    let jobs = desk.json(&["outbox", "list", "--json"]);
    assert!(
        jobs.as_array()
            .expect("jobs")
            .iter()
            .any(|j| j["state"] == "sending"),
        "killed mid-send: {jobs}"
    );
    proxy.heal();
    desk.ok(&["outbox", "run", "--until-empty"]);
    let jobs = desk.json(&["outbox", "list", "--json"]);
    for (title, job) in titles
        .iter()
        .zip(jobs.as_array().expect("jobs").iter().rev())
    {
        assert_once(&wp, title, job);
    }
}

fn nix_kill(child: &std::process::Child) {
    let status = std::process::Command::new("kill")
        .args(["-9", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "SIGKILL sent");
}

#[test]
fn a_wrong_password_fails_at_once_and_says_so() {
    let wp = WordPress::shared();
    let desk = Desk::new();
    desk.add_portal(
        "wp",
        "wordpress",
        &wp.url,
        &wp.user,
        "wrong wrong wrong wrong",
    );
    let title = format!("Falsches Passwort {}", unique_name());
    let id = desk.article_with_photo(&title);
    let out = desk.run(&["publish", &id.to_string(), "--portal", "wp"]);
    assert_eq!(out.status.code(), Some(1), "a failure");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refused the credentials") && err.contains("portal test"),
        "the user's problem, in words: {err}"
    );
    let jobs = desk.json(&["outbox", "list", "--json"]);
    assert_eq!(jobs[0]["state"], "failed", "not retried: {jobs}");
    assert_eq!(jobs[0]["attempts"], 1);
    assert!(wp.posts_titled(&title).is_empty());
    let portal = desk.run(&["portal", "test", "wp"]);
    assert!(!portal.status.success(), "portal test says the same");
}
