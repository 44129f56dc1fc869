//! What a portal answers, however much or wherever it points: every list is read to its end
//! (a post's 1,000 tags come back, a vocabulary of many pages), an endless one stops at the
//! page limit and says so, a 63 MiB answer takes memory near its size, a larger one is refused
//! in words, and a redirect is followed only within the portal's own address — one elsewhere
//! is refused and named, never sent the login.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use newsdesk_e2e::portals::canned::{Answer, CannedPortal};
use newsdesk_e2e::portals::proxy::{Fault, FaultProxy};
use serde_json::{Value, json};

use super::harness::{Desk, WordPress, unique_name};

const MIB: usize = 1024 * 1024;

/// Deletes what a test made on the shared WordPress, also when the test fails.
struct Made<'a> {
    wp: &'a WordPress,
    posts: Vec<u64>,
    tags: Vec<u64>,
}

impl Drop for Made<'_> {
    fn drop(&mut self) {
        let calls: Vec<(&str, String, Value)> = self
            .posts
            .iter()
            .map(|id| ("DELETE", format!("/wp/v2/posts/{id}?force=true"), json!({})))
            .chain(
                self.tags
                    .iter()
                    .map(|id| ("DELETE", format!("/wp/v2/tags/{id}?force=true"), json!({}))),
            )
            .collect();
        if !calls.is_empty() {
            self.wp.batch(&calls);
        }
    }
}

fn tags_of(article: &Value) -> Vec<String> {
    article["tags"]
        .as_array()
        .map(|t| {
            t.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_post_with_a_thousand_tags_comes_back_with_all_of_them() {
    let wp = WordPress::shared();
    let run = unique_name();
    let names: Vec<String> = (0..1000)
        .map(|n| format!("Stichwort {run} {n:04}"))
        .collect();
    let calls: Vec<(&str, String, Value)> = names
        .iter()
        .map(|name| ("POST", "/wp/v2/tags".to_string(), json!({"name": name})))
        .collect();
    let mut made = Made {
        wp: &wp,
        posts: Vec::new(),
        tags: Vec::new(),
    };
    for (status, tag) in wp.batch(&calls) {
        assert_eq!(status, 201, "WordPress made the tag: {tag}");
        made.tags.push(tag["id"].as_u64().expect("a tag id"));
    }
    let title = format!("Tausend Stichwörter {run}");
    let (status, post) = wp.rest(
        "POST",
        "/posts",
        Some(&json!({
            "title": format!("Thüringen: {title}"),
            "excerpt": "Ein Beitrag mit tausend Stichwörtern.",
            "content": "<p>Text.</p>",
            "status": "publish",
            "tags": made.tags,
        })),
    );
    assert_eq!(status, 201, "the post is made: {post}");
    made.posts.push(post["id"].as_u64().expect("a post id"));
    assert_eq!(
        post["tags"].as_array().map(Vec::len),
        Some(1000),
        "WordPress holds all 1,000 tags on the post"
    );

    let desk = Desk::new();
    desk.add_portal("wp", "wordpress", &wp.url, &wp.user, &wp.password);
    let report = desk.json(&["portal", "pull", "wp", "--json"]);
    let new_tags: Vec<&str> = report["new_tags"]
        .as_array()
        .expect("new tags")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for name in &names {
        assert!(
            new_tags.contains(&name.as_str()),
            "the vocabulary is read page by page to its end: {name} is missing"
        );
    }
    let article = desk
        .article_titled(&title)
        .unwrap_or_else(|| panic!("the post came with the pull: {report}"));
    let mut tags = tags_of(&article);
    tags.sort();
    assert_eq!(
        tags, names,
        "all 1,000 tags come back (read 100 ids at a time), not the first 100"
    );
    assert_eq!(article["kicker"], "Thüringen");
}

/// The shared WordPress's address as a socket address.
fn addr_of(wp: &WordPress) -> SocketAddr {
    wp.url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .expect("WordPress listens on http://127.0.0.1:PORT")
}

#[test]
fn a_redirect_to_another_address_is_refused_and_named_never_followed() {
    let wp = WordPress::shared();
    let proxy = FaultProxy::start(&wp.url);
    let desk = Desk::new();
    desk.add_portal("moved", "wordpress", &proxy.url, &wp.user, &wp.password);
    let id = desk.article_with_photo(&format!("Umgezogen {}", unique_name()));
    // Another port is another address: the login must not follow there.
    for status in [307, 301] {
        proxy.heal();
        proxy.fail_all(Fault::Redirect(status, addr_of(&wp)));
        let out = desk.run(&["portal", "test", "moved"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success(),
            "portal test does not say ok after a redirect elsewhere ({status}): {err}"
        );
        assert!(
            err.contains(&format!(
                "redirected ({status}) to {}/wp-json/wp/v2/users/me",
                wp.url
            )) && err.contains("use that address"),
            "names where the portal points, and what to do: {err}"
        );
    }
    let title = desk.json(&["article", "show", &id.to_string(), "--json"])["title"]
        .as_str()
        .expect("title")
        .to_string();
    let out = desk.run(&["publish", &id.to_string(), "--portal", "moved", "--json"]);
    assert_eq!(out.status.code(), Some(1), "a failure");
    let job: Value = serde_json::from_slice(&out.stdout).expect("the job as JSON");
    assert_eq!(
        job["state"], "failed",
        "not retried: the address must change: {job}"
    );
    assert_eq!(job["attempts"], 1);
    assert!(
        wp.posts_titled(&title).is_empty(),
        "nothing reached the other address"
    );
    let every_request_went_to_the_proxy_only = proxy
        .seen()
        .iter()
        .all(|(_, fault)| matches!(fault, Some(Fault::Redirect(..))));
    assert!(every_request_went_to_the_proxy_only);
}

#[test]
fn a_redirect_within_the_portal_keeps_the_login() {
    let wp = WordPress::shared();
    let proxy = FaultProxy::start(&wp.url);
    let desk = Desk::new();
    desk.add_portal("wp", "wordpress", &proxy.url, &wp.user, &wp.password);
    proxy.fail(
        "GET /wp-json/wp/v2/users/me",
        Fault::Redirect(308, proxy.addr()),
        1,
    );
    let said = desk.ok(&["portal", "test", "wp"]);
    assert!(
        said.contains(&format!("ok: wp answered at {}:", proxy.url)) && said.contains(" as "),
        "the login is proven where it ended, named, with the user: {said}"
    );
    let me = proxy
        .seen()
        .iter()
        .filter(|(line, _)| line.starts_with("GET /wp-json/wp/v2/users/me"))
        .count();
    assert_eq!(me, 2, "redirected once, then answered");

    // A write redirected with 307 within the portal is sent again, as it was.
    let title = format!("Umgeleitet {}", unique_name());
    let id = desk.article_with_photo(&title);
    proxy.fail(
        "POST /wp-json/wp/v2/posts ",
        Fault::Redirect(307, proxy.addr()),
        1,
    );
    let job = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(job["state"], "done", "{job}");
    assert_eq!(wp.posts_titled(&title).len(), 1, "made once");
}

/// A JSON document of about `size` bytes: `head` (an object's first members, without the
/// closing brace) and a padding member of zeros no adapter reads.
fn padded(head: &str, size: usize) -> Arc<Vec<u8>> {
    let mut body = Vec::with_capacity(size + 64);
    body.extend_from_slice(head.as_bytes());
    body.extend_from_slice(br#","padding":["#);
    while body.len() + 4 < size {
        body.extend_from_slice(b"0,");
    }
    body.extend_from_slice(b"0]}");
    Arc::new(body)
}

/// A ninjs endpoint answering `vocabulary` for its vocabulary and no items.
fn ninjs_answering(vocabulary: Answer) -> CannedPortal {
    CannedPortal::start(move |line| {
        if line.starts_with("GET /api/vocabulary ") {
            vocabulary.clone()
        } else if line.starts_with("GET /api/items") {
            Answer::json(r#"{"items":[],"next":null}"#)
        } else {
            Answer::json(r#"{"name":"Canned","ninjs":"2.1"}"#)
        }
    })
}

/// Peak memory a command may take for a 63 MiB answer: the answer, room for it to arrive,
/// what it holds, and the program itself (a `serde_json::Value` of the same answer took
/// 1.1–2.2 GB).
const PEAK_FOR_63_MIB: u64 = 320 * 1024;

#[test]
fn a_63_mib_answer_takes_memory_near_its_size() {
    // A valid vocabulary whose bulk is a field Newsdesk does not read.
    let portal = ninjs_answering(Answer::shared(padded(
        r#"{"tags":["Landtag","Kreistag"],"sections":["Politik"]"#,
        63 * MIB,
    )));
    let desk = Desk::new();
    desk.add_portal("big", "ninjs", &format!("{}/api", portal.url), "", "token");
    let (out, kib) = desk.run_measured(&["portal", "pull", "big", "--json"]);
    assert!(
        out.status.success(),
        "a valid answer within the limit is read: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("the report");
    let mut new_tags = report["new_tags"].as_array().cloned().unwrap_or_default();
    new_tags.sort_by_key(|t| t.to_string());
    assert_eq!(
        new_tags,
        vec![json!("Kreistag"), json!("Landtag")],
        "{report}"
    );
    assert!(
        kib < PEAK_FOR_63_MIB,
        "a 63 MiB answer took {kib} KiB at its peak, more than {PEAK_FOR_63_MIB} KiB"
    );

    // A WordPress page of posts, as large, its bulk in a field of the post no one reads.
    let page = padded(
        r#"[{"id":7,"modified_gmt":"2026-01-02T03:04:05","status":"publish","slug":"gross",
            "title":{"raw":"Thüringen: Eine große Antwort"},"excerpt":{"raw":"Kurz."},
            "content":{"raw":"<p>Text.</p>"},"tags":[],"categories":[],
            "date_gmt":"2026-01-02T03:04:05","meta":{"x":1}"#,
        63 * MIB,
    );
    let page = Arc::new([&page[..], b"]"].concat()); // the page is a list of that one post
    let wordpress = CannedPortal::start(move |line| {
        if line.starts_with("GET /wp-json/wp/v2/posts") {
            Answer::shared(Arc::clone(&page)).header("X-WP-TotalPages", "1")
        } else {
            Answer::json("[]").header("X-WP-TotalPages", "1")
        }
    });
    desk.add_portal("wpbig", "wordpress", &wordpress.url, "ba", "secret");
    let (out, kib) = desk.run_measured(&["portal", "pull", "wpbig", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("the report");
    assert_eq!(
        report["added"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
    assert!(
        kib < PEAK_FOR_63_MIB,
        "a 63 MiB page of posts took {kib} KiB at its peak, more than {PEAK_FOR_63_MIB} KiB"
    );
}

#[test]
fn a_vocabulary_longer_than_the_limit_keeps_its_first_names_and_says_so() {
    let mut body = String::from(r#"{"sections":["Politik"],"tags":["#);
    for n in 0..150_000 {
        if n > 0 {
            body.push(',');
        }
        body.push_str(&format!("\"Tag {n}\""));
    }
    body.push_str("]}");
    let portal = ninjs_answering(Answer::json(body));
    let desk = Desk::new();
    desk.add_portal("many", "ninjs", &format!("{}/api", portal.url), "", "token");
    let report = desk.json(&["portal", "pull", "many", "--json"]);
    assert_eq!(
        report["new_tags"].as_array().map(Vec::len),
        Some(100_000),
        "the first 100,000 kept"
    );
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("more than 100000 tags") && notes.contains("MAX_PORTAL_LIST_ITEMS"),
        "the pull says what it left out, naming the limit: {notes}"
    );
}

#[test]
fn an_answer_larger_than_the_limit_is_refused_in_words() {
    let big = Arc::new(vec![b' '; 65 * MIB]);
    for announced in [true, false] {
        let mut answer = Answer::shared(Arc::clone(&big));
        if !announced {
            answer = answer.without_length();
        }
        let portal = ninjs_answering(answer);
        let desk = Desk::new();
        desk.add_portal("huge", "ninjs", &format!("{}/api", portal.url), "", "token");
        let (out, kib) = desk.run_measured(&["portal", "pull", "huge"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "refused");
        assert!(
            err.contains("is larger than 64 MiB (MAX_PORTAL_ANSWER_BYTES)"),
            "names the limit (length announced: {announced}): {err}"
        );
        if announced {
            assert!(err.contains("65 MiB"), "and the size it announced: {err}");
        }
        assert!(
            kib < PEAK_FOR_63_MIB,
            "refusing took {kib} KiB (length announced: {announced})"
        );
    }
}

#[test]
fn a_list_that_never_ends_stops_at_the_page_limit_and_says_so() {
    let pages = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&pages);
    let tags: Vec<Value> = (0..100)
        .map(|n| json!({"name": format!("Endlos {n}")}))
        .collect();
    let tags = json!(tags).to_string();
    let portal = CannedPortal::start(move |line| {
        if line.starts_with("GET /wp-json/wp/v2/tags") {
            counted.fetch_add(1, Ordering::Relaxed);
            Answer::json(tags.clone()).header("X-WP-TotalPages", "1000000")
        } else {
            Answer::json("[]").header("X-WP-TotalPages", "1")
        }
    });
    let desk = Desk::new();
    desk.add_portal("endless", "wordpress", &portal.url, "ba", "secret");
    let report = desk.json(&["portal", "pull", "endless", "--json"]);
    assert_eq!(
        pages.load(Ordering::Relaxed),
        1000,
        "read up to MAX_PORTAL_PAGES pages"
    );
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("tags run past 1000 pages") && notes.contains("MAX_PORTAL_PAGES"),
        "says that the rest was left out, naming the limit: {notes}"
    );

    // A page holding more than was asked for is not read at all.
    let crowded: Vec<Value> = (0..101)
        .map(|n| json!({"name": format!("Voll {n}")}))
        .collect();
    let crowded = json!(crowded).to_string();
    let portal = CannedPortal::start(move |line| {
        if line.starts_with("GET /wp-json/wp/v2/tags") {
            Answer::json(crowded.clone()).header("X-WP-TotalPages", "1")
        } else {
            Answer::json("[]").header("X-WP-TotalPages", "1")
        }
    });
    desk.add_portal("crowded", "wordpress", &portal.url, "ba", "secret");
    let out = desk.run(&["portal", "pull", "crowded"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("more than 100 entries"),
        "a page of 101 where 100 were asked for is refused: {err}"
    );
}

#[test]
fn a_post_the_library_cannot_hold_is_left_out_of_a_pull_and_named() {
    // Two posts on one page: one of 17 MiB (more than one article may hold), one ordinary.
    let huge = format!("<p>{}</p>", "Wort ".repeat(17 * MIB / 5));
    let post = |id: u32, slug: &str, title: &str, content: &str| {
        json!({
            "id": id, "modified_gmt": "2026-01-02T03:04:05", "status": "publish", "slug": slug,
            "title": {"raw": title}, "excerpt": {"raw": "Kurz."},
            "content": {"raw": content}, "tags": [], "categories": [],
            "date_gmt": "2026-01-02T03:04:05"
        })
    };
    let page = Arc::new(
        serde_json::to_vec(&json!([
            post(7, "riesig", "Thüringen: Ein riesiger Beitrag", &huge),
            post(
                8,
                "normal",
                "Thüringen: Ein normaler Beitrag",
                "<p>Text.</p>"
            ),
        ]))
        .expect("json"),
    );
    let wordpress = CannedPortal::start(move |line| {
        if line.starts_with("GET /wp-json/wp/v2/posts") {
            Answer::shared(Arc::clone(&page)).header("X-WP-TotalPages", "1")
        } else {
            Answer::json("[]").header("X-WP-TotalPages", "1")
        }
    });
    let desk = Desk::new();
    desk.add_portal("wp", "wordpress", &wordpress.url, "ba", "secret");
    let report = desk.json(&["portal", "pull", "wp", "--json"]);
    assert_eq!(
        report["added"].as_array().map(Vec::len),
        Some(1),
        "the ordinary post comes in: {report}"
    );
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("post 7") && notes.contains("riesiger Beitrag") && notes.contains("16 MiB"),
        "the post left out is named with the reason: {notes}"
    );
}
