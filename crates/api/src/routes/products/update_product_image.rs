use super::authorize_product;
use crate::auth::Principal;
use crate::dto::products::ProductImageResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{patch, web};
use kaimono_core::ProductId;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Deserialize, validator::Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProductImageRequest {
    /// What the picture shows, for screen readers; at most 200 characters, empty to clear.
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub alt: String,
}

/// Change a product picture's alt text (CAT-02). Staff of the owning shop only.
#[utoipa::path(
    tag = "products",
    params(
        ("product_id" = Uuid, Path, description = "The product"),
        ("image_id" = Uuid, Path, description = "The picture"),
    ),
    request_body = UpdateProductImageRequest,
    responses((status = 200, body = ProductImageResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[patch("/products/{product_id}/images/{image_id}")]
pub async fn update_product_image(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<UpdateProductImageRequest>,
) -> Result<web::Json<ProductImageResponse>, ApiError> {
    let (product, image) = path.into_inner();
    let product = ProductId(product);
    let shop = authorize_product(&state, &principal, product).await?;
    let image = kaimono_catalog::update_image_alt(&state.db, shop, product, image, body.0.alt).await?;
    Ok(web::Json(image.into()))
}
