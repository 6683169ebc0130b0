use crate::auth::ShopStaff;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_core::japan::japan_today;
use kaimono_orders::OrderStatus;
use serde::Serialize;
use utoipa::ToSchema;

/// How much work waits in each of the shop's queues (SHOP-01).
#[derive(Debug, Serialize, ToSchema)]
pub struct ShopQueuesResponse {
    /// Delivery orders waiting for the stock check.
    pub orders_to_confirm: u64,
    /// Reservations waiting for the stock check.
    pub reservations_to_confirm: u64,
    /// Reservations held for a visit today (Japan time).
    pub pickups_today: u64,
    /// Orders and prepaid reservations whose payment link is out but not paid.
    pub payments_outstanding: u64,
    /// Paid orders to ship.
    pub shipments_to_send: u64,
    /// Members' messages on the shop's orders that staff have not read yet (MSG-01).
    pub messages_to_answer: u64,
    /// Proxy-buying requests to quote (PRX-01).
    pub requests_to_quote: u64,
    /// Members' questions about proxy items to check with the sellers (PRX-05).
    pub questions_to_answer: u64,
    /// Paid proxy parcels to ship (PRX-08).
    pub parcels_to_ship: u64,
    /// Bank-transfer and top-up reports to check (PAY-05).
    pub transfers_to_confirm: u64,
}

/// The shop console's work queues (SHOP-01); staff of the shop only.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = ShopQueuesResponse), Unauthorized, Forbidden, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/queues")]
pub async fn get_shop_queues(
    state: web::Data<AppState>,
    staff: ShopStaff,
) -> Result<web::Json<ShopQueuesResponse>, ApiError> {
    let shop = staff.shop;
    let orders = kaimono_orders::count_shop_orders(&state.db, shop).await?;
    let count = |status| orders.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| *n);
    let today = japan_today(state.clock.now());
    let reservations = kaimono_reservations::reservation_queues(&state.db, shop, today).await?;
    let proxy = kaimono_proxy::proxy_queues(&state.db, shop).await?;
    Ok(web::Json(ShopQueuesResponse {
        orders_to_confirm: count(OrderStatus::AwaitingStockCheck),
        reservations_to_confirm: reservations.to_confirm,
        pickups_today: reservations.pickups_today,
        payments_outstanding: count(OrderStatus::AwaitingPayment) + reservations.awaiting_payment,
        shipments_to_send: count(OrderStatus::Paid),
        messages_to_answer: kaimono_messaging::unread_by_shop(&state.db, shop).await?,
        requests_to_quote: proxy.to_quote,
        questions_to_answer: proxy.questions,
        parcels_to_ship: proxy.to_ship,
        transfers_to_confirm: proxy.transfers,
    }))
}
