//! `accounts.token_version`: access tokens carry it, and a password reset bumps it, so tokens issued
//! before the reset are refused.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("accounts").add_column(integer("token_version").default(0)).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("accounts").drop_column("token_version").to_owned()).await
    }
}
