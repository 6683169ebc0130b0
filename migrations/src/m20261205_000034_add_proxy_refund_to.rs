//! Where a proxy order's refunds go (PAY-06): the deposit (the default) or, when the member asks, the
//! card that paid.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let column = string("refund_to").default("deposit").to_owned();
        m.alter_table(Table::alter().table("proxy_orders").add_column(column).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("proxy_orders").drop_column("refund_to").to_owned()).await
    }
}
