//! When the outbox tries again: exponential backoff with jitter, capped, so that a portal
//! that is back is reached within a minute and a crowd of editors does not knock at once.

use std::time::Duration;

/// The first wait, doubled after each failed attempt.
pub const DEFAULT_BASE: Duration = Duration::from_secs(2);
/// No wait is longer: when the network comes back, the queue drains within this.
pub const DEFAULT_CAP: Duration = Duration::from_secs(60);

/// Retry timing; tests shorten it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            base: DEFAULT_BASE,
            cap: DEFAULT_CAP,
        }
    }
}

impl Backoff {
    /// The wait after failed attempt number `attempt` (1 for the first), "equal jitter":
    /// half the exponential step for sure, the other half at random — never shorter than
    /// half the step, never longer than the cap. `unit` is a random number in [0, 1).
    pub fn delay(&self, attempt: u32, unit: f64) -> Duration {
        let step = self
            .base
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(20))
            .min(self.cap);
        let half = step / 2;
        half + half.mul_f64(unit.clamp(0.0, 1.0))
    }

    /// [`Backoff::delay`] with fresh randomness, never shorter than what the portal asked for.
    pub fn next(&self, attempt: u32, asked: Option<Duration>) -> Duration {
        let delay = self.delay(attempt, fastrand::f64());
        match asked {
            Some(asked) => delay.max(asked.min(Duration::from_secs(3600))),
            None => delay,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_with_jitter_up_to_the_cap() {
        let b = Backoff::default();
        assert_eq!(
            b.delay(1, 0.0),
            Duration::from_secs(1),
            "half of the first step"
        );
        assert_eq!(b.delay(1, 1.0), Duration::from_secs(2));
        assert_eq!(b.delay(3, 0.5), Duration::from_secs(6), "8 s step: 4 + 2");
        assert_eq!(b.delay(30, 1.0), DEFAULT_CAP, "capped");
        assert!(
            b.delay(30, 0.0) >= DEFAULT_CAP / 2,
            "never below half the cap"
        );
        assert_eq!(
            b.next(1, Some(Duration::from_secs(30))),
            Duration::from_secs(30),
            "Retry-After wins when longer"
        );
    }
}
