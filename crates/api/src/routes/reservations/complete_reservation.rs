use super::ReservationResponse;
use crate::auth::Principal;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use kaimono_core::ShopId;
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
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<CompleteReservationRequest>,
) -> Result<web::Json<ReservationResponse>, ApiError> {
    let (shop, id) = path.into_inner();
    let shop = ShopId(shop);
    principal.require_shop(&state, shop).await?;
    let txn = crate::database::begin_write(&state.db).await?;
    let now = state.clock.now();
    let done = kaimono_reservations::complete_reservation(&txn, shop, id, body.0.paid_in_store, now).await?;
    txn.commit().await?;
    Ok(web::Json(ReservationResponse::with_payment(done, &state.db).await?))
}
