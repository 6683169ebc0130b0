//! ACC-07: points per member — a balance (never negative, the total ever earned alongside) and the ledger
//! of every movement (earned, used, expired).

use crate::{fk, index};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("point_balances")
                .col(uuid("account_id").primary_key())
                .col(big_integer("balance"))
                .col(big_integer("total_earned"))
                .col(timestamp_with_time_zone("updated_at"))
                .check(("point_balances_balance_check", Expr::col("balance").gte(0)))
                .foreign_key(&mut fk("point_balances", "account_id", "accounts", true))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("point_entries")
                .col(uuid("id").primary_key())
                .col(uuid("account_id"))
                .col(string("kind"))
                .col(big_integer("points"))
                .col(string("reason"))
                .col(uuid_null("order_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("point_entries", "account_id", "accounts", true))
                .to_owned(),
        )
        .await?;
        m.create_index(index("point_entries_account", "point_entries", &["account_id", "id"]).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("point_entries").to_owned()).await?;
        m.drop_table(Table::drop().table("point_balances").to_owned()).await
    }
}
