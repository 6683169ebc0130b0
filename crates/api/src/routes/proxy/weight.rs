//! Disputing a parcel's weight (PRX-08): the member asks, staff weigh again or keep the weight.

use crate::auth::{Member, ShopStaff};
use crate::dto::proxy::ProxyOrderResponse;
use crate::dto::validate_not_blank;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(dispute_proxy_weight).service(keep_proxy_weight);
}

/// What one side says about the weight.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WeightNoteRequest {
    /// Why, in a few words (1–2,000 characters); it goes to the other side as a message.
    #[validate(length(min = 1, max = 2000), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 2000)]
    pub note: String,
}

/// Dispute the weight of a parcel waiting for its 2nd payment (PRX-08): the note goes to the service as
/// a message and the 2nd invoice is held (409 `weight_disputed` on paying) until staff weigh again or
/// keep the weight.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = WeightNoteRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/weight-dispute")]
pub async fn dispute_proxy_weight(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<WeightNoteRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let note = body.0.note.trim().to_owned();
    let txn = crate::database::begin_write(&state.db).await?;
    let order = kaimono_proxy::dispute_weight(&txn, member.0, path.into_inner(), note, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(order.into()))
}

/// Keep the disputed weight, explaining why (PRX-08): the note goes to the member and the 2nd invoice
/// may be paid again. (Weighing again also ends the dispute.)
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = WeightNoteRequest,
    responses((status = 200, body = ProxyOrderResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/weight-dispute/keep")]
pub async fn keep_proxy_weight(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<WeightNoteRequest>,
) -> Result<web::Json<ProxyOrderResponse>, ApiError> {
    let (_, id) = path.into_inner();
    let note = body.0.note.trim().to_owned();
    let txn = crate::database::begin_write(&state.db).await?;
    let order = kaimono_proxy::keep_weight(&txn, staff.shop, id, note, staff.account_id, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(order.into()))
}
