//! What the application holds to publish: where portal secrets live, how the outbox waits
//! between tries, and the bell that wakes a waiting runner.

use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use newsdesk_publish::{Backoff, OsKeyring, Secrets};

/// What the application needs to publish: where secrets live, how the outbox waits, and a
/// bell that wakes a waiting runner when a job is queued.
pub(crate) struct Publishing {
    pub(crate) secrets: Arc<dyn Secrets>,
    pub(crate) backoff: Backoff,
    pub(crate) bell: Arc<(Mutex<u64>, Condvar)>,
}

impl Default for Publishing {
    fn default() -> Self {
        Publishing {
            secrets: Arc::new(OsKeyring::default()),
            backoff: backoff_from_env(),
            bell: Arc::new((Mutex::new(0), Condvar::new())),
        }
    }
}

/// The retry timing: the defaults, or `NEWSDESK_RETRY_BASE_MS` / `NEWSDESK_RETRY_CAP_MS`
/// (for tests and desks that want it faster or calmer).
fn backoff_from_env() -> Backoff {
    let millis = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|ms| *ms > 0)
            .map(Duration::from_millis)
    };
    let default = Backoff::default();
    Backoff {
        base: millis("NEWSDESK_RETRY_BASE_MS").unwrap_or(default.base),
        cap: millis("NEWSDESK_RETRY_CAP_MS").unwrap_or(default.cap),
    }
}

impl Publishing {
    /// Wakes a runner waiting for work.
    pub(crate) fn ring(&self) {
        let (count, bell) = &*self.bell;
        *count.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        bell.notify_all();
    }
}
