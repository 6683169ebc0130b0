//! Inspection photos (PRX-06): staff photograph each item at the warehouse — from a phone, as it
//! arrives or while inspecting — and the member sees them on the order. Photos are re-encoded like
//! every upload (metadata such as GPS dropped) and served only to the order's member and the service.

use crate::error::ProxyError;
use crate::model::{ItemStatus, ProxyOrder};
use crate::queries::{Actor, proxy_order_for};
use crate::workflow::record;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, ShopId};
use kaimono_entity::proxy_item_photo;
use kaimono_media::Storage;
use kaimono_timeline::By;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// PRX-06: the most photos one item has.
pub const MAX_PHOTOS_PER_ITEM: usize = 10;

/// PRX-06: staff add a photo of an item (`(order, item)`) that has arrived at the warehouse. The picture is judged and
/// re-encoded off the async runtime and stored before it is recorded; a failure removes what was stored.
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
    let photo = Uuid::now_v7();
    let prefix = format!("i-{photo}");
    let prepared = tokio::task::spawn_blocking(move || kaimono_media::prepare_file(&upload, &prefix, false))
        .await
        .map_err(|e| ProxyError::Corrupt(format!("image worker: {e}")))??;
    let preview = prepared.preview.ok_or_else(|| ProxyError::Corrupt("a photo without a preview".into()))?;
    storage.put(&prepared.file.name, prepared.file.bytes.clone()).await?;
    if let Err(e) = storage.put(&preview.name, preview.bytes.clone()).await {
        let _ = storage.delete(&prepared.file.name).await;
        return Err(e.into());
    }
    let row = proxy_item_photo::Model {
        id: photo,
        item_id: item,
        order_id: id,
        storage_name: prepared.file.name.clone(),
        preview_name: preview.name.clone(),
        width: i32::try_from(prepared.file.width).unwrap_or(i32::MAX),
        height: i32::try_from(prepared.file.height).unwrap_or(i32::MAX),
        created_at: now,
    };
    let written = async {
        proxy_item_photo::Entity::insert(proxy_item_photo::ActiveModel::from(row)).exec_without_returning(db).await?;
        record(db, id, "item_photographed", By::Staff(staff), Some(found.name.clone()), now).await
    }
    .await;
    if let Err(e) = written {
        let _ = storage.delete(&prepared.file.name).await;
        let _ = storage.delete(&preview.name).await;
        return Err(e);
    }
    proxy_order_for(db, Actor::Shop(shop), id).await
}

/// PRX-06: one photo of the order (its preview with `preview`), for its member or the service only.
pub async fn item_photo(
    db: &impl ConnectionTrait,
    storage: &Storage,
    actor: Actor,
    id: Uuid,
    photo: Uuid,
    preview: bool,
) -> Result<Bytes, ProxyError> {
    proxy_order_for(db, actor, id).await?;
    let row = proxy_item_photo::Entity::find_by_id(photo)
        .filter(proxy_item_photo::Column::OrderId.eq(id))
        .one(db)
        .await?
        .ok_or(ProxyError::PhotoNotFound)?;
    let name = if preview { row.preview_name } else { row.storage_name };
    storage.get(&name).await?.ok_or(ProxyError::PhotoNotFound)
}
