//! SUB-01, SUB-10: a shop's public subscription terms, the subscription checkout (review, then place
//! with an `Idempotency-Key`) and the member's subscriptions on My Page.

use crate::auth::Member;
use crate::dto::subscriptions::{
    CycleDto, PlacedSubscriptionResponse, SubscriptionCheckoutRequest, SubscriptionResponse,
    SubscriptionReviewResponse, SubscriptionTermsResponse,
};
use crate::dto::{Page, PageQuery, validate_time_slot, validate_yen};
use crate::error::{ApiError, responses::*};
use crate::extract::{ValidJson, ValidQuery};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, patch, post, web};
use kaimono_core::{AddressId, Money, ShopId};
use kaimono_subscriptions::{MemberChanges, Viewer};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_subscription_terms)
        .service(review_subscription)
        .service(place_subscription)
        .service(list_my_subscriptions)
        .service(get_my_subscription)
        .service(update_my_subscription)
        .service(consent_to_prices);
}

/// What a shop offers on subscription: cycles, payment methods, benefits, lead time. Public.
#[utoipa::path(
    tag = "subscriptions",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = SubscriptionTermsResponse), NotFound, ServerError),
    security(())
)]
#[get("/shops/{shop_id}/subscription-terms")]
pub async fn get_subscription_terms(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> Result<web::Json<SubscriptionTermsResponse>, ApiError> {
    let shop = ShopId(path.into_inner());
    Ok(web::Json(kaimono_subscriptions::subscription_settings(&state.db, shop).await?.into()))
}

/// The final confirmation of my subscription cart with these choices (SUB-01): each delivery's price and
/// total, the first and next delivery dates. Nothing is placed; every rule of placing is checked.
#[utoipa::path(
    tag = "subscriptions",
    request_body = SubscriptionCheckoutRequest,
    responses((status = 200, body = SubscriptionReviewResponse), BadRequest, Unauthorized, Forbidden, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/subscriptions/review")]
pub async fn review_subscription(
    state: web::Data<AppState>,
    member: Member,
    body: ValidJson<SubscriptionCheckoutRequest>,
) -> Result<web::Json<SubscriptionReviewResponse>, ApiError> {
    let new = body.0.parse()?;
    let review = kaimono_subscriptions::review_subscription(&state.db, member.0, &new, state.clock.now()).await?;
    Ok(web::Json(review.into()))
}

/// Place my subscription cart (SUB-01, PAY-09): the subscription, its first order (stock held, first
/// prices) and the thank-you email, in one transaction; the final confirmation is kept with a SHA-256.
/// Paying by card, the first order's payment link comes back to pay now. Requires an `Idempotency-Key`.
#[utoipa::path(
    tag = "subscriptions",
    params(("Idempotency-Key" = String, Header, description = "A new unique value (e.g. a UUID) per attempt")),
    request_body = SubscriptionCheckoutRequest,
    responses((status = 201, body = PlacedSubscriptionResponse), BadRequest, Unauthorized, Forbidden, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/subscriptions")]
pub async fn place_subscription(
    state: web::Data<AppState>,
    member: Member,
    key: IdempotencyKey,
    body: ValidJson<SubscriptionCheckoutRequest>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let fingerprint = idempotency::fingerprint(&body.0)?;
    let new = body.0.parse()?;
    let public_url = state.config.public_url.clone();
    idempotency::in_transaction(&state.db, member.0, &key, &fingerprint, now, StatusCode::CREATED, async |txn| {
        let placed = kaimono_subscriptions::place_subscription(txn, member.0, new, now).await?;
        let detail = placed.subscription;
        let response = PlacedSubscriptionResponse {
            subscription: SubscriptionResponse::detail(detail, false),
            order_id: placed.order_id,
            payment_url: placed.payment_token.map(|t| kaimono_payments::payment_link(&public_url, &t)),
        };
        serde_json::to_string(&response).map_err(ApiError::internal)
    })
    .await
}

/// My subscriptions, newest first (SUB-10).
#[utoipa::path(
    tag = "subscriptions",
    params(PageQuery),
    responses((status = 200, body = Page<SubscriptionResponse>), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/me/subscriptions")]
pub async fn list_my_subscriptions(
    state: web::Data<AppState>,
    member: Member,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<Page<SubscriptionResponse>>, ApiError> {
    let (after, limit) = page.0.parts()?;
    let found = kaimono_subscriptions::member_subscriptions(&state.db, member.0, after.as_ref(), limit).await?;
    Ok(web::Json(Page::of(found.map(|s| SubscriptionResponse::row(s, false)))))
}

/// One of my subscriptions with its delivery schedule and the confirmation I agreed to (SUB-10).
#[utoipa::path(
    tag = "subscriptions",
    params(("subscription_id" = Uuid, Path, description = "The subscription")),
    responses((status = 200, body = SubscriptionResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/subscriptions/{subscription_id}")]
pub async fn get_my_subscription(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<SubscriptionResponse>, ApiError> {
    let d = kaimono_subscriptions::subscription_detail(&state.db, Viewer::Member(member.0), path.into_inner()).await?;
    Ok(web::Json(SubscriptionResponse::detail(d, false)))
}

/// What a member may change on My Page (SUB-10); absent fields stay.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMySubscriptionRequest {
    /// A new cycle, one the shop offers (if the shop lets members change it). "Every N days" counts
    /// from today.
    #[validate(nested)]
    pub cycle: Option<CycleDto>,
    /// A new time slot of the subscription's carrier (if the shop lets members change the cycle).
    #[validate(custom(function = validate_time_slot))]
    pub delivery_time_slot: Option<String>,
    /// A new payment method the shop offers (if the shop lets members change it).
    pub payment_method: Option<crate::dto::subscriptions::PaymentMethodDto>,
    /// The saved card, when changing to card.
    pub card_id: Option<Uuid>,
    /// One of the shop's own methods, when changing to `custom`.
    pub custom_method_id: Option<Uuid>,
    /// One of my delivery addresses.
    pub address_id: Option<Uuid>,
}

/// Change my subscription within what the shop allows (SUB-10): cycle and time slot, payment method,
/// delivery address — from the next generation on. Skipping, ending, carriers and items are the shop's
/// (403 `change_not_allowed` for what the shop does not allow). The shop is emailed what changed.
#[utoipa::path(
    tag = "subscriptions",
    params(("subscription_id" = Uuid, Path, description = "The subscription")),
    request_body = UpdateMySubscriptionRequest,
    responses((status = 200, body = SubscriptionResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[patch("/me/subscriptions/{subscription_id}")]
pub async fn update_my_subscription(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<UpdateMySubscriptionRequest>,
) -> Result<web::Json<SubscriptionResponse>, ApiError> {
    let body = body.0;
    let changes = MemberChanges {
        cycle: body.cycle.map(|c| c.parse("cycle")).transpose()?,
        time_slot: body.delivery_time_slot.map(Some),
        payment_method: body
            .payment_method
            .map(|m| m.parse(body.custom_method_id).map(|m| (m, body.card_id)))
            .transpose()?,
        address_id: body.address_id.map(AddressId),
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let d =
        kaimono_subscriptions::change_my_subscription(&txn, member.0, path.into_inner(), changes, state.clock.now())
            .await?;
    txn.commit().await?;
    Ok(web::Json(SubscriptionResponse::detail(d, false)))
}

/// A raised price the member consents to, as their page showed it.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentedPriceDto {
    /// The subscription's item.
    pub item_id: Uuid,
    /// Its raised price (`proposed_price`), tax-inclusive yen.
    #[schema(value_type = String, example = "2180")]
    #[validate(custom(function = validate_yen))]
    pub price: Money,
}

/// The raised prices a member consents to: every one waiting, as shown.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceConsentRequest {
    /// Every item whose raised price waits, with that price as shown, 1–100.
    #[validate(length(min = 1, max = 100), nested)]
    pub items: Vec<ConsentedPriceDto>,
}

/// Consent to the raised prices the shop set (issue 12, item 10). A raise waits for this: until then
/// deliveries keep the price agreed at sign-up. The items must be exactly the ones waiting, at the prices
/// shown (409 if the shop changed them meanwhile or none wait). What was agreed to is stored, hashed, and
/// shown with the subscription; the shop is emailed.
#[utoipa::path(
    tag = "subscriptions",
    params(("subscription_id" = Uuid, Path, description = "The subscription")),
    request_body = PriceConsentRequest,
    responses((status = 200, body = SubscriptionResponse), BadRequest, Unauthorized, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/subscriptions/{subscription_id}/price-consent")]
pub async fn consent_to_prices(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<PriceConsentRequest>,
) -> Result<web::Json<SubscriptionResponse>, ApiError> {
    let seen: Vec<_> = body
        .0
        .items
        .into_iter()
        .map(|i| kaimono_subscriptions::ConsentedPrice { item_id: i.item_id, price: i.price })
        .collect();
    let txn = crate::database::begin_write(&state.db).await?;
    let d =
        kaimono_subscriptions::consent_to_prices(&txn, member.0, path.into_inner(), &seen, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(SubscriptionResponse::detail(d, false)))
}
