use super::session_response;
use crate::dto::auth::TokenResponse;
use crate::dto::{validate_furigana, validate_not_blank, validate_phone};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use kaimono_accounts::PersonDetails;
use kaimono_core::japan::normalize_phone;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteSignupRequest {
    /// The token from the emailed link.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub token: String,
    /// 8 to 128 characters.
    #[validate(length(min = 8, max = 128))]
    #[schema(min_length = 8, max_length = 128)]
    pub password: String,
    /// Full name (氏名).
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// Furigana of the name, katakana or hiragana (フリガナ).
    #[validate(length(max = 100), custom(function = validate_furigana))]
    #[schema(max_length = 100)]
    pub name_kana: String,
    /// Japanese phone number, hyphens allowed.
    #[validate(custom(function = validate_phone))]
    pub phone: String,
    /// Browsers: keep the refresh token in an HttpOnly cookie instead of the response body.
    #[serde(default)]
    pub use_cookie: bool,
}

/// Complete registration from the emailed link (ACC-01) and sign in.
#[utoipa::path(
    tag = "auth",
    request_body = CompleteSignupRequest,
    responses((status = 201, body = TokenResponse), BadRequest, Conflict, Unprocessable, ServerError),
    security(())
)]
#[post("/auth/signup/complete")]
pub async fn complete_signup(
    state: web::Data<AppState>,
    body: ValidJson<CompleteSignupRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let now = state.clock.now();
    let person = PersonDetails {
        name: body.name.trim().to_owned(),
        name_kana: body.name_kana.trim().to_owned(),
        phone: normalize_phone(&body.phone).unwrap_or(body.phone),
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let account =
        kaimono_accounts::complete_signup(&txn, &body.token, &body.password, person, &state.config.public_url, now)
            .await?;
    let session = kaimono_accounts::start_session(&txn, account.id, uuid::Uuid::now_v7(), now).await?;
    txn.commit().await?;
    session_response(&state, session, StatusCode::CREATED, body.use_cookie).await
}
