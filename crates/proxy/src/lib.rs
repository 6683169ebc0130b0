//! Proxy-buying orders (代行, PRX-01 to PRX-13), from the CNNECT source: a member asks a proxy-buying
//! service (a shop of the proxy kind) to buy items from other sellers; staff quote the goods, the
//! seller's shipping and the service fee (the 1st invoice); once paid — from the deposit first, the rest
//! by bank transfer — staff buy, receive and inspect the items; the parcel is weighed and the 2nd invoice
//! bills international shipping; then it ships and the member reports receipt.
//!
//! Money moves through `kaimono_payments` (the deposit ledger, transfer reports); this crate decides what
//! it pays. Every state change is one conditional UPDATE on the order's status, so two people or two
//! workers acting at once move an order once.

mod billing;
mod cancel;
mod error;
mod local;
mod messages;
mod model;
mod photos;
mod queries;
pub mod rates;
mod refund;
mod request;
mod settings;
mod shipping;
mod statement;
mod weight;
mod workflow;

pub use billing::{
    Amounts, DepositAdjustment, PaymentOptions, ProxyCardPayments, QueuedTransfer, adjust_deposit, confirm_transfer,
    deposit_of, fee_for, first_invoice_amounts, pay_with_deposit, payment_options, report_top_up, report_transfer,
    start_card_payment, surcharge_for, transfer_queue,
};
pub use cancel::{REMINDER_BEFORE_HOURS, cancel_proxy_order, cancel_unpaid_quotes, remind_unpaid_quotes};
pub use error::ProxyError;
pub use kaimono_timeline::By;
pub use local::{NewLocalCharge, add_local_charge};
pub use messages::{proxy_attachment, proxy_messages, send_proxy_message};
pub use model::*;
pub use photos::{MAX_PARCEL_PHOTOS, MAX_PHOTOS_PER_ITEM, add_item_photo, add_parcel_photo, item_photo};
pub use queries::{
    Actor, MemberList, ProxyQueues, member_proxy_orders, proxy_order_for, proxy_queues, shop_proxy_orders,
};
pub use refund::{cancel_paid_item, set_refund_to};
pub use request::{answer_question, ask_before_buying, cancel_item, change_quantity, mark_item, quote, submit_request};
pub use settings::{proxy_settings, update_proxy_settings};
pub use shipping::{
    AUTO_COMPLETE_DAYS, ArrivalReport, Receipt, arrival_reports, complete_shipped, report_receipt, ship, weigh,
};
pub use statement::{ImportedLine, import_bank_statement};
pub use weight::{dispute_weight, keep_weight};

/// PRX-03: an unpaid quote is cancelled this many days after it was sent.
pub const UNPAID_CANCEL_DAYS: i64 = 7;
/// PRX-01: items in one request.
pub const MAX_ITEMS: usize = 30;
/// PRX-01: units of one item.
pub const MAX_QUANTITY: u32 = 999;

/// The timeline of a proxy order, as `audience` may read it.
pub async fn proxy_order_timeline(
    db: &impl sea_orm::ConnectionTrait,
    actor: Actor,
    id: uuid::Uuid,
) -> Result<Vec<kaimono_timeline::Event>, ProxyError> {
    proxy_order_for(db, actor, id).await?;
    let audience = match actor {
        Actor::Member(_) => kaimono_timeline::Audience::Member,
        Actor::Shop(_) | Actor::System => kaimono_timeline::Audience::Staff,
    };
    Ok(kaimono_timeline::events(db, kaimono_timeline::Subject::ProxyOrder(id), audience).await?)
}
