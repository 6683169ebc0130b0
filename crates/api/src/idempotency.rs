//! `Idempotency-Key` for requests that create orders or move money (PAY-09).
//!
//! The key row is written in the same transaction as the work: the first request records its response;
//! a retry with the same key and body gets that response again (`Idempotent-Replayed: true`); the same key
//! with a different body is refused. A request that fails rolls back and leaves no key behind, so it can
//! be retried. On PostgreSQL a concurrent duplicate waits on the key row until the first one commits.

use crate::error::ApiError;
use crate::error::ErrorCode;
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use kaimono_core::AccountId;
use kaimono_entity::idempotency_key;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub const HEADER: &str = "Idempotency-Key";

/// The request's `Idempotency-Key`: 1–255 visible ASCII characters (a UUID is a good choice).
pub struct IdempotencyKey(pub String);

impl FromRequest for IdempotencyKey {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let value = req.headers().get(HEADER).and_then(|v| v.to_str().ok()).map(str::trim);
        std::future::ready(match value {
            Some(v) if !v.is_empty() && v.len() <= 255 && v.bytes().all(|b| b.is_ascii_graphic()) => {
                Ok(IdempotencyKey(v.to_owned()))
            }
            Some(_) => {
                Err(ApiError::field(ErrorCode::ValidationFailed, HEADER, "must be 1 to 255 visible ASCII characters"))
            }
            None => Err(ApiError::field(ErrorCode::IdempotencyKeyRequired, HEADER, "is required for this request")),
        })
    }
}

/// A digest of the request body, to tell a retry from a different request under the same key.
pub fn fingerprint(body: &impl Serialize) -> Result<String, ApiError> {
    let bytes = serde_json::to_vec(body).map_err(ApiError::internal)?;
    Ok(Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect())
}

/// Claims the key inside `txn`. `Some(response)` means: answer with this, the work was done before.
pub async fn claim(
    txn: &impl ConnectionTrait,
    account: AccountId,
    key: &IdempotencyKey,
    fingerprint: &str,
    now: DateTime<Utc>,
) -> Result<Option<HttpResponse>, ApiError> {
    let inserted = idempotency_key::Entity::insert(idempotency_key::ActiveModel {
        account_id: Set(account.0),
        key: Set(key.0.clone()),
        request_hash: Set(fingerprint.to_owned()),
        response_status: Set(None),
        response_body: Set(None),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([idempotency_key::Column::AccountId, idempotency_key::Column::Key]).do_nothing().to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    if inserted == 1 {
        return Ok(None);
    }
    let row = idempotency_key::Entity::find_by_id((account.0, key.0.clone()))
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::internal("idempotency key vanished"))?;
    if row.request_hash != fingerprint {
        return Err(ApiError::field(
            ErrorCode::IdempotencyKeyReused,
            HEADER,
            "this key was used for a different request; use a new key for a new request",
        ));
    }
    match (row.response_status, row.response_body) {
        (Some(status), Some(body)) => {
            let status = StatusCode::from_u16(u16::try_from(status).unwrap_or(500)).unwrap_or(StatusCode::OK);
            let content_type = if status.is_success() { "application/json" } else { "application/problem+json" };
            Ok(Some(
                HttpResponse::build(status)
                    .content_type(content_type)
                    .insert_header(("Idempotent-Replayed", "true"))
                    .body(body),
            ))
        }
        _ => Err(ApiError::new(ErrorCode::RequestInProgress, "a request with this key is still being processed")),
    }
}

/// Records the response of the claimed key, in the same transaction as the work.
pub async fn record(
    txn: &impl ConnectionTrait,
    account: AccountId,
    key: &IdempotencyKey,
    status: StatusCode,
    body: &str,
) -> Result<(), ApiError> {
    idempotency_key::Entity::update_many()
        .col_expr(idempotency_key::Column::ResponseStatus, Expr::value(i16::try_from(status.as_u16()).unwrap_or(0)))
        .col_expr(idempotency_key::Column::ResponseBody, Expr::value(body))
        .filter(idempotency_key::Column::AccountId.eq(account.0))
        .filter(idempotency_key::Column::Key.eq(key.0.as_str()))
        .exec(txn)
        .await?;
    Ok(())
}

/// Runs `work` once per key inside one write transaction with the key row: the first request's response
/// is recorded with its work; a failure rolls both back and leaves no key, so the request can be retried.
pub async fn in_transaction<F>(
    db: &sea_orm::DatabaseConnection,
    account: AccountId,
    key: &IdempotencyKey,
    fingerprint: &str,
    now: DateTime<Utc>,
    success: StatusCode,
    work: F,
) -> Result<HttpResponse, ApiError>
where
    F: AsyncFnOnce(&sea_orm::DatabaseTransaction) -> Result<String, ApiError>,
{
    let txn = crate::database::begin_write(db).await?;
    if let Some(replay) = claim(&txn, account, key, fingerprint, now).await? {
        txn.commit().await?;
        return Ok(replay);
    }
    let body = work(&txn).await?;
    record(&txn, account, key, success, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::build(success).content_type("application/json").body(body))
}

/// Runs `work` once per key for requests that call the payment provider, which cannot share a
/// transaction with the database: the key is claimed and committed first; the outcome is recorded after
/// (a success, or a refusal such as a decline, so a retry gets the same answer). A 5xx — the provider
/// unreachable, a crash — removes the key, so the same request can be retried.
pub async fn once<F, Fut>(
    db: &sea_orm::DatabaseConnection,
    account: AccountId,
    key: &IdempotencyKey,
    fingerprint: &str,
    now: DateTime<Utc>,
    success: StatusCode,
    work: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<String, ApiError>>,
{
    let txn = crate::database::begin_write(db).await?;
    if let Some(replay) = claim(&txn, account, key, fingerprint, now).await? {
        txn.commit().await?;
        return Ok(replay);
    }
    txn.commit().await?;
    match work().await {
        Ok(body) => {
            record(db, account, key, success, &body).await?;
            Ok(HttpResponse::build(success).content_type("application/json").body(body))
        }
        Err(e) if e.status().is_server_error() || e.status() == StatusCode::SERVICE_UNAVAILABLE => {
            idempotency_key::Entity::delete_many()
                .filter(idempotency_key::Column::AccountId.eq(account.0))
                .filter(idempotency_key::Column::Key.eq(key.0.as_str()))
                .exec(db)
                .await?;
            Err(e)
        }
        Err(e) => {
            let body = serde_json::to_string(&e.problem()).map_err(ApiError::internal)?;
            record(db, account, key, e.status(), &body).await?;
            Err(e)
        }
    }
}
