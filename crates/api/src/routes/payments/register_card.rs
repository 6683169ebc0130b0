use crate::auth::Member;
use crate::dto::payments::CardResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterCardRequest {
    /// The token the payment provider's browser-side tokenization returned for the card. The card number
    /// itself never reaches this API. With the sandbox provider: `sbx.<behaviour>.<brand>.<last4>.<MM>.<YYYY>.<nonce>`.
    #[validate(length(min = 1, max = 255))]
    #[schema(min_length = 1, max_length = 255)]
    pub token: String,
}

/// Register a card (PAY-01): it is saved at the provider and becomes the default. Registering a new card
/// is also how a member changes cards.
#[utoipa::path(
    tag = "payments",
    request_body = RegisterCardRequest,
    responses((status = 201, body = CardResponse), BadRequest, Unauthorized, Forbidden, PaymentRequired, Unprocessable, ServiceUnavailable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/cards")]
pub async fn register_card(
    state: web::Data<AppState>,
    member: Member,
    body: ValidJson<RegisterCardRequest>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let email = kaimono_accounts::find_account(&state.db, member.0).await?.email;
    let card =
        kaimono_payments::register_card(&state.db, state.settlement.provider(), member.0, &email, &body.0.token, now)
            .await?;
    Ok(HttpResponse::Created().json(CardResponse::new(card, now)))
}
