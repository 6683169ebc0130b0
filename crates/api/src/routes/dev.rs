//! `/dev`: development helpers, registered only with `KAIMONO_DEV_MAILBOX=true` (which the configuration
//! refuses in production and on a non-loopback listen address).

use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_mailbox).service(show_mailbox_html).service(advance_clock).service(run_subscription_jobs);
}

/// How far to move the development clock.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdvanceClock {
    /// Days ahead, 1–400.
    #[validate(range(min = 1, max = 400))]
    #[schema(minimum = 1, maximum = 400)]
    pub days: u32,
}

/// The server's time.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClockResponse {
    /// Now, as the server's rules read it.
    pub now: DateTime<Utc>,
}

/// Move the server's clock days ahead, for browser tests of what happens later (subscription
/// generation, expiries). Development only, like the mailbox; the clock never goes back.
#[utoipa::path(tag = "dev", request_body = AdvanceClock, responses((status = 200, body = ClockResponse), Conflict, Unprocessable, ServerError), security(()))]
#[post("/dev/clock")]
pub async fn advance_clock(
    state: web::Data<AppState>,
    body: crate::extract::ValidJson<AdvanceClock>,
) -> Result<web::Json<ClockResponse>, ApiError> {
    if !state.clock.advance_by(chrono::Duration::days(i64::from(body.0.days))) {
        return Err(ApiError::new(crate::error::ErrorCode::InvalidTransition, "this server's clock cannot be moved"));
    }
    Ok(web::Json(ClockResponse { now: state.clock.now() }))
}

/// What one run of the subscription jobs did.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionJobsResponse {
    /// Orders generated.
    pub generated: u64,
    /// Deliveries skipped.
    pub skipped: u64,
    /// Subscriptions that ended.
    pub ended: u64,
    /// Authorizations settled (approved or flagged).
    pub authorized: u64,
}

/// Run the subscription generation and authorization jobs now, at the server's (possibly moved) time,
/// instead of waiting for their next turn. Development only.
#[utoipa::path(tag = "dev", responses((status = 200, body = SubscriptionJobsResponse), ServerError), security(()))]
#[post("/dev/subscription-jobs")]
pub async fn run_subscription_jobs(
    state: web::Data<AppState>,
) -> Result<web::Json<SubscriptionJobsResponse>, ApiError> {
    let now = state.clock.now();
    let run = kaimono_subscriptions::generate_due(&state.db, now, crate::jobs::GENERATION_BATCH, &|| false).await?;
    let authorized = kaimono_subscriptions::authorize_queued(
        &state.db,
        &state.settlement,
        &state.config.public_url,
        "dev",
        state.clock.now(),
        crate::jobs::EXPIRY_BATCH,
        &|| false,
    )
    .await?;
    Ok(web::Json(SubscriptionJobsResponse {
        generated: run.generated,
        skipped: run.skipped,
        ended: run.ended,
        authorized,
    }))
}

/// An email in the outbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct MailboxEmail {
    /// The email's id in the outbox.
    pub id: Uuid,
    /// The recipient's address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// The HTML alternative (pictures and links site-relative, as the outbox holds them).
    pub html: Option<String>,
    /// Which template produced it (`signup`, `password_reset` …).
    pub template: String,
    /// The language it was written in.
    pub locale: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// Why the last attempt failed, if it did.
    pub last_error: Option<String>,
    /// When it was written to the outbox.
    pub created_at: DateTime<Utc>,
    /// When the mail server accepted it.
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MailboxQuery {
    /// Only emails to this address.
    pub to: Option<String>,
    /// How many, newest first, 1–200 (default 50).
    #[validate(range(min = 1, max = 200))]
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

/// The outbox, newest first (development only: present only with `KAIMONO_DEV_MAILBOX=true` on a loopback
/// address, never in production).
#[utoipa::path(tag = "dev", params(MailboxQuery), responses((status = 200, body = Vec<MailboxEmail>), Unprocessable, ServerError), security(()))]
#[get("/dev/mailbox")]
pub async fn list_mailbox(
    state: web::Data<AppState>,
    query: ValidQuery<MailboxQuery>,
) -> Result<web::Json<Vec<MailboxEmail>>, ApiError> {
    let to = query.0.to.map(|t| t.trim().to_lowercase());
    let emails = kaimono_messaging::list_recent(&state.db, query.0.limit.unwrap_or(50), to.as_deref()).await?;
    Ok(web::Json(
        emails
            .into_iter()
            .map(|e| MailboxEmail {
                id: e.id.0,
                to: e.to,
                subject: e.subject,
                body: e.body,
                html: e.html,
                template: e.template,
                locale: e.locale,
                status: e.status.as_str().to_owned(),
                attempts: e.attempts,
                last_error: e.last_error,
                created_at: e.created_at,
                sent_at: e.sent_at,
            })
            .collect(),
    ))
}

/// One email's HTML part as a page, to see it as a mail client would (development only, like the list).
#[utoipa::path(tag = "dev", params(("id" = Uuid, Path, description = "The email's id")),
    responses((status = 200, content_type = "text/html", body = String), NotFound, ServerError), security(()))]
#[get("/dev/mailbox/{id}/html")]
pub async fn show_mailbox_html(state: web::Data<AppState>, id: web::Path<Uuid>) -> Result<HttpResponse, ApiError> {
    let email = kaimono_messaging::find(&state.db, kaimono_messaging::EmailId(id.into_inner())).await?;
    let html = email.and_then(|e| e.html).ok_or_else(|| ApiError::not_found("email"))?;
    Ok(HttpResponse::Ok().content_type(actix_web::http::header::ContentType::html()).body(html))
}
