//! Timelines of orders and reservations: what happened, by whom and when.

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
                .table("timeline_events")
                .col(uuid("id").primary_key())
                .col(string("subject_kind"))
                .col(uuid("subject_id"))
                .col(string("what"))
                .col(string("by_kind"))
                .col(uuid_null("by_account"))
                .col(boolean("for_member"))
                .col(string_null("note"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("timeline_events_by_subject", "timeline_events", &["subject_kind", "subject_id", "id"]).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("timeline_events").to_owned()).await
    }
}
