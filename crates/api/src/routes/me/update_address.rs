use crate::auth::Member;
use crate::dto::me::{AddressRequest, AddressResponse};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};
use kaimono_core::AddressId;
use uuid::Uuid;

/// Replace one of the member's addresses (ACC-05); `is_default: true` makes it the default.
#[utoipa::path(
    tag = "me",
    params(("address_id" = Uuid, Path, description = "The address")),
    request_body = AddressRequest,
    responses((status = 200, body = AddressResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/me/addresses/{address_id}")]
pub async fn update_address(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<AddressRequest>,
) -> Result<web::Json<AddressResponse>, ApiError> {
    let txn = crate::database::begin_write(&state.db).await?;
    let address = kaimono_accounts::update_address(
        &txn,
        member.0,
        AddressId(path.into_inner()),
        body.0.into_input(),
        state.clock.now(),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(address.into()))
}
