//! Reservation states and the rules between them (pure).

use crate::error::ReservationError;
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::{AccountId, Money, ShopId, TaxCategory, VariantId};
use uuid::Uuid;

/// Where a reservation (お取り置き) is (seed 000).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReservationStatus {
    /// Requested; its stock is already taken off the shelf, waiting for the shop's check (RSV-01).
    Requested,
    /// The shop confirmed: held until the hold deadline, pickup number mailed (RSV-02).
    Held,
    /// Handed over at the shop (RSV-03, RSV-04).
    Completed,
    /// The shop could not supply it (RSV-02).
    Unavailable,
    /// By the member before pickup (RSV-06), or for want of payment.
    Cancelled,
    /// Not collected by the hold deadline (RSV-05).
    Expired,
}

impl ReservationStatus {
    pub const ALL: [ReservationStatus; 6] = [
        ReservationStatus::Requested,
        ReservationStatus::Held,
        ReservationStatus::Completed,
        ReservationStatus::Unavailable,
        ReservationStatus::Cancelled,
        ReservationStatus::Expired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReservationStatus::Requested => "requested",
            ReservationStatus::Held => "held",
            ReservationStatus::Completed => "completed",
            ReservationStatus::Unavailable => "unavailable",
            ReservationStatus::Cancelled => "cancelled",
            ReservationStatus::Expired => "expired",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    pub fn can_become(self, to: ReservationStatus) -> bool {
        use ReservationStatus::*;
        matches!(
            (self, to),
            (Requested, Held)
                | (Requested, Unavailable)
                | (Requested, Cancelled)
                | (Held, Completed)
                | (Held, Cancelled)
                | (Held, Expired)
        )
    }

    pub fn transition(self, to: ReservationStatus) -> Result<ReservationStatus, ReservationError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(ReservationError::InvalidTransition { from: self.as_str(), to: to.as_str() })
        }
    }

    /// Whether the reservation still holds stock.
    pub fn holds_stock(self) -> bool {
        matches!(self, ReservationStatus::Requested | ReservationStatus::Held)
    }
}

/// When a reserved item is paid (CAT-04): at the counter, or online before pickup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payment {
    InStore,
    Prepaid,
}

impl Payment {
    pub fn as_str(self) -> &'static str {
        match self {
            Payment::InStore => "in_store",
            Payment::Prepaid => "prepaid",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "in_store" => Some(Payment::InStore),
            "prepaid" => Some(Payment::Prepaid),
            _ => None,
        }
    }
}

/// Why a reservation was cancelled, for the email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelCause {
    Member,
    PaymentExpired,
}

#[derive(Debug, Clone)]
pub struct Reservation {
    pub id: Uuid,
    /// 8 characters without the hyphen; shown as `ABCD-2345` ([`display_pickup_number`]).
    pub pickup_number: String,
    pub account_id: AccountId,
    pub member_name: String,
    pub shop_id: ShopId,
    pub shop_name: String,
    pub variant_id: VariantId,
    pub sku: String,
    pub product_name: String,
    pub color: String,
    pub size: String,
    pub tax_category: TaxCategory,
    pub unit_price: Money,
    pub quantity: i32,
    pub total: Money,
    pub payment: Payment,
    pub visit_date: NaiveDate,
    pub hold_deadline: Option<DateTime<Utc>>,
    pub status: ReservationStatus,
    pub paid_at: Option<DateTime<Utc>>,
    pub paid_in_store: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The product's cover picture now.
    pub image: Option<kaimono_catalog::ProductImage>,
}

impl Reservation {
    /// The reserved goods as emails name them, with the product's picture.
    pub fn mail_item(&self) -> kaimono_messaging::MailItem {
        let picture = self.image.as_ref().and_then(|i| i.thumbnail_path());
        kaimono_messaging::MailItem::goods(&self.product_name, &self.color, &self.size, self.quantity, picture)
    }

    /// Prepaid and not yet paid: cannot be handed over.
    pub fn awaits_payment(&self) -> bool {
        self.payment == Payment::Prepaid && self.paid_at.is_none()
    }
}

/// Crockford's base-32 alphabet: no I, L, O or U, so a number read aloud or typed from paper survives.
const PICKUP_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new pickup number (引取番号): 8 random characters, 40 bits.
pub fn new_pickup_number() -> Result<String, ReservationError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| ReservationError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    Ok(bytes.iter().map(|b| char::from(PICKUP_ALPHABET[usize::from(b % 32)])).collect())
}

/// What staff type or scan, normalised: upper case, hyphens and spaces dropped, and the letters people
/// confuse with digits read as the digits (O → 0, I/L → 1).
pub fn normalize_pickup_number(input: &str) -> String {
    kaimono_core::normalize_for_search(input)
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '　' | 'ー' | '－'))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

/// `ABCD2345` → `ABCD-2345`.
pub fn display_pickup_number(number: &str) -> String {
    if number.len() == 8 && number.is_ascii() {
        format!("{}-{}", &number[..4], &number[4..])
    } else {
        number.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReservationStatus::*;

    #[test]
    fn rsv02_reservation_status_allows_exactly_the_documented_transitions() {
        let allowed = [
            (Requested, Held),
            (Requested, Unavailable),
            (Requested, Cancelled),
            (Held, Completed),
            (Held, Cancelled),
            (Held, Expired),
        ];
        for from in ReservationStatus::ALL {
            for to in ReservationStatus::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(from.can_become(to), expected, "{} -> {}", from.as_str(), to.as_str());
                assert_eq!(from.transition(to).is_ok(), expected);
            }
            assert_eq!(ReservationStatus::parse(from.as_str()), Some(from));
        }
        assert!(Requested.holds_stock() && Held.holds_stock());
        assert!(!Completed.holds_stock() && !Expired.holds_stock() && !Cancelled.holds_stock());
    }

    #[test]
    fn rsv03_pickup_numbers_survive_being_read_aloud_and_typed() {
        let number = new_pickup_number().unwrap();
        assert_eq!(number.len(), 8);
        assert!(number.bytes().all(|b| PICKUP_ALPHABET.contains(&b)));
        assert_eq!(normalize_pickup_number(&display_pickup_number(&number).to_lowercase()), number);
        assert_eq!(normalize_pickup_number("ab0o-1il2"), "AB001112");
        assert_eq!(normalize_pickup_number("ABCD　2345"), "ABCD2345");
    }
}
