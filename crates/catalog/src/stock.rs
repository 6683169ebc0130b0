//! CAT-03: stock per shop per variant.

use crate::error::CatalogError;
use crate::products::variant_of_shop;
use chrono::{DateTime, Utc};
use kaimono_core::{ShopId, VariantId};
use kaimono_entity::stock;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter};

/// The most units of one variant a shop can hold: far inside the integer column's range, so no sum of
/// stock and adjustments can leave it.
pub const MAX_STOCK: i32 = 1_000_000;

/// Sets the stock of a variant of the shop's own product to `quantity` (0 to [`MAX_STOCK`]).
pub async fn set_stock(
    db: &impl ConnectionTrait,
    shop_id: ShopId,
    variant_id: VariantId,
    quantity: i32,
    now: DateTime<Utc>,
) -> Result<i32, CatalogError> {
    variant_of_shop(db, shop_id, variant_id).await?;
    if !(0..=MAX_STOCK).contains(&quantity) {
        return Err(CatalogError::StockLimit { max: MAX_STOCK, current: quantity });
    }
    stock::Entity::insert(stock::ActiveModel {
        variant_id: Set(variant_id.0),
        shop_id: Set(shop_id.0),
        quantity: Set(quantity),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([stock::Column::VariantId, stock::Column::ShopId])
            .update_columns([stock::Column::Quantity, stock::Column::UpdatedAt])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(quantity)
}

/// Adds `delta` (negative to take away) in one conditional UPDATE: it applies only while the result
/// stays within 0 and [`MAX_STOCK`], so concurrent adjustments can never oversell nor overflow. Returns
/// the new quantity.
pub async fn adjust_stock(
    db: &impl ConnectionTrait,
    shop_id: ShopId,
    variant_id: VariantId,
    delta: i32,
    now: DateTime<Utc>,
) -> Result<i32, CatalogError> {
    variant_of_shop(db, shop_id, variant_id).await?;
    if delta > 0 {
        // Make sure a row exists, so that adding to a never-stocked variant works.
        stock::Entity::insert(stock::ActiveModel {
            variant_id: Set(variant_id.0),
            shop_id: Set(shop_id.0),
            quantity: Set(0),
            updated_at: Set(now),
        })
        .on_conflict(OnConflict::columns([stock::Column::VariantId, stock::Column::ShopId]).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    }
    let updated = stock::Entity::update_many()
        .col_expr(stock::Column::Quantity, Expr::col(stock::Column::Quantity).add(delta))
        .col_expr(stock::Column::UpdatedAt, Expr::value(now))
        .filter(stock::Column::VariantId.eq(variant_id.0))
        .filter(stock::Column::ShopId.eq(shop_id.0))
        .filter(stock::Column::Quantity.gte(delta.saturating_neg()))
        .filter(stock::Column::Quantity.lte(MAX_STOCK.saturating_sub(delta)))
        .exec_with_returning(db)
        .await?;
    match updated.first() {
        Some(row) => Ok(row.quantity),
        None => {
            let current = stock::Entity::find_by_id((variant_id.0, shop_id.0)).one(db).await?.map_or(0, |s| s.quantity);
            if delta > 0 {
                Err(CatalogError::StockLimit { max: MAX_STOCK, current })
            } else {
                Err(CatalogError::InsufficientStock { available: current })
            }
        }
    }
}

/// Takes `quantity` units off the shop's shelf for an order or a reservation, in one conditional UPDATE,
/// or fails without changing anything. Callers holding several variants take them in ascending variant
/// order, so concurrent holds cannot deadlock.
pub async fn take_stock(
    db: &impl ConnectionTrait,
    shop_id: ShopId,
    variant_id: VariantId,
    quantity: u32,
    now: DateTime<Utc>,
) -> Result<(), CatalogError> {
    let quantity = i64::from(quantity);
    let taken = stock::Entity::update_many()
        .col_expr(stock::Column::Quantity, Expr::col(stock::Column::Quantity).sub(quantity))
        .col_expr(stock::Column::UpdatedAt, Expr::value(now))
        .filter(stock::Column::VariantId.eq(variant_id.0))
        .filter(stock::Column::ShopId.eq(shop_id.0))
        .filter(stock::Column::Quantity.gte(quantity))
        .exec(db)
        .await?;
    if taken.rows_affected == 1 {
        return Ok(());
    }
    let available = stock::Entity::find_by_id((variant_id.0, shop_id.0)).one(db).await?.map_or(0, |s| s.quantity);
    Err(CatalogError::InsufficientStock { available })
}

/// Puts held units back on the shelf (a rejected line, a cancelled order, an expired reservation).
pub async fn return_stock(
    db: &impl ConnectionTrait,
    shop_id: ShopId,
    variant_id: VariantId,
    quantity: u32,
    now: DateTime<Utc>,
) -> Result<(), CatalogError> {
    let quantity = i64::from(quantity);
    stock::Entity::update_many()
        .col_expr(stock::Column::Quantity, Expr::col(stock::Column::Quantity).add(quantity))
        .col_expr(stock::Column::UpdatedAt, Expr::value(now))
        .filter(stock::Column::VariantId.eq(variant_id.0))
        .filter(stock::Column::ShopId.eq(shop_id.0))
        .exec(db)
        .await?;
    Ok(())
}
