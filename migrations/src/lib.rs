//! The database schema, as sea-orm migrations that run unchanged on SQLite and PostgreSQL.
//! One change per migration, each with a working `down`. Money columns hold whole yen (JPY has no minor unit).

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_accounts;
mod m20261122_000002_create_catalog;
mod m20261122_000003_create_outbox_and_jobs;
mod m20261122_000004_create_carts_and_orders;
mod m20261122_000005_create_payments_and_reservations;
mod m20261202_000006_create_rate_limits;
mod m20261202_000007_add_token_version_to_accounts;
mod m20261202_000008_add_expiry_claims;
mod m20261202_000009_create_link_requests;
mod m20261202_000010_add_search_text;
mod m20261202_000011_add_delivery_window;
mod m20261202_000012_add_shop_settings;
mod m20261202_000013_create_shipping_methods;
mod m20261202_000014_create_product_images;
mod m20261202_000015_create_staff_invitations;
mod m20261202_000016_create_timeline_events;
mod m20261202_000017_add_outbox_html;
mod m20261202_000018_create_deposits_and_transfers;
mod m20261202_000019_add_shop_kind;
mod m20261202_000020_create_proxy_orders;
mod m20261202_000021_add_proxy_shipment;
mod m20261202_000022_create_order_messages;
mod m20261205_000023_create_message_attachments;
mod m20261205_000024_create_proxy_item_photos;
mod m20261205_000025_create_checkout_sessions;
mod m20261205_000026_create_webhook_events;
mod m20261205_000027_add_proxy_payment_reminder;
mod m20261205_000028_add_proxy_weight_dispute;
mod m20261205_000029_add_proxy_storage_clock;
mod m20261205_000030_add_message_subject_number;
mod m20261205_000031_create_proxy_local_charges;
mod m20261205_000032_create_proxy_parcel_photos;
mod m20261205_000033_create_card_refunds;
mod m20261205_000034_add_proxy_refund_to;
mod m20261205_000035_add_product_subscription;
mod m20261205_000036_create_subscriptions;
mod m20261205_000037_add_order_subscription;
mod m20261205_000038_add_order_line_stocked;
mod m20261205_000039_create_points;
mod m20261205_000040_add_subscription_card_notice;
mod m20261205_000041_create_mail_templates;
mod m20261205_000042_add_order_points_used;
mod m20261205_000043_create_provider_calls;
mod m20261205_000044_add_method_carriers;
mod m20261205_000045_add_link_request_next;
mod m20261205_000046_add_subscription_price_consent;
mod m20261205_000047_add_custom_payment_methods;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_accounts::Migration),
            Box::new(m20261122_000002_create_catalog::Migration),
            Box::new(m20261122_000003_create_outbox_and_jobs::Migration),
            Box::new(m20261122_000004_create_carts_and_orders::Migration),
            Box::new(m20261122_000005_create_payments_and_reservations::Migration),
            Box::new(m20261202_000006_create_rate_limits::Migration),
            Box::new(m20261202_000007_add_token_version_to_accounts::Migration),
            Box::new(m20261202_000008_add_expiry_claims::Migration),
            Box::new(m20261202_000009_create_link_requests::Migration),
            Box::new(m20261202_000010_add_search_text::Migration),
            Box::new(m20261202_000011_add_delivery_window::Migration),
            Box::new(m20261202_000012_add_shop_settings::Migration),
            Box::new(m20261202_000013_create_shipping_methods::Migration),
            Box::new(m20261202_000014_create_product_images::Migration),
            Box::new(m20261202_000015_create_staff_invitations::Migration),
            Box::new(m20261202_000016_create_timeline_events::Migration),
            Box::new(m20261202_000017_add_outbox_html::Migration),
            Box::new(m20261202_000018_create_deposits_and_transfers::Migration),
            Box::new(m20261202_000019_add_shop_kind::Migration),
            Box::new(m20261202_000020_create_proxy_orders::Migration),
            Box::new(m20261202_000021_add_proxy_shipment::Migration),
            Box::new(m20261202_000022_create_order_messages::Migration),
            Box::new(m20261205_000023_create_message_attachments::Migration),
            Box::new(m20261205_000024_create_proxy_item_photos::Migration),
            Box::new(m20261205_000025_create_checkout_sessions::Migration),
            Box::new(m20261205_000026_create_webhook_events::Migration),
            Box::new(m20261205_000027_add_proxy_payment_reminder::Migration),
            Box::new(m20261205_000028_add_proxy_weight_dispute::Migration),
            Box::new(m20261205_000029_add_proxy_storage_clock::Migration),
            Box::new(m20261205_000030_add_message_subject_number::Migration),
            Box::new(m20261205_000031_create_proxy_local_charges::Migration),
            Box::new(m20261205_000032_create_proxy_parcel_photos::Migration),
            Box::new(m20261205_000033_create_card_refunds::Migration),
            Box::new(m20261205_000034_add_proxy_refund_to::Migration),
            Box::new(m20261205_000035_add_product_subscription::Migration),
            Box::new(m20261205_000036_create_subscriptions::Migration),
            Box::new(m20261205_000037_add_order_subscription::Migration),
            Box::new(m20261205_000038_add_order_line_stocked::Migration),
            Box::new(m20261205_000039_create_points::Migration),
            Box::new(m20261205_000040_add_subscription_card_notice::Migration),
            Box::new(m20261205_000041_create_mail_templates::Migration),
            Box::new(m20261205_000042_add_order_points_used::Migration),
            Box::new(m20261205_000043_create_provider_calls::Migration),
            Box::new(m20261205_000044_add_method_carriers::Migration),
            Box::new(m20261205_000045_add_link_request_next::Migration),
            Box::new(m20261205_000046_add_subscription_price_consent::Migration),
            Box::new(m20261205_000047_add_custom_payment_methods::Migration),
        ]
    }
}

/// A foreign key from `table.column` to `target.id`.
pub(crate) fn fk(
    table: &'static str,
    column: &'static str,
    target: &'static str,
    cascade: bool,
) -> ForeignKeyCreateStatement {
    let mut key = ForeignKey::create();
    key.from(table, column).to(target, "id");
    key.on_delete(if cascade { ForeignKeyAction::Cascade } else { ForeignKeyAction::Restrict });
    key
}

pub(crate) fn index(name: &'static str, table: &'static str, columns: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for column in columns {
        index.col(*column);
    }
    index
}
