//! Proxy-buying (PRX-01 to PRX-13): the service's settings, members' purchase requests with their items,
//! and the invoices of the 1st payment (goods and fees) and the 2nd (international shipping), every
//! version kept.

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
                .table("proxy_settings")
                .col(uuid("shop_id").primary_key())
                // The service fee: a rate in basis points of the goods, at least the minimum (whole yen).
                .col(integer("fee_rate_bp"))
                .col(big_integer("fee_minimum"))
                // PAY-07: the card surcharge, in basis points of the amount paid by card.
                .col(integer("card_surcharge_bp"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("proxy_settings", "shop_id", "shops", true))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("proxy_orders")
                .col(uuid("id").primary_key())
                .col(string_uniq("number"))
                .col(uuid("shop_id"))
                .col(uuid("account_id"))
                .col(string("status"))
                // cheapest or fastest
                .col(string("shipping_priority"))
                .col(string("ship_postal_code"))
                .col(small_integer("ship_prefecture"))
                .col(string("ship_city"))
                .col(string("ship_street"))
                .col(string_null("ship_building"))
                .col(string("ship_name"))
                .col(string("ship_name_kana"))
                .col(string("ship_phone"))
                .col(text_null("note"))
                .col(timestamp_with_time_zone_null("quoted_at"))
                .col(timestamp_with_time_zone_null("first_paid_at"))
                .col(string_null("cancel_reason"))
                .col(timestamp_with_time_zone_null("cancelled_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("proxy_orders", "shop_id", "shops", false))
                .foreign_key(&mut fk("proxy_orders", "account_id", "accounts", false))
                .to_owned(),
        )
        .await?;
        m.create_index(index("proxy_orders_member", "proxy_orders", &["account_id", "id"]).to_owned()).await?;
        m.create_index(index("proxy_orders_queue", "proxy_orders", &["shop_id", "status", "id"]).to_owned()).await?;
        // The auto-cancel job looks for quotes older than 7 days.
        m.create_index(index("proxy_orders_quoted", "proxy_orders", &["status", "quoted_at"]).to_owned()).await?;
        m.create_table(
            Table::create()
                .table("proxy_items")
                .col(uuid("id").primary_key())
                .col(uuid("order_id"))
                .col(integer("position"))
                .col(text("source_url"))
                .col(string("name"))
                .col(string("options"))
                .col(integer("quantity"))
                // The member's price as seen on the seller's page; then the price staff confirm.
                .col(big_integer("requested_unit_price"))
                .col(big_integer_null("unit_price"))
                // The seller's shipping to the warehouse, for this item.
                .col(big_integer("domestic_shipping").default(0))
                .col(string("status"))
                // PRX-05: a question to put to the seller before buying; not bought while open.
                .col(text_null("question"))
                .col(text_null("answer"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("proxy_items", "order_id", "proxy_orders", true))
                .to_owned(),
        )
        .await?;
        m.create_index(index("proxy_items_order", "proxy_items", &["order_id", "position"]).to_owned()).await?;
        m.create_table(
            Table::create()
                .table("proxy_invoices")
                .col(uuid("id").primary_key())
                .col(uuid("order_id"))
                // 1: goods and fees; 2: international shipping.
                .col(small_integer("stage"))
                .col(integer("version"))
                // open, paid, superseded, void
                .col(string("status"))
                .col(big_integer("goods"))
                .col(big_integer("domestic_shipping"))
                .col(big_integer("service_fee"))
                .col(big_integer("international_shipping"))
                .col(big_integer("total"))
                .col(big_integer("paid"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("paid_at"))
                .foreign_key(&mut fk("proxy_invoices", "order_id", "proxy_orders", true))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("proxy_invoices_version", "proxy_invoices", &["order_id", "stage", "version"]).unique().to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["proxy_invoices", "proxy_items", "proxy_orders", "proxy_settings"] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
