//! The HTTP layer of kaimono: configuration, the actix application, authentication, errors, DTOs,
//! routes and the OpenAPI document. Handlers are thin: they parse and authorize, call one domain
//! service, and map the result to a response DTO. No business rule lives here.

pub mod app;
pub mod auth;
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
