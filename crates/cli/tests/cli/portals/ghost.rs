//! Publishing to a real Ghost 5 (npm, scripts/portals/ghost.sh). Its install compiles native
//! modules for about five minutes on two cores, so these run in `make test-ghost`, not in
//! every `make test` (`--run-ignored`); the install is cached outside the clone. They run one
//! at a time there (`--no-capture`): the shared Ghost serves one request at a time and works
//! on a post's 250 new tags for seconds, past another test's 3 s timeout.

use newsdesk_e2e::portals::Ghost;
use serde_json::{Value, json};

use super::harness::{Desk, unique_name};

#[test]
#[ignore = "needs Ghost from npm (about 5 min to install once): make test-ghost"]
fn the_seed_article_is_published_updated_guarded_and_withdrawn_on_ghost() {
    let ghost = Ghost::shared();
    let desk = Desk::new();
    let title = format!("Auf Ghost {}", unique_name());
    let id = desk.article_with_photo(&title);
    desk.add_portal("ghost", "ghost", &ghost.url, "", &ghost.admin_key);
    assert!(
        desk.ok(&["portal", "test", "ghost"]).contains("ok"),
        "the key works"
    );

    let job = desk.json(&["publish", &id.to_string(), "--portal", "ghost", "--json"]);
    assert_eq!(job["state"], "done", "{job}");
    let post_id = job["remote_id"].as_str().expect("post id").to_string();
    let (status, read) = ghost.admin(
        "GET",
        &format!("/posts/{post_id}/?formats=html&include=tags"),
        None,
    );
    assert_eq!(status, 200, "{read}");
    let post = &read["posts"][0];
    assert_eq!(post["title"], format!("Thüringen: {title}"));
    assert_eq!(post["status"], "published");
    assert!(
        post["custom_excerpt"]
            .as_str()
            .is_some_and(|e| e.contains("Verwaltungsdigitalisierung"))
    );
    assert!(
        post["html"]
            .as_str()
            .is_some_and(|h| h.contains("vorrangig mit Themen")),
        "{post}"
    );
    assert_eq!(
        post["primary_tag"]["name"], "Politik",
        "the section is the primary tag"
    );
    let tags: Vec<&str> = post["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert!(tags.contains(&"Digitalisierungskabinett"), "{tags:?}");
    assert!(
        post["feature_image"]
            .as_str()
            .is_some_and(|u| !u.is_empty()),
        "the picture: {post}"
    );
    assert!(
        post["feature_image_caption"]
            .as_str()
            .is_some_and(|c| c.contains("Bildquelle: Thüringer Staatskanzlei")),
        "the caption carries the credit: {post}"
    );
    assert_eq!(post["feature_image_alt"], "Zwei Personen an einem Pult");

    let again = desk.json(&["publish", &id.to_string(), "--portal", "ghost", "--json"]);
    assert_eq!(again["state"], "done", "{again}");
    assert_eq!(again["remote_id"], job["remote_id"], "the same post");

    // Someone edits on Ghost: the next publish stops with a conflict, nothing overwritten.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (_, current) = ghost.admin("GET", &format!("/posts/{post_id}/"), None);
    let (status, _) = ghost.admin(
        "PUT",
        &format!("/posts/{post_id}/"),
        Some(&json!({"posts": [{"title": "Am Desk geändert", "updated_at": current["posts"][0]["updated_at"]}]})),
    );
    assert_eq!(status, 200);
    let out = desk.run(&["publish", &id.to_string(), "--portal", "ghost", "--json"]);
    assert_eq!(out.status.code(), Some(3), "a conflict");
    let (_, kept) = ghost.admin("GET", &format!("/posts/{post_id}/"), None);
    assert_eq!(
        kept["posts"][0]["title"], "Am Desk geändert",
        "not overwritten"
    );
    let conflict: Value = serde_json::from_slice(&out.stdout).expect("job");
    desk.ok(&[
        "outbox",
        "resolve",
        &conflict["id"].to_string(),
        "--keep-mine",
    ]);
    let (_, mine) = ghost.admin("GET", &format!("/posts/{post_id}/"), None);
    assert_eq!(
        mine["posts"][0]["title"],
        format!("Thüringen: {title}"),
        "mine, as chosen"
    );

    let withdrawn = desk.json(&["withdraw", &id.to_string(), "--portal", "ghost", "--json"]);
    assert_eq!(withdrawn["state"], "done", "{withdrawn}");
    let (_, gone) = ghost.admin("GET", &format!("/posts/{post_id}/"), None);
    assert_eq!(gone["posts"][0]["status"], "draft");
}

#[test]
#[ignore = "needs Ghost from npm (about 5 min to install once): make test-ghost"]
fn a_ghost_post_with_many_tags_and_the_tags_of_many_pages_are_pulled_whole() {
    let ghost = Ghost::shared();
    let run = unique_name();
    let desk = Desk::new();
    desk.add_portal("ghost", "ghost", &ghost.url, "", &ghost.admin_key);
    let said = desk.ok(&["portal", "test", "ghost"]);
    assert!(
        said.contains(&format!("answered at {}", ghost.url)),
        "says where the key was accepted: {said}"
    );
    // 250 tags: the post brings them all, the vocabulary comes in pages of 100.
    let names: Vec<String> = (0..250)
        .map(|n| format!("Ghost-Stichwort {run} {n:03}"))
        .collect();
    let title = format!("Viele Stichwörter {run}");
    let (status, made) = ghost.admin(
        "POST",
        "/posts/?source=html",
        Some(&json!({"posts": [{
            "title": format!("Thüringen: {title}"),
            "html": "<p>Text.</p>",
            "custom_excerpt": "Kurz.",
            "status": "published",
            "tags": names.iter().map(|n| json!({"name": n})).collect::<Vec<_>>(),
        }]})),
    );
    assert_eq!(status, 201, "Ghost made the post: {made}");
    let post_id = made["posts"][0]["id"]
        .as_str()
        .expect("post id")
        .to_string();
    // Ghost works on a new post's tags for a few seconds after answering: wait for it (no
    // timeout of ours) before Newsdesk asks with its 3 s.
    let (status, _) = ghost.admin("GET", &format!("/posts/{post_id}/?include=tags"), None);
    assert_eq!(status, 200);
    let report = desk.json(&["portal", "pull", "ghost", "--json"]);
    let new_tags = report["new_tags"].to_string();
    for name in &names {
        assert!(
            new_tags.contains(name),
            "the vocabulary read page by page: {name} missing"
        );
    }
    let article = desk
        .article_titled(&title)
        .unwrap_or_else(|| panic!("the post came with the pull: {report}"));
    assert_eq!(
        article["section"], names[0],
        "Ghost's primary tag is the section"
    );
    assert_eq!(
        article["tags"].as_array().map(Vec::len),
        Some(249),
        "and every other tag comes back"
    );
    let (status, _) = ghost.admin("DELETE", &format!("/posts/{post_id}/"), None);
    assert_eq!(status, 204, "cleaned up");
}

#[test]
#[ignore = "needs Ghost from npm (about 5 min to install once): make test-ghost"]
fn the_newsrooms_address_and_description_reach_ghost_and_a_lost_answer_finds_the_post() {
    let ghost = Ghost::shared();
    let desk = Desk::new();
    let title = format!("Adresse auf Ghost {}", unique_name());
    let id = desk.article_with_photo(&title).to_string();
    desk.add_portal("ghost", "ghost", &ghost.url, "", &ghost.admin_key);
    let slug = newsdesk_model::slug(&format!("ghost-adresse-{}", unique_name()), 120);
    let picture = desk.json(&["article", "show", &id, "--json"])["images"][0]["file"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    desk.ok(&["article", "set", &id, "--social-image", &picture]);
    desk.ok(&[
        "article",
        "set",
        &id,
        "--slug",
        &slug,
        "--description",
        "Thüringen berät die Verwaltungsdigitalisierung.",
    ]);
    let job = desk.json(&["publish", &id, "--portal", "ghost", "--json"]);
    assert_eq!(job["state"], "done", "{job}");
    let post_id = job["remote_id"].as_str().expect("post id").to_string();
    let (_, read) = ghost.admin(
        "GET",
        &format!("/posts/{post_id}/?formats=html&include=tags"),
        None,
    );
    let post = &read["posts"][0];
    assert_eq!(
        post["slug"],
        slug.as_str(),
        "the chosen address is the post's"
    );
    assert_eq!(
        post["meta_description"],
        "Thüringen berät die Verwaltungsdigitalisierung."
    );
    let url = post["url"].as_str().unwrap_or_default();
    assert!(
        !url.contains("-nd"),
        "no marker in the public address: {url}"
    );
    assert!(
        post["og_image"].as_str().is_some_and(|u| !u.is_empty())
            && post["og_image"] == post["feature_image"],
        "the chosen picture is the one shared links show (the article's only one): {} / {}",
        post["og_image"],
        post["feature_image"]
    );
    let internal: Vec<&str> = post["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter(|t| t["visibility"] == "internal")
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(
        internal.len(),
        1,
        "the marker is one internal tag: {internal:?}"
    );

    // The library forgets the post's id, as after an answer lost on the way.
    let forgotten = rusqlite::Connection::open(&desk.db)
        .and_then(|c| {
            c.execute(
                "UPDATE publications SET remote_id = NULL, remote_url = NULL WHERE article_id = ?1",
                [&id],
            )
        })
        .expect("forget the post's id");
    assert_eq!(forgotten, 1);
    desk.ok(&[
        "article",
        "correct",
        &id,
        "--note",
        "Der Termin war am Mittwoch.",
    ]);
    let again = desk.json(&["publish", &id, "--portal", "ghost", "--json"]);
    assert_eq!(again["state"], "done", "{again}");
    assert_eq!(
        again["remote_id"],
        json!(post_id),
        "found by its marker: the same post"
    );
    let (_, read) = ghost.admin(
        "GET",
        &format!("/posts/{post_id}/?formats=html&include=tags"),
        None,
    );
    let post = &read["posts"][0];
    assert_eq!(post["slug"], slug.as_str(), "a republish keeps the address");
    assert!(
        post["html"]
            .as_str()
            .is_some_and(|h| h.contains("Korrektur am") && h.contains("Mittwoch")),
        "the correction's notice is on the post: {}",
        post["html"]
    );
    let article = desk.json(&["article", "show", &id, "--json"]);
    let tags: Vec<&str> = article["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert!(
        tags.iter().all(|t| !t.starts_with('#')),
        "the internal tag never comes back as an article's tag: {tags:?}"
    );
}
