//! The HTTP layer of kaimono: configuration, the actix application, authentication, errors, DTOs,
//! routes and the OpenAPI document. Handlers are thin: they parse and authorize, call one domain
//! service, and map the result to a response DTO. No business rule lives here; `payment_flow` only
//! sequences provider calls with the payments crate and the order or reservation they settle.

pub mod app;
pub mod auth;
pub mod cache;
pub mod config;
pub mod database;
pub mod dto;
pub mod error;
pub mod extract;
pub mod idempotency;
pub mod jobs;
pub mod middleware;
pub mod openapi;
pub mod routes;
pub mod seed;
pub mod server;
pub mod state;
pub mod upload;
