//! Wire types of a shop's shipping fees (CART-02).

use crate::dto::orders::CarrierDto;
use crate::dto::{price, validate_price};
use crate::error::ApiError;
use kaimono_catalog::{Shipping, ShippingMethod};
use kaimono_core::{Money, Region, TIME_SLOTS};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

/// The fee to each region of Japan, tax-inclusive whole yen as decimal strings.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionFeesDto {
    /// 北海道.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "1500")]
    pub hokkaido: Decimal,
    /// 東北 (青森 … 福島).
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "900")]
    pub tohoku: Decimal,
    /// 関東 (茨城 … 神奈川).
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "800")]
    pub kanto: Decimal,
    /// 中部 (新潟 … 愛知).
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "800")]
    pub chubu: Decimal,
    /// 近畿 (三重 … 和歌山).
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "900")]
    pub kinki: Decimal,
    /// 中国 (鳥取 … 山口).
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "1000")]
    pub chugoku: Decimal,
    /// 四国.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "1000")]
    pub shikoku: Decimal,
    /// 九州 (福岡 … 鹿児島).
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "1100")]
    pub kyushu: Decimal,
    /// 沖縄.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = String, example = "2000")]
    pub okinawa: Decimal,
}

fn validate_time_slots(slots: &[String]) -> Result<(), ValidationError> {
    if slots.iter().all(|s| TIME_SLOTS.contains(&s.as_str())) {
        Ok(())
    } else {
        Err(ValidationError::new("time_slots")
            .with_message("must be among morning, 12-14, 14-16, 16-18, 18-20, 19-21".into()))
    }
}

/// One carrier a shop ships with.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShippingMethodDto {
    /// The carrier.
    pub carrier: CarrierDto,
    /// The time slots it delivers in: `morning`, `12-14`, `14-16`, `16-18`, `18-20`, `19-21`.
    #[validate(length(max = 6), custom(function = validate_time_slots))]
    #[schema(max_items = 6)]
    pub time_slots: Vec<String>,
    /// Its fee per region.
    #[validate(nested)]
    pub fees: RegionFeesDto,
}

/// A shop's shipping: its carriers (the first is the default at checkout) and the free-shipping threshold.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShippingDto {
    /// Goods of at least this amount (tax-inclusive yen) ship free; absent: never free.
    #[validate(custom(function = validate_price))]
    #[schema(value_type = Option<String>, example = "5000")]
    pub free_over: Option<Decimal>,
    /// Its carriers, at most 5; none: the shop ships free without set carriers.
    #[validate(length(max = 5), nested)]
    #[schema(max_items = 5)]
    pub methods: Vec<ShippingMethodDto>,
}

impl ShippingDto {
    pub fn of(shipping: Shipping) -> Self {
        let yen = |m: Money| m.amount();
        ShippingDto {
            free_over: shipping.free_over.map(yen),
            methods: shipping
                .methods
                .into_iter()
                .map(|m| {
                    let fee = |r: Region| yen(m.fees[r.index()]);
                    ShippingMethodDto {
                        carrier: m.carrier.into(),
                        time_slots: m.time_slots.clone(),
                        fees: RegionFeesDto {
                            hokkaido: fee(Region::Hokkaido),
                            tohoku: fee(Region::Tohoku),
                            kanto: fee(Region::Kanto),
                            chubu: fee(Region::Chubu),
                            kinki: fee(Region::Kinki),
                            chugoku: fee(Region::Chugoku),
                            shikoku: fee(Region::Shikoku),
                            kyushu: fee(Region::Kyushu),
                            okinawa: fee(Region::Okinawa),
                        },
                    }
                })
                .collect(),
        }
    }

    pub fn into_shipping(self) -> Result<Shipping, ApiError> {
        let mut methods = Vec::with_capacity(self.methods.len());
        for (i, m) in self.methods.into_iter().enumerate() {
            let f = m.fees;
            let field = |region: &str| format!("methods.{i}.fees.{region}");
            let fees = [
                price(f.hokkaido, &field("hokkaido"))?,
                price(f.tohoku, &field("tohoku"))?,
                price(f.kanto, &field("kanto"))?,
                price(f.chubu, &field("chubu"))?,
                price(f.kinki, &field("kinki"))?,
                price(f.chugoku, &field("chugoku"))?,
                price(f.shikoku, &field("shikoku"))?,
                price(f.kyushu, &field("kyushu"))?,
                price(f.okinawa, &field("okinawa"))?,
            ];
            // Slots in the carrier's usual order, each once.
            let time_slots =
                TIME_SLOTS.iter().filter(|s| m.time_slots.iter().any(|t| t == *s)).map(|s| (*s).to_owned()).collect();
            methods.push(ShippingMethod { carrier: m.carrier.into(), time_slots, fees });
        }
        let free_over = self.free_over.map(|v| price(v, "free_over")).transpose()?;
        Ok(Shipping { methods, free_over })
    }
}
