//! `/auth`: sign-up, login, refresh, logout and password reset (ACC-01 … ACC-03).

mod complete_password_reset;
mod complete_signup;
mod login;
mod logout;
mod refresh;
mod request_password_reset;
mod request_signup;

use crate::auth::{ACCESS_TOKEN_TTL, issue_access_token};
use crate::dto::auth::TokenResponse;
use crate::dto::me::AccountResponse;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use kaimono_accounts::Session;
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

/// The cookie that carries a browser's refresh token: HttpOnly (no script reads it), SameSite=Strict,
/// and sent only to `/api/v1/auth`.
pub const REFRESH_COOKIE: &str = "kaimono_refresh";

fn refresh_cookie(state: &AppState, value: String, max_age: chrono::Duration) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .path("/api/v1/auth")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.config.public_url.starts_with("https://"))
        .max_age(actix_web::cookie::time::Duration::seconds(max_age.num_seconds()))
        .finish()
}

/// A cookie that deletes the refresh cookie.
pub(crate) fn clear_refresh_cookie(state: &AppState) -> Cookie<'static> {
    refresh_cookie(state, String::new(), chrono::Duration::zero())
}

/// The client's address for rate limits: the peer address, not X-Forwarded-For, which any client can
/// forge.
pub(crate) fn client_ip(req: &HttpRequest) -> String {
    req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default()
}

/// The refresh token of a request: the body's, else the browser's cookie.
pub(crate) fn presented_refresh_token(req: &HttpRequest, body: Option<String>) -> Option<(String, bool)> {
    body.map(|t| (t, false)).or_else(|| req.cookie(REFRESH_COOKIE).map(|c| (c.value().to_owned(), true)))
}

/// The response for a new or refreshed session: tokens in the body, or for browsers the refresh token
/// in the cookie only.
pub(crate) async fn session_response(
    state: &AppState,
    session: Session,
    status: StatusCode,
    use_cookie: bool,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let access_token =
        issue_access_token(state, session.account.id, session.account.role, session.account.token_version, now)?;
    let shops = kaimono_accounts::shop_memberships(&state.db, session.account.id).await?;
    let account = AccountResponse::new(session.account, shops);
    let mut response = HttpResponse::build(status);
    let refresh_token = if use_cookie {
        response.cookie(refresh_cookie(state, session.refresh_token, session.refresh_expires_at - now));
        None
    } else {
        Some(session.refresh_token)
    };
    Ok(response.json(TokenResponse {
        access_token,
        token_type: "Bearer",
        expires_in: ACCESS_TOKEN_TTL.num_seconds(),
        refresh_token,
        refresh_expires_at: session.refresh_expires_at,
        account,
    }))
}
