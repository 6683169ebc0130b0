use kaimono_core::Money;

#[derive(Debug, thiserror::Error)]
pub enum ProxyError {
    #[error("proxy order not found")]
    NotFound,
    #[error("this shop does not take proxy-buying requests")]
    NotAProxyShop,
    #[error("the order has no item {item}")]
    UnknownItem { item: uuid::Uuid },
    #[error("the delivery address was not found")]
    AddressNotFound,
    #[error("cannot go from {from} to {to}")]
    InvalidTransition { from: &'static str, to: &'static str },
    /// PRX-04, PRX-05: only items not yet paid can change.
    #[error("this item can no longer change ({status})")]
    ItemLocked { status: &'static str },
    /// PRX-01: every item of the request must be priced in the quote.
    #[error("the quote must price every item still in the order")]
    IncompleteQuote,
    /// PRX-05: the member asked something of the seller; staff answer first.
    #[error("the member's question about this item has not been answered")]
    QuestionOpen,
    #[error("this item has no question waiting for an answer")]
    NoQuestion,
    /// PAY-06: the deposit is empty.
    #[error("the deposit holds nothing to pay with")]
    NoDeposit,
    /// PAY-05: nothing of this stage is waiting for payment.
    #[error("no invoice is waiting for payment")]
    NothingDue,
    #[error("the amount must be more than zero")]
    ZeroAmount { field: &'static str },
    #[error("the deposit holds only {balance}")]
    InsufficientDeposit { balance: Money },
    #[error(transparent)]
    Payment(kaimono_payments::PaymentError),
    #[error(transparent)]
    Catalog(#[from] kaimono_catalog::CatalogError),
    #[error(transparent)]
    Account(#[from] kaimono_accounts::AccountError),
    /// PRX-08: weigh only when every item is inspected.
    #[error("every item must be inspected before the parcel is weighed")]
    NotInspected,
    #[error("the parcel is too heavy for {method}")]
    ParcelTooHeavy { method: &'static str },
    /// PRX-08: the member disputes the weight; the 2nd invoice waits for staff.
    #[error("the weight is being checked again; the 2nd invoice waits until then")]
    WeightDisputed,
    /// PRX-06: an item has at most this many inspection photos.
    #[error("an item has at most {max} photos")]
    TooManyPhotos { max: usize },
    /// PRX-06: photos are taken once the item is at the warehouse.
    #[error("photos are taken once the item has arrived ({status})")]
    NotAtWarehouse { status: &'static str },
    #[error("the photo is not a JPEG, PNG, GIF or WEBP picture, or larger than 10 MB: {0}")]
    Photo(#[from] kaimono_media::ImageError),
    #[error("no such photo")]
    PhotoNotFound,
    #[error(transparent)]
    Storage(#[from] kaimono_media::StorageError),
    /// PAY-05: the bank statement cannot be read.
    #[error(transparent)]
    Statement(#[from] kaimono_payments::StatementError),
    #[error("corrupt proxy order data: {0}")]
    Corrupt(String),
    #[error("impossible amount: {0}")]
    Amount(#[from] kaimono_core::MoneyError),
    #[error(transparent)]
    Messaging(#[from] kaimono_messaging::MessagingError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl From<kaimono_payments::PaymentError> for ProxyError {
    fn from(e: kaimono_payments::PaymentError) -> Self {
        match e {
            kaimono_payments::PaymentError::Db(e) => ProxyError::Db(e),
            kaimono_payments::PaymentError::InsufficientDeposit { balance } => {
                ProxyError::InsufficientDeposit { balance }
            }
            e => ProxyError::Payment(e),
        }
    }
}
