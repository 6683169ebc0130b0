use crate::dto::products::ProductSummaryResponse;
use crate::dto::{Page, PageQuery};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, mime, web};
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
    request: HttpRequest,
    query: ValidQuery<ListProductsQuery>,
    page: ValidQuery<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.0;
    let filter = ProductFilter {
        shop_id: q.shop_id.map(ShopId),
        keyword: q.keyword,
        category: q.category.filter(|c| !c.is_empty()),
        in_stock: q.in_stock,
        include_archived: false,
    };
    let (after, limit) = page.0.parts()?;
    let body = state
        .catalog_cache
        .get_or_compute(&request.uri().to_string(), state.clock.now(), || async {
            let page = kaimono_catalog::list_products(&state.db, &filter, after.as_ref(), limit).await?;
            let page: Page<ProductSummaryResponse> = Page::of(page);
            serde_json::to_vec(&page).map(Into::into).map_err(ApiError::internal)
        })
        .await?;
    Ok(HttpResponse::Ok().content_type(mime::APPLICATION_JSON).body(body))
}
