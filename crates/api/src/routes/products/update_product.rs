use super::authorize_product;
use crate::auth::Principal;
use crate::dto::products::{FulfilmentDto, ProductResponse};
use crate::dto::{TaxCategoryDto, validate_not_blank};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{patch, web};
use kaimono_catalog::{Fulfilment, ProductChanges};
use kaimono_core::ProductId;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Fields to change; absent fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProductRequest {
    /// A new name, 1–200 characters.
    #[validate(length(min = 1, max = 200), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    /// A new description, up to 5,000 characters.
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub description: Option<String>,
    /// A new category, 1–100 characters.
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub category: Option<String>,
    /// A new consumption-tax rate.
    pub tax_category: Option<TaxCategoryDto>,
    /// How it is sold from now on.
    #[validate(nested)]
    pub fulfilment: Option<FulfilmentDto>,
    /// `true` puts an archived product back on sale.
    pub active: Option<bool>,
}

/// Change a product (CAT-02, CAT-04). Staff of the owning shop only.
#[utoipa::path(
    tag = "products",
    params(("product_id" = Uuid, Path, description = "The product")),
    request_body = UpdateProductRequest,
    responses((status = 200, body = ProductResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[patch("/products/{product_id}")]
pub async fn update_product(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<Uuid>,
    body: ValidJson<UpdateProductRequest>,
) -> Result<web::Json<ProductResponse>, ApiError> {
    let id = ProductId(path.into_inner());
    authorize_product(&state, &principal, id).await?;
    let body = body.0;
    let changes = ProductChanges {
        name: body.name.map(|n| n.trim().to_owned()),
        description: body.description,
        category: body.category.map(|c| c.trim().to_owned()),
        tax_category: body.tax_category.map(Into::into),
        reservable: body.fulfilment.as_ref().map(|f| f.reservable),
        deliverable: body.fulfilment.as_ref().map(|f| f.deliverable),
        reservation_payment: body.fulfilment.as_ref().map(|f| f.reservation_payment.into()),
        subscription: body.fulfilment.map(|f| Fulfilment::from(f).subscription),
        active: body.active,
    };
    Ok(web::Json(kaimono_catalog::update_product(&state.db, id, changes, state.clock.now()).await?.into()))
}
