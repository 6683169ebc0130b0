use super::authorize_product;
use crate::auth::Principal;
use crate::dto::products::ProductImageResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};
use kaimono_core::ProductId;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Deserialize, validator::Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReorderProductImagesRequest {
    /// Every picture of the product, each once, in the order to show them; the first is the cover.
    #[validate(length(max = 12))]
    #[schema(max_items = 12)]
    pub image_ids: Vec<Uuid>,
}

/// Put a product's pictures in a new order (CAT-02). Staff of the owning shop only.
#[utoipa::path(
    tag = "products",
    params(("product_id" = Uuid, Path, description = "The product")),
    request_body = ReorderProductImagesRequest,
    responses((status = 200, body = Vec<ProductImageResponse>), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/products/{product_id}/images/order")]
pub async fn reorder_product_images(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<Uuid>,
    body: ValidJson<ReorderProductImagesRequest>,
) -> Result<web::Json<Vec<ProductImageResponse>>, ApiError> {
    let product = ProductId(path.into_inner());
    let shop = authorize_product(&state, &principal, product).await?;
    let txn = crate::database::begin_write(&state.db).await?;
    let images = kaimono_catalog::reorder_images(&txn, shop, product, &body.0.image_ids).await?;
    txn.commit().await?;
    Ok(web::Json(images.into_iter().map(Into::into).collect()))
}
