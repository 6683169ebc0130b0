//! PAY-08: the carriers each subscription payment method works with, per shop
//! (`cash_on_delivery=yamato,sagawa;deferred=yamato`; a method not named works with every carrier).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut column = string("method_carriers");
        column.default("");
        m.alter_table(Table::alter().table("subscription_settings").add_column(column).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("subscription_settings").drop_column("method_carriers").to_owned()).await
    }
}
