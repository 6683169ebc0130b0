//! Photos taken at the warehouse: inspection photos of each item (PRX-06) — from a phone, as it arrives
//! or while inspecting — and photos of the weighed parcel on the scale and against the tape measure
//! (PRX-08's weight evidence). Photos are re-encoded like every upload (metadata such as GPS dropped) and
//! served only to the order's member and the service.

use crate::error::ProxyError;
use crate::model::{ItemStatus, ProxyOrder, ProxyStatus};
use crate::queries::{Actor, proxy_order_for};
use crate::workflow::record;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, ShopId};
use kaimono_entity::{proxy_item_photo, proxy_parcel_photo};
use kaimono_media::Storage;
use kaimono_timeline::By;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::future::Future;
use uuid::Uuid;

/// PRX-06: the most photos one item has.
pub const MAX_PHOTOS_PER_ITEM: usize = 10;
/// PRX-08: the most photos of one order's parcel.
pub const MAX_PARCEL_PHOTOS: usize = 5;

/// A photo stored, about to be recorded.
struct Stored {
    id: Uuid,
    file: String,
    preview: String,
    width: i32,
    height: i32,
}

/// Judges and re-encodes `upload` off the async runtime, stores it with its preview, then runs `write`
/// (which records it); a failure anywhere removes what was stored.
async fn store_photo<W, F>(storage: &Storage, upload: Bytes, write: W) -> Result<(), ProxyError>
where
    W: FnOnce(Stored) -> F,
    F: Future<Output = Result<(), ProxyError>>,
{
    let id = Uuid::now_v7();
    let prefix = format!("i-{id}");
    let prepared = tokio::task::spawn_blocking(move || kaimono_media::prepare_file(&upload, &prefix, false))
        .await
        .map_err(|e| ProxyError::Corrupt(format!("image worker: {e}")))??;
    let preview = prepared.preview.ok_or_else(|| ProxyError::Corrupt("a photo without a preview".into()))?;
    storage.put(&prepared.file.name, prepared.file.bytes.clone()).await?;
    if let Err(e) = storage.put(&preview.name, preview.bytes.clone()).await {
        let _ = storage.delete(&prepared.file.name).await;
        return Err(e.into());
    }
    let stored = Stored {
        id,
        file: prepared.file.name.clone(),
        preview: preview.name.clone(),
        width: i32::try_from(prepared.file.width).unwrap_or(i32::MAX),
        height: i32::try_from(prepared.file.height).unwrap_or(i32::MAX),
    };
    if let Err(e) = write(stored).await {
        let _ = storage.delete(&prepared.file.name).await;
        let _ = storage.delete(&preview.name).await;
        return Err(e);
    }
    Ok(())
}

/// PRX-06: staff add a photo of an item (`(order, item)`) that has arrived at the warehouse.
pub async fn add_item_photo(
    db: &impl ConnectionTrait,
    storage: &Storage,
    shop: ShopId,
    (id, item): (Uuid, Uuid),
    upload: Bytes,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let found = order.items.iter().find(|i| i.id == item).ok_or(ProxyError::UnknownItem { item })?;
    if !matches!(found.status, ItemStatus::Arrived | ItemStatus::Inspected) {
        return Err(ProxyError::NotAtWarehouse { status: found.status.as_str() });
    }
    if found.photos.len() >= MAX_PHOTOS_PER_ITEM {
        return Err(ProxyError::TooManyPhotos { max: MAX_PHOTOS_PER_ITEM });
    }
    store_photo(storage, upload, async |s: Stored| {
        let row = proxy_item_photo::Model {
            id: s.id,
            item_id: item,
            order_id: id,
            storage_name: s.file,
            preview_name: s.preview,
            width: s.width,
            height: s.height,
            created_at: now,
        };
        proxy_item_photo::Entity::insert(proxy_item_photo::ActiveModel::from(row)).exec_without_returning(db).await?;
        record(db, id, "item_photographed", By::Staff(staff), Some(found.name.clone()), now).await
    })
    .await?;
    proxy_order_for(db, Actor::Shop(shop), id).await
}

/// PRX-08: staff add a photo of the parcel on the scale (or against the tape measure) while weighing —
/// once every item is inspected and until the 2nd invoice is paid. The member sees it with the weight.
pub async fn add_parcel_photo(
    db: &impl ConnectionTrait,
    storage: &Storage,
    shop: ShopId,
    id: Uuid,
    upload: Bytes,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let inspected = order.items.iter().all(|i| matches!(i.status, ItemStatus::Inspected | ItemStatus::Cancelled));
    match order.status {
        ProxyStatus::AwaitingSecondPayment => {}
        ProxyStatus::Purchasing if inspected => {}
        ProxyStatus::Purchasing => return Err(ProxyError::NotInspected),
        other => return Err(ProxyError::InvalidTransition { from: other.as_str(), to: "photographed" }),
    }
    if order.parcel_photos.len() >= MAX_PARCEL_PHOTOS {
        return Err(ProxyError::TooManyPhotos { max: MAX_PARCEL_PHOTOS });
    }
    store_photo(storage, upload, async |s: Stored| {
        let row = proxy_parcel_photo::Model {
            id: s.id,
            order_id: id,
            storage_name: s.file,
            preview_name: s.preview,
            width: s.width,
            height: s.height,
            created_at: now,
        };
        let insert = proxy_parcel_photo::Entity::insert(proxy_parcel_photo::ActiveModel::from(row));
        insert.exec_without_returning(db).await?;
        record(db, id, "parcel_photographed", By::Staff(staff), None, now).await
    })
    .await?;
    proxy_order_for(db, Actor::Shop(shop), id).await
}

/// PRX-06, PRX-08: one photo of the order — of an item or of the parcel — (its preview with `preview`),
/// for its member or the service only.
pub async fn item_photo(
    db: &impl ConnectionTrait,
    storage: &Storage,
    actor: Actor,
    id: Uuid,
    photo: Uuid,
    preview: bool,
) -> Result<Bytes, ProxyError> {
    proxy_order_for(db, actor, id).await?;
    let item = proxy_item_photo::Entity::find_by_id(photo)
        .filter(proxy_item_photo::Column::OrderId.eq(id))
        .one(db)
        .await?
        .map(|r| (r.storage_name, r.preview_name));
    let found = match item {
        Some(found) => Some(found),
        None => proxy_parcel_photo::Entity::find_by_id(photo)
            .filter(proxy_parcel_photo::Column::OrderId.eq(id))
            .one(db)
            .await?
            .map(|r| (r.storage_name, r.preview_name)),
    };
    let (file, small) = found.ok_or(ProxyError::PhotoNotFound)?;
    storage.get(if preview { &small } else { &file }).await?.ok_or(ProxyError::PhotoNotFound)
}
