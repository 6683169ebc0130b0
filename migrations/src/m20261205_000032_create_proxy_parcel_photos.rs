//! Photos of the weighed parcel (PRX-08's weight evidence): the scale's reading and the tape measure,
//! taken by staff at weighing and shown to the member with the 2nd invoice.

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
                .table("proxy_parcel_photos")
                .col(uuid("id").primary_key())
                .col(uuid("order_id"))
                .col(string("storage_name"))
                .col(string("preview_name"))
                .col(integer("width"))
                .col(integer("height"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("proxy_parcel_photos", "order_id")
                        .to("proxy_orders", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("proxy_parcel_photos_order", "proxy_parcel_photos", &["order_id", "id"]).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("proxy_parcel_photos").to_owned()).await
    }
}
