//! Publish the seed article with its picture to a real WordPress, read it back through the
//! REST API, update it (same post), withdraw it; pull the portal back into a library.

use serde_json::Value;

use super::harness::{Desk, WordPress, unique_name};

/// A desk with the shared WordPress as portal `wp`; returns (desk, wordpress, article id).
pub fn desk_on_wordpress(title: &str) -> (Desk, WordPress, i64) {
    let wp = WordPress::shared();
    let desk = Desk::new();
    let id = desk.article_with_photo(title);
    desk.add_portal("wp", "wordpress", &wp.url, &wp.user, &wp.password);
    (desk, wp, id)
}

fn post_of(desk: &Desk, job: &Value) -> String {
    job["remote_id"]
        .as_str()
        .unwrap_or_else(|| panic!("the job knows its post: {job} ({:?})", desk.db))
        .to_string()
}

#[test]
fn the_seed_article_arrives_on_wordpress_with_its_credited_picture() {
    let title = format!("Zweites Digitalisierungskabinett {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    assert!(
        desk.ok(&["portal", "test", "wp"])
            .contains("ok: wp answered"),
        "portal test logs in"
    );
    let job = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(job["state"], "done", "published at once: {job}");
    let post_id = post_of(&desk, &job);

    let (status, post) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
    assert_eq!(status, 200, "the post is there: {post}");
    assert_eq!(
        post["title"]["raw"],
        format!("Thüringen: {title}"),
        "kicker and title as the portal shows them"
    );
    assert_eq!(post["status"], "publish");
    assert!(
        post["excerpt"]["raw"]
            .as_str()
            .is_some_and(|e| e.contains("stand die Verwaltungsdigitalisierung im Fokus")),
        "the teaser is the excerpt: {}",
        post["excerpt"]
    );
    let content = post["content"]["raw"].as_str().unwrap_or_default();
    assert!(
        content.contains("vorrangig mit Themen der Verwaltungsdigitalisierung")
            && content.contains("<blockquote>"),
        "the body as HTML: {content}"
    );
    assert!(content.contains("(ba)"), "the author's initials: {content}");
    assert!(
        content.contains("href=\"http://www.thueringen.de\""),
        "the links: {content}"
    );

    let tag_ids: Vec<String> = post["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| t.to_string())
        .collect();
    let (_, tags) = wp.rest("GET", &format!("/tags?include={}", tag_ids.join(",")), None);
    let mut names: Vec<&str> = tags
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Digitalisierung",
            "Digitalisierungskabinett",
            "Hartmut Schubert",
            "Politik",
            "Thüringen"
        ],
        "every tag by name"
    );
    let category = post["categories"][0].to_string();
    let (_, section) = wp.rest("GET", &format!("/categories/{category}"), None);
    assert_eq!(section["name"], "Politik", "the section is the category");

    let media_id = post["featured_media"].to_string();
    let (status, media) = wp.rest("GET", &format!("/media/{media_id}?context=edit"), None);
    assert_eq!(status, 200, "the picture is the featured image: {post}");
    let caption = media["caption"]["raw"].as_str().unwrap_or_default();
    assert!(
        caption.contains("Hartmut Schubert und Valentina Kerst")
            && caption.contains("Bildquelle: Thüringer Staatskanzlei"),
        "the caption carries the credit: {caption}"
    );
    assert_eq!(media["alt_text"], "Zwei Personen an einem Pult");
    assert_eq!(
        media["media_details"]["image_meta"]["credit"], "Thüringer Staatskanzlei",
        "WordPress reads the credit Newsdesk embedded in the file"
    );

    let article = desk.json(&["article", "show", &id.to_string(), "--json"]);
    assert_eq!(article["status"], "published", "the library knows");
}

#[test]
fn publishing_again_updates_the_same_post_and_unchanged_pictures_stay() {
    let title = format!("Aktualisiert {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let first = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    let post_id = post_of(&desk, &first);
    let (_, before) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);

    // The editor changes the teaser and publishes again.
    let file = desk.dir.path().join("changed.md");
    let markdown = desk.ok(&["article", "show", &id.to_string(), "--md"]);
    std::fs::write(
        &file,
        rewrite_teaser(
            &markdown,
            "Der Freistaat schreibt seine E-Government-Strategie fort.",
        ),
    )
    .expect("file");
    desk.ok(&[
        "article",
        "update",
        &id.to_string(),
        file.to_str().expect("path"),
    ]);
    let second = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(second["action"], "update", "known there: an update");
    assert_eq!(second["state"], "done", "{second}");
    assert_eq!(
        post_of(&desk, &second),
        post_id,
        "the same post, not a second one"
    );

    let (_, after) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
    assert!(
        after["excerpt"]["raw"]
            .as_str()
            .is_some_and(|e| e.contains("E-Government-Strategie fort")),
        "the new teaser arrived: {}",
        after["excerpt"]
    );
    assert_eq!(
        after["featured_media"], before["featured_media"],
        "the unchanged picture was not uploaded again"
    );
    let marker = after["slug"].as_str().expect("slug");
    assert_eq!(
        wp.posts_with_slug(marker).len(),
        1,
        "one post for the article"
    );
    let article = desk.json(&["article", "show", &id.to_string(), "--json"]);
    assert_eq!(article["status"], "updated");
}

/// The article's Markdown with another teaser (the front matter's `teaser:` entry replaced).
pub fn rewrite_teaser(markdown: &str, teaser: &str) -> String {
    let mut out = Vec::new();
    let mut skipping = false;
    for line in markdown.lines() {
        if line.starts_with("teaser:") {
            out.push(format!("teaser: \"{teaser}\""));
            skipping = true;
            continue;
        }
        if skipping && line.starts_with("  ") {
            continue;
        }
        skipping = false;
        out.push(line.to_string());
    }
    out.join("\n") + "\n"
}

#[test]
fn a_withdrawn_article_leaves_the_public_site_and_can_come_back() {
    let title = format!("Zurückgezogen {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let job = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    let post_id = post_of(&desk, &job);
    assert_eq!(
        wp.public_status(&format!("/posts/{post_id}")),
        200,
        "public"
    );

    let withdrawn = desk.json(&["withdraw", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(withdrawn["state"], "done", "{withdrawn}");
    let (_, post) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
    assert_eq!(post["status"], "draft", "kept on the portal, unpublished");
    assert_ne!(
        wp.public_status(&format!("/posts/{post_id}")),
        200,
        "a reader no longer gets it"
    );
    let article = desk.json(&["article", "show", &id.to_string(), "--json"]);
    assert_eq!(article["status"], "withdrawn");

    let again = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(again["state"], "done", "{again}");
    assert_eq!(post_of(&desk, &again), post_id, "back as the same post");
    assert_eq!(wp.public_status(&format!("/posts/{post_id}")), 200);
}

#[test]
fn a_scheduled_article_waits_on_the_portal() {
    let title = format!("Geplant {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let job = desk.json(&[
        "publish",
        &id.to_string(),
        "--portal",
        "wp",
        "--schedule",
        "2099-12-24T08:00:00+01:00",
        "--json",
    ]);
    assert_eq!(job["action"], "schedule");
    assert_eq!(job["state"], "done", "{job}");
    let (_, post) = wp.rest(
        "GET",
        &format!("/posts/{}?context=edit", post_of(&desk, &job)),
        None,
    );
    assert_eq!(post["status"], "future");
    assert_eq!(post["date_gmt"], "2099-12-24T07:00:00");
    let article = desk.json(&["article", "show", &id.to_string(), "--json"]);
    assert_eq!(article["status"], "scheduled");
}

#[test]
fn a_dry_run_shows_the_payload_and_sends_nothing() {
    let title = format!("Trockenlauf {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let preview = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--dry-run"]);
    let body = &preview["payload"]["POST /wp-json/wp/v2/posts"];
    assert_eq!(body["title"], format!("Thüringen: {title}"));
    assert_eq!(body["categories"][0], "Politik");
    assert_eq!(preview["images"][0]["upload"], true);
    assert!(
        preview["images"][0]["caption"]
            .as_str()
            .is_some_and(|c| c.contains("Bildquelle: Thüringer Staatskanzlei")),
        "{preview}"
    );
    assert!(wp.posts_titled(&title).is_empty(), "nothing was sent");
    assert_eq!(
        desk.json(&["outbox", "list", "--json"]),
        Value::Array(vec![]),
        "nothing queued"
    );
}

#[test]
fn an_article_that_is_not_ready_is_refused_before_it_is_queued() {
    let wp = WordPress::shared();
    let desk = Desk::new();
    desk.add_portal("wp", "wordpress", &wp.url, &wp.user, &wp.password);
    let created = desk.json(&["article", "new", "--title", "Nur ein Titel", "--json"]);
    let out = desk.run(&["publish", &created["id"].to_string(), "--portal", "wp"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not ready") && err.contains("teaser"),
        "says what is missing: {err}"
    );
    assert_eq!(
        desk.json(&["outbox", "list", "--json"]),
        Value::Array(vec![])
    );
}

#[test]
fn pulling_brings_the_portals_tags_sections_and_articles() {
    let title = format!("Vom Portal {}", unique_name());
    let (desk, _wp, id) = desk_on_wordpress(&title);
    desk.ok(&["publish", &id.to_string(), "--portal", "wp"]);

    let other = Desk::new();
    let wp = WordPress::shared();
    other.add_portal("wp", "wordpress", &wp.url, &wp.user, &wp.password);
    let report = other.json(&["portal", "pull", "wp", "--json"]);
    assert!(
        report["sections"]
            .as_array()
            .is_some_and(|s| s.iter().any(|x| x == "Politik")),
        "{report}"
    );
    let list = other.json(&["article", "list", "--json"]);
    let pulled = list
        .as_array()
        .expect("list")
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("the published article came with the pull: {report}"));
    assert_eq!(
        pulled["kicker"], "Thüringen",
        "kicker split from the portal's title"
    );
    assert_eq!(pulled["status"], "published");
    assert!(
        pulled["tags"]
            .as_array()
            .is_some_and(|t| t.iter().any(|x| x == "Digitalisierungskabinett")),
        "{pulled}"
    );
    let body = other.json(&["article", "show", &pulled["id"].to_string(), "--json"]);
    assert!(
        body["body"]
            .as_str()
            .is_some_and(|b| b.contains("Verwaltungsdigitalisierung") && !b.contains("(ba)")),
        "the body as Markdown, without what Newsdesk appended: {}",
        body["body"]
    );
    let tags = other.json(&["tags", "suggest", &pulled["id"].to_string(), "--json"]);
    assert!(tags.is_array(), "the pulled article feeds suggestions");

    // Publishing the pulled article updates the portal's post, not a new one.
    let again = other.json(&[
        "publish",
        &pulled["id"].to_string(),
        "--portal",
        "wp",
        "--json",
    ]);
    assert_eq!(again["action"], "update", "{again}");
    assert_eq!(again["state"], "done", "{again}");
    assert_eq!(wp.posts_titled(&title).len(), 1, "still one post");

    let second = other.json(&["portal", "pull", "wp", "--json"]);
    assert!(
        !second["added"]
            .as_array()
            .expect("added")
            .iter()
            .any(|a| a == &pulled["id"]),
        "a second pull adds nothing known"
    );
}

#[test]
fn markup_typed_into_title_and_teaser_arrives_as_text() {
    let wp = WordPress::shared();
    let desk = Desk::new();
    desk.add_portal("wp", "wordpress", &wp.url, &wp.user, &wp.password);
    let marker = unique_name();
    let file = desk.dir.path().join("hostile.md");
    std::fs::write(
        &file,
        format!(
            "---\nkicker: \"Erfurt <b>&</b>\"\ntitle: \"<script>alert(1)</script> {marker}\"\n\
             section: Politik\nteaser: \"Ein <img src=x onerror=alert(1)> Teaser\"\n---\n\
             Text mit <script>alert(2)</script> und [hier](javascript:alert(3)).\n"
        ),
    )
    .expect("file");
    let report = desk.json(&["article", "import", file.to_str().expect("path"), "--json"]);
    let id = report["imported"][0]["id"].to_string();
    let job = desk.json(&["publish", &id, "--portal", "wp", "--json"]);
    assert_eq!(job["state"], "done", "{job}");
    let (_, post) = wp.rest(
        "GET",
        &format!(
            "/posts/{}?context=edit",
            job["remote_id"].as_str().unwrap_or("")
        ),
        None,
    );
    let title = post["title"]["rendered"].as_str().unwrap_or_default();
    assert!(
        title.contains("&lt;script&gt;") && !title.contains("<script"),
        "the title is text on the portal: {title}"
    );
    let excerpt = post["excerpt"]["raw"].as_str().unwrap_or_default();
    assert!(!excerpt.contains("<img"), "the teaser is text: {excerpt}");
    let content = post["content"]["raw"].as_str().unwrap_or_default();
    assert!(
        !content.contains("<script") && !content.contains("javascript:"),
        "the body is the sanitised HTML: {content}"
    );
    // Read back (a pull), the text is the editor's again.
    let other = Desk::new();
    other.add_portal("wp", "wordpress", &wp.url, &wp.user, &wp.password);
    other.ok(&["portal", "pull", "wp"]);
    let list = other.json(&["article", "list", "--json"]);
    let pulled = list
        .as_array()
        .expect("list")
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.contains(&marker)))
        .unwrap_or_else(|| panic!("pulled: {list}"));
    assert_eq!(
        pulled["title"],
        format!("<script>alert(1)</script> {marker}")
    );
    assert_eq!(pulled["kicker"], "Erfurt <b>&</b>");
}

#[test]
fn the_newsrooms_address_and_a_correction_reach_the_same_post_and_the_marker_stays_hidden() {
    let title = format!("Adresse {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let slug = format!("landtag-adresse-{}", unique_name().to_lowercase());
    let slug = newsdesk_model::slug(&slug, 120);
    desk.ok(&["article", "set", &id.to_string(), "--slug", &slug]);
    let first = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    let post_id = post_of(&desk, &first);
    let (_, post) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
    assert_eq!(
        post["slug"],
        slug.as_str(),
        "the chosen address is the post's"
    );
    let link = post["link"].as_str().unwrap_or_default().to_string();
    assert!(
        !link.contains("-nd"),
        "no marker in the public address: {link}"
    );
    let raw = post["content"]["raw"].as_str().unwrap_or_default();
    assert!(
        raw.contains("<!-- newsdesk:"),
        "the marker is kept inside the content, as a comment: {raw}"
    );

    desk.ok(&[
        "article",
        "correct",
        &id.to_string(),
        "--note",
        "Die Sitzung fand am Mittwoch statt, nicht am Dienstag.",
    ]);
    let second = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(second["state"], "done", "{second}");
    assert_eq!(
        post_of(&desk, &second),
        post_id,
        "the same post, no second one"
    );
    let (_, after) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
    assert_eq!(
        after["slug"],
        slug.as_str(),
        "a republish keeps the address"
    );
    let shown = after["content"]["rendered"].as_str().unwrap_or_default();
    assert!(
        shown.contains("Korrektur am") && shown.contains("nicht am Dienstag"),
        "the correction's notice is on the post: {shown}"
    );
    assert_eq!(
        wp.posts_with_slug(&slug).len(),
        1,
        "one post for the article"
    );
}

#[test]
fn without_a_chosen_address_the_post_is_named_from_its_title_and_a_lost_answer_finds_it() {
    let title = format!("Ohne Marker {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let job = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    let post_id = post_of(&desk, &job);
    let (_, post) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
    let slug = post["slug"].as_str().unwrap_or_default().to_string();
    assert!(
        slug.contains("ohne-marker") && !slug.contains("-nd"),
        "WordPress's own address from the title, no marker: {slug}"
    );
    // The library forgets the post's id, as after an answer lost on the way: publishing
    // again must find the post by its hidden marker, not make a second one.
    let forgotten = rusqlite::Connection::open(&desk.db)
        .and_then(|c| {
            c.execute(
                "UPDATE publications SET remote_id = NULL, remote_url = NULL WHERE article_id = ?1",
                [id],
            )
        })
        .expect("forget the post's id");
    assert_eq!(forgotten, 1);
    let again = desk.json(&["publish", &id.to_string(), "--portal", "wp", "--json"]);
    assert_eq!(again["state"], "done", "{again}");
    assert_eq!(
        post_of(&desk, &again),
        post_id,
        "found by its marker: the same post"
    );
    assert_eq!(wp.posts_with_slug(&slug).len(), 1, "no second post");
}

#[test]
fn an_embargo_keeps_the_article_off_wordpress_until_it_ends_and_holds_a_job_queued_before() {
    let title = format!("Sperrfrist {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let id = id.to_string();
    // An embargo a few seconds ahead: refused before, sent after.
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(4))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    desk.ok(&["article", "embargo", &id, "--until", &soon]);
    let refused = desk.run(&["publish", &id, "--portal", "wp", "--json"]);
    let said = String::from_utf8_lossy(&refused.stderr).to_string();
    assert!(!refused.status.success(), "refused before the embargo");
    assert!(said.contains("Sperrfrist"), "names the embargo: {said}");
    assert!(
        wp.posts_titled(&title).is_empty(),
        "nothing of it reached the portal"
    );
    std::thread::sleep(std::time::Duration::from_secs(5));
    let job = desk.json(&["publish", &id, "--portal", "wp", "--json"]);
    assert_eq!(job["state"], "done", "sent once the embargo ended: {job}");

    // A job queued before an embargo is held by it, and released when it is lifted.
    let second = format!("Gehalten {}", unique_name());
    let other = desk.article_with_photo(&second).to_string();
    let far = (chrono::Utc::now() + chrono::Duration::days(2))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let later = (chrono::Utc::now() + chrono::Duration::days(3))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    desk.ok(&["article", "embargo", &other, "--until", &far]);
    let early = desk.run(&["publish", &other, "--portal", "wp", "--schedule", &soon]);
    assert!(
        !early.status.success(),
        "a schedule before the embargo ends is refused"
    );
    let held = desk.json(&[
        "publish",
        &other,
        "--portal",
        "wp",
        "--schedule",
        &later,
        "--json",
    ]);
    assert_eq!(held["state"], "queued", "held, not sent: {held}");
    assert_eq!(held["embargo"], far.as_str(), "the job says until when");
    assert!(wp.posts_titled(&second).is_empty(), "nothing sent yet");
    desk.ok(&["article", "embargo", &other, "--clear"]);
    desk.ok(&["outbox", "run"]);
    let posts = wp.posts_titled(&second);
    assert_eq!(posts.len(), 1, "lifting the embargo released the job");
    assert_eq!(
        posts[0]["status"], "future",
        "scheduled on the portal as asked"
    );
}
