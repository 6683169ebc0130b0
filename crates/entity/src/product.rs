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
    /// CAT-05: offered as a subscription.
    pub subscription_enabled: bool,
    /// The first delivery's price in whole yen (tax included), when subscription-enabled.
    pub subscription_first_price: Option<i64>,
    /// The price from the 2nd delivery on.
    pub subscription_price: Option<i64>,
    /// How many deliveries at most; none for no limit.
    pub subscription_max_deliveries: Option<i32>,
}

impl ActiveModelBehavior for ActiveModel {}
