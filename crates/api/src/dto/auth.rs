//! Wire types of `/auth` routes (and of others that show the same resources).

use crate::dto::me::AccountResponse;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// Tokens for a new or refreshed session.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Short-lived JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Single-use token for `POST /auth/refresh`; each refresh returns a new one. Absent when the
    /// session lives in the `kaimono_refresh` cookie (`use_cookie: true`, for browsers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// When the refresh token expires.
    pub refresh_expires_at: DateTime<Utc>,
    /// The signed-in account.
    pub account: AccountResponse,
}

/// The same answer whether or not the email is registered.
#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptedResponse {
    /// What happens next.
    pub message: String,
}
