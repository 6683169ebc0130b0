//! `link_requests`: sign-up and password-reset requests waiting for the job that mails their link. The
//! request itself only writes this row, the same work whether or not the email has an account, so the
//! answer's timing tells nothing.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("link_requests")
                .col(pk_uuid("id"))
                .col(string("purpose"))
                .col(string("email"))
                .col(string("locale"))
                .col(timestamp_with_time_zone("requested_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("link_requests").to_owned()).await
    }
}
