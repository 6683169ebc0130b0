use super::AcceptedResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    #[validate(email, length(max = 254))]
    pub email: String,
}

/// Request a password-reset link by email (ACC-03).
///
/// Answers 202 whether or not the email is registered.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetRequest,
    responses((status = 202, body = AcceptedResponse), BadRequest, Unprocessable, ServerError),
    security(())
)]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    body: ValidJson<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    let txn = crate::database::begin_write(&state.db).await?;
    kaimono_accounts::request_password_reset(&txn, &body.0.email, &state.config.public_url, state.clock.now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Accepted()
        .json(AcceptedResponse { message: "If the address is registered, a reset link has been sent to it.".into() }))
}
