//! Middleware every response passes through:
//! - request ids: every response carries `X-Request-Id` (the caller's, if it is sane, else a new one), and
//!   every log line of the request is in a span that carries it; secrets in paths (payment-link tokens,
//!   pickup numbers) never reach the log;
//! - a deadline for the whole request: a handler stuck on a stalled database answers 503, not never;
//! - security headers on every response, `Cache-Control: no-store` on every API answer, and a year of
//!   caching for the SPA's content-hashed `/assets/`.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;
use tracing::Instrument;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

fn sane(value: &HeaderValue) -> Option<String> {
    let s = value.to_str().ok()?;
    (!s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .then(|| s.to_owned())
}

/// The path as it may be logged: the segment after `payment-requests`, `pay` (payment-link tokens) and
/// `pickups` (pickup numbers) is replaced by `***`.
pub fn loggable_path(path: &str) -> String {
    let mut redact_next = false;
    path.split('/')
        .map(|segment| {
            let shown = if redact_next && !segment.is_empty() { "***" } else { segment };
            redact_next = matches!(segment, "payment-requests" | "pay" | "pickups");
            shown
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub async fn request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = req.headers().get(&REQUEST_ID).and_then(sane).unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    let span =
        tracing::info_span!("request", request_id = %id, method = %req.method(), path = %loggable_path(req.path()));
    let started = std::time::Instant::now();
    let mut res = next.call(req).instrument(span.clone()).await?;
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, value);
    }
    span.in_scope(|| {
        tracing::info!(status = res.status().as_u16(), elapsed_ms = started.elapsed().as_millis() as u64, "handled");
    });
    Ok(res)
}

/// Answers 503 when a request takes longer than `KAIMONO_REQUEST_TIMEOUT_SECS`. Dropping the handler
/// rolls back any transaction it had open; nothing half-done is committed. (The answer is an error, not a
/// response: actix routes by mutating the one request, so no copy of it may be kept to build a response.
/// It is rendered as problem+json by actix, without the request id the other answers carry.)
pub async fn deadline(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let limit = req.app_data::<web::Data<AppState>>().map(|s| s.config.limits.request);
    let call = next.call(req);
    match limit {
        Some(limit) => tokio::time::timeout(limit, call).await.unwrap_or_else(|_| {
            tracing::error!(limit_secs = limit.as_secs(), "request timed out; answering 503");
            Err(ApiError::unavailable().into())
        }),
        None => call.await,
    }
}

/// The Content-Security-Policy of every page: scripts and styles from this origin only (Mantine and the
/// API docs set inline *style* attributes, never inline script), no framing, no plugins.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
     form-action 'self'; frame-ancestors 'none'";

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let production =
        req.app_data::<web::Data<AppState>>().is_some_and(|s| s.config.env == crate::config::Environment::Production);
    let is_api = req.path().starts_with("/api/v1") || req.path().starts_with("/health");
    let is_media = req.path().starts_with("/media/");
    // The SPA's built files carry a content hash in their names: a changed file is a new URL.
    let is_hashed_asset = req.path().starts_with("/assets/");
    let mut res = next.call(req).await?;
    let success = res.status().is_success();
    let headers = res.headers_mut();
    let fixed = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(self), usb=(), interest-cohort=()",
        ),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    for (name, value) in fixed {
        // A handler may set a stricter policy of its own (private downloads are sandboxed).
        if name == header::CONTENT_SECURITY_POLICY && headers.contains_key(&name) {
            continue;
        }
        headers.insert(name, HeaderValue::from_static(value));
    }
    if production {
        headers
            .insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"));
    }
    // Tokens, personal data and payment links must never sit in a shared or browser cache.
    if (is_api || (is_media && !success)) && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else if is_hashed_asset && success {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payment_link_tokens_and_pickup_numbers_are_not_logged() {
        assert_eq!(loggable_path("/api/v1/payment-requests/abc123/pay"), "/api/v1/payment-requests/***/pay");
        assert_eq!(loggable_path("/api/v1/payment-requests/abc123"), "/api/v1/payment-requests/***");
        assert_eq!(loggable_path("/pay/abc123"), "/pay/***");
        assert_eq!(loggable_path("/api/v1/shops/s1/pickups/ABCD-2345"), "/api/v1/shops/s1/pickups/***");
        assert_eq!(loggable_path("/api/v1/products/p1"), "/api/v1/products/p1");
    }
}
