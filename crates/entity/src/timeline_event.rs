use sea_orm::entity::prelude::*;

/// One entry of an order's or reservation's timeline.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "timeline_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub subject_kind: String,
    pub subject_id: Uuid,
    pub what: String,
    pub by_kind: String,
    pub by_account: Option<Uuid>,
    pub for_member: bool,
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
