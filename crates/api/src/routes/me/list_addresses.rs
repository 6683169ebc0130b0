use crate::auth::Member;
use crate::dto::me::AddressResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// The member's delivery addresses, the default first (ACC-05).
#[utoipa::path(tag = "me", responses((status = 200, body = Vec<AddressResponse>), Unauthorized, Forbidden, ServerError), security(("bearer" = [])))]
#[get("/me/addresses")]
pub async fn list_addresses(
    state: web::Data<AppState>,
    member: Member,
) -> Result<web::Json<Vec<AddressResponse>>, ApiError> {
    let list = kaimono_accounts::list_addresses(&state.db, member.0).await?;
    Ok(web::Json(list.into_iter().map(Into::into).collect()))
}
