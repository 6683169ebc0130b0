#![allow(clippy::unwrap_used, clippy::expect_used)]

mod addresses;
mod auth;
mod conventions;
mod outbox;
mod products;
mod profile;
mod shops;
mod stock;
