#[derive(Debug, thiserror::Error)]
pub enum ReservationError {
    #[error("reservation not found")]
    NotFound,
    #[error("this item cannot be reserved")]
    NotReservable,
    #[error("the planned visit date must be a business day of the shop from {earliest} to {latest}")]
    VisitDateOutOfWindow { earliest: chrono::NaiveDate, latest: chrono::NaiveDate },
    #[error("the shop is closed on {0}")]
    ShopClosed(chrono::NaiveDate),
    #[error("not enough stock: {available} available")]
    InsufficientStock { available: i32 },
    #[error("cannot go from {from} to {to}")]
    InvalidTransition { from: &'static str, to: &'static str },
    #[error("this prepaid reservation has not been paid")]
    NotPaid,
    #[error("payment in store must be recorded to hand this over")]
    InStorePaymentRequired,
    #[error("a payment of this reservation is in progress")]
    PaymentInProgress,
    #[error("the cursor is not one this list issued")]
    BadCursor,
    #[error("a quantity must be a positive number")]
    InvalidQuantity,
    #[error(transparent)]
    Payment(kaimono_payments::PaymentError),
    #[error(transparent)]
    Account(kaimono_accounts::AccountError),
    #[error(transparent)]
    Catalog(kaimono_catalog::CatalogError),
    /// An amount no rule could produce: a bug, never stored as ¥0.
    #[error("impossible amount: {0}")]
    Amount(#[from] kaimono_core::MoneyError),
    #[error(transparent)]
    Messaging(#[from] kaimono_messaging::MessagingError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl From<kaimono_payments::PaymentError> for ReservationError {
    fn from(e: kaimono_payments::PaymentError) -> Self {
        match e {
            kaimono_payments::PaymentError::Db(e) => ReservationError::Db(e),
            kaimono_payments::PaymentError::InProgress => ReservationError::PaymentInProgress,
            e => ReservationError::Payment(e),
        }
    }
}

impl From<kaimono_catalog::CatalogError> for ReservationError {
    fn from(e: kaimono_catalog::CatalogError) -> Self {
        use kaimono_catalog::CatalogError;
        match e {
            CatalogError::InsufficientStock { available } => ReservationError::InsufficientStock { available },
            CatalogError::Db(e) => ReservationError::Db(e),
            CatalogError::VariantNotFound | CatalogError::ProductNotFound => ReservationError::NotReservable,
            e => ReservationError::Catalog(e),
        }
    }
}

impl From<kaimono_accounts::AccountError> for ReservationError {
    fn from(e: kaimono_accounts::AccountError) -> Self {
        match e {
            kaimono_accounts::AccountError::Db(e) => ReservationError::Db(e),
            e => ReservationError::Account(e),
        }
    }
}
