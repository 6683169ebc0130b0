//! Requests, quotes and items (PRX-01, PRX-04, PRX-05, PRX-06): what the member asks for, what staff
//! price, the changes before paying, questions to the seller, and the items' way to the warehouse.

use crate::billing::{first_invoice_amounts, issue_invoice, settle_if_covered};
use crate::error::ProxyError;
use crate::model::*;
use crate::queries::{Actor, proxy_order_for};
use crate::settings::{proxy_settings, proxy_shop};
use crate::workflow::{move_order, record, tell_member};
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, AddressId, Money, ShopId};
use kaimono_entity::{proxy_item, proxy_order};
use kaimono_messaging::Template;
use kaimono_timeline::By;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// PRX-01: the member's purchase request to a proxy-buying shop (validated by the caller: 1–30 items,
/// quantities 1–999).
pub async fn submit_request(
    db: &impl ConnectionTrait,
    account: AccountId,
    shop: ShopId,
    request: NewRequest,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    proxy_shop(db, shop).await?;
    let to = match kaimono_accounts::get_address(db, account, AddressId(request.address_id)).await {
        Err(kaimono_accounts::AccountError::NotFound) => return Err(ProxyError::AddressNotFound),
        other => other?,
    };
    let id = Uuid::now_v7();
    proxy_order::Entity::insert(proxy_order::ActiveModel {
        id: Set(id),
        number: Set(kaimono_core::ids::display_number("P", id, now)),
        shop_id: Set(shop.0),
        account_id: Set(account.0),
        status: Set(ProxyStatus::Requested.as_str().to_owned()),
        shipping_priority: Set(request.shipping_priority.as_str().to_owned()),
        ship_postal_code: Set(to.postal_code),
        ship_prefecture: Set(to.prefecture),
        ship_city: Set(to.city),
        ship_street: Set(to.street),
        ship_building: Set(to.building),
        ship_name: Set(to.recipient_name),
        ship_name_kana: Set(to.recipient_kana),
        ship_phone: Set(to.phone),
        note: Set(request.note),
        quoted_at: Set(None),
        first_paid_at: Set(None),
        cancel_reason: Set(None),
        cancelled_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        weight_grams: Set(None),
        length_cm: Set(None),
        width_cm: Set(None),
        height_cm: Set(None),
        shipping_method: Set(None),
        rate_table: Set(None),
        carrier: Set(None),
        tracking_number: Set(None),
        shipped_at: Set(None),
        completed_at: Set(None),
        receipt_comment: Set(None),
        receipt_public: Set(false),
        payment_reminded_at: Set(None),
        weight_disputed_at: Set(None),
        refund_to: Set(RefundTo::Deposit.as_str().to_owned()),
    })
    .exec_without_returning(db)
    .await?;
    let mut rows = Vec::with_capacity(request.items.len());
    for (position, item) in request.items.into_iter().enumerate() {
        rows.push(proxy_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            order_id: Set(id),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            source_url: Set(item.source_url),
            name: Set(item.name),
            options: Set(item.options),
            quantity: Set(i32::try_from(item.quantity.min(crate::MAX_QUANTITY)).unwrap_or(1)),
            requested_unit_price: Set(item.unit_price.to_yen()?),
            unit_price: Set(None),
            domestic_shipping: Set(0),
            status: Set(ItemStatus::Requested.as_str().to_owned()),
            question: Set(None),
            answer: Set(None),
            updated_at: Set(now),
            arrived_at: Set(None),
        });
    }
    proxy_item::Entity::insert_many(rows).exec_without_returning(db).await?;
    record(db, id, "requested", By::Member(account), None, now).await?;
    proxy_order_for(db, Actor::Member(account), id).await
}

/// PRX-01: staff price every item still in the request (confirmed unit price, the seller's shipping);
/// the 1st invoice is written and mailed. A quote may be revised until the 1st payment is made.
pub async fn quote(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    quotes: Vec<ItemQuote>,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let current = proxy_order_for(db, Actor::Shop(shop), id).await?;
    if !current.status.before_first_payment() {
        return Err(ProxyError::InvalidTransition {
            from: current.status.as_str(),
            to: ProxyStatus::AwaitingFirstPayment.as_str(),
        });
    }
    for q in &quotes {
        let item =
            current.items.iter().find(|i| i.id == q.item_id).ok_or(ProxyError::UnknownItem { item: q.item_id })?;
        if item.status == ItemStatus::Cancelled {
            return Err(ProxyError::ItemLocked { status: item.status.as_str() });
        }
        proxy_item::Entity::update_many()
            .col_expr(proxy_item::Column::UnitPrice, Expr::value(q.unit_price.to_yen()?))
            .col_expr(proxy_item::Column::DomesticShipping, Expr::value(q.domestic_shipping.to_yen()?))
            .col_expr(proxy_item::Column::Status, Expr::value(ItemStatus::BeforePayment.as_str()))
            .col_expr(proxy_item::Column::UpdatedAt, Expr::value(now))
            .filter(proxy_item::Column::Id.eq(q.item_id))
            .exec(db)
            .await?;
    }
    let priced = proxy_order_for(db, Actor::Shop(shop), id).await?;
    if priced.items.iter().any(|i| i.status == ItemStatus::Requested) {
        return Err(ProxyError::IncompleteQuote);
    }
    let amounts = first_invoice_amounts(&priced.items, &proxy_settings(db, shop).await?)?;
    issue_invoice(db, &priced, Stage::First, amounts, now).await?;
    let by = By::Staff(staff);
    if priced.status == ProxyStatus::Requested {
        move_order(
            db,
            &priced,
            ProxyStatus::AwaitingFirstPayment,
            vec![(proxy_order::Column::QuotedAt, Expr::value(now))],
            by,
            now,
        )
        .await?;
    } else {
        record(db, id, "requoted", by, None, now).await?;
    }
    settle_if_covered(db, id, Stage::First, by, now).await?;
    let quoted = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let context = json!({
        "total": amounts.total().to_string(),
        "goods": amounts.goods.to_string(),
        "domestic_shipping": amounts.domestic_shipping.to_string(),
        "service_fee": amounts.service_fee.to_string(),
        "pay_by": quoted.payment_deadline().map(|d| d.to_rfc3339()),
        "items": item_lines(&quoted.items),
    });
    tell_member(db, &quoted, Template::ProxyQuoted, context, now).await?;
    Ok(quoted)
}

fn item_lines(items: &[ProxyItem]) -> Vec<kaimono_messaging::MailItem> {
    items
        .iter()
        .filter(|i| i.status != ItemStatus::Cancelled)
        .map(|i| {
            let label = format!("{} ({}) × {}", i.name, i.options, i.quantity);
            let item = kaimono_messaging::MailItem { label, picture: None };
            match i.unit_price {
                Some(price) => item.priced(price.times(i.quantity)),
                None => item,
            }
        })
        .collect()
}

/// An item the member may still change: the order before its 1st payment, the item not cancelled.
fn changeable(order: &ProxyOrder, item: Uuid) -> Result<ProxyItem, ProxyError> {
    let found = order.items.iter().find(|i| i.id == item).ok_or(ProxyError::UnknownItem { item })?;
    if !order.status.before_first_payment()
        || !matches!(found.status, ItemStatus::Requested | ItemStatus::BeforePayment)
    {
        return Err(ProxyError::ItemLocked { status: found.status.as_str() });
    }
    Ok(found.clone())
}

/// After an item changed: a quoted order gets a new 1st invoice at once (PRX-04); an order with no
/// items left is cancelled.
async fn after_item_change(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let changed = proxy_order_for(db, Actor::Member(account), id).await?;
    if changed.items.iter().all(|i| i.status == ItemStatus::Cancelled) {
        return crate::cancel::cancel_proxy_order(
            db,
            Actor::Member(account),
            id,
            ProxyCancelReason::NoItems,
            By::Member(account),
            now,
        )
        .await;
    }
    if changed.status == ProxyStatus::AwaitingFirstPayment {
        let amounts = first_invoice_amounts(&changed.items, &proxy_settings(db, changed.shop_id).await?)?;
        issue_invoice(db, &changed, Stage::First, amounts, now).await?;
        settle_if_covered(db, id, Stage::First, By::Member(account), now).await?;
    }
    proxy_order_for(db, Actor::Member(account), id).await
}

/// PRX-04: the member changes an item's quantity before paying; the 1st invoice follows.
pub async fn change_quantity(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    item: Uuid,
    quantity: u32,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Member(account), id).await?;
    let found = changeable(&order, item)?;
    let quantity = quantity.clamp(1, crate::MAX_QUANTITY);
    proxy_item::Entity::update_many()
        .col_expr(proxy_item::Column::Quantity, Expr::value(i32::try_from(quantity).unwrap_or(1)))
        .col_expr(proxy_item::Column::UpdatedAt, Expr::value(now))
        .filter(proxy_item::Column::Id.eq(item))
        .exec(db)
        .await?;
    let note = format!("{} × {} → {quantity}", found.name, found.quantity);
    record(db, id, "item_quantity_changed", By::Member(account), Some(note), now).await?;
    after_item_change(db, account, id, now).await
}

/// PRX-04: the member cancels one item before paying; the 1st invoice follows.
pub async fn cancel_item(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    item: Uuid,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Member(account), id).await?;
    let found = changeable(&order, item)?;
    proxy_item::Entity::update_many()
        .col_expr(proxy_item::Column::Status, Expr::value(ItemStatus::Cancelled.as_str()))
        .col_expr(proxy_item::Column::UpdatedAt, Expr::value(now))
        .filter(proxy_item::Column::Id.eq(item))
        .exec(db)
        .await?;
    record(db, id, "item_cancelled", By::Member(account), Some(found.name), now).await?;
    after_item_change(db, account, id, now).await
}

/// PRX-05: before paying, the member asks staff to confirm something with the seller; the item is not
/// bought until staff answer.
pub async fn ask_before_buying(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    item: Uuid,
    question: String,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Member(account), id).await?;
    changeable(&order, item)?;
    proxy_item::Entity::update_many()
        .col_expr(proxy_item::Column::Question, Expr::value(question.clone()))
        .col_expr(proxy_item::Column::Answer, Expr::value(Option::<String>::None))
        .col_expr(proxy_item::Column::UpdatedAt, Expr::value(now))
        .filter(proxy_item::Column::Id.eq(item))
        .exec(db)
        .await?;
    record(db, id, "question_asked", By::Member(account), Some(question), now).await?;
    proxy_order_for(db, Actor::Member(account), id).await
}

/// PRX-05: staff's answer to the member's question (after asking the seller).
pub async fn answer_question(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    item: Uuid,
    answer: String,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let found = order.items.iter().find(|i| i.id == item).ok_or(ProxyError::UnknownItem { item })?;
    if !found.question_open() {
        return Err(ProxyError::NoQuestion);
    }
    proxy_item::Entity::update_many()
        .col_expr(proxy_item::Column::Answer, Expr::value(answer.clone()))
        .col_expr(proxy_item::Column::UpdatedAt, Expr::value(now))
        .filter(proxy_item::Column::Id.eq(item))
        .exec(db)
        .await?;
    record(db, id, "question_answered", By::Staff(staff), Some(answer), now).await?;
    proxy_order_for(db, Actor::Shop(shop), id).await
}

/// PRX-06: staff move a paid item on: bought from the seller, arrived at the warehouse, inspected.
/// One step at a time; an item with an open question is not bought (PRX-05).
pub async fn mark_item(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    item: Uuid,
    to: ItemStatus,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let found = order.items.iter().find(|i| i.id == item).ok_or(ProxyError::UnknownItem { item })?;
    let from = match to {
        ItemStatus::Purchased => ItemStatus::Paid,
        ItemStatus::Arrived => ItemStatus::Purchased,
        ItemStatus::Inspected => ItemStatus::Arrived,
        _ => return Err(ProxyError::InvalidTransition { from: found.status.as_str(), to: to.as_str() }),
    };
    if order.status != ProxyStatus::Purchasing || found.status != from {
        return Err(ProxyError::InvalidTransition { from: found.status.as_str(), to: to.as_str() });
    }
    if to == ItemStatus::Purchased && found.question_open() {
        return Err(ProxyError::QuestionOpen);
    }
    let mut update = proxy_item::Entity::update_many()
        .col_expr(proxy_item::Column::Status, Expr::value(to.as_str()))
        .col_expr(proxy_item::Column::UpdatedAt, Expr::value(now));
    if to == ItemStatus::Arrived {
        // The storage clock starts at the first arrival.
        update = update.col_expr(proxy_item::Column::ArrivedAt, Expr::value(now));
    }
    let moved = update
        .filter(proxy_item::Column::Id.eq(item))
        .filter(proxy_item::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    if moved.rows_affected == 0 {
        return Err(ProxyError::InvalidTransition { from: found.status.as_str(), to: to.as_str() });
    }
    record(db, id, &format!("item_{}", to.as_str()), By::Staff(staff), Some(found.name.clone()), now).await?;
    let marked = proxy_order_for(db, Actor::Shop(shop), id).await?;
    // PRX-06: the member hears when the last item is bought, and when the last is inspected.
    let kept = || marked.items.iter().filter(|i| i.status != ItemStatus::Cancelled);
    let news = match to {
        ItemStatus::Purchased if kept().all(|i| i.status != ItemStatus::Paid) => Some(Template::ProxyItemsPurchased),
        ItemStatus::Inspected if kept().all(|i| i.status == ItemStatus::Inspected) => Some(Template::ProxyInspected),
        _ => None,
    };
    if let Some(template) = news {
        tell_member(db, &marked, template, json!({"items": item_lines(&marked.items)}), now).await?;
    }
    Ok(marked)
}

/// The money a member put towards an order that is being cancelled (what the 1st invoice holds).
pub(crate) fn paid_so_far(order: &ProxyOrder) -> Money {
    order.invoices.iter().filter(|i| i.status == InvoiceStatus::Open).map(|i| i.paid).sum()
}
