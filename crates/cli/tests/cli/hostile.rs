//! The library against hostile files, mistaken commands and a second writer (issue: "the
//! library survives hostile files, mistaken restores and a second writer"). Each test names
//! the way the library used to break.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::{BIN, json, nd, ok, seed_id, with_samples};

/// Waits for `child` at most `limit`; a command that hangs fails the test instead of the run.
/// Its output is read meanwhile (a command writing more than a pipe holds would otherwise
/// wait for us forever).
pub(crate) fn finish_within(child: Child, limit: Duration) -> Output {
    let pid = child.id();
    let (done, answer) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    match answer.recv_timeout(limit) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("newsdesk did not finish within {limit:?}: it hangs");
        }
    }
}

pub(crate) fn spawn(db: &Path, args: &[&str]) -> Child {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("NEWSDESK_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsdesk starts")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn count(db: &Path) -> usize {
    json(db, &["article", "list", "--json"])
        .as_array()
        .map_or(0, Vec::len)
}

/// A front matter of a few kilobytes whose aliases expand a billion-fold.
fn alias_bomb() -> String {
    let mut yaml = String::from("title: Bombe\na: &a [\"lol lol lol lol lol lol lol lol\"]\n");
    let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"];
    let mut prev = "a";
    for name in names {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        yaml.push_str(&format!("{name}: &{name} [{refs}]\n"));
        prev = name;
    }
    format!("---\n{yaml}---\nText\n")
}

#[test]
fn an_alias_bomb_is_refused_at_once_naming_file_and_limit() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let file = dir.path().join("bomb.md");
    std::fs::write(&file, alias_bomb()).expect("write");
    let out = finish_within(
        spawn(&db, &["article", "import", path_str(&file)]),
        Duration::from_secs(20),
    );
    assert!(!out.status.success(), "the bomb must be refused");
    let err = stderr(&out);
    assert!(err.contains("bomb.md"), "names the file: {err}");
    assert!(err.contains("1 MiB"), "says the limit: {err}");
    assert_eq!(count(&db), 0, "nothing was stored");
}

#[test]
fn restoring_a_foreign_database_is_refused_and_every_command_still_works() {
    let (dir, db) = with_samples();
    let foreign = dir.path().join("contacts.sqlite");
    {
        let conn = rusqlite::Connection::open(&foreign).expect("foreign");
        conn.execute_batch(
            "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); PRAGMA user_version = 1;",
        )
        .expect("schema");
    }
    let out = nd(&db, &["db", "restore", path_str(&foreign)]);
    assert!(!out.status.success(), "a contacts database is no backup");
    assert!(
        stderr(&out).contains("not a Newsdesk library"),
        "{}",
        stderr(&out)
    );
    assert_eq!(count(&db), 6, "the library is as it was");
    ok(&db, &["db", "check"]);
}

#[test]
fn a_restore_says_where_the_replaced_library_was_kept() {
    let (dir, db) = with_samples();
    let backup = dir.path().join("b.sqlite");
    ok(&db, &["db", "backup", path_str(&backup)]);
    let said = ok(&db, &["db", "restore", path_str(&backup)]);
    let safety = said
        .lines()
        .find_map(|l| l.strip_prefix("the library as it was before: "))
        .expect("the safety copy is named");
    assert!(Path::new(safety).is_file(), "{safety} exists");
}

#[test]
fn read_commands_on_a_mistyped_path_create_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tpyo").join("lib.sqlite");
    for args in [
        &["article", "list"][..],
        &["search", "x"],
        &["db", "info"],
        &["db", "check"],
    ] {
        let out = nd(&db, args);
        assert!(!out.status.success(), "{args:?} on no library must fail");
        assert!(stderr(&out).contains("no library"), "{}", stderr(&out));
    }
    assert!(!dir.path().join("tpyo").exists(), "no folder was made");
}

#[test]
fn a_folder_with_a_link_loop_pipes_and_lock_files_imports_each_article_once() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let folder = dir.path().join("archiv");
    std::fs::create_dir(&folder).expect("mkdir");
    for n in 0..3 {
        std::fs::write(
            folder.join(format!("{n}.md")),
            format!("---\ntitle: Artikel {n}\n---\nText\n"),
        )
        .expect("write");
    }
    std::os::unix::fs::symlink(".", folder.join("self")).expect("ln -s . self");
    std::os::unix::fs::symlink("0.md", folder.join("link-to-0.md")).expect("ln -s");
    std::fs::write(folder.join("._1.md"), [0u8, 5, 22, 7]).expect("resource fork");
    std::os::unix::fs::symlink("root@host.1234", folder.join(".#2.md")).expect("emacs lock");
    let fifo = folder.join("pipe.md");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo");

    let out = finish_within(
        spawn(&db, &["article", "import", path_str(&folder)]),
        Duration::from_secs(20),
    );
    assert!(
        out.status.success(),
        "skipping is no failure: {}",
        stderr(&out)
    );
    assert_eq!(count(&db), 3, "each real file once: {}", stderr(&out));
    let err = stderr(&out);
    for skipped in ["pipe.md", "._1.md", ".#2.md", "link-to-0.md", "archiv/self"] {
        assert!(err.contains(skipped), "says {skipped} was skipped: {err}");
    }
}

#[test]
fn dev_zero_named_as_a_file_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let out = finish_within(
        spawn(&db, &["article", "import", "/dev/zero"]),
        Duration::from_secs(20),
    );
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_larger_than_the_limit_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let big = dir.path().join("big.md");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(17 * 1024 * 1024).expect("sparse 17 MiB");
    let out = nd(&db, &["article", "import", path_str(&big)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("16 MiB"), "{}", stderr(&out));
}

/// Many `article restore` calls while an import writes: each waits its turn, none fails.
#[test]
fn a_second_writer_waits_instead_of_failing() {
    let (dir, db) = with_samples();
    let id = seed_id(&db);
    let folder: PathBuf = dir.path().join("burst");
    std::fs::create_dir(&folder).expect("mkdir");
    // Enough batches (1,000 articles each; another writer gets its turn between two) that
    // the import is still running when the other writers are done.
    let body = "Die Verwaltungsdigitalisierung schreitet voran.";
    for n in 0..12_000 {
        std::fs::write(
            folder.join(format!("{n:04}.md")),
            format!("---\ntitle: Last {n}\ntags: [Last]\n---\n{body} {n}\n"),
        )
        .expect("write");
    }
    let mut import = spawn(&db, &["article", "import", path_str(&folder)]);
    // Start the other writers once the import has committed its first batch.
    let mut ids = std::io::BufReader::new(import.stdout.take().expect("stdout"));
    let mut first = String::new();
    std::io::BufRead::read_line(&mut ids, &mut first).expect("first id");
    let drain = std::thread::spawn(move || std::io::copy(&mut ids, &mut std::io::sink()));
    let writers: Vec<_> = (0..20)
        .map(|_| {
            let db = db.clone();
            std::thread::spawn(move || {
                nd(
                    &db,
                    &["article", "restore", &id.to_string(), "--revision", "1"],
                )
            })
        })
        .collect();
    let outputs: Vec<Output> = writers
        .into_iter()
        .map(|w| w.join().expect("writer thread"))
        .collect();
    let still_importing = import.try_wait().expect("wait").is_none();
    let imported = finish_within(import, Duration::from_secs(300));
    let _ = drain.join();
    assert!(imported.status.success(), "{}", stderr(&imported));
    let failures: Vec<String> = outputs
        .iter()
        .filter(|o| !o.status.success())
        .map(stderr)
        .collect();
    assert!(
        failures.is_empty(),
        "writers failed instead of waiting: {failures:?}"
    );
    assert!(
        still_importing,
        "the import ended before the other writers did: the test proved nothing"
    );
    let history = json(&db, &["article", "history", &id.to_string(), "--json"]);
    assert_eq!(
        history.as_array().map(Vec::len),
        Some(21),
        "1 + 20 restores"
    );
    assert_eq!(count(&db), 12_006);
}

#[test]
fn filters_and_short_words_fold_umlauts_like_the_search_index() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let file = dir.path().join("oel.md");
    std::fs::write(
        &file,
        "---\ntitle: Ölpreis steigt\nsection: Ökonomie\n---\nDer Ölpreis stieg.\n",
    )
    .expect("write");
    ok(&db, &["article", "import", path_str(&file)]);
    for section in ["Ökonomie", "ÖKONOMIE", "ökonomie"] {
        let found = json(&db, &["article", "list", "--section", section, "--json"]);
        assert_eq!(
            found.as_array().map(Vec::len),
            Some(1),
            "--section {section}"
        );
    }
    for word in ["öl", "ÖL", "oel"] {
        let hits = json(&db, &["search", word, "--json"]);
        assert_eq!(hits.as_array().map(Vec::len), Some(1), "search {word}");
    }
}

#[test]
fn what_import_accepts_reads_back_and_deeper_nesting_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let nested = |depth: usize| {
        format!(
            "---\ntitle: Tief\nmeta: {}1{}\n---\nText\n",
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    let ok_file = dir.path().join("deep-ok.md");
    std::fs::write(&ok_file, nested(20)).expect("write");
    ok(&db, &["article", "import", path_str(&ok_file)]);
    let id = json(&db, &["article", "list", "--json"])[0]["id"]
        .as_i64()
        .expect("id");
    ok(&db, &["article", "show", &id.to_string(), "--json"]);
    let exported = dir.path().join("back.md");
    ok(
        &db,
        &[
            "article",
            "export",
            &id.to_string(),
            "-o",
            path_str(&exported),
        ],
    );
    ok(&db, &["db", "check"]);

    let deep_file = dir.path().join("deep-too.md");
    std::fs::write(&deep_file, nested(200)).expect("write");
    let out = nd(&db, &["article", "import", path_str(&deep_file)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("deep-too.md"), "{}", stderr(&out));
    assert!(stderr(&out).contains("32 levels"), "{}", stderr(&out));
}

#[test]
fn db_check_finds_an_article_that_cannot_be_read() {
    let (_dir, db) = with_samples();
    let id = seed_id(&db);
    {
        let conn = rusqlite::Connection::open(&db).expect("raw");
        conn.execute("UPDATE articles SET extra = '{broken' WHERE id = ?1", [id])
            .expect("damage one row");
    }
    let out = nd(&db, &["db", "check"]);
    assert!(!out.status.success(), "db check must not say ok");
    assert!(
        stderr(&out).contains(&format!("article {id} cannot be read")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    let (_dir, db) = with_samples();
    let id = seed_id(&db).to_string();
    for args in [
        vec!["article", "show", id.as_str(), "--json"],
        vec!["search", "digitalisierung", "--json"],
        vec!["article", "list"],
    ] {
        let mut child = spawn(&db, &args);
        // Read five bytes, then go away, as `| head -c 5` does.
        let mut stdout = child.stdout.take().expect("stdout");
        let mut five = [0u8; 5];
        std::io::Read::read_exact(&mut stdout, &mut five).expect("first bytes");
        drop(stdout);
        let out = finish_within(child, Duration::from_secs(20));
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?} ends with its usual status"
        );
    }
}

#[test]
fn numbers_in_text_fields_stay_as_written() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let file = dir.path().join("numbers.md");
    std::fs::write(
        &file,
        "---\nkicker: 10.10\ntitle: 1e3\nauthor: 007\ntags: [2018, 1.50]\n---\nText\n",
    )
    .expect("write");
    ok(&db, &["article", "import", path_str(&file)]);
    let a = &json(&db, &["article", "list", "--json"])[0];
    assert_eq!(a["kicker"], "10.10");
    assert_eq!(a["title"], "1e3");
    assert_eq!(a["author"], "007");
    assert_eq!(a["tags"], serde_json::json!(["2018", "1.50"]));
}

#[test]
fn terminal_escapes_in_a_title_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let file = dir.path().join("esc.md");
    std::fs::write(
        &file,
        "---\ntitle: \"Harmlos\\e]0;gehackt\\a\\e[2J\"\n---\nText \u{1b}[31mrot\n",
    )
    .expect("write");
    ok(&db, &["article", "import", path_str(&file)]);
    let id = json(&db, &["article", "list", "--json"])[0]["id"]
        .as_i64()
        .expect("id")
        .to_string();
    for args in [
        vec!["article", "list"],
        vec!["article", "show", id.as_str()],
    ] {
        let out = ok(&db, &args);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?} printed a control character: {out:?}"
        );
        assert!(out.contains("Harmlos"));
    }
}

#[test]
fn export_never_replaces_a_file_unless_told() {
    let (dir, db) = with_samples();
    let id = seed_id(&db).to_string();
    let target = dir.path().join("keep.md");
    std::fs::write(&target, "mine").expect("write");
    let out = nd(&db, &["article", "export", &id, "-o", path_str(&target)]);
    assert!(!out.status.success(), "an existing file is not overwritten");
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "mine");
    ok(
        &db,
        &["article", "export", &id, "-o", path_str(&target), "--force"],
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .contains("Zweites Digitalisierungskabinett")
    );
}
