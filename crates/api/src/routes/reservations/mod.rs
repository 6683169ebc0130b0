//! `/reservations`, `/me/reservations` and the shop's reservations: store pickup (RSV-01 … RSV-07).

mod cancel_my_reservation;
mod complete_reservation;
mod confirm_reservation;
mod create_reservation;
mod find_pickup;
mod get_my_reservation;
mod get_my_reservation_timeline;
mod get_shop_reservation;
mod get_shop_reservation_timeline;
mod list_my_reservations;
mod list_shop_reservations;
mod messages;
mod reject_reservation;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    messages::configure(cfg);
    cfg.service(create_reservation::create_reservation)
        .service(list_my_reservations::list_my_reservations)
        .service(get_my_reservation::get_my_reservation)
        .service(get_my_reservation_timeline::get_my_reservation_timeline)
        .service(cancel_my_reservation::cancel_my_reservation)
        .service(list_shop_reservations::list_shop_reservations)
        .service(get_shop_reservation::get_shop_reservation)
        .service(get_shop_reservation_timeline::get_shop_reservation_timeline)
        .service(confirm_reservation::confirm_reservation)
        .service(reject_reservation::reject_reservation)
        .service(complete_reservation::complete_reservation)
        .service(find_pickup::find_pickup);
}
