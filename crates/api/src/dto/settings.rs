//! Wire types of a shop's settings (kept by its owner).

use crate::dto::validate_not_blank;
use validator::ValidationError;

fn validate_account_holder(value: &str) -> Result<(), ValidationError> {
    match kaimono_core::japan::normalize_account_holder(value) {
        Some(_) => Ok(()),
        None => Err(ValidationError::new("account_holder")
            .with_message("katakana, capitals, digits and ( ) . - / , as the bank prints it".into())),
    }
}
use kaimono_catalog::{AccountType, BankAccount, Shop, ShopPolicy, ShopSettings};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

/// 普通 (`ordinary`) or 当座 (`current`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountTypeDto {
    Ordinary,
    Current,
}

/// The bank account members transfer to (振込先).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BankAccountDto {
    /// The bank (みずほ銀行 …).
    #[validate(length(min = 1, max = 50), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 50)]
    pub bank_name: String,
    /// The branch (渋谷支店 …).
    #[validate(length(min = 1, max = 50), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 50)]
    pub branch_name: String,
    /// Ordinary or current.
    pub account_type: AccountTypeDto,
    /// The account number, 7 digits.
    #[validate(length(equal = 7))]
    #[schema(min_length = 7, max_length = 7)]
    pub account_number: String,
    /// The holder as the bank prints it (口座名義): katakana, capitals, digits and `( ) . - / ,`, e.g.
    /// `カ)モリコーヒー`; half-width katakana and full-width brackets are normalized.
    #[validate(length(min = 1, max = 50), custom(function = validate_account_holder))]
    #[schema(min_length = 1, max_length = 50)]
    pub account_holder: String,
}

/// A shop's settings: the reservation window, hold days, payment limit and delivery window, the contact
/// email, the qualified-invoice registration number and the bank account.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShopSettingsDto {
    /// A visit may be planned from this many days ahead (RSV-01), 0–365 …
    #[validate(range(min = 0, max = 365))]
    #[schema(minimum = 0, maximum = 365)]
    pub reservation_min_days: i32,
    /// … up to this many days ahead, at least `reservation_min_days`.
    #[validate(range(min = 0, max = 365))]
    #[schema(minimum = 0, maximum = 365)]
    pub reservation_max_days: i32,
    /// A confirmed reservation is held to the end of the visit date plus this many days (RSV-02), 0–30.
    #[validate(range(min = 0, max = 30))]
    #[schema(minimum = 0, maximum = 30)]
    pub hold_days: i32,
    /// A payment link lapses after this many days (ORD-05), 1–30.
    #[validate(range(min = 1, max = 30))]
    #[schema(minimum = 1, maximum = 30)]
    pub payment_limit_days: i32,
    /// A wished delivery date is at least this many business days ahead (preparation), 0–30 …
    #[validate(range(min = 0, max = 30))]
    #[schema(minimum = 0, maximum = 30)]
    pub delivery_preparation_days: i32,
    /// … and at most this many days ahead, 1–365 and not less than the preparation days.
    #[validate(range(min = 1, max = 365))]
    #[schema(minimum = 1, maximum = 365)]
    pub delivery_window_days: i32,
    /// Where members write to the shop.
    #[validate(email, length(max = 254))]
    #[schema(max_length = 254)]
    pub contact_email: String,
    /// The qualified-invoice registration number (適格請求書発行事業者登録番号): `T` and 13 digits with a
    /// valid check digit; full-width characters and hyphens are accepted and normalized.
    #[validate(length(max = 40))]
    #[schema(max_length = 40)]
    pub invoice_registration_number: Option<String>,
    /// Where members transfer money to; absent if the shop takes no transfers.
    #[validate(nested)]
    pub bank_account: Option<BankAccountDto>,
}

impl ShopSettingsDto {
    pub fn of(shop: &Shop) -> Self {
        let p = shop.policy;
        Self {
            reservation_min_days: p.reservation_min_days,
            reservation_max_days: p.reservation_max_days,
            hold_days: p.hold_days,
            payment_limit_days: p.payment_limit_days,
            delivery_preparation_days: p.delivery_preparation_days,
            delivery_window_days: p.delivery_window_days,
            contact_email: shop.contact_email.clone(),
            invoice_registration_number: shop.invoice_registration_number.clone(),
            bank_account: shop.bank_account.clone().map(Into::into),
        }
    }
}

impl From<kaimono_catalog::BankAccount> for BankAccountDto {
    fn from(a: kaimono_catalog::BankAccount) -> Self {
        BankAccountDto {
            bank_name: a.bank_name,
            branch_name: a.branch_name,
            account_type: match a.account_type {
                AccountType::Ordinary => AccountTypeDto::Ordinary,
                AccountType::Current => AccountTypeDto::Current,
            },
            account_number: a.account_number,
            account_holder: a.account_holder,
        }
    }
}

impl From<ShopSettingsDto> for ShopSettings {
    fn from(d: ShopSettingsDto) -> Self {
        let invoice = d.invoice_registration_number.map(|n| {
            kaimono_core::normalize_for_search(&n).to_uppercase().chars().filter(|c| !matches!(c, '-' | ' ')).collect()
        });
        ShopSettings {
            policy: ShopPolicy {
                reservation_min_days: d.reservation_min_days,
                reservation_max_days: d.reservation_max_days,
                hold_days: d.hold_days,
                payment_limit_days: d.payment_limit_days,
                delivery_preparation_days: d.delivery_preparation_days,
                delivery_window_days: d.delivery_window_days,
            },
            contact_email: d.contact_email.trim().to_owned(),
            invoice_registration_number: invoice.filter(|n: &String| !n.is_empty()),
            bank_account: d.bank_account.map(|a| BankAccount {
                bank_name: a.bank_name.trim().to_owned(),
                branch_name: a.branch_name.trim().to_owned(),
                account_type: match a.account_type {
                    AccountTypeDto::Ordinary => AccountType::Ordinary,
                    AccountTypeDto::Current => AccountType::Current,
                },
                account_number: a.account_number,
                account_holder: kaimono_core::japan::normalize_account_holder(&a.account_holder)
                    .unwrap_or(a.account_holder),
            }),
        }
    }
}
