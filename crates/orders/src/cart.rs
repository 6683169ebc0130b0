//! CART-01: the member's server-side cart. Putting something in the cart holds no stock.

use crate::error::OrderError;
use crate::model::{Cart, CartLine, CartShipping, MAX_LINE_QUANTITY};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_catalog::DeliveryWindow;
use kaimono_core::japan::japan_today;
use kaimono_core::{AccountId, RoundingMode, VariantId, summarize_tax};
use kaimono_core::{Money, ShopId};
use kaimono_entity::cart_item;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// A stored quantity, which the schema keeps positive.
pub(crate) fn quantity(stored: i32) -> Result<u32, OrderError> {
    u32::try_from(stored).map_err(|_| OrderError::Corrupt(format!("quantity {stored}")))
}

/// The variant, if it can be bought for delivery now.
async fn purchasable(db: &impl ConnectionTrait, id: VariantId) -> Result<(), OrderError> {
    match kaimono_catalog::variant_views(db, [id]).await?.get(&id) {
        Some(v) if v.active && v.deliverable => Ok(()),
        _ => Err(OrderError::NotPurchasable),
    }
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
    view_cart(db, account, japan_today(now)).await
}

/// Sets the quantity of a cart line.
pub async fn set_cart_quantity(
    db: &impl ConnectionTrait,
    account: AccountId,
    variant: VariantId,
    quantity: i32,
    now: DateTime<Utc>,
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
    view_cart(db, account, japan_today(now)).await
}

pub async fn remove_from_cart(
    db: &impl ConnectionTrait,
    account: AccountId,
    variant: VariantId,
    now: DateTime<Utc>,
) -> Result<Cart, OrderError> {
    let deleted = cart_item::Entity::delete_by_id((account.0, variant.0)).exec(db).await?;
    if deleted.rows_affected == 0 {
        return Err(OrderError::NotInCart);
    }
    view_cart(db, account, japan_today(now)).await
}

/// The cart on `today` (in Japan), priced at today's prices, oldest line first, with the delivery
/// dates its shops accept and each product's cover picture.
pub async fn view_cart(db: &impl ConnectionTrait, account: AccountId, today: NaiveDate) -> Result<Cart, OrderError> {
    let mut cart = cart_of(db, account, today).await?;
    let covers = kaimono_catalog::covers_of(db, cart.lines.iter().map(|l| l.product_id)).await?;
    for line in &mut cart.lines {
        // Two variants of one product share its cover.
        line.image = covers.get(&line.product_id).cloned();
    }
    Ok(cart)
}

/// [`view_cart`] without pictures: what checkout prices and places, in its transaction.
pub(crate) async fn cart_of(
    db: &impl ConnectionTrait,
    account: AccountId,
    today: NaiveDate,
) -> Result<Cart, OrderError> {
    let items = cart_item::Entity::find()
        .filter(cart_item::Column::AccountId.eq(account.0))
        .order_by_asc(cart_item::Column::AddedAt)
        .order_by_asc(cart_item::Column::VariantId)
        .all(db)
        .await?;
    let views = kaimono_catalog::variant_views(db, items.iter().map(|i| VariantId(i.variant_id))).await?;
    let mut lines = Vec::with_capacity(items.len());
    for item in items {
        // A variant deleted from the catalog drops out of the cart.
        let Some(v) = views.get(&VariantId(item.variant_id)) else { continue };
        lines.push(CartLine {
            variant_id: v.id,
            product_id: v.product_id,
            shop_id: v.shop_id,
            shop_name: v.shop_name.clone(),
            product_name: v.product_name.clone(),
            sku: v.sku.clone(),
            color: v.color.clone(),
            size: v.size.clone(),
            tax_category: v.tax_category,
            unit_price: v.price,
            quantity: quantity(item.quantity)?,
            available: v.available,
            on_sale: v.active && v.deliverable,
            image: None,
        });
    }
    let tax = summarize_tax(lines.iter().map(|l| (l.tax_category, l.total())), RoundingMode::Down);
    // The cart's shops, in the order of its lines.
    let mut shops: Vec<(ShopId, String)> = Vec::new();
    for line in &lines {
        if !shops.iter().any(|(id, _)| *id == line.shop_id) {
            shops.push((line.shop_id, line.shop_name.clone()));
        }
    }
    let delivery_window = delivery_window(db, shops.iter().map(|(id, _)| *id), today).await?;
    let shipping = shipping(db, account, shops, &lines).await?;
    Ok(Cart { total: tax.total, tax, lines, delivery_window, shipping })
}

/// Each shop's shipping options, and what shipping costs with its default carrier to the member's
/// default address (CART-02). Checkout recomputes it for the address and carriers chosen.
async fn shipping(
    db: &impl ConnectionTrait,
    account: AccountId,
    shops: Vec<(ShopId, String)>,
    lines: &[CartLine],
) -> Result<Vec<CartShipping>, OrderError> {
    let address = kaimono_accounts::list_addresses(db, account).await?.into_iter().next();
    let mut out = Vec::with_capacity(shops.len());
    for (shop_id, shop_name) in shops {
        let rules = kaimono_catalog::shipping_of(db, shop_id).await?;
        let goods: Money = lines.iter().filter(|l| l.shop_id == shop_id).map(CartLine::total).sum();
        let quote = address.as_ref().map(|a| rules.quote(None, a.prefecture, goods)).transpose()?;
        let options = rules.methods.into_iter().map(|m| (m.carrier, m.time_slots)).collect();
        out.push(CartShipping { shop_id, shop_name, options, quote });
    }
    Ok(out)
}

/// The delivery dates every one of `shops` accepts on `today` (ORD-01).
async fn delivery_window(
    db: &impl ConnectionTrait,
    shops: impl Iterator<Item = ShopId>,
    today: NaiveDate,
) -> Result<Option<DeliveryWindow>, OrderError> {
    let mut common: Option<DeliveryWindow> = None;
    for shop in shops {
        let Some(window) = kaimono_catalog::get_shop(db, shop).await?.delivery_window(today) else {
            return Ok(None);
        };
        common = match common {
            None => Some(window),
            Some(so_far) => match so_far.intersect(window) {
                Some(both) => Some(both),
                None => return Ok(None),
            },
        };
    }
    Ok(common)
}
