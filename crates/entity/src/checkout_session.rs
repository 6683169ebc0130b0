use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "checkout_sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub provider: String,
    #[sea_orm(unique)]
    pub provider_session_id: String,
    pub reference: String,
    pub account_id: Uuid,
    pub shop_id: Uuid,
    pub amount: i64,
    pub surcharge: i64,
    pub status: String,
    pub url: String,
    pub return_url: String,
    pub created_at: DateTimeUtc,
    pub completed_at: Option<DateTimeUtc>,
    /// The payment the page took (a refund pays it back).
    pub payment_intent: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
