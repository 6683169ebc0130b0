//! Japanese consumption tax on tax-inclusive prices (総額表示).
//!
//! The tax of a document (order, invoice) is computed once per rate over the sum of that rate's lines
//! and rounded once per rate — the qualified-invoice rule — never per line.

use crate::money::Money;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The tax category of a product: standard 10 % or reduced 8 % (food, newspapers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaxCategory {
    Standard,
    Reduced,
}

impl TaxCategory {
    /// The rate in percent.
    pub fn rate_percent(self) -> u32 {
        match self {
            TaxCategory::Standard => 10,
            TaxCategory::Reduced => 8,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TaxCategory::Standard => "standard",
            TaxCategory::Reduced => "reduced",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "standard" => Some(TaxCategory::Standard),
            "reduced" => Some(TaxCategory::Reduced),
            _ => None,
        }
    }
}

/// How the per-rate tax is rounded to whole yen. A shop setting; `Down` (切り捨て) by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    #[default]
    Down,
    HalfUp,
    Up,
}

impl RoundingMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
        }
    }
}

/// One rate's part of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxLine {
    pub category: TaxCategory,
    /// Sum of the tax-inclusive amounts at this rate.
    pub total: Money,
    /// The tax contained in `total`, rounded once.
    pub tax: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxSummary {
    /// Per rate, standard first; rates with no lines are left out.
    pub lines: Vec<TaxLine>,
    pub total: Money,
    pub tax: Money,
}

impl TaxSummary {
    /// The tax of one rate in the total (zero when no line has that rate).
    pub fn tax_of(&self, category: TaxCategory) -> Money {
        self.lines.iter().find(|t| t.category == category).map_or(Money::ZERO, |t| t.tax)
    }
}

/// Sums tax-inclusive `amounts` per category and extracts the tax of each rate, rounded once per rate.
pub fn summarize_tax(amounts: impl IntoIterator<Item = (TaxCategory, Money)>, rounding: RoundingMode) -> TaxSummary {
    let mut standard = None::<Money>;
    let mut reduced = None::<Money>;
    for (category, amount) in amounts {
        let slot = match category {
            TaxCategory::Standard => &mut standard,
            TaxCategory::Reduced => &mut reduced,
        };
        *slot = Some(slot.unwrap_or(Money::ZERO) + amount);
    }
    let lines: Vec<TaxLine> = [(TaxCategory::Standard, standard), (TaxCategory::Reduced, reduced)]
        .into_iter()
        .filter_map(|(category, total)| {
            let total = total?;
            let rate = Decimal::from(category.rate_percent());
            let tax =
                (total.amount() * rate / (Decimal::ONE_HUNDRED + rate)).round_dp_with_strategy(0, rounding.strategy());
            Some(TaxLine { category, total, tax: Money::try_from_decimal(tax).unwrap_or(Money::ZERO) })
        })
        .collect();
    TaxSummary { total: lines.iter().map(|l| l.total).sum(), tax: lines.iter().map(|l| l.tax).sum(), lines }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tax_is_extracted_from_inclusive_prices_once_per_rate() {
        // ¥1,980 ×2 at 10 %: 3,960 × 10/110 = 360 exactly.
        // ¥1,080 + ¥216 at 8 %: 1,296 × 8/108 = 96 exactly.
        let s = summarize_tax(
            [
                (TaxCategory::Standard, Money::yen(3960)),
                (TaxCategory::Reduced, Money::yen(1080)),
                (TaxCategory::Reduced, Money::yen(216)),
            ],
            RoundingMode::Down,
        );
        assert_eq!(s.total, Money::yen(5256));
        assert_eq!(
            s.lines[0],
            TaxLine { category: TaxCategory::Standard, total: Money::yen(3960), tax: Money::yen(360) }
        );
        assert_eq!(
            s.lines[1],
            TaxLine { category: TaxCategory::Reduced, total: Money::yen(1296), tax: Money::yen(96) }
        );
        assert_eq!(s.tax, Money::yen(456));
    }

    #[test]
    fn rounding_once_per_document_differs_from_rounding_per_line() {
        // Three ¥105 lines at 10 %: per line 105×10/110 = 9.54 → 9 each, 27 in all.
        // Once per document: 315×10/110 = 28.63 → 28 (down), 29 (half up), 29 (up).
        let lines = || std::iter::repeat_n((TaxCategory::Standard, Money::yen(105)), 3);
        assert_eq!(summarize_tax(lines(), RoundingMode::Down).tax, Money::yen(28));
        assert_eq!(summarize_tax(lines(), RoundingMode::HalfUp).tax, Money::yen(29));
        assert_eq!(summarize_tax(lines(), RoundingMode::Up).tax, Money::yen(29));
    }

    #[test]
    fn each_rounding_mode_rounds_the_fraction_as_named() {
        // ¥57 at 10 %: 5.18…; ¥63: 5.72…; ¥66: exactly 6.
        let s = |yen, mode| summarize_tax([(TaxCategory::Standard, Money::yen(yen))], mode).tax;
        assert_eq!(s(57, RoundingMode::Down), Money::yen(5));
        assert_eq!(s(57, RoundingMode::HalfUp), Money::yen(5));
        assert_eq!(s(57, RoundingMode::Up), Money::yen(6));
        // ¥66 at 10 % → 6.0 exactly, the same in every mode.
        assert_eq!(s(66, RoundingMode::Up), Money::yen(6));
        // ¥63 at 10 % → 5.727…: down 5, half-up 6.
        assert_eq!(s(63, RoundingMode::Down), Money::yen(5));
        assert_eq!(s(63, RoundingMode::HalfUp), Money::yen(6));
    }

    #[test]
    fn an_empty_document_has_no_tax_lines() {
        let s = summarize_tax([], RoundingMode::Down);
        assert!(s.lines.is_empty());
        assert_eq!(s.tax, Money::ZERO);
    }
}
