//! ACC-07: a member's points — the balance and its ledger. A movement and the balance change in the
//! caller's transaction; the balance moves with one conditional UPDATE, so it is never negative under any
//! concurrency.

use crate::error::AccountError;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Cursor, Page};
use kaimono_entity::{point_balance, point_entry};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

/// What a movement of points was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointKind {
    Earned,
    Used,
    Expired,
    /// Points used on an order that was cancelled, given back.
    Returned,
}

impl PointKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PointKind::Earned => "earned",
            PointKind::Used => "used",
            PointKind::Expired => "expired",
            PointKind::Returned => "returned",
        }
    }

    fn parse(value: &str) -> Option<Self> {
        [PointKind::Earned, PointKind::Used, PointKind::Expired, PointKind::Returned]
            .into_iter()
            .find(|k| k.as_str() == value)
    }
}

/// A member's points now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PointBalance {
    pub balance: i64,
    /// Every point ever earned.
    pub total_earned: i64,
}

/// One movement of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointEntry {
    pub id: Uuid,
    pub kind: PointKind,
    /// Signed: earned points are positive, used and expired ones negative.
    pub points: i64,
    pub reason: String,
    pub order_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

async fn record(
    db: &impl ConnectionTrait,
    account: AccountId,
    kind: PointKind,
    points: i64,
    reason: &str,
    order: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    point_entry::Entity::insert(point_entry::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(account.0),
        kind: Set(kind.as_str().to_owned()),
        points: Set(points),
        reason: Set(reason.to_owned()),
        order_id: Set(order),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// SUB-15: adds `points` (> 0) to the member's balance, with the reason (an order's number).
pub async fn award_points(
    db: &impl ConnectionTrait,
    account: AccountId,
    points: i64,
    reason: &str,
    order: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    award_points_many(db, &[Award { account, points, reason: reason.to_owned(), order }], now).await
}

/// SUB-15: gives back `points` (> 0) used on a cancelled order; they were earned before, so the total
/// earned stays as it is.
pub async fn return_points(
    db: &impl ConnectionTrait,
    account: AccountId,
    points: i64,
    reason: &str,
    order: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    if points <= 0 {
        return Ok(());
    }
    point_balance::Entity::update_many()
        .col_expr(point_balance::Column::Balance, Expr::col(point_balance::Column::Balance).add(points))
        .col_expr(point_balance::Column::UpdatedAt, Expr::value(now))
        .filter(point_balance::Column::AccountId.eq(account.0))
        .exec(db)
        .await?;
    record(db, account, PointKind::Returned, points, reason, order, now).await
}

/// Points earned on one order, for [`award_points_many`].
#[derive(Debug, Clone)]
pub struct Award {
    pub account: AccountId,
    pub points: i64,
    /// The order's number.
    pub reason: String,
    pub order: Option<Uuid>,
}

/// Points for many orders at once (a generation batch's): one upsert of the balances, summed per member
/// first (a statement may write a row once), and one insert of the ledger rows.
pub async fn award_points_many(
    db: &impl ConnectionTrait,
    awards: &[Award],
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    use point_balance::Column as C;
    let awards: Vec<&Award> = awards.iter().filter(|a| a.points > 0).collect();
    let mut per_member: std::collections::BTreeMap<Uuid, i64> = std::collections::BTreeMap::new();
    for award in &awards {
        *per_member.entry(award.account.0).or_default() += award.points;
    }
    if per_member.is_empty() {
        return Ok(());
    }
    let balances = per_member.into_iter().map(|(account, points)| point_balance::ActiveModel {
        account_id: Set(account),
        balance: Set(points),
        total_earned: Set(points),
        updated_at: Set(now),
    });
    point_balance::Entity::insert_many(balances)
        .on_conflict(
            OnConflict::column(C::AccountId)
                .value(C::Balance, Expr::col((point_balance::Entity, C::Balance)).add(Expr::cust("excluded.balance")))
                .value(
                    C::TotalEarned,
                    Expr::col((point_balance::Entity, C::TotalEarned)).add(Expr::cust("excluded.total_earned")),
                )
                .value(C::UpdatedAt, Expr::value(now))
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    let entries = awards.iter().map(|a| point_entry::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(a.account.0),
        kind: Set(PointKind::Earned.as_str().to_owned()),
        points: Set(a.points),
        reason: Set(a.reason.clone()),
        order_id: Set(a.order),
        created_at: Set(now),
    });
    point_entry::Entity::insert_many(entries).exec_without_returning(db).await?;
    Ok(())
}

/// Takes `points` (> 0) from the balance, or fails without changing anything when it holds fewer.
pub async fn use_points(
    db: &impl ConnectionTrait,
    account: AccountId,
    points: i64,
    reason: &str,
    order: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    if points <= 0 {
        return Ok(());
    }
    let taken = point_balance::Entity::update_many()
        .col_expr(point_balance::Column::Balance, Expr::col(point_balance::Column::Balance).sub(points))
        .col_expr(point_balance::Column::UpdatedAt, Expr::value(now))
        .filter(point_balance::Column::AccountId.eq(account.0))
        .filter(point_balance::Column::Balance.gte(points))
        .exec(db)
        .await?;
    if taken.rows_affected != 1 {
        let balance = point_balance(db, account).await?.balance;
        return Err(AccountError::InsufficientPoints { balance });
    }
    record(db, account, PointKind::Used, -points, reason, order, now).await
}

/// The member's balance ([MEMBER_POINT]) and points ever earned ([MEMBER_TOTAL_POINT]).
pub async fn point_balance(db: &impl ConnectionTrait, account: AccountId) -> Result<PointBalance, AccountError> {
    Ok(point_balance::Entity::find_by_id(account.0)
        .one(db)
        .await?
        .map(|b| PointBalance { balance: b.balance, total_earned: b.total_earned })
        .unwrap_or_default())
}

/// The member's ledger, newest first, `limit` per page after `after`.
pub async fn point_ledger(
    db: &impl ConnectionTrait,
    account: AccountId,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<Page<PointEntry>, AccountError> {
    let mut query = point_entry::Entity::find().filter(point_entry::Column::AccountId.eq(account.0));
    if let Some(after) = after {
        query = query.filter(point_entry::Column::Id.lt(after.id));
    }
    let rows = query.order_by_desc(point_entry::Column::Id).limit(limit + 1).all(db).await?;
    let entries = rows
        .into_iter()
        .map(|r| PointEntry {
            id: r.id,
            kind: PointKind::parse(&r.kind).unwrap_or(PointKind::Earned),
            points: r.points,
            reason: r.reason,
            order_id: r.order_id,
            created_at: r.created_at,
        })
        .collect();
    Ok(Page::from_rows(entries, limit, |e| Cursor::after(e.id)))
}

/// The balance and a page of the ledger, read together.
pub async fn points_of(
    db: &impl ConnectionTrait,
    account: AccountId,
    after: Option<&Cursor>,
    limit: u64,
) -> Result<(PointBalance, Page<PointEntry>), AccountError> {
    Ok((point_balance(db, account).await?, point_ledger(db, account, after, limit).await?))
}
