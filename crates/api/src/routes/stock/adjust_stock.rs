use crate::auth::ShopStaff;
use crate::dto::stock::StockResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use kaimono_core::{ShopId, VariantId};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::{Validate, ValidationError};

fn not_zero(delta: i32) -> Result<(), ValidationError> {
    if delta == 0 { Err(ValidationError::new("zero").with_message("must not be 0".into())) } else { Ok(()) }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdjustStockRequest {
    /// Units to add (positive: arrival) or take away (negative: sale, damage), ±1,000,000, not 0.
    #[validate(range(min = -1_000_000, max = 1_000_000), custom(function = not_zero))]
    #[schema(maximum = 1)]
    pub delta: i32,
}

/// Add to or take from the stock of a variant at my shop (CAT-03).
///
/// Atomic: concurrent adjustments never take stock below zero; one that would is refused with 409.
#[utoipa::path(
    tag = "stock",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("variant_id" = Uuid, Path, description = "A variant of the shop's product")),
    request_body = AdjustStockRequest,
    responses((status = 200, body = StockResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/stock/{variant_id}/adjustments")]
pub async fn adjust_stock(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<AdjustStockRequest>,
) -> Result<web::Json<StockResponse>, ApiError> {
    let (_, variant_id) = path.into_inner();
    let shop_id = staff.shop.0;
    let quantity = kaimono_catalog::adjust_stock(
        &state.db,
        ShopId(shop_id),
        VariantId(variant_id),
        body.0.delta,
        state.clock.now(),
    )
    .await?;
    Ok(web::Json(StockResponse { shop_id, variant_id, quantity }))
}
