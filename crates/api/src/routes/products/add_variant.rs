use super::authorize_product;
use crate::auth::Principal;
use crate::dto::products::{VariantRequest, VariantResponse};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use kaimono_core::ProductId;
use uuid::Uuid;

/// Add a variant (color × size) to a product (CAT-02). Staff of the owning shop only.
#[utoipa::path(
    tag = "products",
    params(("product_id" = Uuid, Path, description = "The product")),
    request_body = VariantRequest,
    responses((status = 201, body = VariantResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/products/{product_id}/variants")]
pub async fn add_variant(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<Uuid>,
    body: ValidJson<VariantRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = ProductId(path.into_inner());
    authorize_product(&state, &principal, id).await?;
    let variant = kaimono_catalog::add_variant(&state.db, id, body.0.into_new("price")?, state.clock.now()).await?;
    Ok(HttpResponse::Created().json(VariantResponse::new(variant, Vec::new())))
}
