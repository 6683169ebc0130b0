use crate::auth::Member;
use crate::dto::me::{AddressRequest, AddressResponse};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};

/// Add a delivery address (ACC-05). The first address becomes the default.
#[utoipa::path(
    tag = "me",
    request_body = AddressRequest,
    responses((status = 201, body = AddressResponse), BadRequest, Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/addresses")]
pub async fn create_address(
    state: web::Data<AppState>,
    member: Member,
    body: ValidJson<AddressRequest>,
) -> Result<HttpResponse, ApiError> {
    let txn = crate::database::begin_write(&state.db).await?;
    let address = kaimono_accounts::create_address(&txn, member.0, body.0.into_input(), state.clock.now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(AddressResponse::from(address)))
}
