use super::OrderResponse;
use crate::auth::Principal;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_core::ShopId;
use uuid::Uuid;

/// One of the shop's orders with its lines, shipment, payment request and payment attempts (SHOP-02).
#[utoipa::path(
    tag = "orders",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("order_id" = Uuid, Path, description = "The order")),
    responses((status = 200, body = OrderResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/orders/{order_id}")]
pub async fn get_shop_order(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<OrderResponse>, ApiError> {
    let (shop, order) = path.into_inner();
    let shop = ShopId(shop);
    principal.require_shop(&state, shop).await?;
    let order = kaimono_orders::order_for(&state.db, kaimono_orders::Actor::Shop(shop), order).await?;
    Ok(web::Json(OrderResponse::with_payment(order, &state.db).await?))
}
