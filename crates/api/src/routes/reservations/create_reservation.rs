use crate::auth::Member;
use crate::dto::reservations::ReservationResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use kaimono_core::VariantId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateReservationRequest {
    /// The variant (color and size) to reserve.
    pub variant_id: Uuid,
    /// Units to reserve, 1–99.
    #[validate(range(min = 1, max = 99))]
    #[schema(minimum = 1, maximum = 99)]
    pub quantity: i32,
    /// The planned visit date (来店予定日): a business day of the shop inside its window
    /// (`reservation_min_days` to `reservation_max_days` days ahead); never before 1990 or after 2099.
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub visit_date: NaiveDate,
}

/// Reserve an item for pickup at its shop (RSV-01).
///
/// The stock is taken now and the shop checks it; the member is emailed when it is confirmed with a
/// pickup number. Requires an `Idempotency-Key`: a retry with the same key returns the first response.
#[utoipa::path(
    tag = "reservations",
    params(("Idempotency-Key" = String, Header, description = "A new unique value per reservation attempt")),
    request_body = CreateReservationRequest,
    responses((status = 201, body = ReservationResponse), BadRequest, Unauthorized, Forbidden, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/reservations")]
pub async fn create_reservation(
    state: web::Data<AppState>,
    member: Member,
    key: IdempotencyKey,
    body: ValidJson<CreateReservationRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let now = state.clock.now();
    let fingerprint = idempotency::fingerprint(&body)?;
    let new = kaimono_reservations::NewReservation {
        variant_id: VariantId(body.variant_id),
        quantity: body.quantity,
        visit_date: body.visit_date,
    };
    idempotency::in_transaction(&state.db, member.0, &key, &fingerprint, now, StatusCode::CREATED, async |txn| {
        let created = kaimono_reservations::request_reservation(txn, member.0, new, now).await?;
        serde_json::to_string(&ReservationResponse::from(created)).map_err(ApiError::internal)
    })
    .await
}
