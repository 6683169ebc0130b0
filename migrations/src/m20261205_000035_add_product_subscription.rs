//! CAT-05: a product's subscription terms — subscription-enabled, the first delivery's price, the price
//! from the 2nd delivery on, and an optional maximum number of deliveries.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: [&str; 4] =
    ["subscription_enabled", "subscription_first_price", "subscription_price", "subscription_max_deliveries"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        let columns = [
            boolean("subscription_enabled").default(false).to_owned(),
            big_integer_null("subscription_first_price"),
            big_integer_null("subscription_price"),
            integer_null("subscription_max_deliveries"),
        ];
        for column in columns {
            m.alter_table(Table::alter().table("products").add_column(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in COLUMNS.into_iter().rev() {
            m.alter_table(Table::alter().table("products").drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
