//! Reading proxy orders with their items and invoices.

use crate::error::ProxyError;
use crate::model::*;
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::{
    proxy_invoice, proxy_item, proxy_item_photo, proxy_local_charge, proxy_order, proxy_parcel_photo,
};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Who is asking: a member sees their own orders, staff their shop's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Member(AccountId),
    Shop(ShopId),
    System,
}

fn corrupt(what: &str, value: &str) -> ProxyError {
    ProxyError::Corrupt(format!("{what} {value:?}"))
}

fn quantity(value: i32) -> Result<u32, ProxyError> {
    unsigned(value)
}

fn unsigned(value: i32) -> Result<u32, ProxyError> {
    u32::try_from(value).map_err(|_| corrupt("a count", &value.to_string()))
}

/// The orders `query` selects, newest first, with items, invoices and shop names.
pub(crate) async fn load(
    db: &impl ConnectionTrait,
    query: Select<proxy_order::Entity>,
) -> Result<Vec<ProxyOrder>, ProxyError> {
    let rows = query.order_by_desc(proxy_order::Column::Id).all(db).await?;
    let ids: Vec<Uuid> = rows.iter().map(|o| o.id).collect();
    let mut photos: HashMap<Uuid, Vec<ItemPhoto>> = HashMap::new();
    for p in proxy_item_photo::Entity::find()
        .filter(proxy_item_photo::Column::OrderId.is_in(ids.clone()))
        .order_by_asc(proxy_item_photo::Column::Id)
        .all(db)
        .await?
    {
        photos.entry(p.item_id).or_default().push(ItemPhoto {
            id: p.id,
            width: unsigned(p.width)?,
            height: unsigned(p.height)?,
            taken_at: p.created_at,
        });
    }
    let mut parcel_photos: HashMap<Uuid, Vec<ItemPhoto>> = HashMap::new();
    for p in proxy_parcel_photo::Entity::find()
        .filter(proxy_parcel_photo::Column::OrderId.is_in(ids.clone()))
        .order_by_asc(proxy_parcel_photo::Column::Id)
        .all(db)
        .await?
    {
        parcel_photos.entry(p.order_id).or_default().push(ItemPhoto {
            id: p.id,
            width: unsigned(p.width)?,
            height: unsigned(p.height)?,
            taken_at: p.created_at,
        });
    }
    let mut items: HashMap<Uuid, Vec<ProxyItem>> = HashMap::new();
    for i in proxy_item::Entity::find()
        .filter(proxy_item::Column::OrderId.is_in(ids.clone()))
        .order_by_asc(proxy_item::Column::Position)
        .all(db)
        .await?
    {
        let status = ItemStatus::parse(&i.status).ok_or_else(|| corrupt("item status", &i.status))?;
        items.entry(i.order_id).or_default().push(ProxyItem {
            id: i.id,
            source_url: i.source_url,
            name: i.name,
            options: i.options,
            quantity: quantity(i.quantity)?,
            requested_unit_price: Money::yen(i.requested_unit_price),
            unit_price: i.unit_price.map(Money::yen),
            domestic_shipping: Money::yen(i.domestic_shipping),
            status,
            question: i.question,
            answer: i.answer,
            photos: photos.remove(&i.id).unwrap_or_default(),
            arrived_at: i.arrived_at,
        });
    }
    let mut invoices: HashMap<Uuid, Vec<Invoice>> = HashMap::new();
    for v in proxy_invoice::Entity::find()
        .filter(proxy_invoice::Column::OrderId.is_in(ids.clone()))
        .order_by_asc(proxy_invoice::Column::Stage)
        .order_by_asc(proxy_invoice::Column::Version)
        .all(db)
        .await?
    {
        invoices.entry(v.order_id).or_default().push(to_invoice(v)?);
    }
    let mut charges: HashMap<Uuid, Vec<LocalCharge>> = HashMap::new();
    for c in proxy_local_charge::Entity::find()
        .filter(proxy_local_charge::Column::OrderId.is_in(ids))
        .order_by_asc(proxy_local_charge::Column::Id)
        .all(db)
        .await?
    {
        let charge = LocalCharge {
            id: c.id,
            description: c.description,
            amount: Money::yen(c.amount),
            created_at: c.created_at,
        };
        charges.entry(c.order_id).or_default().push(charge);
    }
    let shops = kaimono_catalog::shop_names(db, rows.iter().map(|o| ShopId(o.shop_id))).await?;
    let terms = crate::settings::storage_terms(db, rows.iter().map(|o| o.shop_id).collect()).await?;
    rows.into_iter()
        .map(|o| {
            Ok(ProxyOrder {
                id: o.id,
                number: o.number,
                shop_id: ShopId(o.shop_id),
                shop_name: shops.get(&ShopId(o.shop_id)).cloned().unwrap_or_default(),
                account_id: AccountId(o.account_id),
                status: ProxyStatus::parse(&o.status).ok_or_else(|| corrupt("status", &o.status))?,
                shipping_priority: ShippingPriority::parse(&o.shipping_priority)
                    .ok_or_else(|| corrupt("shipping priority", &o.shipping_priority))?,
                ship_to: kaimono_core::ShippingAddress {
                    postal_code: o.ship_postal_code,
                    prefecture: o.ship_prefecture,
                    city: o.ship_city,
                    street: o.ship_street,
                    building: o.ship_building,
                    recipient_name: o.ship_name,
                    recipient_kana: o.ship_name_kana,
                    phone: o.ship_phone,
                },
                note: o.note,
                items: items.remove(&o.id).unwrap_or_default(),
                invoices: invoices.remove(&o.id).unwrap_or_default(),
                quoted_at: o.quoted_at,
                first_paid_at: o.first_paid_at,
                cancel_reason: o.cancel_reason.as_deref().and_then(ProxyCancelReason::parse),
                cancelled_at: o.cancelled_at,
                created_at: o.created_at,
                parcel: match (o.weight_grams, o.length_cm, o.width_cm, o.height_cm) {
                    (Some(g), Some(l), Some(w), Some(h)) => Some(crate::rates::Parcel {
                        weight_grams: unsigned(g)?,
                        length_cm: unsigned(l)?,
                        width_cm: unsigned(w)?,
                        height_cm: unsigned(h)?,
                    }),
                    _ => None,
                },
                shipping_method: o.shipping_method.as_deref().and_then(crate::rates::ShippingMethod::parse),
                rate_table: o.rate_table,
                shipment: match (o.carrier, o.tracking_number, o.shipped_at) {
                    (Some(carrier), Some(tracking_number), Some(shipped_at)) => {
                        Some(ProxyShipment { carrier, tracking_number, shipped_at })
                    }
                    _ => None,
                },
                completed_at: o.completed_at,
                receipt_comment: o.receipt_comment,
                receipt_public: o.receipt_public,
                weight_disputed_at: o.weight_disputed_at,
                storage_terms: terms
                    .get(&o.shop_id)
                    .copied()
                    .unwrap_or_else(|| StorageTerms::from(&ProxySettings::default())),
                local_charges: charges.remove(&o.id).unwrap_or_default(),
                parcel_photos: parcel_photos.remove(&o.id).unwrap_or_default(),
                refund_to: RefundTo::parse(&o.refund_to).ok_or_else(|| corrupt("refund to", &o.refund_to))?,
            })
        })
        .collect()
}

pub(crate) fn to_invoice(v: proxy_invoice::Model) -> Result<Invoice, ProxyError> {
    Ok(Invoice {
        id: v.id,
        stage: Stage::from_number(v.stage).ok_or_else(|| corrupt("invoice stage", &v.stage.to_string()))?,
        version: v.version,
        status: InvoiceStatus::parse(&v.status).ok_or_else(|| corrupt("invoice status", &v.status))?,
        goods: Money::yen(v.goods),
        domestic_shipping: Money::yen(v.domestic_shipping),
        service_fee: Money::yen(v.service_fee),
        international_shipping: Money::yen(v.international_shipping),
        storage_fee: Money::yen(v.storage_fee),
        local_shipping: Money::yen(v.local_shipping),
        total: Money::yen(v.total),
        paid: Money::yen(v.paid),
        created_at: v.created_at,
        paid_at: v.paid_at,
    })
}

/// One order as `actor` may see it (someone else's is not found).
pub async fn proxy_order_for(db: &impl ConnectionTrait, actor: Actor, id: Uuid) -> Result<ProxyOrder, ProxyError> {
    let mut query = proxy_order::Entity::find_by_id(id);
    query = match actor {
        Actor::Member(account) => query.filter(proxy_order::Column::AccountId.eq(account.0)),
        Actor::Shop(shop) => query.filter(proxy_order::Column::ShopId.eq(shop.0)),
        Actor::System => query,
    };
    load(db, query).await?.into_iter().next().ok_or(ProxyError::NotFound)
}

/// Which of the member's orders (PRX-02's tabs, PRX-10's lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberList {
    InProgress,
    Completed,
    Cancelled,
}

/// The member's orders in `list`, newest first (at most 100).
pub async fn member_proxy_orders(
    db: &impl ConnectionTrait,
    account: AccountId,
    list: MemberList,
) -> Result<Vec<ProxyOrder>, ProxyError> {
    let query = proxy_order::Entity::find().filter(proxy_order::Column::AccountId.eq(account.0));
    let query = match list {
        MemberList::InProgress => query.filter(
            proxy_order::Column::Status.is_not_in([ProxyStatus::Completed.as_str(), ProxyStatus::Cancelled.as_str()]),
        ),
        MemberList::Completed => query.filter(proxy_order::Column::Status.eq(ProxyStatus::Completed.as_str())),
        MemberList::Cancelled => query.filter(proxy_order::Column::Status.eq(ProxyStatus::Cancelled.as_str())),
    };
    load(db, query.limit(100)).await
}

/// The shop's orders, newest first, optionally of one status (at most 100).
pub async fn shop_proxy_orders(
    db: &impl ConnectionTrait,
    shop: ShopId,
    status: Option<ProxyStatus>,
) -> Result<Vec<ProxyOrder>, ProxyError> {
    let mut query = proxy_order::Entity::find().filter(proxy_order::Column::ShopId.eq(shop.0));
    if let Some(status) = status {
        query = query.filter(proxy_order::Column::Status.eq(status.as_str()));
    }
    load(db, query.limit(100)).await
}

/// How much proxy work waits at a service (SHOP-01).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProxyQueues {
    /// Requests to price.
    pub to_quote: u64,
    /// Members' questions about items, to check with the sellers (PRX-05).
    pub questions: u64,
    /// Paid parcels to ship.
    pub to_ship: u64,
    /// Transfer and top-up reports to check against the bank account.
    pub transfers: u64,
}

pub async fn proxy_queues(db: &impl ConnectionTrait, shop: ShopId) -> Result<ProxyQueues, ProxyError> {
    let in_status = |status: ProxyStatus| {
        proxy_order::Entity::find()
            .filter(proxy_order::Column::ShopId.eq(shop.0))
            .filter(proxy_order::Column::Status.eq(status.as_str()))
    };
    let orders_of_shop = Query::select()
        .column(proxy_order::Column::Id)
        .from(proxy_order::Entity)
        .and_where(proxy_order::Column::ShopId.eq(shop.0))
        .to_owned();
    let questions = proxy_item::Entity::find()
        .filter(proxy_item::Column::OrderId.in_subquery(orders_of_shop))
        .filter(proxy_item::Column::Question.is_not_null())
        .filter(proxy_item::Column::Answer.is_null())
        .filter(proxy_item::Column::Status.ne(ItemStatus::Cancelled.as_str()))
        .count(db)
        .await?;
    Ok(ProxyQueues {
        to_quote: in_status(ProxyStatus::Requested).count(db).await?,
        questions,
        to_ship: in_status(ProxyStatus::AwaitingShipment).count(db).await?,
        transfers: kaimono_payments::count_transfers_to_confirm(db, shop).await?,
    })
}
