//! What other domains may know of accounts (they never read the `account` table themselves): names for
//! lists, members matching a search, and mail to a member in the member's language.

use crate::error::AccountError;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, LIKE_ESCAPE, Locale, Money, ShopId, contains_pattern, normalize_for_search};
use kaimono_entity::{account, address};
use kaimono_messaging::{Email, EmailId, MemberFacts, Template};
use sea_orm::sea_query::{Expr, Func, LikeExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect};
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

/// Writes `template` from `shop` to a member, in the member's language, into the outbox — in the caller's
/// transaction, so the email exists exactly when the change that causes it does (NOTIF-01). The shop's
/// own wording is used when it wrote one (SHOP-04), with the member's tags; the default gets the
/// member's name as `name`.
pub async fn notify_member(
    db: &impl ConnectionTrait,
    member: AccountId,
    shop: ShopId,
    template: Template,
    context: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<EmailId, AccountError> {
    let row = account::Entity::find_by_id(member.0).one(db).await?.ok_or(AccountError::NotFound)?;
    let locale = Locale::parse_or_default(&row.locale);
    let mut context = context;
    if let Some(fields) = context.as_object_mut() {
        fields.insert("name".to_owned(), serde_json::Value::String(row.name.clone()));
    }
    // The member's facts (three reads) only for a shop's own wording; the default needs the name alone.
    let email = match kaimono_messaging::shop_template(db, shop, template, locale).await? {
        Some(own) => {
            let to = row.email.clone();
            own.render(&to, template, locale, &context, &member_facts(db, row, locale).await?)
        }
        None => Email::render(&row.email, template, locale, context)?,
    };
    Ok(kaimono_messaging::enqueue(db, email, now).await?)
}

/// What a shop's mail may say of the member (seed 002's tags): profile, default address, points, purchases.
async fn member_facts(
    db: &impl ConnectionTrait,
    row: account::Model,
    locale: Locale,
) -> Result<MemberFacts, AccountError> {
    let account = AccountId(row.id);
    let address = address::Entity::find()
        .filter(address::Column::AccountId.eq(row.id))
        .order_by_desc(address::Column::IsDefault)
        .order_by_desc(address::Column::CreatedAt)
        .one(db)
        .await?;
    let points = crate::points::point_balance(db, account).await?;
    let (buy_times, buy_total) = crate::purchases::purchases_of(db, account).await?;
    let mut facts = MemberFacts {
        name: row.name,
        name_kana: row.name_kana,
        email: row.email,
        phone: row.phone,
        points: points.balance,
        total_points: points.total_earned,
        buy_times,
        buy_total: Money::yen(buy_total),
        ..MemberFacts::default()
    };
    if let Some(a) = address {
        let prefecture = kaimono_core::japan::prefecture(a.prefecture)
            .map(|(ja, en)| if locale == Locale::Ja { ja } else { en })
            .unwrap_or_default();
        facts.postal_code = a.postal_code;
        facts.prefecture = prefecture.to_owned();
        facts.city = a.city;
        facts.street = a.street;
        facts.building = a.building.unwrap_or_default();
    }
    Ok(facts)
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
