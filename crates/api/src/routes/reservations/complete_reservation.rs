use crate::auth::ShopStaff;
use crate::dto::reservations::ReservationResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use kaimono_reservations::By;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteReservationRequest {
    /// For a pay-in-store item: the payment was taken at the counter (required to hand it over).
    #[serde(default)]
    pub paid_in_store: bool,
}

/// Hand the reservation over at the counter (RSV-03, RSV-04). A pay-in-store item records the payment
/// taken in store; a prepaid item must have been paid online (409 otherwise).
#[utoipa::path(
    tag = "reservations",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("reservation_id" = Uuid, Path, description = "The reservation")),
    request_body = CompleteReservationRequest,
    responses((status = 200, body = ReservationResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/reservations/{reservation_id}/complete")]
pub async fn complete_reservation(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<CompleteReservationRequest>,
) -> Result<web::Json<ReservationResponse>, ApiError> {
    let (_, id) = path.into_inner();
    let shop = staff.shop;
    let txn = crate::database::begin_write(&state.db).await?;
    let now = state.clock.now();
    let done = kaimono_reservations::complete_reservation(
        &txn,
        shop,
        id,
        body.0.paid_in_store,
        By::Staff(staff.account_id),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json({
        let payment =
            kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Reservation(done.id)).await?;
        ReservationResponse::new(done, payment)
    }))
}
