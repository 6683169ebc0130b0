use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subscription_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub subscription_id: Uuid,
    /// With `subscription_id`, the exactly-once key of a generation.
    pub delivery_on: Date,
    pub generation_on: Date,
    /// `generated` or `skipped`.
    pub status: String,
    pub order_id: Option<Uuid>,
    /// The subscription's delivery count after this one.
    pub sequence: i32,
    /// SUB-04: the card authorization of a generated order — `queued`, `authorized` or `failed:<code>`.
    pub authorization: Option<String>,
    pub claimed_by: Option<String>,
    pub claimed_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
