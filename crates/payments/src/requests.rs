//! PAY-04: payment requests (お支払いURL) and the attempts made against them (PAY-03).
//!
//! A request is issued in the same transaction that secures the stock, with a random token that exists
//! in the clear only in the member's email (we store its SHA-256). Paying claims the request with a
//! conditional UPDATE (open → processing), so two clicks, two tabs or two servers cannot pay twice; the
//! provider is called outside any transaction; the outcome is written after.

use crate::error::PaymentError;
use crate::model::{Attempt, AttemptKind, PROCESSING_TIMEOUT, PaymentRequest, PaymentView, RequestStatus, Subject};
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::{payment_attempt, payment_request};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// 32 random bytes as URL-safe hex: unguessable.
fn new_token() -> Result<String, PaymentError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| PaymentError::Db(sea_orm::DbErr::Custom(format!("no randomness: {e}"))))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// A new link for `subject`'s open request, valid until `expires_at`; the old link stops working. For
/// mailing a link again (a subscription order whose authorization failed, SUB-04).
pub async fn renew_link(
    db: &impl ConnectionTrait,
    subject: Subject,
    expires_at: DateTime<Utc>,
) -> Result<String, PaymentError> {
    let token = new_token()?;
    let renewed = payment_request::Entity::update_many()
        .col_expr(payment_request::Column::TokenHash, Expr::value(digest(&token)))
        .col_expr(payment_request::Column::ExpiresAt, Expr::value(expires_at))
        .filter(subject_filter(subject))
        .filter(payment_request::Column::Status.eq(RequestStatus::Open.as_str()))
        .exec(db)
        .await?;
    if renewed.rows_affected == 1 { Ok(token) } else { Err(PaymentError::NotFound) }
}

/// The URL the email carries.
pub fn payment_link(public_url: &str, token: &str) -> String {
    format!("{}/pay/{token}", public_url.trim_end_matches('/'))
}

fn to_request(row: payment_request::Model) -> Result<PaymentRequest, PaymentError> {
    let subject = match (row.order_id, row.reservation_id) {
        (Some(order), _) => Subject::Order(order),
        (None, Some(reservation)) => Subject::Reservation(reservation),
        (None, None) => return Err(PaymentError::NotFound),
    };
    Ok(PaymentRequest {
        id: row.id,
        subject,
        account_id: AccountId(row.account_id),
        shop_id: ShopId(row.shop_id),
        amount: Money::yen(row.amount),
        status: RequestStatus::parse(&row.status).unwrap_or(RequestStatus::Cancelled),
        expires_at: row.expires_at,
        card_id: row.card_id,
        authorization_ref: row.authorization_ref,
        paid_at: row.paid_at,
    })
}

fn subject_filter(subject: Subject) -> Condition {
    match subject {
        Subject::Order(id) => Condition::all().add(payment_request::Column::OrderId.eq(id)),
        Subject::Reservation(id) => Condition::all().add(payment_request::Column::ReservationId.eq(id)),
    }
}

/// Issues the payment request of an order or reservation; returns the token for the link. In the
/// caller's transaction.
pub async fn issue_request(
    db: &impl ConnectionTrait,
    subject: Subject,
    account: AccountId,
    shop: ShopId,
    amount: Money,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<String, PaymentError> {
    let token = new_token()?;
    let (order_id, reservation_id) = match subject {
        Subject::Order(id) => (Some(id), None),
        Subject::Reservation(id) => (None, Some(id)),
    };
    payment_request::Entity::insert(payment_request::ActiveModel {
        id: Set(Uuid::now_v7()),
        token_hash: Set(digest(&token)),
        account_id: Set(account.0),
        shop_id: Set(shop.0),
        order_id: Set(order_id),
        reservation_id: Set(reservation_id),
        amount: Set(amount.to_yen()?),
        status: Set(RequestStatus::Open.as_str().to_owned()),
        expires_at: Set(expires_at),
        claimed_at: Set(None),
        card_id: Set(None),
        authorization_ref: Set(None),
        paid_at: Set(None),
        created_at: Set(now),
        expiry_claimed_by: Set(None),
        expiry_claimed_until: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(token)
}

/// The request behind a link, if it is this member's. Another member's link is "not found": a link in
/// the wrong hands reveals nothing.
pub async fn find_by_token(
    db: &impl ConnectionTrait,
    token: &str,
    account: AccountId,
) -> Result<PaymentRequest, PaymentError> {
    let row = payment_request::Entity::find()
        .filter(payment_request::Column::TokenHash.eq(digest(token)))
        .filter(payment_request::Column::AccountId.eq(account.0))
        .one(db)
        .await?
        .ok_or(PaymentError::NotFound)?;
    to_request(row)
}

/// The payment request of an order or reservation, if one was issued.
pub async fn request_of(db: &impl ConnectionTrait, subject: Subject) -> Result<Option<PaymentRequest>, PaymentError> {
    payment_request::Entity::find().filter(subject_filter(subject)).one(db).await?.map(to_request).transpose()
}

/// Claims an open request for paying with `card`: open (or abandoned processing) → processing, only
/// within its limit. Exactly one concurrent caller wins.
pub(crate) async fn claim_request(
    db: &impl ConnectionTrait,
    request: &PaymentRequest,
    card: Uuid,
    now: DateTime<Utc>,
) -> Result<(), PaymentError> {
    let abandoned = Condition::all()
        .add(payment_request::Column::Status.eq(RequestStatus::Processing.as_str()))
        .add(payment_request::Column::ClaimedAt.lt(now - PROCESSING_TIMEOUT));
    let claimable =
        Condition::any().add(payment_request::Column::Status.eq(RequestStatus::Open.as_str())).add(abandoned);
    let claimed = payment_request::Entity::update_many()
        .col_expr(payment_request::Column::Status, Expr::value(RequestStatus::Processing.as_str()))
        .col_expr(payment_request::Column::ClaimedAt, Expr::value(now))
        .col_expr(payment_request::Column::CardId, Expr::value(card))
        .filter(payment_request::Column::Id.eq(request.id))
        .filter(payment_request::Column::ExpiresAt.gt(now))
        .filter(claimable)
        .exec(db)
        .await?;
    if claimed.rows_affected == 1 {
        return Ok(());
    }
    let current = payment_request::Entity::find_by_id(request.id).one(db).await?.ok_or(PaymentError::NotFound)?;
    Err(not_payable(RequestStatus::parse(&current.status)))
}

/// Why a request in `status` cannot be paid now (an open one past its expiry is expired).
pub(crate) fn not_payable(status: Option<RequestStatus>) -> PaymentError {
    match status {
        Some(RequestStatus::Paid) => PaymentError::AlreadyPaid,
        Some(RequestStatus::Cancelled) => PaymentError::Cancelled,
        Some(RequestStatus::Processing) => PaymentError::InProgress,
        _ => PaymentError::Expired,
    }
}

/// How many authorizations were tried on this request: part of the provider's idempotency key, so a
/// retry after a crash reuses the key and a new attempt after a decline gets a new one.
pub(crate) async fn authorizations_tried(db: &impl ConnectionTrait, request: Uuid) -> Result<u64, PaymentError> {
    Ok(payment_attempt::Entity::find()
        .filter(payment_attempt::Column::PaymentRequestId.eq(request))
        .filter(payment_attempt::Column::Kind.eq(AttemptKind::Authorize.as_str()))
        .count(db)
        .await?)
}

/// The outcome of one provider call, to record.
pub(crate) struct AttemptRecord {
    pub request: Uuid,
    pub kind: AttemptKind,
    pub amount: Money,
    pub provider: &'static str,
    pub result: Result<Option<String>, String>,
}

pub(crate) async fn record_attempt(
    db: &impl ConnectionTrait,
    attempt: AttemptRecord,
    now: DateTime<Utc>,
) -> Result<(), PaymentError> {
    let (outcome, provider_ref, failure_code) = match attempt.result {
        Ok(reference) => ("succeeded", reference, None),
        Err(code) => ("failed", None, Some(code)),
    };
    payment_attempt::Entity::insert(payment_attempt::ActiveModel {
        id: Set(Uuid::now_v7()),
        payment_request_id: Set(attempt.request),
        kind: Set(attempt.kind.as_str().to_owned()),
        amount: Set(attempt.amount.to_yen()?),
        outcome: Set(outcome.to_owned()),
        provider: Set(attempt.provider.to_owned()),
        provider_ref: Set(provider_ref),
        failure_code: Set(failure_code),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// processing → paid, with the authorization to capture later.
pub(crate) async fn mark_request_paid(
    db: &impl ConnectionTrait,
    request: Uuid,
    authorization_ref: &str,
    now: DateTime<Utc>,
) -> Result<(), PaymentError> {
    let moved = payment_request::Entity::update_many()
        .col_expr(payment_request::Column::Status, Expr::value(RequestStatus::Paid.as_str()))
        .col_expr(payment_request::Column::AuthorizationRef, Expr::value(authorization_ref))
        .col_expr(payment_request::Column::PaidAt, Expr::value(now))
        .filter(payment_request::Column::Id.eq(request))
        .filter(payment_request::Column::Status.eq(RequestStatus::Processing.as_str()))
        .exec(db)
        .await?;
    if moved.rows_affected == 1 { Ok(()) } else { Err(PaymentError::InProgress) }
}

/// processing → open again after a decline or an unreachable provider.
pub(crate) async fn reopen_request(db: &impl ConnectionTrait, request: Uuid) -> Result<(), PaymentError> {
    payment_request::Entity::update_many()
        .col_expr(payment_request::Column::Status, Expr::value(RequestStatus::Open.as_str()))
        .col_expr(payment_request::Column::ClaimedAt, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(payment_request::Column::Id.eq(request))
        .filter(payment_request::Column::Status.eq(RequestStatus::Processing.as_str()))
        .exec(db)
        .await?;
    Ok(())
}

/// Cancels the open request of a subject that is being cancelled. A payment in progress stops the
/// cancellation; a paid one is left for the caller to void or refund.
pub async fn cancel_request(db: &impl ConnectionTrait, subject: Subject) -> Result<(), PaymentError> {
    payment_request::Entity::update_many()
        .col_expr(payment_request::Column::Status, Expr::value(RequestStatus::Cancelled.as_str()))
        .filter(subject_filter(subject))
        .filter(payment_request::Column::Status.eq(RequestStatus::Open.as_str()))
        .exec(db)
        .await?;
    match request_of(db, subject).await? {
        Some(r) if r.status == RequestStatus::Processing => Err(PaymentError::InProgress),
        _ => Ok(()),
    }
}

/// ORD-05, RSV-06: claims up to `limit` open requests past their limit, oldest first, for `claim` (see
/// `kaimono_jobs::claim_batch`), and returns them. Expire each with [`expire_request`].
pub(crate) async fn claim_lapsed_requests(
    db: &impl ConnectionTrait,
    claim: &str,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<PaymentRequest>, PaymentError> {
    use payment_request::Column as C;
    let open = || C::Status.eq(RequestStatus::Open.as_str());
    let due = payment_request::Entity::find()
        .filter(open())
        .filter(C::ExpiresAt.lte(now))
        .filter(C::ExpiryClaimedUntil.is_null().or(C::ExpiryClaimedUntil.lt(now)))
        .order_by_asc(C::ExpiresAt);
    let claim_on = kaimono_jobs::Claim::new(claim, now);
    kaimono_jobs::claim_batch(db, due, C::Id, C::ExpiryClaimedBy, C::ExpiryClaimedUntil, claim_on, limit).await?;
    let rows = payment_request::Entity::find().filter(C::ExpiryClaimedBy.eq(claim)).filter(open()).all(db).await?;
    rows.into_iter().map(to_request).collect()
}

/// open → expired, if still open and due. `false`: someone else expired, paid or cancelled it first.
pub(crate) async fn expire_request(
    db: &impl ConnectionTrait,
    request: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, PaymentError> {
    let moved = payment_request::Entity::update_many()
        .col_expr(payment_request::Column::Status, Expr::value(RequestStatus::Expired.as_str()))
        .filter(payment_request::Column::Id.eq(request))
        .filter(payment_request::Column::Status.eq(RequestStatus::Open.as_str()))
        .filter(payment_request::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    Ok(moved.rows_affected == 1)
}

/// The payment request of a subject with every provider call made against it, oldest first.
pub async fn payment_view(db: &impl ConnectionTrait, subject: Subject) -> Result<Option<PaymentView>, PaymentError> {
    let Some(request) = request_of(db, subject).await? else {
        return Ok(None);
    };
    let rows = payment_attempt::Entity::find()
        .filter(payment_attempt::Column::PaymentRequestId.eq(request.id))
        .order_by_asc(payment_attempt::Column::CreatedAt)
        .order_by_asc(payment_attempt::Column::Id)
        .all(db)
        .await?;
    let attempts = rows
        .into_iter()
        .map(|r| Attempt {
            id: r.id,
            kind: AttemptKind::parse(&r.kind).unwrap_or(AttemptKind::Authorize),
            amount: Money::yen(r.amount),
            succeeded: r.outcome == "succeeded",
            provider: r.provider,
            provider_ref: r.provider_ref,
            failure_code: r.failure_code,
            created_at: r.created_at,
        })
        .collect();
    Ok(Some(PaymentView { request, attempts }))
}
