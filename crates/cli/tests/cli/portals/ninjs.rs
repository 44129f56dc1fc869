//! The generic ninjs endpoint (docs/portal-api/), against its reference server: the item
//! PUT with its pictures, updated under `If-Match`, a change there caught as a conflict,
//! withdrawn with `pubstatus: canceled`, pulled back.

use std::process::Command;

use serde_json::Value;

use super::harness::{Desk, NinjsServer, unique_name};

fn get(server: &NinjsServer, path: &str) -> (u16, Value, String) {
    let out = Command::new("curl")
        .args(["-s", "-D", "-", "-H"])
        .arg(format!("Authorization: Bearer {}", server.token))
        .arg(format!("{}{path}", server.url))
        .output()
        .expect("curl");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let etag = head
        .lines()
        .find_map(|l| {
            l.strip_prefix("ETag: ")
                .or_else(|| l.strip_prefix("etag: "))
        })
        .unwrap_or_default()
        .trim()
        .to_string();
    (
        status,
        serde_json::from_str(body).unwrap_or(Value::Null),
        etag,
    )
}

fn encode(uri: &str) -> String {
    uri.replace(':', "%3A")
}

#[test]
fn an_article_goes_to_a_ninjs_endpoint_and_is_updated_and_withdrawn_there() {
    let server = NinjsServer::start();
    let desk = Desk::new();
    let title = format!("Als ninjs {}", unique_name());
    let id = desk.article_with_photo(&title);
    desk.add_portal("portal", "ninjs", &server.url, "", &server.token);
    assert!(
        desk.ok(&["portal", "test", "portal"]).contains("ok"),
        "logged in"
    );

    let job = desk.json(&["publish", &id.to_string(), "--portal", "portal", "--json"]);
    assert_eq!(job["state"], "done", "{job}");
    let uri = job["remote_id"].as_str().expect("uri").to_string();
    assert!(
        uri.starts_with("urn:newsdesk:"),
        "Newsdesk's own uri: {uri}"
    );
    let (status, item, etag) = get(&server, &format!("/items/{}", encode(&uri)));
    assert_eq!(status, 200);
    assert_eq!(item["headlines"][0]["value"], title);
    assert_eq!(item["pubstatus"], "usable");
    let rendition = &item["associations"][0]["renditions"][0];
    let href = rendition["href"]
        .as_str()
        .expect("the picture's address on the portal");
    assert!(href.contains("/media/"), "{rendition}");
    assert_eq!(
        item["associations"][0]["copyrightnotice"],
        "Thüringer Staatskanzlei"
    );

    // Publishing again is an update of the same item (a new version).
    let again = desk.json(&["publish", &id.to_string(), "--portal", "portal", "--json"]);
    assert_eq!(again["state"], "done", "{again}");
    assert_eq!(again["remote_id"], job["remote_id"]);
    let (_, _, newer) = get(&server, &format!("/items/{}", encode(&uri)));
    assert_ne!(newer, etag, "a new version");

    // Someone changes the item on the portal: the next publish is a conflict.
    let (_, mut item, current) = get(&server, &format!("/items/{}", encode(&uri)));
    item["headlines"][0]["value"] = Value::String("Vom Portal geändert".into());
    let put = Command::new("curl")
        .args([
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "-X",
            "PUT",
            "-H",
        ])
        .arg(format!("Authorization: Bearer {}", server.token))
        .args(["-H", "Content-Type: application/json", "-H"])
        .arg(format!("If-Match: {current}"))
        .arg("--data-binary")
        .arg(item.to_string())
        .arg(format!("{}/items/{}", server.url, encode(&uri)))
        .output()
        .expect("curl");
    assert_eq!(
        String::from_utf8_lossy(&put.stdout),
        "200",
        "the portal's own edit"
    );
    let out = desk.run(&["publish", &id.to_string(), "--portal", "portal", "--json"]);
    assert_eq!(out.status.code(), Some(3), "conflict");
    let (_, kept, _) = get(&server, &format!("/items/{}", encode(&uri)));
    assert_eq!(
        kept["headlines"][0]["value"], "Vom Portal geändert",
        "not overwritten"
    );
    let conflict: Value = serde_json::from_slice(&out.stdout).expect("job");
    desk.ok(&["outbox", "resolve", &conflict["id"].to_string(), "--cancel"]);

    let withdrawn = desk.json(&["withdraw", &id.to_string(), "--portal", "portal", "--json"]);
    assert_eq!(withdrawn["state"], "done", "{withdrawn}");
    let (_, item, _) = get(&server, &format!("/items/{}", encode(&uri)));
    assert_eq!(item["pubstatus"], "canceled");
}

#[test]
fn a_ninjs_portals_articles_and_vocabulary_are_pulled() {
    let server = NinjsServer::start();
    let desk = Desk::new();
    let title = format!("Aus dem Archiv {}", unique_name());
    let id = desk.article_with_photo(&title);
    desk.add_portal("portal", "ninjs", &server.url, "", &server.token);
    desk.ok(&["publish", &id.to_string(), "--portal", "portal"]);

    let other = Desk::new();
    other.add_portal("portal", "ninjs", &server.url, "", &server.token);
    let report = other.json(&["portal", "pull", "portal", "--json"]);
    assert_eq!(
        report["added"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
    assert_eq!(report["sections"], serde_json::json!(["Politik"]));
    let pulled = other.json(&["article", "show", &report["added"][0].to_string(), "--json"]);
    assert_eq!(pulled["title"], title);
    assert_eq!(pulled["kicker"], "Thüringen");
    assert_eq!(pulled["section"], "Politik");
    // The pulled article updates the same item.
    let job = other.json(&[
        "publish",
        &report["added"][0].to_string(),
        "--portal",
        "portal",
        "--json",
    ]);
    assert_eq!(job["action"], "update", "{job}");
    assert_eq!(job["state"], "done", "{job}");
}

#[test]
fn an_item_with_long_fields_comes_back_with_each_field_whole() {
    let server = NinjsServer::start();
    let desk = Desk::new();
    let run = unique_name();
    // A subheadline (kicker) far past any "Kicker: Titel" convention, with colons of its own;
    // a long title and teaser, many tags.
    let kicker = format!(
        "Untersuchungsausschuss: {} – Tag 2",
        "Anhörung der Sachverständigen zur Verwaltungsdigitalisierung "
            .repeat(12)
            .trim()
    );
    let title = format!(
        "Zeugen: {} {run}",
        "Der Ausschuss hört weitere Zeugen ".repeat(20).trim()
    );
    let teaser = "Der Ausschuss setzt seine Arbeit fort. ".repeat(300);
    let tags: Vec<String> = (0..300).map(|n| format!("Stichwort {n}")).collect();
    let file = desk.dir.path().join("lang.md");
    std::fs::write(
        &file,
        format!(
            "---\nkicker: \"{kicker}\"\ntitle: \"{title}\"\ntype: Bericht\nsection: Politik\n\
             date: 2026-03-01\nauthor: ba\nteaser: \"{}\"\ntags: [{}]\n---\nDer Text.\n",
            teaser.trim(),
            tags.join(", ")
        ),
    )
    .expect("article file");
    let imported = desk.json(&["article", "import", file.to_str().expect("path"), "--json"]);
    let id = imported["imported"][0]["id"].to_string();
    desk.add_portal("portal", "ninjs", &server.url, "", &server.token);
    let job = desk.json(&["publish", &id, "--portal", "portal", "--json"]);
    assert_eq!(job["state"], "done", "{job}");

    let other = Desk::new();
    other.add_portal("portal", "ninjs", &server.url, "", &server.token);
    let report = other.json(&["portal", "pull", "portal", "--json"]);
    let pulled = other.json(&["article", "show", &report["added"][0].to_string(), "--json"]);
    assert_eq!(
        pulled["kicker"], kicker,
        "the subheadline comes back as the kicker, whole"
    );
    assert_eq!(pulled["title"], title, "and the title without it");
    assert_eq!(pulled["teaser"], teaser.trim());
    let mut back: Vec<String> = pulled["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect();
    back.sort();
    let mut sent = tags.clone();
    sent.sort();
    assert_eq!(back, sent, "every tag");
}
