use crate::auth::Member;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{HttpResponse, delete, web};
use kaimono_core::AddressId;
use uuid::Uuid;

/// Delete one of the member's addresses (ACC-05). If it was the default, the newest other one becomes the default.
#[utoipa::path(
    tag = "me",
    params(("address_id" = Uuid, Path, description = "The address")),
    responses((status = 204, description = "Deleted."), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[delete("/me/addresses/{address_id}")]
pub async fn delete_address(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let txn = crate::database::begin_write(&state.db).await?;
    kaimono_accounts::delete_address(&txn, member.0, AddressId(path.into_inner())).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
