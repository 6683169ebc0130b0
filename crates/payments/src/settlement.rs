//! Settlement (PAY-03, PAY-04): the money movements of anything [`Payable`] — paying a payment link,
//! capturing, voiding, refunding, and expiring unpaid links. Handlers and jobs call one function here.
//!
//! The provider is never called inside a database transaction. A payment link is claimed first (open →
//! processing, committed), the provider is asked, and its answer — the attempt, the request's status and
//! the payable's state — is written in one transaction after. Provider idempotency keys derive from the
//! request id (and the number of earlier authorizations), so a retry after a crash or a lost response
//! reuses its key and cannot charge twice.

use crate::Payer;
use crate::error::PaymentError;
use crate::model::{AttemptKind, PaymentRequest, RequestStatus, Subject};
use crate::payable::{CaptureAt, PayableError, Payables};
use crate::ports::{Charge, DeferredApplication, DeferredBuyer, DeferredProvider, PaymentProvider, ProviderError};
use crate::requests::{self, AttemptRecord};
use chrono::{DateTime, Utc};
use kaimono_core::AccountId;
use kaimono_entity::{begin_write, payment_customer};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait};
use std::sync::Arc;
use uuid::Uuid;

/// The provider and the payables of this process.
#[derive(Clone)]
pub struct Settlement {
    provider: Arc<dyn PaymentProvider>,
    deferred: Arc<dyn DeferredProvider>,
    payables: Payables,
}

/// A successful capture, to record in the transaction that moves its payable on ([`Captured::record`]).
#[must_use = "a capture must be recorded with the state change it pays for"]
pub struct Captured(AttemptRecord);

impl Captured {
    pub async fn record(self, db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), PaymentError> {
        requests::record_attempt(db, self.0, now).await
    }
}

impl Settlement {
    /// Card payments through `provider`; deferred payments (PAY-08) through the sandbox company until
    /// [`Settlement::with_deferred`] names another.
    pub fn new(provider: Arc<dyn PaymentProvider>, payables: Payables) -> Self {
        Settlement { provider, deferred: Arc::new(crate::SandboxDeferred), payables }
    }

    pub fn with_deferred(self, deferred: Arc<dyn DeferredProvider>) -> Self {
        Settlement { deferred, ..self }
    }

    /// PAY-08: the deferred-payment company's assessment of `subject`'s open request (与信審査, at a
    /// subscription order's generation). Approved: the company collects from the member after delivery,
    /// so the request closes and the order ships awaiting payment. Refused: the request stays open, its
    /// link a way to pay otherwise. The company is asked outside any transaction; the attempt is
    /// recorded after. Returns the company's reference.
    pub async fn assess_deferred(
        &self,
        db: &DatabaseConnection,
        member: AccountId,
        subject: Subject,
        buyer: &DeferredBuyer,
        now: DateTime<Utc>,
    ) -> Result<String, PaymentError> {
        let request = requests::request_of(db, subject).await?.ok_or(PaymentError::NotFound)?;
        if request.account_id != member {
            return Err(PaymentError::NotFound);
        }
        if request.status != RequestStatus::Open {
            return Err(requests::not_payable(Some(request.status)));
        }
        let tried = requests::authorizations_tried(db, request.id).await?;
        let key = format!("{}-deferred-{tried}", request.id);
        let amount = request.amount.to_yen()?;
        let assessed = self.deferred.assess(&DeferredApplication { buyer, amount, idempotency_key: &key }).await;
        if matches!(assessed, Err(ProviderError::Unavailable(_) | ProviderError::RateLimited { .. })) {
            // Nothing is known: nothing is recorded, and the queue asks again.
            return assessed.map_err(PaymentError::Provider);
        }
        let txn = begin_write(db).await?;
        let attempt = AttemptRecord {
            request: request.id,
            kind: AttemptKind::Authorize,
            amount: request.amount,
            provider: self.deferred.name(),
            result: assessed.as_ref().map(|r| Some(r.clone())).map_err(ProviderError::code),
        };
        requests::record_attempt(&txn, attempt, now).await?;
        if assessed.is_ok() {
            requests::cancel_request(&txn, subject).await?;
        }
        txn.commit().await?;
        assessed.map_err(PaymentError::Provider)
    }

    pub fn provider(&self) -> &dyn PaymentProvider {
        self.provider.as_ref()
    }

    fn attempt(
        &self,
        request: &PaymentRequest,
        kind: AttemptKind,
        result: Result<Option<String>, &ProviderError>,
    ) -> AttemptRecord {
        AttemptRecord {
            request: request.id,
            kind,
            amount: request.amount,
            provider: self.provider.name(),
            result: result.map_err(ProviderError::code),
        }
    }

    /// Records one provider answer in its own transaction.
    async fn record_alone(
        &self,
        db: &DatabaseConnection,
        attempt: AttemptRecord,
        now: DateTime<Utc>,
    ) -> Result<(), PaymentError> {
        let txn = begin_write(db).await?;
        requests::record_attempt(&txn, attempt, now).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Pays the member's payment link with one of the member's saved cards (ORD-02, RSV-04): authorized
    /// now, and captured now or later as its payable says. A decline reopens the link for another card.
    pub async fn pay(
        &self,
        db: &DatabaseConnection,
        member: AccountId,
        token: &str,
        card_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Subject, PaymentError> {
        let request = requests::find_by_token(db, token, member).await?;
        self.pay_request(db, member, request, card_id, Payer::Member, now).await
    }

    /// Pays `subject`'s open request with the member's saved card, without its link: the authorization
    /// at a subscription order's generation (SUB-04). As [`Settlement::pay`] otherwise.
    pub async fn pay_subject(
        &self,
        db: &DatabaseConnection,
        member: AccountId,
        subject: Subject,
        card_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Subject, PaymentError> {
        let request = requests::request_of(db, subject).await?.ok_or(PaymentError::NotFound)?;
        if request.account_id != member {
            return Err(PaymentError::NotFound);
        }
        self.pay_request(db, member, request, card_id, Payer::Automatic, now).await
    }

    async fn pay_request(
        &self,
        db: &DatabaseConnection,
        member: AccountId,
        request: PaymentRequest,
        card_id: Uuid,
        payer: Payer,
        now: DateTime<Utc>,
    ) -> Result<Subject, PaymentError> {
        let (card_ref, card) = match crate::card_ref(db, member, card_id).await {
            Err(PaymentError::CardNotFound) => return Err(PaymentError::UnknownCard),
            other => other?,
        };
        if card.is_expired(now) {
            return Err(PaymentError::ChosenCardExpired);
        }
        let payable = self
            .payables
            .of(request.subject.kind())
            .ok_or_else(|| PaymentError::Payable(format!("nothing settles {:?}", request.subject.kind()).into()))?;
        // The card exists, so its customer does.
        let customer = payment_customer::Entity::find_by_id((member.0, self.provider.name().to_owned()))
            .one(db)
            .await?
            .ok_or(PaymentError::UnknownCard)?
            .customer_ref;
        let amount = request.amount.to_yen()?;

        let txn = begin_write(db).await?;
        requests::claim_request(&txn, &request, card_id, now).await?;
        let tried = requests::authorizations_tried(&txn, request.id).await?;
        txn.commit().await?;

        let key = format!("{}-authorize-{tried}", request.id);
        let description = format!("kaimono {}", request.id);
        let charge = Charge {
            customer_ref: &customer,
            card_ref: &card_ref,
            amount,
            idempotency_key: &key,
            description: &description,
        };
        let authorized = self.provider.authorize(&charge).await;
        let captured = match (&authorized, payable.capture_at()) {
            (Ok(reference), CaptureAt::Payment) => {
                Some(self.provider.capture(reference, amount, &format!("{}-capture", request.id)).await)
            }
            _ => None,
        };

        let txn = begin_write(db).await?;
        let authorization =
            self.attempt(&request, AttemptKind::Authorize, authorized.as_ref().map(|r| Some(r.clone())));
        requests::record_attempt(&txn, authorization, now).await?;
        if let Some(captured) = &captured {
            let reference = authorized.as_ref().ok().cloned();
            let capture = self.attempt(&request, AttemptKind::Capture, captured.as_ref().map(|()| reference));
            requests::record_attempt(&txn, capture, now).await?;
        }
        let reference = match (authorized, captured) {
            (Ok(reference), None | Some(Ok(()))) => reference,
            (Err(failure), _) => {
                requests::reopen_request(&txn, request.id).await?;
                txn.commit().await?;
                return Err(failure.into());
            }
            (Ok(reference), Some(Err(failure))) => {
                requests::reopen_request(&txn, request.id).await?;
                txn.commit().await?;
                // Captured nothing: release the hold on the card too.
                let voided = self.provider.void(&reference, &format!("{}-void", request.id)).await;
                let void = self.attempt(&request, AttemptKind::Void, voided.as_ref().map(|()| Some(reference.clone())));
                self.record_alone(db, void, now).await?;
                return Err(failure.into());
            }
        };
        requests::mark_request_paid(&txn, request.id, &reference, now).await?;
        payable.paid(&txn, request.subject.id(), &card.label(), payer, now).await.map_err(PaymentError::from)?;
        txn.commit().await?;
        Ok(request.subject)
    }

    /// The paid request of `subject` and its authorization, or "nothing to settle".
    async fn paid_request(
        db: &impl ConnectionTrait,
        subject: Subject,
        what: &'static str,
    ) -> Result<(PaymentRequest, String), PaymentError> {
        match requests::request_of(db, subject).await? {
            Some(request) if request.status == RequestStatus::Paid => match request.authorization_ref.clone() {
                Some(reference) => Ok((request, reference)),
                None => Err(PaymentError::Payable(format!("paid request {} has no authorization", request.id).into())),
            },
            _ => Err(PaymentError::NothingToSettle(what)),
        }
    }

    /// Captures the authorization of `subject`'s paid request (an order at shipment, ORD-03). A refusal
    /// is recorded and returned; a success is returned to be recorded with the state change it pays for.
    pub async fn capture(
        &self,
        db: &DatabaseConnection,
        subject: Subject,
        now: DateTime<Utc>,
    ) -> Result<Captured, PaymentError> {
        let (request, reference) = Self::paid_request(db, subject, "captured").await?;
        let amount = request.amount.to_yen()?;
        let captured = self.provider.capture(&reference, amount, &format!("{}-capture", request.id)).await;
        let attempt = self.attempt(&request, AttemptKind::Capture, captured.as_ref().map(|()| Some(reference.clone())));
        match captured {
            Ok(()) => Ok(Captured(attempt)),
            Err(failure) => {
                self.record_alone(db, attempt, now).await?;
                Err(failure.into())
            }
        }
    }

    /// Releases the authorization of `subject`'s paid request (a paid order cancelled before shipping,
    /// PAY-03). The attempt is recorded either way; a refusal is returned and the caller stops.
    pub async fn void(
        &self,
        db: &DatabaseConnection,
        subject: Subject,
        now: DateTime<Utc>,
    ) -> Result<(), PaymentError> {
        let (request, reference) = Self::paid_request(db, subject, "voided").await?;
        let voided = self.provider.void(&reference, &format!("{}-void", request.id)).await;
        let attempt = self.attempt(&request, AttemptKind::Void, voided.as_ref().map(|()| Some(reference.clone())));
        self.record_alone(db, attempt, now).await?;
        voided.map_err(Into::into)
    }

    /// Pays back `subject`'s payment, if it was paid (a cancelled or expired prepaid reservation). A
    /// failed refund is recorded for staff to see and retry at the provider; what was cancelled stays so.
    pub async fn refund(
        &self,
        db: &DatabaseConnection,
        subject: Subject,
        now: DateTime<Utc>,
    ) -> Result<(), PaymentError> {
        let (request, reference) = match Self::paid_request(db, subject, "refunded").await {
            Ok(paid) => paid,
            Err(PaymentError::NothingToSettle(_)) => return Ok(()),
            Err(e) => return Err(e),
        };
        let amount = request.amount.to_yen()?;
        let refunded = self.provider.refund(&reference, amount, &format!("{}-refund", request.id)).await;
        if let Err(e) = &refunded {
            tracing::error!(request = %request.id, error = %e, "refund failed; retry it at the provider");
        }
        let attempt = self.attempt(&request, AttemptKind::Refund, refunded.as_ref().map(|r| Some(r.clone())));
        self.record_alone(db, attempt, now).await
    }

    /// Expires one lapsed payment request and cancels its payable, in one transaction. `false`: it was
    /// paid, cancelled or expired by someone else first.
    async fn expire_one(
        &self,
        db: &DatabaseConnection,
        request: &PaymentRequest,
        now: DateTime<Utc>,
    ) -> Result<bool, PaymentError> {
        let payable = self
            .payables
            .of(request.subject.kind())
            .ok_or_else(|| PaymentError::Payable(format!("nothing settles {:?}", request.subject.kind()).into()))?;
        let txn = begin_write(db).await?;
        if !requests::expire_request(&txn, request.id, now).await? {
            return Ok(false);
        }
        payable.lapsed(&txn, request.subject.id(), now).await?;
        txn.commit().await?;
        Ok(true)
    }

    /// The payment-expiry job (ORD-05, RSV-05): cancels what unpaid payment links were for once they
    /// lapse. Work is claimed in batches of `batch` (`kaimono_jobs::claim_batch`), so every worker takes
    /// its own rows; each item moves in its own short transaction guarded by a conditional UPDATE, so it
    /// expires exactly once and one that cannot move now (a payment in progress) holds up nothing. Runs
    /// until nothing is due or `stopping()`; returns how many expired.
    pub async fn expire_due(
        &self,
        db: &DatabaseConnection,
        worker: &str,
        now: DateTime<Utc>,
        batch: u64,
        stopping: &(dyn Fn() -> bool + Sync),
    ) -> Result<u64, PaymentError> {
        let mut expired = 0;
        while !stopping() {
            let claim = format!("{worker}/{}", Uuid::now_v7().simple());
            let requests = requests::claim_lapsed_requests(db, &claim, now, batch).await?;
            if requests.is_empty() {
                break;
            }
            expired += kaimono_jobs::move_each("payment request", requests, |request| async move {
                self.expire_one(db, &request, now).await
            })
            .await;
        }
        Ok(expired)
    }
}

impl From<PayableError> for PaymentError {
    fn from(e: PayableError) -> Self {
        match e {
            PayableError::Db(e) => PaymentError::Db(e),
            PayableError::Refused(e) => PaymentError::Payable(e),
        }
    }
}
