#![allow(clippy::unwrap_used, clippy::expect_used)]

mod addresses;
mod auth;
mod cart;
mod conventions;
mod orders;
mod outbox;
mod products;
mod profile;
mod shops;
mod stock;
