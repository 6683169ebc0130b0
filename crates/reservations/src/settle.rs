//! Reservations as a [`Payable`]: a prepaid reservation is captured when paid (the goods are handed over
//! against it), and cancelled when its payment link lapses.

use crate::cancel::cancel_in;
use crate::desk::mark_reservation_paid;
use crate::error::ReservationError;
use crate::model::CancelCause;
use crate::queries::Actor;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kaimono_payments::{CaptureAt, Payable, PayableError, Payer, SubjectKind};
use sea_orm::DatabaseTransaction;
use uuid::Uuid;

/// Settlement's view of reservations.
pub struct ReservationPayments;

#[async_trait]
impl Payable for ReservationPayments {
    fn kind(&self) -> SubjectKind {
        SubjectKind::Reservation
    }

    fn capture_at(&self) -> CaptureAt {
        CaptureAt::Payment
    }

    async fn paid(
        &self,
        txn: &DatabaseTransaction,
        id: Uuid,
        card: &str,
        _payer: Payer,
        now: DateTime<Utc>,
    ) -> Result<(), PayableError> {
        mark_reservation_paid(txn, id, card, now).await?;
        Ok(())
    }

    async fn lapsed(&self, txn: &DatabaseTransaction, id: Uuid, now: DateTime<Utc>) -> Result<(), PayableError> {
        cancel_in(txn, Actor::System, id, CancelCause::PaymentExpired, now).await?;
        Ok(())
    }
}

impl From<ReservationError> for PayableError {
    fn from(e: ReservationError) -> Self {
        match e {
            ReservationError::Db(e) => PayableError::Db(e),
            e => PayableError::Refused(Box::new(e)),
        }
    }
}
