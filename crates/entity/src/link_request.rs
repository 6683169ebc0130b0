use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "link_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub purpose: String,
    pub email: String,
    pub locale: String,
    /// ACC-06: the site path the sign-up link brings the new member back to.
    pub next_path: Option<String>,
    pub requested_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
