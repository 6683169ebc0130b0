//! Every route, registered once through utoipa-actix-web so the OpenAPI spec is built from the same
//! registrations that serve requests.

pub mod auth;
pub mod cart;
pub mod dev;
pub mod health;
pub mod invitations;
pub mod me;
pub mod media;
pub mod messages;
pub mod orders;
pub mod payments;
pub mod products;
pub mod proxy;
pub mod reservations;
pub mod shops;
pub mod stock;
pub mod subscriptions;

use utoipa_actix_web::service_config::ServiceConfig;

/// The `/api/v1` operations. `include_dev` adds the development mailbox.
pub fn api_v1(include_dev: bool) -> impl FnOnce(&mut ServiceConfig) {
    move |cfg| {
        auth::configure(cfg);
        me::configure(cfg);
        cart::configure(cfg);
        messages::configure(cfg);
        orders::configure(cfg);
        reservations::configure(cfg);
        payments::configure(cfg);
        proxy::configure(cfg);
        shops::configure(cfg);
        invitations::configure(cfg);
        products::configure(cfg);
        stock::configure(cfg);
        subscriptions::configure(cfg);
        if include_dev {
            dev::configure(cfg);
        }
    }
}
