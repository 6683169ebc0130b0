#![allow(clippy::unwrap_used, clippy::expect_used)]

mod addresses;
mod auth;
mod cart;
mod contract;
mod conventions;
mod crash;
mod orders;
mod outbox;
mod payments;
mod products;
mod profile;
mod reliability;
mod reservations;
mod security;
mod shops;
mod stock;
