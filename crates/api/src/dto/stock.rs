//! Wire types of `/stock` routes (and of others that show the same resources).

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct StockResponse {
    /// The shop.
    pub shop_id: Uuid,
    /// The variant.
    pub variant_id: Uuid,
    /// Units on hand after the change.
    pub quantity: i32,
}
