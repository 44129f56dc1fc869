//! Real portals and a real keyring for the publishing tests, all on 127.0.0.1: a private
//! D-Bus session bus with GNOME Keyring's Secret Service ([`Keyring`]), a real WordPress
//! (Debian's packages, scripts/portals/wordpress.sh, shared by the tests: [`WordPress`]), the
//! reference ninjs endpoint ([`NinjsServer`]), a real Ghost ([`Ghost`], `make test-ghost`), a
//! server answering what a test says ([`canned::CannedPortal`]: huge or endless answers),
//! and a TCP fault proxy in front of a server ([`proxy::FaultProxy`]). Used by the CLI's
//! tests and the window's.

pub mod canned;
pub mod proxy;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
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

    /// `secret-tool` (libsecret-tools) on this keyring's bus.
    fn secret_tool(&self, args: &[&str]) -> Command {
        let mut command = Command::new("secret-tool");
        command
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address);
        command
    }

    /// Stores `secret` as Newsdesk's entry for `account` (service "Newsdesk portal"), the way
    /// an older release (or another program) left it.
    pub fn store(&self, account: &str, secret: &str) {
        let mut child = self
            .secret_tool(&[
                "store",
                "--label=written by the test",
                "service",
                "Newsdesk portal",
                "username",
                account,
            ])
            .stdin(Stdio::piped())
            .spawn()
            .expect("secret-tool runs (package libsecret-tools)");
        child
            .stdin
            .take()
            .expect("piped")
            .write_all(secret.as_bytes())
            .expect("the secret reaches secret-tool");
        assert!(
            child.wait().expect("secret-tool ends").success(),
            "secret-tool stored {account}"
        );
    }

    /// The secret of Newsdesk's entry for `account`, if there is one.
    pub fn lookup(&self, account: &str) -> Option<String> {
        let out = self
            .secret_tool(&["lookup", "service", "Newsdesk portal", "username", account])
            .output()
            .expect("secret-tool runs (package libsecret-tools)");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Removes Newsdesk's entry for `account`.
    pub fn clear(&self, account: &str) {
        let status = self
            .secret_tool(&["clear", "service", "Newsdesk portal", "username", account])
            .status()
            .expect("secret-tool runs (package libsecret-tools)");
        assert!(status.success(), "secret-tool cleared {account}");
    }

    /// Every entry of Newsdesk's: (account, label).
    pub fn entries(&self) -> Vec<(String, String)> {
        let out = self
            .secret_tool(&["search", "--all", "service", "Newsdesk portal"])
            .output()
            .expect("secret-tool runs (package libsecret-tools)");
        // secret-tool prints each item's label and secret on its output, its attributes on
        // its error stream, both in the same order.
        let labels = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.strip_prefix("label = ").map(str::to_owned))
            .collect::<Vec<_>>();
        let accounts = String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter_map(|l| l.strip_prefix("attribute.username = ").map(str::to_owned))
            .collect::<Vec<_>>();
        assert_eq!(
            labels.len(),
            accounts.len(),
            "secret-tool named each entry's label and account"
        );
        let entries: Vec<(String, String)> = accounts.into_iter().zip(labels).collect();
        entries
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

/// A name no other test uses.
pub fn unique_name() -> String {
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
            .args(["-sS", "-o", "-", "-w", "\n%{http_code}", "-X", method])
            .arg("-u")
            .arg(format!("{}:{}", self.user, self.password))
            .arg(format!("{}/wp-json/wp/v2{route}", self.url));
        // The body on standard input: a long one does not fit in an argument.
        if body.is_some() {
            command.args([
                "-H",
                "Content-Type: application/json",
                "--data-binary",
                "@-",
            ]);
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("curl runs");
        let mut input = child.stdin.take().expect("piped");
        if let Some(body) = body {
            input
                .write_all(body.to_string().as_bytes())
                .expect("curl reads the body");
        }
        drop(input);
        let out = child.wait_with_output().expect("curl ends");
        assert!(
            out.status.success(),
            "curl {method} {route} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (json, status) = text.rsplit_once('\n').unwrap_or(("", "0"));
        (
            status.trim().parse().unwrap_or(0),
            serde_json::from_str(json).unwrap_or(Value::Null),
        )
    }

    /// Many REST calls in batches of 25 (`/batch/v1`): each `(method, path, body)` with its
    /// (status, JSON body), in order.
    pub fn batch(&self, calls: &[(&str, String, Value)]) -> Vec<(u16, Value)> {
        let mut answers = Vec::new();
        for chunk in calls.chunks(25) {
            let requests: Vec<Value> = chunk
                .iter()
                .map(|(method, path, body)| {
                    serde_json::json!({"method": method, "path": path, "body": body})
                })
                .collect();
            let out = Command::new("curl")
                .args(["-sS", "-H", "Content-Type: application/json", "-u"])
                .arg(format!("{}:{}", self.user, self.password))
                .arg("--data-binary")
                .arg(serde_json::json!({"requests": requests}).to_string())
                .arg(format!("{}/wp-json/batch/v1", self.url))
                .output()
                .expect("curl runs");
            let answer: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
            let responses = answer["responses"].as_array().cloned().unwrap_or_default();
            assert_eq!(
                responses.len(),
                chunk.len(),
                "WordPress answered every call of the batch: {answer}"
            );
            answers.extend(
                responses
                    .into_iter()
                    .map(|r| (r["status"].as_u64().unwrap_or(0) as u16, r["body"].clone())),
            );
        }
        answers
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
        // Every byte but letters and digits escaped: PHP's built-in server drops a request
        // whose line carries raw UTF-8.
        let query: String = words
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
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

/// A real Ghost 5 (npm, scripts/portals/ghost.sh), started on first use and shared; its
/// folder `$NEWSDESK_TEST_GHOST_DIR` (`make test-ghost` stops it afterwards).
pub struct Ghost {
    pub url: String,
    pub admin_key: String,
}

impl Ghost {
    pub fn shared() -> Ghost {
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
    pub fn admin(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
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
        let token = format!("tok-{}", unique_name());
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
