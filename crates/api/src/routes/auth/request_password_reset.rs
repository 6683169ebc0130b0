use crate::dto::auth::AcceptedResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    /// The account's email; the answer is the same whether it exists or not.
    #[validate(email, length(max = 254))]
    #[schema(max_length = 254)]
    pub email: String,
}

/// Request a password-reset link by email (ACC-03).
///
/// Answers 202 whether or not the email is registered, in the same time (a background job mails the
/// link). The same mail limits as sign-up apply (429 with Retry-After).
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetRequest,
    responses((status = 202, body = AcceptedResponse), BadRequest, Unprocessable, TooManyRequests, ServerError),
    security(())
)]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    kaimono_accounts::request_link(
        &state.db,
        kaimono_accounts::LinkPurpose::PasswordReset,
        &body.0.email,
        Default::default(), // the link job writes in the account's own language
        None,
        &super::client_ip(&req),
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::Accepted()
        .json(AcceptedResponse { message: "If the address is registered, a reset link has been sent to it.".into() }))
}
