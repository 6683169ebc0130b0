//! The service's side: the request queue, quotes, questions, items, transfers to confirm, deposits and
//! settings.

use crate::auth::{ShopOwner, ShopStaff};
use crate::dto::proxy::{
    DepositResponse, ProxyOrderResponse, ProxyStatusDto, QueuedTransferResponse, ShippingMethodDto,
    TransferReportResponse,
};
use crate::dto::timeline::TimelineEventResponse;
use crate::dto::{price, validate_not_blank, validate_price};
use crate::error::{ApiError, responses::*};
use crate::extract::{ValidJson, ValidQuery};
use crate::state::AppState;
use actix_web::{get, post, put, web};
use kaimono_core::{AccountId, Money};
use kaimono_proxy::{Actor, DepositAdjustment, ItemQuote, ItemStatus, ProxySettings};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_shop_proxy_orders)
        .service(get_shop_proxy_order)
        .service(get_shop_proxy_order_timeline)
        .service(quote_proxy_order)
        .service(answer_proxy_item_question)
        .service(mark_proxy_item)
        .service(list_transfer_reports)
        .service(confirm_transfer_report)
        .service(reject_transfer_report)
        .service(get_member_deposit)
        .service(adjust_member_deposit)
        .service(get_proxy_settings)
        .service(update_proxy_settings)
        .service(weigh_proxy_parcel)
        .service(ship_proxy_order);
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ShopProxyQuery {
    /// Only orders in this status (`requested` is the request queue).
    #[param(inline)]
    pub status: Option<ProxyStatusDto>,
}

/// The service's proxy orders, newest first (at most 100).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ShopProxyQuery),
    responses((status = 200, body = Vec<ProxyOrderResponse>), Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/proxy-orders")]
pub async fn list_shop_proxy_orders(
    state: web::Data<AppState>,
    staff: ShopStaff,
    query: ValidQuery<ShopProxyQuery>,
) -> Result<web::Json<Vec<ProxyOrderResponse>>, ApiError> {
    let orders = kaimono_proxy::shop_proxy_orders(&state.db, staff.shop, query.0.status.map(Into::into)).await?;
    Ok(web::Json(orders.into_iter().map(Into::into).collect()))
}

/// One of the service's proxy orders.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order")),
    responses((status = 200, body = ProxyOrderResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/proxy-orders/{order_id}")]
pub async fn get_shop_proxy_order(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let (_, id) = path.into_inner();
    let order = kaimono_proxy::proxy_order_for(&state.db, Actor::Shop(staff.shop), id).await?;
    Ok(web::Json(order.into()))
}

/// What happened to one of the service's proxy orders, by whom and when, oldest first.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order")),
    responses((status = 200, body = Vec<TimelineEventResponse>), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/proxy-orders/{order_id}/timeline")]
pub async fn get_shop_proxy_order_timeline(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<Vec<TimelineEventResponse>>, ApiError> {
    let (_, id) = path.into_inner();
    let events = kaimono_proxy::proxy_order_timeline(&state.db, Actor::Shop(staff.shop), id).await?;
    Ok(web::Json(events.into_iter().map(Into::into).collect()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemQuoteRequest {
    /// The item priced.
    pub item_id: Uuid,
    /// The confirmed unit price, in yen.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "1200")]
    pub unit_price: Decimal,
    /// The seller's shipping to the warehouse for this item, in yen.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "300")]
    pub domestic_shipping: Decimal,
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteRequest {
    /// Every item still in the order, priced (1–30).
    #[validate(length(min = 1, max = 30), nested)]
    #[schema(min_items = 1, max_items = 30)]
    pub items: Vec<ItemQuoteRequest>,
}

/// Quote a request (PRX-01): confirmed prices and the seller's shipping per item; the service fee is added
/// by the shop's rule and the 1st invoice is emailed. A quote may be revised until the 1st payment (a new
/// invoice version each time).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = QuoteRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/quote")]
pub async fn quote_proxy_order(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<QuoteRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let ((_, id), now) = (path.into_inner(), state.clock.now());
    let quotes = body
        .0
        .items
        .into_iter()
        .map(|q| {
            Ok(ItemQuote {
                item_id: q.item_id,
                unit_price: price(q.unit_price, "items")?,
                domestic_shipping: price(q.domestic_shipping, "items")?,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let txn = crate::database::begin_write(&state.db).await?;
    let quoted = kaimono_proxy::quote(&txn, staff.shop, id, quotes, staff.account_id, now).await?;
    txn.commit().await?;
    Ok(web::Json(quoted.into()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemAnswerRequest {
    /// What the seller said.
    #[validate(length(min = 1, max = 1000), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 1000)]
    pub answer: String,
}

/// Answer the member's question about an item (PRX-05); then it may be bought.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order"), ("item_id" = Uuid, Path, description = "The item")),
    request_body = ItemAnswerRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/items/{item_id}/answer")]
pub async fn answer_proxy_item_question(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    body: ValidJson<ItemAnswerRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let ((_, id, item), now) = (path.into_inner(), state.clock.now());
    let answer = body.0.answer.trim().to_owned();
    let txn = crate::database::begin_write(&state.db).await?;
    let answered = kaimono_proxy::answer_question(&txn, staff.shop, id, item, answer, staff.account_id, now).await?;
    txn.commit().await?;
    Ok(web::Json(answered.into()))
}

/// The next step of a paid item.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemStepDto {
    /// Bought from the seller.
    Purchased,
    /// At the warehouse.
    Arrived,
    /// Counted, checked and photographed.
    Inspected,
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkItemRequest {
    /// The step the item has reached.
    pub status: ItemStepDto,
}

/// Move a paid item one step (PRX-06): purchased → arrived → inspected. An item with an open question is
/// not bought (409 `question_open`).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order"), ("item_id" = Uuid, Path, description = "The item")),
    request_body = MarkItemRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/items/{item_id}/status")]
pub async fn mark_proxy_item(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    body: ValidJson<MarkItemRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let ((_, id, item), now) = (path.into_inner(), state.clock.now());
    let to = match body.0.status {
        ItemStepDto::Purchased => ItemStatus::Purchased,
        ItemStepDto::Arrived => ItemStatus::Arrived,
        ItemStepDto::Inspected => ItemStatus::Inspected,
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let marked = kaimono_proxy::mark_item(&txn, staff.shop, id, item, to, staff.account_id, now).await?;
    txn.commit().await?;
    Ok(web::Json(marked.into()))
}

/// Transfer reports waiting for staff, oldest first (PAY-05).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service")),
    responses((status = 200, body = Vec<QueuedTransferResponse>), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/transfer-reports")]
pub async fn list_transfer_reports(
    state: web::Data<AppState>,
    staff: ShopStaff,
) -> Result<web::Json<Vec<QueuedTransferResponse>>, ApiError> {
    let queue = kaimono_proxy::transfer_queue(&state.db, staff.shop).await?;
    Ok(web::Json(queue.into_iter().map(Into::into).collect()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmTransferRequest {
    /// What arrived on the account, in yen: less than due leaves the rest due, more goes to the deposit.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "5800")]
    pub received_amount: Decimal,
}

/// Confirm that a reported transfer arrived (PAY-05). Once only: a settled report answers 409.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("report_id" = Uuid, Path, description = "The transfer report")),
    request_body = ConfirmTransferRequest,
    responses((status = 200, body = TransferReportResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/transfer-reports/{report_id}/confirm")]
pub async fn confirm_transfer_report(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<ConfirmTransferRequest>,
) -> Result<web::Json<TransferReportResponse>, ApiError> {
    let ((_, report), now) = (path.into_inner(), state.clock.now());
    let received = price(body.0.received_amount, "received_amount")?;
    if received == Money::ZERO {
        return Err(ApiError::field(
            crate::error::ErrorCode::ValidationFailed,
            "received_amount",
            "must be more than zero; reject the report if nothing arrived",
        ));
    }
    let txn = crate::database::begin_write(&state.db).await?;
    let settled =
        kaimono_proxy::confirm_transfer(&txn, staff.shop, report, Some(received), staff.account_id, now).await?;
    txn.commit().await?;
    Ok(web::Json(settled.into()))
}

/// Reject a transfer report no money matches (PAY-05). Once only.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("report_id" = Uuid, Path, description = "The transfer report")),
    responses((status = 200, body = TransferReportResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/transfer-reports/{report_id}/reject")]
pub async fn reject_transfer_report(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<TransferReportResponse>, ApiError> {
    let ((_, report), now) = (path.into_inner(), state.clock.now());
    let txn = crate::database::begin_write(&state.db).await?;
    let settled = kaimono_proxy::confirm_transfer(&txn, staff.shop, report, None, staff.account_id, now).await?;
    txn.commit().await?;
    Ok(web::Json(settled.into()))
}

/// A member's deposit at the service (PAY-06).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("account_id" = Uuid, Path, description = "The member")),
    responses((status = 200, body = DepositResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/members/{account_id}/deposit")]
pub async fn get_member_deposit(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<DepositResponse>, ApiError> {
    let (_, member) = path.into_inner();
    let (balance, entries) = kaimono_proxy::deposit_of(&state.db, staff.shop, AccountId(member)).await?;
    Ok(web::Json(DepositResponse::new(balance, entries)))
}

/// Which way an adjustment moves the balance.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentDirection {
    Credit,
    Debit,
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DepositAdjustmentRequest {
    /// Add to (`credit`) or take from (`debit`) the balance.
    pub direction: AdjustmentDirection,
    /// In yen, more than zero.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "500")]
    pub amount: Decimal,
    /// Why (kept in the ledger).
    #[validate(length(min = 1, max = 500), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

/// Correct a member's deposit, with a reason (PAY-06). A debit beyond the balance answers 409
/// `insufficient_deposit`; the balance never goes below zero.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("account_id" = Uuid, Path, description = "The member")),
    request_body = DepositAdjustmentRequest,
    responses((status = 200, body = DepositResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/members/{account_id}/deposit/adjustments")]
pub async fn adjust_member_deposit(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<DepositAdjustmentRequest>,
) -> Result<web::Json<DepositResponse>, ApiError> {
    let ((_, member), now) = (path.into_inner(), state.clock.now());
    let body = body.0;
    let adjustment = DepositAdjustment {
        member: AccountId(member),
        credit: matches!(body.direction, AdjustmentDirection::Credit),
        amount: price(body.amount, "amount")?,
        reason: body.reason.trim().to_owned(),
    };
    let txn = crate::database::begin_write(&state.db).await?;
    kaimono_proxy::adjust_deposit(&txn, staff.shop, adjustment, staff.account_id, now).await?;
    let (balance, entries) = kaimono_proxy::deposit_of(&txn, staff.shop, AccountId(member)).await?;
    txn.commit().await?;
    Ok(web::Json(DepositResponse::new(balance, entries)))
}

fn default_free_storage_days() -> u32 {
    ProxySettings::default().free_storage_days
}

fn default_storage_fee() -> Decimal {
    ProxySettings::default().storage_fee_per_day.amount()
}

/// The service's fee rule, card surcharge and storage clock.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProxySettingsDto {
    /// The service fee as basis points of the goods (500 = 5 %), 0–10,000 …
    #[validate(range(min = 0, max = 10000))]
    #[schema(minimum = 0, maximum = 10000)]
    pub fee_rate_bp: u32,
    /// … and at least this much, in yen.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "300")]
    pub fee_minimum: Decimal,
    /// PAY-07: the card surcharge in basis points (400 = 4 %), 0–2,000.
    #[validate(range(min = 0, max = 2000))]
    #[schema(minimum = 0, maximum = 2000)]
    pub card_surcharge_bp: u32,
    /// The storage clock: days an order's items stay at the warehouse for free from the first arrival,
    /// 0–365 (30 when left out) …
    #[serde(default = "default_free_storage_days")]
    #[validate(range(min = 0, max = 365))]
    #[schema(minimum = 0, maximum = 365, default = 30)]
    pub free_storage_days: u32,
    /// … and the fee for each day begun after them, in yen (50 when left out), billed on the 2nd invoice.
    #[serde(default = "default_storage_fee")]
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "50")]
    pub storage_fee_per_day: Decimal,
}

impl From<ProxySettings> for ProxySettingsDto {
    fn from(s: ProxySettings) -> Self {
        Self {
            fee_rate_bp: s.fee_rate_bp,
            fee_minimum: s.fee_minimum.amount(),
            card_surcharge_bp: s.card_surcharge_bp,
            free_storage_days: s.free_storage_days,
            storage_fee_per_day: s.storage_fee_per_day.amount(),
        }
    }
}

/// The service's settings (staff read them).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service")),
    responses((status = 200, body = ProxySettingsDto), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/proxy-settings")]
pub async fn get_proxy_settings(
    state: web::Data<AppState>,
    staff: ShopStaff,
) -> Result<web::Json<ProxySettingsDto>, ApiError> {
    Ok(web::Json(kaimono_proxy::proxy_settings(&state.db, staff.shop).await?.into()))
}

/// Change the service's settings (the owner's).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service")),
    request_body = ProxySettingsDto,
    responses((status = 200, body = ProxySettingsDto), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/shops/{shop_id}/proxy-settings")]
pub async fn update_proxy_settings(
    state: web::Data<AppState>,
    owner: ShopOwner,
    body: ValidJson<ProxySettingsDto>,
) -> Result<web::Json<ProxySettingsDto>, ApiError> {
    let body = body.0;
    let settings = ProxySettings {
        fee_rate_bp: body.fee_rate_bp,
        fee_minimum: price(body.fee_minimum, "fee_minimum")?,
        card_surcharge_bp: body.card_surcharge_bp,
        free_storage_days: body.free_storage_days,
        storage_fee_per_day: price(body.storage_fee_per_day, "storage_fee_per_day")?,
    };
    let saved = kaimono_proxy::update_proxy_settings(&state.db, owner.0.shop, settings, state.clock.now()).await?;
    Ok(web::Json(saved.into()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WeighRequest {
    /// The packed parcel's weight, 1 g – 30 kg.
    #[validate(range(min = 1, max = 30000))]
    #[schema(minimum = 1, maximum = 30000)]
    pub weight_grams: u32,
    /// Its size in cm, 1–200 each.
    #[validate(range(min = 1, max = 200))]
    #[schema(minimum = 1, maximum = 200)]
    pub length_cm: u32,
    /// Width in cm, 1–200.
    #[validate(range(min = 1, max = 200))]
    #[schema(minimum = 1, maximum = 200)]
    pub width_cm: u32,
    /// Height in cm, 1–200.
    #[validate(range(min = 1, max = 200))]
    #[schema(minimum = 1, maximum = 200)]
    pub height_cm: u32,
    /// How it will travel.
    pub method: ShippingMethodDto,
}

/// Record the parcel's weight and size (PRX-08): every item must be inspected; the 2nd invoice
/// (international shipping, from the rate table on the greater of actual and volumetric weight) is
/// written and mailed. Weighing again before payment writes a new version.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = WeighRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/parcel")]
pub async fn weigh_proxy_parcel(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<WeighRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let ((_, id), now) = (path.into_inner(), state.clock.now());
    let b = body.0;
    let parcel = kaimono_proxy::rates::Parcel {
        weight_grams: b.weight_grams,
        length_cm: b.length_cm,
        width_cm: b.width_cm,
        height_cm: b.height_cm,
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let weighed = kaimono_proxy::weigh(&txn, staff.shop, id, parcel, b.method.into(), staff.account_id, now).await?;
    txn.commit().await?;
    Ok(web::Json(weighed.into()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipProxyRequest {
    /// The carrier (EMS, China Post …).
    #[validate(length(min = 1, max = 60), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 60)]
    pub carrier: String,
    /// Its tracking number: letters, digits and hyphens.
    #[validate(length(min = 4, max = 40), custom(function = crate::dto::validate_tracking_number))]
    #[schema(min_length = 4, max_length = 40)]
    pub tracking_number: String,
}

/// Ship the paid parcel (PRX-08): the member is mailed the carrier and tracking number.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = ShipProxyRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/ship")]
pub async fn ship_proxy_order(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<ShipProxyRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let ((_, id), now) = (path.into_inner(), state.clock.now());
    let b = body.0;
    let (carrier, tracking) = (b.carrier.trim().to_owned(), b.tracking_number.trim().to_owned());
    let txn = crate::database::begin_write(&state.db).await?;
    let shipped = kaimono_proxy::ship(&txn, staff.shop, id, carrier, tracking, staff.account_id, now).await?;
    txn.commit().await?;
    Ok(web::Json(shipped.into()))
}
