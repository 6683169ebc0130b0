//! A payment provider's request budget, shared by every instance on the database (issue 12, benchmark b):
//! Stripe-compatible APIs allow on the order of 100 requests a second per account, and any number of API
//! instances and workers call the provider at once. Each call first takes a place in the current
//! wall-clock second with one atomic UPSERT on `provider_calls`; past the budget it waits for a later
//! second, and none starts in a second's last 50 ms (it might arrive in the provider's next second). A 429 from the provider closes the seconds its Retry-After names for everyone.

use crate::ports::{Charge, PaymentProvider, ProviderError, SavedCard};
use async_trait::async_trait;
use chrono::Utc;
use kaimono_entity::provider_call;
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, ExprTrait, QueryFilter};
use std::sync::Arc;
use std::time::Duration;

/// A second a 429 closed holds this many calls: none fits.
const CLOSED: i32 = i32::MAX / 2;
/// The longest a call waits for a place before it gives up as "provider busy".
const MAX_WAIT: Duration = Duration::from_secs(10);
/// No call starts in the last this many milliseconds of a second: one that did could reach the provider
/// in its next second (latency, clock offset) and crowd that one past the limit.
const GUARD_MILLIS: u64 = 50;
/// Counters older than this many seconds are dropped.
const KEEP_SECONDS: i64 = 120;

/// `inner` called at most `per_second` times in any wall-clock second across all instances.
pub struct ThrottledProvider {
    inner: Arc<dyn PaymentProvider>,
    db: DatabaseConnection,
    per_second: u32,
}

impl ThrottledProvider {
    pub fn new(inner: Arc<dyn PaymentProvider>, db: DatabaseConnection, per_second: u32) -> Self {
        ThrottledProvider { inner, db, per_second: Ord::max(per_second, 1) }
    }

    /// Counts one call in `second`; the count after it.
    async fn count(&self, second: i64) -> Result<i32, DbErr> {
        use provider_call::Column as C;
        let statement = Query::insert()
            .into_table(provider_call::Entity)
            .columns([C::Provider, C::Second, C::Calls])
            .values_panic([self.inner.name().into(), second.into(), 1.into()])
            .on_conflict(
                OnConflict::columns([C::Provider, C::Second])
                    .value(C::Calls, Expr::col((provider_call::Entity, C::Calls)).add(1))
                    .to_owned(),
            )
            .returning(Query::returning().column(C::Calls))
            .to_owned();
        let db = &self.db;
        let row = db
            .query_one_raw(db.get_database_backend().build(&statement))
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("provider_calls".to_owned()))?;
        let calls: i32 = row.try_get("", "calls")?;
        if calls == 1 {
            // The first call of a second sweeps the old ones.
            provider_call::Entity::delete_many()
                .filter(C::Provider.eq(self.inner.name()))
                .filter(C::Second.lt(second - KEEP_SECONDS))
                .exec(db)
                .await?;
        }
        Ok(calls)
    }

    /// Waits for a place in a second with budget left.
    async fn admit(&self) -> Result<(), ProviderError> {
        let started = std::time::Instant::now();
        loop {
            let now = Utc::now();
            let millis = u64::from(Ord::min(now.timestamp_subsec_millis(), 999));
            // A call started at the very end of our second may reach the provider in its next one.
            if millis >= 1_000 - GUARD_MILLIS {
                tokio::time::sleep(Duration::from_millis(1_000 - millis)).await;
                continue;
            }
            let calls = self.count(now.timestamp()).await.map_err(|e| ProviderError::Unavailable(e.to_string()))?;
            if i64::from(calls) <= i64::from(self.per_second) {
                return Ok(());
            }
            if started.elapsed() >= MAX_WAIT {
                return Err(ProviderError::RateLimited { retry_after_secs: 1 });
            }
            tokio::time::sleep(Duration::from_millis(1_000 - millis)).await;
        }
    }

    /// After a 429: closes the seconds its Retry-After names, for every instance.
    async fn close(&self, seconds: u64) {
        use provider_call::Column as C;
        let from = Utc::now().timestamp();
        let seconds = i64::try_from(seconds.clamp(1, 60)).unwrap_or(1);
        let rows = (from..from + seconds).map(|second| provider_call::ActiveModel {
            provider: sea_orm::ActiveValue::Set(self.inner.name().to_owned()),
            second: sea_orm::ActiveValue::Set(second),
            calls: sea_orm::ActiveValue::Set(CLOSED),
        });
        let closed = provider_call::Entity::insert_many(rows)
            .on_conflict(OnConflict::columns([C::Provider, C::Second]).update_column(C::Calls).to_owned())
            .exec_without_returning(&self.db)
            .await;
        if let Err(e) = closed {
            tracing::warn!(error = %e, "could not share the provider's Retry-After");
        }
    }

    /// Runs `call` in the budget; a 429 closes the next seconds for all.
    async fn call<T, F>(&self, call: F) -> Result<T, ProviderError>
    where
        F: std::future::Future<Output = Result<T, ProviderError>> + Send,
    {
        self.admit().await?;
        let result = call.await;
        if let Err(ProviderError::RateLimited { retry_after_secs }) = &result {
            self.close(*retry_after_secs).await;
        }
        result
    }
}

#[async_trait]
impl PaymentProvider for ThrottledProvider {
    fn name(&self) -> &'static str {
        self.inner.name()
    }

    async fn create_customer(&self, account_id: uuid::Uuid, email: &str) -> Result<String, ProviderError> {
        self.call(self.inner.create_customer(account_id, email)).await
    }

    async fn save_card(&self, customer_ref: &str, token: &str) -> Result<SavedCard, ProviderError> {
        self.call(self.inner.save_card(customer_ref, token)).await
    }

    async fn remove_card(&self, card_ref: &str) -> Result<(), ProviderError> {
        self.call(self.inner.remove_card(card_ref)).await
    }

    async fn authorize(&self, charge: &Charge<'_>) -> Result<String, ProviderError> {
        self.call(self.inner.authorize(charge)).await
    }

    async fn capture(&self, reference: &str, amount: i64, idempotency_key: &str) -> Result<(), ProviderError> {
        self.call(self.inner.capture(reference, amount, idempotency_key)).await
    }

    async fn void(&self, reference: &str, idempotency_key: &str) -> Result<(), ProviderError> {
        self.call(self.inner.void(reference, idempotency_key)).await
    }

    async fn refund(&self, reference: &str, amount: i64, idempotency_key: &str) -> Result<String, ProviderError> {
        self.call(self.inner.refund(reference, amount, idempotency_key)).await
    }
}
