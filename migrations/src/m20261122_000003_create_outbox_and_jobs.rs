//! The email outbox (NOTIF-01) and the lease table of the background job runner.

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
                .table("outbox_emails")
                .col(pk_uuid("id"))
                .col(string("to_address"))
                .col(string("subject"))
                .col(text("body_text"))
                .col(string("template"))
                .col(string_len("locale", 8))
                .col(string("status"))
                .col(integer("attempts"))
                .col(timestamp_with_time_zone("next_attempt_at"))
                .col(timestamp_with_time_zone_null("locked_until"))
                .col(string_null("locked_by"))
                .col(text_null("last_error"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("sent_at"))
                .check(("outbox_emails_status_check", Expr::col("status").is_in(["pending", "sent", "failed"])))
                .to_owned(),
        )
        .await?;
        m.create_index(index("outbox_emails_due_idx", "outbox_emails", &["status", "next_attempt_at"]).to_owned())
            .await?;

        m.create_table(
            Table::create()
                .table("job_leases")
                .col(string("name").primary_key())
                .col(string_null("locked_by"))
                .col(timestamp_with_time_zone_null("locked_until"))
                .col(timestamp_with_time_zone_null("last_started_at"))
                .col(timestamp_with_time_zone_null("last_finished_at"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("job_leases").to_owned()).await?;
        m.drop_table(Table::drop().table("outbox_emails").to_owned()).await?;
        Ok(())
    }
}
