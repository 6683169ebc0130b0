use crate::auth::Member;
use crate::dto::cart::CartResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};
use kaimono_core::VariantId;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetCartItemRequest {
    /// 1–99.
    #[validate(range(min = 1, max = 99))]
    #[schema(minimum = 1, maximum = 99)]
    pub quantity: i32,
}

/// Change the quantity of a cart line (CART-01).
#[utoipa::path(
    tag = "cart",
    params(("variant_id" = Uuid, Path, description = "The variant in the cart")),
    request_body = SetCartItemRequest,
    responses((status = 200, body = CartResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/me/cart/items/{variant_id}")]
pub async fn set_cart_item(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<SetCartItemRequest>,
) -> Result<web::Json<CartResponse>, ApiError> {
    let cart = kaimono_orders::set_cart_quantity(
        &state.db,
        member.0,
        VariantId(path.into_inner()),
        body.0.quantity,
        state.clock.now(),
    )
    .await?;
    Ok(web::Json(cart.into()))
}
