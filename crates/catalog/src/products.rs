//! CAT-02, CAT-04, CAT-06: products and variants, and browsing them.

use crate::error::CatalogError;
use crate::model::*;
use chrono::{DateTime, Utc};
use kaimono_core::{Cursor, Page};
use kaimono_core::{Money, ProductId, ShopId, TaxCategory, VariantId};
use kaimono_entity::{product, stock, variant};
use sea_orm::sea_query::{Expr, LikeExpr, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, SqlErr,
};
use std::collections::HashMap;
use uuid::Uuid;

fn to_product(row: product::Model) -> Product {
    let subscription = subscription_terms(&row);
    Product {
        id: ProductId(row.id),
        shop_id: ShopId(row.shop_id),
        name: row.name,
        description: row.description,
        category: row.category,
        tax_category: TaxCategory::parse(&row.tax_category).unwrap_or(TaxCategory::Standard),
        fulfilment: Fulfilment {
            reservable: row.reservable,
            deliverable: row.deliverable,
            reservation_payment: ReservationPayment::parse(&row.reservation_payment)
                .unwrap_or(ReservationPayment::InStore),
            subscription,
        },
        active: row.active,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

pub(crate) fn subscription_terms(row: &product::Model) -> Option<SubscriptionTerms> {
    match (row.subscription_enabled, row.subscription_first_price, row.subscription_price) {
        (true, Some(first), Some(price)) => Some(SubscriptionTerms {
            first_price: Money::yen(first),
            price: Money::yen(price),
            max_deliveries: row.subscription_max_deliveries.and_then(|m| u32::try_from(m).ok()),
        }),
        _ => None,
    }
}

/// The columns of a product's subscription terms.
fn set_subscription(row: &mut product::ActiveModel, terms: Option<SubscriptionTerms>) -> Result<(), CatalogError> {
    let yen = |m: Money| m.to_yen().map_err(|_| CatalogError::InvalidPrice);
    row.subscription_enabled = Set(terms.is_some());
    row.subscription_first_price = Set(terms.map(|t| yen(t.first_price)).transpose()?);
    row.subscription_price = Set(terms.map(|t| yen(t.price)).transpose()?);
    row.subscription_max_deliveries =
        Set(terms.and_then(|t| t.max_deliveries).map(|m| i32::try_from(m).unwrap_or(i32::MAX)));
    Ok(())
}

fn to_variant(row: variant::Model) -> Variant {
    Variant {
        id: VariantId(row.id),
        product_id: ProductId(row.product_id),
        sku: row.sku,
        color: row.color,
        size: row.size,
        price: Money::yen(row.price),
        active: row.active,
    }
}

/// The shop that owns a product (for authorization).
pub async fn product_shop(db: &impl ConnectionTrait, id: ProductId) -> Result<ShopId, CatalogError> {
    product::Entity::find_by_id(id.0).one(db).await?.map(|p| ShopId(p.shop_id)).ok_or(CatalogError::ProductNotFound)
}

/// The variant, if it belongs to a product of `shop_id`.
pub(crate) async fn variant_of_shop(
    db: &impl ConnectionTrait,
    shop_id: ShopId,
    id: VariantId,
) -> Result<variant::Model, CatalogError> {
    let variant = variant::Entity::find_by_id(id.0).one(db).await?.ok_or(CatalogError::VariantNotFound)?;
    match product_shop(db, ProductId(variant.product_id)).await {
        Ok(owner) if owner == shop_id => Ok(variant),
        _ => Err(CatalogError::VariantNotFound),
    }
}

/// Newest first, `limit` per page; `after` is the id of the last item of the previous page.
pub async fn list_products(
    db: &impl ConnectionTrait,
    filter: &ProductFilter,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Page<ProductSummary>, CatalogError> {
    let mut query = product::Entity::find().order_by_desc(product::Column::Id).limit(limit + 1);
    if !filter.include_archived {
        query = query.filter(product::Column::Active.eq(true));
    }
    if let Some(shop_id) = filter.shop_id {
        query = query.filter(product::Column::ShopId.eq(shop_id.0));
    }
    if let Some(category) = &filter.category {
        query = query.filter(product::Column::Category.eq(category.as_str()));
    }
    // Every word must match, in any order; both sides normalized (half-width kana, full-width letters).
    for word in filter.keyword.as_deref().map(kaimono_core::search_words).unwrap_or_default() {
        let pattern = LikeExpr::new(kaimono_core::contains_pattern(&word)).escape(kaimono_core::LIKE_ESCAPE);
        query = query.filter(Expr::col((product::Entity, product::Column::SearchText)).like(pattern));
    }
    if filter.in_stock {
        let stocked = Query::select()
            .column((variant::Entity, variant::Column::ProductId))
            .from(variant::Entity)
            .inner_join(
                stock::Entity,
                Expr::col((stock::Entity, stock::Column::VariantId)).equals((variant::Entity, variant::Column::Id)),
            )
            .and_where(Expr::col((stock::Entity, stock::Column::Quantity)).gt(0))
            .and_where(Expr::col((variant::Entity, variant::Column::Active)).eq(true))
            .to_owned();
        query = query.filter(product::Column::Id.in_subquery(stocked));
    }
    if let Some(after) = after {
        query = query.filter(product::Column::Id.lt(after.id));
    }
    let Page { items: rows, next_cursor } = Page::from_rows(query.all(db).await?, limit, |r| Cursor::after(r.id));

    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let variants = variant::Entity::find()
        .filter(variant::Column::ProductId.is_in(ids.clone()))
        .filter(variant::Column::Active.eq(true))
        .all(db)
        .await?;
    let stocked: std::collections::HashSet<Uuid> = stock::Entity::find()
        .filter(stock::Column::VariantId.is_in(variants.iter().map(|v| v.id)))
        .filter(stock::Column::Quantity.gt(0))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.variant_id)
        .collect();
    let shop_names = crate::views::shop_names(db, rows.iter().map(|r| ShopId(r.shop_id))).await?;
    let mut covers = crate::images::covers_of(db, ids.iter().map(|id| ProductId(*id))).await?;
    let mut prices: HashMap<Uuid, (i64, i64, bool)> = HashMap::new();
    for v in &variants {
        let entry = prices.entry(v.product_id).or_insert((v.price, v.price, false));
        entry.0 = Ord::min(entry.0, v.price);
        entry.1 = Ord::max(entry.1, v.price);
        entry.2 |= stocked.contains(&v.id);
    }
    let items = rows
        .into_iter()
        .map(|row| {
            let (min, max, in_stock) = prices.get(&row.id).copied().unwrap_or((0, 0, false));
            let shop_name = shop_names.get(&ShopId(row.shop_id)).cloned().unwrap_or_default();
            ProductSummary {
                cover: covers.remove(&ProductId(row.id)),
                product: to_product(row),
                shop_name,
                price_min: Money::yen(min),
                price_max: Money::yen(max),
                in_stock,
            }
        })
        .collect();
    Ok(Page { items, next_cursor })
}

/// The distinct categories of active products, sorted.
pub async fn list_categories(db: &impl ConnectionTrait) -> Result<Vec<String>, CatalogError> {
    let rows: Vec<String> = product::Entity::find()
        .select_only()
        .column(product::Column::Category)
        .filter(product::Column::Active.eq(true))
        .distinct()
        .order_by_asc(product::Column::Category)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows)
}

/// A product with its variants and stock. Archived products are found only with `include_archived`.
pub async fn get_product(
    db: &impl ConnectionTrait,
    id: ProductId,
    include_archived: bool,
) -> Result<ProductDetail, CatalogError> {
    let row = product::Entity::find_by_id(id.0).one(db).await?.ok_or(CatalogError::ProductNotFound)?;
    if !row.active && !include_archived {
        return Err(CatalogError::ProductNotFound);
    }
    let mut variant_query = variant::Entity::find()
        .filter(variant::Column::ProductId.eq(id.0))
        .order_by_asc(variant::Column::Position)
        .order_by_asc(variant::Column::Id);
    if !include_archived {
        variant_query = variant_query.filter(variant::Column::Active.eq(true));
    }
    let variants: Vec<Variant> = variant_query.all(db).await?.into_iter().map(to_variant).collect();
    let stock_rows =
        stock::Entity::find().filter(stock::Column::VariantId.is_in(variants.iter().map(|v| v.id.0))).all(db).await?;
    let names =
        crate::views::shop_names(db, stock_rows.iter().map(|s| ShopId(s.shop_id)).chain([ShopId(row.shop_id)])).await?;
    let stock = stock_rows
        .into_iter()
        .map(|s| StockLevel {
            variant_id: VariantId(s.variant_id),
            shop_id: ShopId(s.shop_id),
            shop_name: names.get(&ShopId(s.shop_id)).cloned().unwrap_or_default(),
            quantity: s.quantity,
        })
        .collect();
    let shop_name = names.get(&ShopId(row.shop_id)).cloned().unwrap_or_default();
    let images = crate::images::images_of(db, [id]).await?.remove(&id).unwrap_or_default();
    Ok(ProductDetail { product: to_product(row), shop_name, images, variants, stock })
}

fn map_variant_conflict(error: DbErr, sku: &str, color: &str, size: &str) -> CatalogError {
    match error.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(message)) if message.contains("sku") => {
            CatalogError::SkuTaken { sku: sku.to_owned() }
        }
        Some(SqlErr::UniqueConstraintViolation(_)) => {
            CatalogError::VariantExists { color: color.to_owned(), size: size.to_owned() }
        }
        _ => error.into(),
    }
}

async fn insert_variant(
    db: &impl ConnectionTrait,
    product_id: ProductId,
    new: NewVariant,
    position: i32,
    now: DateTime<Utc>,
) -> Result<Variant, CatalogError> {
    let row = variant::Model {
        id: VariantId::new().0,
        product_id: product_id.0,
        price: new.price.to_yen().map_err(|_| CatalogError::InvalidPrice)?,
        sku: new.sku,
        color: new.color,
        size: new.size,
        active: true,
        position,
        created_at: now,
    };
    variant::Entity::insert(variant::ActiveModel::from(row.clone()).reset_all())
        .exec_without_returning(db)
        .await
        .map_err(|e| map_variant_conflict(e, &row.sku, &row.color, &row.size))?;
    Ok(to_variant(row))
}

/// What product search compares (CAT-06): name, description and category, normalized.
fn search_text(name: &str, description: &str, category: &str) -> String {
    kaimono_core::normalize_for_search(&format!("{name}\n{description}\n{category}"))
}

/// Creates a product of `shop_id` with its variants. Run in a transaction.
pub async fn create_product(
    db: &impl ConnectionTrait,
    shop_id: ShopId,
    new: NewProduct,
    now: DateTime<Utc>,
) -> Result<ProductDetail, CatalogError> {
    let id = ProductId::new();
    let search = search_text(&new.name, &new.description, &new.category);
    let mut row = product::ActiveModel {
        id: Set(id.0),
        search_text: Set(search),
        shop_id: Set(shop_id.0),
        name: Set(new.name),
        description: Set(new.description),
        category: Set(new.category),
        tax_category: Set(new.tax_category.as_str().to_owned()),
        reservable: Set(new.fulfilment.reservable),
        deliverable: Set(new.fulfilment.deliverable),
        reservation_payment: Set(new.fulfilment.reservation_payment.as_str().to_owned()),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_subscription(&mut row, new.fulfilment.subscription)?;
    product::Entity::insert(row).exec_without_returning(db).await.map_err(|e| match e.sql_err() {
        Some(SqlErr::ForeignKeyConstraintViolation(_)) => CatalogError::ShopNotFound,
        _ => e.into(),
    })?;
    for (position, variant) in new.variants.into_iter().enumerate() {
        insert_variant(db, id, variant, i32::try_from(position).unwrap_or(i32::MAX), now).await?;
    }
    get_product(db, id, true).await
}

pub async fn update_product(
    db: &impl ConnectionTrait,
    id: ProductId,
    changes: ProductChanges,
    now: DateTime<Utc>,
) -> Result<ProductDetail, CatalogError> {
    let found = product::Entity::find_by_id(id.0).one(db).await?.ok_or(CatalogError::ProductNotFound)?;
    let search = search_text(
        changes.name.as_deref().unwrap_or(&found.name),
        changes.description.as_deref().unwrap_or(&found.description),
        changes.category.as_deref().unwrap_or(&found.category),
    );
    let mut row = found.into_active_model();
    row.search_text = Set(search);
    if let Some(v) = changes.name {
        row.name = Set(v);
    }
    if let Some(v) = changes.description {
        row.description = Set(v);
    }
    if let Some(v) = changes.category {
        row.category = Set(v);
    }
    if let Some(v) = changes.tax_category {
        row.tax_category = Set(v.as_str().to_owned());
    }
    if let Some(v) = changes.reservable {
        row.reservable = Set(v);
    }
    if let Some(v) = changes.deliverable {
        row.deliverable = Set(v);
    }
    if let Some(v) = changes.reservation_payment {
        row.reservation_payment = Set(v.as_str().to_owned());
    }
    if let Some(v) = changes.subscription {
        set_subscription(&mut row, v)?;
    }
    if let Some(v) = changes.active {
        row.active = Set(v);
    }
    row.updated_at = Set(now);
    row.update(db).await?;
    get_product(db, id, true).await
}

/// Takes a product off sale; it stays in past orders and can be restored with `active: true`.
pub async fn archive_product(
    db: &impl ConnectionTrait,
    id: ProductId,
    now: DateTime<Utc>,
) -> Result<ProductDetail, CatalogError> {
    update_product(db, id, ProductChanges { active: Some(false), ..Default::default() }, now).await
}

pub async fn add_variant(
    db: &impl ConnectionTrait,
    product_id: ProductId,
    new: NewVariant,
    now: DateTime<Utc>,
) -> Result<Variant, CatalogError> {
    product_shop(db, product_id).await?;
    let position = variant::Entity::find().filter(variant::Column::ProductId.eq(product_id.0)).all(db).await?.len();
    insert_variant(db, product_id, new, i32::try_from(position).unwrap_or(i32::MAX), now).await
}

pub async fn update_variant(
    db: &impl ConnectionTrait,
    product_id: ProductId,
    id: VariantId,
    changes: VariantChanges,
) -> Result<Variant, CatalogError> {
    let current = variant::Entity::find_by_id(id.0)
        .filter(variant::Column::ProductId.eq(product_id.0))
        .one(db)
        .await?
        .ok_or(CatalogError::VariantNotFound)?;
    let sku = changes.sku.unwrap_or_else(|| current.sku.clone());
    let color = changes.color.unwrap_or_else(|| current.color.clone());
    let size = changes.size.unwrap_or_else(|| current.size.clone());
    let price = match changes.price {
        Some(p) => p.to_yen().map_err(|_| CatalogError::InvalidPrice)?,
        None => current.price,
    };
    let active = changes.active.unwrap_or(current.active);
    let mut row = current.into_active_model();
    row.sku = Set(sku.clone());
    row.color = Set(color.clone());
    row.size = Set(size.clone());
    row.price = Set(price);
    row.active = Set(active);
    row.update(db).await.map(to_variant).map_err(|e| map_variant_conflict(e, &sku, &color, &size))
}
