//! Account types and their pure rules.

use chrono::{DateTime, Duration, Utc};
use kaimono_core::{AccountId, AddressId, Locale, ShopId};

/// How long a sign-up link is valid (ACC-01).
pub const SIGNUP_LINK_TTL: Duration = Duration::hours(24);
/// How long a password-reset link is valid (ACC-03).
pub const RESET_LINK_TTL: Duration = Duration::hours(1);
/// How long a refresh token (and so a session without activity) lives.
pub const REFRESH_TOKEN_TTL: Duration = Duration::days(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Member,
    Staff,
    Operator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Staff => "staff",
            Role::Operator => "operator",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        match value {
            "member" => Some(Role::Member),
            "staff" => Some(Role::Staff),
            "operator" => Some(Role::Operator),
            _ => None,
        }
    }
}

/// A staff member's role in one shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShopRole {
    Owner,
    Staff,
}

impl ShopRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ShopRole::Owner => "owner",
            ShopRole::Staff => "staff",
        }
    }

    pub fn parse(value: &str) -> Option<ShopRole> {
        match value {
            "owner" => Some(ShopRole::Owner),
            "staff" => Some(ShopRole::Staff),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub email: String,
    pub role: Role,
    pub name: String,
    pub name_kana: String,
    pub phone: String,
    pub locale: Locale,
    pub created_at: DateTime<Utc>,
    /// Carried by access tokens; bumped by a password reset, which refuses every token issued before it.
    pub token_version: i32,
}

/// What completing a sign-up, or an operator creating staff, records about a person.
#[derive(Debug, Clone)]
pub struct PersonDetails {
    pub name: String,
    pub name_kana: String,
    /// Digits only (see `kaimono_core::japan::normalize_phone`).
    pub phone: String,
}

#[derive(Debug, Clone, Default)]
pub struct ProfileChanges {
    pub name: Option<String>,
    pub name_kana: Option<String>,
    pub phone: Option<String>,
    pub locale: Option<Locale>,
}

/// A shop a staff member is bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShopMembership {
    pub shop_id: ShopId,
    pub role: ShopRole,
}

/// A delivery address in Japanese format (ACC-05).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub id: AddressId,
    pub postal_code: String,
    pub prefecture: i16,
    pub city: String,
    pub street: String,
    pub building: Option<String>,
    pub recipient_name: String,
    pub recipient_kana: String,
    pub phone: String,
    pub is_default: bool,
}

impl Address {
    /// The address as an order or a subscription keeps it (a snapshot).
    pub fn ship_to(&self) -> kaimono_core::ShippingAddress {
        kaimono_core::ShippingAddress {
            postal_code: self.postal_code.clone(),
            prefecture: self.prefecture,
            city: self.city.clone(),
            street: self.street.clone(),
            building: self.building.clone(),
            recipient_name: self.recipient_name.clone(),
            recipient_kana: self.recipient_kana.clone(),
            phone: self.phone.clone(),
        }
    }
}

/// A new or replacement address, already validated and normalized by the caller.
#[derive(Debug, Clone)]
pub struct AddressInput {
    pub postal_code: String,
    pub prefecture: i16,
    pub city: String,
    pub street: String,
    pub building: Option<String>,
    pub recipient_name: String,
    pub recipient_kana: String,
    pub phone: String,
    pub is_default: bool,
}

/// A fresh session: the refresh token to hand to the client once, and who it belongs to.
#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    pub refresh_token: String,
    pub refresh_expires_at: DateTime<Utc>,
}

/// Normalizes an email for lookups: trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}
