//! SUB-11: the shop's list of subscription cards nearing or past their expiry, and the notices to their
//! members — in bulk, or one with the shop's own words.

use crate::auth::ShopStaff;
use crate::dto::subscriptions::CardExpiryResponse;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_expiring_cards).service(send_card_expiry_notices);
}

/// The shop's active card subscriptions whose card expires this month or next, or has expired (カード管理).
#[utoipa::path(
    tag = "subscriptions",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = Vec<CardExpiryResponse>), Unauthorized, Forbidden, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/subscription-cards")]
pub async fn list_expiring_cards(
    state: web::Data<AppState>,
    staff: ShopStaff,
) -> Result<web::Json<Vec<CardExpiryResponse>>, ApiError> {
    let cards = kaimono_subscriptions::expiring_cards(&state.db, staff.shop, state.clock.now()).await?;
    Ok(web::Json(cards.into_iter().map(Into::into).collect()))
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CardNoticeRequest {
    /// Subscriptions on the list to tell, 1–500 (all selected, or one).
    #[validate(length(min = 1, max = 500))]
    #[schema(min_items = 1, max_items = 500)]
    pub subscription_ids: Vec<Uuid>,
    /// Words of the shop's own added to each email, up to 2,000 characters.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub message: Option<String>,
}

/// How many members were emailed.
#[derive(Debug, Serialize, ToSchema)]
pub struct CardNoticeResponse {
    /// Emails queued.
    pub sent: u64,
}

/// Email the members of these subscriptions that their card nears or passed its expiry (SUB-11). Every
/// id must be on the shop's list (404 otherwise, and nothing is sent).
#[utoipa::path(
    tag = "subscriptions",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    request_body = CardNoticeRequest,
    responses((status = 200, body = CardNoticeResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/subscription-cards/notices")]
pub async fn send_card_expiry_notices(
    state: web::Data<AppState>,
    staff: ShopStaff,
    body: ValidJson<CardNoticeRequest>,
) -> Result<web::Json<CardNoticeResponse>, ApiError> {
    let body = body.0;
    let txn = crate::database::begin_write(&state.db).await?;
    let sent = kaimono_subscriptions::send_card_notices(
        &txn,
        staff.shop,
        &body.subscription_ids,
        body.message.as_deref(),
        state.clock.now(),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(CardNoticeResponse { sent }))
}
