use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Uuid,
    pub variant_id: Uuid,
    pub sku: String,
    pub product_name: String,
    pub color: String,
    pub size: String,
    pub tax_category: String,
    pub unit_price: i64,
    pub quantity: i32,
    pub status: String,
    /// The units came off the shelf (false for a subscription's generated line, SUB-04).
    pub stocked: bool,
}

impl ActiveModelBehavior for ActiveModel {}
