//! Shipping fees (CART-02): each shop's carriers with their time slots and a fee per region of Japan,
//! and the order amount above which shipping is free; each order keeps its carrier and fee.

use crate::fk;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One fee column per region, in `kaimono_core::Region::ALL` order.
pub const FEE_COLUMNS: [&str; 9] = [
    "fee_hokkaido",
    "fee_tohoku",
    "fee_kanto",
    "fee_chubu",
    "fee_kinki",
    "fee_chugoku",
    "fee_shikoku",
    "fee_kyushu",
    "fee_okinawa",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table("shipping_methods")
            .col(uuid("shop_id"))
            .col(string("carrier"))
            .col(integer("position"))
            .col(string("time_slots"))
            .primary_key(Index::create().col("shop_id").col("carrier"))
            .foreign_key(&mut fk("shipping_methods", "shop_id", "shops", true));
        for column in FEE_COLUMNS {
            table.col(big_integer(column).check(Expr::col(column).gte(0)));
        }
        m.create_table(table.to_owned()).await?;
        m.alter_table(Table::alter().table("shops").add_column(big_integer_null("free_shipping_over")).to_owned())
            .await?;
        m.alter_table(Table::alter().table("orders").add_column(big_integer("shipping_fee").default(0)).to_owned())
            .await?;
        m.alter_table(Table::alter().table("orders").add_column(string_null("shipping_carrier")).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("orders").drop_column("shipping_carrier").to_owned()).await?;
        m.alter_table(Table::alter().table("orders").drop_column("shipping_fee").to_owned()).await?;
        m.alter_table(Table::alter().table("shops").drop_column("free_shipping_over").to_owned()).await?;
        m.drop_table(Table::drop().table("shipping_methods").to_owned()).await
    }
}
