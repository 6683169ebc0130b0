//! Order messages of proxy orders (MSG-01, MSG-03, MSG-04), for the member and for the service's staff.

use crate::auth::{Member, ShopStaff};
use crate::dto::proxy::{OrderMessageResponse, OrderThreadResponse};
use crate::dto::validate_not_blank;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use kaimono_proxy::{Actor, NewMessage};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_my_proxy_messages)
        .service(send_my_proxy_message)
        .service(list_shop_proxy_messages)
        .service(send_shop_proxy_message);
}

/// A new message (MSG-01).
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendMessageRequest {
    /// The title, 1–100 characters.
    #[validate(length(min = 1, max = 100), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    /// The text, 1–5,000 characters.
    #[validate(length(min = 1, max = 5000), custom(function = validate_not_blank))]
    #[schema(min_length = 1, max_length = 5000)]
    pub body: String,
}

impl SendMessageRequest {
    fn into_message(self) -> NewMessage {
        NewMessage { title: self.title.trim().to_owned(), body: self.body.trim().to_owned() }
    }
}

/// The thread of one of the member's proxy orders; the service's messages become read.
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    responses((status = 200, body = OrderThreadResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/proxy-orders/{order_id}/messages")]
pub async fn list_my_proxy_messages(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<OrderThreadResponse>, ApiError> {
    let thread =
        kaimono_proxy::proxy_messages(&state.db, Actor::Member(member.0), path.into_inner(), state.clock.now());
    Ok(web::Json(OrderThreadResponse::new(thread.await?)))
}

/// Write to the service about one of the member's proxy orders (MSG-01); the service is emailed (MSG-04).
/// An order that ended more than 30 days ago answers 409 `messages_closed` (MSG-03).
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = SendMessageRequest,
    responses((status = 201, body = OrderMessageResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/messages")]
pub async fn send_my_proxy_message(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    body: ValidJson<SendMessageRequest>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (path.into_inner(), state.clock.now());
    let txn = crate::database::begin_write(&state.db).await?;
    let actor = Actor::Member(member.0);
    let sent = kaimono_proxy::send_proxy_message(&txn, actor, member.0, id, body.0.into_message(), now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(OrderMessageResponse::from(sent)))
}

/// The thread of one of the service's proxy orders; the member's messages become read.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order")),
    responses((status = 200, body = OrderThreadResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/proxy-orders/{order_id}/messages")]
pub async fn list_shop_proxy_messages(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<OrderThreadResponse>, ApiError> {
    let (_, id) = path.into_inner();
    let thread = kaimono_proxy::proxy_messages(&state.db, Actor::Shop(staff.shop), id, state.clock.now());
    Ok(web::Json(OrderThreadResponse::new(thread.await?)))
}

/// Write to the member about one of the service's proxy orders (MSG-01); the member is emailed (MSG-04).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order")),
    request_body = SendMessageRequest,
    responses((status = 201, body = OrderMessageResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/messages")]
pub async fn send_shop_proxy_message(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<SendMessageRequest>,
) -> Result<HttpResponse, ApiError> {
    let ((_, id), now) = (path.into_inner(), state.clock.now());
    let txn = crate::database::begin_write(&state.db).await?;
    let actor = Actor::Shop(staff.shop);
    let sent = kaimono_proxy::send_proxy_message(&txn, actor, staff.account_id, id, body.0.into_message(), now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(OrderMessageResponse::from(sent)))
}
