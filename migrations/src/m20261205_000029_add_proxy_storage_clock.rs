//! The storage clock (PRX-11's warehouse): when each item reached the warehouse, the service's free
//! storage days and daily fee after them, and the storage fee billed on the 2nd invoice.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let alter =
            |table: &str, column: ColumnDef| Table::alter().table(table.to_owned()).add_column(column).to_owned();
        // One column per statement: SQLite alters one column at a time.
        m.alter_table(alter("proxy_items", timestamp_with_time_zone_null("arrived_at"))).await?;
        m.alter_table(alter("proxy_settings", integer("free_storage_days").default(30).to_owned())).await?;
        m.alter_table(alter("proxy_settings", big_integer("storage_fee_per_day").default(50).to_owned())).await?;
        m.alter_table(alter("proxy_invoices", big_integer("storage_fee").default(0).to_owned())).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let drop = |table: &str, column: &str| {
            Table::alter().table(table.to_owned()).drop_column(column.to_owned()).to_owned()
        };
        m.alter_table(drop("proxy_invoices", "storage_fee")).await?;
        m.alter_table(drop("proxy_settings", "storage_fee_per_day")).await?;
        m.alter_table(drop("proxy_settings", "free_storage_days")).await?;
        m.alter_table(drop("proxy_items", "arrived_at")).await
    }
}
