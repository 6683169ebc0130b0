//! Paying a proxy order by card on a hosted page (PAY-07): the member sees the total with the
//! surcharge, is sent to the provider's page, and comes back to the order; the provider's webhook settles.

use crate::auth::Member;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use kaimono_core::Money;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(start_proxy_card_payment);
}

/// A hosted card page opened for the member (PAY-07).
#[derive(Debug, Serialize, ToSchema)]
pub struct CardCheckoutResponse {
    /// Where to send the member: the provider's page (the sandbox page is a path of this site).
    pub url: String,
    /// What pays the invoice.
    #[schema(value_type = String)]
    pub amount: Money,
    /// The card surcharge on top (the service's rate).
    #[schema(value_type = String)]
    pub surcharge: Money,
    /// What the page charges.
    #[schema(value_type = String)]
    pub total: Money,
}

/// Open the hosted card page for what is due now (PAY-07). The page charges the due amount plus the
/// service's card surcharge; when the provider reports it paid, the invoice is paid and the order moves on.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    responses(
        (status = 201, body = CardCheckoutResponse),
        Unauthorized, Forbidden, NotFound, Conflict, ServiceUnavailable, ServerError
    ),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/payment/card")]
pub async fn start_proxy_card_payment(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (path.into_inner(), state.clock.now());
    let page =
        kaimono_proxy::start_card_payment(&state.db, &state.checkout, member.0, id, &state.config.public_url, now)
            .await?;
    Ok(HttpResponse::Created().json(CardCheckoutResponse {
        url: page.url,
        amount: page.amount,
        surcharge: page.surcharge,
        total: page.amount + page.surcharge,
    }))
}
