//! The hosted card page's other half (PAY-07): the provider's webhook, and the built-in sandbox page,
//! which pays by sending itself the webhook a provider would (signed, through the same path).

use crate::auth::Member;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{HttpRequest, get, post, web};
use kaimono_core::Money;
use kaimono_payments::{CheckoutPage, WebhookOutcome};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(receive_checkout_webhook).service(get_sandbox_checkout).service(pay_sandbox_checkout);
}

/// How a webhook delivery was taken.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookReceipt {
    /// `paid`, `expired`, `duplicate` (seen before: nothing changed), `ignored` (not ours, or already
    /// past that state), or `mismatched` (paid another amount: left for staff).
    pub outcome: String,
}

fn outcome(o: WebhookOutcome) -> String {
    match o {
        WebhookOutcome::Paid => "paid",
        WebhookOutcome::Expired => "expired",
        WebhookOutcome::Duplicate => "duplicate",
        WebhookOutcome::Ignored => "ignored",
        WebhookOutcome::Mismatched => "mismatched",
    }
    .to_owned()
}

/// The payment provider's webhook for hosted card pages (PAY-07). Believed only with a valid
/// `Stripe-Signature` made within five minutes; each event is handled once, so a second delivery, a
/// replay or an event out of order changes nothing. Not for people: no token.
#[utoipa::path(
    tag = "payments",
    params(("Stripe-Signature" = String, Header, description = "`t=<unix time>,v1=<HMAC-SHA256 of \"t.payload\">`")),
    request_body(content = String, content_type = "application/json", description = "The provider's event, as sent."),
    responses((status = 200, body = WebhookReceipt), BadRequest, ServerError),
    security(())
)]
#[post("/payments/checkout/webhook")]
pub async fn receive_checkout_webhook(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<web::Json<WebhookReceipt>, ApiError> {
    let signature = req.headers().get("Stripe-Signature").and_then(|v| v.to_str().ok());
    let done = state.checkout.webhook(&state.db, &body, signature, state.clock.now()).await?;
    Ok(web::Json(WebhookReceipt { outcome: outcome(done) }))
}

/// The sandbox hosted page (PAY-07).
#[derive(Debug, Serialize, ToSchema)]
pub struct SandboxCheckoutResponse {
    /// What pays the invoice.
    #[schema(value_type = String)]
    pub amount: Money,
    /// The card surcharge on top.
    #[schema(value_type = String)]
    pub surcharge: Money,
    /// What the page charges.
    #[schema(value_type = String)]
    pub total: Money,
    /// `open`, `paid`, `expired` or `mismatched`.
    pub status: String,
    /// Where the member goes back to once paid.
    pub return_url: String,
}

impl From<CheckoutPage> for SandboxCheckoutResponse {
    fn from(p: CheckoutPage) -> Self {
        Self {
            amount: p.amount,
            surcharge: p.surcharge,
            total: p.amount + p.surcharge,
            status: p.status.as_str().to_owned(),
            return_url: p.return_url,
        }
    }
}

/// The sandbox page's "not yours" and "no sandbox here" are a missing checkout page.
fn sandbox_error(e: kaimono_payments::PaymentError) -> ApiError {
    match e {
        kaimono_payments::PaymentError::NotFound => ApiError::not_found("checkout page"),
        e => e.into(),
    }
}

/// A page of the sandbox provider (PAY-07): what it charges. Only with the sandbox provider, and only
/// for the member it was opened for.
#[utoipa::path(
    tag = "payments",
    params(("session_id" = String, Path, description = "The page (`cs_sandbox_…`)")),
    responses((status = 200, body = SandboxCheckoutResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/payments/sandbox-checkout/{session_id}")]
pub async fn get_sandbox_checkout(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<String>,
) -> Result<web::Json<SandboxCheckoutResponse>, ApiError> {
    let page = state.checkout.sandbox_page(&state.db, &path, member.0).await.map_err(sandbox_error)?;
    Ok(web::Json(page.into()))
}

/// Pay on the sandbox page (PAY-07): no money moves; the page sends the signed "completed" webhook a
/// provider would, through the same path. Paying a page already paid changes nothing.
#[utoipa::path(
    tag = "payments",
    params(("session_id" = String, Path, description = "The page (`cs_sandbox_…`)")),
    responses((status = 200, body = SandboxCheckoutResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[post("/payments/sandbox-checkout/{session_id}/pay")]
pub async fn pay_sandbox_checkout(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<String>,
) -> Result<web::Json<SandboxCheckoutResponse>, ApiError> {
    let paid =
        state.checkout.pay_sandbox(&state.db, &path, member.0, state.clock.now()).await.map_err(sandbox_error)?;
    Ok(web::Json(paid.into()))
}
