use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subscription_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub shop_id: Uuid,
    pub enabled: bool,
    /// New sign-ups accepted (running subscriptions are not affected).
    pub accepting: bool,
    pub monthly_allowed: bool,
    pub interval_allowed: bool,
    pub interval_min: i32,
    pub interval_max: i32,
    /// Comma-separated payment methods offered for subscriptions.
    pub payment_methods: String,
    /// PAY-08: `method=carrier,carrier;…`; a method not named works with every carrier.
    pub method_carriers: String,
    /// PAY-08: the shop's own methods (自由設定決済), a JSON array.
    pub custom_methods: String,
    pub free_shipping: bool,
    pub shipping_discount: i64,
    /// The cash-on-delivery fee in whole yen (PAY-08).
    pub cod_fee: i64,
    pub free_fee: bool,
    /// Points awarded on each generated order, in basis points of its amount.
    pub points_rate_bp: i32,
    pub lead_days: i32,
    pub auto_authorize: bool,
    pub card_expiry_auto: bool,
    pub member_changes_cycle: bool,
    pub member_changes_payment: bool,
    /// `system`, `sequence`, `prefix` or `date`.
    pub number_rule: String,
    pub number_digits: i32,
    pub number_prefix: String,
    pub number_hyphen: bool,
    /// The last sequence number given.
    pub number_last: i64,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
