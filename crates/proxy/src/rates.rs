//! International shipping rates (PRX-08, PRX-11): one versioned table per method, charged on the greater
//! of the actual and the volumetric weight, in 500 g steps. The estimator and the 2nd invoice read the
//! same table, and the invoice records which version it used.

use kaimono_core::Money;

/// The version of [`RATES`]; printed on every 2nd invoice.
pub const RATE_TABLE: &str = "2026-12";

/// How the parcel travels from the warehouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShippingMethod {
    /// EMS: fastest, tracked.
    Ems,
    /// Air parcel (航空便).
    Air,
    /// SAL (economy air).
    Sal,
    /// Sea (船便): cheapest, slowest.
    Sea,
}

impl ShippingMethod {
    pub const ALL: [ShippingMethod; 4] =
        [ShippingMethod::Ems, ShippingMethod::Air, ShippingMethod::Sal, ShippingMethod::Sea];

    pub fn as_str(self) -> &'static str {
        match self {
            ShippingMethod::Ems => "ems",
            ShippingMethod::Air => "air",
            ShippingMethod::Sal => "sal",
            ShippingMethod::Sea => "sea",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == value)
    }
}

/// One method's rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub method: ShippingMethod,
    /// For the first 500 g …
    pub first_step: i64,
    /// … and each further 500 g (whole yen).
    pub next_step: i64,
    /// The heaviest parcel the method takes.
    pub max_grams: u32,
    /// cm³ per kg for the volumetric weight; `None`: the method charges actual weight only.
    pub volumetric_divisor: Option<u32>,
    /// Days on the way, at least and at most.
    pub days: (u32, u32),
}

/// The table, fastest first.
pub const RATES: [Rate; 4] = [
    Rate {
        method: ShippingMethod::Ems,
        first_step: 1800,
        next_step: 400,
        max_grams: 30_000,
        volumetric_divisor: Some(6000),
        days: (3, 6),
    },
    Rate {
        method: ShippingMethod::Air,
        first_step: 1500,
        next_step: 350,
        max_grams: 30_000,
        volumetric_divisor: Some(6000),
        days: (5, 10),
    },
    Rate {
        method: ShippingMethod::Sal,
        first_step: 1200,
        next_step: 250,
        max_grams: 30_000,
        volumetric_divisor: None,
        days: (10, 20),
    },
    Rate {
        method: ShippingMethod::Sea,
        first_step: 900,
        next_step: 120,
        max_grams: 30_000,
        volumetric_divisor: None,
        days: (30, 60),
    },
];

/// A weighed and measured parcel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parcel {
    pub weight_grams: u32,
    pub length_cm: u32,
    pub width_cm: u32,
    pub height_cm: u32,
}

/// What one method would charge for a parcel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub method: ShippingMethod,
    /// L × W × H ÷ divisor, in grams (0 when the method ignores volume).
    pub volumetric_grams: u32,
    /// The greater of actual and volumetric, rounded up to 500 g.
    pub chargeable_grams: u32,
    pub price: Money,
    pub days: (u32, u32),
}

/// The price of `parcel` by `method`, or `None` when the method does not take it (too heavy).
pub fn quote(parcel: Parcel, method: ShippingMethod) -> Option<Quote> {
    let rate = RATES.iter().find(|r| r.method == method)?;
    let volume = u64::from(parcel.length_cm) * u64::from(parcel.width_cm) * u64::from(parcel.height_cm);
    let volumetric = rate.volumetric_divisor.map_or(0, |d| (volume * 1000).div_ceil(u64::from(d)));
    let volumetric_grams = u32::try_from(volumetric).unwrap_or(u32::MAX);
    let heavier = parcel.weight_grams.max(volumetric_grams).max(1);
    let steps = heavier.div_ceil(500);
    let chargeable_grams = steps.saturating_mul(500);
    if chargeable_grams > rate.max_grams {
        return None;
    }
    let price = rate.first_step + rate.next_step * i64::from(steps - 1);
    Some(Quote { method, volumetric_grams, chargeable_grams, price: Money::yen(price), days: rate.days })
}

/// PRX-11: every method that takes the parcel, fastest first.
pub fn estimate(parcel: Parcel) -> Vec<Quote> {
    ShippingMethod::ALL.into_iter().filter_map(|m| quote(parcel, m)).collect()
}

/// Japan's rule for goods imported for personal use: the taxable value is 60 % of the overseas retail
/// price, and nothing is charged while it is at most ¥10,000.
pub const PERSONAL_USE_RATIO_PERCENT: i64 = 60;
pub const DUTY_FREE_UP_TO: i64 = 10_000;
/// Consumption tax on imports (national and local), in basis points.
pub const IMPORT_CONSUMPTION_TAX_BP: i64 = 1000;

/// What customs would charge on arrival, as an estimate (the officer's classification decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportCharges {
    /// 60 % of the overseas retail price, rounded down.
    pub taxable_value: Money,
    /// The taxable value is at most ¥10,000: no duty, no tax.
    pub exempt: bool,
    /// At `duty_rate_bp` of the taxable value, rounded down.
    pub duty: Money,
    /// 10 % of the taxable value and the duty, rounded down.
    pub consumption_tax: Money,
}

/// The import charges on goods whose overseas retail price is `goods_value`, at a duty rate of
/// `duty_rate_bp` basis points (the simplified rate for the goods' kind; 10 % by default in the API).
pub fn import_charges(goods_value: Money, duty_rate_bp: u32) -> ImportCharges {
    let yen = goods_value.to_yen().unwrap_or(i64::MAX / 2);
    let taxable = yen.saturating_mul(PERSONAL_USE_RATIO_PERCENT) / 100;
    if taxable <= DUTY_FREE_UP_TO {
        return ImportCharges {
            taxable_value: Money::yen(taxable),
            exempt: true,
            duty: Money::ZERO,
            consumption_tax: Money::ZERO,
        };
    }
    let duty = taxable.saturating_mul(i64::from(duty_rate_bp)) / 10_000;
    let tax = (taxable + duty).saturating_mul(IMPORT_CONSUMPTION_TAX_BP) / 10_000;
    ImportCharges {
        taxable_value: Money::yen(taxable),
        exempt: false,
        duty: Money::yen(duty),
        consumption_tax: Money::yen(tax),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prx11_personal_imports_are_taxed_on_60_percent_of_the_price_above_10000_yen() {
        let small = import_charges(Money::yen(16_000), 1000);
        assert_eq!((small.taxable_value, small.exempt, small.duty), (Money::yen(9_600), true, Money::ZERO));
        let edge = import_charges(Money::yen(16_667), 1000);
        assert_eq!((edge.taxable_value, edge.exempt), (Money::yen(10_000), true), "at most ¥10,000 is exempt");
        let big = import_charges(Money::yen(50_000), 1000);
        assert_eq!(
            (big.taxable_value, big.duty, big.consumption_tax),
            (Money::yen(30_000), Money::yen(3_000), Money::yen(3_300))
        );
    }

    fn parcel(grams: u32, l: u32, w: u32, h: u32) -> Parcel {
        Parcel { weight_grams: grams, length_cm: l, width_cm: w, height_cm: h }
    }

    #[test]
    fn prx11_the_greater_of_actual_and_volumetric_weight_is_charged_in_500_g_steps() {
        // 1.2 kg in a small box: actual weight, three steps.
        let small = quote(parcel(1200, 20, 15, 10), ShippingMethod::Ems).unwrap();
        assert_eq!((small.volumetric_grams, small.chargeable_grams), (500, 1500));
        assert_eq!(small.price, Money::yen(1800 + 2 * 400));
        // A light, bulky box: 60 × 40 × 30 / 6000 = 12 kg volumetric.
        let bulky = quote(parcel(2000, 60, 40, 30), ShippingMethod::Air).unwrap();
        assert_eq!((bulky.volumetric_grams, bulky.chargeable_grams), (12_000, 12_000));
        assert_eq!(bulky.price, Money::yen(1500 + 23 * 350));
        // Sea ignores volume.
        let sea = quote(parcel(2000, 60, 40, 30), ShippingMethod::Sea).unwrap();
        assert_eq!((sea.chargeable_grams, sea.price), (2000, Money::yen(900 + 3 * 120)));
    }

    #[test]
    fn prx11_too_heavy_for_a_method_is_not_offered() {
        assert!(quote(parcel(30_001, 10, 10, 10), ShippingMethod::Ems).is_none());
        assert!(quote(parcel(30_000, 10, 10, 10), ShippingMethod::Ems).is_some());
        let huge = estimate(parcel(5000, 150, 100, 100));
        let methods: Vec<_> = huge.iter().map(|q| q.method).collect();
        assert_eq!(methods, [ShippingMethod::Sal, ShippingMethod::Sea], "volumetric 250 kg is too much by air");
    }
}
