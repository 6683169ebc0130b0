//! `/me`: the signed-in account's profile and delivery addresses (ACC-05).

mod create_address;
mod delete_address;
mod get_address;
mod get_me;
mod get_points;
mod list_addresses;
mod update_address;
mod update_me;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_me::get_me)
        .service(update_me::update_me)
        .service(list_addresses::list_addresses)
        .service(create_address::create_address)
        .service(get_address::get_address)
        .service(update_address::update_address)
        .service(delete_address::delete_address)
        .service(get_points::get_points);
}
