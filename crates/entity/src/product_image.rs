use sea_orm::entity::prelude::*;

/// One image of a product (CAT-02); `renditions` is JSON naming its stored sizes.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_images")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub product_id: Uuid,
    pub position: i32,
    pub alt_text: String,
    pub width: i32,
    pub height: i32,
    pub renditions: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
