use crate::auth::ShopOwner;
use crate::dto::staff::ShopStaffResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// A shop's staff and open invitations (ACC-04). Its owner or an operator.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = ShopStaffResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/staff")]
pub async fn get_shop_staff(
    state: web::Data<AppState>,
    owner: ShopOwner,
) -> Result<web::Json<ShopStaffResponse>, ApiError> {
    let (members, invitations) = kaimono_accounts::shop_staff(&state.db, owner.0.shop, state.clock.now()).await?;
    Ok(web::Json(ShopStaffResponse {
        members: members.into_iter().map(Into::into).collect(),
        invitations: invitations.into_iter().map(Into::into).collect(),
    }))
}
