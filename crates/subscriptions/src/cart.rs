//! CART-01: the separate subscription cart (定期購入カゴ) — subscription-enabled items of one shop,
//! priced by their subscription terms (SUB-03). Putting something in it holds no stock.

use crate::error::SubscriptionError;
use chrono::{DateTime, Utc};
use kaimono_catalog::{SubscriptionTerms, VariantView};
use kaimono_core::{AccountId, Money, ShopId, VariantId};
use kaimono_entity::subscription_cart_item;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The largest quantity of one item in a subscription.
pub const MAX_QUANTITY: i32 = 99;

/// A line of the subscription cart, priced now.
#[derive(Debug, Clone)]
pub struct SubscriptionCartLine {
    pub variant: VariantView,
    pub terms: SubscriptionTerms,
    pub quantity: u32,
}

/// The subscription cart: one shop's items.
#[derive(Debug, Clone, Default)]
pub struct SubscriptionCart {
    pub shop_id: Option<ShopId>,
    pub lines: Vec<SubscriptionCartLine>,
}

impl SubscriptionCart {
    /// The first delivery's goods, tax-inclusive.
    pub fn first_goods(&self) -> Money {
        self.lines.iter().map(|l| l.terms.first_price.times(l.quantity)).sum()
    }

    /// Each later delivery's goods.
    pub fn later_goods(&self) -> Money {
        self.lines.iter().map(|l| l.terms.price.times(l.quantity)).sum()
    }
}

/// The variant's subscription terms, if it can be subscribed to now.
fn terms_of(view: &VariantView) -> Result<SubscriptionTerms, SubscriptionError> {
    match view.subscription {
        Some(terms) if view.active && view.deliverable => Ok(terms),
        _ => Err(SubscriptionError::NotSubscribable { variant: view.id, product_name: view.product_name.clone() }),
    }
}

/// Adds `quantity` of a subscription-enabled variant. A subscription is with one shop: an item of
/// another shop than the cart's is refused.
pub async fn add_to_subscription_cart(
    db: &impl ConnectionTrait,
    account: AccountId,
    variant: VariantId,
    quantity: i32,
    now: DateTime<Utc>,
) -> Result<SubscriptionCart, SubscriptionError> {
    let views = kaimono_catalog::variant_views(db, [variant]).await?;
    let view =
        views.get(&variant).ok_or(SubscriptionError::NotSubscribable { variant, product_name: String::new() })?;
    terms_of(view)?;
    let cart = subscription_cart(db, account).await?;
    if cart.shop_id.is_some_and(|s| s != view.shop_id) {
        return Err(SubscriptionError::SeveralShops);
    }
    let current = cart.lines.iter().find(|l| l.variant.id == variant).map_or(0, |l| l.quantity);
    let total = i32::try_from(current).unwrap_or(i32::MAX).saturating_add(quantity);
    if total > MAX_QUANTITY {
        return Err(SubscriptionError::QuantityTooLarge { max: MAX_QUANTITY });
    }
    subscription_cart_item::Entity::insert(subscription_cart_item::ActiveModel {
        account_id: Set(account.0),
        variant_id: Set(variant.0),
        quantity: Set(total),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([subscription_cart_item::Column::AccountId, subscription_cart_item::Column::VariantId])
            .update_column(subscription_cart_item::Column::Quantity)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    subscription_cart(db, account).await
}

/// Sets a line's quantity; 0 removes it.
pub async fn set_subscription_cart_quantity(
    db: &impl ConnectionTrait,
    account: AccountId,
    variant: VariantId,
    quantity: i32,
) -> Result<SubscriptionCart, SubscriptionError> {
    if quantity > MAX_QUANTITY {
        return Err(SubscriptionError::QuantityTooLarge { max: MAX_QUANTITY });
    }
    let line = subscription_cart_item::Entity::find_by_id((account.0, variant.0))
        .one(db)
        .await?
        .ok_or(SubscriptionError::NotFound)?;
    if quantity <= 0 {
        subscription_cart_item::Entity::delete_by_id((line.account_id, line.variant_id)).exec(db).await?;
    } else {
        subscription_cart_item::Entity::update_many()
            .col_expr(subscription_cart_item::Column::Quantity, quantity.into())
            .filter(subscription_cart_item::Column::AccountId.eq(account.0))
            .filter(subscription_cart_item::Column::VariantId.eq(variant.0))
            .exec(db)
            .await?;
    }
    subscription_cart(db, account).await
}

/// The member's subscription cart, priced now. Items no longer offered on subscription are left out.
pub async fn subscription_cart(
    db: &impl ConnectionTrait,
    account: AccountId,
) -> Result<SubscriptionCart, SubscriptionError> {
    let rows = subscription_cart_item::Entity::find()
        .filter(subscription_cart_item::Column::AccountId.eq(account.0))
        .order_by_asc(subscription_cart_item::Column::CreatedAt)
        .all(db)
        .await?;
    let mut views = kaimono_catalog::variant_views(db, rows.iter().map(|r| VariantId(r.variant_id))).await?;
    let mut cart = SubscriptionCart::default();
    for row in rows {
        let Some(view) = views.remove(&VariantId(row.variant_id)) else { continue };
        let Ok(terms) = terms_of(&view) else { continue };
        cart.shop_id = Some(view.shop_id);
        let quantity = u32::try_from(row.quantity).map_err(|_| SubscriptionError::Corrupt("quantity".into()))?;
        cart.lines.push(SubscriptionCartLine { variant: view, terms, quantity });
    }
    Ok(cart)
}

/// Empties the cart (after placing).
pub(crate) async fn clear(db: &impl ConnectionTrait, account: AccountId) -> Result<(), SubscriptionError> {
    subscription_cart_item::Entity::delete_many()
        .filter(subscription_cart_item::Column::AccountId.eq(account.0))
        .exec(db)
        .await?;
    Ok(())
}
