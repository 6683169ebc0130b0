use crate::auth::ShopStaff;
use crate::dto::reservations::ReservationResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{post, web};
use kaimono_reservations::By;
use uuid::Uuid;

/// The shop confirms the stock (RSV-02): held until the end of the visit date plus the shop's hold days;
/// the member is emailed the pickup number and deadline, and for a prepaid item the payment URL (RSV-04).
#[utoipa::path(
    tag = "reservations",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("reservation_id" = Uuid, Path, description = "The reservation")),
    responses((status = 200, body = ReservationResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/reservations/{reservation_id}/confirm")]
pub async fn confirm_reservation(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<ReservationResponse>, ApiError> {
    let (_, id) = path.into_inner();
    let shop = staff.shop;
    let txn = crate::database::begin_write(&state.db).await?;
    let updated = kaimono_reservations::confirm_reservation(
        &txn,
        shop,
        id,
        &state.config.public_url,
        By::Staff(staff.account_id),
        state.clock.now(),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json({
        let payment =
            kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Reservation(updated.id)).await?;
        ReservationResponse::new(updated, payment)
    }))
}
