use crate::auth::ShopStaff;
use crate::dto::orders::{OrderResponse, OrderStatusDto};
use crate::dto::{Page, PageQuery};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ShopOrdersQuery {
    /// Only orders in this status (e.g. `awaiting_stock_check`: the stock-check queue).
    pub status: Option<OrderStatusDto>,
    /// Part of the order number or of the recipient's name (kanji or kana).
    #[validate(length(max = 100))]
    #[param(max_length = 100)]
    pub q: Option<String>,
    /// `newest` first (the default) or `oldest` first.
    #[param(inline)]
    pub sort: Option<SortDto>,
}

/// Which end of the list comes first.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortDto {
    /// The most recent order first.
    Newest,
    /// The order waiting longest first.
    Oldest,
}

/// A shop's delivery orders, newest (or oldest) first; staff of the shop only (SHOP-01, SHOP-02).
#[utoipa::path(
    tag = "orders",
    params(("shop_id" = Uuid, Path, description = "The shop"), ShopOrdersQuery, PageQuery),
    responses((status = 200, body = Page<OrderResponse>), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/orders")]
pub async fn list_shop_orders(
    state: web::Data<AppState>,
    staff: ShopStaff,
    query: ValidQuery<ShopOrdersQuery>,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<Page<OrderResponse>>, ApiError> {
    let shop = staff.shop;
    let sort = match query.0.sort {
        Some(SortDto::Oldest) => kaimono_core::SortOrder::OldestFirst,
        Some(SortDto::Newest) | None => kaimono_core::SortOrder::NewestFirst,
    };
    let filter = kaimono_orders::ShopOrderFilter { status: query.0.status.map(Into::into), search: query.0.q, sort };
    let (after, limit) = page.0.parts()?;
    let orders = kaimono_orders::list_shop_orders(&state.db, shop, &filter, after.as_ref(), limit).await?;
    Ok(web::Json(Page::of(orders)))
}
