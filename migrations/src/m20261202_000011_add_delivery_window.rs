//! Each shop's delivery window (ORD-01): the earliest wished delivery date is this many business days
//! of preparation ahead, the latest this many days ahead.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table("shops").add_column(integer("delivery_preparation_days").default(2)).to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table("shops").add_column(integer("delivery_window_days").default(30)).to_owned())
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in ["delivery_preparation_days", "delivery_window_days"] {
            m.alter_table(Table::alter().table("shops").drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
