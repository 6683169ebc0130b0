use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub shop_id: Uuid,
    pub name: String,
    pub description: String,
    pub category: String,
    pub tax_category: String,
    pub reservable: bool,
    pub deliverable: bool,
    pub reservation_payment: String,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// What search compares: `kaimono_core::normalize_for_search` of the searchable columns.
    pub search_text: String,
}

impl ActiveModelBehavior for ActiveModel {}
