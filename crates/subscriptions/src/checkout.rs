//! SUB-01, SUB-02, SUB-15 (in part), ACC-06: placing the subscription cart — the subscription record, its
//! first order (stock held, priced at the first-delivery prices) and its ledger's first row, in the
//! caller's transaction; and the final confirmation the member agreed to, kept as an immutable, hashed
//! snapshot (特定商取引法 §12-6).

use crate::cart::{SubscriptionCart, clear, subscription_cart};
use crate::error::SubscriptionError;
use crate::model::{Cycle, PaymentMethod, generation_on};
use crate::queries::{SubscriptionDetail, subscription_detail};
use crate::settings::{SubscriptionSettings, next_number, subscription_settings};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::japan::japan_today;
use kaimono_core::{AccountId, AddressId, Carrier, Money, ShippingAddress, ShopId, normalize_for_search};
use kaimono_entity::{subscription, subscription_delivery, subscription_item};
use kaimono_messaging::{MailItem, Template};
use kaimono_orders::{OrderSubscription, SubscriptionLine, SubscriptionOrder, place_subscription_order};
use kaimono_payments::{Subject, issue_request};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use serde_json::json;
use uuid::Uuid;

/// What the member chose at the subscription checkout.
#[derive(Debug, Clone)]
pub struct NewSubscription {
    pub cycle: Cycle,
    pub address_id: AddressId,
    pub payment_method: PaymentMethod,
    /// A saved card, when paying by card.
    pub card_id: Option<Uuid>,
    pub carrier: Option<Carrier>,
    pub time_slot: Option<String>,
    /// The first delivery's wished date, within the shop's delivery window.
    pub first_delivery_on: Option<NaiveDate>,
    /// SUB-15: points to pay part of the first order with (1 point = ¥1); less than its total.
    pub points: i64,
}

/// What the checkout shows before placing and what placing keeps: the review of SUB-01.
#[derive(Debug, Clone)]
pub struct SubscriptionReview {
    pub shop_id: ShopId,
    pub cycle: Cycle,
    pub ship_to: ShippingAddress,
    pub carrier: Option<Carrier>,
    pub time_slot: Option<String>,
    pub payment_method: PaymentMethod,
    /// A shop's own method's name, as chosen (PAY-08).
    pub payment_method_name: Option<String>,
    pub card_id: Option<Uuid>,
    pub first_goods: Money,
    pub later_goods: Money,
    /// Shipping per delivery, benefits applied (fixed at sign-up).
    pub shipping_fee: Money,
    /// The payment method's fee per delivery, benefits applied.
    pub fee: Money,
    pub first_delivery_on: Option<NaiveDate>,
    /// The first delivery from the cycle (the 2nd in all).
    pub next_delivery_on: NaiveDate,
    pub lead_days: u32,
    pub cart: SubscriptionCart,
    /// SUB-15: the member's balance, and the points used on the first order.
    pub points_available: i64,
    pub points_used: i64,
}

impl SubscriptionReview {
    pub fn first_total(&self) -> Money {
        self.first_goods + self.shipping_fee + self.fee
    }

    pub fn later_total(&self) -> Money {
        self.later_goods + self.shipping_fee + self.fee
    }

    /// What the member pays for the first order: its total less the points used.
    pub fn first_amount_due(&self) -> Money {
        self.first_total() - Money::yen(self.points_used)
    }

    /// The confirmation screen's content (特定商取引法 §12-6: quantities, each delivery's price, totals,
    /// delivery timing, how to end), as canonical JSON.
    pub fn confirmation(&self) -> serde_json::Value {
        let items: Vec<_> = self
            .cart
            .lines
            .iter()
            .map(|l| {
                json!({
                    "product_name": l.variant.product_name,
                    "color": l.variant.color,
                    "size": l.variant.size,
                    "quantity": l.quantity,
                    "first_price": l.terms.first_price.amount().to_string(),
                    "price": l.terms.price.amount().to_string(),
                    "max_deliveries": l.terms.max_deliveries,
                })
            })
            .collect();
        json!({
            "items": items,
            "cycle": {"kind": self.cycle.kind(), "value": self.cycle.value()},
            "payment_method": self.payment_method.as_str(),
            "payment_method_name": self.payment_method_name,
            "shipping_fee": self.shipping_fee.amount().to_string(),
            "fee": self.fee.amount().to_string(),
            "first_total": self.first_total().amount().to_string(),
            "points_used": self.points_used,
            "first_amount_due": self.first_amount_due().amount().to_string(),
            "later_total": self.later_total().amount().to_string(),
            "first_delivery_on": self.first_delivery_on,
            "next_delivery_on": self.next_delivery_on,
            "how_to_end": "ended by the shop on request; ended subscriptions never restart",
        })
    }
}

/// The review of the member's subscription cart with these choices: every rule of placing checked,
/// nothing written.
pub async fn review_subscription(
    db: &impl ConnectionTrait,
    account: AccountId,
    new: &NewSubscription,
    now: DateTime<Utc>,
) -> Result<SubscriptionReview, SubscriptionError> {
    let today = japan_today(now);
    let cart = subscription_cart(db, account).await?;
    let shop_id = cart.shop_id.ok_or(SubscriptionError::EmptyCart)?;
    let settings = subscription_settings(db, shop_id).await?;
    check_signup(&settings, new)?;
    if new.payment_method == PaymentMethod::Card {
        let card = new.card_id.ok_or(SubscriptionError::CardRequired)?;
        match kaimono_payments::card_ref(db, account, card).await {
            Err(kaimono_payments::PaymentError::CardNotFound) => return Err(SubscriptionError::CardRequired),
            other => other?,
        };
    }
    let address = match kaimono_accounts::get_address(db, account, new.address_id).await {
        Err(kaimono_accounts::AccountError::NotFound) => return Err(SubscriptionError::AddressNotFound),
        other => other?,
    };
    let shop = kaimono_catalog::get_shop(db, shop_id).await?;
    if let Some(date) = new.first_delivery_on
        && !shop.delivery_window(today).is_some_and(|w| w.contains(date))
    {
        let window = shop.delivery_window(today);
        return Err(SubscriptionError::FirstDeliveryOutOfRange {
            earliest: window.map_or(today, |w| w.earliest),
            latest: window.map_or(today, |w| w.latest),
        });
    }
    let rules = kaimono_catalog::shipping_of(db, shop_id).await?;
    let quote = rules.quote(new.carrier, address.prefecture, cart.first_goods())?;
    if let (Some(slot), Some(method)) = (&new.time_slot, rules.method(quote.carrier)?)
        && !method.time_slots.contains(slot)
    {
        return Err(kaimono_orders::OrderError::TimeSlotUnavailable { shop: shop.name.clone() }.into());
    }
    if !settings.method_takes(new.payment_method, quote.carrier) {
        return Err(SubscriptionError::MethodNotForCarrier);
    }
    let fee = settings.fee_for(new.payment_method);
    let base = new.first_delivery_on.unwrap_or(today);
    // SUB-15: points pay part of the first order; at least ¥1 is left to pay by the chosen method.
    let points_available = kaimono_accounts::point_balance(db, account).await?.balance;
    let first_total = cart.first_goods() + settings.benefits.shipping(quote.fee) + fee;
    if new.points < 0 || Money::yen(new.points) >= first_total {
        return Err(SubscriptionError::PointsExceedTotal { total: first_total });
    }
    if new.points > points_available {
        return Err(kaimono_accounts::AccountError::InsufficientPoints { balance: points_available }.into());
    }
    Ok(SubscriptionReview {
        shop_id,
        cycle: new.cycle,
        ship_to: address.ship_to(),
        carrier: quote.carrier,
        time_slot: new.time_slot.clone(),
        payment_method: new.payment_method,
        payment_method_name: settings.method_name(new.payment_method),
        card_id: new.card_id.filter(|_| new.payment_method == PaymentMethod::Card),
        first_goods: cart.first_goods(),
        later_goods: cart.later_goods(),
        shipping_fee: settings.benefits.shipping(quote.fee),
        fee,
        first_delivery_on: new.first_delivery_on,
        next_delivery_on: new.cycle.first_after(base, today, settings.lead_days),
        lead_days: settings.lead_days,
        cart,
        points_available,
        points_used: new.points,
    })
}

/// SUB-08: the shop takes new subscriptions on this cycle and payment method.
fn check_signup(settings: &SubscriptionSettings, new: &NewSubscription) -> Result<(), SubscriptionError> {
    if !settings.enabled {
        return Err(SubscriptionError::NotOffered);
    }
    if !settings.accepting {
        return Err(SubscriptionError::NotAccepting);
    }
    check_cycle(settings, new.cycle)?;
    if !settings.offers(new.payment_method) {
        return Err(SubscriptionError::PaymentMethodNotOffered);
    }
    Ok(())
}

/// SUB-02: the cycle is one the shop allows, within its range.
pub(crate) fn check_cycle(settings: &SubscriptionSettings, cycle: Cycle) -> Result<(), SubscriptionError> {
    match cycle {
        Cycle::Monthly { .. } if settings.monthly_allowed => Ok(()),
        Cycle::EveryDays { days } if settings.interval_allowed => {
            if (settings.interval_min..=settings.interval_max).contains(&days) {
                Ok(())
            } else {
                Err(SubscriptionError::IntervalOutOfRange { min: settings.interval_min, max: settings.interval_max })
            }
        }
        _ => Err(SubscriptionError::CycleNotAllowed),
    }
}

/// A placed subscription, with its first order and (paying by card) the payment link's token.
#[derive(Debug, Clone)]
pub struct PlacedSubscription {
    pub subscription: SubscriptionDetail,
    pub order_id: Uuid,
    pub payment_token: Option<String>,
}

/// SUB-01: places the member's subscription cart. Run it in a write transaction: the subscription, its
/// first order, the first order's held stock and the thank-you email exist together or not at all.
pub async fn place_subscription(
    db: &impl ConnectionTrait,
    account: AccountId,
    new: NewSubscription,
    now: DateTime<Utc>,
) -> Result<PlacedSubscription, SubscriptionError> {
    let review = review_subscription(db, account, &new, now).await?;
    let today = japan_today(now);
    let id = Uuid::now_v7();
    let number = next_number(db, review.shop_id, today).await?;
    let confirmation = review.confirmation().to_string();
    let digest = crate::model::sha256_hex(&confirmation);
    let to = &review.ship_to;
    let first_count = 1;
    subscription::Entity::insert(subscription::ActiveModel {
        id: Set(id),
        shop_id: Set(review.shop_id.0),
        account_id: Set(account.0),
        number: Set(number.clone()),
        status: Set("active".to_owned()),
        cycle_kind: Set(review.cycle.kind().to_owned()),
        cycle_value: Set(i32::try_from(review.cycle.value()).unwrap_or(1)),
        carrier: Set(review.carrier.map(|c| c.as_str().to_owned())),
        time_slot: Set(review.time_slot.clone()),
        payment_method: Set(review.payment_method.as_str().to_owned()),
        card_id: Set(review.card_id),
        custom_method_id: Set(review.payment_method.custom_id()),
        custom_method_name: Set(review.payment_method_name.clone()),
        ship_postal_code: Set(to.postal_code.clone()),
        ship_prefecture: Set(to.prefecture),
        ship_city: Set(to.city.clone()),
        ship_street: Set(to.street.clone()),
        ship_building: Set(to.building.clone()),
        ship_name: Set(to.recipient_name.clone()),
        ship_name_kana: Set(to.recipient_kana.clone()),
        ship_phone: Set(to.phone.clone()),
        shipping_fee: Set(review.shipping_fee.to_yen()?),
        fee: Set(review.fee.to_yen()?),
        memo: Set(String::new()),
        deliveries: Set(first_count),
        next_delivery_on: Set(review.next_delivery_on),
        next_generation_on: Set(generation_on(review.next_delivery_on, review.lead_days)),
        skip_next: Set(false),
        last_delivery_on: Set(review.first_delivery_on),
        last_generated_at: Set(None),
        confirmation: Set(confirmation),
        confirmation_sha256: Set(digest),
        search_text: Set(normalize_for_search(&format!("{number}\n{}\n{}", to.recipient_name, to.recipient_kana))),
        created_at: Set(now),
        updated_at: Set(now),
        ended_at: Set(None),
        card_notice_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    let mut items = Vec::with_capacity(review.cart.lines.len());
    for l in &review.cart.lines {
        let max = l.terms.max_deliveries.map(|m| i32::try_from(m).unwrap_or(i32::MAX));
        items.push(subscription_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            subscription_id: Set(id),
            product_id: Set(l.variant.product_id.0),
            variant_id: Set(l.variant.id.0),
            product_name: Set(l.variant.product_name.clone()),
            sku: Set(l.variant.sku.clone()),
            color: Set(l.variant.color.clone()),
            size: Set(l.variant.size.clone()),
            tax_category: Set(l.variant.tax_category.as_str().to_owned()),
            first_price: Set(l.terms.first_price.to_yen()?),
            unit_price: Set(l.terms.price.to_yen()?),
            proposed_price: Set(None),
            quantity: Set(i32::try_from(l.quantity).unwrap_or(i32::MAX)),
            max_deliveries: Set(max),
            deliveries: Set(first_count),
            // An item of one delivery at most is done with the first order.
            active: Set(max.is_none_or(|m| m > first_count)),
            created_at: Set(now),
        });
    }
    subscription_item::Entity::insert_many(items).exec_without_returning(db).await?;

    let lines = review
        .cart
        .lines
        .iter()
        .map(|l| SubscriptionLine {
            variant_id: l.variant.id,
            sku: l.variant.sku.clone(),
            product_name: l.variant.product_name.clone(),
            color: l.variant.color.clone(),
            size: l.variant.size.clone(),
            tax_category: l.variant.tax_category,
            unit_price: l.terms.first_price,
            quantity: l.quantity,
        })
        .collect();
    let by_card = review.payment_method == PaymentMethod::Card;
    let placed = place_subscription_order(
        db,
        SubscriptionOrder {
            account_id: account,
            shop_id: review.shop_id,
            ship_to: review.ship_to.clone(),
            delivery_date: review.first_delivery_on,
            time_slot: review.time_slot.clone(),
            carrier: review.carrier,
            lines,
            shipping_fee: review.shipping_fee,
            payment_fee: review.fee,
            payment_method: review.payment_method.as_str().to_owned(),
            payment_method_name: review.payment_method_name.clone(),
            subscription: OrderSubscription {
                id,
                number: number.clone(),
                next_delivery_on: Some(review.next_delivery_on),
            },
            memo: None,
            take_stock: true,
            points: review.points_used,
        },
        now,
    )
    .await?;
    kaimono_accounts::count_purchase(db, account, 1, placed.total, now).await?;
    subscription_delivery::Entity::insert(subscription_delivery::ActiveModel {
        id: Set(Uuid::now_v7()),
        subscription_id: Set(id),
        delivery_on: Set(review.first_delivery_on.unwrap_or(today)),
        generation_on: Set(today),
        status: Set("generated".to_owned()),
        order_id: Set(Some(placed.id)),
        sequence: Set(first_count),
        authorization: Set(None),
        claimed_by: Set(None),
        claimed_until: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    let payment_token = if by_card {
        let expires_at = kaimono_catalog::get_shop(db, review.shop_id).await?.policy.payment_expiry(now);
        Some(
            issue_request(db, Subject::Order(placed.id), account, review.shop_id, placed.amount_due, expires_at, now)
                .await?,
        )
    } else {
        None
    };
    clear(db, account).await?;

    let subscription = subscription_detail(db, crate::queries::Viewer::Member(account), id).await?;
    let items: Vec<MailItem> = review
        .cart
        .lines
        .iter()
        .map(|l| {
            MailItem::goods(&l.variant.product_name, &l.variant.color, &l.variant.size, l.quantity, None)
                .priced(l.terms.first_price.times(l.quantity))
        })
        .collect();
    let context = json!({
        "number": number,
        "shop": subscription.subscription.shop_name,
        "cycle_kind": review.cycle.kind(),
        "cycle_value": review.cycle.value(),
        "items": items,
        "order_number": placed.number,
        "shipping_fee": (review.shipping_fee > Money::ZERO).then(|| review.shipping_fee.to_string()),
        "fee": (review.fee > Money::ZERO).then(|| review.fee.to_string()),
        "first_total": placed.total.to_string(),
        "points": (review.points_used > 0).then_some(review.points_used),
        "amount_due": placed.amount_due.to_string(),
        "later_total": review.later_total().to_string(),
        "next_delivery_on": review.next_delivery_on.to_string(),
        "card_payment": by_card,
    });
    kaimono_accounts::notify_member(db, account, review.shop_id, Template::SubscriptionPlaced, context, now).await?;
    Ok(PlacedSubscription { subscription, order_id: placed.id, payment_token })
}
