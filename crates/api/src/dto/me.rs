//! Wire types of `/me` routes (and of others that show the same resources).

use crate::dto::{
    LocaleDto, display_postal_code, prefecture_name, validate_furigana, validate_not_blank, validate_phone,
    validate_postal_code,
};
use chrono::{DateTime, Utc};
use kaimono_accounts::{Account, Address, AddressInput, ShopMembership};
use kaimono_core::japan::{normalize_phone, normalize_postal_code};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A shop a staff account may act on.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShopMembershipResponse {
    /// A shop this account works at.
    pub shop_id: Uuid,
    /// `owner` or `staff`.
    pub role: String,
}

/// An account as its owner sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountResponse {
    /// The account's id.
    pub id: Uuid,
    /// The login email, where mail is sent.
    pub email: String,
    /// `member`, `staff` or `operator`.
    pub role: String,
    /// Full name (氏名).
    pub name: String,
    /// Furigana (フリガナ).
    pub name_kana: String,
    /// Digits only.
    pub phone: String,
    /// The language of the UI and of emails.
    pub locale: LocaleDto,
    /// For staff: the shops they may act on. Empty for members.
    pub shops: Vec<ShopMembershipResponse>,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
}

impl AccountResponse {
    /// The account with the shops it works at (`kaimono_accounts::shop_memberships`).
    pub fn new(account: Account, shops: Vec<ShopMembership>) -> Self {
        Self {
            id: account.id.0,
            email: account.email,
            role: account.role.as_str().to_owned(),
            name: account.name,
            name_kana: account.name_kana,
            phone: account.phone,
            locale: account.locale.into(),
            shops: shops
                .into_iter()
                .map(|m| ShopMembershipResponse { shop_id: m.shop_id.0, role: m.role.as_str().to_owned() })
                .collect(),
            created_at: account.created_at,
        }
    }
}

/// A delivery address in Japanese format.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddressRequest {
    /// 7 digits, with or without the hyphen (`150-0001`).
    #[validate(custom(function = validate_postal_code))]
    pub postal_code: String,
    /// Prefecture as its JIS code, 1 (北海道) to 47 (沖縄県).
    #[validate(range(min = 1, max = 47))]
    #[schema(minimum = 1, maximum = 47)]
    pub prefecture: i16,
    /// City, ward, town or village (市区町村).
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub city: String,
    /// Street and number (番地).
    #[validate(length(min = 1, max = 200), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 200)]
    pub street: String,
    /// Building and room (建物名・部屋番号), optional.
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub building: Option<String>,
    /// The recipient's name.
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub recipient_name: String,
    /// The recipient's furigana (katakana or hiragana).
    #[validate(length(max = 100), custom(function = validate_furigana))]
    #[schema(max_length = 100)]
    pub recipient_kana: String,
    /// Japanese phone number, hyphens allowed.
    #[validate(custom(function = validate_phone))]
    pub phone: String,
    /// Make this the default address. The default changes only by choosing another one.
    #[serde(default)]
    pub is_default: bool,
}

impl AddressRequest {
    /// The normalized domain input (validation has accepted every field).
    pub fn into_input(self) -> AddressInput {
        AddressInput {
            postal_code: normalize_postal_code(&self.postal_code).unwrap_or(self.postal_code),
            prefecture: self.prefecture,
            city: self.city.trim().to_owned(),
            street: self.street.trim().to_owned(),
            building: self.building.map(|b| b.trim().to_owned()).filter(|b| !b.is_empty()),
            recipient_name: self.recipient_name.trim().to_owned(),
            recipient_kana: self.recipient_kana.trim().to_owned(),
            phone: normalize_phone(&self.phone).unwrap_or(self.phone),
            is_default: self.is_default,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AddressResponse {
    /// The address's id (pass it as `address_id` at checkout).
    pub id: Uuid,
    /// 7 digits.
    pub postal_code: String,
    /// Formatted as `150-0001`.
    pub postal_code_display: String,
    /// JIS code, 1–47.
    pub prefecture: i16,
    /// The prefecture's name (東京都).
    pub prefecture_name: String,
    /// City, ward, town or village (市区町村).
    pub city: String,
    /// Block and number (番地).
    pub street: String,
    /// Building and room, if any.
    pub building: Option<String>,
    /// The recipient (宛名).
    pub recipient_name: String,
    /// The recipient's name in kana.
    pub recipient_kana: String,
    /// Digits only.
    pub phone: String,
    /// Chosen at checkout unless another is picked.
    pub is_default: bool,
}

impl From<Address> for AddressResponse {
    fn from(a: Address) -> Self {
        Self {
            id: a.id.0,
            postal_code_display: display_postal_code(&a.postal_code),
            postal_code: a.postal_code,
            prefecture_name: prefecture_name(a.prefecture),
            prefecture: a.prefecture,
            city: a.city,
            street: a.street,
            building: a.building,
            recipient_name: a.recipient_name,
            recipient_kana: a.recipient_kana,
            phone: a.phone,
            is_default: a.is_default,
        }
    }
}
