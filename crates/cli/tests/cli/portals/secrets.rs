//! The portal's secret lives in the system's keyring (a real Secret Service here) and
//! nowhere else: not in the library, its backup, its search index, an export, the outbox or
//! anything a command printed.

use std::path::{Path, PathBuf};

use super::harness::{Desk, WordPress, file_contains, unique_name};
use super::wordpress::desk_on_wordpress;

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in std::fs::read_dir(&next).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn the_secret_is_found_nowhere_but_in_the_keyring() {
    let title = format!("Geheimnis {}", unique_name());
    let (desk, wp, id) = desk_on_wordpress(&title);
    let secret = wp.password.clone();
    let mut printed = String::new();
    let mut run = |args: &[&str]| {
        let out = desk.run(args);
        printed.push_str(&String::from_utf8_lossy(&out.stdout));
        printed.push_str(&String::from_utf8_lossy(&out.stderr));
    };
    let id = id.to_string();
    run(&["portal", "list", "--json"]);
    run(&["portal", "test", "wp", "--json"]);
    run(&["publish", &id, "--portal", "wp", "--dry-run"]);
    run(&["publish", &id, "--portal", "wp", "--json"]);
    run(&["outbox", "list", "--json"]);
    run(&["portal", "pull", "wp", "--json"]);
    let exports = desk.dir.path().join("exports");
    std::fs::create_dir_all(&exports).expect("exports");
    for format in ["md", "html", "ninjs", "bundle"] {
        let target = exports.join(format!("a.{format}"));
        run(&[
            "export",
            &id,
            "--format",
            format,
            "-o",
            target.to_str().expect("path"),
        ]);
    }
    let backup = desk.dir.path().join("backup.sqlite");
    run(&["db", "backup", backup.to_str().expect("path")]);
    // A failing request prints the portal's refusal, never the password.
    run(&["publish", "999999", "--portal", "wp"]);

    assert!(!printed.contains(&secret), "no command printed the secret");
    assert!(
        printed.contains("Thüringen"),
        "the commands did print something: {printed}"
    );
    let files = files_under(desk.dir.path());
    assert!(
        files.iter().any(|f| f.ends_with("lib.sqlite")),
        "the library is among them"
    );
    assert!(
        files.iter().any(|f| f.ends_with("a.bundle")),
        "the exports are among them"
    );
    for file in &files {
        assert!(
            !file_contains(file, &secret),
            "{} holds the secret",
            file.display()
        );
    }
    let keyring = desk.keyring.files();
    assert!(!keyring.is_empty(), "the keyring wrote its file");
    for file in &keyring {
        assert!(
            !file_contains(file, &secret),
            "the keyring keeps it encrypted, not as text: {}",
            file.display()
        );
    }
}

#[test]
fn without_a_keyring_no_portal_is_added_and_nothing_is_kept_in_plaintext() {
    let wp = WordPress::shared();
    let desk = Desk::new();
    let mut command = desk.command(&[
        "portal",
        "add",
        "wp",
        "--kind",
        "wordpress",
        "--url",
        &wp.url,
        "--user",
        &wp.user,
    ]);
    command
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = command.spawn().expect("runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{}\n", wp.password).as_bytes())
        .expect("secret sent");
    let out = child.wait_with_output().expect("ends");
    assert!(!out.status.success(), "refused without a keyring");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no keyring is available"), "says why: {err}");
    assert!(!err.contains(&wp.password));
    for file in files_under(desk.dir.path()) {
        assert!(
            !file_contains(&file, &wp.password),
            "{} holds it",
            file.display()
        );
    }
    let listed = desk.run(&["portal", "list", "--json"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(!listed.contains("\"wp\""), "no portal was added: {listed}");
}

/// The keyring accounts of the library's portal entries (`portal:<id>`), by label.
fn own_entry(desk: &Desk, name: &str) -> Option<String> {
    desk.keyring
        .entries()
        .into_iter()
        .find(|(account, label)| {
            account.starts_with("portal:") && label.contains(&format!("“{name}”"))
        })
        .map(|(account, _)| account)
}

fn test_says(desk: &Desk, portal: &str) -> String {
    let out = desk.run(&["portal", "test", portal]);
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn two_portals_with_the_same_address_and_user_keep_their_own_secrets() {
    let wp = WordPress::shared();
    let desk = Desk::new();
    desk.add_portal(
        "wrong",
        "wordpress",
        &wp.url,
        &wp.user,
        "wrong wrong wrong wrong",
    );
    desk.add_portal("right", "wordpress", &wp.url, &wp.user, &wp.password);
    assert!(
        test_says(&desk, "wrong").contains("refused the credentials"),
        "the first portal keeps its own (wrong) secret: adding the second replaced nothing"
    );
    assert!(
        test_says(&desk, "right").contains("ok: right answered"),
        "the second has its own"
    );
    assert_eq!(desk.keyring.entries().len(), 2, "one entry each");

    // Removing one never touches another's.
    desk.ok(&["portal", "remove", "wrong"]);
    assert!(test_says(&desk, "right").contains("ok: right answered"));
    assert!(
        own_entry(&desk, "wrong").is_none(),
        "its own entry went with it"
    );
    desk.add_portal("third", "wordpress", &wp.url, &wp.user, "another wrong one");
    desk.ok(&["portal", "remove", "right"]);
    let third = test_says(&desk, "third");
    assert!(
        third.contains("refused the credentials"),
        "the third still has its own secret, not none: {third}"
    );
    assert_eq!(desk.keyring.entries().len(), 1);

    // Two libraries on one machine: a portal of the same name, address and user in each.
    let second_library = desk.dir.path().join("second.sqlite");
    let run_second = |args: &[&str], input: Option<&str>| {
        let mut child = std::process::Command::new(crate::BIN)
            .arg("--db")
            .arg(&second_library)
            .args(args)
            .env_remove("NEWSDESK_DB")
            .env("DBUS_SESSION_BUS_ADDRESS", &desk.keyring.address)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("newsdesk runs");
        let stdin = child.stdin.take();
        if let (Some(mut stdin), Some(input)) = (stdin, input) {
            use std::io::Write;
            stdin.write_all(input.as_bytes()).expect("secret sent");
        }
        child.wait_with_output().expect("ends")
    };
    let added = run_second(
        &[
            "portal",
            "add",
            "third",
            "--kind",
            "wordpress",
            "--url",
            &wp.url,
            "--user",
            &wp.user,
        ],
        Some(&format!("{}\n", wp.password)),
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let tested = run_second(&["portal", "test", "third"], None);
    assert!(
        tested.status.success(),
        "the second library's portal has the right secret"
    );
    assert!(
        test_says(&desk, "third").contains("refused the credentials"),
        "and the first library's portal of the same name kept its own"
    );
}

#[test]
fn a_secret_kept_the_old_way_moves_to_its_portals_own_entry() {
    let wp = WordPress::shared();
    let desk = Desk::new();
    desk.add_portal("a", "wordpress", &wp.url, &wp.user, &wp.password);
    desk.add_portal("b", "wordpress", &wp.url, &wp.user, &wp.password);
    // As an older release left it: no entry of the portals' own, the secret under the
    // account `user@url` they shared.
    for name in ["a", "b"] {
        let account = own_entry(&desk, name).expect("an entry of its own");
        desk.keyring.clear(&account);
    }
    let shared = format!("{}@{}", wp.user, wp.url);
    desk.keyring.store(&shared, &wp.password);
    assert_eq!(desk.keyring.entries().len(), 1);

    assert!(
        test_says(&desk, "a").contains("ok: a answered"),
        "the old entry is read"
    );
    let own = own_entry(&desk, "a").expect("and copied to the portal's own entry");
    assert_eq!(
        desk.keyring.lookup(&own).as_deref(),
        Some(wp.password.as_str())
    );
    assert!(
        desk.keyring.lookup(&shared).is_some(),
        "the old entry stays while b may still need it"
    );
    desk.ok(&["portal", "remove", "a"]);
    assert!(
        desk.keyring.lookup(&shared).is_some(),
        "removing a keeps the old entry b still needs"
    );
    assert!(test_says(&desk, "b").contains("ok: b answered"));
    assert!(own_entry(&desk, "b").is_some(), "b copied it too");
    desk.ok(&["portal", "remove", "b"]);
    assert!(
        desk.keyring.lookup(&shared).is_none(),
        "gone with the last portal that could need it"
    );
    assert!(
        desk.keyring.entries().is_empty(),
        "{:?}",
        desk.keyring.entries()
    );
}
