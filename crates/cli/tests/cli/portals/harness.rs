//! Real parts for the publishing tests, all on 127.0.0.1: a private D-Bus session with a real
//! Secret Service (GNOME Keyring), a real WordPress (Debian's packages, its own MariaDB socket,
//! started by scripts/portals/wordpress.sh and shared by the tests), the reference ninjs
//! endpoint (scripts/portals/ninjs_server.py), and `newsdesk` run against them.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::BIN;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A D-Bus session bus of this test's own with GNOME Keyring's Secret Service on it,
/// unlocked; the `newsdesk` processes of the test talk to it. Stopped when dropped.
pub struct Keyring {
    pub home: tempfile::TempDir,
    pub address: String,
    bus: Child,
    daemon: Child,
}

impl Keyring {
    pub fn start() -> Keyring {
        let home = tempfile::tempdir().expect("a home for the keyring");
        let socket = home.path().join("bus");
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .arg(format!("--address=unix:path={}", socket.display()))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts (package dbus)");
        let mut address = String::new();
        BufReader::new(bus.stdout.take().expect("piped"))
            .read_line(&mut address)
            .expect("dbus-daemon prints its address");
        let address = address.trim().to_string();
        let mut daemon = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("gnome-keyring-daemon starts (package gnome-keyring)");
        // The login keyring is created and unlocked with this password (stdin, then EOF).
        daemon
            .stdin
            .take()
            .expect("piped")
            .write_all(b"newsdesk-test-login")
            .expect("the password reaches the keyring");
        let keyring = Keyring {
            home,
            address,
            bus,
            daemon,
        };
        keyring.wait_for_secret_service();
        keyring
    }

    fn wait_for_secret_service(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            let owned = Command::new("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets",
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .output()
                .expect("dbus-send runs");
            if String::from_utf8_lossy(&owned.stdout).contains("boolean true") {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("GNOME Keyring did not take the Secret Service name within 20 s");
    }

    /// The files the keyring keeps its (encrypted) secrets in.
    pub fn files(&self) -> Vec<PathBuf> {
        let dir = self.home.path().join("data/keyrings");
        std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default()
    }
}

impl Drop for Keyring {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
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
        let file = self.dir.path().join(format!("{}.md", fastrand_name()));
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

/// A name no other test uses.
pub fn fastrand_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("t{}-{nanos:x}", std::process::id())
}

/// The real WordPress of the tests (started on first use, shared by every test; `make test`
/// stops it afterwards). Its folder: `$NEWSDESK_TEST_WORDPRESS_DIR`, else
/// `$CARGO_TARGET_DIR/portal-tests/wordpress`.
pub struct WordPress {
    pub url: String,
    pub user: String,
    pub password: String,
}

impl WordPress {
    pub fn shared() -> WordPress {
        let dir = std::env::var_os("NEWSDESK_TEST_WORDPRESS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                std::env::var_os("CARGO_TARGET_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| repo().join("target"))
                    .join("portal-tests/wordpress")
            });
        std::fs::create_dir_all(&dir).expect("the WordPress folder");
        let out = Command::new(repo().join("scripts/portals/wordpress.sh"))
            .arg("start")
            .arg(&dir)
            .stderr(Stdio::inherit())
            .output()
            .expect("scripts/portals/wordpress.sh runs");
        assert!(
            out.status.success(),
            "WordPress did not start (scripts/portals/wordpress.sh start {})",
            dir.display()
        );
        let state: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
        let text = |k: &str| {
            state[k]
                .as_str()
                .unwrap_or_else(|| panic!("{k} in {state}"))
                .to_string()
        };
        WordPress {
            url: text("url"),
            user: text("user"),
            password: text("app_password"),
        }
    }

    /// A REST call straight to WordPress (not through Newsdesk): `curl` with the admin's
    /// application password. Returns (status, JSON body).
    pub fn rest(&self, method: &str, route: &str, body: Option<&Value>) -> (u16, Value) {
        let mut command = Command::new("curl");
        command
            .args(["-s", "-o", "-", "-w", "\n%{http_code}", "-X", method])
            .arg("-u")
            .arg(format!("{}:{}", self.user, self.password))
            .arg(format!("{}/wp-json/wp/v2{route}", self.url));
        if let Some(body) = body {
            command
                .args(["-H", "Content-Type: application/json", "--data-binary"])
                .arg(body.to_string());
        }
        let out = command.output().expect("curl runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (json, status) = text.rsplit_once('\n').unwrap_or(("", "0"));
        (
            status.trim().parse().unwrap_or(0),
            serde_json::from_str(json).unwrap_or(Value::Null),
        )
    }

    /// Unauthenticated, as a reader would ask.
    pub fn public_status(&self, route: &str) -> u16 {
        let out = Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}"])
            .arg(format!("{}/wp-json/wp/v2{route}", self.url))
            .output()
            .expect("curl runs");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .unwrap_or(0)
    }

    /// Every post (any status but trash) whose slug is `slug`.
    pub fn posts_with_slug(&self, slug: &str) -> Vec<Value> {
        let (status, posts) = self.rest(
            "GET",
            &format!("/posts?slug={slug}&status=publish,future,draft,pending,private&context=edit"),
            None,
        );
        assert_eq!(status, 200, "WordPress lists posts by slug: {posts}");
        posts.as_array().cloned().unwrap_or_default()
    }

    /// Every post whose title contains `words`.
    pub fn posts_titled(&self, words: &str) -> Vec<Value> {
        let query: String = words.replace(' ', "+");
        let (status, posts) = self.rest(
            "GET",
            &format!(
                "/posts?search={query}&status=publish,future,draft,pending,private&context=edit&per_page=100"
            ),
            None,
        );
        assert_eq!(status, 200, "WordPress searches posts: {posts}");
        posts
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|p| {
                p["title"]["raw"]
                    .as_str()
                    .is_some_and(|t| t.contains(words))
            })
            .collect()
    }
}

/// The reference ninjs endpoint (scripts/portals/ninjs_server.py), own data, stopped when
/// dropped.
pub struct NinjsServer {
    pub url: String,
    pub token: String,
    child: Child,
    _data: tempfile::TempDir,
}

impl NinjsServer {
    pub fn start() -> NinjsServer {
        let data = tempfile::tempdir().expect("data dir");
        let token = format!("tok-{}", fastrand_name());
        let mut child = Command::new("python3")
            .arg(repo().join("scripts/portals/ninjs_server.py"))
            .args(["--port", "0", "--prefix", "/api/newsdesk", "--data"])
            .arg(data.path())
            .env("NINJS_TOKEN", &token)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs the reference server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped"))
            .read_line(&mut line)
            .expect("it says where it listens");
        let state: Value = serde_json::from_str(&line).expect("one JSON line");
        NinjsServer {
            url: state["url"].as_str().expect("url").to_string(),
            token,
            child,
            _data: data,
        }
    }
}

impl Drop for NinjsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether `needle` occurs anywhere in the file at `path` (bytes).
pub fn file_contains(path: &Path, needle: &str) -> bool {
    std::fs::read(path)
        .map(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .unwrap_or(false)
}
