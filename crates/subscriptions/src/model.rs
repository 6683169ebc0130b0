//! Subscription rules that need no database: delivery cycles and the schedule they make (SUB-02, SUB-14),
//! subscription numbers (SUB-09), the benefits on shipping and fees (SUB-08). Pure functions, tested here.

use crate::error::SubscriptionError;
use chrono::{Datelike, Days, Months, NaiveDate};
use kaimono_core::Money;
use uuid::Uuid;

/// How often a subscription delivers (配送サイクル, SUB-02).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cycle {
    /// On day `day` (1–31) of every month; a short month delivers on its last day.
    Monthly { day: u32 },
    /// Every `days` days.
    EveryDays { days: u32 },
}

/// The largest interval a shop may allow.
pub const MAX_INTERVAL_DAYS: u32 = 365;

impl Cycle {
    pub fn kind(self) -> &'static str {
        match self {
            Cycle::Monthly { .. } => "monthly",
            Cycle::EveryDays { .. } => "every_days",
        }
    }

    pub fn value(self) -> u32 {
        match self {
            Cycle::Monthly { day } => day,
            Cycle::EveryDays { days } => days,
        }
    }

    pub fn parse(kind: &str, value: u32) -> Result<Cycle, SubscriptionError> {
        match kind {
            "monthly" if (1..=31).contains(&value) => Ok(Cycle::Monthly { day: value }),
            "every_days" if (1..=MAX_INTERVAL_DAYS).contains(&value) => Ok(Cycle::EveryDays { days: value }),
            _ => Err(SubscriptionError::Corrupt(format!("cycle {kind} {value}"))),
        }
    }

    /// The delivery after one on `delivery`.
    pub fn after(self, delivery: NaiveDate) -> NaiveDate {
        match self {
            Cycle::Monthly { day } => on_day(first_of_month(delivery) + Months::new(1), day),
            Cycle::EveryDays { days } => delivery + Days::new(u64::from(days)),
        }
    }

    /// SUB-14: the first delivery on this cycle counted from `base` (the first order's delivery at
    /// sign-up, today on a change). "Every N days" is `base` + N. "Monthly on day N" is the first day N
    /// after `base` whose order would still be generated after `today` — so early next month is out of
    /// reach when it falls inside the lead time.
    pub fn first_after(self, base: NaiveDate, today: NaiveDate, lead_days: u32) -> NaiveDate {
        match self {
            Cycle::EveryDays { days } => base + Days::new(u64::from(days)),
            Cycle::Monthly { day } => {
                let mut candidate = on_day(first_of_month(base), day);
                while candidate <= base || generation_on(candidate, lead_days) <= today {
                    candidate = on_day(first_of_month(candidate) + Months::new(1), day);
                }
                candidate
            }
        }
    }
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// Day `day` of `month_start`'s month, or its last day when the month is shorter.
fn on_day(month_start: NaiveDate, day: u32) -> NaiveDate {
    let last = (month_start + Months::new(1)).pred_opt().map_or(28, |d| d.day());
    month_start.with_day(day.min(last)).unwrap_or(month_start)
}

/// When the order of a delivery on `delivery` is generated: `lead_days` before it (受注反映タイミング).
pub fn generation_on(delivery: NaiveDate, lead_days: u32) -> NaiveDate {
    delivery - Days::new(u64::from(lead_days))
}

/// How a subscription is paid (PAY-08; the ones seed 002 allows for subscriptions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PaymentMethod {
    /// A saved card (the vault, PAY-01), authorized at generation when the shop says so.
    Card,
    /// 代金引換: paid to the carrier, with the shop's fee.
    CashOnDelivery,
    /// 後払い: paid after delivery.
    Deferred,
    /// One of the shop's own methods (自由設定決済), by its id: paid as the shop arranges.
    Custom(Uuid),
}

impl PaymentMethod {
    /// The methods kaimono itself offers.
    pub const BUILT_IN: [PaymentMethod; 3] =
        [PaymentMethod::Card, PaymentMethod::CashOnDelivery, PaymentMethod::Deferred];

    /// Its kind as stored: `card`, `cash_on_delivery`, `deferred` or `custom` (the id is stored beside).
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Card => "card",
            PaymentMethod::CashOnDelivery => "cash_on_delivery",
            PaymentMethod::Deferred => "deferred",
            PaymentMethod::Custom(_) => "custom",
        }
    }

    /// A built-in method by its kind.
    pub fn parse(value: &str) -> Option<Self> {
        Self::BUILT_IN.into_iter().find(|m| m.as_str() == value)
    }

    /// A stored method: its kind, and the shop's method's id for `custom`.
    pub fn stored(kind: &str, custom: Option<Uuid>) -> Option<Self> {
        match (kind, custom) {
            ("custom", Some(id)) => Some(PaymentMethod::Custom(id)),
            _ => Self::parse(kind),
        }
    }

    /// The shop's own method's id.
    pub fn custom_id(self) -> Option<Uuid> {
        match self {
            PaymentMethod::Custom(id) => Some(id),
            _ => None,
        }
    }
}

/// SUB-09: how subscription numbers are made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberRule {
    /// 1, 2, 3 … (システム番号).
    System,
    /// A zero-padded sequence of `digits` (5–10) digits.
    Sequence { digits: u32 },
    /// `prefix` (≤ 10 of A–Z a–z 0–9 - _ /) then the sequence.
    Prefix { prefix: String, digits: u32 },
    /// The date (YYYYMMDD), an optional hyphen, then the sequence.
    Date { hyphen: bool, digits: u32 },
}

pub const MIN_DIGITS: u32 = 5;
pub const MAX_DIGITS: u32 = 10;
pub const MAX_PREFIX: usize = 10;

impl NumberRule {
    pub fn kind(&self) -> &'static str {
        match self {
            NumberRule::System => "system",
            NumberRule::Sequence { .. } => "sequence",
            NumberRule::Prefix { .. } => "prefix",
            NumberRule::Date { .. } => "date",
        }
    }

    pub fn digits(&self) -> Option<u32> {
        match self {
            NumberRule::System => None,
            NumberRule::Sequence { digits } | NumberRule::Prefix { digits, .. } | NumberRule::Date { digits, .. } => {
                Some(*digits)
            }
        }
    }

    /// The largest sequence number; the next one after it is 1.
    pub fn max(&self) -> i64 {
        self.digits().map_or(i64::MAX, |d| 10_i64.pow(d) - 1)
    }

    /// Refuses a rule the source does not allow.
    pub fn check(&self) -> Result<(), SubscriptionError> {
        if let Some(d) = self.digits()
            && !(MIN_DIGITS..=MAX_DIGITS).contains(&d)
        {
            return Err(SubscriptionError::InvalidNumberRule("digits"));
        }
        if let NumberRule::Prefix { prefix, .. } = self {
            let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/');
            if prefix.is_empty() || prefix.chars().count() > MAX_PREFIX || !prefix.chars().all(allowed) {
                return Err(SubscriptionError::InvalidNumberRule("prefix"));
            }
        }
        Ok(())
    }

    /// The sequence number after `last`, wrapping to 1 after the maximum.
    pub fn next(&self, last: i64) -> i64 {
        if last >= self.max() || last < 0 { 1 } else { last + 1 }
    }

    /// The subscription number of sequence `n`, made on `today`.
    pub fn format(&self, n: i64, today: NaiveDate) -> String {
        let pad = |digits: u32| format!("{n:0width$}", width = digits as usize);
        match self {
            NumberRule::System => n.to_string(),
            NumberRule::Sequence { digits } => pad(*digits),
            NumberRule::Prefix { prefix, digits } => format!("{prefix}{}", pad(*digits)),
            NumberRule::Date { hyphen, digits } => {
                format!("{}{}{}", today.format("%Y%m%d"), if *hyphen { "-" } else { "" }, pad(*digits))
            }
        }
    }
}

/// SUB-08: what a subscription saves on shipping and on the payment fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Benefits {
    pub free_shipping: bool,
    /// Off the normal shipping fee, never below ¥0.
    pub shipping_discount: Money,
    pub free_fee: bool,
}

impl Benefits {
    pub fn shipping(&self, normal: Money) -> Money {
        if self.free_shipping { Money::ZERO } else { (normal - self.shipping_discount).max(Money::ZERO) }
    }

    pub fn fee(&self, normal: Money) -> Money {
        if self.free_fee { Money::ZERO } else { normal }
    }
}

/// The hex SHA-256 of what a member agreed to (the final confirmation, a price consent): its proof.
pub(crate) fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn sub02_monthly_on_the_31st_goes_through_february_and_back() {
        let cycle = Cycle::Monthly { day: 31 };
        assert_eq!(cycle.after(d(2027, 1, 31)), d(2027, 2, 28));
        assert_eq!(cycle.after(d(2027, 2, 28)), d(2027, 3, 31));
        assert_eq!(cycle.after(d(2028, 1, 31)), d(2028, 2, 29));
        assert_eq!(cycle.after(d(2027, 3, 31)), d(2027, 4, 30));
    }

    #[test]
    fn sub02_every_n_days_adds_n() {
        assert_eq!(Cycle::EveryDays { days: 45 }.after(d(2027, 1, 20)), d(2027, 3, 6));
    }

    #[test]
    fn sub14_monthly_cannot_target_early_next_month_inside_the_lead_time() {
        let cycle = Cycle::Monthly { day: 2 };
        // Lead time 5: the 2 Feb order would be generated on 28 Jan, already past on 29 Jan.
        assert_eq!(cycle.first_after(d(2027, 1, 29), d(2027, 1, 29), 5), d(2027, 3, 2));
        // On 20 Jan it is still ahead.
        assert_eq!(cycle.first_after(d(2027, 1, 20), d(2027, 1, 20), 5), d(2027, 2, 2));
        // Later in the same month is fine when its generation is ahead.
        assert_eq!(Cycle::Monthly { day: 25 }.first_after(d(2027, 1, 10), d(2027, 1, 10), 5), d(2027, 1, 25));
    }

    #[test]
    fn sub14_every_n_days_counts_from_the_base() {
        assert_eq!(Cycle::EveryDays { days: 30 }.first_after(d(2027, 1, 10), d(2027, 1, 10), 5), d(2027, 2, 9));
    }

    #[test]
    fn sub09_numbers_wrap_to_one_after_the_maximum() {
        let rule = NumberRule::Sequence { digits: 5 };
        assert_eq!(rule.next(99_998), 99_999);
        assert_eq!(rule.next(99_999), 1);
        assert_eq!(rule.format(1, d(2027, 1, 1)), "00001");
        let prefix = NumberRule::Prefix { prefix: "tk-".into(), digits: 6 };
        assert_eq!(prefix.format(13_002, d(2027, 1, 1)), "tk-013002");
        assert_eq!(prefix.next(999_999), 1);
        let date = NumberRule::Date { hyphen: true, digits: 5 };
        assert_eq!(date.format(42, d(2027, 3, 9)), "20270309-00042");
        assert_eq!(NumberRule::Date { hyphen: false, digits: 10 }.next(9_999_999_999), 1);
        assert_eq!(NumberRule::System.format(7, d(2027, 1, 1)), "7");
    }

    #[test]
    fn sub09_rules_outside_the_source_are_refused() {
        assert!(NumberRule::Sequence { digits: 4 }.check().is_err());
        assert!(NumberRule::Sequence { digits: 11 }.check().is_err());
        assert!(NumberRule::Prefix { prefix: "ABCDEFGHIJK".into(), digits: 5 }.check().is_err());
        assert!(NumberRule::Prefix { prefix: "定期".into(), digits: 5 }.check().is_err());
        assert!(NumberRule::Prefix { prefix: "A-b_9/".into(), digits: 5 }.check().is_ok());
    }

    #[test]
    fn sub08_a_shipping_discount_never_goes_below_zero() {
        let b = Benefits { shipping_discount: Money::yen(500), ..Default::default() };
        assert_eq!(b.shipping(Money::yen(800)), Money::yen(300));
        assert_eq!(b.shipping(Money::yen(300)), Money::ZERO);
        assert_eq!(Benefits { free_shipping: true, ..b }.shipping(Money::yen(800)), Money::ZERO);
        assert_eq!(Benefits { free_fee: true, ..b }.fee(Money::yen(330)), Money::ZERO);
    }
}
