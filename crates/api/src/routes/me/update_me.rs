use crate::auth::Principal;
use crate::dto::me::AccountResponse;
use crate::dto::{LocaleDto, validate_furigana, validate_not_blank, validate_phone};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{patch, web};
use kaimono_accounts::ProfileChanges;
use kaimono_core::japan::normalize_phone;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

/// Fields to change; absent fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProfileRequest {
    /// A new name.
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
    /// A new name in kana.
    #[validate(length(max = 100), custom(function = validate_furigana))]
    #[schema(max_length = 100)]
    pub name_kana: Option<String>,
    /// A new phone number (0 and 10–11 digits).
    #[validate(custom(function = validate_phone))]
    pub phone: Option<String>,
    /// The language of the UI and of emails.
    pub locale: Option<LocaleDto>,
}

/// Change the profile (ACC-05).
#[utoipa::path(
    tag = "me",
    request_body = UpdateProfileRequest,
    responses((status = 200, body = AccountResponse), BadRequest, Unauthorized, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[patch("/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    principal: Principal,
    body: ValidJson<UpdateProfileRequest>,
) -> Result<web::Json<AccountResponse>, ApiError> {
    let body = body.0;
    let changes = ProfileChanges {
        name: body.name.map(|n| n.trim().to_owned()),
        name_kana: body.name_kana.map(|n| n.trim().to_owned()),
        phone: body.phone.map(|p| normalize_phone(&p).unwrap_or(p)),
        locale: body.locale.map(Into::into),
    };
    let account = kaimono_accounts::update_profile(&state.db, principal.account_id, changes, state.clock.now()).await?;
    let shops = kaimono_accounts::shop_memberships(&state.db, account.id).await?;
    Ok(web::Json(AccountResponse::new(account, shops)))
}
