//! A proxy-buying service's rules: the service fee, the card surcharge and the storage clock.

use crate::error::ProxyError;
use crate::model::{ProxySettings, StorageTerms};
use chrono::{DateTime, Utc};
use kaimono_core::{Money, ShopId};
use kaimono_entity::proxy_setting;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

/// The shop must be of the proxy kind.
pub(crate) async fn proxy_shop(db: &impl ConnectionTrait, shop: ShopId) -> Result<kaimono_catalog::Shop, ProxyError> {
    let found = kaimono_catalog::get_shop(db, shop).await?;
    if found.kind != kaimono_catalog::ShopKind::Proxy {
        return Err(ProxyError::NotAProxyShop);
    }
    Ok(found)
}

/// The service's settings (the defaults until the owner saves some).
pub async fn proxy_settings(db: &impl ConnectionTrait, shop: ShopId) -> Result<ProxySettings, ProxyError> {
    proxy_shop(db, shop).await?;
    let row = proxy_setting::Entity::find_by_id(shop.0).one(db).await?;
    Ok(match row {
        Some(r) => ProxySettings {
            fee_rate_bp: u32::try_from(r.fee_rate_bp).map_err(|_| ProxyError::Corrupt("fee rate".into()))?,
            fee_minimum: Money::yen(r.fee_minimum),
            card_surcharge_bp: u32::try_from(r.card_surcharge_bp)
                .map_err(|_| ProxyError::Corrupt("card surcharge".into()))?,
            free_storage_days: u32::try_from(r.free_storage_days)
                .map_err(|_| ProxyError::Corrupt("free storage days".into()))?,
            storage_fee_per_day: Money::yen(r.storage_fee_per_day),
        },
        None => ProxySettings::default(),
    })
}

/// The owner's change of the settings (validated by the caller: rates 0–10,000 bp).
pub async fn update_proxy_settings(
    db: &impl ConnectionTrait,
    shop: ShopId,
    settings: ProxySettings,
    now: DateTime<Utc>,
) -> Result<ProxySettings, ProxyError> {
    proxy_shop(db, shop).await?;
    let bp = |v: u32| i32::try_from(v).map_err(|_| ProxyError::Corrupt("rate out of range".into()));
    proxy_setting::Entity::insert(proxy_setting::ActiveModel {
        shop_id: Set(shop.0),
        fee_rate_bp: Set(bp(settings.fee_rate_bp)?),
        fee_minimum: Set(settings.fee_minimum.to_yen()?),
        card_surcharge_bp: Set(bp(settings.card_surcharge_bp)?),
        free_storage_days: Set(bp(settings.free_storage_days)?),
        storage_fee_per_day: Set(settings.storage_fee_per_day.to_yen()?),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(proxy_setting::Column::ShopId)
            .update_columns([
                proxy_setting::Column::FeeRateBp,
                proxy_setting::Column::FeeMinimum,
                proxy_setting::Column::CardSurchargeBp,
                proxy_setting::Column::FreeStorageDays,
                proxy_setting::Column::StorageFeePerDay,
                proxy_setting::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    proxy_settings(db, shop).await
}

/// The storage terms of each of `shops` that saved settings (the others keep the defaults).
pub(crate) async fn storage_terms(
    db: &impl ConnectionTrait,
    shops: Vec<uuid::Uuid>,
) -> Result<std::collections::HashMap<uuid::Uuid, StorageTerms>, ProxyError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let rows = proxy_setting::Entity::find().filter(proxy_setting::Column::ShopId.is_in(shops)).all(db).await?;
    rows.into_iter()
        .map(|r| {
            let free_days =
                u32::try_from(r.free_storage_days).map_err(|_| ProxyError::Corrupt("free storage days".into()))?;
            Ok((r.shop_id, StorageTerms { free_days, fee_per_day: Money::yen(r.storage_fee_per_day) }))
        })
        .collect()
}
