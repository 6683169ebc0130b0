use crate::auth::Member;
use crate::dto::reservations::ReservationResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// The member's reservations with each one's status, newest first (RSV-07).
#[utoipa::path(
    tag = "reservations",
    responses((status = 200, body = Vec<ReservationResponse>), Unauthorized, Forbidden, ServerError),
    security(("bearer" = []))
)]
#[get("/me/reservations")]
pub async fn list_my_reservations(
    state: web::Data<AppState>,
    member: Member,
) -> Result<web::Json<Vec<ReservationResponse>>, ApiError> {
    let list = kaimono_reservations::list_member_reservations(&state.db, member.0).await?;
    Ok(web::Json(list.into_iter().map(Into::into).collect()))
}
