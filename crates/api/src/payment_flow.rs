//! Money movements that span the payments crate and an order or reservation (PAY-03): paying a payment
//! link, capturing at shipment, voiding when a paid order is cancelled, refunding a paid reservation.
//!
//! The provider is never called inside a database transaction. A payment link is claimed first
//! (open → processing, committed), the provider is asked, and the outcome — attempt, request status and
//! the order or reservation — is written in one transaction after. Provider idempotency keys are derived
//! from the request id, so a retry after a crash or a lost response cannot charge twice.

use crate::database::begin_write;
use crate::error::ApiError;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use kaimono_core::AccountId;
use kaimono_entity::account;
use kaimono_payments::{
    AttemptKind, AttemptRecord, Charge, PaymentError, PaymentProvider, PaymentRequest, ProviderError, RequestStatus,
    Subject,
};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait};
use uuid::Uuid;

/// How a card appears in emails: `VISA •••• 4242`.
fn card_label(card: &kaimono_payments::Card) -> String {
    format!("{} •••• {}", card.brand.to_uppercase(), card.last4)
}

async fn record(
    db: &impl ConnectionTrait,
    provider: &dyn PaymentProvider,
    request: &PaymentRequest,
    kind: AttemptKind,
    result: Result<Option<String>, &ProviderError>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let attempt = AttemptRecord {
        request: request.id,
        kind,
        amount: request.amount,
        provider: provider.name(),
        result: result.map_err(ProviderError::code),
    };
    kaimono_payments::record_attempt(db, attempt, now).await.map_err(Into::into)
}

/// Pays the member's payment link with one of the member's saved cards. An order is authorized (captured
/// when it ships); a prepaid reservation is authorized and captured at once.
pub async fn pay(state: &AppState, member: AccountId, token: &str, card_id: Uuid) -> Result<Subject, ApiError> {
    let now = state.clock.now();
    let db = &state.db;
    let request = kaimono_payments::find_by_token(db, token, member).await?;
    let (card_ref, card) = match kaimono_payments::card_ref(db, member, card_id).await {
        Err(PaymentError::CardNotFound) => {
            return Err(ApiError::field("validation_failed", "card_id", "is not one of your saved cards"));
        }
        other => other?,
    };
    if card.is_expired(now) {
        return Err(ApiError::field("card_expired", "card_id", "this card has expired; register another card"));
    }
    let email = account::Entity::find_by_id(member.0).one(db).await?.map(|a| a.email).unwrap_or_default();
    let customer = kaimono_payments::customer_ref(db, state.payments.as_ref(), member, &email).await?;

    let txn = begin_write(db).await?;
    kaimono_payments::claim_request(&txn, &request, card_id, now).await?;
    let tried = kaimono_payments::authorizations_tried(&txn, request.id).await?;
    txn.commit().await?;

    let key = format!("{}-authorize-{tried}", request.id);
    let description = format!("kaimono {}", request.id);
    let amount = request.amount.to_yen().map_err(ApiError::internal)?;
    let charge = Charge {
        customer_ref: &customer,
        card_ref: &card_ref,
        amount,
        idempotency_key: &key,
        description: &description,
    };
    let authorized = state.payments.authorize(&charge).await;
    let captured = match (&authorized, request.subject) {
        (Ok(reference), Subject::Reservation(_)) => {
            Some(state.payments.capture(reference, amount, &format!("{}-capture", request.id)).await)
        }
        _ => None,
    };

    let txn = begin_write(db).await?;
    record(
        &txn,
        state.payments.as_ref(),
        &request,
        AttemptKind::Authorize,
        authorized.as_ref().map(|r| Some(r.clone())),
        now,
    )
    .await?;
    if let Some(captured) = &captured {
        let reference = authorized.as_ref().ok().cloned();
        record(
            &txn,
            state.payments.as_ref(),
            &request,
            AttemptKind::Capture,
            captured.as_ref().map(|()| reference),
            now,
        )
        .await?;
    }
    let failure = match (&authorized, &captured) {
        (Err(e), _) | (Ok(_), Some(Err(e))) => Some(e.clone()),
        _ => None,
    };
    if let Some(failure) = failure {
        kaimono_payments::reopen_request(&txn, request.id).await?;
        txn.commit().await?;
        if let (Ok(reference), Some(Err(_))) = (&authorized, &captured) {
            // Captured nothing: release the hold on the card too.
            let voided = state.payments.void(reference, &format!("{}-void", request.id)).await;
            let txn = begin_write(db).await?;
            record(
                &txn,
                state.payments.as_ref(),
                &request,
                AttemptKind::Void,
                voided.as_ref().map(|()| Some(reference.clone())),
                now,
            )
            .await?;
            txn.commit().await?;
        }
        return Err(PaymentError::Provider(failure).into());
    }
    let reference = authorized.map_err(PaymentError::Provider)?;
    kaimono_payments::mark_request_paid(&txn, request.id, &reference, now).await?;
    match request.subject {
        Subject::Order(id) => {
            kaimono_orders::mark_order_paid(&txn, id, &card_label(&card), now).await?;
        }
        Subject::Reservation(id) => {
            kaimono_reservations::mark_reservation_paid(&txn, id, &card_label(&card), now).await?;
        }
    }
    txn.commit().await?;
    Ok(request.subject)
}

/// The paid request of a subject and its authorization, or "nothing to settle".
async fn paid_request(
    db: &impl ConnectionTrait,
    subject: Subject,
    what: &'static str,
) -> Result<(PaymentRequest, String), ApiError> {
    match kaimono_payments::request_of(db, subject).await? {
        Some(request) if request.status == RequestStatus::Paid => {
            let reference = request.authorization_ref.clone().unwrap_or_default();
            Ok((request, reference))
        }
        _ => Err(PaymentError::NothingToSettle(what).into()),
    }
}

/// ORD-03: captures the order's authorization, then ships it with the attempt recorded, in one transaction.
pub async fn ship(
    state: &AppState,
    shop: kaimono_core::ShopId,
    order_id: Uuid,
    carrier: kaimono_orders::Carrier,
    tracking_number: &str,
) -> Result<kaimono_orders::Order, ApiError> {
    let now = state.clock.now();
    let order = kaimono_orders::order_for(&state.db, kaimono_orders::Actor::Shop(shop), order_id).await?;
    order.status.transition(kaimono_orders::OrderStatus::Shipped)?;
    let (request, reference) = paid_request(&state.db, Subject::Order(order_id), "captured").await?;
    let amount = request.amount.to_yen().map_err(ApiError::internal)?;
    let captured = state.payments.capture(&reference, amount, &format!("{}-capture", request.id)).await;
    let txn = begin_write(&state.db).await?;
    record(
        &txn,
        state.payments.as_ref(),
        &request,
        AttemptKind::Capture,
        captured.as_ref().map(|()| Some(reference.clone())),
        now,
    )
    .await?;
    if let Err(e) = captured {
        txn.commit().await?;
        return Err(PaymentError::Provider(e).into());
    }
    let shipped = kaimono_orders::ship_order(&txn, shop, order_id, carrier, tracking_number, now).await?;
    txn.commit().await?;
    Ok(shipped)
}

/// Cancels an order as `actor`; a paid order's authorization is voided first (PAY-03).
pub async fn cancel_order(
    state: &AppState,
    actor: kaimono_orders::Actor,
    order_id: Uuid,
    reason: kaimono_orders::CancelReason,
) -> Result<kaimono_orders::Order, ApiError> {
    let now = state.clock.now();
    let order = kaimono_orders::order_for(&state.db, actor, order_id).await?;
    let mut voided = false;
    if order.status == kaimono_orders::OrderStatus::Paid && !matches!(actor, kaimono_orders::Actor::Member(_)) {
        let (request, reference) = paid_request(&state.db, Subject::Order(order_id), "voided").await?;
        let result = state.payments.void(&reference, &format!("{}-void", request.id)).await;
        let txn = begin_write(&state.db).await?;
        record(
            &txn,
            state.payments.as_ref(),
            &request,
            AttemptKind::Void,
            result.as_ref().map(|()| Some(reference.clone())),
            now,
        )
        .await?;
        txn.commit().await?;
        result.map_err(PaymentError::Provider)?;
        voided = true;
    }
    let txn = begin_write(&state.db).await?;
    let cancelled = kaimono_orders::cancel_order(&txn, actor, order_id, reason, voided, now).await?;
    txn.commit().await?;
    Ok(cancelled)
}

/// Pays back a cancelled or expired reservation that was paid online. A failed refund is recorded for
/// staff to see and retry at the provider; the cancellation stands.
pub async fn refund_reservation(
    db: &DatabaseConnection,
    provider: &dyn PaymentProvider,
    reservation_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let Ok((request, reference)) = paid_request(db, Subject::Reservation(reservation_id), "refunded").await else {
        return Ok(());
    };
    let amount = request.amount.to_yen().map_err(ApiError::internal)?;
    let refunded = provider.refund(&reference, amount, &format!("{}-refund", request.id)).await;
    if let Err(e) = &refunded {
        tracing::error!(reservation = %reservation_id, error = %e, "refund failed; retry it at the provider");
    }
    let txn = begin_write(db).await?;
    record(&txn, provider, &request, AttemptKind::Refund, refunded.as_ref().map(|r| Some(r.clone())), now).await?;
    txn.commit().await?;
    Ok(())
}

/// Expires one lapsed payment request and cancels what it was for, in one transaction. `false`: it was
/// paid, cancelled or expired by someone else first.
async fn expire_payment_request(
    db: &DatabaseConnection,
    request: &PaymentRequest,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let txn = begin_write(db).await?;
    if !kaimono_payments::expire_request(&txn, request.id, now).await? {
        return Ok(false);
    }
    match request.subject {
        Subject::Order(id) => {
            let (actor, reason) = (kaimono_orders::Actor::System, kaimono_orders::CancelReason::PaymentExpired);
            kaimono_orders::cancel_order(&txn, actor, id, reason, false, now).await?;
        }
        Subject::Reservation(id) => {
            let (actor, cause) =
                (kaimono_reservations::Actor::System, kaimono_reservations::CancelCause::PaymentExpired);
            kaimono_reservations::cancel_reservation(&txn, actor, id, cause, now).await?;
        }
    }
    txn.commit().await?;
    Ok(true)
}

/// Items one expiry worker moves at once (each in its own transaction).
const EXPIRY_CONCURRENCY: usize = 4;

/// Expires one lapsed hold (stock back, member told), then refunds it if it was paid online. `false`: it
/// was not due any more.
async fn expire_hold(
    db: &DatabaseConnection,
    provider: &dyn PaymentProvider,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let txn = begin_write(db).await?;
    let lapsed = kaimono_reservations::expire_reservation(&txn, id, now).await?;
    txn.commit().await?;
    match lapsed {
        Some(reservation) => {
            if reservation.paid_at.is_some() {
                refund_reservation(db, provider, id, now).await?;
            }
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Runs `expire` on every item, [`EXPIRY_CONCURRENCY`] at a time; how many moved (`Ok(true)`).
async fn move_each<T, F, Fut>(items: Vec<T>, expire: F) -> u64
where
    F: Fn(T) -> Fut,
    Fut: std::future::Future<Output = Result<bool, ApiError>>,
{
    use futures_util::StreamExt;
    let moved = futures_util::stream::iter(items)
        .map(expire)
        .buffer_unordered(EXPIRY_CONCURRENCY)
        .filter(|result| std::future::ready(matches!(result, Ok(true))))
        .count()
        .await;
    moved as u64
}

/// The expiry job (ORD-05, RSV-05): cancels orders and reservations whose payment link lapsed, and
/// reservations not collected by their hold deadline (refunding any online payment).
///
/// Work is claimed in batches of `batch` (`kaimono_jobs::claim_batch`: `SKIP LOCKED` on PostgreSQL), so
/// every worker process takes its own rows and more workers clear a backlog faster. Each item then moves
/// in its own short transaction guarded by a conditional UPDATE, [`EXPIRY_CONCURRENCY`] at a time, so it
/// expires exactly once and one item that cannot move now (a payment in progress) holds up nothing; its
/// claim lapses and it is tried again. Runs until nothing is due or `stopping()`; returns how many expired.
pub async fn expire_due(
    db: &DatabaseConnection,
    provider: &dyn PaymentProvider,
    worker: &str,
    now: DateTime<Utc>,
    batch: u64,
    stopping: &(dyn Fn() -> bool + Sync),
) -> Result<u64, ApiError> {
    let mut expired = 0;
    while !stopping() {
        let claim = format!("{worker}/{}", Uuid::now_v7().simple());
        let requests = kaimono_payments::claim_lapsed_requests(db, &claim, now, batch).await?;
        let holds = kaimono_reservations::claim_lapsed_holds(db, &claim, now, batch).await?;
        if requests.is_empty() && holds.is_empty() {
            break;
        }
        let moved_requests = move_each(requests, |request| async move {
            let result = expire_payment_request(db, &request, now).await;
            if let Err(e) = &result {
                tracing::warn!(request = %request.id, error = %e, "payment request not expired; will retry");
            }
            result
        })
        .await;
        let moved_holds = move_each(holds, |id| async move {
            let result = expire_hold(db, provider, id, now).await;
            if let Err(e) = &result {
                tracing::warn!(reservation = %id, error = %e, "hold not expired; will retry");
            }
            result
        })
        .await;
        expired += moved_requests + moved_holds;
    }
    Ok(expired)
}
