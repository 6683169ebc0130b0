use crate::dto::shipping::ShippingDto;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_core::ShopId;
use uuid::Uuid;

/// A shop's shipping fees: its carriers with their time slots and a fee per region, and the amount from
/// which shipping is free (CART-02). Public: shoppers see what shipping costs before they order.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = ShippingDto), NotFound, ServerError),
    security(())
)]
#[get("/shops/{shop_id}/shipping")]
pub async fn get_shop_shipping(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> Result<web::Json<ShippingDto>, ApiError> {
    let shipping = kaimono_catalog::shipping_of(&state.db, ShopId(path.into_inner())).await?;
    Ok(web::Json(ShippingDto::of(shipping)))
}
