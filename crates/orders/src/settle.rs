//! Delivery orders as a [`Payable`]: authorized when the member pays the link (ORD-02), captured when the
//! shop ships (ORD-03), cancelled when the link lapses (ORD-05).

use crate::error::OrderError;
use crate::fulfilment::{cancel_in, mark_order_paid};
use crate::model::CancelReason;
use crate::queries::Actor;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kaimono_payments::{CaptureAt, Payable, PayableError, Payer, SubjectKind};
use sea_orm::DatabaseTransaction;
use uuid::Uuid;

/// Settlement's view of delivery orders.
pub struct OrderPayments;

#[async_trait]
impl Payable for OrderPayments {
    fn kind(&self) -> SubjectKind {
        SubjectKind::Order
    }

    fn capture_at(&self) -> CaptureAt {
        CaptureAt::Later
    }

    async fn paid(
        &self,
        txn: &DatabaseTransaction,
        id: Uuid,
        card: &str,
        payer: Payer,
        now: DateTime<Utc>,
    ) -> Result<(), PayableError> {
        mark_order_paid(txn, id, card, payer, now).await?;
        Ok(())
    }

    async fn lapsed(&self, txn: &DatabaseTransaction, id: Uuid, now: DateTime<Utc>) -> Result<(), PayableError> {
        cancel_in(txn, Actor::System, id, CancelReason::PaymentExpired, false, kaimono_timeline::By::System, now)
            .await?;
        Ok(())
    }
}

impl From<OrderError> for PayableError {
    fn from(e: OrderError) -> Self {
        match e {
            OrderError::Db(e) => PayableError::Db(e),
            e => PayableError::Refused(Box::new(e)),
        }
    }
}
