//! Local shipping costs (PRX-07): what an exchange or a return with a seller in Japan cost, recorded by
//! staff when incurred and billed on the 2nd invoice.

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
                .table("proxy_local_charges")
                .col(uuid("id").primary_key())
                .col(uuid("order_id"))
                .col(string("description"))
                .col(big_integer("amount"))
                .col(uuid("staff_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("proxy_local_charges", "order_id")
                        .to("proxy_orders", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("proxy_local_charges_order", "proxy_local_charges", &["order_id", "id"]).to_owned())
            .await?;
        let column = big_integer("local_shipping").default(0).to_owned();
        m.alter_table(Table::alter().table("proxy_invoices").add_column(column).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("proxy_invoices").drop_column("local_shipping").to_owned()).await?;
        m.drop_table(Table::drop().table("proxy_local_charges").to_owned()).await
    }
}
