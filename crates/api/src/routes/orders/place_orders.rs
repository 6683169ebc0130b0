use crate::auth::Member;
use crate::dto::orders::{CarrierDto, OrderResponse};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use kaimono_orders::Checkout;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceOrdersRequest {
    /// One of the member's delivery addresses.
    pub address_id: Uuid,
    /// Wished delivery date (お届け希望日), optional: inside the cart's `delivery_window` (each shop's
    /// preparation business days to its window of days ahead).
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub delivery_date: Option<NaiveDate>,
    /// Wished time slot (時間帯指定), optional: `morning`, `12-14`, `14-16`, `16-18`, `18-20`, `19-21`.
    #[validate(custom(function = crate::dto::validate_time_slot))]
    pub delivery_time_slot: Option<String>,
    /// The carrier per shop (the cart's `shipping[].options`); a shop not listed ships with its first.
    #[serde(default)]
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub carriers: Vec<CarrierChoice>,
}

/// The carrier one shop of the cart ships with.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CarrierChoice {
    /// The shop.
    pub shop_id: Uuid,
    /// One of its carriers.
    pub carrier: CarrierDto,
}

/// The orders placed from the cart: one per shop.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlacedOrdersResponse {
    /// One order per shop of the cart.
    pub orders: Vec<OrderResponse>,
}

/// Place the cart as delivery orders, unpaid, with their stock held (CART-02, PAY-09).
///
/// One order per shop. Payment is not settled now: each shop checks its stock and then mails a payment
/// link. Requires an `Idempotency-Key` header: a retry with the same key and body returns the first
/// response (`Idempotent-Replayed: true`) and places nothing twice; the same key with another body is 422.
#[utoipa::path(
    tag = "orders",
    params(("Idempotency-Key" = String, Header, description = "A new unique value (e.g. a UUID) per order attempt")),
    request_body = PlaceOrdersRequest,
    responses((status = 201, body = PlacedOrdersResponse), BadRequest, Unauthorized, Forbidden, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/orders")]
pub async fn place_orders(
    state: web::Data<AppState>,
    member: Member,
    key: IdempotencyKey,
    body: ValidJson<PlaceOrdersRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let now = state.clock.now();
    let fingerprint = idempotency::fingerprint(&body)?;
    let checkout = Checkout {
        address_id: body.address_id,
        delivery_date: body.delivery_date,
        delivery_time_slot: body.delivery_time_slot,
        carriers: body.carriers.iter().map(|c| (kaimono_core::ShopId(c.shop_id), c.carrier.into())).collect(),
    };
    idempotency::in_transaction(&state.db, member.0, &key, &fingerprint, now, StatusCode::CREATED, async |txn| {
        let orders = kaimono_orders::place_orders(txn, member.0, checkout, now).await?;
        let response = PlacedOrdersResponse { orders: orders.into_iter().map(Into::into).collect() };
        serde_json::to_string(&response).map_err(ApiError::internal)
    })
    .await
}
