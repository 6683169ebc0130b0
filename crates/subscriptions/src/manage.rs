//! SUB-05, SUB-06, SUB-07, SUB-10: changing a running subscription — the shop's skip, end and edits,
//! and the member's My Page changes the shop allows (each emailed to the shop). A change applies from
//! the next generation; orders already generated are not touched (seed 002). On its generation day,
//! before its order exists, a subscription cannot be changed.

use crate::checkout::check_cycle;
use crate::error::SubscriptionError;
use crate::model::{Cycle, PaymentMethod, generation_on};
use crate::queries::{SubscriptionDetail, Viewer, subscription_detail, subscription_for};
use crate::settings::{SubscriptionSettings, subscription_settings};
use crate::store::{Subscription, SubscriptionStatus};
use chrono::{DateTime, Utc};
use kaimono_catalog::{SubscriptionTerms, VariantView};
use kaimono_core::japan::japan_today;
use kaimono_core::{AccountId, AddressId, Carrier, Money, ShippingAddress, ShopId, VariantId};
use kaimono_entity::{subscription, subscription_consent, subscription_item};
use kaimono_messaging::{Email, Template};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// A change of one item (SUB-07).
#[derive(Debug, Clone)]
pub enum ItemChange {
    /// The 2nd+ price and the quantity; catalog prices are not touched.
    Update {
        id: Uuid,
        unit_price: Money,
        quantity: u32,
    },
    Remove {
        id: Uuid,
    },
    /// A subscription-enabled variant, at its 2nd+ price; its count starts at the next generation.
    Add {
        variant_id: VariantId,
        quantity: u32,
    },
}

/// The shop's edit of a subscription (SUB-07); absent fields stay.
#[derive(Debug, Clone, Default)]
pub struct SubscriptionChanges {
    pub cycle: Option<Cycle>,
    pub carrier: Option<Option<Carrier>>,
    pub time_slot: Option<Option<String>>,
    pub payment_method: Option<(PaymentMethod, Option<Uuid>)>,
    pub ship_to: Option<ShippingAddress>,
    pub memo: Option<String>,
    pub shipping_fee: Option<Money>,
    pub fee: Option<Money>,
    pub items: Vec<ItemChange>,
}

/// The member's change on My Page (SUB-10); absent fields stay.
#[derive(Debug, Clone, Default)]
pub struct MemberChanges {
    pub cycle: Option<Cycle>,
    pub time_slot: Option<Option<String>>,
    pub payment_method: Option<(PaymentMethod, Option<Uuid>)>,
    pub address_id: Option<AddressId>,
}

/// The subscription, running and not due for generation today.
async fn changeable(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    id: Uuid,
    action: &'static str,
    now: DateTime<Utc>,
) -> Result<Subscription, SubscriptionError> {
    let s = subscription_for(db, viewer, id).await?;
    if s.status == SubscriptionStatus::Ended {
        return Err(SubscriptionError::InvalidState { status: "ended", action });
    }
    if s.next_generation_on <= japan_today(now) {
        return Err(SubscriptionError::InvalidState { status: "being generated", action });
    }
    Ok(s)
}

/// Writes `changes` if the subscription is still at the delivery it was read at.
async fn write(
    db: &impl ConnectionTrait,
    s: &Subscription,
    changes: Vec<(subscription::Column, SimpleExpr)>,
    now: DateTime<Utc>,
) -> Result<(), SubscriptionError> {
    if crate::store::update_at_delivery(db, s, changes, now).await? {
        Ok(())
    } else {
        Err(SubscriptionError::InvalidState { status: "being generated", action: "change" })
    }
}

/// SUB-05: plans (`skip`) or cancels the skip of the next delivery, until its order is generated.
pub async fn skip_next_delivery(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    skip: bool,
    now: DateTime<Utc>,
) -> Result<SubscriptionDetail, SubscriptionError> {
    let s = changeable(db, Viewer::Shop(shop), id, "skip", now).await?;
    write(db, &s, vec![(subscription::Column::SkipNext, Expr::value(skip))], now).await?;
    subscription_detail(db, Viewer::Shop(shop), id).await
}

/// SUB-06: ends the subscription for good.
pub async fn end_subscription(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<SubscriptionDetail, SubscriptionError> {
    let s = subscription_for(db, Viewer::Shop(shop), id).await?;
    if s.status == SubscriptionStatus::Ended {
        return Err(SubscriptionError::InvalidState { status: "ended", action: "end" });
    }
    let changes =
        vec![(subscription::Column::Status, Expr::value("ended")), (subscription::Column::EndedAt, Expr::value(now))];
    write(db, &s, changes, now).await?;
    subscription_detail(db, Viewer::Shop(shop), id).await
}

/// A new cycle: SUB-14 — "every N days" counts from today; "monthly on day N" takes the first day N
/// whose generation is still ahead.
fn cycle_change(cycle: Cycle, lead_days: u32, now: DateTime<Utc>) -> Vec<(subscription::Column, SimpleExpr)> {
    let today = japan_today(now);
    let next = cycle.first_after(today, today, lead_days);
    vec![
        (subscription::Column::CycleKind, Expr::value(cycle.kind())),
        (subscription::Column::CycleValue, Expr::value(i32::try_from(cycle.value()).unwrap_or(1))),
        (subscription::Column::NextDeliveryOn, Expr::value(next)),
        (subscription::Column::NextGenerationOn, Expr::value(generation_on(next, lead_days))),
        (subscription::Column::SkipNext, Expr::value(false)),
    ]
}

/// A payment method for `account`'s subscription: a card must be one of the member's saved cards.
async fn payment_change(
    db: &impl ConnectionTrait,
    account: AccountId,
    (method, card): (PaymentMethod, Option<Uuid>),
    settings: &SubscriptionSettings,
) -> Result<Vec<(subscription::Column, SimpleExpr)>, SubscriptionError> {
    let card = match method {
        PaymentMethod::Card => {
            let card = card.ok_or(SubscriptionError::CardRequired)?;
            match kaimono_payments::card_ref(db, account, card).await {
                Err(kaimono_payments::PaymentError::CardNotFound) => return Err(SubscriptionError::CardRequired),
                other => other?,
            };
            Some(card)
        }
        // PAY-08: one of the shop's own methods, under its name as it is now.
        PaymentMethod::Custom(id) if settings.custom(id).is_none() => {
            return Err(SubscriptionError::PaymentMethodNotOffered);
        }
        _ => None,
    };
    let fee = settings.fee_for(method);
    Ok(vec![
        (subscription::Column::PaymentMethod, Expr::value(method.as_str())),
        (subscription::Column::CardId, Expr::value(card)),
        (subscription::Column::CustomMethodId, Expr::value(method.custom_id())),
        (subscription::Column::CustomMethodName, Expr::value(settings.method_name(method))),
        (subscription::Column::Fee, Expr::value(fee.to_yen()?)),
    ])
}

fn address_change(to: &ShippingAddress) -> Vec<(subscription::Column, SimpleExpr)> {
    vec![
        (subscription::Column::ShipPostalCode, Expr::value(to.postal_code.clone())),
        (subscription::Column::ShipPrefecture, Expr::value(to.prefecture)),
        (subscription::Column::ShipCity, Expr::value(to.city.clone())),
        (subscription::Column::ShipStreet, Expr::value(to.street.clone())),
        (subscription::Column::ShipBuilding, Expr::value(to.building.clone())),
        (subscription::Column::ShipName, Expr::value(to.recipient_name.clone())),
        (subscription::Column::ShipNameKana, Expr::value(to.recipient_kana.clone())),
        (subscription::Column::ShipPhone, Expr::value(to.phone.clone())),
    ]
}

/// The time slot is one the carrier delivers in.
async fn check_time_slot(
    db: &impl ConnectionTrait,
    s: &Subscription,
    carrier: Option<Carrier>,
    slot: Option<&String>,
) -> Result<(), SubscriptionError> {
    let Some(slot) = slot else { return Ok(()) };
    let rules = kaimono_catalog::shipping_of(db, s.shop_id).await?;
    let method = match rules.method(carrier) {
        Err(kaimono_catalog::CatalogError::CarrierNotOffered) => None,
        other => other?,
    };
    if method.is_some_and(|m| !m.time_slots.contains(slot)) {
        return Err(kaimono_orders::OrderError::TimeSlotUnavailable { shop: s.shop_name.clone() }.into());
    }
    Ok(())
}

/// SUB-07: the shop's edit. Seed 002 sets the shop no limits on cycle, carrier or method combinations.
pub async fn update_subscription(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    changes: SubscriptionChanges,
    now: DateTime<Utc>,
) -> Result<SubscriptionDetail, SubscriptionError> {
    let s = changeable(db, Viewer::Shop(shop), id, "change", now).await?;
    let settings = subscription_settings(db, shop).await?;
    let mut columns = Vec::new();
    if let Some(cycle) = changes.cycle {
        columns.extend(cycle_change(cycle, settings.lead_days, now));
    }
    let carrier = changes.carrier.unwrap_or(s.carrier);
    let slot = changes.time_slot.clone().unwrap_or_else(|| s.time_slot.clone());
    check_time_slot(db, &s, carrier, slot.as_ref()).await?;
    if let Some(c) = changes.carrier {
        columns.push((subscription::Column::Carrier, Expr::value(c.map(|c| c.as_str().to_owned()))));
    }
    if let Some(t) = changes.time_slot {
        columns.push((subscription::Column::TimeSlot, Expr::value(t)));
    }
    if let Some(payment) = changes.payment_method {
        columns.extend(payment_change(db, s.account_id, payment, &settings).await?);
    }
    if let Some(to) = &changes.ship_to {
        columns.extend(address_change(to));
    }
    if let Some(memo) = changes.memo {
        columns.push((subscription::Column::Memo, Expr::value(memo)));
    }
    if let Some(fee) = changes.shipping_fee {
        columns.push((subscription::Column::ShippingFee, Expr::value(fee.to_yen()?)));
    }
    if let Some(fee) = changes.fee {
        columns.push((subscription::Column::Fee, Expr::value(fee.to_yen()?)));
    }
    // Every item change is checked before anything is written: a refused edit touches no row.
    let added = check_items(db, &s, &changes.items).await?;
    write(db, &s, columns, now).await?;
    let mut raised = Vec::new();
    for change in changes.items {
        raised.extend(change_item(db, &s, change, &added, now).await?);
    }
    if !s.items.is_empty() && subscription_for(db, Viewer::Shop(shop), id).await?.active_items().next().is_none() {
        return Err(SubscriptionError::InvalidState { status: "left without items", action: "change" });
    }
    if !raised.is_empty() {
        let context = json!({ "number": s.number, "shop": s.shop_name, "changes": raised });
        kaimono_accounts::notify_member(db, s.account_id, shop, Template::SubscriptionPriceRaised, context, now)
            .await?;
    }
    subscription_detail(db, Viewer::Shop(shop), id).await
}

/// The items to update or remove are the subscription's; the variants to add are the shop's and offered
/// on subscription (returned with their terms).
async fn check_items(
    db: &impl ConnectionTrait,
    s: &Subscription,
    items: &[ItemChange],
) -> Result<HashMap<VariantId, (VariantView, SubscriptionTerms)>, SubscriptionError> {
    let own = |id: &Uuid| s.active_items().any(|i| i.id == *id);
    let mut wanted = Vec::new();
    for change in items {
        match change {
            ItemChange::Update { id, .. } | ItemChange::Remove { id } if !own(id) => {
                return Err(SubscriptionError::NotFound);
            }
            ItemChange::Add { variant_id, .. } => wanted.push(*variant_id),
            _ => {}
        }
    }
    let mut views = kaimono_catalog::variant_views(db, wanted.iter().copied()).await?;
    let mut added = HashMap::new();
    for variant in wanted {
        let view = views
            .remove(&variant)
            .filter(|v| v.shop_id == s.shop_id)
            .ok_or(SubscriptionError::NotSubscribable { variant, product_name: String::new() })?;
        let terms = view
            .subscription
            .ok_or_else(|| SubscriptionError::NotSubscribable { variant, product_name: view.product_name.clone() })?;
        added.insert(variant, (view, terms));
    }
    Ok(added)
}

/// Writes one item change checked by [`check_items`]; a newly raised price is returned as the member's
/// email shows it.
async fn change_item(
    db: &impl ConnectionTrait,
    s: &Subscription,
    change: ItemChange,
    added: &HashMap<VariantId, (VariantView, SubscriptionTerms)>,
    now: DateTime<Utc>,
) -> Result<Option<String>, SubscriptionError> {
    let mut raised = None;
    let quantity =
        |q: u32| i32::try_from(q).map_err(|_| SubscriptionError::QuantityTooLarge { max: crate::cart::MAX_QUANTITY });
    match change {
        ItemChange::Update { id, unit_price, quantity: q } => {
            let mut update = subscription_item::Entity::update_many()
                .col_expr(subscription_item::Column::Quantity, Expr::value(quantity(q)?))
                .filter(subscription_item::Column::Id.eq(id));
            let item = s.active_items().find(|i| i.id == id).ok_or(SubscriptionError::NotFound)?;
            // Issue 12, item 10: a price above what the member agreed to waits for their consent; one at
            // or below it applies at once (and withdraws a raise not yet agreed to).
            if unit_price > item.unit_price {
                if item.proposed_price != Some(unit_price) {
                    update =
                        update.col_expr(subscription_item::Column::ProposedPrice, Expr::value(unit_price.to_yen()?));
                    raised = Some(format!("{}: {} → {}", item_label(item), item.unit_price, unit_price));
                }
            } else {
                update = update
                    .col_expr(subscription_item::Column::UnitPrice, Expr::value(unit_price.to_yen()?))
                    .col_expr(subscription_item::Column::ProposedPrice, Expr::value(Option::<i64>::None));
            }
            update.exec(db).await?;
        }
        ItemChange::Remove { id } => {
            subscription_item::Entity::update_many()
                .col_expr(subscription_item::Column::Active, Expr::value(false))
                .filter(subscription_item::Column::Id.eq(id))
                .exec(db)
                .await?;
        }
        ItemChange::Add { variant_id, quantity: q } => {
            let (view, terms) = added
                .get(&variant_id)
                .ok_or(SubscriptionError::NotSubscribable { variant: variant_id, product_name: String::new() })?;
            subscription_item::Entity::insert(subscription_item::ActiveModel {
                id: Set(Uuid::now_v7()),
                subscription_id: Set(s.id),
                product_id: Set(view.product_id.0),
                variant_id: Set(view.id.0),
                product_name: Set(view.product_name.clone()),
                sku: Set(view.sku.clone()),
                color: Set(view.color.clone()),
                size: Set(view.size.clone()),
                tax_category: Set(view.tax_category.as_str().to_owned()),
                first_price: Set(terms.price.to_yen()?),
                unit_price: Set(terms.price.to_yen()?),
                proposed_price: Set(None),
                quantity: Set(quantity(q)?),
                max_deliveries: Set(terms.max_deliveries.map(|m| i32::try_from(m).unwrap_or(i32::MAX))),
                deliveries: Set(0),
                active: Set(true),
                created_at: Set(now),
            })
            .exec_without_returning(db)
            .await?;
        }
    }
    Ok(raised)
}

/// An item as emails name it.
fn item_label(i: &crate::store::SubscriptionItem) -> String {
    format!("{} ({} / {})", i.product_name, i.color, i.size)
}

/// SUB-10: the member's change on My Page, within what the shop allows; the shop is emailed who changed
/// what on which subscription.
pub async fn change_my_subscription(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    changes: MemberChanges,
    now: DateTime<Utc>,
) -> Result<SubscriptionDetail, SubscriptionError> {
    let s = changeable(db, Viewer::Member(account), id, "change", now).await?;
    let settings = subscription_settings(db, s.shop_id).await?;
    let mut columns = Vec::new();
    let mut what: Vec<&str> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    if changes.cycle.is_some() || changes.time_slot.is_some() {
        if !settings.member_changes_cycle {
            return Err(SubscriptionError::ChangeNotAllowed { what: "delivery cycle" });
        }
        what.push("delivery cycle");
    }
    if let Some(cycle) = changes.cycle {
        check_cycle(&settings, cycle)?;
        columns.extend(cycle_change(cycle, settings.lead_days, now));
        lines.push(format!("cycle: {} {}", cycle.kind(), cycle.value()));
    }
    if let Some(slot) = &changes.time_slot {
        check_time_slot(db, &s, s.carrier, slot.as_ref()).await?;
        columns.push((subscription::Column::TimeSlot, Expr::value(slot.clone())));
        lines.push(format!("time slot: {}", slot.as_deref().unwrap_or("none")));
    }
    if let Some(payment) = changes.payment_method {
        if !settings.member_changes_payment {
            return Err(SubscriptionError::ChangeNotAllowed { what: "payment method" });
        }
        if !settings.offers(payment.0) {
            return Err(SubscriptionError::PaymentMethodNotOffered);
        }
        if !settings.method_takes(payment.0, s.carrier) {
            return Err(SubscriptionError::MethodNotForCarrier);
        }
        columns.extend(payment_change(db, account, payment, &settings).await?);
        what.push("payment method");
        let name = settings.method_name(payment.0);
        lines.push(format!("payment method: {}", name.as_deref().unwrap_or(payment.0.as_str())));
    }
    if let Some(address) = changes.address_id {
        let a = match kaimono_accounts::get_address(db, account, address).await {
            Err(kaimono_accounts::AccountError::NotFound) => return Err(SubscriptionError::AddressNotFound),
            other => other?,
        };
        let to = a.ship_to();
        columns.extend(address_change(&to));
        what.push("delivery address");
        lines.push(format!("delivery address: 〒{} {} {}", to.postal_code, to.city, to.street));
    }
    if columns.is_empty() {
        return subscription_detail(db, Viewer::Member(account), id).await;
    }
    write(db, &s, columns, now).await?;
    notify_shop(db, &s, account, &what, lines, now).await?;
    subscription_detail(db, Viewer::Member(account), id).await
}

/// SUB-10: the shop is emailed who changed what on which subscription.
async fn notify_shop(
    db: &impl ConnectionTrait,
    s: &Subscription,
    account: AccountId,
    what: &[&str],
    lines: Vec<String>,
    now: DateTime<Utc>,
) -> Result<(), SubscriptionError> {
    let shop = kaimono_catalog::get_shop(db, s.shop_id).await?;
    let member = kaimono_accounts::member_contact(db, account).await?;
    let context = json!({
        "shop": shop.name,
        "member": member.name,
        "member_email": member.email,
        "number": s.number,
        "what": what.join(", "),
        "changes": lines,
    });
    let email =
        Email::render(&shop.contact_email, Template::SubscriptionChangedByMember, kaimono_core::Locale::Ja, context)?;
    kaimono_messaging::enqueue(db, email, now).await?;
    Ok(())
}

/// A raised price the member consents to, as their page showed it.
#[derive(Debug, Clone, Copy)]
pub struct ConsentedPrice {
    pub item_id: Uuid,
    pub price: Money,
}

/// Issue 12, item 10: the member consents to the raised prices their page showed — exactly the ones
/// waiting (409 when the shop changed them meanwhile, or none wait). They apply from the next generation;
/// what was agreed to is kept, hashed, and the shop is emailed.
pub async fn consent_to_prices(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    seen: &[ConsentedPrice],
    now: DateTime<Utc>,
) -> Result<SubscriptionDetail, SubscriptionError> {
    let s = changeable(db, Viewer::Member(account), id, "consent to", now).await?;
    let waiting: Vec<_> = s.active_items().filter_map(|i| i.proposed_price.map(|p| (i, p))).collect();
    if waiting.is_empty() {
        return Err(SubscriptionError::InvalidState { status: "without a raised price", action: "consent to" });
    }
    let mut shown: Vec<_> = seen.iter().map(|c| (c.item_id, c.price)).collect();
    let mut expected: Vec<_> = waiting.iter().map(|(i, p)| (i.id, *p)).collect();
    shown.sort();
    expected.sort();
    if shown != expected {
        return Err(SubscriptionError::InvalidState { status: "changed since it was shown", action: "consent to" });
    }
    let mut items = Vec::with_capacity(waiting.len());
    let mut lines = Vec::with_capacity(waiting.len());
    for (item, price) in &waiting {
        items.push(json!({
            "item_id": item.id,
            "product_name": item.product_name,
            "color": item.color,
            "size": item.size,
            "quantity": item.quantity,
            "price_before": item.unit_price.to_yen()?,
            "price": price.to_yen()?,
        }));
        lines.push(format!("price: {}: {} → {}", item_label(item), item.unit_price, price));
        subscription_item::Entity::update_many()
            .col_expr(subscription_item::Column::UnitPrice, Expr::value(price.to_yen()?))
            .col_expr(subscription_item::Column::ProposedPrice, Expr::value(Option::<i64>::None))
            .filter(subscription_item::Column::Id.eq(item.id))
            .exec(db)
            .await?;
    }
    // Still at the delivery it was read at: not generated meanwhile.
    write(db, &s, Vec::new(), now).await?;
    let content = json!({ "subscription": s.number, "items": items, "consented_at": now.to_rfc3339() }).to_string();
    subscription_consent::Entity::insert(subscription_consent::ActiveModel {
        id: Set(Uuid::now_v7()),
        subscription_id: Set(s.id),
        content_sha256: Set(crate::model::sha256_hex(&content)),
        content: Set(content),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    notify_shop(db, &s, account, &["price (consented to the raise)"], lines, now).await?;
    subscription_detail(db, Viewer::Member(account), id).await
}

/// PAY-01: deletes the member's saved card, unless an active subscription pays with it.
pub async fn delete_card(
    db: &sea_orm::DatabaseConnection,
    provider: &dyn kaimono_payments::PaymentProvider,
    account: AccountId,
    card: Uuid,
) -> Result<(), SubscriptionError> {
    use sea_orm::PaginatorTrait;
    let used = subscription::Entity::find()
        .filter(subscription::Column::AccountId.eq(account.0))
        .filter(subscription::Column::Status.eq("active"))
        .filter(subscription::Column::CardId.eq(card))
        .count(db)
        .await?;
    if used > 0 {
        return Err(SubscriptionError::CardInUse);
    }
    Ok(kaimono_payments::delete_card(db, provider, account, card).await?)
}
