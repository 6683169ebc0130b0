//! SUB-04 (issue 12, benchmark b): a payment provider's request budget shared by every instance — calls
//! counted per wall-clock second, and seconds a 429's Retry-After closed.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("provider_calls")
                .col(string("provider"))
                .col(big_integer("second"))
                .col(integer("calls"))
                .primary_key(Index::create().col("provider").col("second"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("provider_calls").to_owned()).await
    }
}
