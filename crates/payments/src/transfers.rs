//! Bank transfers (PAY-05, 銀行振込): the member sends the money to the shop's account and reports it
//! (date, amount, sender name in katakana); staff confirm what arrived, or reject a report no money
//! matches. What a confirmed amount pays is the caller's business (the reference names it).

use crate::error::PaymentError;
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::transfer_report;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferStatus {
    /// Reported by the member, not yet seen on the account.
    Reported,
    /// Staff saw the money arrive.
    Confirmed,
    /// Staff found no such money.
    Rejected,
}

impl TransferStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TransferStatus::Reported => "reported",
            TransferStatus::Confirmed => "confirmed",
            TransferStatus::Rejected => "rejected",
        }
    }

    pub fn parse(value: &str) -> Self {
        match value {
            "confirmed" => TransferStatus::Confirmed,
            "rejected" => TransferStatus::Rejected,
            _ => TransferStatus::Reported,
        }
    }
}

/// What the member reports having sent.
#[derive(Debug, Clone)]
pub struct NewTransfer {
    pub transferred_on: NaiveDate,
    pub amount: Money,
    /// As the bank shows it (katakana; normalized like an account holder's name).
    pub sender_kana: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferReport {
    pub id: Uuid,
    pub account_id: AccountId,
    pub shop_id: ShopId,
    /// What it pays (`proxy_invoice:<id>`).
    pub reference: String,
    pub transferred_on: NaiveDate,
    pub amount: Money,
    pub sender_kana: String,
    pub status: TransferStatus,
    /// What staff saw arrive.
    pub received_amount: Option<Money>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub reported_at: DateTime<Utc>,
}

pub(crate) fn to_report(row: transfer_report::Model) -> TransferReport {
    TransferReport {
        id: row.id,
        account_id: AccountId(row.account_id),
        shop_id: ShopId(row.shop_id),
        reference: row.reference,
        transferred_on: row.transferred_on,
        amount: Money::yen(row.amount),
        sender_kana: row.sender_kana,
        status: TransferStatus::parse(&row.status),
        received_amount: row.received_amount.map(Money::yen),
        confirmed_at: row.confirmed_at,
        reported_at: row.created_at,
    }
}

/// Records the member's payment-completion report (入金完了報告).
pub async fn report_transfer(
    db: &impl ConnectionTrait,
    account: AccountId,
    shop: ShopId,
    reference: &str,
    transfer: NewTransfer,
    now: DateTime<Utc>,
) -> Result<TransferReport, PaymentError> {
    let sender =
        kaimono_core::japan::normalize_account_holder(&transfer.sender_kana).ok_or(PaymentError::InvalidSenderName)?;
    let row = transfer_report::Model {
        id: Uuid::now_v7(),
        account_id: account.0,
        shop_id: shop.0,
        reference: reference.to_owned(),
        transferred_on: transfer.transferred_on,
        amount: transfer.amount.to_yen()?,
        sender_kana: sender,
        status: TransferStatus::Reported.as_str().to_owned(),
        received_amount: None,
        confirmed_by: None,
        confirmed_at: None,
        created_at: now,
    };
    transfer_report::Entity::insert(transfer_report::ActiveModel::from(row.clone())).exec_without_returning(db).await?;
    Ok(to_report(row))
}

/// The reports made for `reference`, oldest first.
pub async fn transfers_for(db: &impl ConnectionTrait, reference: &str) -> Result<Vec<TransferReport>, PaymentError> {
    let rows = transfer_report::Entity::find()
        .filter(transfer_report::Column::Reference.eq(reference))
        .order_by_asc(transfer_report::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_report).collect())
}

/// A shop's reports waiting for a person, oldest first.
pub async fn transfers_to_confirm(
    db: &impl ConnectionTrait,
    shop: ShopId,
    limit: u64,
) -> Result<Vec<TransferReport>, PaymentError> {
    let rows = transfer_report::Entity::find()
        .filter(transfer_report::Column::ShopId.eq(shop.0))
        .filter(transfer_report::Column::Status.eq(TransferStatus::Reported.as_str()))
        .order_by_asc(transfer_report::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_report).collect())
}

/// How many of the shop's reports wait for staff (SHOP-01).
pub async fn count_transfers_to_confirm(db: &impl ConnectionTrait, shop: ShopId) -> Result<u64, PaymentError> {
    Ok(transfer_report::Entity::find()
        .filter(transfer_report::Column::ShopId.eq(shop.0))
        .filter(transfer_report::Column::Status.eq(TransferStatus::Reported.as_str()))
        .count(db)
        .await?)
}

/// One of the shop's reports.
pub async fn transfer_of_shop(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
) -> Result<TransferReport, PaymentError> {
    transfer_report::Entity::find_by_id(id)
        .filter(transfer_report::Column::ShopId.eq(shop.0))
        .one(db)
        .await?
        .map(to_report)
        .ok_or(PaymentError::NotFound)
}

/// Settles a reported transfer: `received` arrived (confirmed), or nothing did (`None`: rejected). Once
/// only: a report already settled answers [`PaymentError::AlreadySettled`], whoever settled it.
pub async fn settle_transfer(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    received: Option<Money>,
    by: AccountId,
    now: DateTime<Utc>,
) -> Result<TransferReport, PaymentError> {
    transfer_of_shop(db, shop, id).await?;
    let (status, amount) = match received {
        Some(money) => (TransferStatus::Confirmed, Some(money.to_yen()?)),
        None => (TransferStatus::Rejected, None),
    };
    let moved = transfer_report::Entity::update_many()
        .col_expr(transfer_report::Column::Status, Expr::value(status.as_str()))
        .col_expr(transfer_report::Column::ReceivedAmount, Expr::value(amount))
        .col_expr(transfer_report::Column::ConfirmedBy, Expr::value(by.0))
        .col_expr(transfer_report::Column::ConfirmedAt, Expr::value(now))
        .filter(transfer_report::Column::Id.eq(id))
        .filter(transfer_report::Column::Status.eq(TransferStatus::Reported.as_str()))
        .exec(db)
        .await?;
    if moved.rows_affected == 0 {
        return Err(PaymentError::AlreadySettled);
    }
    transfer_of_shop(db, shop, id).await
}
