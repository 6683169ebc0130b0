use crate::dto::products::ProductPage;
use crate::error::ErrorCode;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_catalog::ProductFilter;
use kaimono_core::{Cursor, ShopId};
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
    pub keyword: Option<String>,
    /// Only this category.
    #[validate(length(max = 100))]
    pub category: Option<String>,
    /// Only products with stock somewhere.
    #[serde(default)]
    pub in_stock: bool,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 100))]
    pub cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    #[validate(range(min = 1, max = 100))]
    pub limit: Option<u64>,
}

pub(crate) fn decode_cursor(cursor: Option<&str>) -> Result<Option<Uuid>, ApiError> {
    cursor
        .map(|c| {
            Cursor::decode(c).map(|c| c.0).map_err(|_| {
                ApiError::field(ErrorCode::ValidationFailed, "cursor", "is not a cursor this server issued")
            })
        })
        .transpose()
}

/// Browse and search products on sale (CAT-06). Newest first, cursor-paginated.
#[utoipa::path(
    tag = "products",
    params(ListProductsQuery),
    responses((status = 200, body = ProductPage), Unprocessable, ServerError),
    security(())
)]
#[get("/products")]
pub async fn list_products(
    state: web::Data<AppState>,
    query: ValidQuery<ListProductsQuery>,
) -> Result<web::Json<ProductPage>, ApiError> {
    let q = query.0;
    let filter = ProductFilter {
        shop_id: q.shop_id.map(ShopId),
        keyword: q.keyword,
        category: q.category.filter(|c| !c.is_empty()),
        in_stock: q.in_stock,
        include_archived: false,
    };
    let after = decode_cursor(q.cursor.as_deref())?;
    let page = kaimono_catalog::list_products(&state.db, &filter, after, q.limit.unwrap_or(20)).await?;
    Ok(web::Json(page.into()))
}
