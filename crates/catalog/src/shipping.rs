//! CART-02: a shop's shipping fees — its carriers, each with its delivery time slots and a fee per region
//! of Japan — and the order amount from which shipping is free. A shop without carriers ships free.

use crate::error::CatalogError;
use kaimono_core::{Carrier, Money, Region, ShopId, TIME_SLOTS};
use kaimono_entity::{shipping_method, shop};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// One carrier a shop ships with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippingMethod {
    pub carrier: Carrier,
    /// The time slots it delivers in (a subset of `TIME_SLOTS`, in that order).
    pub time_slots: Vec<String>,
    /// The fee per region, tax-inclusive, in `Region::ALL` order.
    pub fees: [Money; 9],
}

/// A shop's shipping: its carriers (the first is the default) and the free-shipping threshold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shipping {
    pub methods: Vec<ShippingMethod>,
    /// Goods of at least this amount (tax-inclusive) ship free.
    pub free_over: Option<Money>,
}

/// What shipping costs for one order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippingQuote {
    /// `None` when the shop ships without set carriers.
    pub carrier: Option<Carrier>,
    pub fee: Money,
}

impl Shipping {
    /// The method for `carrier`, or the default (first) one.
    pub fn method(&self, carrier: Option<Carrier>) -> Result<Option<&ShippingMethod>, CatalogError> {
        match carrier {
            None => Ok(self.methods.first()),
            Some(c) => self.methods.iter().find(|m| m.carrier == c).map(Some).ok_or(CatalogError::CarrierNotOffered),
        }
    }

    /// The fee for sending goods worth `goods` to `prefecture` with `carrier` (or the default one).
    pub fn quote(
        &self,
        carrier: Option<Carrier>,
        prefecture: i16,
        goods: Money,
    ) -> Result<ShippingQuote, CatalogError> {
        let Some(method) = self.method(carrier)? else {
            return Ok(ShippingQuote { carrier: None, fee: Money::ZERO });
        };
        let region = Region::of_prefecture(prefecture).ok_or(CatalogError::UnknownPrefecture(prefecture))?;
        let free = self.free_over.is_some_and(|over| goods >= over);
        let fee = if free { Money::ZERO } else { method.fees[region.index()] };
        Ok(ShippingQuote { carrier: Some(method.carrier), fee })
    }

    fn check(&self) -> Result<(), CatalogError> {
        let bad =
            |field: &'static str, message: &str| Err(CatalogError::InvalidSetting { field, message: message.into() });
        if self.methods.is_empty() && self.free_over.is_some() {
            return bad("free_over", "needs at least one carrier");
        }
        for (i, method) in self.methods.iter().enumerate() {
            if self.methods[..i].iter().any(|m| m.carrier == method.carrier) {
                return bad("methods", "lists a carrier twice");
            }
            if method.time_slots.iter().any(|s| !TIME_SLOTS.contains(&s.as_str())) {
                return bad("methods.time_slots", "must be among morning, 12-14, 14-16, 16-18, 18-20, 19-21");
            }
            if method.fees.iter().any(|f| f.to_yen().is_err()) {
                return bad("methods.fees", "must be whole, non-negative yen");
            }
        }
        Ok(())
    }
}

fn to_method(row: shipping_method::Model) -> Result<ShippingMethod, CatalogError> {
    let carrier =
        Carrier::parse(&row.carrier).ok_or_else(|| CatalogError::Corrupt(format!("carrier {:?}", row.carrier)))?;
    let fees = [
        row.fee_hokkaido,
        row.fee_tohoku,
        row.fee_kanto,
        row.fee_chubu,
        row.fee_kinki,
        row.fee_chugoku,
        row.fee_shikoku,
        row.fee_kyushu,
        row.fee_okinawa,
    ]
    .map(Money::yen);
    let time_slots = row.time_slots.split(',').filter(|s| !s.is_empty()).map(ToOwned::to_owned).collect();
    Ok(ShippingMethod { carrier, time_slots, fees })
}

/// A shop's shipping.
pub async fn shipping_of(db: &impl ConnectionTrait, id: ShopId) -> Result<Shipping, CatalogError> {
    let row = shop::Entity::find_by_id(id.0).one(db).await?.ok_or(CatalogError::ShopNotFound)?;
    let methods = shipping_method::Entity::find()
        .filter(shipping_method::Column::ShopId.eq(id.0))
        .order_by_asc(shipping_method::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(to_method)
        .collect::<Result<_, _>>()?;
    Ok(Shipping { methods, free_over: row.free_shipping_over.map(Money::yen) })
}

/// Replaces a shop's shipping. Run it in a transaction.
pub async fn set_shipping(db: &impl ConnectionTrait, id: ShopId, shipping: Shipping) -> Result<Shipping, CatalogError> {
    shipping.check()?;
    let free_over = shipping.free_over.map(Money::to_yen).transpose().map_err(|_| CatalogError::InvalidSetting {
        field: "free_over",
        message: "must be whole, non-negative yen".into(),
    })?;
    let updated = shop::Entity::update_many()
        .col_expr(shop::Column::FreeShippingOver, Expr::value(free_over))
        .filter(shop::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(CatalogError::ShopNotFound);
    }
    shipping_method::Entity::delete_many().filter(shipping_method::Column::ShopId.eq(id.0)).exec(db).await?;
    for (position, method) in shipping.methods.iter().enumerate() {
        let fee = |region: Region| method.fees[region.index()].to_yen().unwrap_or_default();
        shipping_method::Entity::insert(shipping_method::ActiveModel {
            shop_id: Set(id.0),
            carrier: Set(method.carrier.as_str().to_owned()),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            time_slots: Set(method.time_slots.join(",")),
            fee_hokkaido: Set(fee(Region::Hokkaido)),
            fee_tohoku: Set(fee(Region::Tohoku)),
            fee_kanto: Set(fee(Region::Kanto)),
            fee_chubu: Set(fee(Region::Chubu)),
            fee_kinki: Set(fee(Region::Kinki)),
            fee_chugoku: Set(fee(Region::Chugoku)),
            fee_shikoku: Set(fee(Region::Shikoku)),
            fee_kyushu: Set(fee(Region::Kyushu)),
            fee_okinawa: Set(fee(Region::Okinawa)),
        })
        .exec_without_returning(db)
        .await?;
    }
    shipping_of(db, id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipping() -> Shipping {
        let mut fees = [Money::yen(800); 9];
        fees[Region::Hokkaido.index()] = Money::yen(1500);
        fees[Region::Okinawa.index()] = Money::yen(2000);
        Shipping {
            methods: vec![
                ShippingMethod { carrier: Carrier::Yamato, time_slots: vec!["morning".into()], fees },
                ShippingMethod { carrier: Carrier::JapanPost, time_slots: vec![], fees: [Money::yen(500); 9] },
            ],
            free_over: Some(Money::yen(5000)),
        }
    }

    #[test]
    fn cart02_the_fee_follows_region_carrier_and_the_free_threshold() {
        let s = shipping();
        assert_eq!(s.quote(None, 13, Money::yen(3000)).unwrap().fee, Money::yen(800), "Tokyo, the default carrier");
        assert_eq!(s.quote(None, 1, Money::yen(3000)).unwrap().fee, Money::yen(1500), "Hokkaido");
        assert_eq!(s.quote(None, 47, Money::yen(3000)).unwrap().fee, Money::yen(2000), "Okinawa");
        let post = s.quote(Some(Carrier::JapanPost), 47, Money::yen(3000)).unwrap();
        assert_eq!((post.carrier, post.fee), (Some(Carrier::JapanPost), Money::yen(500)));
        assert_eq!(s.quote(None, 47, Money::yen(5000)).unwrap().fee, Money::ZERO, "free from 5,000 yen");
        assert!(matches!(s.quote(Some(Carrier::Sagawa), 13, Money::ZERO), Err(CatalogError::CarrierNotOffered)));
        let none = Shipping::default().quote(None, 13, Money::yen(100)).unwrap();
        assert_eq!((none.carrier, none.fee), (None, Money::ZERO), "a shop without carriers ships free");
    }
}
