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
