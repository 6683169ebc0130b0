//! Order messages (MSG-01, MSG-03, MSG-04): one thread per order between the member and the shop, with
//! when each side last read it.

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
                .table("order_messages")
                .col(uuid("id").primary_key())
                // proxy_order, order, reservation
                .col(string("subject_kind"))
                .col(uuid("subject_id"))
                .col(uuid("shop_id"))
                .col(uuid("member_id"))
                // member or staff
                .col(string("author"))
                .col(uuid("author_id"))
                .col(string("title"))
                .col(text("body"))
                .col(timestamp_with_time_zone("created_at"))
                // When the other side read it.
                .col(timestamp_with_time_zone_null("read_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("order_messages_thread", "order_messages", &["subject_kind", "subject_id", "id"]).to_owned(),
        )
        .await?;
        m.create_index(
            index("order_messages_shop_unread", "order_messages", &["shop_id", "author", "read_at"]).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("order_messages").to_owned()).await
    }
}
