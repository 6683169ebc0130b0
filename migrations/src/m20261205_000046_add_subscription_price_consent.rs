//! Issue 12, item 10: a raised price waits for the member's consent. The shop's raise is kept beside the
//! price in force (`proposed_price`); the member's consent is kept as an immutable, hashed record of what
//! they agreed to, like the final confirmation.

use crate::{fk, index};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table("subscription_items").add_column(big_integer_null("proposed_price")).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("subscription_consents")
                .col(uuid("id").primary_key())
                .col(uuid("subscription_id"))
                .col(text("content"))
                .col(string_len("content_sha256", 64))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("subscription_consents", "subscription_id", "subscriptions", true))
                .to_owned(),
        )
        .await?;
        m.create_index(index("subscription_consents_subscription", "subscription_consents", &["subscription_id"])).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("subscription_consents").to_owned()).await?;
        m.alter_table(Table::alter().table("subscription_items").drop_column("proposed_price").to_owned()).await
    }
}
