//! Subscriptions (定期購入, seed 002): the shop's settings and numbering (SUB-08, SUB-09), the separate
//! subscription cart and checkout (CART-01, SUB-01, SUB-02), order generation before each delivery,
//! exactly once (SUB-04, SUB-13), skips and ends (SUB-05, SUB-06), the shop's edits and the member's
//! My Page changes (SUB-07, SUB-10).
//!
//! Orders are written by the orders crate ([`kaimono_orders::place_subscription_order`]); this crate
//! decides what goes in them and when. It never touches the shelf for a generated order.

mod authorize;
mod card_expiry;
mod cart;
mod checkout;
mod error;
mod generate;
mod manage;
mod model;
mod preflight;
mod queries;
mod settings;
mod store;

pub use authorize::authorize_queued;
pub use card_expiry::{CardExpiry, NOTICE_EVERY_DAYS, expiring_cards, send_card_notices, send_due_card_notices};
pub use cart::{
    MAX_QUANTITY, SubscriptionCart, SubscriptionCartLine, add_to_subscription_cart, set_subscription_cart_quantity,
    subscription_cart,
};
pub use checkout::{NewSubscription, PlacedSubscription, SubscriptionReview, place_subscription, review_subscription};
pub use error::SubscriptionError;
pub use generate::{GenerationRun, generate_due};
pub use manage::{
    ConsentedPrice, ItemChange, MemberChanges, SubscriptionChanges, change_my_subscription, consent_to_prices,
    delete_card, end_subscription, skip_next_delivery, update_subscription,
};
pub use model::*;
pub use preflight::{MAX_PREFLIGHT_DAYS, PreflightIssue, preflight};
pub use queries::{
    DeliveryStatus, GenerationDay, GenerationEntry, PriceConsent, ScheduledDelivery, SubscriptionDetail,
    SubscriptionFilter, UPCOMING, Viewer, delivery_schedule, generation_day, member_subscriptions, shop_subscriptions,
    subscription_detail, subscription_for,
};
pub use settings::{
    CustomMethod, MAX_LEAD_DAYS, SubscriptionSettings, count_active, settings_with_count, subscription_settings,
    update_subscription_settings,
};
pub use store::{Subscription, SubscriptionItem, SubscriptionStatus};
