use super::ReservationResponse;
use crate::auth::Principal;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_core::ShopId;
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
    principal: Principal,
    path: web::Path<(Uuid, String)>,
) -> Result<web::Json<ReservationResponse>, ApiError> {
    let (shop, number) = path.into_inner();
    let shop = ShopId(shop);
    principal.require_shop(&state, shop).await?;
    let found = kaimono_reservations::find_by_pickup_number(&state.db, shop, &number).await?;
    Ok(web::Json(ReservationResponse::with_payment(found, &state.db).await?))
}
