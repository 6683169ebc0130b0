use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "transfer_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    pub shop_id: Uuid,
    pub reference: String,
    pub transferred_on: Date,
    pub amount: i64,
    pub sender_kana: String,
    pub status: String,
    pub received_amount: Option<i64>,
    pub confirmed_by: Option<Uuid>,
    pub confirmed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
