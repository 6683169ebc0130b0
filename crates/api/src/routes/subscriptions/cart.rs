//! CART-01: the subscription cart (定期購入カゴ), separate from the delivery cart.

use crate::auth::Member;
use crate::dto::subscriptions::SubscriptionCartResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, delete, get, post, put, web};
use kaimono_core::VariantId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_subscription_cart)
        .service(add_subscription_cart_item)
        .service(set_subscription_cart_item)
        .service(remove_subscription_cart_item);
}

/// My subscription cart: one shop's subscription items with their first and later prices.
#[utoipa::path(
    tag = "subscriptions",
    responses((status = 200, body = SubscriptionCartResponse), Unauthorized, Forbidden, ServerError),
    security(("bearer" = []))
)]
#[get("/me/subscription-cart")]
pub async fn get_subscription_cart(
    state: web::Data<AppState>,
    member: Member,
) -> Result<web::Json<SubscriptionCartResponse>, ApiError> {
    Ok(web::Json(kaimono_subscriptions::subscription_cart(&state.db, member.0).await?.into()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddSubscriptionCartItemRequest {
    /// A variant of a subscription-enabled product.
    pub variant_id: Uuid,
    /// Units per delivery to add, 1–99.
    #[validate(range(min = 1, max = 99))]
    #[schema(minimum = 1, maximum = 99)]
    pub quantity: i32,
}

/// Put a subscription-enabled item in my subscription cart ("定期購入カゴに入れる"). A subscription is with
/// one shop: another shop's item is refused (409) while the cart holds items.
#[utoipa::path(
    tag = "subscriptions",
    request_body = AddSubscriptionCartItemRequest,
    responses((status = 201, body = SubscriptionCartResponse), BadRequest, Unauthorized, Forbidden, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/subscription-cart/items")]
pub async fn add_subscription_cart_item(
    state: web::Data<AppState>,
    member: Member,
    body: ValidJson<AddSubscriptionCartItemRequest>,
) -> Result<HttpResponse, ApiError> {
    let (variant, quantity) = (VariantId(body.0.variant_id), body.0.quantity);
    let txn = crate::database::begin_write(&state.db).await?;
    let cart =
        kaimono_subscriptions::add_to_subscription_cart(&txn, member.0, variant, quantity, state.clock.now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(SubscriptionCartResponse::from(cart)))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetSubscriptionCartItemRequest {
    /// Units per delivery, 0–99 (0 removes the line).
    #[validate(range(min = 0, max = 99))]
    #[schema(minimum = 0, maximum = 99)]
    pub quantity: i32,
}

/// Change a line's quantity in my subscription cart.
#[utoipa::path(
    tag = "subscriptions",
    params(("variant_id" = Uuid, Path, description = "The line's variant")),
    request_body = SetSubscriptionCartItemRequest,
    responses((status = 200, body = SubscriptionCartResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/me/subscription-cart/items/{variant_id}")]
pub async fn set_subscription_cart_item(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<SetSubscriptionCartItemRequest>,
) -> Result<web::Json<SubscriptionCartResponse>, ApiError> {
    let variant = VariantId(path.into_inner());
    let cart =
        kaimono_subscriptions::set_subscription_cart_quantity(&state.db, member.0, variant, body.0.quantity).await?;
    Ok(web::Json(cart.into()))
}

/// Remove a line from my subscription cart.
#[utoipa::path(
    tag = "subscriptions",
    params(("variant_id" = Uuid, Path, description = "The line's variant")),
    responses((status = 200, body = SubscriptionCartResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[delete("/me/subscription-cart/items/{variant_id}")]
pub async fn remove_subscription_cart_item(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<SubscriptionCartResponse>, ApiError> {
    let variant = VariantId(path.into_inner());
    Ok(web::Json(kaimono_subscriptions::set_subscription_cart_quantity(&state.db, member.0, variant, 0).await?.into()))
}
