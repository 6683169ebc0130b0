use crate::dto::LocaleDto;
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
pub struct SignupRequest {
    /// Where to send the registration link.
    #[validate(email, length(max = 254))]
    #[schema(max_length = 254)]
    pub email: String,
    /// The language of the email and of the account (default `ja`).
    pub locale: Option<LocaleDto>,
    /// ACC-06: a path on this site the link brings the new member back to after registering (the
    /// subscription checkout they left), e.g. `/subscription-cart?add=…`.
    #[validate(custom(function = validate_return_path))]
    #[schema(max_length = 300, example = "/subscription-cart")]
    pub next: Option<String>,
}

fn validate_return_path(path: &str) -> Result<(), validator::ValidationError> {
    if kaimono_accounts::is_return_path(path) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("return_path")
            .with_message("must be a path on this site, like /subscription-cart".into()))
    }
}

/// Request a registration link by email (ACC-01).
///
/// Answers 202 whether or not the email is already registered, and in the same time: the link is mailed
/// by a background job, so the response reveals nothing. At most 5 link mails per address and 30
/// requests per client address an hour (429 with Retry-After).
#[utoipa::path(
    tag = "auth",
    request_body = SignupRequest,
    responses((status = 202, body = AcceptedResponse), BadRequest, Unprocessable, TooManyRequests, ServerError),
    security(())
)]
#[post("/auth/signup")]
pub async fn request_signup(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<SignupRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    kaimono_accounts::request_link(
        &state.db,
        kaimono_accounts::LinkPurpose::Signup,
        &body.email,
        body.locale.map_or_else(Default::default, Into::into),
        body.next.as_deref(),
        &super::client_ip(&req),
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::Accepted()
        .json(AcceptedResponse { message: "If the address can register, a link has been sent to it.".into() }))
}
