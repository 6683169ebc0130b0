use crate::ports::ProviderError;

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("payment request not found")]
    NotFound,
    #[error("card not found")]
    CardNotFound,
    #[error("the card expired")]
    CardExpired,
    /// The card chosen to pay with is not one of the member's saved cards.
    #[error("this is not one of your saved cards")]
    UnknownCard,
    /// The card chosen to pay with has expired.
    #[error("this card has expired; register another card")]
    ChosenCardExpired,
    #[error("this payment request has been paid")]
    AlreadyPaid,
    #[error("this payment request has expired")]
    Expired,
    #[error("this payment request was cancelled")]
    Cancelled,
    #[error("a payment of this request is in progress")]
    InProgress,
    /// PAY-06: the deposit holds less than the amount to take.
    #[error("the deposit holds only {balance}")]
    InsufficientDeposit { balance: kaimono_core::Money },
    /// PAY-05: the sender's name is not as banks print it (katakana, capitals, digits).
    #[error("the sender's name must be in katakana as the bank prints it")]
    InvalidSenderName,
    /// PAY-05: the transfer report was already confirmed or rejected.
    #[error("this transfer report has already been settled")]
    AlreadySettled,
    #[error("nothing was paid that could be {0}")]
    NothingToSettle(&'static str),
    #[error(transparent)]
    Provider(#[from] ProviderError),
    /// An amount that cannot be charged (fractional or out of range): a bug, never charged as ¥0.
    #[error("impossible amount: {0}")]
    Amount(#[from] kaimono_core::MoneyError),
    /// The payable refused the outcome of a settlement.
    #[error("{0}")]
    Payable(Box<dyn std::error::Error + Send + Sync>),
    /// PAY-07: a webhook that is not believed (unsigned, forged, stale or unreadable).
    #[error(transparent)]
    Webhook(#[from] crate::checkout::WebhookError),
    #[error("corrupt payment data: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}
