//! Payment requests, attempts and saved cards, and the rules between their states (pure).

use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money, ShopId};
use uuid::Uuid;

/// What a payment request is for: one [`crate::Payable`] kind and its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Order(Uuid),
    Reservation(Uuid),
}

/// The kinds of thing that can be paid; each has one [`crate::Payable`] implementation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubjectKind {
    Order,
    Reservation,
}

impl Subject {
    pub fn kind(self) -> SubjectKind {
        match self {
            Subject::Order(_) => SubjectKind::Order,
            Subject::Reservation(_) => SubjectKind::Reservation,
        }
    }

    pub fn id(self) -> Uuid {
        match self {
            Subject::Order(id) | Subject::Reservation(id) => id,
        }
    }
}

/// Where a payment request (お支払いURL) is (PAY-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    /// Mailed, waiting for the member.
    Open,
    /// The member pressed "pay"; the provider is being asked. Reclaimable after [`PROCESSING_TIMEOUT`].
    Processing,
    Paid,
    /// Not paid within the shop's limit (ORD-05).
    Expired,
    /// Its order or reservation was cancelled first.
    Cancelled,
}

/// A payment that has been "processing" this long was abandoned by a crashed process and may be retried.
pub const PROCESSING_TIMEOUT: chrono::Duration = chrono::Duration::minutes(2);

impl RequestStatus {
    pub const ALL: [RequestStatus; 5] = [
        RequestStatus::Open,
        RequestStatus::Processing,
        RequestStatus::Paid,
        RequestStatus::Expired,
        RequestStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Open => "open",
            RequestStatus::Processing => "processing",
            RequestStatus::Paid => "paid",
            RequestStatus::Expired => "expired",
            RequestStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    pub fn can_become(self, to: RequestStatus) -> bool {
        use RequestStatus::*;
        matches!(
            (self, to),
            (Open, Processing)
                | (Open, Expired)
                | (Open, Cancelled)
                | (Processing, Open)
                | (Processing, Paid)
                | (Processing, Processing)
        )
    }
}

/// What an attempt asked of the provider (PAY-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptKind {
    Authorize,
    Capture,
    Void,
    Refund,
}

impl AttemptKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptKind::Authorize => "authorize",
            AttemptKind::Capture => "capture",
            AttemptKind::Void => "void",
            AttemptKind::Refund => "refund",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [AttemptKind::Authorize, AttemptKind::Capture, AttemptKind::Void, AttemptKind::Refund]
            .into_iter()
            .find(|k| k.as_str() == value)
    }
}

#[derive(Debug, Clone)]
pub struct PaymentRequest {
    pub id: Uuid,
    pub subject: Subject,
    pub account_id: AccountId,
    pub shop_id: ShopId,
    pub amount: Money,
    pub status: RequestStatus,
    pub expires_at: DateTime<Utc>,
    pub card_id: Option<Uuid>,
    pub authorization_ref: Option<String>,
    pub paid_at: Option<DateTime<Utc>>,
}

impl PaymentRequest {
    /// Open and still within its limit.
    pub fn is_payable(&self, now: DateTime<Utc>) -> bool {
        self.status == RequestStatus::Open && now < self.expires_at
    }
}

/// A payment request with every attempt made against it, as an order or reservation shows it.
#[derive(Debug, Clone)]
pub struct PaymentView {
    pub request: PaymentRequest,
    pub attempts: Vec<Attempt>,
}

/// One call to the provider and its result, as recorded on the order or reservation (PAY-03).
#[derive(Debug, Clone)]
pub struct Attempt {
    pub id: Uuid,
    pub kind: AttemptKind,
    pub amount: Money,
    pub succeeded: bool,
    pub provider: String,
    pub provider_ref: Option<String>,
    pub failure_code: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A saved card as the member sees it (PAY-01).
#[derive(Debug, Clone)]
pub struct Card {
    pub id: Uuid,
    pub brand: String,
    pub last4: String,
    pub exp_month: i16,
    pub exp_year: i16,
    pub is_default: bool,
    pub created_at: DateTime<Utc>,
}

impl Card {
    /// How the card appears in emails and on receipts: `VISA •••• 4242`.
    pub fn label(&self) -> String {
        format!("{} •••• {}", self.brand.to_uppercase(), self.last4)
    }

    /// A card is usable through the last day of its expiry month (Japan time).
    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        card_expired(self.exp_month, self.exp_year, now)
    }
}

pub fn card_expired(exp_month: i16, exp_year: i16, now: DateTime<Utc>) -> bool {
    use chrono::Datelike;
    let today = (now + chrono::Duration::hours(9)).date_naive();
    let (year, month) = (i32::from(exp_year), u32::try_from(exp_month).unwrap_or(0));
    (year, month) < (today.year(), today.month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn pay04_every_allowed_and_refused_request_transition() {
        use RequestStatus::*;
        let allowed = [
            (Open, Processing),
            (Open, Expired),
            (Open, Cancelled),
            (Processing, Open),
            (Processing, Paid),
            (Processing, Processing),
        ];
        for from in RequestStatus::ALL {
            for to in RequestStatus::ALL {
                assert_eq!(from.can_become(to), allowed.contains(&(from, to)), "{from:?} → {to:?}");
            }
            assert_eq!(RequestStatus::parse(from.as_str()), Some(from));
        }
    }

    #[test]
    fn pay01_a_card_expires_after_the_last_day_of_its_month_in_japan() {
        // 2026-11-30 23:00 JST is still November; 2026-12-01 00:00 JST is not.
        let late_november = Utc.with_ymd_and_hms(2026, 11, 30, 14, 0, 0).unwrap();
        let december = Utc.with_ymd_and_hms(2026, 11, 30, 15, 0, 0).unwrap();
        assert!(!card_expired(11, 2026, late_november));
        assert!(card_expired(11, 2026, december));
        assert!(!card_expired(1, 2027, december));
    }
}
