//! `/me/cards` and `/payment-requests`: the card vault (PAY-01) and paying a payment link (ORD-02,
//! RSV-04, PAY-03, PAY-04).

mod checkout;
mod delete_card;
mod get_payment_request;
mod list_cards;
mod pay_payment_request;
mod register_card;
mod set_default_card;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_cards::list_cards)
        .service(register_card::register_card)
        .service(set_default_card::set_default_card)
        .service(delete_card::delete_card)
        .service(get_payment_request::get_payment_request)
        .service(pay_payment_request::pay_payment_request);
    checkout::configure(cfg);
}
