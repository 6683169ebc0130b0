//! Product images (CAT-02): uploads re-encoded into a few widths, stored through the storage port under
//! content-hashed names, listed per product in the order staff set, each with its alt text.

use crate::error::CatalogError;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use kaimono_core::{ProductId, ShopId};
use kaimono_entity::product_image;
use kaimono_media::{PreparedImage, Storage};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// How many images one product may have.
pub const MAX_IMAGES_PER_PRODUCT: usize = 12;
/// The longest alt text, in characters.
pub const MAX_ALT_CHARS: usize = 200;

/// One stored size of an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRendition {
    pub width: u32,
    pub height: u32,
    /// Its name in storage (and in `/media/{name}`).
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductImage {
    pub id: Uuid,
    pub product_id: ProductId,
    /// What the picture shows, for screen readers; may be empty (then the product name stands in).
    pub alt: String,
    pub width: u32,
    pub height: u32,
    /// Narrowest first.
    pub renditions: Vec<StoredRendition>,
}

impl ProductImage {
    /// The path of its narrowest rendition: a thumbnail for emails and lists.
    pub fn thumbnail_path(&self) -> Option<String> {
        self.renditions.first().map(|r| kaimono_media::public_path(&r.name))
    }
}

fn to_image(row: product_image::Model) -> Result<ProductImage, CatalogError> {
    let renditions: Vec<StoredRendition> = serde_json::from_str(&row.renditions)
        .map_err(|e| CatalogError::Corrupt(format!("image {} renditions: {e}", row.id)))?;
    Ok(ProductImage {
        id: row.id,
        product_id: ProductId(row.product_id),
        alt: row.alt_text,
        width: u32::try_from(row.width).unwrap_or(0),
        height: u32::try_from(row.height).unwrap_or(0),
        renditions,
    })
}

/// The images of these products, each list in display order.
pub async fn images_of(
    db: &impl ConnectionTrait,
    products: impl IntoIterator<Item = ProductId>,
) -> Result<HashMap<ProductId, Vec<ProductImage>>, CatalogError> {
    let rows = product_image::Entity::find()
        .filter(product_image::Column::ProductId.is_in(products.into_iter().map(|p| p.0)))
        .order_by_asc(product_image::Column::Position)
        .order_by_asc(product_image::Column::Id)
        .all(db)
        .await?;
    let mut by_product: HashMap<ProductId, Vec<ProductImage>> = HashMap::new();
    for row in rows {
        let image = to_image(row)?;
        by_product.entry(image.product_id).or_default().push(image);
    }
    Ok(by_product)
}

/// The first image of each of these products that has one.
pub async fn covers_of(
    db: &impl ConnectionTrait,
    products: impl IntoIterator<Item = ProductId>,
) -> Result<HashMap<ProductId, ProductImage>, CatalogError> {
    Ok(images_of(db, products)
        .await?
        .into_iter()
        .filter_map(|(id, images)| images.into_iter().next().map(|first| (id, first)))
        .collect())
}

async fn product_of_shop(db: &impl ConnectionTrait, shop: ShopId, product: ProductId) -> Result<(), CatalogError> {
    match crate::products::product_shop(db, product).await {
        Ok(owner) if owner == shop => Ok(()),
        _ => Err(CatalogError::ProductNotFound),
    }
}

async fn image_of_product(
    db: &impl ConnectionTrait,
    shop: ShopId,
    product: ProductId,
    image: Uuid,
) -> Result<product_image::Model, CatalogError> {
    product_of_shop(db, shop, product).await?;
    product_image::Entity::find_by_id(image)
        .filter(product_image::Column::ProductId.eq(product.0))
        .one(db)
        .await?
        .ok_or(CatalogError::ImageNotFound)
}

fn check_alt(alt: &str) -> Result<(), CatalogError> {
    if alt.chars().count() > MAX_ALT_CHARS {
        return Err(CatalogError::InvalidSetting {
            field: "alt",
            message: format!("is at most {MAX_ALT_CHARS} characters"),
        });
    }
    Ok(())
}

/// Adds an uploaded picture to a product of `shop`, last in order: re-encodes it off the async runtime,
/// stores its renditions, then records it. A failure part-way removes what was stored.
pub async fn add_image(
    db: &impl ConnectionTrait,
    storage: &Storage,
    shop: ShopId,
    product: ProductId,
    upload: Bytes,
    alt: String,
    now: DateTime<Utc>,
) -> Result<ProductImage, CatalogError> {
    let alt = alt.trim().to_owned();
    check_alt(&alt)?;
    product_of_shop(db, shop, product).await?;
    let existing = images_of(db, [product]).await?.remove(&product).unwrap_or_default();
    if existing.len() >= MAX_IMAGES_PER_PRODUCT {
        return Err(CatalogError::TooManyImages { max: MAX_IMAGES_PER_PRODUCT });
    }
    let id = Uuid::now_v7();
    let prefix = format!("p-{id}");
    let prepared: PreparedImage = tokio::task::spawn_blocking(move || kaimono_media::images::prepare(&upload, &prefix))
        .await
        .map_err(|e| CatalogError::Corrupt(format!("image worker: {e}")))??;
    let renditions: Vec<StoredRendition> = prepared
        .renditions
        .iter()
        .map(|r| StoredRendition { width: r.width, height: r.height, name: r.name.clone() })
        .collect();
    for (done, rendition) in prepared.renditions.into_iter().enumerate() {
        if let Err(e) = storage.put(&rendition.name, rendition.bytes).await {
            remove_files(storage, &renditions[..done]).await;
            return Err(e.into());
        }
    }
    let position = i32::try_from(existing.len()).unwrap_or(i32::MAX);
    let row = product_image::Model {
        id,
        product_id: product.0,
        position,
        alt_text: alt,
        width: i32::try_from(prepared.width).unwrap_or(i32::MAX),
        height: i32::try_from(prepared.height).unwrap_or(i32::MAX),
        renditions: serde_json::to_string(&renditions).map_err(|e| CatalogError::Corrupt(e.to_string()))?,
        created_at: now,
    };
    if let Err(e) = product_image::Entity::insert(product_image::ActiveModel::from(row.clone()).reset_all())
        .exec_without_returning(db)
        .await
    {
        remove_files(storage, &renditions).await;
        return Err(e.into());
    }
    to_image(row)
}

/// Changes an image's alt text.
pub async fn update_image_alt(
    db: &impl ConnectionTrait,
    shop: ShopId,
    product: ProductId,
    image: Uuid,
    alt: String,
) -> Result<ProductImage, CatalogError> {
    let alt = alt.trim().to_owned();
    check_alt(&alt)?;
    let mut row = image_of_product(db, shop, product, image).await?.into_active_model();
    row.alt_text = Set(alt);
    to_image(row.update(db).await?)
}

/// Puts a product's images in the order given, which must name each of them once. Run in a transaction.
pub async fn reorder_images(
    db: &impl ConnectionTrait,
    shop: ShopId,
    product: ProductId,
    order: &[Uuid],
) -> Result<Vec<ProductImage>, CatalogError> {
    product_of_shop(db, shop, product).await?;
    let current = images_of(db, [product]).await?.remove(&product).unwrap_or_default();
    let mut given = order.to_vec();
    given.sort_unstable();
    given.dedup();
    let mut known: Vec<Uuid> = current.iter().map(|i| i.id).collect();
    known.sort_unstable();
    if given.len() != order.len() || given != known {
        return Err(CatalogError::InvalidSetting {
            field: "image_ids",
            message: "must list each of the product's images exactly once".into(),
        });
    }
    for (position, id) in order.iter().enumerate() {
        product_image::Entity::update_many()
            .col_expr(
                product_image::Column::Position,
                sea_orm::sea_query::Expr::value(i32::try_from(position).unwrap_or(i32::MAX)),
            )
            .filter(product_image::Column::Id.eq(*id))
            .exec(db)
            .await?;
    }
    Ok(images_of(db, [product]).await?.remove(&product).unwrap_or_default())
}

/// Removes an image and then its files (a file left behind by a storage failure is logged, not an error:
/// nothing refers to it any more).
pub async fn delete_image(
    db: &impl ConnectionTrait,
    storage: &Storage,
    shop: ShopId,
    product: ProductId,
    image: Uuid,
) -> Result<(), CatalogError> {
    let row = image_of_product(db, shop, product, image).await?;
    let image = to_image(row.clone())?;
    product_image::Entity::delete_by_id(row.id).exec(db).await?;
    remove_files(storage, &image.renditions).await;
    Ok(())
}

async fn remove_files(storage: &Storage, renditions: &[StoredRendition]) {
    for rendition in renditions {
        if let Err(e) = storage.delete(&rendition.name).await {
            tracing::warn!(name = %rendition.name, error = %e, "an image file could not be removed");
        }
    }
}
