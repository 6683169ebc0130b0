use crate::auth::ShopStaff;
use crate::dto::orders::{CarrierDto, OrderResponse};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipOrderRequest {
    /// The carrier (配送業者).
    pub carrier: CarrierDto,
    /// The carrier's tracking number (送り状番号), e.g. `1234-5678-9012`.
    #[validate(length(min = 4, max = 40), custom(function = crate::dto::validate_tracking_number))]
    #[schema(min_length = 4, max_length = 40)]
    pub tracking_number: String,
}

/// Ship a paid order (ORD-03): the card payment is captured, and the member is emailed the carrier and
/// tracking number. Requires an `Idempotency-Key` (the capture moves money).
#[utoipa::path(
    tag = "orders",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("order_id" = Uuid, Path, description = "The order"),
        ("Idempotency-Key" = String, Header, description = "A new unique value per shipment attempt")
    ),
    request_body = ShipOrderRequest,
    responses((status = 200, body = OrderResponse), BadRequest, Unauthorized, PaymentRequired, Forbidden, NotFound, Conflict, Unprocessable, ServiceUnavailable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/orders/{order_id}/ship")]
pub async fn ship_order(
    state: web::Data<AppState>,
    staff: ShopStaff,
    key: IdempotencyKey,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<ShipOrderRequest>,
) -> Result<HttpResponse, ApiError> {
    let (_, order) = path.into_inner();
    let shop = staff.shop;
    let body = body.0;
    let fingerprint = idempotency::fingerprint(&(order, &body))?;
    let account = staff.account_id;
    idempotency::once(&state.db, account, &key, &fingerprint, state.clock.now(), StatusCode::OK, || async {
        let tracking = body.tracking_number.trim().to_uppercase();
        let parcel = kaimono_orders::Parcel { carrier: body.carrier.into(), tracking_number: &tracking };
        let by = kaimono_orders::By::Staff(account);
        let shipped =
            kaimono_orders::ship_order(&state.db, &state.settlement, shop, order, parcel, by, state.clock.now())
                .await?;
        let response = {
            let payment =
                kaimono_payments::payment_view(&state.db, kaimono_payments::Subject::Order(shipped.id)).await?;
            OrderResponse::new(shipped, payment)
        };
        serde_json::to_string(&response).map_err(ApiError::internal)
    })
    .await
}
