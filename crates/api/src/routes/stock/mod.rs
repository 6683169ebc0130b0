//! `/shops/{shop_id}/stock`: a shop's stock per variant (CAT-03). Staff of the shop only.

mod adjust_stock;
mod set_stock;

use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(set_stock::set_stock).service(adjust_stock::adjust_stock);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StockResponse {
    pub shop_id: Uuid,
    pub variant_id: Uuid,
    /// Units on hand after the change.
    pub quantity: i32,
}
