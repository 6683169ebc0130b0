//! Deposit (PAY-06): a prepaid balance per member and shop with a ledger of every movement; and bank
//! transfers (PAY-05): the member's completion report and the staff's confirmation of what arrived.

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
                .table("deposit_accounts")
                .col(uuid("account_id"))
                .col(uuid("shop_id"))
                // Whole yen; never negative (the debit is one conditional UPDATE, and the check backs it).
                .col(big_integer("balance"))
                .col(timestamp_with_time_zone("updated_at"))
                .primary_key(Index::create().col("account_id").col("shop_id"))
                .check(("deposit_accounts_balance_check", Expr::col("balance").gte(0)))
                .foreign_key(&mut fk("deposit_accounts", "account_id", "accounts", true))
                .foreign_key(&mut fk("deposit_accounts", "shop_id", "shops", true))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("deposit_entries")
                .col(uuid("id").primary_key())
                .col(uuid("account_id"))
                .col(uuid("shop_id"))
                // top_up, use, refund, overpayment, adjustment
                .col(string("kind"))
                // Signed whole yen: credits positive, uses negative.
                .col(big_integer("amount"))
                .col(big_integer("balance_after"))
                // What it was for (`proxy_invoice:<id>`), if anything.
                .col(string_null("reference"))
                .col(text_null("reason"))
                .col(uuid_null("by_account"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("deposit_entries", "account_id", "accounts", true))
                .foreign_key(&mut fk("deposit_entries", "shop_id", "shops", true))
                .to_owned(),
        )
        .await?;
        m.create_index(index("deposit_entries_owner", "deposit_entries", &["account_id", "shop_id", "id"]).to_owned())
            .await?;
        m.create_table(
            Table::create()
                .table("transfer_reports")
                .col(uuid("id").primary_key())
                .col(uuid("account_id"))
                .col(uuid("shop_id"))
                // What the transfer pays (`proxy_invoice:<id>`).
                .col(string("reference"))
                .col(date("transferred_on"))
                .col(big_integer("amount"))
                .col(string("sender_kana"))
                // reported, confirmed, rejected
                .col(string("status"))
                .col(big_integer_null("received_amount"))
                .col(uuid_null("confirmed_by"))
                .col(timestamp_with_time_zone_null("confirmed_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("transfer_reports", "account_id", "accounts", true))
                .foreign_key(&mut fk("transfer_reports", "shop_id", "shops", true))
                .to_owned(),
        )
        .await?;
        m.create_index(index("transfer_reports_queue", "transfer_reports", &["shop_id", "status", "id"]).to_owned())
            .await?;
        m.create_index(index("transfer_reports_reference", "transfer_reports", &["reference"]).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["transfer_reports", "deposit_entries", "deposit_accounts"] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
