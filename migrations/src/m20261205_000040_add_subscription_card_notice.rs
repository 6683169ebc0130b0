//! SUB-11: when the member was last told that the subscription's card nears or passed its expiry.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let column = timestamp_with_time_zone_null("card_notice_at");
        m.alter_table(Table::alter().table("subscriptions").add_column(column).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("subscriptions").drop_column("card_notice_at").to_owned()).await
    }
}
