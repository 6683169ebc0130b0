use crate::dto::auth::TokenResponse;
use crate::dto::{validate_furigana, validate_not_blank, validate_phone};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::routes::auth::session_response;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use kaimono_accounts::{Joining, PersonDetails};
use kaimono_core::japan::normalize_phone;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitationRequest {
    /// The token from the emailed link.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub token: String,
    /// For a new account: 8 to 128 characters. Leave out when the email has a staff account already.
    #[validate(length(min = 8, max = 128))]
    #[schema(min_length = 8, max_length = 128)]
    pub password: Option<String>,
    /// For a new account: full name (氏名).
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
    /// For a new account: furigana of the name (フリガナ).
    #[validate(length(max = 100), custom(function = validate_furigana))]
    #[schema(max_length = 100)]
    pub name_kana: Option<String>,
    /// For a new account: a Japanese phone number, hyphens allowed.
    #[validate(custom(function = validate_phone))]
    pub phone: Option<String>,
    /// Browsers: keep the refresh token in an HttpOnly cookie instead of the response body.
    #[serde(default)]
    pub use_cookie: bool,
}

/// Accept an invitation to a shop's staff and sign in (ACC-04): a new staff account is created with the
/// password and details given, or an existing staff account gets the shop added.
#[utoipa::path(
    tag = "auth",
    request_body = AcceptInvitationRequest,
    responses((status = 201, body = TokenResponse), BadRequest, Conflict, Unprocessable, ServerError),
    security(())
)]
#[post("/invitations/accept")]
pub async fn accept_invitation(
    state: web::Data<AppState>,
    body: ValidJson<AcceptInvitationRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let now = state.clock.now();
    let joining = match (body.password, body.name, body.name_kana) {
        (Some(password), Some(name), Some(name_kana)) => Joining::NewAccount {
            password,
            person: PersonDetails {
                name: name.trim().to_owned(),
                name_kana: name_kana.trim().to_owned(),
                phone: body.phone.map(|p| normalize_phone(&p).unwrap_or(p)).unwrap_or_default(),
            },
        },
        _ => Joining::ExistingAccount,
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let account = kaimono_accounts::accept_invitation(&txn, &body.token, joining, now).await?;
    let session = kaimono_accounts::start_session(&txn, account.id, uuid::Uuid::now_v7(), now).await?;
    txn.commit().await?;
    session_response(&state, session, StatusCode::CREATED, body.use_cookie).await
}
