use crate::auth::Member;
use crate::dto::reservations::ReservationResponse;
use crate::error::{ApiError, responses::*};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use kaimono_reservations::{Actor, CancelCause};
use uuid::Uuid;

/// Cancel one of the member's reservations before pickup (RSV-06): the stock goes back and a prepaid
/// amount is refunded to the card. Requires an `Idempotency-Key` (a refund moves money).
#[utoipa::path(
    tag = "reservations",
    params(
        ("reservation_id" = Uuid, Path, description = "The reservation"),
        ("Idempotency-Key" = String, Header, description = "A new unique value per cancellation")
    ),
    responses((status = 200, body = ReservationResponse), Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/reservations/{reservation_id}/cancel")]
pub async fn cancel_my_reservation(
    state: web::Data<AppState>,
    member: Member,
    key: IdempotencyKey,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let fingerprint = idempotency::fingerprint(&("cancel", id))?;
    let now = state.clock.now();
    idempotency::once(&state.db, member.0, &key, &fingerprint, now, StatusCode::OK, || async {
        let actor = Actor::Member(member.0);
        let found =
            kaimono_reservations::cancel_reservation(&state.db, &state.settlement, actor, id, CancelCause::Member, now)
                .await?;
        let response = {
            let payment =
                kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Reservation(found.id)).await?;
            ReservationResponse::new(found, payment)
        };
        serde_json::to_string(&response).map_err(ApiError::internal)
    })
    .await
}
