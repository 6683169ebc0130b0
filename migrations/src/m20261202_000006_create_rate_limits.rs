//! Counters for rate limits (failed logins, link mails): one row per key and fixed window, bumped with
//! one atomic UPSERT so concurrent requests cannot all pass the same check.

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
                .table("rate_limits")
                .col(string("key").primary_key())
                // The account email a key concerns, so a password reset can clear that account's counters.
                .col(string_null("email"))
                .col(timestamp_with_time_zone("window_started_at"))
                .col(integer("hits"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("rate_limits_email", "rate_limits", &["email"]).to_owned()).await?;
        m.create_index(index("rate_limits_window", "rate_limits", &["window_started_at"]).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("rate_limits").to_owned()).await
    }
}
