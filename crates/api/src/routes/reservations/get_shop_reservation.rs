use crate::auth::ShopStaff;
use crate::dto::reservations::ReservationResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_reservations::Actor;
use uuid::Uuid;

/// One of the shop's reservations with its payment (SHOP-02).
#[utoipa::path(
    tag = "reservations",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("reservation_id" = Uuid, Path, description = "The reservation")),
    responses((status = 200, body = ReservationResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/reservations/{reservation_id}")]
pub async fn get_shop_reservation(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<ReservationResponse>, ApiError> {
    let (_, id) = path.into_inner();
    let shop = staff.shop;
    let found = kaimono_reservations::reservation_for(&state.db, Actor::Shop(shop), id).await?;
    Ok(web::Json({
        let payment =
            kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Reservation(found.id)).await?;
        ReservationResponse::new(found, payment)
    }))
}
