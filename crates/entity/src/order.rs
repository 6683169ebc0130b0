use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub number: String,
    pub account_id: Uuid,
    pub shop_id: Uuid,
    pub status: String,
    pub ship_postal_code: String,
    pub ship_prefecture: i16,
    pub ship_city: String,
    pub ship_street: String,
    pub ship_building: Option<String>,
    pub ship_name: String,
    pub ship_name_kana: String,
    pub ship_phone: String,
    pub delivery_date: Option<Date>,
    pub delivery_time_slot: Option<String>,
    pub total: i64,
    pub tax_standard: i64,
    pub tax_reduced: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub cancel_reason: Option<String>,
    pub paid_at: Option<DateTimeUtc>,
    pub shipped_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    /// What search compares: `kaimono_core::normalize_for_search` of the searchable columns.
    pub search_text: String,
    /// The shipping fee in whole yen, included in `total` (taxed at 10 %).
    pub shipping_fee: i64,
    /// The carrier chosen at checkout (`yamato` …), if the shop ships with set carriers.
    pub shipping_carrier: Option<String>,
    /// SUB-12: the subscription this order was generated from (or placed with).
    pub subscription_id: Option<Uuid>,
    pub subscription_number: Option<String>,
    /// The subscription's next delivery when this order was generated.
    pub next_delivery_on: Option<Date>,
    /// The subscription's memo, copied at generation.
    pub memo: Option<String>,
    /// How a subscription order is paid (`card`, `cash_on_delivery`, `deferred`, `custom:<id>`).
    pub payment_method: Option<String>,
    /// The name of a shop's own payment method (`payment_method` = `custom`).
    pub payment_method_name: Option<String>,
    /// The payment method's fee in whole yen (cash on delivery), included in `total` (taxed at 10 %).
    pub payment_fee: i64,
    /// SUB-15: points used on the order as payment, in yen (1 point = ¥1); the member pays `total` less these.
    pub points_used: i64,
}

impl ActiveModelBehavior for ActiveModel {}
