//! Order messages of proxy orders (MSG-01 to MSG-04), for the member and for the service's staff. A
//! message is sent as JSON, or as `multipart/form-data` with up to three files.

use crate::auth::{Member, ShopStaff};
use crate::dto::messages::{OrderMessageResponse, OrderThreadResponse};
use crate::error::{ApiError, responses::*};
use crate::routes::messages::{SendMessageForm, SendMessageRequest, read_message};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use kaimono_proxy::Actor;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_my_proxy_messages)
        .service(send_my_proxy_message)
        .service(list_shop_proxy_messages)
        .service(send_shop_proxy_message);
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
    Ok(web::Json(OrderThreadResponse::from(thread.await?)))
}

/// Write to the service about one of the member's proxy orders (MSG-01); the service is emailed (MSG-04).
/// An order that ended more than 30 days ago answers 409 `messages_closed` (MSG-03).
#[utoipa::path(
    tag = "proxy",
    params(("order_id" = Uuid, Path, description = "The proxy order")),
    request_body(content(
        (SendMessageRequest = "application/json"),
        (SendMessageForm = "multipart/form-data"),
    )),
    responses((status = 201, body = OrderMessageResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, UnsupportedMediaType, Unprocessable, StorageDown, ServerError),
    security(("bearer" = []))
)]
#[post("/me/proxy-orders/{order_id}/messages")]
pub async fn send_my_proxy_message(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let message = read_message(&req, payload).await?;
    let (id, now, actor) = (path.into_inner(), state.clock.now(), Actor::Member(member.0));
    let sent = kaimono_proxy::send_proxy_message(&state.db, &state.storage, actor, member.0, id, message, now).await?;
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
    Ok(web::Json(OrderThreadResponse::from(thread.await?)))
}

/// Write to the member about one of the service's proxy orders (MSG-01); the member is emailed (MSG-04).
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service"), ("order_id" = Uuid, Path, description = "The proxy order")),
    request_body(content(
        (SendMessageRequest = "application/json"),
        (SendMessageForm = "multipart/form-data"),
    )),
    responses((status = 201, body = OrderMessageResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, UnsupportedMediaType, Unprocessable, StorageDown, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/messages")]
pub async fn send_shop_proxy_message(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let message = read_message(&req, payload).await?;
    let ((_, id), now, actor) = (path.into_inner(), state.clock.now(), Actor::Shop(staff.shop));
    let sent =
        kaimono_proxy::send_proxy_message(&state.db, &state.storage, actor, staff.account_id, id, message, now).await?;
    Ok(HttpResponse::Created().json(OrderMessageResponse::from(sent)))
}
