//! The number of the order a message is about (an order number, or a reservation's pickup number), kept
//! on the message so the shop's inbox names every kind of order without asking each of their crates.
//! Numbers never change; messages written before this keep the proxy order's number.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut column = string_len("subject_number", 40);
        column.default("");
        m.alter_table(Table::alter().table("order_messages").add_column(&mut column).to_owned()).await?;
        m.get_connection()
            .execute_unprepared(
                "UPDATE order_messages SET subject_number = (SELECT number FROM proxy_orders \
                 WHERE proxy_orders.id = order_messages.subject_id) WHERE subject_kind = 'proxy_order'",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("order_messages").drop_column("subject_number").to_owned()).await
    }
}
