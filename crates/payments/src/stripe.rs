//! A client for a Stripe-compatible HTTP API (PAY-02): customers, setup intents to save cards,
//! payment intents with manual capture for authorization (与信), capture, cancel (void) and refunds.
//!
//! Requests are form-encoded with the secret key as a bearer token; every POST carries an
//! `Idempotency-Key`. A 402 is a decline; 429 is "rate limited" with its Retry-After; other 4xx are
//! refusals; 5xx and transport errors are "unavailable" (the caller may retry with the same key).

use crate::checkout::{CheckoutRequest, HostedCheckout, HostedSession};
use crate::ports::{Charge, PaymentProvider, ProviderError, SavedCard};
use async_trait::async_trait;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::time::Duration;

#[derive(Clone)]
pub struct StripeClient {
    http: reqwest::Client,
    base_url: String,
    secret_key: String,
    /// PAY-07: the secret the provider signs webhooks with (`whsec_…`).
    webhook_secret: Vec<u8>,
}

impl std::fmt::Debug for StripeClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeClient").field("base_url", &self.base_url).finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    code: Option<String>,
    decline_code: Option<String>,
    message: Option<String>,
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

#[derive(Deserialize)]
struct SetupIntent {
    status: String,
    payment_method: Option<String>,
}

#[derive(Deserialize)]
struct PaymentMethod {
    id: String,
    card: Option<CardInfo>,
}

#[derive(Deserialize)]
struct CardInfo {
    brand: String,
    last4: String,
    exp_month: i16,
    exp_year: i16,
}

#[derive(Deserialize)]
struct PaymentIntent {
    id: String,
    status: String,
}

impl StripeClient {
    /// `base_url` is `https://api.stripe.com` in production, a local double in tests.
    pub fn new(base_url: &str, secret_key: &str) -> Result<Self, ProviderError> {
        crate::install_crypto_provider();
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .connect_timeout(Duration::from_secs(5))
            .build()
            .map_err(|e| ProviderError::Unavailable(e.to_string()))?;
        Ok(Self {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
            secret_key: secret_key.to_owned(),
            webhook_secret: Vec::new(),
        })
    }

    /// The same client, verifying hosted-page webhooks with `secret` (PAY-07).
    pub fn with_webhook_secret(mut self, secret: &str) -> Self {
        self.webhook_secret = secret.as_bytes().to_vec();
        self
    }

    async fn send<T: DeserializeOwned>(&self, request: reqwest::RequestBuilder) -> Result<T, ProviderError> {
        let response = request
            .bearer_auth(&self.secret_key)
            .send()
            .await
            .map_err(|e| ProviderError::Unavailable(e.without_url().to_string()))?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let bytes = response.bytes().await.map_err(|e| ProviderError::Unavailable(e.to_string()))?;
        if status.is_success() {
            return serde_json::from_slice(&bytes)
                .map_err(|e| ProviderError::Unavailable(format!("unexpected response: {e}")));
        }
        let detail = serde_json::from_slice::<ErrorBody>(&bytes).ok().map(|b| b.error);
        let message = detail.as_ref().and_then(|d| d.message.clone()).unwrap_or_else(|| status.to_string());
        match status.as_u16() {
            402 => {
                let code = detail.and_then(|d| d.decline_code.or(d.code)).unwrap_or_else(|| "card_declined".to_owned());
                Err(ProviderError::Declined { code })
            }
            429 => Err(ProviderError::RateLimited { retry_after_secs: retry_after.unwrap_or(1) }),
            500..=599 => Err(ProviderError::Unavailable(message)),
            _ => Err(ProviderError::Invalid(message)),
        }
    }

    fn post(&self, path: &str, key: Option<&str>, form: &[(&str, String)]) -> reqwest::RequestBuilder {
        let request = self.http.post(format!("{}{path}", self.base_url)).form(form);
        match key {
            Some(key) => request.header("Idempotency-Key", key),
            None => request,
        }
    }
}

#[async_trait]
impl PaymentProvider for StripeClient {
    fn name(&self) -> &'static str {
        "stripe"
    }

    async fn create_customer(&self, account_id: uuid::Uuid, email: &str) -> Result<String, ProviderError> {
        let key = format!("customer-{account_id}");
        let form = [("email", email.to_owned()), ("metadata[account_id]", account_id.to_string())];
        let customer: Id = self.send(self.post("/v1/customers", Some(&key), &form)).await?;
        Ok(customer.id)
    }

    async fn save_card(&self, customer_ref: &str, token: &str) -> Result<SavedCard, ProviderError> {
        let form = [
            ("customer", customer_ref.to_owned()),
            ("payment_method", token.to_owned()),
            ("payment_method_types[]", "card".to_owned()),
            ("usage", "off_session".to_owned()),
            ("confirm", "true".to_owned()),
        ];
        let key = format!("setup-{customer_ref}-{token}");
        let intent: SetupIntent = self.send(self.post("/v1/setup_intents", Some(&key), &form)).await?;
        if intent.status != "succeeded" {
            return Err(ProviderError::Declined { code: format!("setup_{}", intent.status) });
        }
        let method_id = intent.payment_method.unwrap_or_else(|| token.to_owned());
        let method: PaymentMethod =
            self.send(self.http.get(format!("{}/v1/payment_methods/{method_id}", self.base_url))).await?;
        let card = method.card.ok_or_else(|| ProviderError::Invalid("the payment method is not a card".to_owned()))?;
        Ok(SavedCard {
            card_ref: method.id,
            brand: card.brand,
            last4: card.last4,
            exp_month: card.exp_month,
            exp_year: card.exp_year,
        })
    }

    async fn remove_card(&self, card_ref: &str) -> Result<(), ProviderError> {
        let path = format!("/v1/payment_methods/{card_ref}/detach");
        let _: Id = self.send(self.post(&path, Some(&format!("detach-{card_ref}")), &[])).await?;
        Ok(())
    }

    async fn authorize(&self, charge: &Charge<'_>) -> Result<String, ProviderError> {
        let form = [
            ("amount", charge.amount.to_string()),
            ("currency", "jpy".to_owned()),
            ("customer", charge.customer_ref.to_owned()),
            ("payment_method", charge.card_ref.to_owned()),
            ("capture_method", "manual".to_owned()),
            ("confirm", "true".to_owned()),
            ("off_session", "true".to_owned()),
            ("description", charge.description.to_owned()),
        ];
        let intent: PaymentIntent =
            self.send(self.post("/v1/payment_intents", Some(charge.idempotency_key), &form)).await?;
        match intent.status.as_str() {
            "requires_capture" => Ok(intent.id),
            other => Err(ProviderError::Declined { code: format!("payment_intent_{other}") }),
        }
    }

    async fn capture(&self, reference: &str, amount: i64, key: &str) -> Result<(), ProviderError> {
        let path = format!("/v1/payment_intents/{reference}/capture");
        let intent: PaymentIntent =
            self.send(self.post(&path, Some(key), &[("amount_to_capture", amount.to_string())])).await?;
        match intent.status.as_str() {
            "succeeded" => Ok(()),
            other => Err(ProviderError::Invalid(format!("capture left the payment {other}"))),
        }
    }

    async fn void(&self, reference: &str, key: &str) -> Result<(), ProviderError> {
        let path = format!("/v1/payment_intents/{reference}/cancel");
        let intent: PaymentIntent = self.send(self.post(&path, Some(key), &[])).await?;
        match intent.status.as_str() {
            "canceled" => Ok(()),
            other => Err(ProviderError::Invalid(format!("cancel left the payment {other}"))),
        }
    }

    async fn refund(&self, reference: &str, amount: i64, key: &str) -> Result<String, ProviderError> {
        let form = [("payment_intent", reference.to_owned()), ("amount", amount.to_string())];
        let refund: Id = self.send(self.post("/v1/refunds", Some(key), &form)).await?;
        Ok(refund.id)
    }
}

#[derive(Deserialize)]
struct Session {
    id: String,
    url: Option<String>,
}

/// PAY-07: Checkout Sessions — a hosted page that charges once, in yen, and comes back to kaimono.
#[async_trait]
impl HostedCheckout for StripeClient {
    fn name(&self) -> &'static str {
        "stripe"
    }

    async fn create_session(&self, request: &CheckoutRequest<'_>) -> Result<HostedSession, ProviderError> {
        let form = [
            ("mode", "payment".to_owned()),
            ("client_reference_id", request.reference.to_owned()),
            ("success_url", request.success_url.to_owned()),
            ("cancel_url", request.cancel_url.to_owned()),
            ("line_items[0][quantity]", "1".to_owned()),
            ("line_items[0][price_data][currency]", "jpy".to_owned()),
            ("line_items[0][price_data][unit_amount]", request.amount.to_string()),
            ("line_items[0][price_data][product_data][name]", request.description.to_owned()),
            ("payment_method_types[]", "card".to_owned()),
        ];
        let key = format!("checkout-{}", request.reference);
        let session: Session = self.send(self.post("/v1/checkout/sessions", Some(&key), &form)).await?;
        let url = session.url.ok_or_else(|| ProviderError::Invalid("the checkout session has no URL".to_owned()))?;
        Ok(HostedSession { id: session.id, url })
    }

    fn webhook_secret(&self) -> &[u8] {
        &self.webhook_secret
    }
}
