//! Hosted card payment pages (PAY-07): the member pays on the provider's page — card numbers never
//! reach kaimono — and the provider tells us by a signed webhook. Two implementations of the port: the
//! built-in sandbox page (the default; its "provider" is kaimono itself, signing with its own secret) and
//! a Stripe-compatible Checkout Sessions API.
//!
//! A webhook is believed only with a valid `Stripe-Signature` (HMAC-SHA256 of `{timestamp}.{payload}`)
//! whose timestamp is within five minutes; each event is handled once (a replay or a second delivery is
//! acknowledged and changes nothing), and a page's state only moves forward, so events out of order
//! change nothing either. What the money pays is answered by the [`CheckoutPayee`] of its reference.

use crate::error::PaymentError;
use crate::payable::PayableError;
use crate::ports::ProviderError;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::{checkout_session, webhook_event};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter};
use serde::Deserialize;
use sha2::Sha256;
use std::sync::Arc;
use uuid::Uuid;

/// PAY-07: a signature older (or newer) than this is refused, so a captured delivery cannot be replayed
/// later.
pub const WEBHOOK_TOLERANCE_SECS: i64 = 300;

/// A page to open at the provider.
#[derive(Debug, Clone)]
pub struct CheckoutRequest<'a> {
    /// Whole yen, surcharge included.
    pub amount: i64,
    pub description: &'a str,
    /// Our id of the page, sent as the client reference and the idempotency key.
    pub reference: &'a str,
    pub success_url: &'a str,
    pub cancel_url: &'a str,
}

/// The provider's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostedSession {
    pub id: String,
    pub url: String,
}

#[async_trait]
pub trait HostedCheckout: Send + Sync {
    /// Stored with each page (`sandbox`, `stripe`).
    fn name(&self) -> &'static str;
    /// Opens a page that charges `request.amount`.
    async fn create_session(&self, request: &CheckoutRequest<'_>) -> Result<HostedSession, ProviderError>;
    /// The secret webhooks are signed with.
    fn webhook_secret(&self) -> &[u8];
}

/// What a webhook says about a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckoutEventKind {
    /// The member finished the page; `paid` when the money was taken.
    Completed { paid: bool },
    /// The page lapsed unpaid.
    Expired,
    /// Anything else, acknowledged and ignored.
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckoutEvent {
    pub id: String,
    pub kind: CheckoutEventKind,
    pub session_id: String,
    /// Whole yen charged.
    pub amount_total: Option<i64>,
    /// The payment the page took (what a refund pays back).
    pub payment_intent: Option<String>,
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum WebhookError {
    #[error("the Stripe-Signature header is missing or malformed")]
    MissingSignature,
    #[error("no signature matches the payload")]
    BadSignature,
    #[error("the signature's timestamp is more than {WEBHOOK_TOLERANCE_SECS} seconds away")]
    Stale,
    #[error("the event cannot be read: {0}")]
    Unreadable(String),
}

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &[u8], timestamp: i64, payload: &[u8]) -> Result<HmacSha256, WebhookError> {
    // HMAC takes a key of any length: this never fails.
    let mut mac = <HmacSha256 as Mac>::new_from_slice(secret).map_err(|_| WebhookError::BadSignature)?;
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(payload);
    Ok(mac)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// The `Stripe-Signature` header for `payload` at `now`: `t=…,v1=…`.
pub fn sign_webhook(secret: &[u8], payload: &[u8], now: DateTime<Utc>) -> Result<String, WebhookError> {
    let timestamp = now.timestamp();
    Ok(format!("t={timestamp},v1={}", hex(&mac(secret, timestamp, payload)?.finalize().into_bytes())))
}

#[derive(Deserialize)]
struct RawEvent {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: RawData,
}

#[derive(Deserialize)]
struct RawData {
    object: RawSession,
}

#[derive(Deserialize)]
struct RawSession {
    id: String,
    payment_status: Option<String>,
    amount_total: Option<i64>,
    payment_intent: Option<String>,
}

/// PAY-07: the event in `payload` if `header` signs it with `secret` within the tolerance of `now`
/// (compared in constant time; any of several `v1` signatures may match, as during a secret rotation).
pub fn verify_webhook(
    secret: &[u8],
    payload: &[u8],
    header: Option<&str>,
    now: DateTime<Utc>,
) -> Result<CheckoutEvent, WebhookError> {
    let header = header.ok_or(WebhookError::MissingSignature)?;
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => signatures.extend(unhex(value)),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(WebhookError::MissingSignature)?;
    if signatures.is_empty() {
        return Err(WebhookError::MissingSignature);
    }
    let expected = mac(secret, timestamp, payload)?;
    if !signatures.iter().any(|s| expected.clone().verify_slice(s).is_ok()) {
        return Err(WebhookError::BadSignature);
    }
    if (now.timestamp() - timestamp).abs() > WEBHOOK_TOLERANCE_SECS {
        return Err(WebhookError::Stale);
    }
    let raw: RawEvent = serde_json::from_slice(payload).map_err(|e| WebhookError::Unreadable(e.to_string()))?;
    let kind = match raw.kind.as_str() {
        "checkout.session.completed" | "checkout.session.async_payment_succeeded" => {
            CheckoutEventKind::Completed { paid: raw.data.object.payment_status.as_deref() == Some("paid") }
        }
        "checkout.session.expired" | "checkout.session.async_payment_failed" => CheckoutEventKind::Expired,
        other => CheckoutEventKind::Other(other.to_owned()),
    };
    let object = raw.data.object;
    Ok(CheckoutEvent {
        id: raw.id,
        kind,
        session_id: object.id,
        amount_total: object.amount_total,
        payment_intent: object.payment_intent,
    })
}

/// The event a provider sends when a page is paid, as JSON (the sandbox page sends it to itself).
pub fn completed_event(event_id: &str, session_id: &str, amount_total: i64) -> Vec<u8> {
    serde_json::json!({
        "id": event_id,
        "type": "checkout.session.completed",
        "data": {"object": {
            "id": session_id,
            "object": "checkout.session",
            "payment_status": "paid",
            "amount_total": amount_total,
            "payment_intent": format!("sbx_pi_{}", session_id.trim_start_matches("cs_sandbox_")),
        }}
    })
    .to_string()
    .into_bytes()
}

/// The built-in hosted page (the default): the SPA shows it at `/checkout/sandbox/{id}`; no money moves.
#[derive(Debug, Clone)]
pub struct SandboxCheckout {
    secret: Vec<u8>,
}

impl SandboxCheckout {
    pub fn new(secret: &[u8]) -> Self {
        Self { secret: secret.to_vec() }
    }
}

#[async_trait]
impl HostedCheckout for SandboxCheckout {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    async fn create_session(&self, _request: &CheckoutRequest<'_>) -> Result<HostedSession, ProviderError> {
        let id = format!("cs_sandbox_{}", Uuid::new_v4().simple());
        Ok(HostedSession { url: format!("/checkout/sandbox/{id}"), id })
    }

    fn webhook_secret(&self) -> &[u8] {
        &self.secret
    }
}

/// Whatever hosted-page money can pay: the payee of references starting with `prefix`.
#[async_trait]
pub trait CheckoutPayee: Send + Sync {
    /// `proxy_order:`
    fn prefix(&self) -> &'static str;

    /// `amount` (the surcharge already taken off) was paid by card for `reference`; runs inside the
    /// transaction that records the page as paid.
    async fn paid_by_card(
        &self,
        txn: &DatabaseTransaction,
        reference: &str,
        amount: Money,
        now: DateTime<Utc>,
    ) -> Result<(), PayableError>;
}

/// Where a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckoutStatus {
    Open,
    Paid,
    Expired,
    /// Paid, but not the amount the page was opened for: left for staff.
    Mismatched,
}

impl CheckoutStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckoutStatus::Open => "open",
            CheckoutStatus::Paid => "paid",
            CheckoutStatus::Expired => "expired",
            CheckoutStatus::Mismatched => "mismatched",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "paid" => CheckoutStatus::Paid,
            "expired" => CheckoutStatus::Expired,
            "mismatched" => CheckoutStatus::Mismatched,
            _ => CheckoutStatus::Open,
        }
    }
}

/// A page opened for a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckoutPage {
    pub id: Uuid,
    pub provider_session_id: String,
    pub reference: String,
    pub account_id: AccountId,
    pub shop_id: ShopId,
    pub amount: Money,
    pub surcharge: Money,
    pub status: CheckoutStatus,
    /// The provider's page.
    pub url: String,
    /// Where the member comes back to.
    pub return_url: String,
}

fn to_page(row: checkout_session::Model) -> CheckoutPage {
    CheckoutPage {
        id: row.id,
        provider_session_id: row.provider_session_id,
        reference: row.reference,
        account_id: AccountId(row.account_id),
        shop_id: ShopId(row.shop_id),
        amount: Money::yen(row.amount),
        surcharge: Money::yen(row.surcharge),
        status: CheckoutStatus::parse(&row.status),
        url: row.url,
        return_url: row.return_url,
    }
}

/// A page to open: what it pays, for whom, how much and the surcharge on top.
#[derive(Debug, Clone)]
pub struct NewCheckout {
    pub reference: String,
    pub account: AccountId,
    pub shop: ShopId,
    pub amount: Money,
    pub surcharge: Money,
    pub description: String,
    /// Absolute URLs the provider sends the member back to.
    pub success_url: String,
    pub cancel_url: String,
}

/// What a webhook delivery did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookOutcome {
    /// The page was paid and its payee told.
    Paid,
    Expired,
    /// Seen before (a replay or a second delivery): nothing changed.
    Duplicate,
    /// Not about a page of ours, or about one already past that state: nothing changed.
    Ignored,
    /// Paid a different amount than the page was opened for: left for staff.
    Mismatched,
}

/// The hosted-page port with the payees it settles for (PAY-07).
#[derive(Clone)]
pub struct Checkout {
    port: Arc<dyn HostedCheckout>,
    payees: Vec<Arc<dyn CheckoutPayee>>,
}

impl Checkout {
    pub fn new(port: Arc<dyn HostedCheckout>, payees: Vec<Arc<dyn CheckoutPayee>>) -> Self {
        Self { port, payees }
    }

    pub fn provider(&self) -> &'static str {
        self.port.name()
    }

    /// Signs `payload` as the provider would (the sandbox page, and tests).
    pub fn sign(&self, payload: &[u8], now: DateTime<Utc>) -> Result<String, PaymentError> {
        Ok(sign_webhook(self.port.webhook_secret(), payload, now)?)
    }

    /// PAY-07: opens a page at the provider that charges `amount + surcharge`, and records it.
    pub async fn start(
        &self,
        db: &impl ConnectionTrait,
        new: NewCheckout,
        now: DateTime<Utc>,
    ) -> Result<CheckoutPage, PaymentError> {
        let id = Uuid::now_v7();
        let total = (new.amount + new.surcharge).to_yen()?;
        let reference = id.to_string();
        let request = CheckoutRequest {
            amount: total,
            description: &new.description,
            reference: &reference,
            success_url: &new.success_url,
            cancel_url: &new.cancel_url,
        };
        let session = self.port.create_session(&request).await.map_err(PaymentError::Provider)?;
        let row = checkout_session::Model {
            id,
            provider: self.port.name().to_owned(),
            provider_session_id: session.id,
            reference: new.reference,
            account_id: new.account.0,
            shop_id: new.shop.0,
            amount: new.amount.to_yen()?,
            surcharge: new.surcharge.to_yen()?,
            status: CheckoutStatus::Open.as_str().to_owned(),
            url: session.url,
            return_url: new.success_url,
            created_at: now,
            completed_at: None,
            payment_intent: None,
        };
        checkout_session::Entity::insert(checkout_session::ActiveModel::from(row.clone()))
            .exec_without_returning(db)
            .await?;
        Ok(to_page(row))
    }

    /// A page by the provider's id.
    pub async fn page(&self, db: &impl ConnectionTrait, session_id: &str) -> Result<CheckoutPage, PaymentError> {
        checkout_session::Entity::find()
            .filter(checkout_session::Column::ProviderSessionId.eq(session_id))
            .one(db)
            .await?
            .map(to_page)
            .ok_or(PaymentError::NotFound)
    }

    /// PAY-07: a page of the sandbox provider, for the member it was opened for only (`NotFound` for
    /// anyone else, and whenever another provider is in use).
    pub async fn sandbox_page(
        &self,
        db: &impl ConnectionTrait,
        session_id: &str,
        account: AccountId,
    ) -> Result<CheckoutPage, PaymentError> {
        if self.port.name() != "sandbox" {
            return Err(PaymentError::NotFound);
        }
        let page = self.page(db, session_id).await?;
        if page.account_id != account {
            return Err(PaymentError::NotFound);
        }
        Ok(page)
    }

    /// PAY-07: pays on the sandbox page — no money moves; the page sends itself the signed "completed"
    /// event a provider would, through [`Checkout::webhook`]. A page already paid changes nothing.
    pub async fn pay_sandbox(
        &self,
        db: &DatabaseConnection,
        session_id: &str,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<CheckoutPage, PaymentError> {
        let page = self.sandbox_page(db, session_id, account).await?;
        if page.status == CheckoutStatus::Open {
            let event = format!("evt_sandbox_{}", Uuid::new_v4().simple());
            let payload = completed_event(&event, &page.provider_session_id, (page.amount + page.surcharge).to_yen()?);
            let signature = self.sign(&payload, now)?;
            self.webhook(db, &payload, Some(&signature), now).await?;
        }
        self.sandbox_page(db, session_id, account).await
    }

    /// PAY-07: a webhook delivery. Believed only when signed within the tolerance; handled once per
    /// event in one transaction with what the payee does with the money.
    pub async fn webhook(
        &self,
        db: &DatabaseConnection,
        payload: &[u8],
        signature: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<WebhookOutcome, PaymentError> {
        let event = verify_webhook(self.port.webhook_secret(), payload, signature, now)?;
        let txn = kaimono_entity::begin_write(db).await?;
        let outcome = self.handle(&txn, &event, now).await?;
        txn.commit().await?;
        if outcome != WebhookOutcome::Duplicate {
            tracing::info!(event = %event.id, session = %event.session_id, ?outcome, "checkout webhook");
        }
        Ok(outcome)
    }

    async fn handle(
        &self,
        txn: &DatabaseTransaction,
        event: &CheckoutEvent,
        now: DateTime<Utc>,
    ) -> Result<WebhookOutcome, PaymentError> {
        let seen = webhook_event::Entity::insert(webhook_event::ActiveModel::from(webhook_event::Model {
            id: format!("{}:{}", self.port.name(), event.id),
            kind: format!("{:?}", event.kind),
            received_at: now,
        }))
        .on_conflict(OnConflict::column(webhook_event::Column::Id).do_nothing().to_owned())
        .exec_without_returning(txn)
        .await?;
        if seen == 0 {
            return Ok(WebhookOutcome::Duplicate);
        }
        let page = match self.page(txn, &event.session_id).await {
            Ok(page) => page,
            Err(PaymentError::NotFound) => return Ok(WebhookOutcome::Ignored),
            Err(e) => return Err(e),
        };
        let (to, from): (CheckoutStatus, &[CheckoutStatus]) = match event.kind {
            CheckoutEventKind::Completed { paid: true } => {
                let expected = (page.amount + page.surcharge).to_yen()?;
                if event.amount_total.is_some_and(|total| total != expected) {
                    tracing::error!(session = %page.provider_session_id, ?event.amount_total, expected, "a hosted page paid another amount");
                    (CheckoutStatus::Mismatched, &[CheckoutStatus::Open, CheckoutStatus::Expired])
                } else {
                    // A page paid after it lapsed (a slow bank) still paid.
                    (CheckoutStatus::Paid, &[CheckoutStatus::Open, CheckoutStatus::Expired])
                }
            }
            CheckoutEventKind::Expired => (CheckoutStatus::Expired, &[CheckoutStatus::Open]),
            CheckoutEventKind::Completed { paid: false } | CheckoutEventKind::Other(_) => {
                return Ok(WebhookOutcome::Ignored);
            }
        };
        let moved = checkout_session::Entity::update_many()
            .col_expr(checkout_session::Column::Status, Expr::value(to.as_str()))
            .col_expr(checkout_session::Column::CompletedAt, Expr::value(now))
            .col_expr(checkout_session::Column::PaymentIntent, Expr::value(event.payment_intent.clone()))
            .filter(checkout_session::Column::Id.eq(page.id))
            .filter(checkout_session::Column::Status.is_in(from.iter().map(|s| s.as_str())))
            .exec(txn)
            .await?;
        if moved.rows_affected == 0 {
            return Ok(WebhookOutcome::Ignored);
        }
        match to {
            CheckoutStatus::Paid => {
                let payee = self
                    .payees
                    .iter()
                    .find(|p| page.reference.starts_with(p.prefix()))
                    .ok_or_else(|| PaymentError::Corrupt(format!("no payee for {}", page.reference)))?;
                payee.paid_by_card(txn, &page.reference, page.amount, now).await?;
                Ok(WebhookOutcome::Paid)
            }
            CheckoutStatus::Mismatched => Ok(WebhookOutcome::Mismatched),
            _ => Ok(WebhookOutcome::Expired),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 1, 0, 0).unwrap()
    }

    // PAY-07: a signed event is believed; a bad signature, a stale or future timestamp, a missing or
    // malformed header are not.
    #[test]
    fn pay07_webhooks_are_believed_only_when_signed_recently() {
        let secret = b"whsec_test";
        let payload = completed_event("evt_1", "cs_1", 5400);
        let header = sign_webhook(secret, &payload, now()).unwrap();
        let event = verify_webhook(secret, &payload, Some(&header), now()).unwrap();
        assert_eq!(event.kind, CheckoutEventKind::Completed { paid: true });
        assert_eq!((event.session_id.as_str(), event.amount_total), ("cs_1", Some(5400)));
        // Within the tolerance either way.
        assert!(verify_webhook(secret, &payload, Some(&header), now() + chrono::Duration::seconds(300)).is_ok());

        let forged = sign_webhook(b"another secret", &payload, now()).unwrap();
        assert_eq!(verify_webhook(secret, &payload, Some(&forged), now()), Err(WebhookError::BadSignature));
        let mut changed = payload.clone();
        changed[10] ^= 1;
        assert_eq!(verify_webhook(secret, &changed, Some(&header), now()), Err(WebhookError::BadSignature));
        let late = now() + chrono::Duration::seconds(301);
        assert_eq!(verify_webhook(secret, &payload, Some(&header), late), Err(WebhookError::Stale));
        let early = now() - chrono::Duration::seconds(301);
        assert_eq!(verify_webhook(secret, &payload, Some(&header), early), Err(WebhookError::Stale));
        assert_eq!(verify_webhook(secret, &payload, None, now()), Err(WebhookError::MissingSignature));
        assert_eq!(verify_webhook(secret, &payload, Some("v1=abc"), now()), Err(WebhookError::MissingSignature));
        assert_eq!(verify_webhook(secret, &payload, Some("t=1,v1=zz"), now()), Err(WebhookError::MissingSignature));
        // During a rotation the header carries two signatures; either may match.
        let both = format!("{header},v1={}", "00".repeat(32));
        assert!(verify_webhook(secret, &payload, Some(&both), now()).is_ok());
    }

    #[test]
    fn pay07_other_events_are_read_but_not_acted_on() {
        let payload = br#"{"id":"evt_2","type":"checkout.session.expired","data":{"object":{"id":"cs_2"}}}"#;
        let header = sign_webhook(b"s", payload, now()).unwrap();
        assert_eq!(verify_webhook(b"s", payload, Some(&header), now()).unwrap().kind, CheckoutEventKind::Expired);
        let payload = br#"{"id":"evt_3","type":"charge.refunded","data":{"object":{"id":"ch_3"}}}"#;
        let header = sign_webhook(b"s", payload, now()).unwrap();
        let kind = verify_webhook(b"s", payload, Some(&header), now()).unwrap().kind;
        assert_eq!(kind, CheckoutEventKind::Other("charge.refunded".into()));
        let header = sign_webhook(b"s", b"not json", now()).unwrap();
        assert!(matches!(verify_webhook(b"s", b"not json", Some(&header), now()), Err(WebhookError::Unreadable(_))));
    }
}
