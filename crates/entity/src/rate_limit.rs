use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_limits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    pub email: Option<String>,
    pub window_started_at: DateTimeUtc,
    pub hits: i32,
}

impl ActiveModelBehavior for ActiveModel {}
