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

/// (orders, their total in yen) of the member.
pub(crate) async fn purchases_of(db: &impl ConnectionTrait, account: AccountId) -> Result<(i64, i64), AccountError> {
    Ok(member_purchase::Entity::find_by_id(account.0)
        .one(db)
        .await?
        .map(|p| (p.buy_times, p.buy_total))
        .unwrap_or_default())
}
