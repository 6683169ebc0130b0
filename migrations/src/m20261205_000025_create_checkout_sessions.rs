//! Hosted card payment pages (PAY-07): one row per page opened at the provider, what it pays and how
//! much of it is the card surcharge, and where it is.

use crate::index;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("checkout_sessions")
                .col(uuid("id").primary_key())
                .col(string("provider"))
                .col(string("provider_session_id").unique_key())
                // What the money pays (`proxy_order:<id>:<stage>`), answered by the payee of that prefix.
                .col(string("reference"))
                .col(uuid("account_id"))
                .col(uuid("shop_id"))
                // The part that pays the reference, and the surcharge on top: the page charges both.
                .col(big_integer("amount"))
                .col(big_integer("surcharge"))
                // open, paid, expired, mismatched
                .col(string("status"))
                .col(text("url"))
                .col(text("return_url"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("completed_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("checkout_sessions_reference", "checkout_sessions", &["reference"]).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("checkout_sessions").to_owned()).await
    }
}
