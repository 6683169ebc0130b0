use super::{TokenResponse, token_response};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The current refresh token; it is replaced by the one in the response.
    #[validate(length(min = 1, max = 200))]
    pub refresh_token: String,
}

/// Exchange a refresh token for new tokens (ACC-02).
///
/// Each refresh token works once. Presenting one that was already exchanged revokes the whole session.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 200, body = TokenResponse), BadRequest, Unauthorized, Unprocessable, ServerError),
    security(())
)]
#[post("/auth/refresh")]
pub async fn refresh(state: web::Data<AppState>, body: ValidJson<RefreshRequest>) -> Result<HttpResponse, ApiError> {
    let txn = crate::database::begin_write(&state.db).await?;
    let result = kaimono_accounts::refresh(&txn, &body.0.refresh_token, state.clock.now()).await;
    // A detected reuse revokes the family and must stick even though the request fails.
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(token_response(&state, result?).await?))
}
