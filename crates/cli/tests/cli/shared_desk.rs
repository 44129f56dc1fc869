//! `newsdesk desk invite | revoke | members` against a real PostgreSQL on 127.0.0.1.

use std::process::{Command, Output};

use newsdesk_desk::test_support::TestPostgres;

use super::BIN;

fn desk(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("desk")
        .args(args)
        .env_remove("NEWSDESK_DESK_POSTGRES")
        .output()
        .expect("the newsdesk binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn invite_prints_a_token_once_and_revoke_ends_it() {
    let pg = TestPostgres::start().unwrap_or_else(|problem| panic!("{problem}"));
    let url = pg.url.as_str();
    let invited: serde_json::Value = serde_json::from_str(&stdout(&desk(&[
        "invite",
        "Anna Berg",
        "--role",
        "chief",
        "--postgres",
        url,
        "--json",
    ])))
    .expect("--json prints JSON");
    let token = invited["token"].as_str().expect("{\"token\": …}");
    assert!(token.starts_with("nd1_") && token.len() > 40, "{invited}");
    assert_eq!(invited["role"], "chief");

    // The plain form says who joined and prints the token on a line of its own.
    let plain = stdout(&desk(&[
        "invite",
        "Ben",
        "--role",
        "editor",
        "--postgres",
        url,
    ]));
    let lines: Vec<&str> = plain.lines().collect();
    assert!(lines[0].contains("Ben joins the desk as editor"), "{plain}");
    assert!(lines[1].starts_with("nd1_"), "{plain}");

    // The URL may come from the environment instead of the command line.
    let listed = Command::new(BIN)
        .args(["desk", "members", "--json"])
        .env("NEWSDESK_DESK_POSTGRES", url)
        .output()
        .expect("runs");
    let members: serde_json::Value = serde_json::from_str(&stdout(&listed)).expect("JSON");
    assert_eq!(members.as_array().map(Vec::len), Some(2), "{members}");
    assert!(
        !members.to_string().contains(token),
        "the members' list never shows a token"
    );

    stdout(&desk(&["revoke", "Ben", "--postgres", url]));
    let members: serde_json::Value =
        serde_json::from_str(&stdout(&desk(&["members", "--postgres", url, "--json"])))
            .expect("JSON");
    assert!(members[1]["revoked_at"].is_string(), "{members}");

    for (args, words) in [
        (
            vec!["invite", "Anna Berg", "--role", "chief", "--postgres", url],
            "already a member",
        ),
        (
            vec!["invite", "Carla", "--role", "admin", "--postgres", url],
            "not a role of the desk",
        ),
        (vec!["revoke", "Nobody", "--postgres", url], "not a member"),
    ] {
        let out = desk(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(words), "{args:?} says {words:?}: {err}");
    }
    pg.stop();
    let out = desk(&["members", "--postgres", url]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("does not answer"), "{err}");
}
