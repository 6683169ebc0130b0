use crate::auth::Principal;
use crate::dto::me::AccountResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// The signed-in account (ACC-05).
#[utoipa::path(tag = "me", responses((status = 200, body = AccountResponse), Unauthorized, ServerError), security(("bearer" = [])))]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, principal: Principal) -> Result<web::Json<AccountResponse>, ApiError> {
    let account = kaimono_accounts::find_account(&state.db, principal.account_id).await?;
    let shops = kaimono_accounts::shop_memberships(&state.db, account.id).await?;
    Ok(web::Json(AccountResponse::new(account, shops)))
}
