use crate::auth::Member;
use crate::dto::cart::CartResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use kaimono_core::VariantId;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddCartItemRequest {
    /// The variant to add; it must be on sale for delivery.
    pub variant_id: Uuid,
    /// 1–99; added to what is already in the cart.
    #[validate(range(min = 1, max = 99))]
    #[schema(minimum = 1, maximum = 99)]
    pub quantity: i32,
}

/// Put a variant in the cart (CART-01).
#[utoipa::path(
    tag = "cart",
    request_body = AddCartItemRequest,
    responses((status = 201, body = CartResponse), BadRequest, Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/cart/items")]
pub async fn add_cart_item(
    state: web::Data<AppState>,
    member: Member,
    body: ValidJson<AddCartItemRequest>,
) -> Result<HttpResponse, ApiError> {
    let cart = kaimono_orders::add_to_cart(
        &state.db,
        member.0,
        VariantId(body.0.variant_id),
        body.0.quantity,
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::Created().json(CartResponse::from(cart)))
}
