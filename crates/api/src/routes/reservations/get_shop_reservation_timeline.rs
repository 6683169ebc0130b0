use crate::auth::ShopStaff;
use crate::dto::timeline::TimelineEventResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use uuid::Uuid;

/// What happened to one of the shop's reservations, by whom and when (SHOP-02), oldest first.
#[utoipa::path(
    tag = "reservations",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("reservation_id" = Uuid, Path, description = "The reservation"),
    ),
    responses((status = 200, body = Vec<TimelineEventResponse>), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/reservations/{reservation_id}/timeline")]
pub async fn get_shop_reservation_timeline(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<Vec<TimelineEventResponse>>, ApiError> {
    let (_, id) = path.into_inner();
    let actor = kaimono_reservations::Actor::Shop(staff.shop);
    let events = kaimono_reservations::reservation_timeline(&state.db, actor, id).await?;
    Ok(web::Json(events.into_iter().map(Into::into).collect()))
}
