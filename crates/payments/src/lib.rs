//! Payments (PAY-01 to PAY-04): the provider port with its two implementations (the built-in sandbox and
//! a Stripe-compatible HTTP client), the card vault, payment requests with their single-use links, and
//! the record of every attempt, and settlement: the money movements of anything [`Payable`].
//!
//! Card numbers never reach kaimono; only provider tokens and references are kept.

mod card_refunds;
mod cards;
mod checkout;
mod deposit;
mod error;
mod model;
mod payable;
mod ports;
mod requests;
mod sandbox;
mod settlement;
mod statement;
mod stripe;
mod throttle;
mod transfers;

pub use card_refunds::{CardRefund, CardRefundStatus, MAX_REFUND_ATTEMPTS, card_refunds_of, queue_card_refund};
pub use cards::{cards_by_id, customer_ref, delete_card, list_cards, register_card, set_default_card};
pub use checkout::{
    Checkout, CheckoutEvent, CheckoutEventKind, CheckoutPage, CheckoutPayee, CheckoutRequest, CheckoutStatus,
    HostedCheckout, HostedSession, NewCheckout, SandboxCheckout, WEBHOOK_TOLERANCE_SECS, WebhookError, WebhookOutcome,
    completed_event, sign_webhook, verify_webhook,
};
pub use deposit::{
    DepositEntry, DepositKind, Movement, credit_deposit, debit_deposit, deposit_balance, deposit_ledger, use_deposit,
};
pub use error::PaymentError;
pub use model::*;
pub use payable::{CaptureAt, Payable, PayableError, Payables, Payer};
pub use ports::{
    Charge, DeferredApplication, DeferredBuyer, DeferredProvider, PaymentProvider, ProviderError, SavedCard,
};
pub use requests::{cancel_request, find_by_token, issue_request, payment_link, payment_view, renew_link, request_of};
pub use sandbox::{SANDBOX_DEFERRED_LIMIT, SandboxDeferred, SandboxProvider};
pub use settlement::{Captured, Settlement};
pub use statement::{
    LineMatch, MATCH_DAYS, MAX_STATEMENT_BYTES, StatementError, StatementLine, match_statement, parse_statement,
};
pub use stripe::StripeClient;
pub use throttle::ThrottledProvider;
pub use transfers::{
    NewTransfer, TransferReport, TransferStatus, count_transfers_to_confirm, report_transfer, settle_transfer,
    transfer_of_shop, transfers_for, transfers_to_confirm,
};

/// The saved card a payment uses (the provider reference stays in this crate).
pub async fn card_ref(
    db: &impl sea_orm::ConnectionTrait,
    account: kaimono_core::AccountId,
    card: uuid::Uuid,
) -> Result<(String, Card), PaymentError> {
    let row = cards::card_row(db, account, card).await?;
    Ok((row.card_ref.clone(), cards::to_card(row)))
}

/// reqwest is built without a bundled TLS crypto provider (the default one needs a C toolchain for
/// aws-lc); this installs ring, as the SMTP client uses, for the whole process. Idempotent.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
