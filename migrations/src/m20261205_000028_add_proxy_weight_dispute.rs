//! When the member disputed the parcel's weight (PRX-08): the 2nd invoice is held until staff weigh
//! again or keep the weight.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let column = timestamp_with_time_zone_null("weight_disputed_at");
        m.alter_table(Table::alter().table("proxy_orders").add_column(column).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("proxy_orders").drop_column("weight_disputed_at").to_owned()).await
    }
}
