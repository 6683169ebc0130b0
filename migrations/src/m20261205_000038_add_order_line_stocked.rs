//! SUB-04: whether an order line took its units from the shelf. A subscription's generated lines do not
//! (seed 002), so cancelling them gives nothing back.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let column = boolean("stocked").default(true).to_owned();
        m.alter_table(Table::alter().table("order_lines").add_column(column).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("order_lines").drop_column("stocked").to_owned()).await
    }
}
