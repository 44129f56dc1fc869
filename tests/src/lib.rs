//! Harness for end-to-end tests of the real Newsdesk window.
//!
//! ```no_run
//! # async fn demo() -> Result<(), String> {
//! let session = newsdesk_e2e::Session::start().await?; // app + tauri-driver + fresh library
//! let title = session.client.title().await.map_err(|e| e.to_string())?;
//! session.finish().await; // close the window, stop tauri-driver cleanly
//! # Ok(()) }
//! ```
//!
//! The harness builds nothing: `make test` builds the UI and then the workspace with
//! `--features newsdesk-app/custom-protocol` (so the app embeds ui/dist), and runs the tests
//! under `dbus-run-session -- xvfb-run -a`. When the app, `tauri-driver` or a display is missing,
//! [`Session::start`] fails with a sentence that says what to do, so that a test never passes
//! without having looked at a window.

use std::fs::File;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use tempfile::TempDir;

pub mod portals;

/// How `make test` runs these tests; repeated in every failure that a missing setup causes.
pub const HOW_TO_RUN: &str = "build the UI and the app and run under a display: `make test`, or \
     just `make e2e`";

/// One running app, driven over WebDriver, on its own fresh library.
pub struct Session {
    pub client: Client,
    driver: Driver,
    library: TempDir,
    /// Environment the app gets beyond the harness's own (a keyring's bus, say).
    env: Vec<(String, String)>,
}

impl Session {
    /// Starts `tauri-driver`, which starts the app with an empty library (env `NEWSDESK_DB`).
    pub async fn start() -> Result<Session, String> {
        let library = tempfile::Builder::new()
            .prefix("newsdesk-e2e-")
            .tempdir()
            .map_err(|e| format!("cannot make a temporary directory for the library: {e}"))?;
        Session::start_on(library, Vec::new()).await
    }

    /// As [`Session::start`], the app getting `env` too (e.g. `DBUS_SESSION_BUS_ADDRESS` of a
    /// test's own keyring).
    pub async fn start_with_env(env: Vec<(String, String)>) -> Result<Session, String> {
        let library = tempfile::Builder::new()
            .prefix("newsdesk-e2e-")
            .tempdir()
            .map_err(|e| format!("cannot make a temporary directory for the library: {e}"))?;
        Session::start_on(library, env).await
    }

    /// Starts the app again on the library of an earlier session (after [`Session::kill_app`]).
    pub async fn restart(self) -> Result<Session, String> {
        let Session {
            client,
            driver,
            library,
            env,
        } = self;
        let _ = client.close().await;
        drop(driver);
        Session::start_on(library, env).await
    }

    /// Starts the app on an existing library file (linked into a fresh folder).
    pub async fn start_with_library(file: &Path) -> Result<Session, String> {
        let library = tempfile::Builder::new()
            .prefix("newsdesk-e2e-")
            .tempdir()
            .map_err(|e| format!("cannot make a temporary directory: {e}"))?;
        let file = file
            .canonicalize()
            .map_err(|e| format!("{}: {e}", file.display()))?;
        std::os::unix::fs::symlink(&file, library.path().join("library.sqlite"))
            .map_err(|e| format!("cannot link the library: {e}"))?;
        // The folders beside the file go along (the search index, the pictures): without them
        // the app would rebuild the index of a large library before its window opens.
        for beside in ["search", "media"] {
            let folder = file.with_extension(beside);
            if folder.is_dir() {
                std::os::unix::fs::symlink(
                    &folder,
                    library.path().join(format!("library.{beside}")),
                )
                .map_err(|e| format!("cannot link {}: {e}", folder.display()))?;
            }
        }
        // The saved tag model too: without it the app would learn the archive again.
        let model = file.with_extension("tagmodel");
        if model.is_file() {
            std::os::unix::fs::symlink(&model, library.path().join("library.tagmodel"))
                .map_err(|e| format!("cannot link {}: {e}", model.display()))?;
        }
        Session::start_on(library, Vec::new()).await
    }

    /// The process ids of the app on this library.
    pub fn app_pids(&self) -> Result<Vec<i32>, String> {
        app_pids_on(&self.library_path())
    }

    /// Resident memory of the app and every process below it (the WebKit web and network
    /// processes), in KiB.
    pub fn app_tree_rss_kib(&self) -> Result<u64, String> {
        let mut parents: Vec<(i32, i32, u64)> = Vec::new(); // (pid, ppid, rss)
        for entry in std::fs::read_dir("/proc").map_err(|e| format!("/proc: {e}"))? {
            let Ok(entry) = entry else { continue };
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
                continue;
            };
            let status = std::fs::read_to_string(entry.path().join("status")).unwrap_or_default();
            let field = |name: &str| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix(name))
                    .and_then(|v| v.split_whitespace().next())
                    .and_then(|v| v.parse::<u64>().ok())
            };
            if let (Some(ppid), rss) = (field("PPid:"), field("VmRSS:").unwrap_or(0)) {
                parents.push((pid, ppid as i32, rss));
            }
        }
        let mut tree = self.app_pids()?;
        let mut total = 0;
        let mut i = 0;
        while i < tree.len() {
            let pid = tree[i];
            for (child, ppid, _) in &parents {
                if *ppid == pid && !tree.contains(child) {
                    tree.push(*child);
                }
            }
            total += parents.iter().find(|p| p.0 == pid).map_or(0, |p| p.2);
            i += 1;
        }
        Ok(total)
    }

    /// With `NEWSDESK_SCREENSHOT=1`, saves a screenshot of the window as `docs/<name>.png`
    /// (`make screenshot`); otherwise does nothing.
    pub async fn screenshot_for_docs(&self, name: &str) -> Result<(), String> {
        if std::env::var_os("NEWSDESK_SCREENSHOT").is_none_or(|v| v.is_empty() || v == "0") {
            return Ok(());
        }
        // Let two frames pass so the screenshot shows the latest DOM, not the frame before.
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .map_err(|e| format!("cannot wait for the window to paint: {e}"))?;
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| format!("cannot take a screenshot: {e}"))?;
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let docs = crate_dir.parent().unwrap_or(crate_dir).join("docs");
        std::fs::create_dir_all(&docs).map_err(|e| format!("{}: {e}", docs.display()))?;
        let target = docs.join(format!("{name}.png"));
        std::fs::write(&target, png).map_err(|e| format!("{}: {e}", target.display()))?;
        eprintln!("screenshot saved to {}", target.display());
        Ok(())
    }

    /// Kills the app process with SIGKILL, as a crash or a power cut would end it.
    pub fn kill_app(&self) -> Result<(), String> {
        let killed = self
            .app_pids()?
            .into_iter()
            .filter(|pid| kill(Pid::from_raw(*pid), Signal::SIGKILL).is_ok())
            .count();
        if killed == 0 {
            return Err(format!(
                "no running app on {} was found",
                self.library_path().display()
            ));
        }
        Ok(())
    }

    async fn start_on(library: TempDir, env: Vec<(String, String)>) -> Result<Session, String> {
        require_display()?;
        let app = app_binary()?;
        let driver = Driver::start(&tauri_driver()?, library.path(), &env)?;
        let capabilities = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": app },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal is an object")
        };
        // tauri-driver speaks plain HTTP on 127.0.0.1: no TLS needed.
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .map_err(|e| {
                format!(
                    "tauri-driver did not open a session with {}: {e}\n{}",
                    app.display(),
                    driver.log()
                )
            })?;
        Ok(Session {
            client,
            driver,
            library,
            env,
        })
    }

    /// The library file the app was started on.
    /// Where the window saves exports in tests (`NEWSDESK_EXPORT_DIR`).
    pub fn export_dir(&self) -> PathBuf {
        self.library.path().join("exports")
    }

    pub fn library_path(&self) -> PathBuf {
        self.library.path().join("library.sqlite")
    }

    /// What tauri-driver, WebKitWebDriver and the app wrote to stderr so far.
    pub fn driver_log(&self) -> String {
        self.driver.log()
    }

    /// Closes the window and stops tauri-driver (SIGTERM, then waits for it).
    pub async fn finish(self) {
        // A failed close still ends with tauri-driver stopping the app below.
        let _ = self.client.close().await;
        drop(self.driver);
    }
}

/// `tauri-driver` on free local ports, its stderr in a file; stopped with SIGTERM on drop.
struct Driver {
    child: Child,
    port: u16,
    log_file: tempfile::NamedTempFile,
    library: PathBuf,
}

impl Driver {
    fn start(
        program: &Path,
        library_dir: &Path,
        env: &[(String, String)],
    ) -> Result<Driver, String> {
        let port = free_port()?;
        let native_port = free_port()?;
        let log_file = tempfile::NamedTempFile::new()
            .map_err(|e| format!("cannot make a log file for tauri-driver: {e}"))?;
        let stderr = File::options()
            .append(true)
            .open(log_file.path())
            .map_err(|e| format!("cannot open the tauri-driver log: {e}"))?;
        let stdout = stderr
            .try_clone()
            .map_err(|e| format!("cannot open the tauri-driver log: {e}"))?;
        let child = Command::new(program)
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .env("NEWSDESK_DB", library_dir.join("library.sqlite"))
            // Exports from the window land here without the native dialog (which WebDriver
            // cannot drive).
            .env("NEWSDESK_EXPORT_DIR", library_dir.join("exports"))
            // The window's remembered size and place stay with the test, not the machine.
            .env("XDG_CONFIG_HOME", library_dir.join("config"))
            // So do its log, its cache and the webview's storage (Newsdesk's XDG folders).
            .env("XDG_STATE_HOME", library_dir.join("state"))
            .env("XDG_CACHE_HOME", library_dir.join("cache"))
            .env("XDG_DATA_HOME", library_dir.join("data"))
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        let mut driver = Driver {
            child,
            port,
            log_file,
            library: library_dir.join("library.sqlite"),
        };
        // tauri-driver listens at once but starts WebKitWebDriver behind it; a session asked
        // for before both listen fails with "client error (Connect)".
        for port in [port, native_port] {
            driver.wait_until_listening(port, Duration::from_secs(20))?;
        }
        Ok(driver)
    }

    fn wait_until_listening(&mut self, port: u16, limit: Duration) -> Result<(), String> {
        let started = Instant::now();
        loop {
            if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
                return Ok(());
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "tauri-driver ended before it listened ({status})\n{}",
                    self.log()
                ));
            }
            if started.elapsed() > limit {
                return Err(format!(
                    "tauri-driver (or the WebKitWebDriver it starts) did not listen on port \
                     {port} within {limit:?}\n{}",
                    self.log()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn log(&self) -> String {
        let text = std::fs::read_to_string(self.log_file.path()).unwrap_or_default();
        format!("--- tauri-driver log ---\n{}", text.trim_end())
    }
}

impl Drop for Driver {
    /// SIGTERM lets tauri-driver stop WebKitWebDriver and the app; SIGKILL would orphan
    /// WebKitWebDriver holding the test's pipes. SIGKILL only if it ignores SIGTERM for 10 s.
    fn drop(&mut self) {
        self.stop();
        reap_app(&self.library);
    }
}

impl Driver {
    fn stop(&mut self) {
        let Ok(pid) = i32::try_from(self.child.id()) else {
            return;
        };
        if kill(Pid::from_raw(pid), Signal::SIGTERM).is_err() {
            let _ = self.child.wait();
            return;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("tauri-driver ignored SIGTERM for 10 s; killing it");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The process ids of the app binary running on `library` (its `NEWSDESK_DB`).
pub fn app_pids_on(library: &Path) -> Result<Vec<i32>, String> {
    let app = app_binary()?;
    let marker = format!("NEWSDESK_DB={}", library.display());
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").map_err(|e| format!("/proc: {e}"))? {
        let Ok(entry) = entry else { continue };
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let is_app = std::fs::read_link(entry.path().join("exe")).is_ok_and(|exe| exe == app);
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if is_app
            && environ
                .split(|b| *b == 0)
                .any(|var| var == marker.as_bytes())
        {
            pids.push(pid);
        }
    }
    Ok(pids)
}

/// Ends every app process on `library` that outlived its WebDriver session (SIGKILL), and
/// waits until they are gone: the app is single-instance per library, so one left behind
/// would swallow the next start on the same library.
fn reap_app(library: &Path) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let pids = app_pids_on(library).unwrap_or_default();
        if pids.is_empty() || Instant::now() > deadline {
            return;
        }
        for pid in pids {
            let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|e| format!("no free local port: {e}"))
}

fn require_display() -> Result<(), String> {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") {
        Ok(())
    } else {
        Err(format!(
            "no display (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open: \
             {HOW_TO_RUN}"
        ))
    }
}

/// The app binary: `$NEWSDESK_APP_BIN`, else `newsdesk-app` in the target directory and profile
/// this test was built into (`<target>/<profile>/deps/window-…`). Always an absolute path.
pub fn app_binary() -> Result<PathBuf, String> {
    let candidate = match std::env::var_os("NEWSDESK_APP_BIN") {
        Some(path) => PathBuf::from(path),
        None => {
            let me = std::env::current_exe()
                .map_err(|e| format!("cannot tell where this test runs from: {e}"))?;
            let profile_dir = me
                .ancestors()
                .nth(2)
                .ok_or_else(|| format!("unexpected test location {}", me.display()))?;
            profile_dir.join("newsdesk-app")
        }
    };
    candidate.canonicalize().map_err(|_| {
        format!(
            "the app binary {} is not there; {HOW_TO_RUN} \
             (or point NEWSDESK_APP_BIN at a build with --features custom-protocol)",
            candidate.display()
        )
    })
}

/// A benchmark's number from the environment (`NEWSDESK_BENCH_…`), or `default` when it is
/// unset or not a number.
pub fn bench_setting<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// The `newsdesk` command line built beside the app (`$NEWSDESK_CLI_BIN` overrides).
pub fn cli_binary() -> Result<PathBuf, String> {
    let candidate = match std::env::var_os("NEWSDESK_CLI_BIN") {
        Some(path) => PathBuf::from(path),
        None => app_binary()?.with_file_name("newsdesk"),
    };
    candidate.canonicalize().map_err(|_| {
        format!(
            "the newsdesk CLI {} is not there; {HOW_TO_RUN}",
            candidate.display()
        )
    })
}

/// `$TAURI_DRIVER`, else `tauri-driver` on PATH, else in `~/.cargo/bin`.
fn tauri_driver() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return Ok(PathBuf::from(path));
    }
    let on_path = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .unwrap_or_default();
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|home| home.join("bin"));
    on_path
        .into_iter()
        .chain(in_cargo_home)
        .map(|dir| dir.join("tauri-driver"))
        .find(|path| path.is_file())
        .ok_or_else(|| {
            "tauri-driver is not installed; `make deps` installs it \
             (cargo install tauri-driver --version '^2' --locked)"
                .to_string()
        })
}
