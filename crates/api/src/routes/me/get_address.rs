use crate::auth::Member;
use crate::dto::me::AddressResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_core::AddressId;
use uuid::Uuid;

/// One of the member's addresses (ACC-05).
#[utoipa::path(
    tag = "me",
    params(("address_id" = Uuid, Path, description = "The address")),
    responses((status = 200, body = AddressResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/addresses/{address_id}")]
pub async fn get_address(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<AddressResponse>, ApiError> {
    let address = kaimono_accounts::get_address(&state.db, member.0, AddressId(path.into_inner())).await?;
    Ok(web::Json(address.into()))
}
