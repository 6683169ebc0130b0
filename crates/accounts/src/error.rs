#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("the link is invalid or has already been used")]
    LinkInvalid,
    #[error("the link has expired")]
    LinkExpired,
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error("the email or password is wrong")]
    InvalidCredentials,
    #[error("too many failed logins; try again in {retry_after_secs} s")]
    Throttled { retry_after_secs: u64 },
    #[error("too many link requests; try again in {retry_after_secs} s")]
    TooManyLinkRequests { retry_after_secs: u64 },
    #[error("the session is invalid, expired or revoked")]
    SessionInvalid,
    #[error("not found")]
    NotFound,
    /// ACC-07: the balance holds fewer points than asked for.
    #[error("only {balance} points are available")]
    InsufficientPoints { balance: i64 },
    #[error("this person is already on the shop's staff")]
    AlreadyStaff,
    #[error("a shop keeps at least one owner")]
    LastOwner,
    #[error("only a mall operator invites or removes a shop's owner")]
    OwnerChangesNeedOperator,
    #[error("a new account needs a password, a name and its reading")]
    AccountDetailsRequired,
    /// Another domain's lookup failed.
    #[error("lookup failed: {0}")]
    Lookup(String),
    #[error("password hashing failed: {0}")]
    Hashing(String),
    #[error(transparent)]
    Money(#[from] kaimono_core::MoneyError),
    #[error(transparent)]
    Messaging(#[from] kaimono_messaging::MessagingError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}
