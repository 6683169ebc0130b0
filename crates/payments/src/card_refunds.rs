//! Refunds to the card a hosted page charged (PAY-06, PAY-07). A payee that owes a member money back
//! queues a refund in its own transaction ([`queue_card_refund`]); the worker job
//! ([`Settlement::refund_cards_due`]) has the provider pay it back outside any transaction, with the
//! refund's id as the idempotency key, so a retry after a crash never pays twice. A refusal is retried
//! with a growing pause; after [`MAX_REFUND_ATTEMPTS`] the money goes to the member's deposit instead,
//! so it is never lost.

use crate::checkout::CheckoutStatus;
use crate::deposit::{DepositKind, Movement, credit_deposit};
use crate::error::PaymentError;
use crate::settlement::Settlement;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::{begin_write, card_refund, checkout_session};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// Provider refusals before a card refund goes to the deposit instead.
pub const MAX_REFUND_ATTEMPTS: i32 = 5;

/// Where a card refund is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardRefundStatus {
    Pending,
    Succeeded,
    /// The provider kept refusing: the money went to the deposit.
    ToDeposit,
}

impl CardRefundStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CardRefundStatus::Pending => "pending",
            CardRefundStatus::Succeeded => "succeeded",
            CardRefundStatus::ToDeposit => "to_deposit",
        }
    }
}

/// What the pages that paid `reference` charged (their surcharge left aside) and is not yet refunded,
/// page by page, oldest first.
async fn refundable(db: &impl ConnectionTrait, reference: &str) -> Result<Vec<(Uuid, Money)>, PaymentError> {
    let pages = checkout_session::Entity::find()
        .filter(checkout_session::Column::Reference.eq(reference))
        .filter(checkout_session::Column::Status.eq(CheckoutStatus::Paid.as_str()))
        .filter(checkout_session::Column::PaymentIntent.is_not_null())
        .order_by_asc(checkout_session::Column::Id)
        .all(db)
        .await?;
    let mut left = Vec::new();
    for page in pages {
        // Summed here: PostgreSQL's SUM of a bigint is a numeric.
        let refunded: i64 = card_refund::Entity::find()
            .select_only()
            .column(card_refund::Column::Amount)
            .filter(card_refund::Column::CheckoutSessionId.eq(page.id))
            .filter(card_refund::Column::Status.ne(CardRefundStatus::ToDeposit.as_str()))
            .into_tuple::<i64>()
            .all(db)
            .await?
            .into_iter()
            .sum();
        let available = page.amount - refunded;
        if available > 0 {
            left.push((page.id, Money::yen(available)));
        }
    }
    Ok(left)
}

/// PAY-06: queues up to `amount` back to the cards that paid `reference` (in the caller's transaction);
/// answers how much was queued — the rest, more than the cards paid, is the caller's to credit elsewhere.
pub async fn queue_card_refund(
    db: &impl ConnectionTrait,
    reference: &str,
    (account, shop): (AccountId, ShopId),
    amount: Money,
    now: DateTime<Utc>,
) -> Result<Money, PaymentError> {
    let mut queued = Money::ZERO;
    for (page, available) in refundable(db, reference).await? {
        if queued >= amount {
            break;
        }
        let part = available.min(amount - queued);
        card_refund::Entity::insert(card_refund::ActiveModel::from(card_refund::Model {
            id: Uuid::now_v7(),
            checkout_session_id: page,
            reference: reference.to_owned(),
            account_id: account.0,
            shop_id: shop.0,
            amount: part.to_yen()?,
            status: CardRefundStatus::Pending.as_str().to_owned(),
            provider_refund_id: None,
            attempts: 0,
            last_error: None,
            next_attempt_at: now,
            claimed_by: None,
            claimed_until: None,
            created_at: now,
            done_at: None,
        }))
        .exec_without_returning(db)
        .await?;
        queued = queued + part;
    }
    Ok(queued)
}

impl Settlement {
    /// The card-refund job: claims due refunds in batches (`kaimono_jobs::claim_batch`, so workers take
    /// disjoint rows) and has the provider pay each back. Runs until nothing is due or `stopping()`;
    /// answers how many were settled (paid back, or credited to the deposit after the last refusal).
    pub async fn refund_cards_due(
        &self,
        db: &DatabaseConnection,
        worker: &str,
        now: DateTime<Utc>,
        batch: u64,
        stopping: &(dyn Fn() -> bool + Sync),
    ) -> Result<u64, PaymentError> {
        use card_refund::Column as C;
        let mut settled = 0;
        while !stopping() {
            let claim = format!("{worker}/{}", Uuid::now_v7().simple());
            let pending = || C::Status.eq(CardRefundStatus::Pending.as_str());
            let due = card_refund::Entity::find()
                .filter(pending())
                .filter(C::NextAttemptAt.lte(now))
                .filter(C::ClaimedUntil.is_null().or(C::ClaimedUntil.lt(now)))
                .order_by_asc(C::NextAttemptAt);
            let claim_on = kaimono_jobs::Claim::new(&claim, now);
            kaimono_jobs::claim_batch(db, due, C::Id, C::ClaimedBy, C::ClaimedUntil, claim_on, batch).await?;
            let rows =
                card_refund::Entity::find().filter(C::ClaimedBy.eq(claim.as_str())).filter(pending()).all(db).await?;
            if rows.is_empty() {
                break;
            }
            settled += kaimono_jobs::move_each("card refund", rows, |row| self.refund_one(db, row, now)).await;
        }
        Ok(settled)
    }

    async fn refund_one(
        &self,
        db: &DatabaseConnection,
        row: card_refund::Model,
        now: DateTime<Utc>,
    ) -> Result<bool, PaymentError> {
        let page = checkout_session::Entity::find_by_id(row.checkout_session_id).one(db).await?;
        let intent = page.and_then(|p| p.payment_intent).unwrap_or_default();
        let paid_back = self.provider().refund(&intent, row.amount, &format!("card-refund-{}", row.id)).await;
        let txn = begin_write(db).await?;
        let still_pending = || card_refund::Column::Status.eq(CardRefundStatus::Pending.as_str());
        let update =
            card_refund::Entity::update_many().filter(card_refund::Column::Id.eq(row.id)).filter(still_pending());
        let settled = match paid_back {
            Ok(refund_id) => {
                update
                    .col_expr(card_refund::Column::Status, Expr::value(CardRefundStatus::Succeeded.as_str()))
                    .col_expr(card_refund::Column::ProviderRefundId, Expr::value(refund_id))
                    .col_expr(card_refund::Column::DoneAt, Expr::value(now))
                    .exec(&txn)
                    .await?;
                true
            }
            Err(e) if row.attempts + 1 >= MAX_REFUND_ATTEMPTS => {
                tracing::error!(refund = %row.id, error = %e, "card refund refused again; credited to the deposit");
                let moved = update
                    .col_expr(card_refund::Column::Status, Expr::value(CardRefundStatus::ToDeposit.as_str()))
                    .col_expr(card_refund::Column::LastError, Expr::value(e.to_string()))
                    .col_expr(card_refund::Column::DoneAt, Expr::value(now))
                    .exec(&txn)
                    .await?;
                if moved.rows_affected == 1 {
                    let movement = Movement {
                        reference: Some(row.reference.clone()),
                        reason: Some("カードへの返金ができなかったため、デポジットに返金しました".to_owned()),
                        by: None,
                    };
                    let (account, shop) = (AccountId(row.account_id), ShopId(row.shop_id));
                    credit_deposit(&txn, account, shop, DepositKind::Refund, Money::yen(row.amount), movement, now)
                        .await?;
                }
                true
            }
            Err(e) => {
                tracing::warn!(refund = %row.id, error = %e, "card refund refused; will retry");
                let pause = chrono::Duration::minutes(1_i64 << row.attempts.clamp(0, 10));
                update
                    .col_expr(card_refund::Column::Attempts, Expr::value(row.attempts + 1))
                    .col_expr(card_refund::Column::LastError, Expr::value(e.to_string()))
                    .col_expr(card_refund::Column::NextAttemptAt, Expr::value(now + pause))
                    .col_expr(card_refund::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
                    .exec(&txn)
                    .await?;
                false
            }
        };
        txn.commit().await?;
        Ok(settled)
    }
}

/// A card refund as the order shows it.
#[derive(Debug, Clone)]
pub struct CardRefund {
    pub id: Uuid,
    pub amount: Money,
    pub status: CardRefundStatus,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

/// The card refunds of `reference`s, oldest first.
pub async fn card_refunds_of(
    db: &impl ConnectionTrait,
    references: Vec<String>,
) -> Result<Vec<(String, CardRefund)>, PaymentError> {
    let rows = card_refund::Entity::find()
        .filter(card_refund::Column::Reference.is_in(references))
        .order_by_asc(card_refund::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let status = match r.status.as_str() {
                "succeeded" => CardRefundStatus::Succeeded,
                "to_deposit" => CardRefundStatus::ToDeposit,
                _ => CardRefundStatus::Pending,
            };
            let refund = CardRefund {
                id: r.id,
                amount: Money::yen(r.amount),
                status,
                created_at: r.created_at,
                done_at: r.done_at,
            };
            (r.reference, refund)
        })
        .collect())
}
