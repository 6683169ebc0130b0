//! What every handler can reach: the database, the clock, the configuration, the token keys and settlement.

use crate::config::Config;
use jsonwebtoken::{DecodingKey, EncodingKey};
use kaimono_core::SharedClock;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub clock: SharedClock,
    pub config: Arc<Config>,
    pub keys: Arc<Keys>,
    pub throttle: kaimono_accounts::LoginThrottle,
    /// The payment provider and what it settles for.
    pub settlement: kaimono_payments::Settlement,
    /// PAY-07: the hosted card page and what its money pays.
    pub checkout: kaimono_payments::Checkout,
    /// Uploaded files: product images.
    pub storage: kaimono_media::Storage,
    /// Public catalog answers, kept for at most a second.
    pub catalog_cache: Arc<crate::cache::PublicCache>,
}

pub struct Keys {
    pub encoding: EncodingKey,
    pub decoding: DecodingKey,
}

impl Keys {
    pub fn from_secret(secret: &str) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
        }
    }
}
