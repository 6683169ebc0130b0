//! The payable seam: what settlement asks of anything a payment request can be for. Orders and
//! reservations implement it today; proxy-buying invoices and subscription orders add an implementation,
//! not a branch in settlement or in `api`.

use crate::model::SubjectKind;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseTransaction, DbErr};
use std::sync::Arc;
use uuid::Uuid;

/// When the money of an authorized payment is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureAt {
    /// At once (a prepaid reservation: the goods are handed over against it).
    Payment,
    /// Later, by the payable's own flow (a delivery order is captured when it ships).
    Later,
}

/// Why a payable could not take a settlement's outcome.
#[derive(Debug, thiserror::Error)]
pub enum PayableError {
    #[error(transparent)]
    Db(#[from] DbErr),
    /// The payable's own error (its state moved under the payment, its mail could not be queued, …).
    #[error("{0}")]
    Refused(Box<dyn std::error::Error + Send + Sync>),
}

/// Who paid a request: the member (through their link), or the system with the member's saved card
/// (a subscription order's authorization at generation, SUB-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payer {
    Member,
    Automatic,
}

/// Something a payment request can be for. Each method runs inside the settlement's transaction, which
/// also records the provider's answer: the payable's state and the money's state change together.
#[async_trait]
pub trait Payable: Send + Sync {
    fn kind(&self) -> SubjectKind;

    /// When an authorization is captured.
    fn capture_at(&self) -> CaptureAt;

    /// The payment request was paid with the card shown as `card` (`VISA •••• 4242`) by `payer`: record
    /// it and tell the member.
    async fn paid(
        &self,
        txn: &DatabaseTransaction,
        id: Uuid,
        card: &str,
        payer: Payer,
        now: DateTime<Utc>,
    ) -> Result<(), PayableError>;

    /// The payment request lapsed unpaid: cancel what it was for.
    async fn lapsed(&self, txn: &DatabaseTransaction, id: Uuid, now: DateTime<Utc>) -> Result<(), PayableError>;
}

/// The payables a process knows, one per kind.
#[derive(Clone, Default)]
pub struct Payables(Vec<Arc<dyn Payable>>);

impl Payables {
    pub fn new(payables: Vec<Arc<dyn Payable>>) -> Self {
        Payables(payables)
    }

    pub(crate) fn of(&self, kind: SubjectKind) -> Option<&dyn Payable> {
        self.0.iter().find(|p| p.kind() == kind).map(AsRef::as_ref)
    }
}
