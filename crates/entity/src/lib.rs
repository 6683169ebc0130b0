//! Every sea-orm entity of kaimono, in one crate so cross-domain relations don't make crate cycles.
//! Entities never leave a domain crate's public API: domain crates map them to their own model types.
//! Money columns hold whole yen as `i64`; enumerations are stored as their snake_case names.

pub mod account;
pub mod address;
pub mod card_refund;
pub mod cart_item;
pub mod checkout_session;
pub mod deposit_account;
pub mod deposit_entry;
pub mod email_token;
pub mod idempotency_key;
pub mod job_lease;
pub mod link_request;
pub mod login_attempt;
pub mod mail_template;
pub mod member_purchase;
pub mod message_attachment;
pub mod order;
pub mod order_line;
pub mod order_message;
pub mod outbox_email;
pub mod payment_attempt;
pub mod payment_card;
pub mod payment_customer;
pub mod payment_request;
pub mod point_balance;
pub mod point_entry;
pub mod product;
pub mod product_image;
pub mod proxy_invoice;
pub mod proxy_item;
pub mod proxy_item_photo;
pub mod proxy_local_charge;
pub mod proxy_order;
pub mod proxy_parcel_photo;
pub mod proxy_setting;
pub mod rate_limit;
pub mod reservation;
pub mod session;
pub mod shipping_method;
pub mod shop;
pub mod shop_calendar_date;
pub mod staff_invitation;
pub mod staff_shop;
pub mod stock;
pub mod subscription;
pub mod subscription_cart_item;
pub mod subscription_delivery;
pub mod subscription_item;
pub mod subscription_setting;
pub mod timeline_event;
pub mod transfer_report;
pub mod variant;
pub mod webhook_event;
mod write;

pub use write::begin_write;
