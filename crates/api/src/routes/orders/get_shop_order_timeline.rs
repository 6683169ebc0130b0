use crate::auth::ShopStaff;
use crate::dto::timeline::TimelineEventResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use uuid::Uuid;

/// What happened to one of the shop's orders, by whom and when (SHOP-02), oldest first.
#[utoipa::path(
    tag = "orders",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("order_id" = Uuid, Path, description = "The order")),
    responses((status = 200, body = Vec<TimelineEventResponse>), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/orders/{order_id}/timeline")]
pub async fn get_shop_order_timeline(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<Vec<TimelineEventResponse>>, ApiError> {
    let (_, order) = path.into_inner();
    let events = kaimono_orders::order_timeline(&state.db, kaimono_orders::Actor::Shop(staff.shop), order).await?;
    Ok(web::Json(events.into_iter().map(Into::into).collect()))
}
