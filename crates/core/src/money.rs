//! JPY amounts. Yen has no minor unit, so a valid amount is a whole number of yen; prices are tax-inclusive.
//! Amounts are `rust_decimal::Decimal` in memory and serialize as strings ("1980"), never as floats.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

/// An amount of Japanese yen (tax-inclusive wherever it is a price).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(#[serde(with = "rust_decimal::serde::str")] Decimal);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("a yen amount must be a whole number")]
    Fractional,
    #[error("the amount is out of range")]
    OutOfRange,
    #[error("the amount must not be negative")]
    Negative,
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Whole yen.
    pub fn yen(amount: i64) -> Self {
        Money(Decimal::from(amount))
    }

    /// Checks that `value` is a whole, non-negative number of yen.
    pub fn try_from_decimal(value: Decimal) -> Result<Self, MoneyError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(MoneyError::Negative);
        }
        if value.fract() != Decimal::ZERO {
            return Err(MoneyError::Fractional);
        }
        Ok(Money(value.normalize()))
    }

    /// The amount as whole yen, the form it is stored in.
    pub fn to_yen(self) -> Result<i64, MoneyError> {
        if self.0.fract() != Decimal::ZERO {
            return Err(MoneyError::Fractional);
        }
        i64::try_from(self.0).map_err(|_| MoneyError::OutOfRange)
    }

    pub fn amount(self) -> Decimal {
        self.0
    }

    pub fn times(self, quantity: u32) -> Money {
        Money(self.0 * Decimal::from(quantity))
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl fmt::Display for Money {
    /// `¥1,980` — thousands separated, as Japanese receipts print it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.trunc().abs().to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let sign = if self.0.is_sign_negative() && !self.0.is_zero() { "-" } else { "" };
        write!(f, "{sign}¥{grouped}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_serializes_as_a_string_and_formats_with_separators() {
        let m = Money::yen(1980);
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"1980\"");
        assert_eq!(m.to_string(), "¥1,980");
        assert_eq!(Money::yen(1_234_567).to_string(), "¥1,234,567");
        assert_eq!(Money::yen(100).to_string(), "¥100");
        let back: Money = serde_json::from_str("\"1980\"").unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn fractional_and_negative_yen_are_refused() {
        let d = Decimal::from_str("10.5").unwrap();
        assert_eq!(Money::try_from_decimal(d), Err(MoneyError::Fractional));
        assert_eq!(Money::try_from_decimal(Decimal::from(-1)), Err(MoneyError::Negative));
        assert_eq!(Money::try_from_decimal(Decimal::from_str("500.00").unwrap()).unwrap().to_yen(), Ok(500));
    }

    #[test]
    fn sums_and_multiplies_exactly() {
        let total: Money = [Money::yen(1980).times(3), Money::yen(540)].into_iter().sum();
        assert_eq!(total, Money::yen(6480));
    }
}
