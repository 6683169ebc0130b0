//! Payments (card vault, payment requests with their links, every provider attempt), shipment and
//! cancellation facts on orders, store-pickup reservations, and the shop settings both flows need.

use crate::{fk, index};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One column per ALTER: SQLite accepts only one change per statement.
async fn add_column(m: &SchemaManager<'_>, table: &'static str, column: &mut ColumnDef) -> Result<(), DbErr> {
    m.alter_table(Table::alter().table(table).add_column(column).to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // RSV-01 window (days ahead a visit may be planned), RSV-02 hold, ORD-05 payment limit.
        add_column(m, "shops", integer("reservation_min_days").default(1)).await?;
        add_column(m, "shops", integer("reservation_max_days").default(14)).await?;
        add_column(m, "shops", integer("hold_days").default(3)).await?;
        add_column(m, "shops", integer("payment_limit_days").default(3)).await?;
        for column in ["carrier", "tracking_number", "cancel_reason"] {
            add_column(m, "orders", &mut string_null(column)).await?;
        }
        for column in ["paid_at", "shipped_at", "cancelled_at"] {
            add_column(m, "orders", &mut timestamp_with_time_zone_null(column)).await?;
        }

        m.create_table(
            Table::create()
                .table("payment_customers")
                .col(uuid("account_id"))
                .col(string("provider"))
                .col(string("customer_ref"))
                .primary_key(Index::create().col("account_id").col("provider"))
                .foreign_key(&mut fk("payment_customers", "account_id", "accounts", true))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("payment_cards")
                .col(pk_uuid("id"))
                .col(uuid("account_id"))
                .col(string("provider"))
                .col(string("card_ref"))
                .col(string("brand"))
                .col(char_len("last4", 4))
                .col(small_integer("exp_month"))
                .col(small_integer("exp_year"))
                .col(boolean("is_default"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("payment_cards", "account_id", "accounts", true))
                .check(("payment_cards_exp_month_check", Expr::col("exp_month").between(1, 12)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("payment_cards_account_idx", "payment_cards", &["account_id"]).to_owned()).await?;

        m.create_table(
            Table::create()
                .table("reservations")
                .col(pk_uuid("id"))
                .col(string_uniq("pickup_number"))
                .col(uuid("account_id"))
                .col(uuid("shop_id"))
                .col(uuid("variant_id"))
                .col(string("sku"))
                .col(string("product_name"))
                .col(string("color"))
                .col(string("size"))
                .col(string("tax_category"))
                .col(big_integer("unit_price"))
                .col(integer("quantity"))
                .col(big_integer("total"))
                .col(string("payment"))
                .col(date("visit_date"))
                .col(timestamp_with_time_zone_null("hold_deadline"))
                .col(string("status"))
                .col(timestamp_with_time_zone_null("paid_at"))
                .col(boolean("paid_in_store"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("reservations", "account_id", "accounts", false))
                .foreign_key(&mut fk("reservations", "shop_id", "shops", false))
                .foreign_key(&mut fk("reservations", "variant_id", "variants", false))
                .check(("reservations_quantity_check", Expr::col("quantity").between(1, 99)))
                .check(("reservations_payment_check", Expr::col("payment").is_in(["in_store", "prepaid"])))
                .check((
                    "reservations_status_check",
                    Expr::col("status").is_in([
                        "requested",
                        "held",
                        "completed",
                        "unavailable",
                        "cancelled",
                        "expired",
                    ]),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("reservations_account_idx", "reservations", &["account_id"]).to_owned()).await?;
        m.create_index(index("reservations_shop_status_idx", "reservations", &["shop_id", "status"]).to_owned())
            .await?;
        m.create_index(
            index("reservations_status_deadline_idx", "reservations", &["status", "hold_deadline"]).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("payment_requests")
                .col(pk_uuid("id"))
                .col(string_uniq("token_hash"))
                .col(uuid("account_id"))
                .col(uuid("shop_id"))
                .col(uuid_null("order_id").unique_key())
                .col(uuid_null("reservation_id").unique_key())
                .col(big_integer("amount"))
                .col(string("status"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("claimed_at"))
                .col(uuid_null("card_id"))
                .col(string_null("authorization_ref"))
                .col(timestamp_with_time_zone_null("paid_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("payment_requests", "account_id", "accounts", false))
                .foreign_key(&mut fk("payment_requests", "shop_id", "shops", false))
                .foreign_key(&mut fk("payment_requests", "order_id", "orders", false))
                .foreign_key(&mut fk("payment_requests", "reservation_id", "reservations", false))
                .check(("payment_requests_amount_check", Expr::col("amount").gte(0)))
                .check((
                    "payment_requests_status_check",
                    Expr::col("status").is_in(["open", "processing", "paid", "expired", "cancelled"]),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("payment_requests_status_expiry_idx", "payment_requests", &["status", "expires_at"]).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("payment_attempts")
                .col(pk_uuid("id"))
                .col(uuid("payment_request_id"))
                .col(string("kind"))
                .col(big_integer("amount"))
                .col(string("outcome"))
                .col(string("provider"))
                .col(string_null("provider_ref"))
                .col(string_null("failure_code"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("payment_attempts", "payment_request_id", "payment_requests", false))
                .check((
                    "payment_attempts_kind_check",
                    Expr::col("kind").is_in(["authorize", "capture", "void", "refund"]),
                ))
                .check(("payment_attempts_outcome_check", Expr::col("outcome").is_in(["succeeded", "failed"])))
                .to_owned(),
        )
        .await?;
        m.create_index(index("payment_attempts_request_idx", "payment_attempts", &["payment_request_id"]).to_owned())
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["payment_attempts", "payment_requests", "reservations", "payment_cards", "payment_customers"] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in ["carrier", "tracking_number", "cancel_reason", "paid_at", "shipped_at", "cancelled_at"] {
            m.alter_table(Table::alter().table("orders").drop_column(column).to_owned()).await?;
        }
        for column in ["reservation_min_days", "reservation_max_days", "hold_days", "payment_limit_days"] {
            m.alter_table(Table::alter().table("shops").drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
