use crate::auth::ShopStaff;
use crate::dto::products::ProductSummaryResponse;
use crate::dto::{Page, PageQuery};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_catalog::ProductFilter;
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListShopProductsQuery {
    /// Words in the name, description or category.
    #[validate(length(max = 100))]
    #[param(max_length = 100)]
    pub keyword: Option<String>,
}

/// A shop's products for its staff, archived ones included (shop console).
#[utoipa::path(
    tag = "products",
    params(("shop_id" = Uuid, Path, description = "The shop"), ListShopProductsQuery, PageQuery),
    responses((status = 200, body = Page<ProductSummaryResponse>), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/products")]
pub async fn list_shop_products(
    state: web::Data<AppState>,
    staff: ShopStaff,
    query: ValidQuery<ListShopProductsQuery>,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<Page<ProductSummaryResponse>>, ApiError> {
    let shop_id = staff.shop;
    let q = query.0;
    let filter =
        ProductFilter { shop_id: Some(shop_id), keyword: q.keyword, include_archived: true, ..Default::default() };
    let (after, limit) = page.0.parts()?;
    let page = kaimono_catalog::list_products(&state.db, &filter, after.as_ref(), limit).await?;
    Ok(web::Json(Page::of(page)))
}
