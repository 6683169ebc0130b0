//! Creating accounts (members through sign-up; staff and operators by the operator or the demo seed)
//! and reading a staff member's shop bindings (ACC-04).

use crate::error::AccountError;
use crate::model::{Account, PersonDetails, Role, ShopMembership, ShopRole, normalize_email};
use crate::profile::to_account;
use crate::secrets::hash_password;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Locale, ShopId};
use kaimono_entity::{account, staff_shop};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, SqlErr,
};

pub(crate) async fn email_exists(db: &impl ConnectionTrait, email: &str) -> Result<bool, AccountError> {
    Ok(account::Entity::find().filter(account::Column::Email.eq(email)).count(db).await? > 0)
}

pub async fn create_account(
    db: &impl ConnectionTrait,
    email: &str,
    password: &str,
    role: Role,
    person: PersonDetails,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<Account, AccountError> {
    let email = normalize_email(email);
    let row = account::Model {
        id: AccountId::new().0,
        email,
        password_hash: hash_password(password)?,
        role: role.as_str().to_owned(),
        name: person.name,
        name_kana: person.name_kana,
        phone: person.phone,
        locale: locale.as_str().to_owned(),
        created_at: now,
        updated_at: now,
        token_version: 0,
    };
    let active = account::ActiveModel::from(row.clone()).reset_all();
    match account::Entity::insert(active).exec_without_returning(db).await {
        Ok(_) => Ok(to_account(row)),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Err(AccountError::EmailTaken),
        Err(e) => Err(e.into()),
    }
}

/// Binds a staff account to a shop.
pub async fn bind_to_shop(
    db: &impl ConnectionTrait,
    account_id: AccountId,
    shop_id: ShopId,
    role: ShopRole,
) -> Result<(), AccountError> {
    staff_shop::Entity::insert(staff_shop::ActiveModel {
        account_id: Set(account_id.0),
        shop_id: Set(shop_id.0),
        role: Set(role.as_str().to_owned()),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The shops a staff member may act on.
pub async fn shop_memberships(
    db: &impl ConnectionTrait,
    account_id: AccountId,
) -> Result<Vec<ShopMembership>, AccountError> {
    let rows = staff_shop::Entity::find().filter(staff_shop::Column::AccountId.eq(account_id.0)).all(db).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| ShopRole::parse(&r.role).map(|role| ShopMembership { shop_id: ShopId(r.shop_id), role }))
        .collect())
}
