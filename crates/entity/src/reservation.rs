use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reservations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub pickup_number: String,
    pub account_id: Uuid,
    pub shop_id: Uuid,
    pub variant_id: Uuid,
    pub sku: String,
    pub product_name: String,
    pub color: String,
    pub size: String,
    pub tax_category: String,
    pub unit_price: i64,
    pub quantity: i32,
    pub total: i64,
    pub payment: String,
    pub visit_date: Date,
    pub hold_deadline: Option<DateTimeUtc>,
    pub status: String,
    pub paid_at: Option<DateTimeUtc>,
    pub paid_in_store: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub expiry_claimed_by: Option<String>,
    pub expiry_claimed_until: Option<DateTimeUtc>,
    /// What search compares: `kaimono_core::normalize_for_search` of the searchable columns.
    pub search_text: String,
}

impl ActiveModelBehavior for ActiveModel {}
