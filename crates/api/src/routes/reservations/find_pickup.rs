use crate::auth::ShopStaff;
use crate::dto::reservations::ReservationResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use uuid::Uuid;

/// The pickup desk (RSV-03): the shop's reservation with this pickup number, typed or scanned (hyphens,
/// spaces and case are ignored; O and I/L read as 0 and 1).
#[utoipa::path(
    tag = "reservations",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("pickup_number" = String, Path, description = "The pickup number, e.g. ABCD-2345")),
    responses((status = 200, body = ReservationResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/pickups/{pickup_number}")]
pub async fn find_pickup(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, String)>,
) -> Result<web::Json<ReservationResponse>, ApiError> {
    let (_, number) = path.into_inner();
    let shop = staff.shop;
    let found = kaimono_reservations::find_by_pickup_number(&state.db, shop, &number).await?;
    Ok(web::Json({
        let payment =
            kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Reservation(found.id)).await?;
        ReservationResponse::new(found, payment)
    }))
}
