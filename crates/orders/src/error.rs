use kaimono_core::VariantId;

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    #[error("order not found")]
    NotFound,
    #[error("this variant is not on sale for delivery")]
    NotPurchasable,
    #[error("the cart has no such item")]
    NotInCart,
    #[error("the cart is empty")]
    EmptyCart,
    #[error("the shops cannot deliver on the wished date")]
    DeliveryDateOutOfWindow { window: Option<kaimono_catalog::DeliveryWindow> },
    #[error("{shop} does not ship with this carrier")]
    CarrierNotOffered { shop: String },
    #[error("{shop}'s carrier does not deliver in this time slot")]
    TimeSlotUnavailable { shop: String },
    #[error("the delivery address was not found")]
    AddressNotFound,
    #[error("a cart line may hold at most {max} units")]
    QuantityTooLarge { max: i32 },
    #[error("not enough stock of {product_name} ({sku}): {available} available")]
    InsufficientStock { variant: VariantId, product_name: String, sku: String, available: i32 },
    #[error("the order has no line {line}")]
    UnknownLine { line: uuid::Uuid },
    #[error("cannot go from {from} to {to}")]
    InvalidTransition { from: &'static str, to: &'static str },
    #[error("a payment of this order is in progress")]
    PaymentInProgress,
    #[error(transparent)]
    Payment(kaimono_payments::PaymentError),
    #[error(transparent)]
    Catalog(kaimono_catalog::CatalogError),
    #[error(transparent)]
    Account(kaimono_accounts::AccountError),
    /// A stored value no rule could have written.
    #[error("corrupt order data: {0}")]
    Corrupt(String),
    /// An amount no rule could produce: a bug, never stored as ¥0.
    #[error("impossible amount: {0}")]
    Amount(#[from] kaimono_core::MoneyError),
    #[error(transparent)]
    Messaging(#[from] kaimono_messaging::MessagingError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl From<kaimono_payments::PaymentError> for OrderError {
    fn from(e: kaimono_payments::PaymentError) -> Self {
        match e {
            kaimono_payments::PaymentError::InProgress => OrderError::PaymentInProgress,
            kaimono_payments::PaymentError::Db(e) => OrderError::Db(e),
            e => OrderError::Payment(e),
        }
    }
}

impl From<kaimono_catalog::CatalogError> for OrderError {
    fn from(e: kaimono_catalog::CatalogError) -> Self {
        match e {
            kaimono_catalog::CatalogError::Db(e) => OrderError::Db(e),
            e => OrderError::Catalog(e),
        }
    }
}

impl From<kaimono_accounts::AccountError> for OrderError {
    fn from(e: kaimono_accounts::AccountError) -> Self {
        match e {
            kaimono_accounts::AccountError::Db(e) => OrderError::Db(e),
            e => OrderError::Account(e),
        }
    }
}
