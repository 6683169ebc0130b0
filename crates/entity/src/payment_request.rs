use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub account_id: Uuid,
    pub shop_id: Uuid,
    pub order_id: Option<Uuid>,
    pub reservation_id: Option<Uuid>,
    pub amount: i64,
    pub status: String,
    pub expires_at: DateTimeUtc,
    pub claimed_at: Option<DateTimeUtc>,
    pub card_id: Option<Uuid>,
    pub authorization_ref: Option<String>,
    pub paid_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub expiry_claimed_by: Option<String>,
    pub expiry_claimed_until: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
