//! Local shipping costs of exchanges and returns (PRX-07), recorded by staff and billed on the 2nd
//! invoice.

use crate::auth::ShopStaff;
use crate::dto::proxy::ProxyOrderResponse;
use crate::dto::{price, validate_not_blank, validate_price};
use crate::error::{ApiError, ErrorCode, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use kaimono_core::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(add_proxy_local_charge);
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalChargeRequest {
    /// What it was for, for the member (`交換品の返送料（ヤマト運輸）`), 1–100 characters.
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub description: String,
    /// What it cost, in yen, tax included; more than zero.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "850")]
    pub amount: Decimal,
}

/// Record a local shipping cost of an exchange or a return (PRX-07) while the items are in Japan: it is
/// billed on the 2nd invoice (a 2nd invoice waiting for payment gets a new version at once) and the
/// member is told on the order's thread. Only before the 2nd invoice is paid (409 otherwise).
#[utoipa::path(
    tag = "proxy",
    params(
        ("shop_id" = Uuid, Path, description = "The proxy-buying service"),
        ("order_id" = Uuid, Path, description = "The proxy order")
    ),
    request_body = LocalChargeRequest,
    responses((status = 201, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/local-charges")]
pub async fn add_proxy_local_charge(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<LocalChargeRequest>,
) -> Result<actix_web::HttpResponse, ApiError> {
    let amount = price(body.0.amount, "amount")?;
    if amount == Money::ZERO {
        return Err(ApiError::field(ErrorCode::ValidationFailed, "amount", "must be more than zero"));
    }
    let charge = kaimono_proxy::NewLocalCharge { description: body.0.description.trim().to_owned(), amount };
    let txn = crate::database::begin_write(&state.db).await?;
    let order =
        kaimono_proxy::add_local_charge(&txn, staff.shop, path.1, charge, staff.account_id, state.clock.now()).await?;
    txn.commit().await?;
    Ok(actix_web::HttpResponse::Created().json(ProxyOrderResponse::from(order)))
}
