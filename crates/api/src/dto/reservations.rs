//! Wire types of `/reservations` routes (and of others that show the same resources).

use crate::dto::TaxCategoryDto;
use crate::dto::payments::PaymentResponse;
use crate::dto::products::{ReservationPaymentDto, ShopRef};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::Money;
use kaimono_payments::PaymentView;
use kaimono_reservations::{Payment, Reservation, ReservationStatus, display_pickup_number};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// `requested` (stock check pending), `held` (until the hold deadline), `completed` (handed over),
/// `unavailable` (the shop could not supply it), `cancelled`, `expired` (not collected in time).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReservationStatusDto {
    Requested,
    Held,
    Completed,
    Unavailable,
    Cancelled,
    Expired,
}

impl From<ReservationStatus> for ReservationStatusDto {
    fn from(s: ReservationStatus) -> Self {
        match s {
            ReservationStatus::Requested => Self::Requested,
            ReservationStatus::Held => Self::Held,
            ReservationStatus::Completed => Self::Completed,
            ReservationStatus::Unavailable => Self::Unavailable,
            ReservationStatus::Cancelled => Self::Cancelled,
            ReservationStatus::Expired => Self::Expired,
        }
    }
}

impl From<ReservationStatusDto> for ReservationStatus {
    fn from(s: ReservationStatusDto) -> Self {
        match s {
            ReservationStatusDto::Requested => Self::Requested,
            ReservationStatusDto::Held => Self::Held,
            ReservationStatusDto::Completed => Self::Completed,
            ReservationStatusDto::Unavailable => Self::Unavailable,
            ReservationStatusDto::Cancelled => Self::Cancelled,
            ReservationStatusDto::Expired => Self::Expired,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReservationResponse {
    /// The reservation's id.
    pub id: Uuid,
    /// The pickup number (引取番号) as shown to people: `ABCD-2345`.
    pub pickup_number: String,
    /// The shop where it is picked up.
    pub shop: ShopRef,
    /// The member's name (for staff at the counter).
    pub member_name: String,
    /// The variant reserved.
    pub variant_id: Uuid,
    /// Its SKU when reserved.
    pub sku: String,
    /// The product's name when reserved.
    pub product_name: String,
    /// The variant's color.
    pub color: String,
    /// The variant's size.
    pub size: String,
    /// Its consumption-tax rate.
    pub tax_category: TaxCategoryDto,
    /// Tax-inclusive unit price when reserved.
    #[schema(value_type = String, example = "1980")]
    pub unit_price: Money,
    /// Units reserved.
    pub quantity: i32,
    /// Unit price × quantity, tax-inclusive.
    #[schema(value_type = String, example = "3960")]
    pub total: Money,
    /// How it is paid: at the counter or online before pickup.
    pub payment_method: ReservationPaymentDto,
    /// The planned visit date (来店予定日).
    pub visit_date: NaiveDate,
    /// Set once the shop confirms: after it, an uncollected reservation is cancelled.
    pub hold_deadline: Option<DateTime<Utc>>,
    /// Where the reservation is.
    pub status: ReservationStatusDto,
    /// When it was paid, online or at the counter.
    pub paid_at: Option<DateTime<Utc>>,
    /// Paid at the counter (rather than online).
    pub paid_in_store: bool,
    /// Prepaid and not yet paid: staff must not hand it over.
    pub awaiting_payment: bool,
    /// When it was requested.
    pub created_at: DateTime<Utc>,
    /// The product's cover picture now, if it has one.
    pub image: Option<crate::dto::products::ProductImageResponse>,
    /// The payment request and every attempt against it (prepaid only; PAY-03); on single-reservation
    /// responses only.
    pub payment: Option<PaymentResponse>,
}

impl From<Reservation> for ReservationResponse {
    fn from(r: Reservation) -> Self {
        Self {
            awaiting_payment: r.awaits_payment() && r.status == ReservationStatus::Held,
            id: r.id,
            pickup_number: display_pickup_number(&r.pickup_number),
            shop: ShopRef { id: r.shop_id.0, name: r.shop_name },
            member_name: r.member_name,
            variant_id: r.variant_id.0,
            sku: r.sku,
            product_name: r.product_name,
            color: r.color,
            size: r.size,
            tax_category: r.tax_category.into(),
            unit_price: r.unit_price,
            quantity: r.quantity,
            total: r.total,
            payment_method: match r.payment {
                Payment::InStore => ReservationPaymentDto::InStore,
                Payment::Prepaid => ReservationPaymentDto::Prepaid,
            },
            visit_date: r.visit_date,
            hold_deadline: r.hold_deadline,
            status: r.status.into(),
            paid_at: r.paid_at,
            paid_in_store: r.paid_in_store,
            created_at: r.created_at,
            image: r.image.map(Into::into),
            payment: None,
        }
    }
}

impl ReservationResponse {
    /// The reservation with its payment request and attempts (single-reservation responses).
    pub fn new(r: Reservation, payment: Option<PaymentView>) -> Self {
        Self { payment: payment.map(Into::into), ..r.into() }
    }
}
