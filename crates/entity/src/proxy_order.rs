use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proxy_orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    pub shop_id: Uuid,
    pub account_id: Uuid,
    pub status: String,
    pub shipping_priority: String,
    pub ship_postal_code: String,
    pub ship_prefecture: i16,
    pub ship_city: String,
    pub ship_street: String,
    pub ship_building: Option<String>,
    pub ship_name: String,
    pub ship_name_kana: String,
    pub ship_phone: String,
    pub note: Option<String>,
    pub quoted_at: Option<DateTimeUtc>,
    pub first_paid_at: Option<DateTimeUtc>,
    pub cancel_reason: Option<String>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub weight_grams: Option<i32>,
    pub length_cm: Option<i32>,
    pub width_cm: Option<i32>,
    pub height_cm: Option<i32>,
    pub shipping_method: Option<String>,
    pub rate_table: Option<String>,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub shipped_at: Option<DateTimeUtc>,
    pub completed_at: Option<DateTimeUtc>,
    pub receipt_comment: Option<String>,
    pub receipt_public: bool,
    pub payment_reminded_at: Option<DateTimeUtc>,
    pub weight_disputed_at: Option<DateTimeUtc>,
    pub refund_to: String,
}

impl ActiveModelBehavior for ActiveModel {}
