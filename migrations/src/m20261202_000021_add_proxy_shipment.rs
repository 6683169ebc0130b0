//! Proxy-buying after the warehouse (PRX-08, PRX-09, PRX-13): the weighed parcel, the method and the
//! rate-table version the 2nd invoice used, the shipment, and the member's receipt report.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: [&str; 12] = [
    "weight_grams",
    "length_cm",
    "width_cm",
    "height_cm",
    "shipping_method",
    "rate_table",
    "carrier",
    "tracking_number",
    "shipped_at",
    "completed_at",
    "receipt_comment",
    "receipt_public",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            integer_null("weight_grams"),
            integer_null("length_cm"),
            integer_null("width_cm"),
            integer_null("height_cm"),
            string_null("shipping_method"),
            string_null("rate_table"),
            string_null("carrier"),
            string_null("tracking_number"),
            timestamp_with_time_zone_null("shipped_at"),
            timestamp_with_time_zone_null("completed_at"),
            text_null("receipt_comment"),
            boolean("receipt_public").default(false).to_owned(),
        ];
        // One column per statement: SQLite alters one column at a time.
        for column in columns {
            m.alter_table(Table::alter().table("proxy_orders").add_column(column).to_owned()).await?;
        }
        m.create_index(
            Index::create()
                .name("proxy_orders_shipped")
                .table("proxy_orders")
                .col("status")
                .col("shipped_at")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("proxy_orders_shipped").table("proxy_orders").to_owned()).await?;
        for column in COLUMNS {
            m.alter_table(Table::alter().table("proxy_orders").drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
