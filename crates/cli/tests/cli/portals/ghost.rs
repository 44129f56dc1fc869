//! Publishing to a real Ghost 5 (npm, scripts/portals/ghost.sh). Its install compiles native
//! modules for about five minutes on two cores, so these run in `make test-ghost`, not in
//! every `make test` (`--run-ignored`); the install is cached outside the clone.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

use super::harness::{Desk, fastrand_name};

struct Ghost {
    url: String,
    admin_key: String,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

impl Ghost {
    fn shared() -> Ghost {
        let dir = std::env::var_os("NEWSDESK_TEST_GHOST_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join("newsdesk-test-ghost"));
        let out = Command::new(repo().join("scripts/portals/ghost.sh"))
            .arg("start")
            .arg(&dir)
            .stderr(Stdio::inherit())
            .output()
            .expect("scripts/portals/ghost.sh runs");
        assert!(
            out.status.success(),
            "Ghost did not start in {}",
            dir.display()
        );
        let state: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
        Ghost {
            url: state["url"].as_str().expect("url").into(),
            admin_key: state["admin_key"].as_str().expect("admin_key").into(),
        }
    }

    /// A call of the Admin API straight to Ghost, with a token from ghost-api.mjs.
    fn admin(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let token = Command::new("node")
            .arg(repo().join("scripts/portals/ghost-api.mjs"))
            .args(["jwt", &self.admin_key])
            .output()
            .expect("node makes a token");
        let token = String::from_utf8_lossy(&token.stdout).trim().to_string();
        let mut command = Command::new("curl");
        command
            .args(["-s", "-o", "-", "-w", "\n%{http_code}", "-X", method, "-H"])
            .arg(format!("Authorization: Ghost {token}"))
            .args(["-H", "Accept-Version: v5.0"])
            .arg(format!("{}/ghost/api/admin{path}", self.url));
        if let Some(body) = body {
            command
                .args(["-H", "Content-Type: application/json", "--data-binary"])
                .arg(body.to_string());
        }
        let out = command.output().expect("curl");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (body, status) = text.rsplit_once('\n').unwrap_or(("", "0"));
        (
            status.trim().parse().unwrap_or(0),
            serde_json::from_str(body).unwrap_or(Value::Null),
        )
    }
}

#[test]
#[ignore = "needs Ghost from npm (about 5 min to install once): make test-ghost"]
fn the_seed_article_is_published_updated_guarded_and_withdrawn_on_ghost() {
    let ghost = Ghost::shared();
    let desk = Desk::new();
    let title = format!("Auf Ghost {}", fastrand_name());
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
