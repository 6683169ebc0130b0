//! Refunds to the card a hosted page charged (PAY-06: a refund goes to the card when the member asks):
//! the payment the page took is kept with it, and each refund waits in `card_refunds` until a worker has
//! the provider pay it back (retried, and credited to the deposit if the provider keeps refusing).

use crate::index;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let column = string_null("payment_intent");
        m.alter_table(Table::alter().table("checkout_sessions").add_column(column).to_owned()).await?;
        m.create_table(
            Table::create()
                .table("card_refunds")
                .col(uuid("id").primary_key())
                .col(uuid("checkout_session_id"))
                .col(string("reference"))
                .col(uuid("account_id"))
                .col(uuid("shop_id"))
                .col(big_integer("amount"))
                .col(string("status"))
                .col(string_null("provider_refund_id"))
                .col(integer("attempts").default(0))
                .col(string_null("last_error"))
                .col(timestamp_with_time_zone("next_attempt_at"))
                .col(string_null("claimed_by"))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("done_at"))
                .foreign_key(
                    ForeignKey::create().from("card_refunds", "checkout_session_id").to("checkout_sessions", "id"),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("card_refunds_due", "card_refunds", &["status", "next_attempt_at"]).to_owned()).await?;
        m.create_index(index("card_refunds_session", "card_refunds", &["checkout_session_id"]).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("card_refunds").to_owned()).await?;
        m.alter_table(Table::alter().table("checkout_sessions").drop_column("payment_intent").to_owned()).await
    }
}
