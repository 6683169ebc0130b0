//! Files attached to order messages (MSG-02): at most three per message, each stored under its own name
//! (pictures re-encoded, with a preview) and served only to the thread's two sides.

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
                .table("message_attachments")
                .col(uuid("id").primary_key())
                .col(uuid("message_id"))
                .col(integer("position"))
                // The name the sender gave it, for the download.
                .col(string("file_name"))
                .col(string("content_type"))
                .col(big_integer("byte_size"))
                .col(string("storage_name"))
                .col(string_null("preview_name"))
                .col(integer_null("width"))
                .col(integer_null("height"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("message_attachments", "message_id")
                        .to("order_messages", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("message_attachments_message", "message_attachments", &["message_id", "position"]).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("message_attachments").to_owned()).await
    }
}
