use crate::auth::ShopStaff;
use crate::dto::orders::OrderResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
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
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<OrderResponse>, ApiError> {
    let (_, order) = path.into_inner();
    let shop = staff.shop;
    let order = kaimono_orders::order_for(&state.db, kaimono_orders::Actor::Shop(shop), order).await?;
    Ok(web::Json({
        let payment = kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Order(order.id)).await?;
        OrderResponse::new(order, payment)
    }))
}
