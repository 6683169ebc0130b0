use crate::auth::Member;
use crate::dto::orders::OrderResponse;
use crate::dto::{Page, PageQuery};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};

/// The member's orders, newest first, with each item's status (ORD-04).
#[utoipa::path(
    tag = "orders",
    params(PageQuery),
    responses((status = 200, body = Page<OrderResponse>), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/me/orders")]
pub async fn list_my_orders(
    state: web::Data<AppState>,
    member: Member,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<Page<OrderResponse>>, ApiError> {
    let (after, limit) = page.0.parts()?;
    let orders = kaimono_orders::list_member_orders(&state.db, member.0, after.as_ref(), limit).await?;
    Ok(web::Json(Page::of(orders)))
}
