//! ACC-05: delivery addresses (配送先). A member has any number; when they have any, exactly one is
//! the default. Another member's address is indistinguishable from a missing one.

use crate::error::AccountError;
use crate::model::{Address, AddressInput};
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, AddressId};
use kaimono_entity::address;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder,
};

fn to_address(row: address::Model) -> Address {
    Address {
        id: AddressId(row.id),
        postal_code: row.postal_code,
        prefecture: row.prefecture,
        city: row.city,
        street: row.street,
        building: row.building,
        recipient_name: row.recipient_name,
        recipient_kana: row.recipient_kana,
        phone: row.phone,
        is_default: row.is_default,
    }
}

fn owned(account: AccountId) -> sea_orm::Select<address::Entity> {
    address::Entity::find().filter(address::Column::AccountId.eq(account.0))
}

/// The default first, then newest first.
pub async fn list_addresses(db: &impl ConnectionTrait, account: AccountId) -> Result<Vec<Address>, AccountError> {
    let rows =
        owned(account).order_by_desc(address::Column::IsDefault).order_by_desc(address::Column::Id).all(db).await?;
    Ok(rows.into_iter().map(to_address).collect())
}

pub async fn get_address(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: AddressId,
) -> Result<Address, AccountError> {
    find_row(db, account, id).await.map(to_address)
}

async fn find_row(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: AddressId,
) -> Result<address::Model, AccountError> {
    owned(account).filter(address::Column::Id.eq(id.0)).one(db).await?.ok_or(AccountError::NotFound)
}

async fn clear_default(db: &impl ConnectionTrait, account: AccountId) -> Result<(), AccountError> {
    address::Entity::update_many()
        .col_expr(address::Column::IsDefault, Expr::value(false))
        .filter(address::Column::AccountId.eq(account.0))
        .filter(address::Column::IsDefault.eq(true))
        .exec(db)
        .await?;
    Ok(())
}

/// Adds an address; the first one, or one marked default, becomes the default. Run in a transaction.
pub async fn create_address(
    db: &impl ConnectionTrait,
    account: AccountId,
    input: AddressInput,
    now: DateTime<Utc>,
) -> Result<Address, AccountError> {
    let is_default = input.is_default || owned(account).count(db).await? == 0;
    if is_default {
        clear_default(db, account).await?;
    }
    let row = address::Model {
        id: AddressId::new().0,
        account_id: account.0,
        postal_code: input.postal_code,
        prefecture: input.prefecture,
        city: input.city,
        street: input.street,
        building: input.building,
        recipient_name: input.recipient_name,
        recipient_kana: input.recipient_kana,
        phone: input.phone,
        is_default,
        created_at: now,
        updated_at: now,
    };
    address::Entity::insert(address::ActiveModel::from(row.clone()).reset_all()).exec_without_returning(db).await?;
    Ok(to_address(row))
}

/// Replaces an address. `is_default: true` makes it the default; the default changes only by choosing
/// another one, so `false` on the current default leaves it the default. Run in a transaction.
pub async fn update_address(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: AddressId,
    input: AddressInput,
    now: DateTime<Utc>,
) -> Result<Address, AccountError> {
    let current = find_row(db, account, id).await?;
    let is_default = current.is_default || input.is_default;
    if input.is_default && !current.is_default {
        clear_default(db, account).await?;
    }
    let mut row = current.into_active_model();
    row.postal_code = Set(input.postal_code);
    row.prefecture = Set(input.prefecture);
    row.city = Set(input.city);
    row.street = Set(input.street);
    row.building = Set(input.building);
    row.recipient_name = Set(input.recipient_name);
    row.recipient_kana = Set(input.recipient_kana);
    row.phone = Set(input.phone);
    row.is_default = Set(is_default);
    row.updated_at = Set(now);
    Ok(to_address(row.update(db).await?))
}

/// Deletes an address; if it was the default, the newest remaining one becomes the default.
pub async fn delete_address(db: &impl ConnectionTrait, account: AccountId, id: AddressId) -> Result<(), AccountError> {
    let current = find_row(db, account, id).await?;
    address::Entity::delete_by_id(current.id).exec(db).await?;
    if current.is_default
        && let Some(next) = owned(account).order_by_desc(address::Column::Id).one(db).await?
    {
        address::Entity::update_many()
            .col_expr(address::Column::IsDefault, Expr::value(true))
            .filter(address::Column::Id.eq(next.id))
            .exec(db)
            .await?;
    }
    Ok(())
}
