//! Cancelling a paid item the seller cannot supply, refunded to the member's deposit or card (PAY-06,
//! PRX-06), and the member's choice between the two.

use crate::auth::{Member, ShopStaff};
use crate::dto::proxy::{ProxyOrderResponse, RefundToDto};
use crate::dto::validate_not_blank;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, put, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(refund_proxy_item).service(set_proxy_refund_to);
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefundItemRequest {
    /// Why the item cannot be supplied, for the member (`販売者の在庫切れ`), 1–200 characters.
    #[validate(length(min = 1, max = 200), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 200)]
    pub reason: String,
}

/// Cancel a paid item the seller cannot supply (paid, or bought and refunded by the seller): what the
/// member paid for it — goods, the seller's shipping and the fee on them — goes to their deposit at once,
/// the 1st invoice is rewritten for the items left (the paid version kept) and the member is mailed. The
/// last item cancels the order.
#[utoipa::path(
    tag = "proxy",
    params(
        ("shop_id" = Uuid, Path, description = "The proxy-buying service"),
        ("order_id" = Uuid, Path, description = "The proxy order"),
        ("item_id" = Uuid, Path, description = "The item")
    ),
    request_body = RefundItemRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/items/{item_id}/refund")]
pub async fn refund_proxy_item(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    body: ValidJson<RefundItemRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let (_, id, item) = path.into_inner();
    let reason = body.0.reason.trim().to_owned();
    let txn = crate::database::begin_write(&state.db).await?;
    let order =
        kaimono_proxy::cancel_paid_item(&txn, staff.shop, (id, item), reason, staff.account_id, state.clock.now())
            .await?;
    txn.commit().await?;
    Ok(web::Json(order.into()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefundToRequest {
    /// `deposit` or `card`.
    pub refund_to: RefundToDto,
}

/// Choose where refunds of this order's cancelled paid items go (PAY-06): the deposit (the default), or
/// the card that paid the 1st invoice on the hosted page — what the card did not pay still goes to the
/// deposit. Any time while the order is in progress (409 after).
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = RefundToRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/me/proxy-orders/{order_id}/refund-to")]
pub async fn set_proxy_refund_to(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<RefundToRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let txn = crate::database::begin_write(&state.db).await?;
    let order = kaimono_proxy::set_refund_to(&txn, member.0, *path, body.0.refund_to.into()).await?;
    txn.commit().await?;
    Ok(web::Json(order.into()))
}
