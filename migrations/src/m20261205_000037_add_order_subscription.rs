//! SUB-12: an order generated from a subscription carries the subscription, its number, the next
//! delivery, the subscription's memo, its payment method and that method's fee (PAY-08).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: [&str; 6] =
    ["subscription_id", "subscription_number", "next_delivery_on", "memo", "payment_method", "payment_fee"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            uuid_null("subscription_id"),
            string_null("subscription_number"),
            date_null("next_delivery_on"),
            text_null("memo"),
            string_null("payment_method"),
            big_integer("payment_fee").default(0).to_owned(),
        ];
        for column in columns {
            m.alter_table(Table::alter().table("orders").add_column(column).to_owned()).await?;
        }
        m.create_index(crate::index("orders_subscription", "orders", &["subscription_id", "created_at"]).to_owned())
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("orders_subscription").table("orders").to_owned()).await?;
        for column in COLUMNS.into_iter().rev() {
            m.alter_table(Table::alter().table("orders").drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
