//! Mall administration (ACC-04): invitations to a shop's staff, sent by email, accepted once.

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
                .table("staff_invitations")
                .col(uuid("id").primary_key())
                .col(uuid("shop_id"))
                .col(string("email"))
                .col(string("role"))
                // SHA-256 of the emailed token; the token itself is never stored.
                .col(string_uniq("token_hash"))
                .col(uuid("invited_by"))
                .col(string("locale"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("accepted_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("staff_invitations", "shop_id", "shops", true))
                .to_owned(),
        )
        .await?;
        m.create_index(index("staff_invitations_by_shop", "staff_invitations", &["shop_id", "created_at"]).to_owned())
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("staff_invitations").to_owned()).await
    }
}
