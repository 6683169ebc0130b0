use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompletePasswordResetRequest {
    /// The token from the emailed link.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub token: String,
    /// The new password, 8 to 128 characters.
    #[validate(length(min = 8, max = 128))]
    #[schema(min_length = 8, max_length = 128)]
    pub password: String,
}

/// Set a new password from the emailed link (ACC-03). Signs the account out everywhere.
#[utoipa::path(
    tag = "auth",
    request_body = CompletePasswordResetRequest,
    responses((status = 204, description = "Password changed; every session is revoked."), BadRequest, Unprocessable, ServerError),
    security(())
)]
#[post("/auth/password-reset/complete")]
pub async fn complete_password_reset(
    state: web::Data<AppState>,
    body: ValidJson<CompletePasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    let txn = crate::database::begin_write(&state.db).await?;
    kaimono_accounts::complete_password_reset(&txn, &body.0.token, &body.0.password, state.clock.now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
