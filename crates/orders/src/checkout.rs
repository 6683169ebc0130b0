//! CART-02: placing the cart as unpaid orders, one per shop, with their stock held — in the caller's
//! transaction, so an order exists exactly when its stock is held.

use crate::cart::cart_of;
use crate::error::OrderError;
use crate::model::{
    Carrier, CartLine, Checkout, LineStatus, MAX_LINE_QUANTITY, Order, OrderStatus, OrderSubscription, with_shipping,
};
use crate::queries::load_orders;
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_accounts::notify_member;
use kaimono_catalog::{CatalogError, ShippingQuote, take_stock};
use kaimono_core::japan::japan_today;
use kaimono_core::{
    AccountId, AddressId, Money, ShippingAddress, ShopId, TaxCategory, TaxSummary, normalize_for_search,
};
use kaimono_entity::{cart_item, order, order_line};
use kaimono_messaging::{MailItem, Template};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Takes `line.quantity` off the shelf of the line's shop, or fails without changing anything. The cart
/// was read in this transaction, so `on_sale` is current.
async fn hold(db: &impl ConnectionTrait, line: &CartLine, now: DateTime<Utc>) -> Result<(), OrderError> {
    if !line.on_sale {
        return Err(OrderError::NotPurchasable);
    }
    match take_stock(db, line.shop_id, line.variant_id, line.quantity, now).await {
        Err(CatalogError::InsufficientStock { available }) => Err(OrderError::InsufficientStock {
            variant: line.variant_id,
            product_name: line.product_name.clone(),
            sku: line.sku.clone(),
            available,
        }),
        other => other.map_err(Into::into),
    }
}

/// A short number to quote on the phone: date and eight random hex digits of the id.
fn order_number(id: Uuid, now: DateTime<Utc>) -> String {
    kaimono_core::ids::display_number("", id, now)
}

/// CART-02: what shipping costs one shop's lines to `prefecture`, with the carrier the member chose for
/// it (or its default one), checked against the time slot asked for.
async fn quote_shipping(
    db: &impl ConnectionTrait,
    shop: ShopId,
    lines: &[CartLine],
    checkout: &Checkout,
    prefecture: i16,
) -> Result<ShippingQuote, OrderError> {
    let shop_name = || lines.first().map(|l| l.shop_name.clone()).unwrap_or_default();
    let rules = kaimono_catalog::shipping_of(db, shop).await?;
    let chosen = checkout.carriers.iter().find(|(s, _)| *s == shop).map(|(_, c)| *c);
    let goods: Money = lines.iter().map(CartLine::total).sum();
    let quote = match rules.quote(chosen, prefecture, goods) {
        Err(CatalogError::CarrierNotOffered) => return Err(OrderError::CarrierNotOffered { shop: shop_name() }),
        other => other?,
    };
    if let (Some(slot), Some(method)) = (&checkout.delivery_time_slot, rules.method(quote.carrier)?)
        && !method.time_slots.contains(slot)
    {
        return Err(OrderError::TimeSlotUnavailable { shop: shop_name() });
    }
    Ok(quote)
}

/// An order's row to write.
pub(crate) struct NewOrder<'a> {
    pub id: Uuid,
    pub number: &'a str,
    pub account_id: AccountId,
    pub shop_id: ShopId,
    pub status: OrderStatus,
    pub ship_to: &'a ShippingAddress,
    pub delivery_date: Option<NaiveDate>,
    pub time_slot: Option<String>,
    pub tax: &'a TaxSummary,
    pub shipping_fee: Money,
    pub payment_fee: Money,
    pub carrier: Option<Carrier>,
    pub subscription: Option<&'a OrderSubscription>,
    pub memo: Option<String>,
    pub payment_method: Option<String>,
    /// The name of a shop's own payment method (PAY-08).
    pub payment_method_name: Option<String>,
    /// SUB-15: points used as payment.
    pub points_used: i64,
}

/// Writes an order's row (its lines are the caller's).
pub(crate) async fn insert_order(
    db: &impl ConnectionTrait,
    o: NewOrder<'_>,
    now: DateTime<Utc>,
) -> Result<(), OrderError> {
    order::Entity::insert(order_row(o, now)?).exec_without_returning(db).await?;
    Ok(())
}

/// An order's row as written.
pub(crate) fn order_row(o: NewOrder<'_>, now: DateTime<Utc>) -> Result<order::ActiveModel, OrderError> {
    let to = o.ship_to;
    Ok(order::ActiveModel {
        id: Set(o.id),
        number: Set(o.number.to_owned()),
        account_id: Set(o.account_id.0),
        shop_id: Set(o.shop_id.0),
        status: Set(o.status.as_str().to_owned()),
        ship_postal_code: Set(to.postal_code.clone()),
        ship_prefecture: Set(to.prefecture),
        ship_city: Set(to.city.clone()),
        ship_street: Set(to.street.clone()),
        ship_building: Set(to.building.clone()),
        ship_name: Set(to.recipient_name.clone()),
        ship_name_kana: Set(to.recipient_kana.clone()),
        ship_phone: Set(to.phone.clone()),
        delivery_date: Set(o.delivery_date),
        delivery_time_slot: Set(o.time_slot),
        total: Set(o.tax.total.to_yen()?),
        tax_standard: Set(o.tax.tax_of(TaxCategory::Standard).to_yen()?),
        tax_reduced: Set(o.tax.tax_of(TaxCategory::Reduced).to_yen()?),
        shipping_fee: Set(o.shipping_fee.to_yen()?),
        shipping_carrier: Set(o.carrier.map(|c| c.as_str().to_owned())),
        search_text: Set(normalize_for_search(&format!(
            "{}\n{}\n{}\n{}",
            o.number,
            to.recipient_name,
            to.recipient_kana,
            o.subscription.map(|s| s.number.as_str()).unwrap_or_default()
        ))),
        created_at: Set(now),
        updated_at: Set(now),
        carrier: Set(None),
        tracking_number: Set(None),
        cancel_reason: Set(None),
        paid_at: Set(None),
        shipped_at: Set(None),
        cancelled_at: Set(None),
        subscription_id: Set(o.subscription.map(|s| s.id)),
        subscription_number: Set(o.subscription.map(|s| s.number.clone())),
        next_delivery_on: Set(o.subscription.and_then(|s| s.next_delivery_on)),
        memo: Set(o.memo),
        payment_method: Set(o.payment_method),
        payment_method_name: Set(o.payment_method_name),
        payment_fee: Set(o.payment_fee.to_yen()?),
        points_used: Set(o.points_used),
    })
}

/// Places the member's cart. Run it in a (write) transaction.
pub async fn place_orders(
    db: &impl ConnectionTrait,
    account_id: AccountId,
    checkout: Checkout,
    now: DateTime<Utc>,
) -> Result<Vec<Order>, OrderError> {
    let cart = cart_of(db, account_id, japan_today(now)).await?;
    if cart.lines.is_empty() {
        return Err(OrderError::EmptyCart);
    }
    if let Some(wished) = checkout.delivery_date
        && !cart.delivery_window.is_some_and(|w| w.contains(wished))
    {
        return Err(OrderError::DeliveryDateOutOfWindow { window: cart.delivery_window });
    }
    let ship_to = match kaimono_accounts::get_address(db, account_id, AddressId(checkout.address_id)).await {
        Err(kaimono_accounts::AccountError::NotFound) => return Err(OrderError::AddressNotFound),
        other => other?,
    };

    let mut by_shop: BTreeMap<Uuid, Vec<CartLine>> = BTreeMap::new();
    for line in &cart.lines {
        by_shop.entry(line.shop_id.0).or_default().push(line.clone());
    }
    // Shipping is quoted (and the slot checked) for every shop before any stock is taken.
    let mut shops = Vec::with_capacity(by_shop.len());
    for (shop_id, lines) in by_shop {
        let shipping = quote_shipping(db, ShopId(shop_id), &lines, &checkout, ship_to.prefecture).await?;
        shops.push((shop_id, lines, shipping));
    }

    // Ascending variant order: concurrent checkouts take row locks in one order and cannot deadlock.
    let mut lines = cart.lines;
    lines.sort_by_key(|l| l.variant_id);
    for line in &lines {
        hold(db, line, now).await?;
    }

    // The pictures for the "order received" emails: one read, after the stock is held.
    let covers = kaimono_catalog::covers_of(db, lines.iter().map(|l| l.product_id)).await?;
    let mut ids = Vec::new();
    for (shop_id, lines, shipping) in shops {
        let tax = with_shipping(lines.iter().map(|l| (l.tax_category, l.total())), shipping.fee);
        let id = Uuid::now_v7();
        let number = order_number(id, now);
        let ship_to = ship_to.ship_to();
        let new = NewOrder {
            id,
            number: &number,
            account_id,
            shop_id: ShopId(shop_id),
            status: OrderStatus::AwaitingStockCheck,
            ship_to: &ship_to,
            delivery_date: checkout.delivery_date,
            time_slot: checkout.delivery_time_slot.clone(),
            tax: &tax,
            shipping_fee: shipping.fee,
            payment_fee: Money::ZERO,
            points_used: 0,
            carrier: shipping.carrier,
            subscription: None,
            memo: None,
            payment_method: None,
            payment_method_name: None,
        };
        insert_order(db, new, now).await?;
        kaimono_accounts::count_purchase(db, account_id, 1, tax.total, now).await?;
        let mut rows = Vec::with_capacity(lines.len());
        for l in &lines {
            rows.push(order_line::ActiveModel {
                id: Set(Uuid::now_v7()),
                order_id: Set(id),
                variant_id: Set(l.variant_id.0),
                sku: Set(l.sku.clone()),
                product_name: Set(l.product_name.clone()),
                color: Set(l.color.clone()),
                size: Set(l.size.clone()),
                tax_category: Set(l.tax_category.as_str().to_owned()),
                unit_price: Set(l.unit_price.to_yen()?),
                quantity: Set(
                    i32::try_from(l.quantity).map_err(|_| OrderError::QuantityTooLarge { max: MAX_LINE_QUANTITY })?
                ),
                status: Set(LineStatus::Held.as_str().to_owned()),
                stocked: Set(true),
            });
        }
        order_line::Entity::insert_many(rows).exec_without_returning(db).await?;
        crate::fulfilment::record(db, id, "placed", kaimono_timeline::By::Member(account_id), None, now).await?;

        // NOTIF-01: "order received", in the same transaction.
        let items: Vec<MailItem> = lines
            .iter()
            .map(|l| {
                let picture = covers.get(&l.product_id).and_then(|c| c.thumbnail_path());
                MailItem::goods(&l.product_name, &l.color, &l.size, l.quantity, picture).priced(l.total())
            })
            .collect();
        let shop_name = lines.first().map(|l| l.shop_name.clone()).unwrap_or_default();
        let context = json!({
            "number": number,
            "shop": shop_name,
            "items": items,
            "shipping_fee": (shipping.fee > Money::ZERO).then(|| shipping.fee.to_string()),
            "total": tax.total.to_string(),
        });
        notify_member(db, account_id, ShopId(shop_id), Template::OrderReceived, context, now).await?;
        ids.push(id);
    }
    cart_item::Entity::delete_many().filter(cart_item::Column::AccountId.eq(account_id.0)).exec(db).await?;
    load_orders(db, order::Entity::find().filter(order::Column::Id.is_in(ids))).await
}
