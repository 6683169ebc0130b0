//! PAY-08: a shop's own payment methods for subscriptions (自由設定決済) — each with a name, a fee, the
//! carriers it works with and a description, kept with the shop's subscription settings. A subscription
//! paid by one keeps the method's id and its name as chosen (seed 002: a renamed method shows its new name
//! only once the subscription's method is set again); a generated order keeps the name too.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut methods = text("custom_methods");
        methods.default("[]");
        m.alter_table(Table::alter().table("subscription_settings").add_column(methods).to_owned()).await?;
        m.alter_table(Table::alter().table("subscriptions").add_column(uuid_null("custom_method_id")).to_owned())
            .await?;
        m.alter_table(Table::alter().table("subscriptions").add_column(string_null("custom_method_name")).to_owned())
            .await?;
        m.alter_table(Table::alter().table("orders").add_column(string_null("payment_method_name")).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("orders").drop_column("payment_method_name").to_owned()).await?;
        m.alter_table(Table::alter().table("subscriptions").drop_column("custom_method_name").to_owned()).await?;
        m.alter_table(Table::alter().table("subscriptions").drop_column("custom_method_id").to_owned()).await?;
        m.alter_table(Table::alter().table("subscription_settings").drop_column("custom_methods").to_owned()).await
    }
}
