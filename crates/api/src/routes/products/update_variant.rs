use super::authorize_product;
use crate::auth::Principal;
use crate::dto::products::VariantResponse;
use crate::dto::{price, validate_not_blank, validate_price};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{patch, web};
use kaimono_catalog::VariantChanges;
use kaimono_core::{ProductId, VariantId};
use rust_decimal::Decimal;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Fields to change; absent fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateVariantRequest {
    /// A new SKU, unique in the mall.
    #[validate(length(min = 1, max = 64), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 64)]
    pub sku: Option<String>,
    /// A new color.
    #[validate(length(min = 1, max = 50), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 50)]
    pub color: Option<String>,
    /// A new size.
    #[validate(length(min = 1, max = 50), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 50)]
    pub size: Option<String>,
    /// Tax-inclusive price in whole yen, as a decimal string.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = Option<String>, example = "1980")]
    pub price: Option<Decimal>,
    /// `false` takes the variant off sale.
    pub active: Option<bool>,
}

/// Change a variant (CAT-02). Staff of the owning shop only.
#[utoipa::path(
    tag = "products",
    params(("product_id" = Uuid, Path, description = "The product"), ("variant_id" = Uuid, Path, description = "The variant")),
    request_body = UpdateVariantRequest,
    responses((status = 200, body = VariantResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[patch("/products/{product_id}/variants/{variant_id}")]
pub async fn update_variant(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<UpdateVariantRequest>,
) -> Result<web::Json<VariantResponse>, ApiError> {
    let (product_id, variant_id) = path.into_inner();
    let product_id = ProductId(product_id);
    authorize_product(&state, &principal, product_id).await?;
    let body = body.0;
    let changes = VariantChanges {
        sku: body.sku.map(|s| s.trim().to_owned()),
        color: body.color.map(|s| s.trim().to_owned()),
        size: body.size.map(|s| s.trim().to_owned()),
        price: body.price.map(|p| price(p, "price")).transpose()?,
        active: body.active,
    };
    let variant = kaimono_catalog::update_variant(&state.db, product_id, VariantId(variant_id), changes).await?;
    let stock = kaimono_catalog::get_product(&state.db, product_id, true)
        .await?
        .stock
        .into_iter()
        .filter(|s| s.variant_id == variant.id)
        .map(Into::into)
        .collect();
    Ok(web::Json(VariantResponse::new(variant, stock)))
}
