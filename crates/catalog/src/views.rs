//! What other domains may know of the catalog (they never read `product`, `variant`, `shop` or `stock`
//! themselves): a variant as it is sold now, with its shop and the stock on that shop's shelf, and
//! shop names for lists.

use crate::error::CatalogError;
use kaimono_core::{Money, ProductId, ShopId, TaxCategory, VariantId};
use kaimono_entity::{product, shop, stock, variant};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// A variant as it is sold now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantView {
    pub id: VariantId,
    pub product_id: ProductId,
    pub shop_id: ShopId,
    pub shop_name: String,
    pub product_name: String,
    pub sku: String,
    pub color: String,
    pub size: String,
    pub tax_category: TaxCategory,
    /// Tax-inclusive unit price.
    pub price: Money,
    /// Neither the variant nor its product is archived.
    pub active: bool,
    /// Sold for delivery (CAT-04).
    pub deliverable: bool,
    /// Sold for store pickup (CAT-04).
    pub reservable: bool,
    /// How a reservation of it is paid: `in_store` or `prepaid`.
    pub reservation_payment: String,
    /// Units on its shop's shelf now.
    pub available: i32,
    /// Its product's subscription terms, if it is offered on subscription (CAT-05).
    pub subscription: Option<crate::SubscriptionTerms>,
}

/// The views of these variants (unknown ids are left out).
pub async fn variant_views(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = VariantId>,
) -> Result<HashMap<VariantId, VariantView>, CatalogError> {
    let variants =
        variant::Entity::find().filter(variant::Column::Id.is_in(ids.into_iter().map(|v| v.0))).all(db).await?;
    let products: HashMap<_, _> = product::Entity::find()
        .filter(product::Column::Id.is_in(variants.iter().map(|v| v.product_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let shops = shop_names(db, products.values().map(|p| ShopId(p.shop_id))).await?;
    let shelf: HashMap<(uuid::Uuid, uuid::Uuid), i32> = stock::Entity::find()
        .filter(stock::Column::VariantId.is_in(variants.iter().map(|v| v.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| ((s.variant_id, s.shop_id), s.quantity))
        .collect();
    let mut views = HashMap::with_capacity(variants.len());
    for v in variants {
        let Some(p) = products.get(&v.product_id) else { continue };
        let tax_category = TaxCategory::parse(&p.tax_category)
            .ok_or_else(|| CatalogError::Corrupt(format!("product {} has tax category {:?}", p.id, p.tax_category)))?;
        views.insert(
            VariantId(v.id),
            VariantView {
                id: VariantId(v.id),
                product_id: ProductId(p.id),
                shop_id: ShopId(p.shop_id),
                shop_name: shops.get(&ShopId(p.shop_id)).cloned().unwrap_or_default(),
                product_name: p.name.clone(),
                sku: v.sku,
                color: v.color,
                size: v.size,
                tax_category,
                price: Money::yen(v.price),
                active: v.active && p.active,
                deliverable: p.deliverable,
                reservable: p.reservable,
                reservation_payment: p.reservation_payment.clone(),
                subscription: crate::products::subscription_terms(p),
                available: shelf.get(&(v.id, p.shop_id)).copied().unwrap_or(0),
            },
        );
    }
    Ok(views)
}

/// One variant's view, or `VariantNotFound`.
pub async fn variant_view(db: &impl ConnectionTrait, id: VariantId) -> Result<VariantView, CatalogError> {
    variant_views(db, [id]).await?.remove(&id).ok_or(CatalogError::VariantNotFound)
}

/// The cover picture of each of these variants' products (variants whose product has none are left out):
/// for order and reservation lines, which keep the variant only.
pub async fn variant_covers(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = VariantId>,
) -> Result<HashMap<VariantId, crate::ProductImage>, CatalogError> {
    let pairs: Vec<(uuid::Uuid, uuid::Uuid)> = variant::Entity::find()
        .select_only()
        .column(variant::Column::Id)
        .column(variant::Column::ProductId)
        .filter(variant::Column::Id.is_in(ids.into_iter().map(|v| v.0)))
        .into_tuple()
        .all(db)
        .await?;
    let covers = crate::images::covers_of(db, pairs.iter().map(|(_, p)| ProductId(*p))).await?;
    Ok(pairs
        .into_iter()
        .filter_map(|(variant, product)| covers.get(&ProductId(product)).map(|c| (VariantId(variant), c.clone())))
        .collect())
}

/// The names of these shops (unknown ids are left out).
pub async fn shop_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = ShopId>,
) -> Result<HashMap<ShopId, String>, CatalogError> {
    let rows: Vec<(uuid::Uuid, String)> = shop::Entity::find()
        .select_only()
        .column(shop::Column::Id)
        .column(shop::Column::Name)
        .filter(shop::Column::Id.is_in(ids.into_iter().map(|s| s.0)))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(id, name)| (ShopId(id), name)).collect())
}
