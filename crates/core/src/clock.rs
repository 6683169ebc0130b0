//! The clock every time-dependent rule reads, so tests move time instead of sleeping.

use chrono::{DateTime, Duration, Utc};
use std::sync::{Arc, Mutex};

pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;

    /// Moves the clock forward, if it can be moved (the real one cannot): `false` when it stays.
    fn advance_by(&self, _by: Duration) -> bool {
        false
    }
}

pub type SharedClock = Arc<dyn Clock>;

/// The real time.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until moved; for tests and demos.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        Self(Mutex::new(start))
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *now += by;
    }

    pub fn set(&self, to: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = to;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn advance_by(&self, by: Duration) -> bool {
        self.advance(by);
        true
    }
}

/// The real time plus an offset that only grows: the development server's clock, so a browser test can
/// move it days ahead (`POST /api/v1/dev/clock`, development only) and watch what the jobs do then.
#[derive(Debug, Default)]
pub struct OffsetClock(std::sync::atomic::AtomicI64);

impl Clock for OffsetClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::milliseconds(self.0.load(std::sync::atomic::Ordering::Relaxed))
    }

    fn advance_by(&self, by: Duration) -> bool {
        self.0.fetch_add(by.num_milliseconds().max(0), std::sync::atomic::Ordering::Relaxed);
        true
    }
}
