use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proxy_invoices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Uuid,
    pub stage: i16,
    pub version: i32,
    pub status: String,
    pub goods: i64,
    pub domestic_shipping: i64,
    pub service_fee: i64,
    pub international_shipping: i64,
    pub storage_fee: i64,
    pub local_shipping: i64,
    pub total: i64,
    pub paid: i64,
    pub created_at: DateTimeUtc,
    pub paid_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
