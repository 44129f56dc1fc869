//! Portal profiles as a tired user meets them: a mistyped address or key is refused before
//! anything is saved; a portal that does not answer is said in words; a portal with jobs still
//! waiting is not removed from under them.

use super::harness::{Desk, unique_name};

fn add(desk: &Desk, args: &[&str], secret: &str) -> std::process::Output {
    let mut all = vec!["portal", "add"];
    all.extend_from_slice(args);
    desk.run_with_input(&all, &format!("{secret}\n"))
}

#[test]
fn a_mistyped_address_or_key_is_refused_and_nothing_is_saved() {
    let desk = Desk::new();
    desk.ok(&["article", "demo"]);
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &[
                "p",
                "--kind",
                "wordpress",
                "--url",
                "portal.example",
                "--user",
                "a",
            ],
            "x",
            "https://",
        ),
        (
            &[
                "p",
                "--kind",
                "wordpress",
                "--url",
                "https://portal.example",
            ],
            "x",
            "--user",
        ),
        (
            &["p", "--kind", "ghost", "--url", "https://blog.example"],
            "abc",
            "<id>:<secret>",
        ),
        (
            &[
                "p",
                "--kind",
                "ninjs",
                "--url",
                "https://portal.example/api",
            ],
            "",
            "bearer token",
        ),
    ];
    for (args, secret, says) in cases {
        let out = add(&desk, args, secret);
        assert!(!out.status.success(), "{args:?} is refused");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(says),
            "{args:?}: says what is wrong ({says}): {err}"
        );
    }
    assert_eq!(
        desk.json(&["portal", "list", "--json"]),
        serde_json::json!([]),
        "nothing was saved"
    );
}

#[test]
fn a_portal_that_does_not_answer_is_said_in_words() {
    let desk = Desk::new();
    desk.ok(&["article", "demo"]);
    let out = add(
        &desk,
        &[
            "dead",
            "--kind",
            "wordpress",
            "--url",
            "http://127.0.0.1:9",
            "--user",
            "a",
        ],
        "x",
    );
    assert!(out.status.success(), "an address is taken as given");
    let out = desk.run(&["portal", "test", "dead"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot be reached"), "{err}");
}

#[test]
fn a_portal_with_waiting_jobs_is_not_removed_from_under_them() {
    let desk = Desk::new();
    let id = desk.article_with_photo(&format!("Wartet {}", unique_name()));
    let out = add(
        &desk,
        &[
            "dead",
            "--kind",
            "wordpress",
            "--url",
            "http://127.0.0.1:9",
            "--user",
            "a",
        ],
        "x",
    );
    assert!(out.status.success());
    let job = desk.json(&[
        "publish",
        &id.to_string(),
        "--portal",
        "dead",
        "--queue-only",
        "--json",
    ]);
    let out = desk.run(&["portal", "remove", "dead"]);
    assert!(!out.status.success(), "refused while the job waits");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("still wait in the outbox"),
        "says why"
    );
    let cancelled = desk.json(&["outbox", "show", &job["id"].to_string(), "--json"]);
    assert_eq!(cancelled["job"]["state"], "queued");
    desk.ok(&["outbox", "cancel", &job["id"].to_string()]);
    desk.ok(&["portal", "remove", "dead"]);
    assert_eq!(
        desk.json(&["portal", "list", "--json"]),
        serde_json::json!([])
    );
}
