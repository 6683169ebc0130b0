use super::{clear_refresh_cookie, presented_refresh_token};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogoutRequest {
    /// The session's refresh token; browsers leave it out and send the `kaimono_refresh` cookie.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub refresh_token: Option<String>,
}

/// Sign out: revoke the session of this refresh token (ACC-02).
#[utoipa::path(
    tag = "auth",
    request_body = LogoutRequest,
    responses((status = 204, description = "Signed out."), BadRequest, Unprocessable, ServerError),
    security(())
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<LogoutRequest>,
) -> Result<HttpResponse, ApiError> {
    if let Some((token, _)) = presented_refresh_token(&req, body.0.refresh_token) {
        kaimono_accounts::logout(&state.db, &token, state.clock.now()).await?;
    }
    Ok(HttpResponse::NoContent().cookie(clear_refresh_cookie(&state)).finish())
}
