use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "provider_calls")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub provider: String,
    /// Unix seconds.
    #[sea_orm(primary_key, auto_increment = false)]
    pub second: i64,
    /// Calls asked for in that second (those past the budget waited for a later one).
    pub calls: i32,
}

impl ActiveModelBehavior for ActiveModel {}
