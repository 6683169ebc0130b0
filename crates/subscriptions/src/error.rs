use kaimono_core::VariantId;

/// What can go wrong with subscriptions, in domain terms (the API maps each to a status and a code).
#[derive(Debug, thiserror::Error)]
pub enum SubscriptionError {
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
    #[error("subscription not found")]
    NotFound,
    /// The shop does not sell on subscription (SUB-08).
    #[error("this shop does not offer subscriptions")]
    NotOffered,
    /// The shop stopped new sign-ups (SUB-08).
    #[error("this shop is not taking new subscriptions")]
    NotAccepting,
    /// Subscriptions are still running: the shop cannot switch them off (SUB-08).
    #[error("{active} subscriptions are still active")]
    StillActive { active: u64 },
    /// SUB-15: points pay part of the first order, never all of it.
    #[error("points must be fewer than the first order's total ({total})")]
    PointsExceedTotal { total: kaimono_core::Money },
    /// PAY-08: the payment method does not work with the delivery's carrier.
    #[error("this payment method does not work with the carrier")]
    MethodNotForCarrier,
    #[error("the subscription cart is empty")]
    EmptyCart,
    /// One subscription is with one shop.
    #[error("the subscription cart holds items of more than one shop")]
    SeveralShops,
    #[error("{product_name} is not offered on subscription")]
    NotSubscribable { variant: VariantId, product_name: String },
    #[error("at most {max} of one item")]
    QuantityTooLarge { max: i32 },
    /// The cycle is not one the shop allows (SUB-02).
    #[error("the shop does not allow this delivery cycle")]
    CycleNotAllowed,
    #[error("every {min}–{max} days")]
    IntervalOutOfRange { min: u32, max: u32 },
    #[error("the shop does not take this payment method for subscriptions")]
    PaymentMethodNotOffered,
    /// Paying by card needs one of the member's saved cards.
    #[error("choose one of your saved cards")]
    CardRequired,
    /// PAY-01: an active subscription pays with this card.
    #[error("an active subscription pays with this card; change its card first")]
    CardInUse,
    #[error("the delivery address was not found")]
    AddressNotFound,
    /// The shop's settings do not let members change this on My Page (SUB-10).
    #[error("the shop does not let members change {what}")]
    ChangeNotAllowed { what: &'static str },
    /// Ended subscriptions never restart; skips only before generation (SUB-05, SUB-06).
    #[error("cannot {action} a subscription that is {status}")]
    InvalidState { status: &'static str, action: &'static str },
    /// PAY-08: the shop's own methods, as a whole.
    #[error("invalid payment methods: {0}")]
    InvalidCustomMethod(&'static str),
    #[error("invalid numbering rule: {0}")]
    InvalidNumberRule(&'static str),
    #[error("the first delivery date must be between {earliest} and {latest}")]
    FirstDeliveryOutOfRange { earliest: chrono::NaiveDate, latest: chrono::NaiveDate },
    #[error(transparent)]
    Order(#[from] kaimono_orders::OrderError),
    #[error(transparent)]
    Catalog(#[from] kaimono_catalog::CatalogError),
    #[error(transparent)]
    Account(#[from] kaimono_accounts::AccountError),
    #[error(transparent)]
    Payment(#[from] kaimono_payments::PaymentError),
    #[error(transparent)]
    Messaging(#[from] kaimono_messaging::MessagingError),
    #[error(transparent)]
    Money(#[from] kaimono_core::MoneyError),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}
