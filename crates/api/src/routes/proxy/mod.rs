//! Proxy-buying (PRX-01 to PRX-05, PAY-05, PAY-06): `/me/proxy-orders` for members, `/shops/{id}/proxy-orders`
//! and the transfer and deposit desks for the service's staff.

mod card;
mod files;
mod local;
mod member;
mod messages;
mod refund;
mod staff;
mod statement;
mod weight;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    member::configure(cfg);
    staff::configure(cfg);
    messages::configure(cfg);
    files::configure(cfg);
    local::configure(cfg);
    card::configure(cfg);
    statement::configure(cfg);
    refund::configure(cfg);
    weight::configure(cfg);
}
