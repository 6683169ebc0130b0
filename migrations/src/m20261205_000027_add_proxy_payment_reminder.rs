//! PRX-03: when the member was warned that an unpaid quote is about to be cancelled (once per order).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let column = timestamp_with_time_zone_null("payment_reminded_at");
        m.alter_table(Table::alter().table("proxy_orders").add_column(column).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("proxy_orders").drop_column("payment_reminded_at").to_owned()).await
    }
}
