//! The one table of error codes: each code with its HTTP status and its default English message. The
//! spec lists them (`ErrorCode`), and the SPA's translations are typed by that list, so a code without
//! Japanese (or English) text fails the SPA's type check.

use actix_web::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

macro_rules! error_codes {
    ($($variant:ident = $code:literal, $status:ident, $message:literal;)*) => {
        /// A stable, machine-readable code for what went wrong. Clients translate it; `detail` says more
        /// in English.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $(#[doc = $message] $variant,)*
        }

        impl ErrorCode {
            /// Every code, in table order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)* }
            }

            /// The status every response with this code has.
            pub fn status(self) -> StatusCode {
                match self { $(ErrorCode::$variant => StatusCode::$status,)* }
            }

            /// What it means, in English (the default `detail`).
            pub fn message(self) -> &'static str {
                match self { $(ErrorCode::$variant => $message,)* }
            }
        }
    };
}

error_codes! {
    // The request itself
    MalformedJson = "malformed_json", BAD_REQUEST, "The body is not valid JSON.";
    UnreadableBody = "unreadable_body", BAD_REQUEST, "The body could not be read.";
    RequestTimeout = "request_timeout", REQUEST_TIMEOUT, "The request body did not arrive in time.";
    BodyTooLarge = "body_too_large", PAYLOAD_TOO_LARGE, "The body is too large.";
    UnsupportedMediaType = "unsupported_media_type", UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.";
    ValidationFailed = "validation_failed", UNPROCESSABLE_ENTITY, "The request has invalid fields.";
    IdempotencyKeyRequired = "idempotency_key_required", UNPROCESSABLE_ENTITY, "This request needs an Idempotency-Key header.";
    IdempotencyKeyReused = "idempotency_key_reused", UNPROCESSABLE_ENTITY, "This Idempotency-Key was used for a different request.";
    RequestInProgress = "request_in_progress", CONFLICT, "A request with this Idempotency-Key is still being processed.";
    // Who is asking
    Unauthenticated = "unauthenticated", UNAUTHORIZED, "Sign in to do this.";
    InvalidToken = "invalid_token", UNAUTHORIZED, "The access token is not valid.";
    TokenExpired = "token_expired", UNAUTHORIZED, "The access token has expired; refresh it.";
    InvalidCredentials = "invalid_credentials", UNAUTHORIZED, "The email or password is wrong.";
    SessionInvalid = "session_invalid", UNAUTHORIZED, "The session is invalid, expired or revoked.";
    Forbidden = "forbidden", FORBIDDEN, "You may not do this.";
    TooManyAttempts = "too_many_attempts", TOO_MANY_REQUESTS, "Too many failed logins; wait and try again.";
    TooManyRequests = "too_many_requests", TOO_MANY_REQUESTS, "Too many requests; wait and try again.";
    // Accounts
    LinkInvalid = "link_invalid", UNPROCESSABLE_ENTITY, "This link is invalid or has already been used.";
    LinkExpired = "link_expired", UNPROCESSABLE_ENTITY, "This link has expired; request a new one.";
    EmailTaken = "email_taken", CONFLICT, "An account with this email already exists.";
    AlreadyStaff = "already_staff", CONFLICT, "This person is already on the shop's staff.";
    LastOwner = "last_owner", CONFLICT, "A shop keeps at least one owner.";
    // Resources and their states
    NotFound = "not_found", NOT_FOUND, "Not found.";
    InvalidTransition = "invalid_transition", CONFLICT, "This cannot be done in the current state.";
    // Catalog and stock
    SkuTaken = "sku_taken", CONFLICT, "The SKU is already in use.";
    SlugTaken = "slug_taken", CONFLICT, "Another shop already uses this URL name.";
    VariantExists = "variant_exists", CONFLICT, "The product already has a variant of this color and size.";
    InsufficientStock = "insufficient_stock", CONFLICT, "There is not enough stock.";
    StockLimit = "stock_limit", UNPROCESSABLE_ENTITY, "A shop cannot hold that many units of a variant.";
    NoBusinessDay = "no_business_day", CONFLICT, "The shop has no business day in reach.";
    UnsupportedImage = "unsupported_image", UNPROCESSABLE_ENTITY, "Upload a JPEG, PNG or WEBP image.";
    ImageTooLarge = "image_too_large", UNPROCESSABLE_ENTITY, "The image is larger than 10 MB.";
    TooManyImages = "too_many_images", CONFLICT, "The product already has as many images as it may.";
    // Cart and orders
    NotPurchasable = "not_purchasable", UNPROCESSABLE_ENTITY, "This item is not on sale for delivery.";
    CartEmpty = "cart_empty", CONFLICT, "The cart is empty.";
    DeliveryDateOutOfWindow = "delivery_date_out_of_window", UNPROCESSABLE_ENTITY, "The shop cannot deliver on that date.";
    TimeSlotUnavailable = "time_slot_unavailable", UNPROCESSABLE_ENTITY, "The carrier does not deliver in that time slot.";
    // Reservations
    NotReservable = "not_reservable", UNPROCESSABLE_ENTITY, "This item cannot be reserved for pickup.";
    VisitDateOutOfWindow = "visit_date_out_of_window", UNPROCESSABLE_ENTITY, "The shop does not take visits on that date.";
    ShopClosed = "shop_closed", UNPROCESSABLE_ENTITY, "The shop is closed on that date.";
    InStorePaymentRequired = "in_store_payment_required", UNPROCESSABLE_ENTITY, "Record the payment taken at the counter to hand this over.";
    // Payments
    NotPaid = "not_paid", CONFLICT, "Nothing has been paid yet.";
    AlreadyPaid = "already_paid", CONFLICT, "This has already been paid.";
    PaymentInProgress = "payment_in_progress", CONFLICT, "A payment is being processed; try again in a moment.";
    PaymentRequestExpired = "payment_request_expired", GONE, "This payment link has expired.";
    PaymentRequestCancelled = "payment_request_cancelled", CONFLICT, "What this payment link was for was cancelled.";
    CardDeclined = "card_declined", PAYMENT_REQUIRED, "The card was declined; try another card.";
    ExpiredCard = "expired_card", PAYMENT_REQUIRED, "The card issuer says the card has expired.";
    InsufficientFunds = "insufficient_funds", PAYMENT_REQUIRED, "The card's limit is not enough for this amount.";
    CardExpired = "card_expired", UNPROCESSABLE_ENTITY, "This card has expired.";
    CardRejected = "card_rejected", UNPROCESSABLE_ENTITY, "The payment provider refused this card.";
    PaymentProviderUnavailable = "payment_provider_unavailable", SERVICE_UNAVAILABLE, "The payment provider could not be reached; nothing was charged.";
    // Proxy-buying and the deposit
    ItemLocked = "item_locked", CONFLICT, "This item can no longer be changed.";
    IncompleteQuote = "incomplete_quote", UNPROCESSABLE_ENTITY, "Price every item still in the order.";
    QuestionOpen = "question_open", CONFLICT, "The member's question about this item has not been answered yet.";
    NothingDue = "nothing_due", CONFLICT, "No invoice is waiting for payment.";
    DepositEmpty = "deposit_empty", CONFLICT, "The deposit holds nothing to pay with.";
    InsufficientDeposit = "insufficient_deposit", CONFLICT, "The deposit does not hold that much.";
    ItemsNotInspected = "items_not_inspected", CONFLICT, "Every item must be inspected before the parcel is weighed.";
    ParcelTooHeavy = "parcel_too_heavy", UNPROCESSABLE_ENTITY, "The parcel is too heavy for this shipping method.";
    MessagesClosed = "messages_closed", CONFLICT, "Messages are closed 30 days after an order ends.";
    UnsupportedAttachment = "unsupported_attachment", UNPROCESSABLE_ENTITY, "Attach JPG, PNG, GIF, WEBP or PDF files only.";
    AttachmentTooLarge = "attachment_too_large", UNPROCESSABLE_ENTITY, "Each file may be at most 10 MB.";
    TooManyAttachments = "too_many_attachments", UNPROCESSABLE_ENTITY, "A message takes at most 3 files.";
    TooManyPhotos = "too_many_photos", CONFLICT, "The item already has as many photos as it may.";
    WebhookRejected = "webhook_rejected", BAD_REQUEST, "The webhook is not signed by the payment provider, or its signature is too old.";
    UnreadableStatement = "unreadable_statement", UNPROCESSABLE_ENTITY, "The bank statement could not be read (a Zengin file or a CSV with date, amount and sender columns).";
    WeightDisputed = "weight_disputed", CONFLICT, "The parcel's weight is being checked again; the 2nd invoice waits until then.";
    TransferSettled = "transfer_settled", CONFLICT, "This transfer report has already been confirmed or rejected.";
    // Subscriptions
    SubscriptionsNotOffered = "subscriptions_not_offered", CONFLICT, "This shop does not offer subscriptions.";
    SubscriptionsNotAccepting = "subscriptions_not_accepting", CONFLICT, "This shop is not taking new subscriptions.";
    SubscriptionsActive = "subscriptions_active", CONFLICT, "Subscriptions are still running; end them before switching subscriptions off.";
    NotSubscribable = "not_subscribable", UNPROCESSABLE_ENTITY, "This item is not offered on subscription.";
    SubscriptionCartOtherShop = "subscription_cart_other_shop", CONFLICT, "A subscription is with one shop; the subscription cart holds another shop's items.";
    CycleNotAllowed = "cycle_not_allowed", UNPROCESSABLE_ENTITY, "The shop does not offer this delivery cycle.";
    PaymentMethodNotOffered = "payment_method_not_offered", UNPROCESSABLE_ENTITY, "The shop does not take this payment method for subscriptions.";
    InsufficientPoints = "insufficient_points", CONFLICT, "You do not have that many points.";
    CardInUse = "card_in_use", CONFLICT, "An active subscription pays with this card; change its card first.";
    ChangeNotAllowed = "change_not_allowed", FORBIDDEN, "The shop does not let members change this.";
    // The service
    DatabaseUnavailable = "database_unavailable", SERVICE_UNAVAILABLE, "The service cannot reach its database right now; try again shortly.";
    StorageUnavailable = "storage_unavailable", SERVICE_UNAVAILABLE, "File storage cannot be reached right now; try again shortly.";
    InternalError = "internal_error", INTERNAL_SERVER_ERROR, "Something went wrong on our side.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_their_table_names_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), serde_json::json!(code.as_str()));
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
            assert!(code.status().is_client_error() || code.status().is_server_error());
        }
    }
}
