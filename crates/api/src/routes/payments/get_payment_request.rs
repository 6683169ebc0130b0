use crate::auth::Member;
use crate::dto::orders::OrderResponse;
use crate::dto::reservations::ReservationResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use chrono::{DateTime, Utc};
use kaimono_core::Money;
use kaimono_payments::Subject;
use serde::Serialize;
use utoipa::ToSchema;

/// What a payment link asks the member to pay.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentRequestResponse {
    /// `open`, `processing`, `paid`, `expired` or `cancelled`.
    pub status: String,
    /// Open and within its limit: the pay button works.
    pub payable: bool,
    /// The amount to pay, tax-inclusive.
    #[schema(value_type = String, example = "5256")]
    pub amount: Money,
    /// The link works until then.
    pub expires_at: DateTime<Utc>,
    /// When it was paid.
    pub paid_at: Option<DateTime<Utc>>,
    /// Set when the link pays a delivery order.
    pub order: Option<OrderResponse>,
    /// Set when the link pays a prepaid reservation.
    pub reservation: Option<ReservationResponse>,
}

/// Open a payment link (ORD-02, PAY-04): what it is for and whether it can still be paid. Only the member
/// it was sent to can open it; for anyone else it does not exist.
#[utoipa::path(
    tag = "payments",
    params(("token" = String, Path, description = "The token from the emailed payment URL")),
    responses((status = 200, body = PaymentRequestResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/payment-requests/{token}")]
pub async fn get_payment_request(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<String>,
) -> Result<web::Json<PaymentRequestResponse>, ApiError> {
    let request = kaimono_payments::find_by_token(&state.db, &path, member.0).await?;
    let (mut order, mut reservation) = (None, None);
    match request.subject {
        Subject::Order(id) => {
            let found = kaimono_orders::order_for(&state.db, kaimono_orders::Actor::Member(member.0), id).await?;
            order = Some(found.into());
        }
        Subject::Reservation(id) => {
            let actor = kaimono_reservations::Actor::Member(member.0);
            reservation = Some(kaimono_reservations::reservation_for(&state.db, actor, id).await?.into());
        }
    }
    Ok(web::Json(PaymentRequestResponse {
        status: request.status.as_str().to_owned(),
        payable: request.is_payable(state.clock.now()),
        amount: request.amount,
        expires_at: request.expires_at,
        paid_at: request.paid_at,
        order,
        reservation,
    }))
}
