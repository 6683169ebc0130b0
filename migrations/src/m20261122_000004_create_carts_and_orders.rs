//! Server-side carts (CART-01), delivery orders with their lines (CART-02, ORD-*), and idempotency keys
//! for requests that create orders or move money (PAY-09).

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
                .table("cart_items")
                .col(uuid("account_id"))
                .col(uuid("variant_id"))
                .col(integer("quantity"))
                .col(timestamp_with_time_zone("added_at"))
                .primary_key(Index::create().col("account_id").col("variant_id"))
                .foreign_key(&mut fk("cart_items", "account_id", "accounts", true))
                .foreign_key(&mut fk("cart_items", "variant_id", "variants", true))
                .check(("cart_items_quantity_check", Expr::col("quantity").between(1, 99)))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("orders")
                .col(pk_uuid("id"))
                .col(string_uniq("number"))
                .col(uuid("account_id"))
                .col(uuid("shop_id"))
                .col(string("status"))
                .col(char_len("ship_postal_code", 7))
                .col(small_integer("ship_prefecture"))
                .col(string("ship_city"))
                .col(string("ship_street"))
                .col(string_null("ship_building"))
                .col(string("ship_name"))
                .col(string("ship_name_kana"))
                .col(string("ship_phone"))
                .col(date_null("delivery_date"))
                .col(string_null("delivery_time_slot"))
                .col(big_integer("total"))
                .col(big_integer("tax_standard"))
                .col(big_integer("tax_reduced"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("orders", "account_id", "accounts", false))
                .foreign_key(&mut fk("orders", "shop_id", "shops", false))
                .check(("orders_total_check", Expr::col("total").gte(0)))
                .check((
                    "orders_status_check",
                    Expr::col("status").is_in([
                        "awaiting_stock_check",
                        "awaiting_payment",
                        "paid",
                        "shipped",
                        "cancelled",
                    ]),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("orders_account_idx", "orders", &["account_id"]).to_owned()).await?;
        m.create_index(index("orders_shop_status_idx", "orders", &["shop_id", "status"]).to_owned()).await?;

        m.create_table(
            Table::create()
                .table("order_lines")
                .col(pk_uuid("id"))
                .col(uuid("order_id"))
                .col(uuid("variant_id"))
                .col(string("sku"))
                .col(string("product_name"))
                .col(string("color"))
                .col(string("size"))
                .col(string("tax_category"))
                .col(big_integer("unit_price"))
                .col(integer("quantity"))
                .col(string("status"))
                .foreign_key(&mut fk("order_lines", "order_id", "orders", true))
                .foreign_key(&mut fk("order_lines", "variant_id", "variants", false))
                .check(("order_lines_quantity_check", Expr::col("quantity").gt(0)))
                .check((
                    "order_lines_status_check",
                    Expr::col("status").is_in(["held", "secured", "rejected", "released"]),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("order_lines_order_idx", "order_lines", &["order_id"]).to_owned()).await?;

        m.create_table(
            Table::create()
                .table("idempotency_keys")
                .col(uuid("account_id"))
                .col(string_len("key", 255))
                .col(string("request_hash"))
                .col(small_integer_null("response_status"))
                .col(text_null("response_body"))
                .col(timestamp_with_time_zone("created_at"))
                .primary_key(Index::create().col("account_id").col("key"))
                .foreign_key(&mut fk("idempotency_keys", "account_id", "accounts", true))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["idempotency_keys", "order_lines", "orders", "cart_items"] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
