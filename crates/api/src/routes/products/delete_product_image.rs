use super::authorize_product;
use crate::auth::Principal;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{HttpResponse, delete, web};
use kaimono_core::ProductId;
use uuid::Uuid;

/// Remove a product picture and its files (CAT-02). Staff of the owning shop only.
#[utoipa::path(
    tag = "products",
    params(
        ("product_id" = Uuid, Path, description = "The product"),
        ("image_id" = Uuid, Path, description = "The picture"),
    ),
    responses((status = 204, description = "Removed."), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[delete("/products/{product_id}/images/{image_id}")]
pub async fn delete_product_image(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (product, image) = path.into_inner();
    let product = ProductId(product);
    let shop = authorize_product(&state, &principal, product).await?;
    kaimono_catalog::delete_image(&state.db, &state.storage, shop, product, image).await?;
    Ok(HttpResponse::NoContent().finish())
}
