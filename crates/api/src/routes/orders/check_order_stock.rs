use crate::auth::ShopStaff;
use crate::dto::orders::OrderResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StockCheckRequest {
    /// Lines the shop cannot supply; every other line is secured. Empty: all secured.
    #[validate(length(max = 100))]
    #[schema(max_items = 100)]
    #[serde(default)]
    pub rejected_line_ids: Vec<Uuid>,
}

/// The shop's stock check of an order (ORD-01): secure its lines, or reject the ones out of stock.
///
/// Rejected lines are cancelled with their stock given back and the amounts recomputed, and the member is
/// emailed; with every line rejected the order is cancelled. Otherwise it awaits payment: a payment
/// request is issued and its single-use link mailed to the member (ORD-02, PAY-04).
#[utoipa::path(
    tag = "orders",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("order_id" = Uuid, Path, description = "The order")),
    request_body = StockCheckRequest,
    responses((status = 200, body = OrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/orders/{order_id}/stock-check")]
pub async fn check_order_stock(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<StockCheckRequest>,
) -> Result<web::Json<OrderResponse>, ApiError> {
    let (_, order) = path.into_inner();
    let shop = staff.shop;
    let txn = crate::database::begin_write(&state.db).await?;
    let (rejected, url) = (&body.0.rejected_line_ids, state.config.public_url.as_str());
    let checked = kaimono_orders::check_stock(
        &txn,
        shop,
        order,
        rejected,
        url,
        kaimono_orders::By::Staff(staff.account_id),
        state.clock.now(),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(checked.into()))
}
