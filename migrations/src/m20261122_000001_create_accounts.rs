//! Accounts (members and staff), staff-to-shop bindings come with the catalog, email tokens,
//! refresh-token sessions, login attempts and delivery addresses.

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
                .table("accounts")
                .col(pk_uuid("id"))
                .col(string_uniq("email"))
                .col(string("password_hash"))
                .col(string("role"))
                .col(string("name"))
                .col(string("name_kana"))
                .col(string("phone"))
                .col(string_len("locale", 8))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .check(("accounts_role_check", Expr::col("role").is_in(["member", "staff", "operator"])))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("email_tokens")
                .col(pk_uuid("id"))
                .col(string("purpose"))
                .col(string_uniq("token_hash"))
                .col(string("email"))
                .col(uuid_null("account_id"))
                .col(string_len("locale", 8))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("email_tokens", "account_id", "accounts", true))
                .check(("email_tokens_purpose_check", Expr::col("purpose").is_in(["signup", "password_reset"])))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("sessions")
                .col(pk_uuid("id"))
                .col(uuid("account_id"))
                .col(uuid("family_id"))
                .col(string_uniq("token_hash"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("rotated_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .foreign_key(&mut fk("sessions", "account_id", "accounts", true))
                .to_owned(),
        )
        .await?;
        m.create_index(index("sessions_family_idx", "sessions", &["family_id"]).to_owned()).await?;
        m.create_index(index("sessions_account_idx", "sessions", &["account_id"]).to_owned()).await?;

        m.create_table(
            Table::create()
                .table("login_attempts")
                .col(pk_uuid("id"))
                .col(string("email"))
                .col(string("client_ip"))
                .col(boolean("succeeded"))
                .col(timestamp_with_time_zone("attempted_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("login_attempts_email_idx", "login_attempts", &["email", "attempted_at"]).to_owned())
            .await?;
        m.create_index(index("login_attempts_ip_idx", "login_attempts", &["client_ip", "attempted_at"]).to_owned())
            .await?;

        m.create_table(
            Table::create()
                .table("addresses")
                .col(pk_uuid("id"))
                .col(uuid("account_id"))
                .col(char_len("postal_code", 7))
                .col(small_integer("prefecture"))
                .col(string("city"))
                .col(string("street"))
                .col(string_null("building"))
                .col(string("recipient_name"))
                .col(string("recipient_kana"))
                .col(string("phone"))
                .col(boolean("is_default"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("addresses", "account_id", "accounts", true))
                .check(("addresses_prefecture_check", Expr::col("prefecture").between(1, 47)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("addresses_account_idx", "addresses", &["account_id"]).to_owned()).await?;
        // At most one default address per member (a partial unique index; SQLite and PostgreSQL both have them).
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX addresses_one_default_idx ON addresses (account_id) WHERE is_default",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["addresses", "login_attempts", "sessions", "email_tokens", "accounts"] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
