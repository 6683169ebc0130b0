use super::list_products::decode_cursor;
use crate::auth::ShopStaff;
use crate::dto::products::ProductPage;
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
    pub keyword: Option<String>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 100))]
    pub cursor: Option<String>,
    /// Page size, 1–100 (default 50).
    #[validate(range(min = 1, max = 100))]
    pub limit: Option<u64>,
}

/// A shop's products for its staff, archived ones included (shop console).
#[utoipa::path(
    tag = "products",
    params(("shop_id" = Uuid, Path, description = "The shop"), ListShopProductsQuery),
    responses((status = 200, body = ProductPage), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/products")]
pub async fn list_shop_products(
    state: web::Data<AppState>,
    staff: ShopStaff,
    query: ValidQuery<ListShopProductsQuery>,
) -> Result<web::Json<ProductPage>, ApiError> {
    let shop_id = staff.shop;
    let q = query.0;
    let filter =
        ProductFilter { shop_id: Some(shop_id), keyword: q.keyword, include_archived: true, ..Default::default() };
    let after = decode_cursor(q.cursor.as_deref())?;
    let page = kaimono_catalog::list_products(&state.db, &filter, after, q.limit.unwrap_or(50)).await?;
    Ok(web::Json(page.into()))
}
