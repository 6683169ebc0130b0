//! The proxy-buying model: orders, their items and their invoices.

use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money, ShopId};
use uuid::Uuid;

macro_rules! names {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(value: &str) -> Option<Self> {
                match value { $($text => Some($name::$variant),)* _ => None }
            }
        }
    };
}

names! {
    /// Where a proxy order is (PRX-02's progress).
    ProxyStatus {
        /// Sent by the member; staff have not quoted it yet.
        Requested = "requested",
        /// Quoted: the 1st invoice (goods and fees) waits for payment; cancelled 7 days after the quote.
        AwaitingFirstPayment = "awaiting_first_payment",
        /// Paid: staff buy the items, receive and inspect them at the warehouse.
        Purchasing = "purchasing",
        /// Weighed: the 2nd invoice (international shipping) waits for payment.
        AwaitingSecondPayment = "awaiting_second_payment",
        /// Paid twice: the parcel is being packed.
        AwaitingShipment = "awaiting_shipment",
        /// On its way, with a tracking number; complete at the receipt report or 30 days after.
        Shipped = "shipped",
        Completed = "completed",
        Cancelled = "cancelled",
    }
}

names! {
    /// Where one item of a proxy order is.
    ItemStatus {
        /// Asked for, not yet quoted.
        Requested = "requested",
        /// Quoted, the 1st payment not made ("支払前").
        BeforePayment = "before_payment",
        /// Paid; staff will buy it.
        Paid = "paid",
        Purchased = "purchased",
        /// At the warehouse.
        Arrived = "arrived",
        /// Counted, checked and photographed.
        Inspected = "inspected",
        Cancelled = "cancelled",
    }
}

names! {
    /// What the member prefers for the international shipment.
    ShippingPriority {
        Cheapest = "cheapest",
        Fastest = "fastest",
    }
}

names! {
    /// Why a proxy order was cancelled.
    ProxyCancelReason {
        /// The member cancelled before the 1st payment (PRX-03).
        Member = "member",
        /// Unpaid 7 days after the quote (PRX-03).
        Unpaid = "unpaid",
        /// Every item was cancelled (PRX-04).
        NoItems = "no_items",
        /// Staff could not buy or forward it.
        Shop = "shop",
    }
}

names! {
    /// Where an invoice is. A changed quote supersedes the open invoice with a new version.
    InvoiceStatus {
        Open = "open",
        Paid = "paid",
        Superseded = "superseded",
        /// The order was cancelled.
        Void = "void",
    }
}

impl ProxyStatus {
    /// Still moving (PRX-10 lists the others apart).
    pub fn in_progress(self) -> bool {
        !matches!(self, ProxyStatus::Completed | ProxyStatus::Cancelled)
    }

    /// Before the 1st payment: the member may still cancel and change items (PRX-03, PRX-04).
    pub fn before_first_payment(self) -> bool {
        matches!(self, ProxyStatus::Requested | ProxyStatus::AwaitingFirstPayment)
    }

    /// The member has something to do (PRX-02's green button).
    pub fn needs_member(self) -> bool {
        matches!(self, ProxyStatus::AwaitingFirstPayment | ProxyStatus::AwaitingSecondPayment | ProxyStatus::Shipped)
    }
}

/// The 1st payment (goods and fees) or the 2nd (international shipping).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    First,
    Second,
}

impl Stage {
    pub fn number(self) -> i16 {
        match self {
            Stage::First => 1,
            Stage::Second => 2,
        }
    }

    pub fn from_number(n: i16) -> Option<Self> {
        match n {
            1 => Some(Stage::First),
            2 => Some(Stage::Second),
            _ => None,
        }
    }

    /// The order status in which this stage's invoice is paid.
    pub fn awaiting(self) -> ProxyStatus {
        match self {
            Stage::First => ProxyStatus::AwaitingFirstPayment,
            Stage::Second => ProxyStatus::AwaitingSecondPayment,
        }
    }
}

/// A proxy-buying service's rules (per shop of the proxy kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProxySettings {
    /// The service fee: this many basis points of the goods (500 = 5 %) …
    pub fee_rate_bp: u32,
    /// … and at least this much.
    pub fee_minimum: Money,
    /// PAY-07: added to what is paid by card, in basis points.
    pub card_surcharge_bp: u32,
    /// The storage clock: days an order's items stay at the warehouse for free, from the first arrival …
    pub free_storage_days: u32,
    /// … and the fee for each day after them.
    pub storage_fee_per_day: Money,
}

impl Default for ProxySettings {
    fn default() -> Self {
        ProxySettings {
            fee_rate_bp: 500,
            fee_minimum: Money::yen(300),
            card_surcharge_bp: 400,
            free_storage_days: 30,
            storage_fee_per_day: Money::yen(50),
        }
    }
}

/// An item as the member asks for it (PRX-01).
#[derive(Debug, Clone)]
pub struct NewItem {
    pub source_url: String,
    pub name: String,
    /// Color, size and the like, as the seller names them.
    pub options: String,
    pub quantity: u32,
    /// The price on the seller's page.
    pub unit_price: Money,
}

/// A purchase request (PRX-01).
#[derive(Debug, Clone)]
pub struct NewRequest {
    pub items: Vec<NewItem>,
    pub address_id: Uuid,
    pub shipping_priority: ShippingPriority,
    pub note: Option<String>,
}

/// Staff's price for one item (PRX-01's quote).
#[derive(Debug, Clone, Copy)]
pub struct ItemQuote {
    pub item_id: Uuid,
    pub unit_price: Money,
    /// The seller's shipping to the warehouse.
    pub domestic_shipping: Money,
}

#[derive(Debug, Clone)]
pub struct ProxyItem {
    pub id: Uuid,
    pub source_url: String,
    pub name: String,
    pub options: String,
    pub quantity: u32,
    pub requested_unit_price: Money,
    /// Confirmed by staff at the quote.
    pub unit_price: Option<Money>,
    pub domestic_shipping: Money,
    pub status: ItemStatus,
    /// PRX-05: asked of the seller before buying.
    pub question: Option<String>,
    pub answer: Option<String>,
    /// PRX-06: inspection photos taken at the warehouse, oldest first.
    pub photos: Vec<ItemPhoto>,
    /// When it reached the warehouse (the storage clock starts at the first item).
    pub arrived_at: Option<DateTime<Utc>>,
}

/// How long a service keeps an order's items for free, and what each day after costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageTerms {
    pub free_days: u32,
    pub fee_per_day: Money,
}

impl From<&ProxySettings> for StorageTerms {
    fn from(s: &ProxySettings) -> Self {
        StorageTerms { free_days: s.free_storage_days, fee_per_day: s.storage_fee_per_day }
    }
}

/// The storage clock of an order at the warehouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Storage {
    /// The first item's arrival.
    pub since: DateTime<Utc>,
    /// Free until then …
    pub free_until: DateTime<Utc>,
    /// … then this many days begun, charged at the daily fee.
    pub charged_days: u32,
    pub fee: Money,
}

/// PRX-06: one inspection photo of an item (re-encoded JPEG, with a preview).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemPhoto {
    pub id: Uuid,
    pub width: u32,
    pub height: u32,
    pub taken_at: DateTime<Utc>,
}

impl ProxyItem {
    /// A question waits for staff's answer: the item is not bought until then (PRX-05).
    pub fn question_open(&self) -> bool {
        self.question.is_some() && self.answer.is_none()
    }
}

#[derive(Debug, Clone)]
pub struct Invoice {
    pub id: Uuid,
    pub stage: Stage,
    pub version: i32,
    pub status: InvoiceStatus,
    pub goods: Money,
    pub domestic_shipping: Money,
    pub service_fee: Money,
    pub international_shipping: Money,
    pub storage_fee: Money,
    /// PRX-07: local shipping costs of exchanges and returns.
    pub local_shipping: Money,
    pub total: Money,
    pub paid: Money,
    pub created_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
}

impl Invoice {
    /// What is still to pay.
    pub fn due(&self) -> Money {
        if self.paid >= self.total { Money::ZERO } else { self.total - self.paid }
    }
}

#[derive(Debug, Clone)]
pub struct ProxyOrder {
    pub id: Uuid,
    pub number: String,
    pub shop_id: ShopId,
    pub shop_name: String,
    pub account_id: AccountId,
    pub status: ProxyStatus,
    pub shipping_priority: ShippingPriority,
    pub ship_to: kaimono_core::ShippingAddress,
    pub note: Option<String>,
    pub items: Vec<ProxyItem>,
    /// Every version of both invoices, oldest first.
    pub invoices: Vec<Invoice>,
    pub quoted_at: Option<DateTime<Utc>>,
    pub first_paid_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<ProxyCancelReason>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// PRX-08: the weighed parcel, the method and the rate table of the 2nd invoice.
    pub parcel: Option<crate::rates::Parcel>,
    pub shipping_method: Option<crate::rates::ShippingMethod>,
    pub rate_table: Option<String>,
    pub shipment: Option<ProxyShipment>,
    pub completed_at: Option<DateTime<Utc>>,
    /// PRX-09, PRX-13: the member's words at the receipt report, and whether they may be shown publicly.
    pub receipt_comment: Option<String>,
    pub receipt_public: bool,
    /// PRX-08: the member disputed the weight; the 2nd invoice waits for staff.
    pub weight_disputed_at: Option<DateTime<Utc>>,
    /// The service's storage terms: free days, then a daily fee.
    pub storage_terms: StorageTerms,
    /// PRX-07: local shipping costs staff recorded, billed on the 2nd invoice.
    pub local_charges: Vec<LocalCharge>,
    /// PRX-08: photos of the weighed parcel (the scale's reading, the tape measure).
    pub parcel_photos: Vec<ItemPhoto>,
    /// PAY-06: where refunds of cancelled paid items go.
    pub refund_to: RefundTo,
}

/// PAY-06: where a proxy order's refunds go — the deposit, unless the member asks for the card that paid
/// (what a card did not pay still goes to the deposit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefundTo {
    Deposit,
    Card,
}

impl RefundTo {
    pub fn as_str(self) -> &'static str {
        match self {
            RefundTo::Deposit => "deposit",
            RefundTo::Card => "card",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "deposit" => Some(RefundTo::Deposit),
            "card" => Some(RefundTo::Card),
            _ => None,
        }
    }
}

/// PRX-07: what an exchange or a return with a seller in Japan cost, billed on the 2nd invoice.
#[derive(Debug, Clone)]
pub struct LocalCharge {
    pub id: Uuid,
    pub description: String,
    pub amount: Money,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct ProxyShipment {
    pub carrier: String,
    pub tracking_number: String,
    pub shipped_at: DateTime<Utc>,
}

impl ProxyOrder {
    /// The current invoice of `stage`: the newest version.
    pub fn invoice(&self, stage: Stage) -> Option<&Invoice> {
        self.invoices.iter().filter(|i| i.stage == stage).max_by_key(|i| i.version)
    }

    /// The storage clock: from the first item's arrival until shipping (or `now`), the free days, then a
    /// daily fee for each day begun after them.
    pub fn storage(&self, now: DateTime<Utc>) -> Option<Storage> {
        let (since, free_until) = self.storage_window()?;
        let until = self.shipment.as_ref().map_or(now, |s| s.shipped_at).max(since);
        let over = until - free_until;
        let days = if over <= chrono::Duration::zero() {
            0
        } else {
            u32::try_from((over.num_seconds() + 86_399) / 86_400).unwrap_or(u32::MAX)
        };
        Some(Storage { since, free_until, charged_days: days, fee: self.storage_terms.fee_per_day.times(days) })
    }

    /// The first item's arrival and the end of the free storage days, once an item arrived.
    pub fn storage_window(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let since = self.items.iter().filter_map(|i| i.arrived_at).min()?;
        Some((since, since + chrono::Duration::days(i64::from(self.storage_terms.free_days))))
    }

    /// PRX-07: the local shipping costs recorded so far.
    pub fn local_shipping(&self) -> Money {
        self.local_charges.iter().fold(Money::ZERO, |sum, c| sum + c.amount)
    }

    /// When an unpaid quote is cancelled (PRX-03).
    pub fn payment_deadline(&self) -> Option<DateTime<Utc>> {
        (self.status == ProxyStatus::AwaitingFirstPayment)
            .then(|| self.quoted_at.map(|q| q + chrono::Duration::days(crate::UNPAID_CANCEL_DAYS)))
            .flatten()
    }
}
