//! A real PostgreSQL for tests (feature `test-support`): Debian's package, started by
//! `scripts/portals/postgres.sh` on 127.0.0.1 at a free port with its data in a temporary
//! folder, stopped when dropped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One running PostgreSQL with an empty database `desk`.
pub struct TestPostgres {
    dir: tempfile::TempDir,
    /// `postgres://newsdesk:…@127.0.0.1:PORT/desk`
    pub url: String,
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/portals/postgres.sh")
}

impl TestPostgres {
    /// Starts one; the error says what failed (the script's own words).
    pub fn start() -> Result<TestPostgres, String> {
        let dir = tempfile::Builder::new()
            .prefix("newsdesk-postgres-")
            .tempdir()
            .map_err(|e| format!("cannot make a temporary folder: {e}"))?;
        let out = Command::new(script())
            .arg("start")
            .arg(dir.path())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", script().display()))?;
        if !out.status.success() {
            return Err(format!(
                "PostgreSQL did not start: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let line = String::from_utf8_lossy(&out.stdout);
        let described: serde_json::Value = serde_json::from_str(line.trim())
            .map_err(|e| format!("postgres.sh printed no JSON line ({e}): {line}"))?;
        let url = described["url"]
            .as_str()
            .ok_or_else(|| format!("postgres.sh printed no url: {line}"))?
            .to_string();
        Ok(TestPostgres { dir, url })
    }

    /// Stops the server (fast shutdown), as a crash of its machine would not — for tests that
    /// need it gone.
    pub fn stop(&self) {
        let _ = Command::new(script())
            .arg("stop")
            .arg(self.dir.path())
            .output();
    }
}

impl Drop for TestPostgres {
    fn drop(&mut self) {
        self.stop();
    }
}
