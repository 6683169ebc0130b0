use crate::auth::ShopStaff;
use crate::dto::products::{FulfilmentDto, ProductResponse, VariantRequest};
use crate::dto::{TaxCategoryDto, validate_not_blank};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use kaimono_catalog::NewProduct;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProductRequest {
    /// The product's name, 1–200 characters.
    #[validate(length(min = 1, max = 200), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// What it is, up to 5,000 characters.
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    #[serde(default)]
    pub description: String,
    /// A category shoppers filter by (トップス, 食品 …), 1–100 characters.
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub category: String,
    /// Its consumption-tax rate.
    pub tax_category: TaxCategoryDto,
    /// How it is sold: for delivery, for store pickup, both, and on subscription.
    #[validate(nested)]
    pub fulfilment: FulfilmentDto,
    /// At least one, at most 100 variants.
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(min_items = 1, max_items = 100)]
    pub variants: Vec<VariantRequest>,
}

/// Create a product with its variants in one of my shops (CAT-02, CAT-04). Staff of the shop only.
#[utoipa::path(
    tag = "products",
    params(("shop_id" = Uuid, Path, description = "The shop that sells it")),
    request_body = CreateProductRequest,
    responses((status = 201, body = ProductResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/products")]
pub async fn create_product(
    state: web::Data<AppState>,
    staff: ShopStaff,
    body: ValidJson<CreateProductRequest>,
) -> Result<HttpResponse, ApiError> {
    let shop_id = staff.shop;
    let body = body.0;
    let variants = body
        .variants
        .into_iter()
        .enumerate()
        .map(|(i, v)| v.into_new(&format!("variants.{i}.price")))
        .collect::<Result<Vec<_>, _>>()?;
    let new = NewProduct {
        name: body.name.trim().to_owned(),
        description: body.description,
        category: body.category.trim().to_owned(),
        tax_category: body.tax_category.into(),
        fulfilment: body.fulfilment.into(),
        variants,
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let product = kaimono_catalog::create_product(&txn, shop_id, new, state.clock.now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ProductResponse::from(product)))
}
