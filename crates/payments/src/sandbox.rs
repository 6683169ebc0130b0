//! The built-in sandbox provider (PAY-02): the default, so kaimono takes payments with no account
//! anywhere. It moves no money.
//!
//! Tokenization happens in the browser, as with a real provider's script: the SPA turns a test card
//! number into a token `sbx.<behaviour>.<brand>.<last4>.<MM>.<YYYY>.<nonce>` and only the token reaches
//! the API. The documented test cards (README, "Payments") map to these behaviours:
//!
//! | card number         | behaviour      | authorization result  |
//! |---------------------|----------------|-----------------------|
//! | 4242 4242 4242 4242 | `ok` (Visa)    | approved              |
//! | 5555 5555 5555 4444 | `ok` (Mastercard) | approved           |
//! | 3530 1113 3330 0000 | `ok` (JCB)     | approved              |
//! | 4000 0000 0000 0002 | `decline`      | `card_declined`       |
//! | 4000 0000 0000 0069 | `expired`      | `expired_card`        |
//! | 4000 0000 0000 9995 | `insufficient` | `insufficient_funds`  |
//!
//! References are derived from the idempotency key, so a retried call returns the same reference, as a
//! real provider's idempotency does, and any number of API instances agree without shared state.

use crate::ports::{Charge, DeferredApplication, DeferredProvider, PaymentProvider, ProviderError, SavedCard};
use async_trait::async_trait;
use sha2::{Digest, Sha256};

const BRANDS: [&str; 4] = ["visa", "mastercard", "jcb", "amex"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Behaviour {
    Ok,
    Decline,
    Expired,
    Insufficient,
    /// The provider answers 429 / 5xx: the outcome is unknown, try again later.
    Busy,
}

impl Behaviour {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "ok" => Some(Self::Ok),
            "decline" => Some(Self::Decline),
            "expired" => Some(Self::Expired),
            "insufficient" => Some(Self::Insufficient),
            "busy" => Some(Self::Busy),
            _ => None,
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct SandboxProvider;

fn digest(prefix: &str, input: &str) -> String {
    let hex: String = Sha256::digest(input.as_bytes()).iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("{prefix}{hex}")
}

/// `sbx.<behaviour>.<brand>.<last4>.<MM>.<YYYY>.<nonce>` → the card it stands for.
fn parse_token(token: &str) -> Result<(Behaviour, SavedCard), ProviderError> {
    let invalid = || ProviderError::Invalid("not a sandbox card token".to_owned());
    let parts: Vec<&str> = token.split('.').collect();
    let [prefix, behaviour, brand, last4, month, year, nonce] = parts.as_slice() else {
        return Err(invalid());
    };
    let behaviour = Behaviour::parse(behaviour).ok_or_else(invalid)?;
    let month: i16 = month.parse().map_err(|_| invalid())?;
    let year: i16 = year.parse().map_err(|_| invalid())?;
    let valid = *prefix == "sbx"
        && BRANDS.contains(brand)
        && last4.len() == 4
        && last4.bytes().all(|b| b.is_ascii_digit())
        && (1..=12).contains(&month)
        && (2000..=2100).contains(&year)
        && !nonce.is_empty()
        && nonce.bytes().all(|b| b.is_ascii_alphanumeric());
    if !valid {
        return Err(invalid());
    }
    let card_ref = format!("sbx_pm_{}_{}", token.split('.').nth(1).unwrap_or("ok"), digest("", token));
    Ok((
        behaviour,
        SavedCard {
            card_ref,
            brand: (*brand).to_owned(),
            last4: (*last4).to_owned(),
            exp_month: month,
            exp_year: year,
        },
    ))
}

/// A saved card's behaviour is part of its reference (`sbx_pm_<behaviour>_<hash>`).
fn behaviour_of(card_ref: &str) -> Result<Behaviour, ProviderError> {
    card_ref
        .strip_prefix("sbx_pm_")
        .and_then(|rest| rest.split('_').next())
        .and_then(Behaviour::parse)
        .ok_or_else(|| ProviderError::Invalid(format!("no such sandbox card: {card_ref}")))
}

fn payment_ref(reference: &str) -> Result<(), ProviderError> {
    if reference.starts_with("sbx_pi_") {
        Ok(())
    } else {
        Err(ProviderError::Invalid(format!("no such sandbox payment: {reference}")))
    }
}

#[async_trait]
impl PaymentProvider for SandboxProvider {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    async fn create_customer(&self, account_id: uuid::Uuid, _email: &str) -> Result<String, ProviderError> {
        Ok(format!("sbx_cus_{}", account_id.simple()))
    }

    async fn save_card(&self, _customer_ref: &str, token: &str) -> Result<SavedCard, ProviderError> {
        parse_token(token).map(|(_, card)| card)
    }

    async fn remove_card(&self, card_ref: &str) -> Result<(), ProviderError> {
        behaviour_of(card_ref).map(|_| ())
    }

    async fn authorize(&self, charge: &Charge<'_>) -> Result<String, ProviderError> {
        let declined = |code: &str| Err(ProviderError::Declined { code: code.to_owned() });
        match behaviour_of(charge.card_ref)? {
            Behaviour::Ok => Ok(digest("sbx_pi_", charge.idempotency_key)),
            Behaviour::Decline => declined("card_declined"),
            Behaviour::Expired => declined("expired_card"),
            Behaviour::Insufficient => declined("insufficient_funds"),
            Behaviour::Busy => Err(ProviderError::RateLimited { retry_after_secs: 2 }),
        }
    }

    async fn capture(&self, reference: &str, _amount: i64, _key: &str) -> Result<(), ProviderError> {
        payment_ref(reference)
    }

    async fn void(&self, reference: &str, _key: &str) -> Result<(), ProviderError> {
        payment_ref(reference)
    }

    async fn refund(&self, reference: &str, _amount: i64, key: &str) -> Result<String, ProviderError> {
        payment_ref(reference)?;
        Ok(digest("sbx_re_", key))
    }
}

/// PAY-08: the built-in deferred-payment company (no money moves). It approves every application but
/// two, as a real company's assessment would refuse them:
///
/// | application                                   | result            |
/// |-----------------------------------------------|-------------------|
/// | more than ¥55,000 (the usual 後払い ceiling)   | `over_limit`      |
/// | buyer's reading containing `ヒケツ` (test)     | `credit_declined` |
///
/// References derive from the idempotency key, as with the sandbox card provider.
pub struct SandboxDeferred;

/// The largest amount the sandbox company takes on.
pub const SANDBOX_DEFERRED_LIMIT: i64 = 55_000;

#[async_trait]
impl DeferredProvider for SandboxDeferred {
    fn name(&self) -> &'static str {
        "sandbox_deferred"
    }

    async fn assess(&self, application: &DeferredApplication<'_>) -> Result<String, ProviderError> {
        if application.amount > SANDBOX_DEFERRED_LIMIT {
            return Err(ProviderError::Declined { code: "over_limit".to_owned() });
        }
        if application.buyer.kana.contains("ヒケツ") {
            return Err(ProviderError::Declined { code: "credit_declined".to_owned() });
        }
        Ok(digest("sbx_dp_", application.idempotency_key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn charge<'a>(card_ref: &'a str, key: &'a str) -> Charge<'a> {
        Charge { customer_ref: "sbx_cus_1", card_ref, amount: 1980, idempotency_key: key, description: "test" }
    }

    #[tokio::test]
    async fn pay02_sandbox_test_cards_approve_decline_and_expire() {
        let sandbox = SandboxProvider;
        let ok = sandbox.save_card("c", "sbx.ok.visa.4242.12.2030.n1").await.unwrap();
        assert_eq!((ok.brand.as_str(), ok.last4.as_str(), ok.exp_month, ok.exp_year), ("visa", "4242", 12, 2030));
        let reference = sandbox.authorize(&charge(&ok.card_ref, "k1")).await.unwrap();
        assert_eq!(reference, sandbox.authorize(&charge(&ok.card_ref, "k1")).await.unwrap(), "idempotent");
        assert_ne!(reference, sandbox.authorize(&charge(&ok.card_ref, "k2")).await.unwrap());
        sandbox.capture(&reference, 1980, "c1").await.unwrap();
        sandbox.refund(&reference, 1980, "r1").await.unwrap();

        for (token, code) in [
            ("sbx.decline.visa.0002.12.2030.n2", "card_declined"),
            ("sbx.expired.visa.0069.12.2030.n3", "expired_card"),
            ("sbx.insufficient.visa.9995.12.2030.n4", "insufficient_funds"),
        ] {
            let card = sandbox.save_card("c", token).await.unwrap();
            assert_eq!(
                sandbox.authorize(&charge(&card.card_ref, "k")).await,
                Err(ProviderError::Declined { code: code.to_owned() })
            );
        }
    }

    #[tokio::test]
    async fn pay01_the_sandbox_refuses_anything_but_its_tokens() {
        let sandbox = SandboxProvider;
        for token in [
            "4242424242424242",
            "sbx.ok.visa.42424.12.2030.n",
            "sbx.ok.visa.4242.13.2030.n",
            "sbx.ok.diners.4242.1.2030.n",
        ] {
            assert!(matches!(sandbox.save_card("c", token).await, Err(ProviderError::Invalid(_))), "{token}");
        }
        assert!(matches!(sandbox.capture("pi_real", 1, "k").await, Err(ProviderError::Invalid(_))));
    }
}
