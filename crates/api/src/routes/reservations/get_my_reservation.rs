use crate::auth::Member;
use crate::dto::reservations::ReservationResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_reservations::Actor;
use uuid::Uuid;

/// One of the member's reservations: the status screen to show at the counter (RSV-03, RSV-07).
#[utoipa::path(
    tag = "reservations",
    params(("reservation_id" = Uuid, Path, description = "The reservation")),
    responses((status = 200, body = ReservationResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/reservations/{reservation_id}")]
pub async fn get_my_reservation(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<ReservationResponse>, ApiError> {
    let found = kaimono_reservations::reservation_for(&state.db, Actor::Member(member.0), path.into_inner()).await?;
    Ok(web::Json({
        let payment =
            kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Reservation(found.id)).await?;
        ReservationResponse::new(found, payment)
    }))
}
