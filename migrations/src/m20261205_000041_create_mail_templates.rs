//! SHOP-04: a shop's own wording of the emails it sends (one row per event and language; no row = the
//! default), and ACC-07/SHOP-04's purchase figures per member ([BUY_TIMES], [BUY_TOTAL_MONEY]) kept by
//! accounts, filled from the orders placed so far.

use crate::fk;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("mail_templates")
                .col(uuid("shop_id"))
                .col(string("template"))
                .col(string("locale"))
                .col(string("subject"))
                .col(text("body"))
                .col(timestamp_with_time_zone("updated_at"))
                .primary_key(Index::create().col("shop_id").col("template").col("locale"))
                .foreign_key(&mut fk("mail_templates", "shop_id", "shops", true))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("member_purchases")
                .col(uuid("account_id").primary_key())
                .col(big_integer("buy_times"))
                .col(big_integer("buy_total"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("member_purchases", "account_id", "accounts", true))
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "INSERT INTO member_purchases (account_id, buy_times, buy_total, updated_at) \
                 SELECT account_id, COUNT(*), SUM(total), MAX(created_at) FROM orders \
                 WHERE status <> 'cancelled' GROUP BY account_id",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("member_purchases").to_owned()).await?;
        m.drop_table(Table::drop().table("mail_templates").to_owned()).await
    }
}
