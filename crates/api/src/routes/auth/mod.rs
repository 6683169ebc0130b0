//! `/auth`: sign-up, login, refresh, logout and password reset (ACC-01 … ACC-03).

mod complete_password_reset;
mod complete_signup;
mod login;
mod logout;
mod refresh;
mod request_password_reset;
mod request_signup;

use crate::auth::{ACCESS_TOKEN_TTL, issue_access_token};
use crate::error::ApiError;
use crate::routes::me::AccountResponse;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use kaimono_accounts::Session;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(request_signup::request_signup)
        .service(complete_signup::complete_signup)
        .service(login::login)
        .service(refresh::refresh)
        .service(logout::logout)
        .service(request_password_reset::request_password_reset)
        .service(complete_password_reset::complete_password_reset);
}

/// Tokens for a new or refreshed session.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Short-lived JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Single-use token for `POST /auth/refresh`; each refresh returns a new one.
    pub refresh_token: String,
    /// When the refresh token expires.
    pub refresh_expires_at: DateTime<Utc>,
    /// The signed-in account.
    pub account: AccountResponse,
}

/// The same answer whether or not the email is registered.
#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptedResponse {
    /// What happens next.
    pub message: String,
}

pub(crate) async fn token_response(state: &AppState, session: Session) -> Result<TokenResponse, ApiError> {
    let now = state.clock.now();
    let access_token = issue_access_token(state, session.account.id, session.account.role, now)?;
    let account = AccountResponse::load(state, session.account).await?;
    Ok(TokenResponse {
        access_token,
        token_type: "Bearer",
        expires_in: ACCESS_TOKEN_TTL.num_seconds(),
        refresh_token: session.refresh_token,
        refresh_expires_at: session.refresh_expires_at,
        account,
    })
}
