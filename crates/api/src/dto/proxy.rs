//! Wire types of proxy-buying (`/me/proxy-orders`, `/shops/{id}/proxy-orders`), the deposit and bank
//! transfers.

use crate::dto::orders::ShipToResponse;
use crate::dto::products::ShopRef;
use crate::dto::settings::BankAccountDto;
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::Money;
use kaimono_proxy as proxy;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident as $schema:ident => $domain:path { $($variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        #[schema(as = $schema)]
        pub enum $name { $($variant),* }

        impl From<$domain> for $name {
            fn from(value: $domain) -> Self {
                match value { $(<$domain>::$variant => $name::$variant),* }
            }
        }

        impl From<$name> for $domain {
            fn from(value: $name) -> Self {
                match value { $($name::$variant => <$domain>::$variant),* }
            }
        }
    };
}

wire_enum! {
    /// Where a proxy order is: `requested` (waiting for the quote), `awaiting_first_payment`,
    /// `purchasing` (buying, receiving and inspecting), `awaiting_second_payment` (international
    /// shipping), `awaiting_shipment`, `shipped`, `completed`, `cancelled`.
    ProxyStatusDto as ProxyStatus => proxy::ProxyStatus {
        Requested, AwaitingFirstPayment, Purchasing, AwaitingSecondPayment, AwaitingShipment, Shipped, Completed, Cancelled,
    }
}

wire_enum! {
    /// Where an item is: `requested`, `before_payment` (支払前), `paid`, `purchased`, `arrived` (at the
    /// warehouse), `inspected`, `cancelled`.
    ProxyItemStatusDto as ProxyItemStatus => proxy::ItemStatus {
        Requested, BeforePayment, Paid, Purchased, Arrived, Inspected, Cancelled,
    }
}

wire_enum! {
    /// Where refunds of cancelled paid items go (PAY-06): the `deposit` (the default), or the `card` that
    /// paid the 1st invoice on the hosted page (what the card did not pay still goes to the deposit).
    RefundToDto as RefundTo => proxy::RefundTo { Deposit, Card }
}

wire_enum! {
    /// The member's wish for the international shipment.
    ShippingPriorityDto as ShippingPriority => proxy::ShippingPriority { Cheapest, Fastest }
}

wire_enum! {
    /// Why a proxy order was cancelled: by the `member`, `unpaid` 7 days after the quote, `no_items`
    /// left, or by the `shop`.
    ProxyCancelReasonDto as ProxyCancelReason => proxy::ProxyCancelReason { Member, Unpaid, NoItems, Shop }
}

wire_enum! {
    /// An invoice: `open` (to pay), `paid`, `superseded` (a newer version replaced it), `void` (the order
    /// was cancelled).
    InvoiceStatusDto as InvoiceStatus => proxy::InvoiceStatus { Open, Paid, Superseded, Void }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProxyItemResponse {
    /// The item's id.
    pub id: Uuid,
    /// The seller's page.
    pub source_url: String,
    /// What it is.
    pub name: String,
    /// Color, size and the like.
    pub options: String,
    /// How many.
    pub quantity: u32,
    /// The price the member saw on the seller's page.
    #[schema(value_type = String)]
    pub requested_unit_price: Money,
    /// The price staff confirmed in the quote.
    #[schema(value_type = Option<String>)]
    pub unit_price: Option<Money>,
    /// The seller's shipping to the warehouse.
    #[schema(value_type = String)]
    pub domestic_shipping: Money,
    /// Where the item is.
    pub status: ProxyItemStatusDto,
    /// PRX-05: what the member asked staff to confirm with the seller before buying …
    pub question: Option<String>,
    /// … and the answer.
    pub answer: Option<String>,
    /// Asked and not yet answered: the item is not bought until then.
    pub question_open: bool,
    /// PRX-06: inspection photos, oldest first. Each is served at the order's `…/photos/{photo_id}`
    /// (`?preview=true` for a small one), to the order's member and the service's staff only.
    pub photos: Vec<ItemPhotoResponse>,
}

/// An inspection photo of an item (PRX-06).
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemPhotoResponse {
    /// The photo's id.
    pub id: Uuid,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// When it was taken.
    pub taken_at: DateTime<Utc>,
}

impl From<&proxy::ItemPhoto> for ItemPhotoResponse {
    fn from(p: &proxy::ItemPhoto) -> Self {
        Self { id: p.id, width: p.width, height: p.height, taken_at: p.taken_at }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceResponse {
    /// The invoice version's id.
    pub id: Uuid,
    /// 1: goods and fees; 2: international shipping.
    pub stage: i16,
    /// Each change of the quote writes a new version.
    pub version: i32,
    /// Open, paid, superseded by a newer version, or void.
    pub status: InvoiceStatusDto,
    /// The goods at the quoted prices.
    #[schema(value_type = String)]
    pub goods: Money,
    /// The sellers' shipping to the warehouse.
    #[schema(value_type = String)]
    pub domestic_shipping: Money,
    /// The service fee (the shop's rate, at least its minimum).
    #[schema(value_type = String)]
    pub service_fee: Money,
    /// International shipping (the 2nd invoice).
    #[schema(value_type = String)]
    pub international_shipping: Money,
    /// The storage clock's fee (days at the warehouse past the free ones), on the 2nd invoice.
    #[schema(value_type = String)]
    pub storage_fee: Money,
    /// PRX-07: local shipping costs of exchanges and returns, on the 2nd invoice.
    #[schema(value_type = String)]
    pub local_shipping: Money,
    /// Everything together.
    #[schema(value_type = String)]
    pub total: Money,
    /// What has been paid towards it.
    #[schema(value_type = String)]
    pub paid: Money,
    /// What is still to pay.
    #[schema(value_type = String)]
    pub due: Money,
    /// When this version was written.
    pub created_at: DateTime<Utc>,
    /// When it was paid in full.
    pub paid_at: Option<DateTime<Utc>>,
}

impl From<proxy::Invoice> for InvoiceResponse {
    fn from(i: proxy::Invoice) -> Self {
        Self {
            id: i.id,
            stage: i.stage.number(),
            version: i.version,
            status: i.status.into(),
            goods: i.goods,
            domestic_shipping: i.domestic_shipping,
            service_fee: i.service_fee,
            international_shipping: i.international_shipping,
            storage_fee: i.storage_fee,
            local_shipping: i.local_shipping,
            total: i.total,
            paid: i.paid,
            due: i.due(),
            created_at: i.created_at,
            paid_at: i.paid_at,
        }
    }
}

/// A proxy order as its detail page lays it out (PRX-02).
#[derive(Debug, Serialize, ToSchema)]
pub struct ProxyOrderResponse {
    /// The proxy order's id.
    pub id: Uuid,
    /// The number to quote (`P261202-9F3A0C1B`).
    pub number: String,
    /// The proxy-buying service.
    pub shop: ShopRef,
    /// Where the order is.
    pub status: ProxyStatusDto,
    /// The member has something to do now (pay, or report receipt): PRX-02's green button.
    pub needs_member_action: bool,
    /// The member's wish for the international shipment.
    pub shipping_priority: ShippingPriorityDto,
    /// Where the parcel goes, as it was when the request was sent.
    pub ship_to: ShipToResponse,
    /// The member's note with the request.
    pub note: Option<String>,
    /// The items, in the order the member listed them.
    pub items: Vec<ProxyItemResponse>,
    /// The current 1st invoice (goods and fees), once quoted.
    pub first_invoice: Option<InvoiceResponse>,
    /// The current 2nd invoice (international shipping), once weighed.
    pub second_invoice: Option<InvoiceResponse>,
    /// Every version of both invoices, oldest first.
    pub invoice_history: Vec<InvoiceResponse>,
    /// PRX-03: an unpaid quote is cancelled at this moment.
    pub payment_deadline: Option<DateTime<Utc>>,
    /// When staff quoted it.
    pub quoted_at: Option<DateTime<Utc>>,
    /// When the 1st invoice was paid in full.
    pub first_paid_at: Option<DateTime<Utc>>,
    /// Why it was cancelled.
    pub cancel_reason: Option<ProxyCancelReasonDto>,
    /// When it was cancelled.
    pub cancelled_at: Option<DateTime<Utc>>,
    /// When the member sent the request.
    pub created_at: DateTime<Utc>,
    /// PRX-08: the weighed parcel and how it travels, once weighed.
    pub parcel: Option<ParcelResponse>,
    /// PRX-08: the carrier and tracking number, once shipped.
    pub shipment: Option<ProxyShipmentResponse>,
    /// When it was completed.
    pub completed_at: Option<DateTime<Utc>>,
    /// PRX-09: the member's words at the receipt report.
    pub receipt_comment: Option<String>,
    /// PRX-08: when the member disputed the weight; the 2nd invoice is held until staff weigh again or
    /// keep the weight.
    pub weight_disputed_at: Option<DateTime<Utc>>,
    /// The storage clock, once an item reached the warehouse.
    pub storage: Option<StorageResponse>,
    /// PRX-07: local shipping costs staff recorded (exchanges, returns), billed on the 2nd invoice.
    pub local_charges: Vec<LocalChargeResponse>,
    /// PRX-08: photos of the weighed parcel (the scale's reading, the tape measure), oldest first; served
    /// at the order's `…/photos/{photo_id}` like the inspection photos.
    pub parcel_photos: Vec<ItemPhotoResponse>,
    /// PAY-06: where refunds of cancelled paid items go.
    pub refund_to: RefundToDto,
}

/// A local shipping cost (PRX-07).
#[derive(Debug, Serialize, ToSchema)]
pub struct LocalChargeResponse {
    /// Its id.
    pub id: Uuid,
    /// What it was for.
    pub description: String,
    /// The amount, tax included.
    #[schema(value_type = String)]
    pub amount: Money,
    /// When staff recorded it.
    pub created_at: DateTime<Utc>,
}

/// The storage clock of an order at the warehouse: free days from the first arrival, then a daily fee,
/// billed on the 2nd invoice.
#[derive(Debug, Serialize, ToSchema)]
pub struct StorageResponse {
    /// When the first item arrived.
    pub since: DateTime<Utc>,
    /// Free until then.
    pub free_until: DateTime<Utc>,
    /// The fee for each day begun after that.
    #[schema(value_type = String)]
    pub fee_per_day: Money,
}

wire_enum! {
    /// International shipping: `ems` (fastest), `air`, `sal`, `sea` (cheapest).
    ShippingMethodDto as ShippingMethod => proxy::rates::ShippingMethod { Ems, Air, Sal, Sea }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ParcelResponse {
    /// The weighed parcel, in grams.
    pub weight_grams: u32,
    /// Length in cm.
    pub length_cm: u32,
    /// Width in cm.
    pub width_cm: u32,
    /// Height in cm.
    pub height_cm: u32,
    /// How it travels.
    pub method: Option<ShippingMethodDto>,
    /// The rate-table version the 2nd invoice used.
    pub rate_table: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProxyShipmentResponse {
    /// The carrier.
    pub carrier: String,
    /// The carrier's tracking number.
    pub tracking_number: String,
    /// When it was handed over.
    pub shipped_at: DateTime<Utc>,
}

/// What one method would cost for a parcel (PRX-11).
#[derive(Debug, Serialize, ToSchema)]
pub struct MethodEstimateResponse {
    /// The shipping method.
    pub method: ShippingMethodDto,
    /// L × W × H ÷ the method's divisor, in grams (0: the method charges actual weight only).
    pub volumetric_grams: u32,
    /// The greater of actual and volumetric weight, rounded up to 500 g.
    pub chargeable_grams: u32,
    /// What the method charges for the parcel.
    #[schema(value_type = String)]
    pub price: Money,
    /// Days on the way, at least.
    pub days_min: u32,
    /// Days on the way, at most.
    pub days_max: u32,
    /// With `goods_value`: goods, this shipping, duty and consumption tax together (an estimate).
    #[schema(value_type = Option<String>)]
    pub landed_total: Option<Money>,
}

/// Japan's charges on a personal import (an estimate: customs decides).
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportChargesResponse {
    /// 60 % of the overseas retail price.
    #[schema(value_type = String)]
    pub taxable_value: Money,
    /// At most ¥10,000 of taxable value: nothing to pay.
    pub exempt: bool,
    /// The duty rate used, in basis points.
    pub duty_rate_bp: u32,
    /// The duty at `duty_rate_bp`, rounded down.
    #[schema(value_type = String)]
    pub duty: Money,
    /// 10 % of the taxable value and the duty, rounded down.
    #[schema(value_type = String)]
    pub consumption_tax: Money,
}

/// The estimator's answer (PRX-11): each method that takes the parcel and, given the goods' value, the
/// landed cost.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShippingEstimateResponse {
    /// The rate-table version (the 2nd invoice uses the same).
    pub rate_table: String,
    /// Fastest first.
    pub methods: Vec<MethodEstimateResponse>,
    /// With `goods_value`: Japan's duty and consumption tax on the goods.
    pub import_charges: Option<ImportChargesResponse>,
}

impl ShippingEstimateResponse {
    pub fn new(quotes: Vec<proxy::rates::Quote>, goods: Option<(Money, u32, proxy::rates::ImportCharges)>) -> Self {
        let methods = quotes
            .into_iter()
            .map(|q| MethodEstimateResponse {
                method: q.method.into(),
                volumetric_grams: q.volumetric_grams,
                chargeable_grams: q.chargeable_grams,
                price: q.price,
                days_min: q.days.0,
                days_max: q.days.1,
                landed_total: goods.map(|(value, _, c)| value + q.price + c.duty + c.consumption_tax),
            })
            .collect();
        Self {
            rate_table: proxy::rates::RATE_TABLE.to_owned(),
            methods,
            import_charges: goods.map(|(_, rate, c)| ImportChargesResponse {
                taxable_value: c.taxable_value,
                exempt: c.exempt,
                duty_rate_bp: rate,
                duty: c.duty,
                consumption_tax: c.consumption_tax,
            }),
        }
    }
}

/// A public arrival report (PRX-13).
#[derive(Debug, Serialize, ToSchema)]
pub struct ArrivalReportResponse {
    /// The member's words.
    pub comment: String,
    /// When the receipt was reported.
    pub reported_at: DateTime<Utc>,
}

impl From<proxy::ProxyOrder> for ProxyOrderResponse {
    fn from(o: proxy::ProxyOrder) -> Self {
        let first = o.invoice(proxy::Stage::First).cloned().map(Into::into);
        let second = o.invoice(proxy::Stage::Second).cloned().map(Into::into);
        let deadline = o.payment_deadline();
        let storage = o.storage_window().map(|(since, free_until)| StorageResponse {
            since,
            free_until,
            fee_per_day: o.storage_terms.fee_per_day,
        });
        Self {
            id: o.id,
            number: o.number,
            shop: ShopRef { id: o.shop_id.0, name: o.shop_name },
            status: o.status.into(),
            needs_member_action: o.status.needs_member() && o.weight_disputed_at.is_none(),
            weight_disputed_at: o.weight_disputed_at,
            storage,
            local_charges: o
                .local_charges
                .into_iter()
                .map(|c| LocalChargeResponse {
                    id: c.id,
                    description: c.description,
                    amount: c.amount,
                    created_at: c.created_at,
                })
                .collect(),
            parcel_photos: o.parcel_photos.iter().map(ItemPhotoResponse::from).collect(),
            refund_to: o.refund_to.into(),
            shipping_priority: o.shipping_priority.into(),
            ship_to: o.ship_to.into(),
            note: o.note,
            items: o
                .items
                .into_iter()
                .map(|i| ProxyItemResponse {
                    question_open: i.question_open(),
                    photos: i.photos.iter().map(ItemPhotoResponse::from).collect(),
                    id: i.id,
                    source_url: i.source_url,
                    name: i.name,
                    options: i.options,
                    quantity: i.quantity,
                    requested_unit_price: i.requested_unit_price,
                    unit_price: i.unit_price,
                    domestic_shipping: i.domestic_shipping,
                    status: i.status.into(),
                    question: i.question,
                    answer: i.answer,
                })
                .collect(),
            first_invoice: first,
            second_invoice: second,
            invoice_history: o.invoices.into_iter().map(Into::into).collect(),
            payment_deadline: deadline,
            quoted_at: o.quoted_at,
            first_paid_at: o.first_paid_at,
            cancel_reason: o.cancel_reason.map(Into::into),
            cancelled_at: o.cancelled_at,
            created_at: o.created_at,
            parcel: o.parcel.map(|p| ParcelResponse {
                weight_grams: p.weight_grams,
                length_cm: p.length_cm,
                width_cm: p.width_cm,
                height_cm: p.height_cm,
                method: o.shipping_method.map(Into::into),
                rate_table: o.rate_table.clone(),
            }),
            shipment: o.shipment.map(|s| ProxyShipmentResponse {
                carrier: s.carrier,
                tracking_number: s.tracking_number,
                shipped_at: s.shipped_at,
            }),
            completed_at: o.completed_at,
            receipt_comment: o.receipt_comment,
        }
    }
}

/// `reported` (waiting for staff), `confirmed` (the money arrived), `rejected` (no such money).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = TransferStatus)]
pub enum TransferStatusDto {
    Reported,
    Confirmed,
    Rejected,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransferReportResponse {
    /// The report's id.
    pub id: Uuid,
    /// The day the member sent the money.
    pub transferred_on: NaiveDate,
    /// What the member says they sent.
    #[schema(value_type = String)]
    pub amount: Money,
    /// The sender's name as the bank shows it.
    pub sender_kana: String,
    /// Reported, confirmed or rejected.
    pub status: TransferStatusDto,
    /// What staff saw arrive.
    #[schema(value_type = Option<String>)]
    pub received_amount: Option<Money>,
    /// When the member reported it.
    pub reported_at: DateTime<Utc>,
    /// When staff confirmed or rejected it.
    pub confirmed_at: Option<DateTime<Utc>>,
}

impl From<kaimono_payments::TransferReport> for TransferReportResponse {
    fn from(r: kaimono_payments::TransferReport) -> Self {
        Self {
            id: r.id,
            transferred_on: r.transferred_on,
            amount: r.amount,
            sender_kana: r.sender_kana,
            status: match r.status {
                kaimono_payments::TransferStatus::Reported => TransferStatusDto::Reported,
                kaimono_payments::TransferStatus::Confirmed => TransferStatusDto::Confirmed,
                kaimono_payments::TransferStatus::Rejected => TransferStatusDto::Rejected,
            },
            received_amount: r.received_amount,
            reported_at: r.reported_at,
            confirmed_at: r.confirmed_at,
        }
    }
}

/// A transfer report in the staff's queue, with what it pays.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueuedTransferResponse {
    #[serde(flatten)]
    pub report: TransferReportResponse,
    /// The member who reported it.
    pub account_id: Uuid,
    /// The order it pays, or none for a deposit top-up.
    pub order_id: Option<Uuid>,
    pub order_number: Option<String>,
    /// 1 or 2 (which invoice), none for a top-up.
    pub stage: Option<i16>,
}

impl From<proxy::QueuedTransfer> for QueuedTransferResponse {
    fn from(q: proxy::QueuedTransfer) -> Self {
        let account_id = q.report.account_id.0;
        let (order_id, order_number, stage) = match q.order {
            Some((id, number, stage)) => (Some(id), Some(number), Some(stage.number())),
            None => (None, None, None),
        };
        Self { report: q.report.into(), account_id, order_id, order_number, stage }
    }
}

/// The member's payment page (PAY-05 to PAY-07): what is due and each way to pay it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentOptionsResponse {
    /// 1 or 2.
    pub stage: i16,
    /// The invoice waiting for payment.
    pub invoice: InvoiceResponse,
    /// What the deposit holds; it is used first.
    #[schema(value_type = String)]
    pub deposit_balance: Money,
    /// Where to transfer to (the fee is the member's).
    pub bank_account: Option<BankAccountDto>,
    /// PAY-07: the card surcharge rate in basis points (400 = 4 %) …
    pub card_surcharge_rate_bp: u32,
    /// … on what is due, and the total the card page will charge.
    #[schema(value_type = String)]
    pub card_surcharge: Money,
    /// What the card page will charge: the amount due and the surcharge.
    #[schema(value_type = String)]
    pub card_total: Money,
    /// Transfers reported for this invoice.
    pub transfers: Vec<TransferReportResponse>,
}

impl From<proxy::PaymentOptions> for PaymentOptionsResponse {
    fn from(p: proxy::PaymentOptions) -> Self {
        Self {
            stage: p.stage.number(),
            invoice: p.invoice.into(),
            deposit_balance: p.deposit_balance,
            bank_account: p.bank_account.map(Into::into),
            card_surcharge_rate_bp: p.card_surcharge_bp,
            card_surcharge: p.card_surcharge,
            card_total: p.card_total,
            transfers: p.transfers.into_iter().map(Into::into).collect(),
        }
    }
}

/// `top_up`, `use`, `refund`, `overpayment` (more arrived than was due), `adjustment` (by staff).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = DepositEntryKind)]
pub enum DepositKindDto {
    TopUp,
    Use,
    Refund,
    Overpayment,
    Adjustment,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DepositEntryResponse {
    /// The entry's id.
    pub id: Uuid,
    /// Why the balance moved.
    pub kind: DepositKindDto,
    /// Signed: positive in, negative out (`"-1200"`).
    #[schema(value_type = String)]
    pub amount: Money,
    /// The balance after this movement.
    #[schema(value_type = String)]
    pub balance_after: Money,
    /// What it was for.
    pub reference: Option<String>,
    /// Staff's reason for an adjustment.
    pub reason: Option<String>,
    /// When it moved.
    pub at: DateTime<Utc>,
}

/// A deposit (PAY-06): the balance and the newest movements first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DepositResponse {
    /// What the deposit holds now.
    #[schema(value_type = String)]
    pub balance: Money,
    /// The newest movements first (at most 100).
    pub entries: Vec<DepositEntryResponse>,
}

impl DepositResponse {
    pub fn new(balance: Money, entries: Vec<kaimono_payments::DepositEntry>) -> Self {
        use kaimono_payments::DepositKind as K;
        Self {
            balance,
            entries: entries
                .into_iter()
                .map(|e| DepositEntryResponse {
                    id: e.id,
                    kind: match e.kind {
                        K::TopUp => DepositKindDto::TopUp,
                        K::Use => DepositKindDto::Use,
                        K::Refund => DepositKindDto::Refund,
                        K::Overpayment => DepositKindDto::Overpayment,
                        K::Adjustment => DepositKindDto::Adjustment,
                    },
                    amount: Money::yen(e.amount),
                    balance_after: e.balance_after,
                    reference: e.reference,
                    reason: e.reason,
                    at: e.at,
                })
                .collect(),
        }
    }
}
