use crate::auth::Member;
use crate::dto::payments::PaymentResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PayRequest {
    /// One of the member's saved cards.
    pub card_id: Uuid,
}

/// Pay a payment link with a saved card (ORD-02, RSV-04, PAY-03, PAY-04).
///
/// A delivery order is authorized now and captured when it ships; a prepaid reservation is captured now.
/// The link is single-use: paying it again is 409, after its limit 410, someone else's 404. A declined
/// card is 402 and the link stays open for another card. Requires an `Idempotency-Key`: a retry with the
/// same key gets the first answer and never charges twice.
#[utoipa::path(
    tag = "payments",
    params(
        ("token" = String, Path, description = "The token from the emailed payment URL"),
        ("Idempotency-Key" = String, Header, description = "A new unique value per payment attempt")
    ),
    request_body = PayRequest,
    responses((status = 200, body = PaymentResponse), BadRequest, Unauthorized, PaymentRequired, Forbidden, NotFound, Conflict, Gone, Unprocessable, ServiceUnavailable, ServerError),
    security(("bearer" = []))
)]
#[post("/payment-requests/{token}/pay")]
pub async fn pay_payment_request(
    state: web::Data<AppState>,
    member: Member,
    key: IdempotencyKey,
    path: web::Path<String>,
    body: ValidJson<PayRequest>,
) -> Result<HttpResponse, ApiError> {
    let token = path.into_inner();
    let fingerprint = idempotency::fingerprint(&(&token, &body.0))?;
    idempotency::once(&state.db, member.0, &key, &fingerprint, state.clock.now(), StatusCode::OK, || async {
        let now = state.clock.now();
        let subject = state.settlement.pay(&state.db, member.0, &token, body.0.card_id, now).await?;
        let payment = kaimono_payments::payment_view(&state.db, subject).await?.map(PaymentResponse::from);
        serde_json::to_string(&payment).map_err(ApiError::internal)
    })
    .await
}
