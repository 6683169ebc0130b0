//! Wire types of subscriptions (定期購入): settings, the subscription cart, checkout, the subscription
//! with its schedule, and the changes staff and members may make.

use crate::dto::orders::{CarrierDto, ShipToResponse};
use crate::dto::products::ShopRef;
use crate::dto::{TaxCategoryDto, validate_yen};
use crate::error::{ApiError, ErrorCode};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::Money;
use kaimono_subscriptions::{
    Cycle, DeliveryStatus, NumberRule, PaymentMethod, ScheduledDelivery, Subscription, SubscriptionCart,
    SubscriptionItem, SubscriptionReview, SubscriptionSettings, SubscriptionStatus,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// `monthly` (on day `value` of each month; a short month delivers on its last day) or `every_days`
/// (every `value` days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CycleKindDto {
    Monthly,
    EveryDays,
}

/// A delivery cycle (配送サイクル, SUB-02).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CycleDto {
    /// Monthly on a day, or every N days.
    pub kind: CycleKindDto,
    /// The day of the month (1–31) or the number of days (1–365).
    #[validate(range(min = 1, max = 365))]
    #[schema(minimum = 1, maximum = 365)]
    pub value: u32,
}

impl CycleDto {
    /// The domain cycle, or a 422 on `field` (a monthly day past 31).
    pub fn parse(self, field: &str) -> Result<Cycle, ApiError> {
        let kind = match self.kind {
            CycleKindDto::Monthly => "monthly",
            CycleKindDto::EveryDays => "every_days",
        };
        Cycle::parse(kind, self.value).map_err(|_| {
            ApiError::field(ErrorCode::ValidationFailed, &format!("{field}.value"), "a monthly day is 1 to 31")
        })
    }
}

impl From<Cycle> for CycleDto {
    fn from(c: Cycle) -> Self {
        match c {
            Cycle::Monthly { day } => CycleDto { kind: CycleKindDto::Monthly, value: day },
            Cycle::EveryDays { days } => CycleDto { kind: CycleKindDto::EveryDays, value: days },
        }
    }
}

/// How a subscription is paid (PAY-08): a saved `card` (authorized when each order is generated, if the
/// shop says so), `cash_on_delivery` (代金引換, with the shop's fee), `deferred` (後払い) or `custom`, one
/// of the shop's own methods (自由設定決済, named by `custom_method_id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethodDto {
    Card,
    CashOnDelivery,
    Deferred,
    Custom,
}

impl PaymentMethodDto {
    /// The method, with the shop's own method's id for `custom` (422 on `custom_method_id` without it).
    pub fn parse(self, custom_method_id: Option<Uuid>) -> Result<PaymentMethod, ApiError> {
        Ok(match self {
            PaymentMethodDto::Card => PaymentMethod::Card,
            PaymentMethodDto::CashOnDelivery => PaymentMethod::CashOnDelivery,
            PaymentMethodDto::Deferred => PaymentMethod::Deferred,
            PaymentMethodDto::Custom => PaymentMethod::Custom(custom_method_id.ok_or_else(|| {
                ApiError::field(ErrorCode::ValidationFailed, "custom_method_id", "choose one of the shop's methods")
            })?),
        })
    }

    /// A built-in method (the shop's own are listed in `custom_methods`), or a 422 on `field`.
    fn built_in(self, field: &str) -> Result<PaymentMethod, ApiError> {
        match self {
            PaymentMethodDto::Custom => Err(ApiError::field(
                ErrorCode::ValidationFailed,
                field,
                "the shop's own methods are listed in custom_methods",
            )),
            built_in => built_in.parse(None),
        }
    }
}

impl From<PaymentMethod> for PaymentMethodDto {
    fn from(m: PaymentMethod) -> Self {
        match m {
            PaymentMethod::Card => PaymentMethodDto::Card,
            PaymentMethod::CashOnDelivery => PaymentMethodDto::CashOnDelivery,
            PaymentMethod::Deferred => PaymentMethodDto::Deferred,
            PaymentMethod::Custom(_) => PaymentMethodDto::Custom,
        }
    }
}

/// PAY-08: one of the shop's own payment methods (自由設定決済): bank transfer, a convenience-store slip
/// … paid as the shop arranges; its orders ship while awaiting payment.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomMethodDto {
    /// Its id; absent for a new method (given in responses).
    pub id: Option<Uuid>,
    /// Its name as members see it, 1–40 characters.
    #[validate(length(min = 1, max = 40), custom(function = crate::dto::validate_not_blank))]
    #[schema(min_length = 1, max_length = 40)]
    pub name: String,
    /// The fee per delivery, tax-inclusive (in terms: after benefits).
    #[schema(value_type = String, example = "0")]
    #[validate(custom(function = validate_yen))]
    pub fee: Money,
    /// The carriers it works with (empty: every carrier).
    #[serde(default)]
    #[validate(length(max = 5))]
    #[schema(max_items = 5)]
    pub carriers: Vec<CarrierDto>,
    /// How to pay, shown when it is chosen, at most 500 characters.
    #[serde(default)]
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub description: String,
}

impl CustomMethodDto {
    fn parse(&self) -> kaimono_subscriptions::CustomMethod {
        kaimono_subscriptions::CustomMethod {
            id: self.id.unwrap_or_else(Uuid::now_v7),
            name: self.name.trim().to_owned(),
            fee: self.fee,
            carriers: self.carriers.iter().map(|c| (*c).into()).collect(),
            description: self.description.trim().to_owned(),
        }
    }

    fn from_settings(m: &kaimono_subscriptions::CustomMethod, fee: Money) -> Self {
        CustomMethodDto {
            id: Some(m.id),
            name: m.name.clone(),
            fee,
            carriers: m.carriers.iter().map(|c| (*c).into()).collect(),
            description: m.description.clone(),
        }
    }
}

/// How subscription numbers are made (SUB-09): `system` (1, 2, 3 …), `sequence` (zero-padded to
/// `digits`), `prefix` (`prefix` then the sequence) or `date` (YYYYMMDD, a hyphen if `hyphen`, then the
/// sequence). The sequence wraps to 1 after its largest value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NumberRuleKindDto {
    System,
    Sequence,
    Prefix,
    Date,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberRuleDto {
    /// Which rule.
    pub kind: NumberRuleKindDto,
    /// Digits of the sequence, 5–10 (not for `system`).
    #[validate(range(min = 5, max = 10))]
    #[schema(minimum = 5, maximum = 10)]
    pub digits: Option<u32>,
    /// For `prefix`: up to 10 of A–Z a–z 0–9 - _ /.
    #[validate(length(min = 1, max = 10))]
    #[schema(min_length = 1, max_length = 10, pattern = "^[A-Za-z0-9_/-]{1,10}$")]
    pub prefix: Option<String>,
    /// For `date`: a hyphen between the date and the sequence.
    #[serde(default)]
    pub hyphen: bool,
}

impl NumberRuleDto {
    pub fn parse(self) -> Result<NumberRule, ApiError> {
        let digits = || {
            self.digits.ok_or_else(|| {
                ApiError::field(ErrorCode::ValidationFailed, "number_rule.digits", "is required for this rule")
            })
        };
        let rule = match self.kind {
            NumberRuleKindDto::System => NumberRule::System,
            NumberRuleKindDto::Sequence => NumberRule::Sequence { digits: digits()? },
            NumberRuleKindDto::Prefix => NumberRule::Prefix {
                prefix: self.prefix.clone().ok_or_else(|| {
                    ApiError::field(ErrorCode::ValidationFailed, "number_rule.prefix", "is required for this rule")
                })?,
                digits: digits()?,
            },
            NumberRuleKindDto::Date => NumberRule::Date { hyphen: self.hyphen, digits: digits()? },
        };
        Ok(rule)
    }
}

impl From<&NumberRule> for NumberRuleDto {
    fn from(r: &NumberRule) -> Self {
        let (kind, prefix, hyphen) = match r {
            NumberRule::System => (NumberRuleKindDto::System, None, false),
            NumberRule::Sequence { .. } => (NumberRuleKindDto::Sequence, None, false),
            NumberRule::Prefix { prefix, .. } => (NumberRuleKindDto::Prefix, Some(prefix.clone()), false),
            NumberRule::Date { hyphen, .. } => (NumberRuleKindDto::Date, None, *hyphen),
        };
        NumberRuleDto { kind, digits: r.digits(), prefix, hyphen }
    }
}

/// A shop's subscription settings (SUB-08, SUB-09), as saved or to save.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubscriptionSettingsDto {
    /// Sell on subscription (switching off is refused while subscriptions run).
    pub enabled: bool,
    /// Take new sign-ups (running subscriptions go on either way).
    pub accepting: bool,
    /// Offer "monthly on day N".
    pub monthly_allowed: bool,
    /// Offer "every N days", N from `interval_min` to `interval_max`.
    pub interval_allowed: bool,
    /// 1–365.
    #[validate(range(min = 1, max = 365))]
    #[schema(minimum = 1, maximum = 365)]
    pub interval_min: u32,
    /// `interval_min`–365.
    #[validate(range(min = 1, max = 365))]
    #[schema(minimum = 1, maximum = 365)]
    pub interval_max: u32,
    /// The payment methods offered for subscriptions (at least one).
    #[validate(length(min = 1, max = 3))]
    #[schema(min_items = 1, max_items = 3)]
    pub payment_methods: Vec<PaymentMethodDto>,
    /// PAY-08: the carriers each payment method works with; a method not listed works with every
    /// carrier. Checked at checkout and on My Page; the preflight reports subscriptions left mismatched.
    #[serde(default)]
    #[validate(length(max = 3))]
    #[schema(max_items = 3)]
    pub method_carriers: Vec<MethodCarriersDto>,
    /// The cash-on-delivery fee, tax-inclusive.
    #[schema(value_type = String, example = "330")]
    #[validate(custom(function = validate_yen))]
    pub cod_fee: Money,
    /// PAY-08: the shop's own payment methods (自由設定決済), at most 10, each offered while listed. A
    /// subscription paid by one keeps its name as chosen.
    #[serde(default)]
    #[validate(length(max = 10), nested)]
    #[schema(max_items = 10)]
    pub custom_methods: Vec<CustomMethodDto>,
    /// Benefit: subscription orders ship free.
    pub free_shipping: bool,
    /// Benefit: off the normal shipping fee (never below ¥0).
    #[schema(value_type = String, example = "200")]
    #[validate(custom(function = validate_yen))]
    pub shipping_discount: Money,
    /// Benefit: no payment fee.
    pub free_fee: bool,
    /// Points on each generated order, in basis points of its amount (100 = 1 %), 0–10,000.
    #[validate(range(max = 10000))]
    #[schema(maximum = 10000)]
    pub points_rate_bp: u32,
    /// Days before a delivery that its order is generated, 1–30. A change applies from the delivery
    /// after next.
    #[validate(range(min = 1, max = 30))]
    #[schema(minimum = 1, maximum = 30)]
    pub lead_days: u32,
    /// Authorize the card when an order is generated.
    pub auto_authorize: bool,
    /// Email card-expiry notices automatically.
    pub card_expiry_auto: bool,
    /// Members may change the cycle and time slot on My Page.
    pub member_changes_cycle: bool,
    /// Members may change the payment method on My Page.
    pub member_changes_payment: bool,
    /// The numbering rule.
    #[validate(nested)]
    pub number_rule: NumberRuleDto,
    /// On a change: restart the sequence so that the next number is this + 1 (0 up to the rule's largest
    /// sequence number). Always null in responses.
    #[serde(default)]
    #[validate(range(min = 0))]
    pub number_initial: Option<i64>,
}

impl SubscriptionSettingsDto {
    pub fn parse(self) -> Result<SubscriptionSettings, ApiError> {
        if self.interval_max < self.interval_min {
            return Err(ApiError::field(ErrorCode::ValidationFailed, "interval_max", "must be at least interval_min"));
        }
        Ok(SubscriptionSettings {
            enabled: self.enabled,
            accepting: self.accepting,
            monthly_allowed: self.monthly_allowed,
            interval_allowed: self.interval_allowed,
            interval_min: self.interval_min,
            interval_max: self.interval_max,
            payment_methods: self
                .payment_methods
                .iter()
                .map(|m| m.built_in("payment_methods"))
                .collect::<Result<_, _>>()?,
            method_carriers: self
                .method_carriers
                .iter()
                .map(|m| Ok((m.method.built_in("method_carriers")?, m.carriers.iter().map(|c| (*c).into()).collect())))
                .collect::<Result<_, ApiError>>()?,
            cod_fee: self.cod_fee,
            custom_methods: self.custom_methods.iter().map(CustomMethodDto::parse).collect(),
            benefits: kaimono_subscriptions::Benefits {
                free_shipping: self.free_shipping,
                shipping_discount: self.shipping_discount,
                free_fee: self.free_fee,
            },
            points_rate_bp: self.points_rate_bp,
            lead_days: self.lead_days,
            auto_authorize: self.auto_authorize,
            card_expiry_auto: self.card_expiry_auto,
            member_changes_cycle: self.member_changes_cycle,
            member_changes_payment: self.member_changes_payment,
            number_rule: self.number_rule.parse()?,
        })
    }
}

impl From<SubscriptionSettings> for SubscriptionSettingsDto {
    fn from(s: SubscriptionSettings) -> Self {
        SubscriptionSettingsDto {
            enabled: s.enabled,
            accepting: s.accepting,
            monthly_allowed: s.monthly_allowed,
            interval_allowed: s.interval_allowed,
            interval_min: s.interval_min,
            interval_max: s.interval_max,
            method_carriers: method_carriers(&s),
            payment_methods: s.payment_methods.iter().map(|m| (*m).into()).collect(),
            cod_fee: s.cod_fee,
            custom_methods: s.custom_methods.iter().map(|m| CustomMethodDto::from_settings(m, m.fee)).collect(),
            free_shipping: s.benefits.free_shipping,
            shipping_discount: s.benefits.shipping_discount,
            free_fee: s.benefits.free_fee,
            points_rate_bp: s.points_rate_bp,
            lead_days: s.lead_days,
            auto_authorize: s.auto_authorize,
            card_expiry_auto: s.card_expiry_auto,
            member_changes_cycle: s.member_changes_cycle,
            member_changes_payment: s.member_changes_payment,
            number_rule: NumberRuleDto::from(&s.number_rule),
            number_initial: None,
        }
    }
}

/// PAY-08: the carriers one payment method works with.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MethodCarriersDto {
    /// The payment method.
    pub method: PaymentMethodDto,
    /// The carriers it works with (empty: every carrier).
    #[validate(length(max = 5))]
    #[schema(max_items = 5)]
    pub carriers: Vec<CarrierDto>,
}

fn method_carriers(s: &SubscriptionSettings) -> Vec<MethodCarriersDto> {
    s.method_carriers
        .iter()
        .filter(|(_, carriers)| !carriers.is_empty())
        .map(|(method, carriers)| MethodCarriersDto {
            method: (*method).into(),
            carriers: carriers.iter().map(|c| (*c).into()).collect(),
        })
        .collect()
}

/// What a shopper may choose when subscribing at a shop (public).
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionTermsResponse {
    /// The shop takes new subscriptions now.
    pub accepting: bool,
    /// "Monthly on day N" is offered.
    pub monthly_allowed: bool,
    /// "Every N days" is offered, N in `interval_min`–`interval_max`.
    pub interval_allowed: bool,
    /// The shortest interval in days.
    pub interval_min: u32,
    /// The longest interval in days.
    pub interval_max: u32,
    /// The payment methods offered.
    pub payment_methods: Vec<PaymentMethodDto>,
    /// PAY-08: the carriers each method works with (a method not listed works with every carrier).
    pub method_carriers: Vec<MethodCarriersDto>,
    /// The cash-on-delivery fee (after benefits).
    #[schema(value_type = String, example = "330")]
    pub cod_fee: Money,
    /// PAY-08: the shop's own methods (`custom` with `custom_method_id`), fees after benefits.
    pub custom_methods: Vec<CustomMethodDto>,
    /// Subscription orders ship free.
    pub free_shipping: bool,
    /// Off the normal shipping fee.
    #[schema(value_type = String, example = "200")]
    pub shipping_discount: Money,
    /// Days before each delivery that its order is made.
    pub lead_days: u32,
    /// Members may change the cycle and time slot on My Page.
    pub member_changes_cycle: bool,
    /// Members may change the payment method on My Page.
    pub member_changes_payment: bool,
}

impl From<SubscriptionSettings> for SubscriptionTermsResponse {
    fn from(s: SubscriptionSettings) -> Self {
        SubscriptionTermsResponse {
            accepting: s.enabled && s.accepting,
            monthly_allowed: s.monthly_allowed,
            interval_allowed: s.interval_allowed,
            interval_min: s.interval_min,
            interval_max: s.interval_max,
            method_carriers: method_carriers(&s),
            payment_methods: s.payment_methods.iter().map(|m| (*m).into()).collect(),
            cod_fee: s.benefits.fee(s.cod_fee),
            custom_methods: s
                .custom_methods
                .iter()
                .map(|m| CustomMethodDto::from_settings(m, s.benefits.fee(m.fee)))
                .collect(),
            free_shipping: s.benefits.free_shipping,
            shipping_discount: s.benefits.shipping_discount,
            lead_days: s.lead_days,
            member_changes_cycle: s.member_changes_cycle,
            member_changes_payment: s.member_changes_payment,
        }
    }
}

/// A line of the subscription cart.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionCartLineResponse {
    /// The variant.
    pub variant_id: Uuid,
    /// Its product.
    pub product_id: Uuid,
    /// The product's name.
    pub product_name: String,
    /// The variant's SKU.
    pub sku: String,
    /// Its color.
    pub color: String,
    /// Its size.
    pub size: String,
    /// Units per delivery.
    pub quantity: u32,
    /// The first delivery's unit price, tax-inclusive.
    #[schema(value_type = String, example = "980")]
    pub first_price: Money,
    /// The unit price from the 2nd delivery on.
    #[schema(value_type = String, example = "1980")]
    pub price: Money,
    /// Deliveries at most, the first included; absent for no limit.
    pub max_deliveries: Option<u32>,
}

/// The subscription cart (定期購入カゴ, CART-01): one shop's subscription items.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionCartResponse {
    /// The shop of its items; absent when empty.
    pub shop: Option<ShopRef>,
    /// Its lines, in the order they were added.
    pub lines: Vec<SubscriptionCartLineResponse>,
    /// The first delivery's goods, tax-inclusive.
    #[schema(value_type = String, example = "980")]
    pub first_goods: Money,
    /// Each later delivery's goods.
    #[schema(value_type = String, example = "1980")]
    pub later_goods: Money,
}

impl From<SubscriptionCart> for SubscriptionCartResponse {
    fn from(c: SubscriptionCart) -> Self {
        let shop = c.lines.first().map(|l| ShopRef { id: l.variant.shop_id.0, name: l.variant.shop_name.clone() });
        SubscriptionCartResponse {
            shop,
            first_goods: c.first_goods(),
            later_goods: c.later_goods(),
            lines: c
                .lines
                .into_iter()
                .map(|l| SubscriptionCartLineResponse {
                    variant_id: l.variant.id.0,
                    product_id: l.variant.product_id.0,
                    product_name: l.variant.product_name,
                    sku: l.variant.sku,
                    color: l.variant.color,
                    size: l.variant.size,
                    quantity: l.quantity,
                    first_price: l.terms.first_price,
                    price: l.terms.price,
                    max_deliveries: l.terms.max_deliveries,
                })
                .collect(),
        }
    }
}

/// What the member chooses at the subscription checkout (SUB-01).
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubscriptionCheckoutRequest {
    /// The delivery cycle, one the shop offers.
    #[validate(nested)]
    pub cycle: CycleDto,
    /// One of the member's delivery addresses.
    pub address_id: Uuid,
    /// One of the shop's subscription payment methods.
    pub payment_method: PaymentMethodDto,
    /// One of the member's saved cards, when paying by card.
    pub card_id: Option<Uuid>,
    /// One of the shop's own methods, when paying by `custom`.
    pub custom_method_id: Option<Uuid>,
    /// One of the shop's carriers (its first when absent).
    pub carrier: Option<CarrierDto>,
    /// Wished time slot: `morning`, `12-14`, `14-16`, `16-18`, `18-20`, `19-21`.
    #[validate(custom(function = crate::dto::validate_time_slot))]
    pub delivery_time_slot: Option<String>,
    /// The first delivery's wished date, inside the shop's delivery window; absent for the earliest.
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub first_delivery_on: Option<NaiveDate>,
    /// SUB-15: points to pay part of the first order with (1 point = ¥1): at most the balance, and fewer
    /// than the first order's total.
    #[validate(range(max = 10_000_000))]
    #[schema(maximum = 10_000_000)]
    pub points: Option<u32>,
}

impl SubscriptionCheckoutRequest {
    pub fn parse(&self) -> Result<kaimono_subscriptions::NewSubscription, ApiError> {
        Ok(kaimono_subscriptions::NewSubscription {
            cycle: self.cycle.parse("cycle")?,
            address_id: kaimono_core::AddressId(self.address_id),
            payment_method: self.payment_method.parse(self.custom_method_id)?,
            card_id: self.card_id,
            carrier: self.carrier.map(Into::into),
            time_slot: self.delivery_time_slot.clone(),
            first_delivery_on: self.first_delivery_on,
            points: i64::from(self.points.unwrap_or(0)),
        })
    }
}

/// The final confirmation (最終確認画面) of a subscription before it is placed: what each delivery
/// costs, when they come and how to end it (特定商取引法 §12-6). Placing stores exactly this.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionReviewResponse {
    /// The shop.
    pub shop_id: Uuid,
    /// The items with their first and later prices.
    pub cart: SubscriptionCartResponse,
    /// The cycle.
    pub cycle: CycleDto,
    /// The carrier.
    pub carrier: Option<CarrierDto>,
    /// The payment method.
    pub payment_method: PaymentMethodDto,
    /// The shop's own method's name (`custom`).
    pub payment_method_name: Option<String>,
    /// Shipping per delivery, benefits applied, kept for every delivery unless the shop edits it.
    #[schema(value_type = String, example = "0")]
    pub shipping_fee: Money,
    /// The payment fee per delivery.
    #[schema(value_type = String, example = "0")]
    pub fee: Money,
    /// The first order's total, tax-inclusive.
    #[schema(value_type = String, example = "1780")]
    pub first_total: Money,
    /// SUB-15: points used on the first order.
    pub points_used: i64,
    /// The member's points balance now.
    pub points_available: i64,
    /// What the member pays for the first order: `first_total` less the points.
    #[schema(value_type = String, example = "1780")]
    pub first_amount_due: Money,
    /// Each later delivery's total.
    #[schema(value_type = String, example = "2780")]
    pub later_total: Money,
    /// The first delivery's wished date, if chosen.
    pub first_delivery_on: Option<NaiveDate>,
    /// The first delivery on the cycle (the 2nd delivery).
    pub next_delivery_on: NaiveDate,
    /// Days before each delivery that its order is made.
    pub lead_days: u32,
}

impl From<SubscriptionReview> for SubscriptionReviewResponse {
    fn from(r: SubscriptionReview) -> Self {
        SubscriptionReviewResponse {
            shop_id: r.shop_id.0,
            cycle: r.cycle.into(),
            carrier: r.carrier.map(Into::into),
            payment_method: r.payment_method.into(),
            payment_method_name: r.payment_method_name.clone(),
            shipping_fee: r.shipping_fee,
            fee: r.fee,
            first_total: r.first_total(),
            points_used: r.points_used,
            points_available: r.points_available,
            first_amount_due: r.first_amount_due(),
            later_total: r.later_total(),
            first_delivery_on: r.first_delivery_on,
            next_delivery_on: r.next_delivery_on,
            lead_days: r.lead_days,
            cart: r.cart.into(),
        }
    }
}

/// `active` or `ended` (for good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubscriptionStatusDto {
    Active,
    Ended,
}

impl From<SubscriptionStatusDto> for SubscriptionStatus {
    fn from(s: SubscriptionStatusDto) -> Self {
        match s {
            SubscriptionStatusDto::Active => SubscriptionStatus::Active,
            SubscriptionStatusDto::Ended => SubscriptionStatus::Ended,
        }
    }
}

/// An item of a subscription: a snapshot, not changed by later catalog edits (SUB-03).
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionItemResponse {
    /// The item's id (name it in item changes).
    pub id: Uuid,
    /// The variant.
    pub variant_id: Uuid,
    /// The product's name at sign-up.
    pub product_name: String,
    /// The SKU.
    pub sku: String,
    /// The color.
    pub color: String,
    /// The size.
    pub size: String,
    /// Its consumption-tax rate.
    pub tax_category: TaxCategoryDto,
    /// The first delivery's unit price.
    #[schema(value_type = String, example = "980")]
    pub first_price: Money,
    /// The unit price from the 2nd delivery on.
    #[schema(value_type = String, example = "1980")]
    pub unit_price: Money,
    /// A raised 2nd+ price the shop set, waiting for the member's consent; `unit_price` is charged
    /// until then.
    #[schema(value_type = Option<String>, example = "2180")]
    pub proposed_price: Option<Money>,
    /// Units per delivery.
    pub quantity: u32,
    /// Deliveries at most; absent for no limit.
    pub max_deliveries: Option<u32>,
    /// Deliveries so far (counted at generation, SUB-13).
    pub deliveries: u32,
    /// False once it reached its maximum (or was removed) and is no longer delivered.
    pub active: bool,
}

impl From<SubscriptionItem> for SubscriptionItemResponse {
    fn from(i: SubscriptionItem) -> Self {
        SubscriptionItemResponse {
            id: i.id,
            variant_id: i.variant_id.0,
            product_name: i.product_name,
            sku: i.sku,
            color: i.color,
            size: i.size,
            tax_category: i.tax_category.into(),
            first_price: i.first_price,
            unit_price: i.unit_price,
            proposed_price: i.proposed_price,
            quantity: i.quantity,
            max_deliveries: i.max_deliveries,
            deliveries: i.deliveries,
            active: i.active,
        }
    }
}

/// Where a delivery of the schedule is: `generated` (its order exists), `skipped`, `upcoming`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatusDto {
    Generated,
    Skipped,
    Upcoming,
}

/// One delivery of the schedule (SUB-07).
#[derive(Debug, Serialize, ToSchema)]
pub struct ScheduledDeliveryResponse {
    /// The delivery date.
    pub delivery_on: NaiveDate,
    /// When its order was, or will be, generated.
    pub generation_on: NaiveDate,
    /// Generated, skipped or upcoming.
    pub status: DeliveryStatusDto,
    /// An upcoming delivery the shop will skip (undoable until generation).
    pub skip: bool,
    /// Its order, once generated.
    pub order_id: Option<Uuid>,
    /// Which delivery it is (1 = the first order); absent for skips.
    pub sequence: Option<u32>,
}

impl From<ScheduledDelivery> for ScheduledDeliveryResponse {
    fn from(d: ScheduledDelivery) -> Self {
        let (status, skip) = match d.status {
            DeliveryStatus::Generated => (DeliveryStatusDto::Generated, false),
            DeliveryStatus::Skipped => (DeliveryStatusDto::Skipped, false),
            DeliveryStatus::Upcoming { skip } => (DeliveryStatusDto::Upcoming, skip),
        };
        ScheduledDeliveryResponse {
            delivery_on: d.delivery_on,
            generation_on: d.generation_on,
            status,
            skip,
            order_id: d.order_id,
            sequence: d.sequence,
        }
    }
}

/// A subscription (定期購入).
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionResponse {
    /// The subscription's id.
    pub id: Uuid,
    /// Its number, by the shop's rule (SUB-09).
    pub number: String,
    /// The shop.
    pub shop: ShopRef,
    /// Active or ended.
    pub status: SubscriptionStatusDto,
    /// The delivery cycle.
    pub cycle: CycleDto,
    /// The carrier, if the shop ships with set carriers.
    pub carrier: Option<CarrierDto>,
    /// The wished time slot.
    pub delivery_time_slot: Option<String>,
    /// How it is paid.
    pub payment_method: PaymentMethodDto,
    /// The saved card, when paid by card.
    pub card_id: Option<Uuid>,
    /// The shop's own method, when paid by `custom` …
    pub custom_method_id: Option<Uuid>,
    /// … and its name as it was when chosen.
    pub payment_method_name: Option<String>,
    /// Where it is delivered.
    pub ship_to: ShipToResponse,
    /// Shipping per delivery (fixed at sign-up unless the shop edits it).
    #[schema(value_type = String, example = "0")]
    pub shipping_fee: Money,
    /// The payment fee per delivery.
    #[schema(value_type = String, example = "0")]
    pub fee: Money,
    /// The shop's memo, copied to each generated order (staff only; empty for members).
    pub memo: String,
    /// Deliveries so far, the first order included.
    pub deliveries: u32,
    /// The items, the ones no longer delivered included.
    pub items: Vec<SubscriptionItemResponse>,
    /// Each later delivery's total, tax-inclusive.
    #[schema(value_type = String, example = "2780")]
    pub later_total: Money,
    /// The next delivery (when active).
    pub next_delivery_on: Option<NaiveDate>,
    /// When its order will be generated (受注反映日2).
    pub next_generation_on: Option<NaiveDate>,
    /// The shop will skip the next delivery.
    pub skip_next: bool,
    /// The last generated delivery's date (配送スケジュール1).
    pub last_delivery_on: Option<NaiveDate>,
    /// When the last order was generated (受注反映日1).
    pub last_generated_at: Option<DateTime<Utc>>,
    /// When it was placed.
    pub created_at: DateTime<Utc>,
    /// When it ended.
    pub ended_at: Option<DateTime<Utc>>,
    /// The SHA-256 of the final confirmation the member agreed to (see `confirmation` on the detail).
    pub confirmation_sha256: String,
    /// The final confirmation the member agreed to, as stored (detail only).
    #[schema(value_type = Option<Object>)]
    pub confirmation: Option<serde_json::Value>,
    /// Past and upcoming deliveries (detail only).
    pub schedule: Option<Vec<ScheduledDeliveryResponse>>,
    /// The member's consents to raised prices, oldest first (detail only).
    pub price_consents: Option<Vec<PriceConsentResponse>>,
}

/// A member's consent to raised prices: what they agreed to, as stored, and its SHA-256.
#[derive(Debug, Serialize, ToSchema)]
pub struct PriceConsentResponse {
    /// Each raised item with its price before and after.
    #[schema(value_type = Object)]
    pub content: serde_json::Value,
    /// The SHA-256 of the stored content.
    pub content_sha256: String,
    /// When the member consented.
    pub consented_at: DateTime<Utc>,
}

impl From<kaimono_subscriptions::PriceConsent> for PriceConsentResponse {
    fn from(c: kaimono_subscriptions::PriceConsent) -> Self {
        PriceConsentResponse { content: c.content, content_sha256: c.content_sha256, consented_at: c.consented_at }
    }
}

impl SubscriptionResponse {
    /// A list row (no confirmation, no schedule); `staff` sees the memo.
    pub fn row(s: Subscription, staff: bool) -> Self {
        let active = s.status == SubscriptionStatus::Active;
        SubscriptionResponse {
            id: s.id,
            later_total: s.later_goods() + s.shipping_fee + s.fee,
            number: s.number,
            shop: ShopRef { id: s.shop_id.0, name: s.shop_name },
            status: match s.status {
                SubscriptionStatus::Active => SubscriptionStatusDto::Active,
                SubscriptionStatus::Ended => SubscriptionStatusDto::Ended,
            },
            cycle: s.cycle.into(),
            carrier: s.carrier.map(Into::into),
            delivery_time_slot: s.time_slot,
            payment_method: s.payment_method.into(),
            custom_method_id: s.payment_method.custom_id(),
            payment_method_name: s.custom_method_name,
            card_id: s.card_id,
            ship_to: s.ship_to.into(),
            shipping_fee: s.shipping_fee,
            fee: s.fee,
            memo: if staff { s.memo } else { String::new() },
            deliveries: s.deliveries,
            items: s.items.into_iter().map(Into::into).collect(),
            next_delivery_on: active.then_some(s.next_delivery_on),
            next_generation_on: active.then_some(s.next_generation_on),
            skip_next: active && s.skip_next,
            last_delivery_on: s.last_delivery_on,
            last_generated_at: s.last_generated_at,
            created_at: s.created_at,
            ended_at: s.ended_at,
            confirmation_sha256: s.confirmation_sha256,
            confirmation: None,
            schedule: None,
            price_consents: None,
        }
    }

    /// The detail, with the stored confirmation and the schedule.
    pub fn detail(d: kaimono_subscriptions::SubscriptionDetail, staff: bool) -> Self {
        let confirmation = serde_json::from_str(&d.subscription.confirmation).ok();
        SubscriptionResponse {
            confirmation,
            schedule: Some(d.schedule.into_iter().map(Into::into).collect()),
            price_consents: Some(d.price_consents.into_iter().map(Into::into).collect()),
            ..Self::row(d.subscription, staff)
        }
    }
}

/// A placed subscription: the subscription and its first order.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlacedSubscriptionResponse {
    /// The subscription, with its schedule.
    pub subscription: SubscriptionResponse,
    /// The first order's id.
    pub order_id: Uuid,
    /// Paying by card: the first order's payment link (pay it with the saved card).
    pub payment_url: Option<String>,
}

/// A change of the memo, 0–1,000 characters.
pub fn validate_memo(value: &str) -> Result<(), validator::ValidationError> {
    if value.chars().count() > 1000 {
        return Err(validator::ValidationError::new("length").with_message("at most 1000 characters".into()));
    }
    Ok(())
}

/// One subscription's delivery on a generation day.
#[derive(Debug, Serialize, ToSchema)]
pub struct GenerationEntryResponse {
    /// The subscription.
    pub subscription_id: Uuid,
    /// Its number.
    pub number: String,
    /// The delivery: generated or skipped (done), or upcoming (planned).
    pub delivery: ScheduledDeliveryResponse,
    /// A generated card order's authorization: `queued`, `authorized` or `failed:<code>`.
    pub authorization: Option<String>,
}

impl From<kaimono_subscriptions::GenerationEntry> for GenerationEntryResponse {
    fn from(e: kaimono_subscriptions::GenerationEntry) -> Self {
        GenerationEntryResponse {
            subscription_id: e.subscription_id,
            number: e.number,
            delivery: e.delivery.into(),
            authorization: e.authorization,
        }
    }
}

/// A generation day of the shop: what was generated (the ledger) and what would be (a dry run).
#[derive(Debug, Serialize, ToSchema)]
pub struct GenerationDayResponse {
    /// The day.
    pub date: NaiveDate,
    /// Generated or skipped on that day, in the order they were.
    pub done: Vec<GenerationEntryResponse>,
    /// What the active subscriptions would generate on that day from their schedules now.
    pub planned: Vec<GenerationEntryResponse>,
}

/// A subscription whose card nears or passed its expiry (SUB-11).
#[derive(Debug, Serialize, ToSchema)]
pub struct CardExpiryResponse {
    /// The subscription.
    pub subscription_id: Uuid,
    /// Its number.
    pub number: String,
    /// Its recipient.
    pub recipient_name: String,
    /// The card as shown: `VISA •••• 4242`.
    pub card: String,
    /// Expiry month, 1–12.
    pub exp_month: i16,
    /// Expiry year.
    pub exp_year: i16,
    /// Already expired (otherwise it expires this month or next).
    pub expired: bool,
    /// When the member was last told.
    pub notified_at: Option<DateTime<Utc>>,
}

impl From<kaimono_subscriptions::CardExpiry> for CardExpiryResponse {
    fn from(c: kaimono_subscriptions::CardExpiry) -> Self {
        CardExpiryResponse {
            subscription_id: c.subscription_id,
            number: c.number,
            recipient_name: c.recipient_name,
            card: c.card,
            exp_month: c.exp_month,
            exp_year: c.exp_year,
            expired: c.expired,
            notified_at: c.notified_at,
        }
    }
}

/// One thing to look at before the upcoming generations (the preflight report).
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PreflightIssueResponse {
    /// A delivery falls on a day the shop is closed.
    ClosedDay {
        /// The subscription.
        subscription_id: Uuid,
        /// Its number.
        number: String,
        /// The delivery date.
        delivery_on: NaiveDate,
    },
    /// The upcoming deliveries need more of a variant than the shelf holds now.
    StockShort {
        /// The variant.
        variant_id: Uuid,
        /// Its product.
        product_name: String,
        /// Its SKU.
        sku: String,
        /// Units the deliveries need.
        needed: u32,
        /// Units on the shelf now.
        available: i32,
    },
    /// The card expires before the order is generated: its authorization will fail.
    CardExpiresBeforeGeneration {
        /// The subscription.
        subscription_id: Uuid,
        /// Its number.
        number: String,
        /// When the order is generated.
        generation_on: NaiveDate,
        /// The card's expiry month.
        exp_month: i16,
        /// The card's expiry year.
        exp_year: i16,
    },
    /// PAY-08: the subscription's payment method does not work with its carrier.
    MethodNotForCarrier {
        /// The subscription.
        subscription_id: Uuid,
        /// Its number.
        number: String,
        /// Its payment method.
        payment_method: PaymentMethodDto,
        /// Its carrier.
        carrier: CarrierDto,
    },
}

impl From<kaimono_subscriptions::PreflightIssue> for PreflightIssueResponse {
    fn from(i: kaimono_subscriptions::PreflightIssue) -> Self {
        use kaimono_subscriptions::PreflightIssue as I;
        match i {
            I::ClosedDay { subscription_id, number, delivery_on } => {
                Self::ClosedDay { subscription_id, number, delivery_on }
            }
            I::StockShort { variant_id, product_name, sku, needed, available } => {
                Self::StockShort { variant_id: variant_id.0, product_name, sku, needed, available }
            }
            I::CardExpiresBeforeGeneration { subscription_id, number, generation_on, exp_month, exp_year } => {
                Self::CardExpiresBeforeGeneration { subscription_id, number, generation_on, exp_month, exp_year }
            }
            I::MethodNotForCarrier { subscription_id, number, payment_method, carrier } => Self::MethodNotForCarrier {
                subscription_id,
                number,
                payment_method: payment_method.into(),
                carrier: carrier.into(),
            },
        }
    }
}
