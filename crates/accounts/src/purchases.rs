//! How often and for how much a member has bought ([BUY_TIMES], [BUY_TOTAL_MONEY] in a shop's mail):
//! kept here as a running figure, moved by orders when one is placed and when one is cancelled.

use crate::error::AccountError;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money};
use kaimono_entity::member_purchase;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, ExprTrait};

/// Moves the member's figures by `orders` orders and `amount` (either may be negative: a cancelled
/// order, a line the shop could not supply). Run it in the transaction of the order's change.
pub async fn count_purchase(
    db: &impl ConnectionTrait,
    account: AccountId,
    orders: i64,
    amount: Money,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let yen = amount.to_yen()?;
    member_purchase::Entity::insert(member_purchase::ActiveModel {
        account_id: Set(account.0),
        buy_times: Set(Ord::max(orders, 0)),
        buy_total: Set(Ord::max(yen, 0)),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(member_purchase::Column::AccountId)
            .value(
                member_purchase::Column::BuyTimes,
                Expr::col((member_purchase::Entity, member_purchase::Column::BuyTimes)).add(orders),
            )
            .value(
                member_purchase::Column::BuyTotal,
                Expr::col((member_purchase::Entity, member_purchase::Column::BuyTotal)).add(yen),
            )
            .value(member_purchase::Column::UpdatedAt, Expr::value(now))
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// [`count_purchase`] for many orders at once — a generation batch's — with one statement: the figures
/// are summed per member first (one row may be written once per statement).
pub async fn count_purchases(
    db: &impl ConnectionTrait,
    purchases: &[(AccountId, Money)],
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    use member_purchase::Column as C;
    let mut per_member: std::collections::BTreeMap<uuid::Uuid, (i64, i64)> = std::collections::BTreeMap::new();
    for (account, amount) in purchases {
        let entry = per_member.entry(account.0).or_default();
        entry.0 += 1;
        entry.1 += amount.to_yen()?;
    }
    if per_member.is_empty() {
        return Ok(());
    }
    let rows = per_member.into_iter().map(|(account, (times, total))| member_purchase::ActiveModel {
        account_id: Set(account),
        buy_times: Set(times),
        buy_total: Set(total),
        updated_at: Set(now),
    });
    member_purchase::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::column(C::AccountId)
                .value(
                    C::BuyTimes,
                    Expr::col((member_purchase::Entity, C::BuyTimes)).add(Expr::cust("excluded.buy_times")),
                )
                .value(
                    C::BuyTotal,
                    Expr::col((member_purchase::Entity, C::BuyTotal)).add(Expr::cust("excluded.buy_total")),
                )
                .value(C::UpdatedAt, Expr::value(now))
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// (orders, their total in yen) of the member.
pub(crate) async fn purchases_of(db: &impl ConnectionTrait, account: AccountId) -> Result<(i64, i64), AccountError> {
    Ok(member_purchase::Entity::find_by_id(account.0)
        .one(db)
        .await?
        .map(|p| (p.buy_times, p.buy_total))
        .unwrap_or_default())
}
