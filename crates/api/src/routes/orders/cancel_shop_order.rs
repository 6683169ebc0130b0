use crate::auth::ShopStaff;
use crate::dto::orders::OrderResponse;
use crate::error::{ApiError, responses::*};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use kaimono_orders::{Actor, By, CancelReason};
use uuid::Uuid;

/// Cancel an order as the shop, before it ships: stock goes back, an open payment link is cancelled, a
/// card authorization is voided, and the member is emailed. Requires an `Idempotency-Key`.
#[utoipa::path(
    tag = "orders",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("order_id" = Uuid, Path, description = "The order"),
        ("Idempotency-Key" = String, Header, description = "A new unique value per cancellation")
    ),
    responses((status = 200, body = OrderResponse), Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServiceUnavailable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/orders/{order_id}/cancel")]
pub async fn cancel_shop_order(
    state: web::Data<AppState>,
    staff: ShopStaff,
    key: IdempotencyKey,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (_, order) = path.into_inner();
    let shop = staff.shop;
    let fingerprint = idempotency::fingerprint(&("cancel", order))?;
    let account = staff.account_id;
    idempotency::once(&state.db, account, &key, &fingerprint, state.clock.now(), StatusCode::OK, || async {
        let (actor, now) = (Actor::Shop(shop), state.clock.now());
        let cancelled = kaimono_orders::cancel_order(
            &state.db,
            &state.settlement,
            actor,
            order,
            CancelReason::Shop,
            By::Staff(account),
            now,
        )
        .await?;
        let response = {
            let payment =
                kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Order(cancelled.id)).await?;
            OrderResponse::new(cancelled, payment)
        };
        serde_json::to_string(&response).map_err(ApiError::internal)
    })
    .await
}
