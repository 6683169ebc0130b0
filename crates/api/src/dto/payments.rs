//! Wire types of `/payments` routes (and of others that show the same resources).

use chrono::{DateTime, Utc};
use kaimono_core::Money;
use kaimono_payments::{Attempt, Card, PaymentView};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A saved card: what the member needs to recognise it, never the number (PAY-01).
#[derive(Debug, Serialize, ToSchema)]
pub struct CardResponse {
    /// The card's id (pass it as `card_id` to pay).
    pub id: Uuid,
    /// `visa`, `mastercard`, `jcb`, `amex`, …
    pub brand: String,
    /// The card number's last four digits.
    pub last4: String,
    /// Expiry month, 1–12.
    pub exp_month: i16,
    /// Expiry year, four digits.
    pub exp_year: i16,
    /// Used when paying unless another card is chosen.
    pub is_default: bool,
    /// Past its expiry month: cannot be used.
    pub expired: bool,
}

impl CardResponse {
    pub fn new(card: Card, now: DateTime<Utc>) -> Self {
        Self {
            expired: card.is_expired(now),
            id: card.id,
            brand: card.brand,
            last4: card.last4,
            exp_month: card.exp_month,
            exp_year: card.exp_year,
            is_default: card.is_default,
        }
    }
}

/// One call to the payment provider and its result (PAY-03).
#[derive(Debug, Serialize, ToSchema)]
pub struct AttemptResponse {
    /// `authorize`, `capture`, `void` or `refund`.
    pub kind: String,
    /// The yen amount asked of the provider.
    #[schema(value_type = String, example = "5256")]
    pub amount: Money,
    /// Whether the provider did it.
    pub succeeded: bool,
    /// The provider's reference (payment intent, refund).
    pub provider_ref: Option<String>,
    /// Why it failed (`card_declined`, `expired_card`, `insufficient_funds`, `provider_unavailable`, …).
    pub failure_code: Option<String>,
    /// The provider asked: `sandbox` or `stripe`.
    pub provider: String,
    /// When the provider answered.
    pub created_at: DateTime<Utc>,
}

impl From<Attempt> for AttemptResponse {
    fn from(a: Attempt) -> Self {
        Self {
            kind: a.kind.as_str().to_owned(),
            amount: a.amount,
            succeeded: a.succeeded,
            provider_ref: a.provider_ref,
            failure_code: a.failure_code,
            provider: a.provider,
            created_at: a.created_at,
        }
    }
}

/// The payment request of an order or reservation and its attempts.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentResponse {
    /// `open`, `processing`, `paid`, `expired` or `cancelled`.
    pub status: String,
    /// The amount requested, tax-inclusive.
    #[schema(value_type = String, example = "5256")]
    pub amount: Money,
    /// The link works until then.
    pub expires_at: DateTime<Utc>,
    /// When it was paid.
    pub paid_at: Option<DateTime<Utc>>,
    /// Every call to the provider, oldest first.
    pub attempts: Vec<AttemptResponse>,
}

impl From<PaymentView> for PaymentResponse {
    fn from(PaymentView { request, attempts }: PaymentView) -> Self {
        Self {
            status: request.status.as_str().to_owned(),
            amount: request.amount,
            expires_at: request.expires_at,
            paid_at: request.paid_at,
            attempts: attempts.into_iter().map(Into::into).collect(),
        }
    }
}
