use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subscriptions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub shop_id: Uuid,
    pub account_id: Uuid,
    pub number: String,
    /// `active` or `ended`.
    pub status: String,
    /// `monthly` (day `cycle_value`) or `every_days` (every `cycle_value` days).
    pub cycle_kind: String,
    pub cycle_value: i32,
    pub carrier: Option<String>,
    pub time_slot: Option<String>,
    pub payment_method: String,
    pub card_id: Option<Uuid>,
    /// PAY-08: the shop's own method, when `payment_method` is `custom`, and its name as chosen.
    pub custom_method_id: Option<Uuid>,
    pub custom_method_name: Option<String>,
    pub ship_postal_code: String,
    pub ship_prefecture: i16,
    pub ship_city: String,
    pub ship_street: String,
    pub ship_building: Option<String>,
    pub ship_name: String,
    pub ship_name_kana: String,
    pub ship_phone: String,
    /// Fixed at sign-up unless staff edit it (seed 002).
    pub shipping_fee: i64,
    pub fee: i64,
    pub memo: String,
    /// Deliveries so far, the first order included; counted at generation (SUB-13).
    pub deliveries: i32,
    pub next_delivery_on: Date,
    pub next_generation_on: Date,
    pub skip_next: bool,
    pub last_delivery_on: Option<Date>,
    pub last_generated_at: Option<DateTimeUtc>,
    /// The final confirmation screen the member agreed to, as JSON (特定商取引法 §12-6).
    pub confirmation: String,
    pub confirmation_sha256: String,
    /// What search compares: `kaimono_core::normalize_for_search` of the searchable columns.
    pub search_text: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub ended_at: Option<DateTimeUtc>,
    /// SUB-11: when the member was last mailed about the card's expiry.
    pub card_notice_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
