use crate::dto::products::ProductSummaryResponse;
use crate::dto::{Page, PageQuery};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_catalog::ProductFilter;
use kaimono_core::ShopId;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListProductsQuery {
    /// Only this shop's products.
    pub shop_id: Option<Uuid>,
    /// Words in the name, description or category.
    #[validate(length(max = 100))]
    #[param(max_length = 100)]
    pub keyword: Option<String>,
    /// Only this category.
    #[validate(length(max = 100))]
    #[param(max_length = 100)]
    pub category: Option<String>,
    /// Only products with stock somewhere.
    #[serde(default)]
    pub in_stock: bool,
}

/// Browse and search products on sale (CAT-06). Newest first, cursor-paginated.
#[utoipa::path(
    tag = "products",
    params(ListProductsQuery, PageQuery),
    responses((status = 200, body = Page<ProductSummaryResponse>), Unprocessable, ServerError),
    security(())
)]
#[get("/products")]
pub async fn list_products(
    state: web::Data<AppState>,
    query: ValidQuery<ListProductsQuery>,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<Page<ProductSummaryResponse>>, ApiError> {
    let q = query.0;
    let filter = ProductFilter {
        shop_id: q.shop_id.map(ShopId),
        keyword: q.keyword,
        category: q.category.filter(|c| !c.is_empty()),
        in_stock: q.in_stock,
        include_archived: false,
    };
    let (after, limit) = page.0.parts()?;
    let page = kaimono_catalog::list_products(&state.db, &filter, after.as_ref(), limit).await?;
    Ok(web::Json(Page::of(page)))
}
