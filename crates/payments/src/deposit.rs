//! The deposit (PAY-06, デポジット): a prepaid balance per member and shop, and a ledger of every movement.
//!
//! The balance lives in one row per member and shop. A use is one conditional UPDATE
//! (`balance = balance - x WHERE balance >= x`), so it can never go negative however many payments run
//! at once on however many servers (a CHECK backs it); every movement writes a ledger entry with the
//! balance after it, in the caller's transaction.

use crate::error::PaymentError;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::{deposit_account, deposit_entry};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

/// Why the balance moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepositKind {
    /// Money sent in to keep as a balance.
    TopUp,
    /// Paid an invoice.
    Use,
    /// A cancelled paid item or order, back to the balance.
    Refund,
    /// More arrived by transfer than the invoice asked.
    Overpayment,
    /// Staff corrected the balance, with a reason.
    Adjustment,
}

impl DepositKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DepositKind::TopUp => "top_up",
            DepositKind::Use => "use",
            DepositKind::Refund => "refund",
            DepositKind::Overpayment => "overpayment",
            DepositKind::Adjustment => "adjustment",
        }
    }

    fn parse(value: &str) -> Self {
        match value {
            "top_up" => DepositKind::TopUp,
            "use" => DepositKind::Use,
            "refund" => DepositKind::Refund,
            "overpayment" => DepositKind::Overpayment,
            _ => DepositKind::Adjustment,
        }
    }
}

/// One movement of a deposit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepositEntry {
    pub id: Uuid,
    pub kind: DepositKind,
    /// Positive for money in, negative for money out (whole yen).
    pub amount: i64,
    pub balance_after: Money,
    /// What it was for (`proxy_invoice:<id>`).
    pub reference: Option<String>,
    pub reason: Option<String>,
    /// The staff member who made an adjustment.
    pub by: Option<AccountId>,
    pub at: DateTime<Utc>,
}

/// A movement to record: what kind, what for, why and by whom.
#[derive(Debug, Clone, Default)]
pub struct Movement {
    pub reference: Option<String>,
    pub reason: Option<String>,
    pub by: Option<AccountId>,
}

/// The member's balance at the shop (zero before any movement).
pub async fn deposit_balance(
    db: &impl ConnectionTrait,
    account: AccountId,
    shop: ShopId,
) -> Result<Money, PaymentError> {
    let row = deposit_account::Entity::find_by_id((account.0, shop.0)).one(db).await?;
    Ok(row.map_or(Money::ZERO, |r| Money::yen(r.balance)))
}

/// The ledger, newest first, at most `limit` entries.
pub async fn deposit_ledger(
    db: &impl ConnectionTrait,
    account: AccountId,
    shop: ShopId,
    limit: u64,
) -> Result<Vec<DepositEntry>, PaymentError> {
    let rows = deposit_entry::Entity::find()
        .filter(deposit_entry::Column::AccountId.eq(account.0))
        .filter(deposit_entry::Column::ShopId.eq(shop.0))
        .order_by_desc(deposit_entry::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| DepositEntry {
            id: r.id,
            kind: DepositKind::parse(&r.kind),
            amount: r.amount,
            balance_after: Money::yen(r.balance_after),
            reference: r.reference,
            reason: r.reason,
            by: r.by_account.map(AccountId),
            at: r.created_at,
        })
        .collect())
}

/// Adds `amount` to the balance (a top-up, a refund, an overpayment, a positive adjustment).
pub async fn credit_deposit(
    db: &impl ConnectionTrait,
    account: AccountId,
    shop: ShopId,
    kind: DepositKind,
    amount: Money,
    movement: Movement,
    now: DateTime<Utc>,
) -> Result<Money, PaymentError> {
    let yen = amount.to_yen()?;
    if yen == 0 {
        return deposit_balance(db, account, shop).await;
    }
    deposit_account::Entity::insert(deposit_account::ActiveModel {
        account_id: Set(account.0),
        shop_id: Set(shop.0),
        balance: Set(yen),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([deposit_account::Column::AccountId, deposit_account::Column::ShopId])
            .value(
                deposit_account::Column::Balance,
                Expr::col((deposit_account::Entity, deposit_account::Column::Balance)).add(yen),
            )
            .value(deposit_account::Column::UpdatedAt, Expr::value(now))
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    record(db, account, shop, kind, yen, movement, now).await
}

/// Takes `amount` from the balance, or nothing if the balance is smaller ([`PaymentError::InsufficientDeposit`]).
pub async fn debit_deposit(
    db: &impl ConnectionTrait,
    account: AccountId,
    shop: ShopId,
    kind: DepositKind,
    amount: Money,
    movement: Movement,
    now: DateTime<Utc>,
) -> Result<Money, PaymentError> {
    let yen = amount.to_yen()?;
    if yen == 0 {
        return deposit_balance(db, account, shop).await;
    }
    let taken = deposit_account::Entity::update_many()
        .col_expr(deposit_account::Column::Balance, Expr::col(deposit_account::Column::Balance).sub(yen))
        .col_expr(deposit_account::Column::UpdatedAt, Expr::value(now))
        .filter(deposit_account::Column::AccountId.eq(account.0))
        .filter(deposit_account::Column::ShopId.eq(shop.0))
        .filter(deposit_account::Column::Balance.gte(yen))
        .exec(db)
        .await?;
    if taken.rows_affected == 0 {
        return Err(PaymentError::InsufficientDeposit { balance: deposit_balance(db, account, shop).await? });
    }
    record(db, account, shop, kind, -yen, movement, now).await
}

/// Pays up to `due` from the balance: as much as it holds. Returns what was taken (zero when empty).
pub async fn use_deposit(
    db: &impl ConnectionTrait,
    account: AccountId,
    shop: ShopId,
    due: Money,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<Money, PaymentError> {
    // The balance read here may be spent by a concurrent payment before the debit: the debit is
    // conditional, so it then fails, and the next round reads the new balance.
    for _ in 0..8 {
        let take = deposit_balance(db, account, shop).await?.min(due);
        if take == Money::ZERO {
            return Ok(Money::ZERO);
        }
        let movement = Movement { reference: Some(reference.to_owned()), ..Default::default() };
        match debit_deposit(db, account, shop, DepositKind::Use, take, movement, now).await {
            Ok(_) => return Ok(take),
            Err(PaymentError::InsufficientDeposit { .. }) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(PaymentError::InProgress)
}

async fn record(
    db: &impl ConnectionTrait,
    account: AccountId,
    shop: ShopId,
    kind: DepositKind,
    amount: i64,
    movement: Movement,
    now: DateTime<Utc>,
) -> Result<Money, PaymentError> {
    // The row is locked by this transaction's UPDATE until it ends: the balance read is this movement's.
    let balance = deposit_balance(db, account, shop).await?;
    deposit_entry::Entity::insert(deposit_entry::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(account.0),
        shop_id: Set(shop.0),
        kind: Set(kind.as_str().to_owned()),
        amount: Set(amount),
        balance_after: Set(balance.to_yen()?),
        reference: Set(movement.reference),
        reason: Set(movement.reason),
        by_account: Set(movement.by.map(|a| a.0)),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(balance)
}
