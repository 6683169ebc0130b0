//! Subscriptions (SUB-01 to SUB-15): each shop's subscription settings and numbering counter, the
//! subscription cart, subscriptions with their item snapshots, and the generation ledger — one row per
//! subscription and delivery date, whose unique key makes generation exactly-once.

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
                .table("subscription_settings")
                .col(uuid("shop_id").primary_key())
                .col(boolean("enabled"))
                .col(boolean("accepting"))
                .col(boolean("monthly_allowed"))
                .col(boolean("interval_allowed"))
                .col(integer("interval_min"))
                .col(integer("interval_max"))
                .col(string("payment_methods"))
                .col(boolean("free_shipping"))
                .col(big_integer("shipping_discount"))
                .col(big_integer("cod_fee"))
                .col(boolean("free_fee"))
                .col(integer("points_rate_bp"))
                .col(integer("lead_days"))
                .col(boolean("auto_authorize"))
                .col(boolean("card_expiry_auto"))
                .col(boolean("member_changes_cycle"))
                .col(boolean("member_changes_payment"))
                .col(string("number_rule"))
                .col(integer("number_digits"))
                .col(string("number_prefix"))
                .col(boolean("number_hyphen"))
                .col(big_integer("number_last"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("subscription_settings", "shop_id", "shops", true))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("subscription_cart_items")
                .col(uuid("account_id"))
                .col(uuid("variant_id"))
                .col(integer("quantity"))
                .col(timestamp_with_time_zone("created_at"))
                .primary_key(Index::create().col("account_id").col("variant_id"))
                .foreign_key(&mut fk("subscription_cart_items", "account_id", "accounts", true))
                .foreign_key(&mut fk("subscription_cart_items", "variant_id", "variants", true))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("subscriptions")
                .col(uuid("id").primary_key())
                .col(uuid("shop_id"))
                .col(uuid("account_id"))
                .col(string("number"))
                .col(string("status"))
                .col(string("cycle_kind"))
                .col(integer("cycle_value"))
                .col(string_null("carrier"))
                .col(string_null("time_slot"))
                .col(string("payment_method"))
                .col(uuid_null("card_id"))
                .col(string("ship_postal_code"))
                .col(small_integer("ship_prefecture"))
                .col(string("ship_city"))
                .col(string("ship_street"))
                .col(string_null("ship_building"))
                .col(string("ship_name"))
                .col(string("ship_name_kana"))
                .col(string("ship_phone"))
                .col(big_integer("shipping_fee"))
                .col(big_integer("fee"))
                .col(text("memo"))
                .col(integer("deliveries"))
                .col(date("next_delivery_on"))
                .col(date("next_generation_on"))
                .col(boolean("skip_next"))
                .col(date_null("last_delivery_on"))
                .col(timestamp_with_time_zone_null("last_generated_at"))
                .col(text("confirmation"))
                .col(string("confirmation_sha256"))
                .col(string("search_text"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(timestamp_with_time_zone_null("ended_at"))
                .foreign_key(&mut fk("subscriptions", "shop_id", "shops", false))
                .foreign_key(&mut fk("subscriptions", "account_id", "accounts", false))
                .to_owned(),
        )
        .await?;
        m.create_index(index("subscriptions_due", "subscriptions", &["status", "next_generation_on"]).to_owned())
            .await?;
        m.create_index(index("subscriptions_shop", "subscriptions", &["shop_id", "created_at"]).to_owned()).await?;
        m.create_index(index("subscriptions_account", "subscriptions", &["account_id", "created_at"]).to_owned())
            .await?;
        m.create_index(index("subscriptions_number", "subscriptions", &["shop_id", "number"]).to_owned()).await?;
        m.create_table(
            Table::create()
                .table("subscription_items")
                .col(uuid("id").primary_key())
                .col(uuid("subscription_id"))
                .col(uuid("product_id"))
                .col(uuid("variant_id"))
                .col(string("product_name"))
                .col(string("sku"))
                .col(string("color"))
                .col(string("size"))
                .col(string("tax_category"))
                .col(big_integer("first_price"))
                .col(big_integer("unit_price"))
                .col(integer("quantity"))
                .col(integer_null("max_deliveries"))
                .col(integer("deliveries"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("subscription_items", "subscription_id", "subscriptions", true))
                .to_owned(),
        )
        .await?;
        m.create_index(index("subscription_items_of", "subscription_items", &["subscription_id", "id"]).to_owned())
            .await?;
        m.create_table(
            Table::create()
                .table("subscription_deliveries")
                .col(uuid("id").primary_key())
                .col(uuid("subscription_id"))
                .col(date("delivery_on"))
                .col(date("generation_on"))
                .col(string("status"))
                .col(uuid_null("order_id"))
                .col(integer("sequence"))
                .col(string_null("authorization"))
                .col(string_null("claimed_by"))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("subscription_deliveries", "subscription_id", "subscriptions", true))
                .to_owned(),
        )
        .await?;
        let once =
            index("subscription_deliveries_once", "subscription_deliveries", &["subscription_id", "delivery_on"])
                .unique()
                .to_owned();
        m.create_index(once).await?;
        m.create_index(
            index("subscription_deliveries_run", "subscription_deliveries", &["generation_on", "created_at"])
                .to_owned(),
        )
        .await?;
        let queue =
            index("subscription_deliveries_queue", "subscription_deliveries", &["authorization", "claimed_until"]);
        m.create_index(queue.to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "subscription_deliveries",
            "subscription_items",
            "subscriptions",
            "subscription_cart_items",
            "subscription_settings",
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
