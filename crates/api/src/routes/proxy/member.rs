//! The member's side: requests, changes before paying, questions, paying, the deposit.

use crate::auth::Member;
use crate::dto::proxy::{
    ArrivalReportResponse, DepositResponse, PaymentOptionsResponse, ProxyOrderResponse, ShippingEstimateResponse,
    ShippingPriorityDto, TransferReportResponse,
};
use crate::dto::timeline::TimelineEventResponse;
use crate::dto::{price, validate_not_blank, validate_price};
use crate::error::{ApiError, responses::*};
use crate::extract::{ValidJson, ValidQuery};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, patch, post, web};
use chrono::NaiveDate;
use kaimono_core::{Money, ShopId};
use kaimono_proxy::{Actor, By, MemberList, NewItem, NewRequest, ProxyCancelReason};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::{Validate, ValidationError};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(submit_proxy_request)
        .service(list_my_proxy_orders)
        .service(get_my_proxy_order)
        .service(get_my_proxy_order_timeline)
        .service(cancel_my_proxy_order)
        .service(change_proxy_item_quantity)
        .service(cancel_proxy_item)
        .service(ask_about_proxy_item)
        .service(get_proxy_payment_options)
        .service(pay_proxy_order_with_deposit)
        .service(report_proxy_transfer)
        .service(get_my_deposit)
        .service(report_deposit_top_up)
        .service(report_proxy_receipt)
        .service(estimate_international_shipping)
        .service(list_arrival_reports);
}

fn http_url(value: &str) -> Result<(), ValidationError> {
    let ok = (value.starts_with("https://") || value.starts_with("http://"))
        && value.len() > "https://".len()
        && !value.chars().any(char::is_whitespace);
    if ok { Ok(()) } else { Err(ValidationError::new("url").with_message("must be an http(s) address".into())) }
}

/// One item to buy (PRX-01).
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProxyItemRequest {
    /// The seller's page (paste its URL).
    #[validate(length(min = 10, max = 2000), custom(function = http_url))]
    #[schema(min_length = 10, max_length = 2000, example = "https://item.taobao.com/item.htm?id=1")]
    pub source_url: String,
    /// What it is.
    #[validate(length(min = 1, max = 200), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// Color, size and the like, as the seller names them.
    #[serde(default)]
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub options: String,
    /// 1–999.
    #[validate(range(min = 1, max = 999))]
    #[schema(minimum = 1, maximum = 999)]
    pub quantity: u32,
    /// The price on the seller's page, in yen.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "1200")]
    pub unit_price: Decimal,
}

/// A purchase request (PRX-01).
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitProxyRequest {
    /// The proxy-buying service.
    pub shop_id: Uuid,
    /// One of the member's delivery addresses.
    pub address_id: Uuid,
    /// Cheapest or fastest, for the international shipment.
    pub shipping_priority: ShippingPriorityDto,
    /// Anything staff should know.
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000)]
    pub note: Option<String>,
    /// 1–30 items.
    #[validate(length(min = 1, max = 30), nested)]
    #[schema(min_items = 1, max_items = 30)]
    pub items: Vec<ProxyItemRequest>,
}

/// Ask a proxy-buying service to buy items (PRX-01). Staff quote it; the quote is emailed. Requires an
/// `Idempotency-Key`.
#[utoipa::path(
    tag = "proxy",
    params(("Idempotency-Key" = String, Header, description = "A new unique value per request")),
    request_body = SubmitProxyRequest,
    responses((status = 201, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders")]
pub async fn submit_proxy_request(
    state: web::Data<AppState>,
    member: Member,
    key: IdempotencyKey,
    body: ValidJson<SubmitProxyRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let now = state.clock.now();
    let fingerprint = idempotency::fingerprint(&body)?;
    let shop = ShopId(body.shop_id);
    let request = NewRequest {
        address_id: body.address_id,
        shipping_priority: body.shipping_priority.into(),
        note: body.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
        items: body
            .items
            .into_iter()
            .map(|i| {
                Ok(NewItem {
                    source_url: i.source_url.trim().to_owned(),
                    name: i.name.trim().to_owned(),
                    options: i.options.trim().to_owned(),
                    quantity: i.quantity,
                    unit_price: price(i.unit_price, "items")?,
                })
            })
            .collect::<Result<_, ApiError>>()?,
    };
    idempotency::in_transaction(&state.db, member.0, &key, &fingerprint, now, StatusCode::CREATED, async |txn| {
        let order = kaimono_proxy::submit_request(txn, member.0, shop, request, now).await?;
        serde_json::to_string(&ProxyOrderResponse::from(order)).map_err(ApiError::internal)
    })
    .await
}

/// Which orders: `in_progress` (the tabs of PRX-02), `completed` or `cancelled` (PRX-10).
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProxyListDto {
    #[default]
    InProgress,
    Completed,
    Cancelled,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProxyListQuery {
    /// `in_progress` (default), `completed` or `cancelled`.
    #[param(inline)]
    pub list: Option<ProxyListDto>,
}

/// The member's proxy orders, newest first (at most 100).
#[utoipa::path(
    tag = "proxy",
    params(ProxyListQuery),
    responses((status = 200, body = Vec<ProxyOrderResponse>), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/me/proxy-orders")]
pub async fn list_my_proxy_orders(
    state: web::Data<AppState>,
    member: Member,
    query: ValidQuery<ProxyListQuery>,
) -> Result<web::Json<Vec<ProxyOrderResponse>>, ApiError> {
    let list = match query.0.list.unwrap_or_default() {
        ProxyListDto::InProgress => MemberList::InProgress,
        ProxyListDto::Completed => MemberList::Completed,
        ProxyListDto::Cancelled => MemberList::Cancelled,
    };
    let orders = kaimono_proxy::member_proxy_orders(&state.db, member.0, list).await?;
    Ok(web::Json(orders.into_iter().map(Into::into).collect()))
}

/// One of the member's proxy orders (PRX-02).
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    responses((status = 200, body = ProxyOrderResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/proxy-orders/{order_id}")]
pub async fn get_my_proxy_order(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let order = kaimono_proxy::proxy_order_for(&state.db, Actor::Member(member.0), path.into_inner()).await?;
    Ok(web::Json(order.into()))
}

/// What happened to one of the member's proxy orders, oldest first.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    responses((status = 200, body = Vec<TimelineEventResponse>), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/proxy-orders/{order_id}/timeline")]
pub async fn get_my_proxy_order_timeline(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<Vec<TimelineEventResponse>>, ApiError> {
    let events = kaimono_proxy::proxy_order_timeline(&state.db, Actor::Member(member.0), path.into_inner()).await?;
    Ok(web::Json(events.into_iter().map(Into::into).collect()))
}

/// Cancel the whole order before the 1st payment (PRX-03); anything paid towards it goes to the deposit.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    responses((status = 200, body = ProxyOrderResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/cancel")]
pub async fn cancel_my_proxy_order(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let (id, now) = (path.into_inner(), state.clock.now());
    let txn = crate::database::begin_write(&state.db).await?;
    let actor = Actor::Member(member.0);
    let cancelled =
        kaimono_proxy::cancel_proxy_order(&txn, actor, id, ProxyCancelReason::Member, By::Member(member.0), now)
            .await?;
    txn.commit().await?;
    Ok(web::Json(cancelled.into()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeQuantityRequest {
    /// 1–999.
    #[validate(range(min = 1, max = 999))]
    #[schema(minimum = 1, maximum = 999)]
    pub quantity: u32,
}

/// Change an item's quantity before paying (PRX-04): the 1st invoice is recalculated at once.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order"), ("item_id" = Uuid, Path, description = "The item")),
    request_body = ChangeQuantityRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[patch("/me/proxy-orders/{order_id}/items/{item_id}")]
pub async fn change_proxy_item_quantity(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<ChangeQuantityRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let ((id, item), now) = (path.into_inner(), state.clock.now());
    let txn = crate::database::begin_write(&state.db).await?;
    let changed = kaimono_proxy::change_quantity(&txn, member.0, id, item, body.0.quantity, now).await?;
    txn.commit().await?;
    Ok(web::Json(changed.into()))
}

/// Cancel one item before paying (PRX-04): the 1st invoice is recalculated; with no item left the order
/// is cancelled.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order"), ("item_id" = Uuid, Path, description = "The item")),
    responses((status = 200, body = ProxyOrderResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/items/{item_id}/cancel")]
pub async fn cancel_proxy_item(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let ((id, item), now) = (path.into_inner(), state.clock.now());
    let txn = crate::database::begin_write(&state.db).await?;
    let changed = kaimono_proxy::cancel_item(&txn, member.0, id, item, now).await?;
    txn.commit().await?;
    Ok(web::Json(changed.into()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemQuestionRequest {
    /// What to confirm with the seller before buying.
    #[validate(length(min = 1, max = 1000), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 1000)]
    pub question: String,
}

/// Ask the service to confirm something with the seller before buying an item still before payment
/// (PRX-05); the item is not bought until staff answer.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order"), ("item_id" = Uuid, Path, description = "The item")),
    request_body = ItemQuestionRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/items/{item_id}/question")]
pub async fn ask_about_proxy_item(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<ItemQuestionRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let ((id, item), now) = (path.into_inner(), state.clock.now());
    let question = body.0.question.trim().to_owned();
    let txn = crate::database::begin_write(&state.db).await?;
    let changed = kaimono_proxy::ask_before_buying(&txn, member.0, id, item, question, now).await?;
    txn.commit().await?;
    Ok(web::Json(changed.into()))
}

/// The payment page (PAY-05 to PAY-07): what is due now, the deposit, the transfer account and the card
/// total with its surcharge. 409 `nothing_due` when no invoice waits.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    responses((status = 200, body = PaymentOptionsResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[get("/me/proxy-orders/{order_id}/payment")]
pub async fn get_proxy_payment_options(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<PaymentOptionsResponse>, ApiError> {
    let options = kaimono_proxy::payment_options(&state.db, member.0, path.into_inner()).await?;
    Ok(web::Json(options.into()))
}

/// Pay the waiting invoice from the deposit (PAY-06): as much as it holds; the rest stays due.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    responses((status = 200, body = ProxyOrderResponse), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/payment/deposit")]
pub async fn pay_proxy_order_with_deposit(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let (id, now) = (path.into_inner(), state.clock.now());
    let txn = crate::database::begin_write(&state.db).await?;
    let paid = kaimono_proxy::pay_with_deposit(&txn, member.0, id, now).await?;
    txn.commit().await?;
    Ok(web::Json(paid.into()))
}

/// A payment-completion report (入金完了報告, PAY-05).
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferReportRequest {
    /// The day the money was sent.
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub transferred_on: NaiveDate,
    /// What was sent, in yen (more than zero).
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "5800")]
    pub amount: Decimal,
    /// The sender's name as the bank prints it, in katakana (`ヤマダ タロウ`).
    #[validate(length(min = 1, max = 60), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 60)]
    pub sender_kana: String,
}

impl TransferReportRequest {
    fn into_transfer(self) -> Result<kaimono_payments::NewTransfer, ApiError> {
        let amount = price(self.amount, "amount")?;
        if amount == Money::ZERO {
            return Err(ApiError::field(crate::error::ErrorCode::ValidationFailed, "amount", "must be more than zero"));
        }
        Ok(kaimono_payments::NewTransfer { transferred_on: self.transferred_on, amount, sender_kana: self.sender_kana })
    }
}

/// Report a bank transfer for the waiting invoice (PAY-05); staff confirm it when the money arrives.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = TransferReportRequest,
    responses((status = 201, body = TransferReportResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/payment/transfer-reports")]
pub async fn report_proxy_transfer(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<TransferReportRequest>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (path.into_inner(), state.clock.now());
    let transfer = body.0.into_transfer()?;
    let txn = crate::database::begin_write(&state.db).await?;
    let report = kaimono_proxy::report_transfer(&txn, member.0, id, transfer, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(TransferReportResponse::from(report)))
}

/// The member's deposit at a proxy-buying service: the balance and the newest movements (PAY-06).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service")),
    responses((status = 200, body = DepositResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/deposits/{shop_id}")]
pub async fn get_my_deposit(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<DepositResponse>, ApiError> {
    let (balance, entries) = kaimono_proxy::deposit_of(&state.db, ShopId(path.into_inner()), member.0).await?;
    Ok(web::Json(DepositResponse::new(balance, entries)))
}

/// Report a transfer made to top up the deposit (PAY-06); staff confirm it when the money arrives.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service")),
    request_body = TransferReportRequest,
    responses((status = 201, body = TransferReportResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/deposits/{shop_id}/top-up-reports")]
pub async fn report_deposit_top_up(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<TransferReportRequest>,
) -> Result<HttpResponse, ApiError> {
    let (shop, now) = (ShopId(path.into_inner()), state.clock.now());
    let transfer = body.0.into_transfer()?;
    let txn = crate::database::begin_write(&state.db).await?;
    let report = kaimono_proxy::report_top_up(&txn, member.0, shop, transfer, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(TransferReportResponse::from(report)))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiptRequest {
    /// Arrived fine (the order completes); false reports a problem for staff.
    pub fine: bool,
    /// A few words about it.
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000)]
    pub comment: Option<String>,
    /// PRX-13: the comment may be shown among the service's arrival reports.
    #[serde(default)]
    pub public: bool,
}

/// Report receipt (商品受取の報告, PRX-09): fine completes the order; a problem is recorded for staff.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = ReceiptRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/receipt")]
pub async fn report_proxy_receipt(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<ReceiptRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let (id, now) = (path.into_inner(), state.clock.now());
    let b = body.0;
    let receipt = kaimono_proxy::Receipt {
        fine: b.fine,
        comment: b.comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()),
        public: b.public,
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let reported = kaimono_proxy::report_receipt(&txn, member.0, id, receipt, now).await?;
    txn.commit().await?;
    Ok(web::Json(reported.into()))
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EstimateQuery {
    /// The parcel's weight in grams, 1–30,000.
    #[validate(range(min = 1, max = 30000))]
    #[param(minimum = 1, maximum = 30000)]
    pub weight_grams: u32,
    /// Its size in cm, 1–200 each.
    #[validate(range(min = 1, max = 200))]
    #[param(minimum = 1, maximum = 200)]
    pub length_cm: u32,
    #[validate(range(min = 1, max = 200))]
    #[param(minimum = 1, maximum = 200)]
    pub width_cm: u32,
    #[validate(range(min = 1, max = 200))]
    #[param(minimum = 1, maximum = 200)]
    pub height_cm: u32,
    /// The goods' overseas retail price in yen, for the landed cost (optional).
    #[validate(custom(function = validate_price))]
    #[param(value_type = Option<String>)]
    pub goods_value: Option<Decimal>,
    /// The simplified duty rate for the goods in basis points, 0–3,000 (default 1,000 = 10 %).
    #[validate(range(min = 0, max = 3000))]
    #[param(minimum = 0, maximum = 3000)]
    pub duty_rate_bp: Option<u32>,
}

/// The international shipping estimator (PRX-11): every method that takes the parcel, with the greater of
/// actual and volumetric weight, from the same rate table as the 2nd invoice; with the goods' value, Japan's
/// personal-import duty and consumption tax (taxable value 60 % of the price, nothing up to ¥10,000) and
/// the landed cost per method, as an estimate. Public.
#[utoipa::path(
    tag = "proxy",
    params(EstimateQuery),
    responses((status = 200, body = ShippingEstimateResponse), Unprocessable, ServerError),
    security(())
)]
#[get("/proxy/shipping-estimate")]
pub async fn estimate_international_shipping(
    query: ValidQuery<EstimateQuery>,
) -> Result<web::Json<ShippingEstimateResponse>, ApiError> {
    let q = query.0;
    let parcel = kaimono_proxy::rates::Parcel {
        weight_grams: q.weight_grams,
        length_cm: q.length_cm,
        width_cm: q.width_cm,
        height_cm: q.height_cm,
    };
    let rate = q.duty_rate_bp.unwrap_or(1000);
    let goods = match q.goods_value {
        Some(value) => {
            let value = price(value, "goods_value")?;
            Some((value, rate, kaimono_proxy::rates::import_charges(value, rate)))
        }
        None => None,
    };
    Ok(web::Json(ShippingEstimateResponse::new(kaimono_proxy::rates::estimate(parcel), goods)))
}

/// A service's newest arrival reports (最近の到着レポート, PRX-13): members' comments they chose to share.
/// Public.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service")),
    responses((status = 200, body = Vec<ArrivalReportResponse>), NotFound, ServerError),
    security(())
)]
#[get("/shops/{shop_id}/arrival-reports")]
pub async fn list_arrival_reports(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> Result<web::Json<Vec<ArrivalReportResponse>>, ApiError> {
    let reports = kaimono_proxy::arrival_reports(&state.db, ShopId(path.into_inner()), 20).await?;
    Ok(web::Json(
        reports.into_iter().map(|r| ArrivalReportResponse { comment: r.comment, reported_at: r.reported_at }).collect(),
    ))
}
