//! `/shops/{shop_id}/stock`: a shop's stock per variant (CAT-03). Staff of the shop only.

mod adjust_stock;
mod set_stock;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(set_stock::set_stock).service(adjust_stock::adjust_stock);
}
