//! Delivery orders (配送購入): the member's server-side cart (CART-01), checkout that places unpaid orders
//! and holds their stock in one transaction (CART-02), and the member's order list (ORD-04).
//!
//! Stock is held by decrementing `stock.quantity` with conditional UPDATEs in ascending variant order, so
//! concurrent checkouts cannot oversell and cannot deadlock; a line's status records that it holds stock.
//! The caller passes a transaction: an order never exists without its held stock, nor the reverse.

mod cart;
mod checkout;
mod error;
mod fulfilment;
mod messages;
mod model;
mod queries;
mod settle;
mod shop;
mod subscription;

pub use cart::{add_to_cart, remove_from_cart, set_cart_quantity, view_cart};
pub use checkout::place_orders;
pub use error::OrderError;
pub use fulfilment::{Parcel, cancel_order, ship_order};
pub use kaimono_timeline::By;
pub use messages::{order_attachment, order_messages, send_order_message};
pub use model::*;
pub use queries::{Actor, list_member_orders, order_for, order_timeline};
pub use settle::OrderPayments;
pub use shop::{ShopOrderFilter, check_stock, count_shop_orders, list_shop_orders};
pub use subscription::{
    PlacedOrder, SubscriptionLine, SubscriptionOrder, place_generated_orders, place_subscription_order,
};
