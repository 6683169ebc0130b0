use crate::auth::Member;
use crate::dto::orders::OrderResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// The member's orders, newest first, with each item's status (ORD-04).
#[utoipa::path(tag = "orders", responses((status = 200, body = Vec<OrderResponse>), Unauthorized, Forbidden, ServerError), security(("bearer" = [])))]
#[get("/me/orders")]
pub async fn list_my_orders(
    state: web::Data<AppState>,
    member: Member,
) -> Result<web::Json<Vec<OrderResponse>>, ApiError> {
    let orders = kaimono_orders::list_member_orders(&state.db, member.0).await?;
    Ok(web::Json(orders.into_iter().map(Into::into).collect()))
}
