use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proxy_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Uuid,
    pub position: i32,
    pub source_url: String,
    pub name: String,
    pub options: String,
    pub quantity: i32,
    pub requested_unit_price: i64,
    pub unit_price: Option<i64>,
    pub domestic_shipping: i64,
    pub status: String,
    pub question: Option<String>,
    pub answer: Option<String>,
    pub updated_at: DateTimeUtc,
    pub arrived_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
