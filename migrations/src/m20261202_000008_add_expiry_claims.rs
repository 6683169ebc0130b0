//! Claim columns for the expiry job: a worker claims a batch of lapsed payment requests or holds with
//! one UPDATE (`SKIP LOCKED` on PostgreSQL), then expires each in its own short transaction. A claim
//! lapses on its own if the worker dies.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["payment_requests", "reservations"] {
            m.alter_table(Table::alter().table(table).add_column(string_null("expiry_claimed_by")).to_owned()).await?;
            m.alter_table(
                Table::alter()
                    .table(table)
                    .add_column(timestamp_with_time_zone_null("expiry_claimed_until"))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["payment_requests", "reservations"] {
            for column in ["expiry_claimed_until", "expiry_claimed_by"] {
                m.alter_table(Table::alter().table(table).drop_column(column).to_owned()).await?;
            }
        }
        Ok(())
    }
}
