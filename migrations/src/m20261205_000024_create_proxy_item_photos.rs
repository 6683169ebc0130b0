//! Inspection photos of proxy items (PRX-06): taken by staff at the warehouse, shown to the member.

use crate::index;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("proxy_item_photos")
                .col(uuid("id").primary_key())
                .col(uuid("item_id"))
                .col(uuid("order_id"))
                .col(string("storage_name"))
                .col(string("preview_name"))
                .col(integer("width"))
                .col(integer("height"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("proxy_item_photos", "item_id")
                        .to("proxy_items", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("proxy_item_photos_order", "proxy_item_photos", &["order_id", "item_id", "id"]).to_owned())
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("proxy_item_photos").to_owned()).await
    }
}
