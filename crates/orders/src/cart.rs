//! CART-01: the member's server-side cart. Putting something in the cart holds no stock.

use crate::error::OrderError;
use crate::model::{Cart, CartLine, MAX_LINE_QUANTITY};
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money, ProductId, RoundingMode, ShopId, TaxCategory, VariantId, summarize_tax};
use kaimono_entity::{cart_item, product, shop, stock, variant};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

/// The variant, if it can be bought for delivery now.
async fn purchasable(db: &impl ConnectionTrait, id: VariantId) -> Result<(), OrderError> {
    let variant = variant::Entity::find_by_id(id.0).one(db).await?.ok_or(OrderError::NotPurchasable)?;
    let product = product::Entity::find_by_id(variant.product_id).one(db).await?.ok_or(OrderError::NotPurchasable)?;
    if variant.active && product.active && product.deliverable { Ok(()) } else { Err(OrderError::NotPurchasable) }
}

/// Adds `quantity` of a variant (to what is already in the cart).
pub async fn add_to_cart(
    db: &impl ConnectionTrait,
    account: AccountId,
    variant: VariantId,
    quantity: i32,
    now: DateTime<Utc>,
) -> Result<Cart, OrderError> {
    purchasable(db, variant).await?;
    let current = cart_item::Entity::find_by_id((account.0, variant.0)).one(db).await?.map_or(0, |i| i.quantity);
    let total = current + quantity;
    if total > MAX_LINE_QUANTITY {
        return Err(OrderError::QuantityTooLarge { max: MAX_LINE_QUANTITY });
    }
    cart_item::Entity::insert(cart_item::ActiveModel {
        account_id: Set(account.0),
        variant_id: Set(variant.0),
        quantity: Set(total),
        added_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([cart_item::Column::AccountId, cart_item::Column::VariantId])
            .update_column(cart_item::Column::Quantity)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    view_cart(db, account).await
}

/// Sets the quantity of a cart line.
pub async fn set_cart_quantity(
    db: &impl ConnectionTrait,
    account: AccountId,
    variant: VariantId,
    quantity: i32,
) -> Result<Cart, OrderError> {
    let updated = cart_item::Entity::update_many()
        .col_expr(cart_item::Column::Quantity, quantity.into())
        .filter(cart_item::Column::AccountId.eq(account.0))
        .filter(cart_item::Column::VariantId.eq(variant.0))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(OrderError::NotInCart);
    }
    view_cart(db, account).await
}

pub async fn remove_from_cart(
    db: &impl ConnectionTrait,
    account: AccountId,
    variant: VariantId,
) -> Result<Cart, OrderError> {
    let deleted = cart_item::Entity::delete_by_id((account.0, variant.0)).exec(db).await?;
    if deleted.rows_affected == 0 {
        return Err(OrderError::NotInCart);
    }
    view_cart(db, account).await
}

/// The cart, priced at today's prices, oldest line first.
pub async fn view_cart(db: &impl ConnectionTrait, account: AccountId) -> Result<Cart, OrderError> {
    let items = cart_item::Entity::find()
        .filter(cart_item::Column::AccountId.eq(account.0))
        .order_by_asc(cart_item::Column::AddedAt)
        .order_by_asc(cart_item::Column::VariantId)
        .all(db)
        .await?;
    let variants: HashMap<Uuid, variant::Model> = variant::Entity::find()
        .filter(variant::Column::Id.is_in(items.iter().map(|i| i.variant_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v))
        .collect();
    let products: HashMap<Uuid, product::Model> = product::Entity::find()
        .filter(product::Column::Id.is_in(variants.values().map(|v| v.product_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let shops: HashMap<Uuid, String> = shop::Entity::find()
        .filter(shop::Column::Id.is_in(products.values().map(|p| p.shop_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let stock: HashMap<(Uuid, Uuid), i32> = stock::Entity::find()
        .filter(stock::Column::VariantId.is_in(variants.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| ((s.variant_id, s.shop_id), s.quantity))
        .collect();
    let lines: Vec<CartLine> = items
        .into_iter()
        .filter_map(|item| {
            let v = variants.get(&item.variant_id)?;
            let p = products.get(&v.product_id)?;
            Some(CartLine {
                variant_id: VariantId(v.id),
                product_id: ProductId(p.id),
                shop_id: ShopId(p.shop_id),
                shop_name: shops.get(&p.shop_id).cloned().unwrap_or_default(),
                product_name: p.name.clone(),
                sku: v.sku.clone(),
                color: v.color.clone(),
                size: v.size.clone(),
                tax_category: TaxCategory::parse(&p.tax_category).unwrap_or(TaxCategory::Standard),
                unit_price: Money::yen(v.price),
                quantity: item.quantity,
                available: stock.get(&(v.id, p.shop_id)).copied().unwrap_or(0),
                on_sale: v.active && p.active && p.deliverable,
            })
        })
        .collect();
    let tax = summarize_tax(lines.iter().map(|l| (l.tax_category, l.total())), RoundingMode::Down);
    Ok(Cart { total: tax.total, tax, lines })
}
