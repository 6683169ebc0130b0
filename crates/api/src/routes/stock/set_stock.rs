use crate::auth::ShopStaff;
use crate::dto::stock::StockResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};
use kaimono_core::{ShopId, VariantId};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetStockRequest {
    /// Units on hand, 0 to 1,000,000.
    #[validate(range(min = 0, max = 1_000_000))]
    #[schema(minimum = 0, maximum = 1)]
    pub quantity: i32,
}

/// Set the stock of a variant at my shop (CAT-03), e.g. after a stocktake.
#[utoipa::path(
    tag = "stock",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("variant_id" = Uuid, Path, description = "A variant of the shop's product")),
    request_body = SetStockRequest,
    responses((status = 200, body = StockResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/shops/{shop_id}/stock/{variant_id}")]
pub async fn set_stock(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<SetStockRequest>,
) -> Result<web::Json<StockResponse>, ApiError> {
    let (_, variant_id) = path.into_inner();
    let shop_id = staff.shop.0;
    let quantity = kaimono_catalog::set_stock(
        &state.db,
        ShopId(shop_id),
        VariantId(variant_id),
        body.0.quantity,
        state.clock.now(),
    )
    .await?;
    Ok(web::Json(StockResponse { shop_id, variant_id, quantity }))
}
