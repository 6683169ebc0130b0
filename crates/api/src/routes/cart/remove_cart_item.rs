use crate::auth::Member;
use crate::dto::cart::CartResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{delete, web};
use kaimono_core::VariantId;
use uuid::Uuid;

/// Take a line out of the cart (CART-01).
#[utoipa::path(
    tag = "cart",
    params(("variant_id" = Uuid, Path, description = "The variant in the cart")),
    responses((status = 200, body = CartResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[delete("/me/cart/items/{variant_id}")]
pub async fn remove_cart_item(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<CartResponse>, ApiError> {
    Ok(web::Json(
        kaimono_orders::remove_from_cart(&state.db, member.0, VariantId(path.into_inner()), state.clock.now())
            .await?
            .into(),
    ))
}
