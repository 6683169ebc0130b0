//! ACC-05: the member's profile.

use crate::error::AccountError;
use crate::model::{Account, ProfileChanges, Role};
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Locale};
use kaimono_entity::account;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};

pub(crate) fn to_account(row: account::Model) -> Account {
    Account {
        id: AccountId(row.id),
        role: Role::parse(&row.role).unwrap_or(Role::Member),
        locale: Locale::parse_or_default(&row.locale),
        email: row.email,
        name: row.name,
        name_kana: row.name_kana,
        phone: row.phone,
        created_at: row.created_at,
        token_version: row.token_version,
    }
}

pub async fn find_account(db: &impl ConnectionTrait, id: AccountId) -> Result<Account, AccountError> {
    account::Entity::find_by_id(id.0).one(db).await?.map(to_account).ok_or(AccountError::NotFound)
}

pub async fn update_profile(
    db: &impl ConnectionTrait,
    id: AccountId,
    changes: ProfileChanges,
    now: DateTime<Utc>,
) -> Result<Account, AccountError> {
    let mut row = account::Entity::find_by_id(id.0).one(db).await?.ok_or(AccountError::NotFound)?.into_active_model();
    if let Some(name) = changes.name {
        row.name = Set(name);
    }
    if let Some(kana) = changes.name_kana {
        row.name_kana = Set(kana);
    }
    if let Some(phone) = changes.phone {
        row.phone = Set(phone);
    }
    if let Some(locale) = changes.locale {
        row.locale = Set(locale.as_str().to_owned());
    }
    row.updated_at = Set(now);
    Ok(to_account(row.update(db).await?))
}
