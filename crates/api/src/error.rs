//! `ApiError`: every failure a handler can return, rendered as RFC 9457 `application/problem+json`
//! with a stable snake_case `code`. 5xx bodies are opaque; their cause goes to the log with the request id.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use kaimono_accounts::AccountError;
use kaimono_catalog::CatalogError;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// An RFC 9457 problem detail.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemDetails {
    /// A URI naming the kind of problem (`urn:kaimono:problem:<code>`).
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short, human-readable summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A stable, machine-readable snake_case code.
    pub code: String,
    /// For 422: messages per request field (dotted paths for nested fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<String, Vec<String>>>,
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    detail: Option<String>,
    errors: Option<BTreeMap<String, Vec<String>>>,
    retry_after: Option<u64>,
    /// The cause of a 5xx, for the log only.
    source: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self { status, code, detail: Some(detail.into()), errors: None, retry_after: None, source: None }
    }

    pub fn unauthenticated(detail: &str) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthenticated", detail)
    }

    pub fn forbidden(detail: &str) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", detail)
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", format!("{what} not found"))
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    /// A 422 with messages per field.
    pub fn validation(errors: BTreeMap<String, Vec<String>>) -> Self {
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "validation_failed",
            detail: Some("the request has invalid fields".into()),
            errors: Some(errors),
            retry_after: None,
            source: None,
        }
    }

    /// A 422 for one field.
    pub fn field(code: &'static str, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut errors = BTreeMap::new();
        errors.insert(field.to_owned(), vec![message.clone()]);
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code,
            detail: Some(message),
            errors: Some(errors),
            retry_after: None,
            source: None,
        }
    }

    pub fn internal(source: impl std::fmt::Display) -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal_error",
            detail: None,
            errors: None,
            retry_after: None,
            source: Some(source.to_string()),
        }
    }

    /// 503 `database_unavailable`, with Retry-After.
    pub fn unavailable() -> Self {
        Self {
            retry_after: Some(5),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "database_unavailable",
                "the service cannot reach its database right now; try again shortly",
            )
        }
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub(crate) fn problem(&self) -> ProblemDetails {
        ProblemDetails {
            problem_type: format!("urn:kaimono:problem:{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error").to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_owned(),
            errors: self.errors.clone(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.code)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        if self.status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = HttpResponse::build(self.status);
        response.content_type("application/problem+json");
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        response.json(self.problem())
    }
}

impl From<sea_orm::DbErr> for ApiError {
    /// A database that cannot be reached or does not answer in time is a 503 the client may retry; any
    /// other database error is a 500.
    fn from(e: sea_orm::DbErr) -> Self {
        if crate::database::is_unavailable(&e) {
            tracing::error!(error = %e, "database unavailable");
            ApiError::unavailable()
        } else {
            ApiError::internal(e)
        }
    }
}

impl From<AccountError> for ApiError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::LinkInvalid => {
                ApiError::field("link_invalid", "token", "this link is invalid or has already been used")
            }
            AccountError::LinkExpired => {
                ApiError::field("link_expired", "token", "this link has expired; please request a new one")
            }
            AccountError::EmailTaken => {
                ApiError::new(StatusCode::CONFLICT, "email_taken", "an account with this email already exists")
            }
            AccountError::InvalidCredentials => {
                ApiError::new(StatusCode::UNAUTHORIZED, "invalid_credentials", "the email or password is wrong")
            }
            AccountError::Throttled { retry_after_secs } => ApiError {
                retry_after: Some(retry_after_secs),
                ..ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too_many_attempts",
                    format!("too many failed logins; try again in {retry_after_secs} seconds"),
                )
            },
            AccountError::TooManyLinkRequests { retry_after_secs } => ApiError {
                retry_after: Some(retry_after_secs),
                ..ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too_many_requests",
                    format!("too many link requests; try again in {retry_after_secs} seconds"),
                )
            },
            AccountError::SessionInvalid => {
                ApiError::new(StatusCode::UNAUTHORIZED, "session_invalid", "the session is invalid, expired or revoked")
            }
            AccountError::NotFound => ApiError::not_found("resource"),
            AccountError::Db(e) => e.into(),
            AccountError::Messaging(e) => e.into(),
            e @ AccountError::Hashing(_) => ApiError::internal(e),
        }
    }
}

impl From<CatalogError> for ApiError {
    fn from(e: CatalogError) -> Self {
        match e {
            CatalogError::ShopNotFound => ApiError::not_found("shop"),
            CatalogError::ProductNotFound => ApiError::not_found("product"),
            CatalogError::VariantNotFound => ApiError::not_found("variant"),
            CatalogError::SkuTaken { sku } => ApiError {
                errors: Some(BTreeMap::from([("sku".to_owned(), vec![format!("the SKU {sku} is already in use")])])),
                ..ApiError::new(StatusCode::CONFLICT, "sku_taken", format!("the SKU {sku} is already in use"))
            },
            CatalogError::VariantExists { color, size } => ApiError::new(
                StatusCode::CONFLICT,
                "variant_exists",
                format!("the product already has a {color} / {size} variant"),
            ),
            CatalogError::InvalidPrice => {
                ApiError::field("validation_failed", "price", "a price must be a whole, non-negative number of yen")
            }
            CatalogError::InsufficientStock { available } => ApiError::new(
                StatusCode::CONFLICT,
                "insufficient_stock",
                format!("not enough stock: {available} available"),
            ),
            // `set_stock` validates its quantity against the same bound, so only an adjustment gets here.
            CatalogError::StockLimit { max, current } => ApiError::field(
                "stock_limit",
                "delta",
                format!("a shop holds at most {max} units of a variant; it holds {current} now"),
            ),
            CatalogError::Db(e) => e.into(),
        }
    }
}

impl From<kaimono_orders::OrderError> for ApiError {
    fn from(e: kaimono_orders::OrderError) -> Self {
        use kaimono_orders::OrderError;
        match e {
            OrderError::NotFound => ApiError::not_found("order"),
            OrderError::NotInCart => ApiError::not_found("cart item"),
            OrderError::NotPurchasable => {
                ApiError::field("not_purchasable", "variant_id", "this item is not on sale for delivery")
            }
            OrderError::EmptyCart => ApiError::new(StatusCode::CONFLICT, "cart_empty", "the cart is empty"),
            OrderError::AddressNotFound => {
                ApiError::field("validation_failed", "address_id", "is not one of your delivery addresses")
            }
            OrderError::QuantityTooLarge { max } => {
                ApiError::field("validation_failed", "quantity", format!("at most {max} of one item"))
            }
            OrderError::InsufficientStock { variant, available } => ApiError::new(
                StatusCode::CONFLICT,
                "insufficient_stock",
                format!("not enough stock of {variant}: {available} available"),
            ),
            OrderError::UnknownLine { line } => {
                ApiError::field("validation_failed", "rejected_line_ids", format!("{line} is not a line of this order"))
            }
            OrderError::InvalidTransition { from, to } => ApiError::new(
                StatusCode::CONFLICT,
                "invalid_transition",
                format!("an order cannot go from {from} to {to}"),
            ),
            OrderError::PaymentInProgress => ApiError::new(
                StatusCode::CONFLICT,
                "payment_in_progress",
                "a payment of this order is being processed; try again in a moment",
            ),
            OrderError::Payment(e) => e.into(),
            OrderError::Catalog(e) => e.into(),
            OrderError::Messaging(e) => e.into(),
            OrderError::Db(e) => e.into(),
        }
    }
}

impl From<kaimono_payments::PaymentError> for ApiError {
    fn from(e: kaimono_payments::PaymentError) -> Self {
        use kaimono_payments::{PaymentError, ProviderError};
        match e {
            PaymentError::NotFound => ApiError::not_found("payment request"),
            PaymentError::CardNotFound => ApiError::not_found("card"),
            PaymentError::CardExpired => ApiError::field("card_expired", "token", "this card has expired"),
            PaymentError::AlreadyPaid => {
                ApiError::new(StatusCode::CONFLICT, "already_paid", "this payment request has already been paid")
            }
            PaymentError::Expired => {
                ApiError::new(StatusCode::GONE, "payment_request_expired", "this payment link has expired")
            }
            PaymentError::Cancelled => ApiError::new(
                StatusCode::CONFLICT,
                "payment_request_cancelled",
                "the order or reservation of this payment link was cancelled",
            ),
            PaymentError::InProgress => ApiError::new(
                StatusCode::CONFLICT,
                "payment_in_progress",
                "a payment is being processed; try again in a moment",
            ),
            PaymentError::NothingToSettle(what) => {
                ApiError::new(StatusCode::CONFLICT, "not_paid", format!("nothing was paid that could be {what}"))
            }
            PaymentError::Provider(ProviderError::Declined { code }) => {
                let code = match code.as_str() {
                    "expired_card" => "expired_card",
                    "insufficient_funds" => "insufficient_funds",
                    _ => "card_declined",
                };
                ApiError::new(StatusCode::PAYMENT_REQUIRED, code, "the card was declined; try another card")
            }
            PaymentError::Provider(ProviderError::Invalid(message)) => {
                ApiError::field("card_rejected", "token", format!("the payment provider refused this card: {message}"))
            }
            PaymentError::Provider(ProviderError::Unavailable(message)) => ApiError {
                retry_after: Some(5),
                source: Some(message),
                ..ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "payment_provider_unavailable",
                    "the payment provider could not be reached; nothing was charged",
                )
            },
            PaymentError::Db(e) => e.into(),
        }
    }
}

impl From<kaimono_reservations::ReservationError> for ApiError {
    fn from(e: kaimono_reservations::ReservationError) -> Self {
        use kaimono_reservations::ReservationError as E;
        match e {
            E::NotFound => ApiError::not_found("reservation"),
            E::NotReservable => {
                ApiError::field("not_reservable", "variant_id", "this item cannot be reserved for pickup")
            }
            E::VisitDateOutOfWindow { earliest, latest } => ApiError::field(
                "visit_date_out_of_window",
                "visit_date",
                format!("must be from {earliest} to {latest}"),
            ),
            E::ShopClosed(date) => {
                ApiError::field("shop_closed", "visit_date", format!("the shop is closed on {date}"))
            }
            E::InsufficientStock { available } => ApiError::new(
                StatusCode::CONFLICT,
                "insufficient_stock",
                format!("not enough stock: {available} available"),
            ),
            E::InvalidTransition { from, to } => ApiError::new(
                StatusCode::CONFLICT,
                "invalid_transition",
                format!("a reservation cannot go from {from} to {to}"),
            ),
            E::NotPaid => {
                ApiError::new(StatusCode::CONFLICT, "not_paid", "this prepaid reservation has not been paid online yet")
            }
            E::InStorePaymentRequired => ApiError::field(
                "in_store_payment_required",
                "paid_in_store",
                "record the payment taken at the counter to hand this over",
            ),
            E::PaymentInProgress => ApiError::new(
                StatusCode::CONFLICT,
                "payment_in_progress",
                "a payment of this reservation is being processed; try again in a moment",
            ),
            E::Messaging(e) => e.into(),
            E::Db(e) => e.into(),
        }
    }
}

impl From<kaimono_messaging::MessagingError> for ApiError {
    fn from(e: kaimono_messaging::MessagingError) -> Self {
        match e {
            kaimono_messaging::MessagingError::Db(e) => e.into(),
            e => ApiError::internal(e),
        }
    }
}

/// The error responses of the OpenAPI operations, one type per status.
pub mod responses {
    use super::ProblemDetails;
    use utoipa::IntoResponses;

    macro_rules! problem_response {
        ($($name:ident = $status:literal, $description:literal;)*) => {$(
            #[derive(IntoResponses)]
            #[response(status = $status, description = $description, content_type = "application/problem+json")]
            #[allow(dead_code)]
            pub struct $name(ProblemDetails);
        )*};
    }

    problem_response! {
        BadRequest = 400, "The request could not be read (malformed JSON, bad query string).";
        Unauthorized = 401, "No valid access token, or wrong credentials.";
        Forbidden = 403, "Authenticated, but not allowed to act on this resource.";
        NotFound = 404, "No such resource (or not yours).";
        Conflict = 409, "The resource's state does not allow this.";
        Unprocessable = 422, "Invalid fields; `errors` lists messages per field.";
        PaymentRequired = 402, "The card was declined; `code` says why (`card_declined`, `expired_card`, `insufficient_funds`).";
        Gone = 410, "The payment link has expired.";
        TooManyRequests = 429, "Too many attempts; see Retry-After.";
        ServiceUnavailable = 503, "The payment provider could not be reached; nothing was charged. Retry with the same Idempotency-Key.";
        ServerError = 500, "Unexpected failure; the body is opaque and the cause is logged.";
    }
}
