use crate::auth::ShopOwner;
use crate::dto::shipping::ShippingDto;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};

/// Set a shop's shipping fees; its owner (or an operator) only (CART-02, ACC-04). Orders placed from now
/// on pay them; a stock check recomputes an order's fee from them when it rejects lines.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    request_body = ShippingDto,
    responses((status = 200, body = ShippingDto), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/shops/{shop_id}/shipping")]
pub async fn update_shop_shipping(
    state: web::Data<AppState>,
    owner: ShopOwner,
    body: ValidJson<ShippingDto>,
) -> Result<web::Json<ShippingDto>, ApiError> {
    let shipping = body.0.into_shipping()?;
    let txn = crate::database::begin_write(&state.db).await?;
    let saved = kaimono_catalog::set_shipping(&txn, owner.0.shop, shipping).await?;
    txn.commit().await?;
    Ok(web::Json(ShippingDto::of(saved)))
}
