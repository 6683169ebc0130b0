use crate::auth::Member;
use crate::dto::timeline::TimelineEventResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use uuid::Uuid;

/// What happened to one of the member's orders and when (ORD-04), oldest first.
#[utoipa::path(
    tag = "orders",
    params(("order_id" = Uuid, Path, description = "The order")),
    responses((status = 200, body = Vec<TimelineEventResponse>), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/orders/{order_id}/timeline")]
pub async fn get_my_order_timeline(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<Vec<TimelineEventResponse>>, ApiError> {
    let actor = kaimono_orders::Actor::Member(member.0);
    let events = kaimono_orders::order_timeline(&state.db, actor, path.into_inner()).await?;
    Ok(web::Json(events.into_iter().map(Into::into).collect()))
}
