//! What other domains may know of accounts (they never read the `account` table themselves): names for
//! lists, members matching a search, and mail to a member in the member's language.

use crate::error::AccountError;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, LIKE_ESCAPE, Locale, contains_pattern, normalize_for_search};
use kaimono_entity::account;
use kaimono_messaging::{Email, EmailId, Template};
use sea_orm::sea_query::{Expr, Func, LikeExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// The names of these accounts (unknown ids are left out).
pub async fn member_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = AccountId>,
) -> Result<HashMap<AccountId, String>, AccountError> {
    let rows: Vec<(uuid::Uuid, String)> = account::Entity::find()
        .select_only()
        .column(account::Column::Id)
        .column(account::Column::Name)
        .filter(account::Column::Id.is_in(ids.into_iter().map(|id| id.0)))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(id, name)| (AccountId(id), name)).collect())
}

/// Up to `limit` accounts whose name contains `text` (normalized as search input is).
pub async fn search_members(db: &impl ConnectionTrait, text: &str, limit: u64) -> Result<Vec<AccountId>, AccountError> {
    let pattern = contains_pattern(&normalize_for_search(text));
    let ids: Vec<uuid::Uuid> = account::Entity::find()
        .select_only()
        .column(account::Column::Id)
        .filter(
            Expr::expr(Func::lower(Expr::col((account::Entity, account::Column::Name))))
                .like(LikeExpr::new(pattern).escape(LIKE_ESCAPE)),
        )
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().map(AccountId).collect())
}

/// Writes `template` to a member, in the member's language, into the outbox — in the caller's
/// transaction, so the email exists exactly when the change that causes it does (NOTIF-01). The member's
/// name is added to `context` as `name`.
pub async fn notify_member(
    db: &impl ConnectionTrait,
    member: AccountId,
    template: Template,
    mut context: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<EmailId, AccountError> {
    let row = account::Entity::find_by_id(member.0).one(db).await?.ok_or(AccountError::NotFound)?;
    if let Some(fields) = context.as_object_mut() {
        fields.insert("name".to_owned(), serde_json::Value::String(row.name));
    }
    let email = Email::render(&row.email, template, Locale::parse_or_default(&row.locale), context)?;
    Ok(kaimono_messaging::enqueue(db, email, now).await?)
}

/// The language a member reads mail in.
pub async fn member_locale(db: &impl ConnectionTrait, member: AccountId) -> Result<Locale, AccountError> {
    let row = account::Entity::find_by_id(member.0).one(db).await?.ok_or(AccountError::NotFound)?;
    Ok(Locale::parse_or_default(&row.locale))
}

/// A member's name and email, for mail about the member to a shop (SUB-10).
#[derive(Debug, Clone)]
pub struct MemberContact {
    pub name: String,
    pub email: String,
}

pub async fn member_contact(db: &impl ConnectionTrait, member: AccountId) -> Result<MemberContact, AccountError> {
    let row = account::Entity::find_by_id(member.0).one(db).await?.ok_or(AccountError::NotFound)?;
    Ok(MemberContact { name: row.name, email: row.email })
}
