use super::{clear_refresh_cookie, presented_refresh_token, session_response};
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
pub struct RefreshRequest {
    /// The current refresh token; it is replaced by the one in the response. Browsers leave it out and
    /// send the `kaimono_refresh` cookie instead (the new token then comes back in the cookie).
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub refresh_token: Option<String>,
}

/// Exchange a refresh token for new tokens (ACC-02).
///
/// Each refresh token works once. Presented again within 30 seconds (tabs refreshing together, a retry
/// after a lost response) it returns the same new refresh token; presented later, it revokes the whole
/// session.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 200, body = TokenResponse), BadRequest, Unauthorized, Unprocessable, ServerError),
    security(())
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let Some((token, from_cookie)) = presented_refresh_token(&req, body.0.refresh_token) else {
        return Err(ApiError::unauthenticated("send the refresh token in the body or the kaimono_refresh cookie"));
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let result = kaimono_accounts::refresh(&txn, &token, state.config.jwt_secret.as_bytes(), state.clock.now()).await;
    // A detected reuse revokes the family and must stick even though the request fails.
    txn.commit().await?;
    match result {
        Ok(session) => session_response(&state, session, StatusCode::OK, from_cookie).await,
        Err(e) if from_cookie => {
            let mut response = actix_web::ResponseError::error_response(&ApiError::from(e));
            response.add_cookie(&clear_refresh_cookie(&state)).map_err(ApiError::internal)?;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}
