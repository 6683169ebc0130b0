//! SUB-05 to SUB-09: the shop's subscription settings, its list of subscriptions, a subscription's detail
//! and the shop's changes — edit, skip the next delivery (and undo), end.

use crate::auth::{ShopOwner, ShopStaff};
use crate::dto::orders::CarrierDto;
use crate::dto::subscriptions::{
    CycleDto, GenerationDayResponse, PaymentMethodDto, SubscriptionResponse, SubscriptionSettingsDto,
    SubscriptionStatusDto, validate_memo,
};
use crate::dto::{Page, PageQuery, validate_time_slot, validate_yen};
use crate::error::{ApiError, responses::*};
use crate::extract::{ValidJson, ValidQuery};
use crate::state::AppState;
use actix_web::{delete, get, patch, post, put, web};
use chrono::NaiveDate;
use kaimono_core::{Money, VariantId};
use kaimono_subscriptions::{ItemChange, SubscriptionChanges, SubscriptionFilter, Viewer};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_subscription_settings)
        .service(update_subscription_settings)
        .service(list_shop_subscriptions)
        .service(get_shop_subscription)
        .service(update_shop_subscription)
        .service(skip_subscription_delivery)
        .service(unskip_subscription_delivery)
        .service(end_subscription)
        .service(get_generation_day)
        .service(get_subscription_preflight);
}

/// The settings with what they mean now.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionSettingsResponse {
    /// The settings.
    #[serde(flatten)]
    pub settings: SubscriptionSettingsDto,
    /// Subscriptions running now.
    pub active_subscriptions: u64,
}

/// The shop's subscription settings (SUB-08, SUB-09); staff of the shop.
#[utoipa::path(
    tag = "subscriptions",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = SubscriptionSettingsResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/subscription-settings")]
pub async fn get_subscription_settings(
    state: web::Data<AppState>,
    staff: ShopStaff,
) -> Result<web::Json<SubscriptionSettingsResponse>, ApiError> {
    let (settings, active) = kaimono_subscriptions::settings_with_count(&state.db, staff.shop).await?;
    Ok(web::Json(SubscriptionSettingsResponse { settings: settings.into(), active_subscriptions: active }))
}

/// Change the shop's subscription settings; owners only. Switching subscriptions off while any runs is
/// 409 `subscriptions_active`. A new lead time applies from the delivery after next.
#[utoipa::path(
    tag = "subscriptions",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    request_body = SubscriptionSettingsDto,
    responses((status = 200, body = SubscriptionSettingsResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/shops/{shop_id}/subscription-settings")]
pub async fn update_subscription_settings(
    state: web::Data<AppState>,
    owner: ShopOwner,
    body: ValidJson<SubscriptionSettingsDto>,
) -> Result<web::Json<SubscriptionSettingsResponse>, ApiError> {
    let body = body.0;
    let number_initial = body.number_initial;
    let settings = body.parse()?;
    let shop = owner.0.shop;
    let txn = crate::database::begin_write(&state.db).await?;
    let saved =
        kaimono_subscriptions::update_subscription_settings(&txn, shop, settings, number_initial, state.clock.now())
            .await?;
    txn.commit().await?;
    let active = kaimono_subscriptions::count_active(&state.db, shop).await?;
    Ok(web::Json(SubscriptionSettingsResponse { settings: saved.into(), active_subscriptions: active }))
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ShopSubscriptionsQuery {
    /// Only `active` or `ended` ones.
    pub status: Option<SubscriptionStatusDto>,
    /// Part of the subscription number or of the recipient's name (kanji or kana).
    #[validate(length(max = 100))]
    #[param(max_length = 100)]
    pub q: Option<String>,
    /// Only active ones whose next order is generated on or before this date.
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub generation_by: Option<NaiveDate>,
}

/// The shop's subscriptions, newest first, with the last and next generation and delivery dates (SUB-07).
#[utoipa::path(
    tag = "subscriptions",
    params(("shop_id" = Uuid, Path, description = "The shop"), ShopSubscriptionsQuery, PageQuery),
    responses((status = 200, body = Page<SubscriptionResponse>), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/subscriptions")]
pub async fn list_shop_subscriptions(
    state: web::Data<AppState>,
    staff: ShopStaff,
    query: ValidQuery<ShopSubscriptionsQuery>,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<Page<SubscriptionResponse>>, ApiError> {
    let query = query.0;
    let filter = SubscriptionFilter {
        status: query.status.map(Into::into),
        search: query.q,
        generation_by: query.generation_by,
    };
    let (after, limit) = page.0.parts()?;
    let found =
        kaimono_subscriptions::shop_subscriptions(&state.db, staff.shop, &filter, after.as_ref(), limit).await?;
    Ok(web::Json(Page::of(found.map(|s| SubscriptionResponse::row(s, true)))))
}

/// A subscription of the shop with its schedule, past and upcoming, and the confirmation the member
/// agreed to (SUB-07).
#[utoipa::path(
    tag = "subscriptions",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("subscription_id" = Uuid, Path, description = "The subscription")
    ),
    responses((status = 200, body = SubscriptionResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/subscriptions/{subscription_id}")]
pub async fn get_shop_subscription(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<SubscriptionResponse>, ApiError> {
    let (_, id) = path.into_inner();
    let d = kaimono_subscriptions::subscription_detail(&state.db, Viewer::Shop(staff.shop), id).await?;
    Ok(web::Json(SubscriptionResponse::detail(d, true)))
}

/// A change of one item (SUB-07): `update` its 2nd+ price and quantity, `remove` it, or `add` a
/// subscription-enabled variant at its 2nd+ price.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum ItemChangeRequest {
    Update {
        /// The item.
        id: Uuid,
        /// Its price from now on, tax-inclusive.
        #[schema(value_type = String, example = "1780")]
        unit_price: Money,
        /// Units per delivery, 1–99.
        quantity: u32,
    },
    Remove {
        /// The item.
        id: Uuid,
    },
    Add {
        /// A variant of a subscription-enabled product of the shop.
        variant_id: Uuid,
        /// Units per delivery, 1–99.
        quantity: u32,
    },
}

/// The delivery address to use from now on.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipToRequest {
    /// Seven digits (a hyphen is allowed).
    #[validate(custom(function = crate::dto::validate_postal_code))]
    pub postal_code: String,
    /// JIS code 1–47.
    #[validate(range(min = 1, max = 47))]
    pub prefecture: i16,
    /// City, ward, town or village, 1–100 characters.
    #[validate(length(min = 1, max = 100), custom(function = crate::dto::validate_not_blank))]
    pub city: String,
    /// Block and number, 1–200 characters.
    #[validate(length(min = 1, max = 200), custom(function = crate::dto::validate_not_blank))]
    pub street: String,
    /// Building and room, up to 200 characters.
    #[validate(length(max = 200))]
    pub building: Option<String>,
    /// The recipient, 1–100 characters.
    #[validate(length(min = 1, max = 100), custom(function = crate::dto::validate_not_blank))]
    pub recipient_name: String,
    /// The recipient's name in katakana.
    #[validate(length(min = 1, max = 100), custom(function = crate::dto::validate_furigana))]
    pub recipient_kana: String,
    /// Digits (hyphens allowed).
    #[validate(custom(function = crate::dto::validate_phone))]
    pub phone: String,
}

/// The shop's edit of a subscription (SUB-07); absent fields stay. Applies from the next generation;
/// generated orders are not touched.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateShopSubscriptionRequest {
    /// A new cycle (any; the shop is not limited to what members may choose). "Every N days" counts from
    /// today.
    #[validate(nested)]
    pub cycle: Option<CycleDto>,
    /// A new carrier of the shop.
    pub carrier: Option<CarrierDto>,
    /// A new time slot.
    #[validate(custom(function = validate_time_slot))]
    pub delivery_time_slot: Option<String>,
    /// A new payment method.
    pub payment_method: Option<PaymentMethodDto>,
    /// The member's saved card, when changing to card.
    pub card_id: Option<Uuid>,
    /// One of the shop's own methods, when changing to `custom`.
    pub custom_method_id: Option<Uuid>,
    /// A new delivery address.
    #[validate(nested)]
    pub ship_to: Option<ShipToRequest>,
    /// The memo copied to each generated order, up to 1,000 characters.
    #[validate(custom(function = validate_memo))]
    pub memo: Option<String>,
    /// Shipping per delivery from now on.
    #[schema(value_type = Option<String>, example = "800")]
    #[validate(custom(function = validate_yen))]
    pub shipping_fee: Option<Money>,
    /// The payment fee per delivery from now on.
    #[schema(value_type = Option<String>, example = "330")]
    #[validate(custom(function = validate_yen))]
    pub fee: Option<Money>,
    /// Item changes, in order, up to 50.
    #[serde(default)]
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub items: Vec<ItemChangeRequest>,
}

fn item_change(i: usize, change: ItemChangeRequest) -> Result<ItemChange, ApiError> {
    let quantity = |q: u32| {
        if (1..=99).contains(&q) {
            Ok(q)
        } else {
            Err(ApiError::field(
                crate::error::ErrorCode::ValidationFailed,
                &format!("items.{i}.quantity"),
                "must be from 1 to 99",
            ))
        }
    };
    Ok(match change {
        ItemChangeRequest::Update { id, unit_price, quantity: q } => {
            crate::dto::price(unit_price.amount(), &format!("items.{i}.unit_price"))?;
            ItemChange::Update { id, unit_price, quantity: quantity(q)? }
        }
        ItemChangeRequest::Remove { id } => ItemChange::Remove { id },
        ItemChangeRequest::Add { variant_id, quantity: q } => {
            ItemChange::Add { variant_id: VariantId(variant_id), quantity: quantity(q)? }
        }
    })
}

/// Edit a subscription (SUB-07): cycle, carrier, time slot, payment method, address, items (added items
/// at the 2nd+ price), memo, shipping and fees. Ended → 409; on its generation day before the order is
/// made → 409.
#[utoipa::path(
    tag = "subscriptions",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("subscription_id" = Uuid, Path, description = "The subscription")
    ),
    request_body = UpdateShopSubscriptionRequest,
    responses((status = 200, body = SubscriptionResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[patch("/shops/{shop_id}/subscriptions/{subscription_id}")]
pub async fn update_shop_subscription(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<UpdateShopSubscriptionRequest>,
) -> Result<web::Json<SubscriptionResponse>, ApiError> {
    let (_, id) = path.into_inner();
    let body = body.0;
    let items = body.items.into_iter().enumerate().map(|(i, c)| item_change(i, c)).collect::<Result<_, _>>()?;
    let changes = SubscriptionChanges {
        cycle: body.cycle.map(|c| c.parse("cycle")).transpose()?,
        carrier: body.carrier.map(|c| Some(c.into())),
        time_slot: body.delivery_time_slot.map(Some),
        payment_method: body
            .payment_method
            .map(|m| m.parse(body.custom_method_id).map(|m| (m, body.card_id)))
            .transpose()?,
        ship_to: body.ship_to.map(|a| kaimono_core::ShippingAddress {
            postal_code: a.postal_code.replace('-', ""),
            prefecture: a.prefecture,
            city: a.city.trim().to_owned(),
            street: a.street.trim().to_owned(),
            building: a.building.map(|b| b.trim().to_owned()).filter(|b| !b.is_empty()),
            recipient_name: a.recipient_name.trim().to_owned(),
            recipient_kana: a.recipient_kana.trim().to_owned(),
            phone: a.phone.replace('-', ""),
        }),
        memo: body.memo,
        shipping_fee: body.shipping_fee,
        fee: body.fee,
        items,
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let d = kaimono_subscriptions::update_subscription(&txn, staff.shop, id, changes, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(SubscriptionResponse::detail(d, true)))
}

/// Skip the next delivery (SUB-05): no order is generated for it and it is not counted; undoable until
/// its generation.
#[utoipa::path(
    tag = "subscriptions",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("subscription_id" = Uuid, Path, description = "The subscription")
    ),
    responses((status = 200, body = SubscriptionResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/subscriptions/{subscription_id}/skip")]
pub async fn skip_subscription_delivery(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<SubscriptionResponse>, ApiError> {
    set_skip(&state, staff, path.into_inner().1, true).await
}

/// Undo the skip of the next delivery (SUB-05), until its generation.
#[utoipa::path(
    tag = "subscriptions",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("subscription_id" = Uuid, Path, description = "The subscription")
    ),
    responses((status = 200, body = SubscriptionResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[delete("/shops/{shop_id}/subscriptions/{subscription_id}/skip")]
pub async fn unskip_subscription_delivery(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<SubscriptionResponse>, ApiError> {
    set_skip(&state, staff, path.into_inner().1, false).await
}

async fn set_skip(
    state: &AppState,
    staff: ShopStaff,
    id: Uuid,
    skip: bool,
) -> Result<web::Json<SubscriptionResponse>, ApiError> {
    let txn = crate::database::begin_write(&state.db).await?;
    let d = kaimono_subscriptions::skip_next_delivery(&txn, staff.shop, id, skip, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(SubscriptionResponse::detail(d, true)))
}

/// End a subscription for good (SUB-06): no more orders; it never restarts.
#[utoipa::path(
    tag = "subscriptions",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("subscription_id" = Uuid, Path, description = "The subscription")
    ),
    responses((status = 200, body = SubscriptionResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/subscriptions/{subscription_id}/end")]
pub async fn end_subscription(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<SubscriptionResponse>, ApiError> {
    let (_, id) = path.into_inner();
    let txn = crate::database::begin_write(&state.db).await?;
    let d = kaimono_subscriptions::end_subscription(&txn, staff.shop, id, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(SubscriptionResponse::detail(d, true)))
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GenerationDayQuery {
    /// The day (YYYY-MM-DD).
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub on: NaiveDate,
}

/// The generation ledger of one day (SUB-04): what was generated or skipped on it, and a dry run of what
/// the active subscriptions would generate on it from their schedules now. Nothing is written.
#[utoipa::path(
    tag = "subscriptions",
    params(("shop_id" = Uuid, Path, description = "The shop"), GenerationDayQuery),
    responses((status = 200, body = GenerationDayResponse), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/subscription-generation")]
pub async fn get_generation_day(
    state: web::Data<AppState>,
    staff: ShopStaff,
    query: ValidQuery<GenerationDayQuery>,
) -> Result<web::Json<GenerationDayResponse>, ApiError> {
    let date = query.0.on;
    let day = kaimono_subscriptions::generation_day(&state.db, staff.shop, date).await?;
    Ok(web::Json(GenerationDayResponse {
        date,
        done: day.done.into_iter().map(Into::into).collect(),
        planned: day.planned.into_iter().map(Into::into).collect(),
    }))
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PreflightQuery {
    /// Generations from today to this many days ahead, 1–60 (default 7).
    #[validate(range(min = 1, max = 60))]
    #[param(minimum = 1, maximum = 60)]
    pub days: Option<u32>,
}

/// The preflight report (SUB-04): before the upcoming generations, the deliveries on closed days, the
/// stock short of what they need, and the cards that will have expired by their order's generation.
#[utoipa::path(
    tag = "subscriptions",
    params(("shop_id" = Uuid, Path, description = "The shop"), PreflightQuery),
    responses((status = 200, body = Vec<crate::dto::subscriptions::PreflightIssueResponse>), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/subscription-preflight")]
pub async fn get_subscription_preflight(
    state: web::Data<AppState>,
    staff: ShopStaff,
    query: ValidQuery<PreflightQuery>,
) -> Result<web::Json<Vec<crate::dto::subscriptions::PreflightIssueResponse>>, ApiError> {
    let days = query.0.days.unwrap_or(7);
    let issues = kaimono_subscriptions::preflight(&state.db, staff.shop, days, state.clock.now()).await?;
    Ok(web::Json(issues.into_iter().map(Into::into).collect()))
}
