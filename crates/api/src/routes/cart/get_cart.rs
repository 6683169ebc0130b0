use crate::auth::Member;
use crate::dto::cart::CartResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// The member's cart, priced now (CART-01).
#[utoipa::path(tag = "cart", responses((status = 200, body = CartResponse), Unauthorized, Forbidden, ServerError), security(("bearer" = [])))]
#[get("/me/cart")]
pub async fn get_cart(state: web::Data<AppState>, member: Member) -> Result<web::Json<CartResponse>, ApiError> {
    Ok(web::Json(
        kaimono_orders::view_cart(&state.db, member.0, kaimono_core::japan::japan_today(state.clock.now()))
            .await?
            .into(),
    ))
}
