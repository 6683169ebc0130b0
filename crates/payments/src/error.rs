use crate::ports::ProviderError;

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("payment request not found")]
    NotFound,
    #[error("card not found")]
    CardNotFound,
    #[error("the card expired")]
    CardExpired,
    #[error("this payment request has been paid")]
    AlreadyPaid,
    #[error("this payment request has expired")]
    Expired,
    #[error("this payment request was cancelled")]
    Cancelled,
    #[error("a payment of this request is in progress")]
    InProgress,
    #[error("nothing was paid that could be {0}")]
    NothingToSettle(&'static str),
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}
