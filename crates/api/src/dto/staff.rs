//! Wire types of mall administration: creating shops, their staff and invitations (ACC-04).

use crate::dto::{validate_not_blank, validate_phone, validate_postal_code};
use chrono::{DateTime, Utc};
use kaimono_accounts::{Invitation, InvitationPreview, ShopRole, StaffMember};
use kaimono_catalog::NewShop;
use kaimono_core::japan::{normalize_phone, normalize_postal_code};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::{Validate, ValidationError};

fn validate_slug(value: &str) -> Result<(), ValidationError> {
    let ok = (2..=40).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new("slug").with_message("must be 2–40 of a–z, 0–9 and inner hyphens".into()))
    }
}

/// What the mall shows of a shop: its name, address, contact and hours.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShopProfileRequest {
    /// The shop's name, 1–100 characters.
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// What the shop is, up to 2,000 characters.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub description: String,
    /// 7 digits, with or without the hyphen.
    #[validate(custom(function = validate_postal_code))]
    pub postal_code: String,
    /// JIS prefecture code, 1–47.
    #[validate(range(min = 1, max = 47))]
    #[schema(minimum = 1, maximum = 47)]
    pub prefecture: i16,
    /// The address after the prefecture, 1–200 characters.
    #[validate(length(min = 1, max = 200), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 200)]
    pub address: String,
    /// A Japanese phone number, hyphens allowed.
    #[validate(custom(function = validate_phone))]
    pub phone: String,
    /// Where members write to the shop.
    #[validate(email, length(max = 254))]
    #[schema(max_length = 254)]
    pub contact_email: String,
    /// Opening hours as shown to customers (10:00〜20:00), up to 100 characters.
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub opening_hours: String,
}

impl ShopProfileRequest {
    /// The normalized domain input (validation has accepted every field).
    pub fn into_new_shop(self, slug: String) -> NewShop {
        NewShop {
            slug,
            name: self.name.trim().to_owned(),
            description: self.description.trim().to_owned(),
            postal_code: normalize_postal_code(&self.postal_code).unwrap_or(self.postal_code),
            prefecture: self.prefecture,
            address: self.address.trim().to_owned(),
            phone: normalize_phone(&self.phone).unwrap_or(self.phone),
            contact_email: self.contact_email.trim().to_owned(),
            opening_hours: self.opening_hours.trim().to_owned(),
        }
    }
}

/// A new shop: its URL name and its profile.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateShopRequest {
    /// The shop's name in URLs: 2–40 of a–z, 0–9 and inner hyphens; it cannot change later.
    #[validate(custom(function = validate_slug))]
    #[schema(min_length = 2, max_length = 40, pattern = "^[a-z0-9][a-z0-9-]*[a-z0-9]$")]
    pub slug: String,
    /// What the mall shows of it.
    #[validate(nested)]
    pub profile: ShopProfileRequest,
    /// `retail` (the default) or `proxy`; it cannot change later.
    #[serde(default)]
    pub kind: crate::dto::shops::ShopKindDto,
}

/// A role on a shop's staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ShopRoleDto {
    /// Manages settings, fees and staff, and operates orders.
    Owner,
    /// Operates orders, reservations, products and stock.
    Staff,
}

impl From<ShopRoleDto> for ShopRole {
    fn from(value: ShopRoleDto) -> Self {
        match value {
            ShopRoleDto::Owner => ShopRole::Owner,
            ShopRoleDto::Staff => ShopRole::Staff,
        }
    }
}

impl From<ShopRole> for ShopRoleDto {
    fn from(value: ShopRole) -> Self {
        match value {
            ShopRole::Owner => ShopRoleDto::Owner,
            ShopRole::Staff => ShopRoleDto::Staff,
        }
    }
}

/// Someone to invite to a shop's staff.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteStaffRequest {
    /// Their email; the invitation link goes there.
    #[validate(email, length(max = 254))]
    #[schema(max_length = 254)]
    pub email: String,
    /// `owner` (operators only) or `staff`.
    pub role: ShopRoleDto,
}

/// An invitation not yet accepted.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationResponse {
    /// The invitation's id.
    pub id: Uuid,
    /// Who was invited.
    pub email: String,
    /// As what.
    pub role: ShopRoleDto,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
}

impl From<Invitation> for InvitationResponse {
    fn from(i: Invitation) -> Self {
        Self { id: i.id, email: i.email, role: i.role.into(), expires_at: i.expires_at, created_at: i.created_at }
    }
}

/// One person on a shop's staff.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffMemberResponse {
    /// Their account.
    pub account_id: Uuid,
    /// Their name.
    pub name: String,
    /// Their email.
    pub email: String,
    /// Their role at this shop.
    pub role: ShopRoleDto,
}

impl From<StaffMember> for StaffMemberResponse {
    fn from(m: StaffMember) -> Self {
        Self { account_id: m.account_id.0, name: m.name, email: m.email, role: m.role.into() }
    }
}

/// A shop's staff and its open invitations.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShopStaffResponse {
    /// Owners first, then staff, by name.
    pub members: Vec<StaffMemberResponse>,
    /// Open invitations, newest first.
    pub invitations: Vec<InvitationResponse>,
}

/// The token from an invitation link.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationTokenRequest {
    /// The token from the emailed link.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub token: String,
}

/// What an invitation is for, shown before it is accepted.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationPreviewResponse {
    /// The shop.
    pub shop: crate::dto::products::ShopRef,
    /// Who was invited.
    pub email: String,
    /// As what.
    pub role: ShopRoleDto,
    /// The email has a staff account already: accepting adds the shop to it, with no new password.
    pub has_account: bool,
}

impl From<InvitationPreview> for InvitationPreviewResponse {
    fn from(p: InvitationPreview) -> Self {
        Self {
            shop: crate::dto::products::ShopRef { id: p.shop_id.0, name: p.shop_name },
            email: p.email,
            role: p.role.into(),
            has_account: p.has_account,
        }
    }
}
