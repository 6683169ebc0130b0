//! SUB-08, SUB-09: a shop's subscription settings and its subscription numbers.

use crate::error::SubscriptionError;
use crate::model::{Benefits, NumberRule, PaymentMethod};
use chrono::{DateTime, NaiveDate, Utc};
use kaimono_core::{Carrier, Money, ShopId};
use kaimono_entity::{subscription, subscription_setting};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use std::collections::BTreeMap;
use uuid::Uuid;

/// How a shop sells on subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionSettings {
    /// 定期購入機能を有効にする.
    pub enabled: bool,
    /// New sign-ups accepted; running subscriptions go on either way.
    pub accepting: bool,
    pub monthly_allowed: bool,
    pub interval_allowed: bool,
    pub interval_min: u32,
    pub interval_max: u32,
    pub payment_methods: Vec<PaymentMethod>,
    /// PAY-08: the carriers a method works with; a method not here (or with none listed) works with all.
    pub method_carriers: BTreeMap<PaymentMethod, Vec<Carrier>>,
    /// The cash-on-delivery fee, tax-inclusive.
    pub cod_fee: Money,
    /// PAY-08: the shop's own methods (自由設定決済), each offered on subscription while it is listed.
    pub custom_methods: Vec<CustomMethod>,
    pub benefits: Benefits,
    /// Points on each generated order, in basis points of its amount (100 = 1 %).
    pub points_rate_bp: u32,
    /// Days before a delivery its order is generated (受注反映タイミング).
    pub lead_days: u32,
    /// Authorize the card when the order is generated (与信を同時に実行する).
    pub auto_authorize: bool,
    /// Email members whose subscription card nears or passes expiry, automatically.
    pub card_expiry_auto: bool,
    pub member_changes_cycle: bool,
    pub member_changes_payment: bool,
    pub number_rule: NumberRule,
}

/// PAY-08: a payment method the shop defines (自由設定決済: bank transfer, convenience-store slip …),
/// paid as the shop arranges; its orders ship while awaiting payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomMethod {
    pub id: Uuid,
    /// 1–40 characters, as members see it.
    pub name: String,
    /// The fee per delivery, tax-inclusive.
    pub fee: Money,
    /// The carriers it works with; none listed: all.
    pub carriers: Vec<Carrier>,
    /// How to pay, shown when it is chosen (≤ 500 characters).
    pub description: String,
}

/// The most custom methods a shop keeps.
pub const MAX_CUSTOM_METHODS: usize = 10;

impl SubscriptionSettings {
    /// PAY-08: `method` is offered for new choices (a shop's own method while the shop lists it).
    pub fn offers(&self, method: PaymentMethod) -> bool {
        match method {
            PaymentMethod::Custom(id) => self.custom(id).is_some(),
            built_in => self.payment_methods.contains(&built_in),
        }
    }

    /// The shop's own method `id`.
    pub fn custom(&self, id: Uuid) -> Option<&CustomMethod> {
        self.custom_methods.iter().find(|c| c.id == id)
    }

    /// PAY-08: `method` works with `carrier` (no carrier yet: the shop's first, checked when quoted).
    pub fn method_takes(&self, method: PaymentMethod, carrier: Option<Carrier>) -> bool {
        let carriers = match method {
            PaymentMethod::Custom(id) => self.custom(id).map(|c| &c.carriers),
            built_in => self.method_carriers.get(&built_in),
        };
        match (carriers, carrier) {
            (Some(carriers), Some(carrier)) if !carriers.is_empty() => carriers.contains(&carrier),
            _ => true,
        }
    }

    /// A delivery's payment fee with `method`, benefits applied (PAY-08: cash on delivery and the shop's
    /// own methods have one).
    pub fn fee_for(&self, method: PaymentMethod) -> Money {
        match method {
            PaymentMethod::CashOnDelivery => self.benefits.fee(self.cod_fee),
            PaymentMethod::Custom(id) => self.custom(id).map_or(Money::ZERO, |c| self.benefits.fee(c.fee)),
            PaymentMethod::Card | PaymentMethod::Deferred => Money::ZERO,
        }
    }

    /// The name a subscription keeps for `method` (a shop's own method's, as it is named now).
    pub fn method_name(&self, method: PaymentMethod) -> Option<String> {
        method.custom_id().and_then(|id| self.custom(id)).map(|c| c.name.clone())
    }
}

fn custom_methods_from(stored: &str) -> Result<Vec<CustomMethod>, SubscriptionError> {
    let value: serde_json::Value = serde_json::from_str(stored).map_err(|_| corrupt("custom methods"))?;
    let items = value.as_array().ok_or_else(|| corrupt("custom methods"))?;
    items
        .iter()
        .map(|m| {
            let text = |key: &str| m.get(key).and_then(|v| v.as_str()).map(str::to_owned);
            Ok(CustomMethod {
                id: text("id").and_then(|id| id.parse().ok()).ok_or_else(|| corrupt("custom method id"))?,
                name: text("name").ok_or_else(|| corrupt("custom method name"))?,
                fee: Money::yen(m.get("fee").and_then(|v| v.as_i64()).ok_or_else(|| corrupt("custom method fee"))?),
                carriers: m
                    .get("carriers")
                    .and_then(|v| v.as_array())
                    .map(|cs| cs.iter().filter_map(|c| c.as_str().and_then(Carrier::parse)).collect())
                    .unwrap_or_default(),
                description: text("description").unwrap_or_default(),
            })
        })
        .collect()
}

fn custom_methods_to(methods: &[CustomMethod]) -> Result<String, SubscriptionError> {
    let mut items = Vec::with_capacity(methods.len());
    for m in methods {
        items.push(serde_json::json!({
            "id": m.id,
            "name": m.name,
            "fee": m.fee.to_yen()?,
            "carriers": m.carriers.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            "description": m.description,
        }));
    }
    Ok(serde_json::Value::Array(items).to_string())
}

/// The lead time's bounds.
pub const MAX_LEAD_DAYS: u32 = 30;

impl Default for SubscriptionSettings {
    fn default() -> Self {
        SubscriptionSettings {
            enabled: false,
            accepting: true,
            monthly_allowed: true,
            interval_allowed: true,
            interval_min: 14,
            interval_max: 90,
            payment_methods: vec![PaymentMethod::Card],
            method_carriers: BTreeMap::new(),
            cod_fee: Money::yen(330),
            custom_methods: Vec::new(),
            benefits: Benefits::default(),
            points_rate_bp: 0,
            lead_days: 5,
            auto_authorize: true,
            card_expiry_auto: false,
            member_changes_cycle: true,
            member_changes_payment: true,
            number_rule: NumberRule::System,
        }
    }
}

fn corrupt(what: &str) -> SubscriptionError {
    SubscriptionError::Corrupt(format!("subscription settings: {what}"))
}

fn from_row(r: subscription_setting::Model) -> Result<SubscriptionSettings, SubscriptionError> {
    let u = |v: i32, what: &str| u32::try_from(v).map_err(|_| corrupt(what));
    let digits = u(r.number_digits, "digits")?;
    let number_rule = match r.number_rule.as_str() {
        "system" => NumberRule::System,
        "sequence" => NumberRule::Sequence { digits },
        "prefix" => NumberRule::Prefix { prefix: r.number_prefix, digits },
        "date" => NumberRule::Date { hyphen: r.number_hyphen, digits },
        other => return Err(corrupt(other)),
    };
    Ok(SubscriptionSettings {
        enabled: r.enabled,
        accepting: r.accepting,
        monthly_allowed: r.monthly_allowed,
        interval_allowed: r.interval_allowed,
        interval_min: u(r.interval_min, "interval")?,
        interval_max: u(r.interval_max, "interval")?,
        payment_methods: r.payment_methods.split(',').filter_map(PaymentMethod::parse).collect(),
        method_carriers: r
            .method_carriers
            .split(';')
            .filter_map(|entry| entry.split_once('='))
            .filter_map(|(method, carriers)| {
                Some((PaymentMethod::parse(method)?, carriers.split(',').filter_map(Carrier::parse).collect()))
            })
            .collect(),
        cod_fee: Money::yen(r.cod_fee),
        custom_methods: custom_methods_from(&r.custom_methods)?,
        benefits: Benefits {
            free_shipping: r.free_shipping,
            shipping_discount: Money::yen(r.shipping_discount),
            free_fee: r.free_fee,
        },
        points_rate_bp: u(r.points_rate_bp, "points")?,
        lead_days: u(r.lead_days, "lead days")?,
        auto_authorize: r.auto_authorize,
        card_expiry_auto: r.card_expiry_auto,
        member_changes_cycle: r.member_changes_cycle,
        member_changes_payment: r.member_changes_payment,
        number_rule,
    })
}

/// The shop's settings (the defaults, switched off, until the shop saves some).
pub async fn subscription_settings(
    db: &impl ConnectionTrait,
    shop: ShopId,
) -> Result<SubscriptionSettings, SubscriptionError> {
    kaimono_catalog::get_shop(db, shop).await?;
    match subscription_setting::Entity::find_by_id(shop.0).one(db).await? {
        Some(row) => from_row(row),
        None => Ok(SubscriptionSettings::default()),
    }
}

/// Subscriptions of the shop still running.
pub async fn count_active(db: &impl ConnectionTrait, shop: ShopId) -> Result<u64, SubscriptionError> {
    Ok(subscription::Entity::find()
        .filter(subscription::Column::ShopId.eq(shop.0))
        .filter(subscription::Column::Status.eq("active"))
        .count(db)
        .await?)
}

/// The shop's change of its settings (ranges checked by the caller). Switching subscriptions off is
/// refused while any is active; `number_initial` restarts the sequence (the next number is it + 1).
/// A new lead time applies from the delivery after next: the next one keeps its generation date.
pub async fn update_subscription_settings(
    db: &impl ConnectionTrait,
    shop: ShopId,
    settings: SubscriptionSettings,
    number_initial: Option<i64>,
    now: DateTime<Utc>,
) -> Result<SubscriptionSettings, SubscriptionError> {
    settings.number_rule.check()?;
    if number_initial.is_some_and(|n| n < 0 || n > settings.number_rule.max()) {
        return Err(SubscriptionError::InvalidNumberRule("initial"));
    }
    let current = subscription_setting::Entity::find_by_id(shop.0).one(db).await?;
    if !settings.enabled && current.as_ref().is_some_and(|c| c.enabled) {
        let active = count_active(db, shop).await?;
        if active > 0 {
            return Err(SubscriptionError::StillActive { active });
        }
    }
    let int = |v: u32| i32::try_from(v).map_err(|_| corrupt("out of range"));
    let rule = &settings.number_rule;
    let number_last = number_initial.or(current.map(|c| c.number_last)).unwrap_or(0);
    if settings.custom_methods.len() > MAX_CUSTOM_METHODS {
        return Err(SubscriptionError::InvalidCustomMethod("at most 10 methods"));
    }
    let mut ids: Vec<_> = settings.custom_methods.iter().map(|m| m.id).collect();
    ids.sort();
    ids.dedup();
    if ids.len() != settings.custom_methods.len() {
        return Err(SubscriptionError::InvalidCustomMethod("each method once"));
    }
    let mut methods: Vec<_> = settings.payment_methods.iter().copied().filter(|m| m.custom_id().is_none()).collect();
    methods.sort();
    methods.dedup();
    subscription_setting::Entity::insert(subscription_setting::ActiveModel {
        shop_id: Set(shop.0),
        enabled: Set(settings.enabled),
        accepting: Set(settings.accepting),
        monthly_allowed: Set(settings.monthly_allowed),
        interval_allowed: Set(settings.interval_allowed),
        interval_min: Set(int(settings.interval_min)?),
        interval_max: Set(int(settings.interval_max)?),
        payment_methods: Set(methods.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(",")),
        method_carriers: Set(settings
            .method_carriers
            .iter()
            .filter(|(_, carriers)| !carriers.is_empty())
            .map(|(method, carriers)| {
                let carriers: Vec<_> = carriers.iter().map(|c| c.as_str()).collect();
                format!("{}={}", method.as_str(), carriers.join(","))
            })
            .collect::<Vec<_>>()
            .join(";")),
        free_shipping: Set(settings.benefits.free_shipping),
        shipping_discount: Set(settings.benefits.shipping_discount.to_yen()?),
        cod_fee: Set(settings.cod_fee.to_yen()?),
        custom_methods: Set(custom_methods_to(&settings.custom_methods)?),
        free_fee: Set(settings.benefits.free_fee),
        points_rate_bp: Set(int(settings.points_rate_bp)?),
        lead_days: Set(int(settings.lead_days)?),
        auto_authorize: Set(settings.auto_authorize),
        card_expiry_auto: Set(settings.card_expiry_auto),
        member_changes_cycle: Set(settings.member_changes_cycle),
        member_changes_payment: Set(settings.member_changes_payment),
        number_rule: Set(rule.kind().to_owned()),
        number_digits: Set(int(rule.digits().unwrap_or(0))?),
        number_prefix: Set(match rule {
            NumberRule::Prefix { prefix, .. } => prefix.clone(),
            _ => String::new(),
        }),
        number_hyphen: Set(matches!(rule, NumberRule::Date { hyphen: true, .. })),
        number_last: Set(number_last),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(subscription_setting::Column::ShopId)
            .update_columns([
                subscription_setting::Column::Enabled,
                subscription_setting::Column::Accepting,
                subscription_setting::Column::MonthlyAllowed,
                subscription_setting::Column::IntervalAllowed,
                subscription_setting::Column::IntervalMin,
                subscription_setting::Column::IntervalMax,
                subscription_setting::Column::PaymentMethods,
                subscription_setting::Column::MethodCarriers,
                subscription_setting::Column::FreeShipping,
                subscription_setting::Column::ShippingDiscount,
                subscription_setting::Column::CodFee,
                subscription_setting::Column::CustomMethods,
                subscription_setting::Column::FreeFee,
                subscription_setting::Column::PointsRateBp,
                subscription_setting::Column::LeadDays,
                subscription_setting::Column::AutoAuthorize,
                subscription_setting::Column::CardExpiryAuto,
                subscription_setting::Column::MemberChangesCycle,
                subscription_setting::Column::MemberChangesPayment,
                subscription_setting::Column::NumberRule,
                subscription_setting::Column::NumberDigits,
                subscription_setting::Column::NumberPrefix,
                subscription_setting::Column::NumberHyphen,
                subscription_setting::Column::NumberLast,
                subscription_setting::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    subscription_settings(db, shop).await
}

/// SUB-09: the shop's next subscription number, in the caller's (write) transaction. The settings row is
/// locked (PostgreSQL) or the database is (SQLite) until the transaction ends, and the counter moves
/// only from the value read, so concurrent sign-ups never share a number.
pub(crate) async fn next_number(
    db: &impl ConnectionTrait,
    shop: ShopId,
    today: NaiveDate,
) -> Result<String, SubscriptionError> {
    let row = subscription_setting::Entity::find_by_id(shop.0)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(SubscriptionError::NotOffered)?;
    let last = row.number_last;
    let rule = from_row(row)?.number_rule;
    let next = rule.next(last);
    let moved = subscription_setting::Entity::update_many()
        .col_expr(subscription_setting::Column::NumberLast, next.into())
        .filter(subscription_setting::Column::ShopId.eq(shop.0))
        .filter(subscription_setting::Column::NumberLast.eq(last))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        return Err(SubscriptionError::Corrupt("the number counter moved under a lock".into()));
    }
    Ok(rule.format(next, today))
}

/// The settings and how many subscriptions run under them.
pub async fn settings_with_count(
    db: &impl ConnectionTrait,
    shop: ShopId,
) -> Result<(SubscriptionSettings, u64), SubscriptionError> {
    Ok((subscription_settings(db, shop).await?, count_active(db, shop).await?))
}
