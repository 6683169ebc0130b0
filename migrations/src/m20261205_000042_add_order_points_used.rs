//! SUB-15: points used on an order, as a means of payment: the total (and its tax) stays as it is, the
//! member pays the total less these points.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut column = big_integer("points_used");
        column.default(0);
        m.alter_table(Table::alter().table("orders").add_column(column).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("orders").drop_column("points_used").to_owned()).await
    }
}
