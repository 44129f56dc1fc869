//! The publishing tests' desk: a library and the `newsdesk` binary run against it with its
//! own keyring. The real portals and the keyring come from the shared harness
//! (`newsdesk_e2e::portals`).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub use newsdesk_e2e::portals::{Keyring, NinjsServer, WordPress, file_contains, unique_name};
use serde_json::Value;

use crate::BIN;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One library and the keyring its commands use.
pub struct Desk {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub keyring: Keyring,
    /// Environment every command of this desk gets (retry timing, say).
    pub env: Vec<(String, String)>,
}

impl Desk {
    pub fn new() -> Desk {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("lib.sqlite");
        Desk {
            dir,
            db,
            keyring: Keyring::start(),
            env: vec![
                ("NEWSDESK_RETRY_BASE_MS".into(), "100".into()),
                ("NEWSDESK_RETRY_CAP_MS".into(), "400".into()),
            ],
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("NEWSDESK_DB")
            .env("DBUS_SESSION_BUS_ADDRESS", &self.keyring.address);
        for (k, v) in &self.env {
            command.env(k, v);
        }
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("newsdesk runs")
    }

    /// Runs the command under `/usr/bin/time`: its output and its peak memory (maximum
    /// resident set size) in KiB.
    pub fn run_measured(&self, args: &[&str]) -> (Output, u64) {
        let report = self.dir.path().join(format!("time-{}.txt", unique_name()));
        let plain = self.command(args);
        let mut command = Command::new("/usr/bin/time");
        command
            .args(["-f", "%M", "-o"])
            .arg(&report)
            .arg(plain.get_program())
            .args(plain.get_args());
        for (name, value) in plain.get_envs() {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            };
        }
        let out = command.output().expect("/usr/bin/time runs newsdesk");
        let text = std::fs::read_to_string(&report).unwrap_or_default();
        let kib = text
            .lines()
            .filter_map(|l| l.trim().parse::<u64>().ok())
            .next_back()
            .unwrap_or_else(|| panic!("/usr/bin/time reported the peak memory: {text:?}"));
        (out, kib)
    }

    /// With `input` on standard input.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("newsdesk runs");
        child
            .stdin
            .take()
            .expect("piped")
            .write_all(input.as_bytes())
            .expect("stdin takes the input");
        child.wait_with_output().expect("newsdesk ends")
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "newsdesk {args:?} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let text = self.ok(args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: no JSON ({e}): {text}"))
    }

    /// The article titled `title` as `article show --json` gives it, if the library has one.
    pub fn article_titled(&self, title: &str) -> Option<Value> {
        let list = self.json(&["article", "list", "--json"]);
        let id = list.as_array()?.iter().find(|a| a["title"] == title)?["id"].to_string();
        Some(self.json(&["article", "show", &id, "--json"]))
    }

    /// Adds a portal with its secret on stdin.
    pub fn add_portal(&self, name: &str, kind: &str, url: &str, user: &str, secret: &str) {
        let mut args = vec![
            "portal",
            "add",
            name,
            "--kind",
            kind,
            "--url",
            url,
            "--timeout",
            "3",
        ];
        if !user.is_empty() {
            args.extend(["--user", user]);
        }
        let out = self.run_with_input(&args, &format!("{secret}\n"));
        assert!(
            out.status.success(),
            "portal add failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// An article placing a credited library photo; returns its id.
    pub fn article_with_photo(&self, title: &str) -> i64 {
        let photo = repo().join("crates/media/tests/fixtures/real/node-iptc-test1.jpeg");
        let imported = self.json(&[
            "image",
            "import",
            photo.to_str().expect("UTF-8 path"),
            "--json",
        ]);
        let image = imported[0]["id"].to_string();
        let hash = imported[0]["hash"].as_str().expect("hash").to_owned();
        // A copyright of this article's own: its file (credits embedded) is new to the portal.
        let copyright = format!("© Thüringer Staatskanzlei ({title})");
        self.ok(&[
            "image",
            "set",
            &image,
            "--credit",
            "Thüringer Staatskanzlei",
            "--creator",
            "Jörg Fotograf",
            "--copyright",
            &copyright,
        ]);
        let file = self.dir.path().join(format!("{}.md", unique_name()));
        std::fs::write(
            &file,
            format!(
                "---\nkicker: Thüringen\ntitle: \"{title}\"\ntype: Meldung\nsection: Politik\n\
                 date: 2018-12-13\nauthor: ba\nteaser: Beim zweiten Digitalisierungskabinett in \
                 Thüringen stand die Verwaltungsdigitalisierung im Fokus.\n\
                 tags: [Politik, Thüringen, Digitalisierungskabinett, Digitalisierung, Hartmut Schubert]\n\
                 images:\n  - file: sha256:{hash}\n    caption: Hartmut Schubert und Valentina Kerst \
                 informieren die Presse.\n    credit: Thüringer Staatskanzlei\n    alt: Zwei Personen \
                 an einem Pult\nlinks:\n  - title: www.thueringen.de\n    url: http://www.thueringen.de\n---\n\
                 Die Thüringer Landesregierung hat sich beim zweiten Digitalisierungskabinett \
                 vorrangig mit Themen der Verwaltungsdigitalisierung befasst.\n\n\
                 > „Vom Verwaltungsmitarbeiter bis zur Ministeriumsspitze müssen die Chancen der \
                 Digitalisierung immer mitgedacht werden.“\n"
            ),
        )
        .expect("article file");
        let report = self.json(&[
            "article",
            "import",
            file.to_str().expect("UTF-8 path"),
            "--json",
        ]);
        report["imported"][0]["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("imported: {report}"))
    }

    pub fn job(&self, id: i64) -> Value {
        self.json(&["outbox", "show", &id.to_string(), "--json"])["job"].clone()
    }
}
