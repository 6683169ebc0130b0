use crate::auth::Member;
use crate::dto::orders::OrderResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{post, web};
use kaimono_orders::{Actor, By, CancelReason};
use uuid::Uuid;

/// Cancel one of the member's orders before it is paid: its stock goes back and the payment link stops
/// working. A paid order is cancelled by asking the shop (409 here).
#[utoipa::path(
    tag = "orders",
    params(("order_id" = Uuid, Path, description = "The order")),
    responses((status = 200, body = OrderResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[post("/me/orders/{order_id}/cancel")]
pub async fn cancel_my_order(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<OrderResponse>, ApiError> {
    let actor = Actor::Member(member.0);
    let (id, now) = (path.into_inner(), state.clock.now());
    let cancelled = kaimono_orders::cancel_order(
        &state.db,
        &state.settlement,
        actor,
        id,
        CancelReason::Member,
        By::Member(member.0),
        now,
    )
    .await?;
    Ok(web::Json({
        let payment = kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Order(cancelled.id)).await?;
        OrderResponse::new(cancelled, payment)
    }))
}
