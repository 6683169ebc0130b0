//! Shops with their business calendars, staff bindings, products, variants and per-shop stock.

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
                .table("shops")
                .col(pk_uuid("id"))
                .col(string_uniq("slug"))
                .col(string("name"))
                .col(text("description"))
                .col(char_len("postal_code", 7))
                .col(small_integer("prefecture"))
                .col(string("address"))
                .col(string("phone"))
                .col(string("contact_email"))
                .col(string("opening_hours"))
                // Bit n set = closed on weekday n (0 = Monday … 6 = Sunday).
                .col(small_integer("closed_weekdays"))
                .col(boolean("closed_on_holidays"))
                .col(timestamp_with_time_zone("created_at"))
                .check(("shops_closed_weekdays_check", Expr::col("closed_weekdays").between(0, 127)))
                .check(("shops_prefecture_check", Expr::col("prefecture").between(1, 47)))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("shop_calendar_dates")
                .col(uuid("shop_id"))
                .col(date("date"))
                .col(string("kind"))
                .col(string_null("note"))
                .primary_key(Index::create().col("shop_id").col("date"))
                .foreign_key(&mut fk("shop_calendar_dates", "shop_id", "shops", true))
                .check(("shop_calendar_dates_kind_check", Expr::col("kind").is_in(["closed", "open"])))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("staff_shops")
                .col(uuid("account_id"))
                .col(uuid("shop_id"))
                .col(string("role"))
                .primary_key(Index::create().col("account_id").col("shop_id"))
                .foreign_key(&mut fk("staff_shops", "account_id", "accounts", true))
                .foreign_key(&mut fk("staff_shops", "shop_id", "shops", true))
                .check(("staff_shops_role_check", Expr::col("role").is_in(["owner", "staff"])))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("products")
                .col(pk_uuid("id"))
                .col(uuid("shop_id"))
                .col(string("name"))
                .col(text("description"))
                .col(string("category"))
                .col(string("tax_category"))
                .col(boolean("reservable"))
                .col(boolean("deliverable"))
                .col(string("reservation_payment"))
                .col(string_null("image_url"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("products", "shop_id", "shops", false))
                .check(("products_tax_category_check", Expr::col("tax_category").is_in(["standard", "reduced"])))
                .check((
                    "products_reservation_payment_check",
                    Expr::col("reservation_payment").is_in(["in_store", "prepaid"]),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("products_shop_idx", "products", &["shop_id"]).to_owned()).await?;
        m.create_index(index("products_category_idx", "products", &["category"]).to_owned()).await?;

        m.create_table(
            Table::create()
                .table("variants")
                .col(pk_uuid("id"))
                .col(uuid("product_id"))
                .col(string_uniq("sku"))
                .col(string("color"))
                .col(string("size"))
                .col(big_integer("price"))
                .col(boolean("active"))
                .col(integer("position"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("variants", "product_id", "products", false))
                .check(("variants_price_check", Expr::col("price").gte(0)))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("variants_product_color_size_idx", "variants", &["product_id", "color", "size"]).unique().to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("stock")
                .col(uuid("variant_id"))
                .col(uuid("shop_id"))
                .col(integer("quantity"))
                .col(timestamp_with_time_zone("updated_at"))
                .primary_key(Index::create().col("variant_id").col("shop_id"))
                .foreign_key(&mut fk("stock", "variant_id", "variants", true))
                .foreign_key(&mut fk("stock", "shop_id", "shops", true))
                // CAT-03: stock never goes negative, whatever the application does.
                .check(("stock_quantity_check", Expr::col("quantity").gte(0)))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["stock", "variants", "products", "staff_shops", "shop_calendar_dates", "shops"] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
