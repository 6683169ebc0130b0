//! Provider webhook events already handled (PAY-07): a delivery seen before is acknowledged and changes
//! nothing again.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("webhook_events")
                // `{provider}:{event id}`
                .col(string("id").primary_key())
                .col(string("kind"))
                .col(timestamp_with_time_zone("received_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("webhook_events").to_owned()).await
    }
}
