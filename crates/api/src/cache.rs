//! A short-lived cache of public catalog answers (CAT-06): the serialized body of a product list or
//! product page, kept for at most `KAIMONO_CATALOG_CACHE_MS` (≤ 1 s) per path and query, so a busy
//! storefront is served from memory and shows stock at most that stale. Checkout takes stock with a
//! conditional UPDATE, so a stale "in stock" can never oversell. Staff views (quantities, archived
//! items) bypass it. Bounded: past its capacity it stores nothing new until entries expire.

use actix_web::web::Bytes;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::RwLock;
use std::time::Duration;

/// Distinct answers kept at once, and their bytes in all (query strings are chosen by callers, so the
/// cache must not grow unbounded): at most 4096 answers and 32 MiB.
const CAPACITY: usize = 4096;
const MAX_BYTES: usize = 32 << 20;

pub struct PublicCache {
    ttl: Duration,
    entries: RwLock<HashMap<String, (DateTime<Utc>, Bytes)>>,
}

/// Whether an answer stored `at` is still fresh `now`.
fn fresh(at: DateTime<Utc>, now: DateTime<Utc>, ttl: Duration) -> bool {
    (now - at).to_std().is_ok_and(|age| age < ttl)
}

impl PublicCache {
    pub fn new(ttl: Duration) -> Self {
        PublicCache { ttl, entries: RwLock::new(HashMap::new()) }
    }

    /// The stored answer for `key`, if it is younger than the time to live `now`.
    pub fn get(&self, key: &str, now: DateTime<Utc>) -> Option<Bytes> {
        if self.ttl.is_zero() {
            return None;
        }
        let entries = self.entries.read().ok()?;
        entries.get(key).filter(|(at, _)| fresh(*at, now, self.ttl)).map(|(_, body)| body.clone())
    }

    /// Stores an answer computed `now`.
    pub fn put(&self, key: String, body: Bytes, now: DateTime<Utc>) {
        if self.ttl.is_zero() {
            return;
        }
        let Ok(mut entries) = self.entries.write() else { return };
        let bytes =
            |entries: &HashMap<String, (DateTime<Utc>, Bytes)>| entries.values().map(|(_, b)| b.len()).sum::<usize>();
        if entries.len() >= CAPACITY || bytes(&entries) + body.len() > MAX_BYTES {
            let ttl = self.ttl;
            entries.retain(|_, (at, _)| fresh(*at, now, ttl));
            if entries.len() >= CAPACITY || bytes(&entries) + body.len() > MAX_BYTES {
                return;
            }
        }
        entries.insert(key, (now, body));
    }

    /// `key`'s stored answer, or `compute`d, stored and returned.
    pub async fn get_or_compute<E, F, Fut>(&self, key: &str, now: DateTime<Utc>, compute: F) -> Result<Bytes, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Bytes, E>>,
    {
        if let Some(body) = self.get(key, now) {
            return Ok(body);
        }
        let body = compute().await?;
        self.put(key.to_owned(), body.clone(), now);
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cat06_answers_are_kept_for_the_time_to_live_only() {
        let now = Utc::now();
        let later = |ms| now + chrono::Duration::milliseconds(ms);
        let cache = PublicCache::new(Duration::from_millis(1000));
        cache.put("a".into(), Bytes::from_static(b"1"), now);
        assert_eq!(cache.get("a", later(999)).as_deref(), Some(&b"1"[..]));
        assert_eq!(cache.get("b", now), None);
        assert_eq!(cache.get("a", later(1000)), None, "at most a second stale");
        let off = PublicCache::new(Duration::ZERO);
        off.put("a".into(), Bytes::from_static(b"1"), now);
        assert_eq!(off.get("a", now), None, "zero turns it off");
    }

    #[test]
    fn the_cache_is_bounded() {
        let now = Utc::now();
        let cache = PublicCache::new(Duration::from_secs(1));
        for i in 0..CAPACITY + 10 {
            cache.put(i.to_string(), Bytes::new(), now);
        }
        assert_eq!(cache.entries.read().unwrap().len(), CAPACITY);
        cache.put("new".into(), Bytes::new(), now + chrono::Duration::seconds(2));
        assert_eq!(cache.entries.read().unwrap().len(), 1, "expired answers make room");
        let big = Bytes::from(vec![0u8; MAX_BYTES / 2 + 1]);
        let later = now + chrono::Duration::seconds(2);
        cache.put("big".into(), big.clone(), later);
        cache.put("bigger".into(), big, later);
        assert!(cache.get("big", later).is_some());
        assert!(cache.get("bigger", later).is_none(), "never more than MAX_BYTES");
    }
}
