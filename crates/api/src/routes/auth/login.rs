use super::session_response;
use crate::dto::auth::TokenResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The account's email.
    #[validate(email, length(max = 254))]
    #[schema(max_length = 254)]
    pub email: String,
    /// The account's password.
    #[validate(length(min = 1, max = 128))]
    #[schema(min_length = 1, max_length = 128)]
    pub password: String,
    /// Browsers: keep the refresh token in an HttpOnly cookie instead of the response body.
    #[serde(default)]
    pub use_cookie: bool,
}

/// Sign in with email and password (ACC-02).
///
/// Attempts are throttled per (account, client address) and per client address (429 with Retry-After);
/// see the README for the policy.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses((status = 200, body = TokenResponse), BadRequest, Unauthorized, Unprocessable, TooManyRequests, ServerError),
    security(())
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let client_ip = super::client_ip(&req);
    let body = body.0;
    let session =
        kaimono_accounts::login(&state.db, &body.email, &body.password, &client_ip, state.throttle, state.clock.now())
            .await?;
    session_response(&state, session, StatusCode::OK, body.use_cookie).await
}
