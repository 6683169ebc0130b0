use sea_orm::entity::prelude::*;

/// A member's consent to a raised price (issue 12, item 10): what they agreed to, as shown, and its hash.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subscription_consents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub subscription_id: Uuid,
    /// JSON: each raised item with its price before and after.
    pub content: String,
    pub content_sha256: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
