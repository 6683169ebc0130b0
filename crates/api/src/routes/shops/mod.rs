//! `/shops`: the mall's shops and their business calendars (CAT-01); opening shops and managing their
//! staff (ACC-04).

mod add_business_days;
mod create_shop;
mod get_shop;
mod get_shop_calendar;
mod get_shop_queues;
mod get_shop_settings;
mod get_shop_shipping;
mod get_shop_staff;
mod invite_staff;
mod list_shops;
mod mail_templates;
mod remove_staff;
mod revoke_invitation;
mod update_shop_calendar;
mod update_shop_profile;
mod update_shop_settings;
mod update_shop_shipping;

use utoipa_actix_web::service_config::ServiceConfig;

pub(crate) use crate::dto::shops::calendar_days;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_shops::list_shops)
        .service(get_shop::get_shop)
        .service(get_shop_calendar::get_shop_calendar)
        .service(get_shop_queues::get_shop_queues)
        .service(add_business_days::add_business_days)
        .service(update_shop_calendar::update_shop_calendar)
        .service(get_shop_settings::get_shop_settings)
        .service(update_shop_settings::update_shop_settings)
        .service(get_shop_shipping::get_shop_shipping)
        .service(update_shop_shipping::update_shop_shipping)
        .service(create_shop::create_shop)
        .service(update_shop_profile::update_shop_profile)
        .service(get_shop_staff::get_shop_staff)
        .service(invite_staff::invite_staff)
        .service(revoke_invitation::revoke_invitation)
        .service(remove_staff::remove_staff)
        .service(mail_templates::list_mail_templates)
        .service(mail_templates::get_mail_template)
        .service(mail_templates::save_mail_template)
        .service(mail_templates::reset_mail_template)
        .service(mail_templates::preview_mail_template);
}

pub use kaimono_core::japan::japan_today;
