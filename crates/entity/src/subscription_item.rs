use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subscription_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub subscription_id: Uuid,
    pub product_id: Uuid,
    pub variant_id: Uuid,
    pub product_name: String,
    pub sku: String,
    pub color: String,
    pub size: String,
    pub tax_category: String,
    pub first_price: i64,
    /// The price from the 2nd delivery on.
    pub unit_price: i64,
    /// A raised 2nd+ price the shop set, applied once the member consents (issue 12, item 10).
    pub proposed_price: Option<i64>,
    pub quantity: i32,
    pub max_deliveries: Option<i32>,
    pub deliveries: i32,
    /// False once the item reached its maximum and dropped out.
    pub active: bool,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
