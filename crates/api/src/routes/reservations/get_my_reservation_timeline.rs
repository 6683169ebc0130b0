use crate::auth::Member;
use crate::dto::timeline::TimelineEventResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use uuid::Uuid;

/// What happened to one of the member's reservations and when, oldest first.
#[utoipa::path(
    tag = "reservations",
    params(("reservation_id" = Uuid, Path, description = "The reservation")),
    responses((status = 200, body = Vec<TimelineEventResponse>), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/reservations/{reservation_id}/timeline")]
pub async fn get_my_reservation_timeline(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<Vec<TimelineEventResponse>>, ApiError> {
    let actor = kaimono_reservations::Actor::Member(member.0);
    let events = kaimono_reservations::reservation_timeline(&state.db, actor, path.into_inner()).await?;
    Ok(web::Json(events.into_iter().map(Into::into).collect()))
}
