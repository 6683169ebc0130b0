//! `ApiError`: every failure a handler can return, rendered as RFC 9457 `application/problem+json`
//! with a stable snake_case `code`. 5xx bodies are opaque; their cause goes to the log with the request id.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use kaimono_accounts::AccountError;
use kaimono_catalog::CatalogError;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

mod codes;
pub use codes::ErrorCode;

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
    /// A stable, machine-readable code; the list is the `ErrorCode` schema.
    pub code: ErrorCode,
    /// For 422: messages per request field (dotted paths for nested fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<String, Vec<String>>>,
}

#[derive(Debug)]
pub struct ApiError {
    code: ErrorCode,
    detail: Option<String>,
    errors: Option<BTreeMap<String, Vec<String>>>,
    retry_after: Option<u64>,
    /// The cause of a 5xx, for the log only.
    source: Option<String>,
}

impl ApiError {
    /// A problem with `code` (and the code's status) and what went wrong this time.
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Self {
        Self { code, detail: Some(detail.into()), errors: None, retry_after: None, source: None }
    }

    pub fn unauthenticated(detail: &str) -> Self {
        Self::new(ErrorCode::Unauthenticated, detail)
    }

    pub fn forbidden(detail: &str) -> Self {
        Self::new(ErrorCode::Forbidden, detail)
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} not found"))
    }

    /// A 422 with messages per field.
    pub fn validation(errors: BTreeMap<String, Vec<String>>) -> Self {
        Self { errors: Some(errors), ..Self::new(ErrorCode::ValidationFailed, ErrorCode::ValidationFailed.message()) }
    }

    /// A 4xx naming one field (`code` says why; 422 unless the code says otherwise).
    pub fn field(code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let errors = BTreeMap::from([(field.to_owned(), vec![message.clone()])]);
        Self { errors: Some(errors), ..Self::new(code, message) }
    }

    pub fn internal(source: impl std::fmt::Display) -> Self {
        Self {
            code: ErrorCode::InternalError,
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
            ..Self::new(ErrorCode::DatabaseUnavailable, ErrorCode::DatabaseUnavailable.message())
        }
    }

    /// Asks the client to wait `seconds` before trying again.
    pub fn retry_after(self, seconds: u64) -> Self {
        Self { retry_after: Some(seconds), ..self }
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    pub fn status(&self) -> StatusCode {
        self.code.status()
    }

    pub(crate) fn problem(&self) -> ProblemDetails {
        let status = self.status();
        ProblemDetails {
            problem_type: format!("urn:kaimono:problem:{}", self.code.as_str()),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: self.detail.clone(),
            code: self.code,
            errors: self.errors.clone(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status().as_u16(), self.code.as_str())?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = HttpResponse::build(status);
        response.content_type("application/problem+json");
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        if status == StatusCode::UNAUTHORIZED {
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
                ApiError::field(ErrorCode::LinkInvalid, "token", "this link is invalid or has already been used")
            }
            AccountError::LinkExpired => {
                ApiError::field(ErrorCode::LinkExpired, "token", "this link has expired; please request a new one")
            }
            AccountError::EmailTaken => {
                ApiError::new(ErrorCode::EmailTaken, "an account with this email already exists")
            }
            AccountError::AlreadyStaff => {
                ApiError::field(ErrorCode::AlreadyStaff, "email", "this person is already on the shop's staff")
            }
            AccountError::LastOwner => ApiError::new(ErrorCode::LastOwner, "a shop keeps at least one owner"),
            AccountError::OwnerChangesNeedOperator => {
                ApiError::forbidden("only a mall operator invites or removes a shop's owner")
            }
            AccountError::AccountDetailsRequired => ApiError::field(
                ErrorCode::ValidationFailed,
                "password",
                "a new account needs a password, a name and its reading",
            ),
            e @ (AccountError::Lookup(_) | AccountError::Money(_)) => ApiError::internal(e),
            AccountError::InvalidCredentials => {
                ApiError::new(ErrorCode::InvalidCredentials, "the email or password is wrong")
            }
            AccountError::Throttled { retry_after_secs } => ApiError {
                retry_after: Some(retry_after_secs),
                ..ApiError::new(
                    ErrorCode::TooManyAttempts,
                    format!("too many failed logins; try again in {retry_after_secs} seconds"),
                )
            },
            AccountError::TooManyLinkRequests { retry_after_secs } => ApiError {
                retry_after: Some(retry_after_secs),
                ..ApiError::new(
                    ErrorCode::TooManyRequests,
                    format!("too many link requests; try again in {retry_after_secs} seconds"),
                )
            },
            AccountError::SessionInvalid => {
                ApiError::new(ErrorCode::SessionInvalid, "the session is invalid, expired or revoked")
            }
            AccountError::NotFound => ApiError::not_found("resource"),
            e @ AccountError::InsufficientPoints { .. } => ApiError::new(ErrorCode::InsufficientPoints, e.to_string()),
            AccountError::Db(e) => e.into(),
            AccountError::Messaging(e) => e.into(),
            e @ AccountError::Hashing(_) => ApiError::internal(e),
        }
    }
}

impl From<kaimono_media::StorageError> for ApiError {
    fn from(e: kaimono_media::StorageError) -> Self {
        tracing::error!(error = %e, "file storage failed");
        ApiError::new(ErrorCode::StorageUnavailable, ErrorCode::StorageUnavailable.message()).retry_after(5)
    }
}

impl From<CatalogError> for ApiError {
    fn from(e: CatalogError) -> Self {
        match e {
            CatalogError::ShopNotFound => ApiError::not_found("shop"),
            CatalogError::ProductNotFound => ApiError::not_found("product"),
            CatalogError::VariantNotFound => ApiError::not_found("variant"),
            CatalogError::ImageNotFound => ApiError::not_found("image"),
            CatalogError::SlugTaken { slug } => {
                ApiError::field(ErrorCode::SlugTaken, "slug", format!("the shop URL name {slug} is taken"))
            }
            CatalogError::TooManyImages { max } => {
                ApiError::new(ErrorCode::TooManyImages, format!("a product has at most {max} images"))
            }
            CatalogError::Image(e) => match e {
                kaimono_media::ImageError::TooLarge => ApiError::field(ErrorCode::ImageTooLarge, "file", e.to_string()),
                _ => ApiError::field(ErrorCode::UnsupportedImage, "file", e.to_string()),
            },
            CatalogError::Storage(e) => e.into(),
            CatalogError::SkuTaken { sku } => {
                ApiError::field(ErrorCode::SkuTaken, "sku", format!("the SKU {sku} is already in use"))
            }
            CatalogError::VariantExists { color, size } => {
                ApiError::new(ErrorCode::VariantExists, format!("the product already has a {color} / {size} variant"))
            }
            CatalogError::InvalidPrice => ApiError::field(
                ErrorCode::ValidationFailed,
                "price",
                "a price must be a whole, non-negative number of yen",
            ),
            CatalogError::InsufficientStock { available } => {
                ApiError::new(ErrorCode::InsufficientStock, format!("not enough stock: {available} available"))
            }
            // `set_stock` validates its quantity against the same bound, so only an adjustment gets here.
            CatalogError::StockLimit { max, current } => ApiError::field(
                ErrorCode::StockLimit,
                "delta",
                format!("a shop holds at most {max} units of a variant; it holds {current} now"),
            ),
            CatalogError::InvalidSetting { field, message } => {
                ApiError::field(ErrorCode::ValidationFailed, field, message)
            }
            CatalogError::CarrierNotOffered => {
                ApiError::field(ErrorCode::ValidationFailed, "carriers", "the shop does not ship with this carrier")
            }
            e @ (CatalogError::Corrupt(_) | CatalogError::UnknownPrefecture(_)) => ApiError::internal(e),
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
                ApiError::field(ErrorCode::NotPurchasable, "variant_id", "this item is not on sale for delivery")
            }
            OrderError::EmptyCart => ApiError::new(ErrorCode::CartEmpty, "the cart is empty"),
            OrderError::DeliveryDateOutOfWindow { window } => ApiError::field(
                ErrorCode::DeliveryDateOutOfWindow,
                "delivery_date",
                match window {
                    Some(w) => format!("must be from {} to {}", w.earliest, w.latest),
                    None => "the shops in this cart have no delivery date in common; leave it empty".to_owned(),
                },
            ),
            OrderError::CarrierNotOffered { shop } => ApiError::field(
                ErrorCode::ValidationFailed,
                "carriers",
                format!("{shop} does not ship with this carrier"),
            ),
            OrderError::TimeSlotUnavailable { shop } => ApiError::field(
                ErrorCode::TimeSlotUnavailable,
                "delivery_time_slot",
                format!("{shop}'s carrier does not deliver in this time slot"),
            ),
            OrderError::AddressNotFound => {
                ApiError::field(ErrorCode::ValidationFailed, "address_id", "is not one of your delivery addresses")
            }
            OrderError::QuantityTooLarge { max } => {
                ApiError::field(ErrorCode::ValidationFailed, "quantity", format!("at most {max} of one item"))
            }
            OrderError::InsufficientStock { product_name, sku, available, .. } => ApiError::new(
                ErrorCode::InsufficientStock,
                format!("not enough stock of {product_name} (SKU {sku}): {available} available; lower the quantity"),
            ),
            OrderError::UnknownLine { line } => ApiError::field(
                ErrorCode::ValidationFailed,
                "rejected_line_ids",
                format!("{line} is not a line of this order"),
            ),
            OrderError::InvalidTransition { from, to } => {
                ApiError::new(ErrorCode::InvalidTransition, transition_message("order", from, to))
            }
            OrderError::PaymentInProgress => ApiError::new(
                ErrorCode::PaymentInProgress,
                "a payment of this order is being processed; try again in a moment",
            ),
            OrderError::Payment(e) => e.into(),
            OrderError::Catalog(e) => e.into(),
            OrderError::Account(e) => e.into(),
            e @ (OrderError::Corrupt(_) | OrderError::Amount(_)) => ApiError::internal(e),
            OrderError::Messaging(e) => e.into(),
            OrderError::Db(e) => e.into(),
        }
    }
}

impl From<kaimono_proxy::ProxyError> for ApiError {
    fn from(e: kaimono_proxy::ProxyError) -> Self {
        use kaimono_proxy::ProxyError;
        match e {
            ProxyError::NotFound => ApiError::not_found("proxy order"),
            ProxyError::NotAProxyShop => ApiError::not_found("proxy-buying service"),
            ProxyError::UnknownItem { item } => ApiError::not_found(&format!("item {item}")),
            ProxyError::AddressNotFound => {
                ApiError::field(ErrorCode::ValidationFailed, "address_id", "is not one of your delivery addresses")
            }
            ProxyError::InvalidTransition { from, to } => {
                ApiError::new(ErrorCode::InvalidTransition, transition_message("proxy order", from, to))
            }
            ProxyError::ItemLocked { status } => {
                ApiError::new(ErrorCode::ItemLocked, format!("this item is {status} and can no longer be changed"))
            }
            ProxyError::IncompleteQuote => {
                ApiError::field(ErrorCode::IncompleteQuote, "items", ErrorCode::IncompleteQuote.message())
            }
            ProxyError::QuestionOpen => ApiError::new(ErrorCode::QuestionOpen, ErrorCode::QuestionOpen.message()),
            ProxyError::NoQuestion => {
                ApiError::new(ErrorCode::InvalidTransition, "this item has no question waiting for an answer")
            }
            ProxyError::NoDeposit => ApiError::new(ErrorCode::DepositEmpty, ErrorCode::DepositEmpty.message()),
            ProxyError::NothingDue => ApiError::new(ErrorCode::NothingDue, ErrorCode::NothingDue.message()),
            ProxyError::ZeroAmount { field } => {
                ApiError::field(ErrorCode::ValidationFailed, field, "must be more than zero")
            }
            ProxyError::InsufficientDeposit { balance } => {
                ApiError::new(ErrorCode::InsufficientDeposit, format!("the deposit holds only {balance}"))
            }
            ProxyError::NotInspected => {
                ApiError::new(ErrorCode::ItemsNotInspected, ErrorCode::ItemsNotInspected.message())
            }
            ProxyError::ParcelTooHeavy { method } => {
                ApiError::field(ErrorCode::ParcelTooHeavy, "method", format!("the parcel is too heavy for {method}"))
            }
            ProxyError::WeightDisputed => ApiError::new(ErrorCode::WeightDisputed, ErrorCode::WeightDisputed.message()),
            ProxyError::TooManyPhotos { max } => {
                ApiError::new(ErrorCode::TooManyPhotos, format!("an item has at most {max} photos"))
            }
            e @ ProxyError::NotAtWarehouse { .. } => ApiError::new(ErrorCode::InvalidTransition, e.to_string()),
            ProxyError::Photo(e) => match e {
                kaimono_media::ImageError::TooLarge => ApiError::field(ErrorCode::ImageTooLarge, "file", e.to_string()),
                _ => ApiError::field(ErrorCode::UnsupportedImage, "file", e.to_string()),
            },
            ProxyError::PhotoNotFound => ApiError::not_found("photo"),
            ProxyError::Storage(e) => e.into(),
            ProxyError::Statement(e) => ApiError::field(ErrorCode::UnreadableStatement, "file", e.to_string()),
            ProxyError::Payment(e) => e.into(),
            ProxyError::Catalog(e) => e.into(),
            ProxyError::Account(e) => e.into(),
            e @ (ProxyError::Corrupt(_) | ProxyError::Amount(_)) => ApiError::internal(e),
            ProxyError::Messaging(e) => e.into(),
            ProxyError::Db(e) => e.into(),
        }
    }
}

impl From<kaimono_subscriptions::SubscriptionError> for ApiError {
    fn from(e: kaimono_subscriptions::SubscriptionError) -> Self {
        use kaimono_subscriptions::SubscriptionError as E;
        let message = e.to_string();
        match e {
            E::NotFound => ApiError::not_found("subscription"),
            E::NotOffered => ApiError::new(ErrorCode::SubscriptionsNotOffered, message),
            E::NotAccepting => ApiError::new(ErrorCode::SubscriptionsNotAccepting, message),
            E::StillActive { .. } => ApiError::new(ErrorCode::SubscriptionsActive, message),
            E::EmptyCart => ApiError::new(ErrorCode::CartEmpty, message),
            E::SeveralShops => ApiError::new(ErrorCode::SubscriptionCartOtherShop, message),
            E::NotSubscribable { .. } => ApiError::field(ErrorCode::NotSubscribable, "variant_id", message),
            E::QuantityTooLarge { .. } => ApiError::field(ErrorCode::ValidationFailed, "quantity", message),
            E::CycleNotAllowed => ApiError::field(ErrorCode::CycleNotAllowed, "cycle", message),
            E::IntervalOutOfRange { .. } => ApiError::field(ErrorCode::CycleNotAllowed, "cycle.value", message),
            E::PaymentMethodNotOffered => {
                ApiError::field(ErrorCode::PaymentMethodNotOffered, "payment_method", message)
            }
            E::CardRequired => {
                ApiError::field(ErrorCode::ValidationFailed, "card_id", "choose one of the member's saved cards")
            }
            E::AddressNotFound => {
                ApiError::field(ErrorCode::ValidationFailed, "address_id", "is not one of your delivery addresses")
            }
            E::CardInUse => ApiError::new(ErrorCode::CardInUse, message),
            E::ChangeNotAllowed { .. } => ApiError::new(ErrorCode::ChangeNotAllowed, message),
            E::InvalidState { .. } => ApiError::new(ErrorCode::InvalidTransition, message),
            E::InvalidNumberRule(field) => ApiError::field(
                ErrorCode::ValidationFailed,
                if field == "initial" { "number_initial" } else { "number_rule" },
                message,
            ),
            E::InvalidCustomMethod(_) => ApiError::field(ErrorCode::ValidationFailed, "custom_methods", message),
            E::MethodNotForCarrier => ApiError::field(ErrorCode::PaymentMethodNotOffered, "payment_method", message),
            E::PointsExceedTotal { .. } => ApiError::field(ErrorCode::ValidationFailed, "points", message),
            E::FirstDeliveryOutOfRange { .. } => {
                ApiError::field(ErrorCode::DeliveryDateOutOfWindow, "first_delivery_on", message)
            }
            E::Order(e) => e.into(),
            E::Catalog(e) => e.into(),
            E::Account(e) => e.into(),
            E::Payment(e) => e.into(),
            E::Messaging(e) => e.into(),
            E::Db(e) => e.into(),
            e @ (E::Money(_) | E::Corrupt(_)) => ApiError::internal(e),
        }
    }
}

impl From<kaimono_payments::PaymentError> for ApiError {
    fn from(e: kaimono_payments::PaymentError) -> Self {
        use kaimono_payments::{PaymentError, ProviderError};
        match e {
            PaymentError::NotFound => ApiError::not_found("payment request"),
            PaymentError::CardNotFound => ApiError::not_found("card"),
            PaymentError::CardExpired => ApiError::field(ErrorCode::CardExpired, "token", "this card has expired"),
            PaymentError::AlreadyPaid => {
                ApiError::new(ErrorCode::AlreadyPaid, "this payment request has already been paid")
            }
            PaymentError::Expired => ApiError::new(ErrorCode::PaymentRequestExpired, "this payment link has expired"),
            PaymentError::Cancelled => ApiError::new(
                ErrorCode::PaymentRequestCancelled,
                "the order or reservation of this payment link was cancelled",
            ),
            PaymentError::InProgress => {
                ApiError::new(ErrorCode::PaymentInProgress, "a payment is being processed; try again in a moment")
            }
            PaymentError::NothingToSettle(what) => {
                ApiError::new(ErrorCode::NotPaid, format!("nothing was paid that could be {what}"))
            }
            PaymentError::UnknownCard => {
                ApiError::field(ErrorCode::ValidationFailed, "card_id", "is not one of your saved cards")
            }
            PaymentError::ChosenCardExpired => {
                ApiError::field(ErrorCode::CardExpired, "card_id", "this card has expired; register another card")
            }
            PaymentError::Provider(ProviderError::Declined { code }) => {
                let code = match code.as_str() {
                    "expired_card" => ErrorCode::ExpiredCard,
                    "insufficient_funds" => ErrorCode::InsufficientFunds,
                    _ => ErrorCode::CardDeclined,
                };
                ApiError::new(code, "the card was declined; try another card")
            }
            PaymentError::Provider(ProviderError::Invalid(message)) => ApiError::field(
                ErrorCode::CardRejected,
                "token",
                format!("the payment provider refused this card: {message}"),
            ),
            PaymentError::Provider(ProviderError::Unavailable(message)) => ApiError {
                source: Some(message),
                ..ApiError::new(
                    ErrorCode::PaymentProviderUnavailable,
                    "the payment provider could not be reached; nothing was charged",
                )
                .retry_after(5)
            },
            PaymentError::Provider(ProviderError::RateLimited { retry_after_secs }) => ApiError::new(
                ErrorCode::PaymentProviderUnavailable,
                "the payment provider is busy; nothing was charged",
            )
            .retry_after(retry_after_secs),
            PaymentError::InsufficientDeposit { balance } => {
                ApiError::new(ErrorCode::InsufficientDeposit, format!("the deposit holds only {balance}"))
            }
            PaymentError::InvalidSenderName => ApiError::field(
                ErrorCode::ValidationFailed,
                "sender_kana",
                "write the sender's name in katakana as the bank prints it",
            ),
            PaymentError::AlreadySettled => {
                ApiError::new(ErrorCode::TransferSettled, ErrorCode::TransferSettled.message())
            }
            PaymentError::Webhook(e) => ApiError::new(ErrorCode::WebhookRejected, e.to_string()),
            e @ (PaymentError::Amount(_) | PaymentError::Payable(_) | PaymentError::Corrupt(_)) => {
                ApiError::internal(e)
            }
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
                ApiError::field(ErrorCode::NotReservable, "variant_id", "this item cannot be reserved for pickup")
            }
            E::VisitDateOutOfWindow { earliest, latest } => ApiError::field(
                ErrorCode::VisitDateOutOfWindow,
                "visit_date",
                format!("must be from {earliest} to {latest}"),
            ),
            E::ShopClosed(date) => {
                ApiError::field(ErrorCode::ShopClosed, "visit_date", format!("the shop is closed on {date}"))
            }
            E::InsufficientStock { available } => {
                ApiError::new(ErrorCode::InsufficientStock, format!("not enough stock: {available} available"))
            }
            E::InvalidTransition { from, to } => {
                ApiError::new(ErrorCode::InvalidTransition, transition_message("reservation", from, to))
            }
            E::NotPaid => ApiError::new(ErrorCode::NotPaid, "this prepaid reservation has not been paid online yet"),
            E::InStorePaymentRequired => ApiError::field(
                ErrorCode::InStorePaymentRequired,
                "paid_in_store",
                "record the payment taken at the counter to hand this over",
            ),
            E::PaymentInProgress => ApiError::new(
                ErrorCode::PaymentInProgress,
                "a payment of this reservation is being processed; try again in a moment",
            ),
            E::BadCursor => ApiError::field(ErrorCode::ValidationFailed, "cursor", "is not a cursor this list issued"),
            E::InvalidQuantity => ApiError::field(ErrorCode::ValidationFailed, "quantity", "must be at least 1"),
            E::Payment(e) => e.into(),
            E::Account(e) => e.into(),
            E::Catalog(e) => e.into(),
            e @ E::Amount(_) => ApiError::internal(e),
            E::Messaging(e) => e.into(),
            E::Db(e) => e.into(),
        }
    }
}

/// "this order is awaiting payment and cannot be shipped now": what a person reads when an action does
/// not fit the state (the codes of the states stay in the response body's resource).
fn transition_message(kind: &str, from: &str, to: &str) -> String {
    let action = match to {
        "awaiting_payment" => "stock-checked",
        "held" => "confirmed",
        "unavailable" => "rejected",
        "completed" => "handed over",
        other => other,
    };
    let state = from.replace('_', " ");
    format!("this {kind} is {state} and cannot be {} now", action.replace('_', " "))
}

impl From<kaimono_messaging::MessagingError> for ApiError {
    fn from(e: kaimono_messaging::MessagingError) -> Self {
        match e {
            kaimono_messaging::MessagingError::Db(e) => e.into(),
            kaimono_messaging::MessagingError::Storage(e) => e.into(),
            e @ kaimono_messaging::MessagingError::TooManyAttachments { .. } => {
                ApiError::field(ErrorCode::TooManyAttachments, "file", e.to_string())
            }
            e @ kaimono_messaging::MessagingError::UnsupportedAttachment { .. } => {
                ApiError::field(ErrorCode::UnsupportedAttachment, "file", e.to_string())
            }
            e @ kaimono_messaging::MessagingError::AttachmentTooLarge { .. } => {
                ApiError::field(ErrorCode::AttachmentTooLarge, "file", e.to_string())
            }
            kaimono_messaging::MessagingError::AttachmentNotFound => ApiError::not_found("file"),
            kaimono_messaging::MessagingError::NotEditable => ApiError::not_found("mail template"),
            kaimono_messaging::MessagingError::InvalidTemplate(problems) => ApiError::validation(
                problems.into_iter().map(|(field, messages)| (field.to_owned(), messages)).collect(),
            ),
            kaimono_messaging::MessagingError::MessagesClosed { days } => ApiError::new(
                ErrorCode::MessagesClosed,
                format!("this order ended more than {days} days ago and takes no more messages"),
            ),
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
        UnsupportedMediaType = 415, "The body is not of a type this operation takes.";
        StorageDown = 503, "File storage could not be reached; nothing was changed. Try again shortly.";
        ServerError = 500, "Unexpected failure; the body is opaque and the cause is logged.";
    }
}
