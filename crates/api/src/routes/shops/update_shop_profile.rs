use crate::auth::ShopOwner;
use crate::dto::shops::ShopResponse;
use crate::dto::staff::ShopProfileRequest;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};

/// Change what the mall shows of a shop: name, description, address, phone, contact and hours (ACC-04).
/// Its owner or an operator.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    request_body = ShopProfileRequest,
    responses((status = 200, body = ShopResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/shops/{shop_id}/profile")]
pub async fn update_shop_profile(
    state: web::Data<AppState>,
    owner: ShopOwner,
    body: ValidJson<ShopProfileRequest>,
) -> Result<web::Json<ShopResponse>, ApiError> {
    let profile = body.0.into_new_shop(String::new());
    let shop = kaimono_catalog::update_profile(&state.db, owner.0.shop, profile).await?;
    Ok(web::Json(ShopResponse::new(shop, super::japan_today(state.clock.now()))))
}
