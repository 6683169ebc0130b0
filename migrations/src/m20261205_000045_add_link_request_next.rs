//! ACC-06: where a sign-up link brings the new member back to (the subscription checkout they left).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let column = string_null("next_path");
        m.alter_table(Table::alter().table("link_requests").add_column(column).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("link_requests").drop_column("next_path").to_owned()).await
    }
}
