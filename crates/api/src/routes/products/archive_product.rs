use super::authorize_product;
use crate::auth::Principal;
use crate::dto::products::ProductResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{post, web};
use kaimono_core::ProductId;
use uuid::Uuid;

/// Take a product off sale (CAT-02). It disappears from the storefront; staff can restore it.
#[utoipa::path(
    tag = "products",
    params(("product_id" = Uuid, Path, description = "The product")),
    responses((status = 200, body = ProductResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[post("/products/{product_id}/archive")]
pub async fn archive_product(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<Uuid>,
) -> Result<web::Json<ProductResponse>, ApiError> {
    let id = ProductId(path.into_inner());
    authorize_product(&state, &principal, id).await?;
    Ok(web::Json(kaimono_catalog::archive_product(&state.db, id, state.clock.now()).await?.into()))
}
