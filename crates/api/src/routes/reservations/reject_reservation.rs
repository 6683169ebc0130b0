use super::ReservationResponse;
use crate::auth::Principal;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{post, web};
use kaimono_core::ShopId;
use uuid::Uuid;

/// The shop cannot supply it (RSV-02): the stock goes back and the member is emailed.
#[utoipa::path(
    tag = "reservations",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("reservation_id" = Uuid, Path, description = "The reservation")),
    responses((status = 200, body = ReservationResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/reservations/{reservation_id}/reject")]
pub async fn reject_reservation(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<ReservationResponse>, ApiError> {
    let (shop, id) = path.into_inner();
    let shop = ShopId(shop);
    principal.require_shop(&state, shop).await?;
    let txn = crate::database::begin_write(&state.db).await?;
    let updated = kaimono_reservations::reject_reservation(&txn, shop, id, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(ReservationResponse::with_payment(updated, &state.db).await?))
}
