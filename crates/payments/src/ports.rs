//! The payment provider port (PAY-02): what kaimono asks of a card processor. Two implementations:
//! [`crate::SandboxProvider`] (built in, the default) and [`crate::StripeClient`] (a Stripe-compatible HTTP API).
//!
//! Card numbers never reach kaimono: the browser exchanges them for a provider token, and every call
//! here carries tokens and references only. Each money-moving call takes an idempotency key, so a retry
//! after a lost response cannot charge twice.

use async_trait::async_trait;

/// A card saved at the provider, as kaimono may keep it: a reference and what the member needs to
/// recognise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCard {
    /// The provider's payment-method id.
    pub card_ref: String,
    pub brand: String,
    pub last4: String,
    pub exp_month: i16,
    pub exp_year: i16,
}

/// An authorization (与信) request: hold `amount` yen on a saved card, to be captured later.
#[derive(Debug, Clone)]
pub struct Charge<'a> {
    pub customer_ref: &'a str,
    pub card_ref: &'a str,
    /// Whole yen.
    pub amount: i64,
    pub idempotency_key: &'a str,
    pub description: &'a str,
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ProviderError {
    /// The provider answered and refused: `code` is its reason (`card_declined`, `expired_card`,
    /// `insufficient_funds`, …). Nothing happened; the member may try another card.
    #[error("declined by the card issuer: {code}")]
    Declined { code: String },
    /// The request was malformed in the provider's eyes (an unknown token, a bad reference).
    #[error("refused by the payment provider: {0}")]
    Invalid(String),
    /// The provider could not be reached or failed; the outcome is unknown and the call may be retried
    /// with the same idempotency key.
    #[error("the payment provider is unavailable: {0}")]
    Unavailable(String),
    /// The provider answered 429 (or our shared budget of its rate is spent): nothing happened; try again
    /// after `retry_after_secs`.
    #[error("the payment provider is busy; retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
}

impl ProviderError {
    /// A short code for the attempt log.
    pub fn code(&self) -> String {
        match self {
            ProviderError::Declined { code } => code.clone(),
            ProviderError::Invalid(_) => "invalid_request".to_owned(),
            ProviderError::Unavailable(_) => "provider_unavailable".to_owned(),
            ProviderError::RateLimited { .. } => "rate_limited".to_owned(),
        }
    }
}

/// PAY-08: who a deferred payment (後払い) is for, as the deferred-payment company assesses it: the
/// buyer it will invoice after delivery.
#[derive(Debug, Clone)]
pub struct DeferredBuyer {
    pub name: String,
    pub kana: String,
    pub postal_code: String,
    pub address: String,
    pub phone: String,
    pub email: String,
}

/// PAY-08: one order put to the deferred-payment company.
#[derive(Debug, Clone)]
pub struct DeferredApplication<'a> {
    pub buyer: &'a DeferredBuyer,
    /// Whole yen.
    pub amount: i64,
    pub idempotency_key: &'a str,
}

/// PAY-08: the deferred-payment port (後払い: NP後払い, atone, …). The company assesses the buyer's
/// credit for an order (与信審査); approved, it pays the shop and invoices the buyer after delivery.
#[async_trait]
pub trait DeferredProvider: Send + Sync {
    /// Stored with each attempt (`sandbox_deferred`, …).
    fn name(&self) -> &'static str;

    /// Assesses `application`; returns the company's reference of the approved transaction, or
    /// [`ProviderError::Declined`] with its reason.
    async fn assess(&self, application: &DeferredApplication<'_>) -> Result<String, ProviderError>;
}

#[async_trait]
pub trait PaymentProvider: Send + Sync {
    /// Stored with each card and attempt (`sandbox`, `stripe`).
    fn name(&self) -> &'static str;

    /// Creates the provider's customer for a member.
    async fn create_customer(&self, account_id: uuid::Uuid, email: &str) -> Result<String, ProviderError>;

    /// Saves the card behind a browser-made `token` to the customer for later off-session payments
    /// (a setup intent), and reports what may be shown of it.
    async fn save_card(&self, customer_ref: &str, token: &str) -> Result<SavedCard, ProviderError>;

    /// Detaches a saved card from its customer.
    async fn remove_card(&self, card_ref: &str) -> Result<(), ProviderError>;

    /// Authorizes without capturing; returns the provider's reference of the payment.
    async fn authorize(&self, charge: &Charge<'_>) -> Result<String, ProviderError>;

    /// Captures an authorized payment (all of `amount`, at most what was authorized).
    async fn capture(&self, reference: &str, amount: i64, idempotency_key: &str) -> Result<(), ProviderError>;

    /// Releases an authorization that will not be captured.
    async fn void(&self, reference: &str, idempotency_key: &str) -> Result<(), ProviderError>;

    /// Pays back `amount` of a captured payment; returns the refund's reference.
    async fn refund(&self, reference: &str, amount: i64, idempotency_key: &str) -> Result<String, ProviderError>;
}
