use crate::auth::Member;
use crate::dto::orders::OrderResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use uuid::Uuid;

/// One of the member's orders with each item's status (ORD-04), its shipment and its payment.
#[utoipa::path(
    tag = "orders",
    params(("order_id" = Uuid, Path, description = "The order")),
    responses((status = 200, body = OrderResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/orders/{order_id}")]
pub async fn get_my_order(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<OrderResponse>, ApiError> {
    let order =
        kaimono_orders::order_for(&state.db, kaimono_orders::Actor::Member(member.0), path.into_inner()).await?;
    Ok(web::Json({
        let payment = kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Order(order.id)).await?;
        OrderResponse::new(order, payment)
    }))
}
