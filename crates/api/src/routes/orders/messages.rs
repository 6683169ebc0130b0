//! Order messages of delivery orders (MSG-01 to MSG-04), for the member and for the shop's staff. A
//! message is sent as JSON, or as `multipart/form-data` with up to three files.

use crate::auth::{Member, ShopStaff};
use crate::dto::messages::{OrderMessageResponse, OrderThreadResponse};
use crate::error::{ApiError, responses::*};
use crate::routes::messages::{FileQuery, SendMessageForm, SendMessageRequest, attachment_download, read_message};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use kaimono_orders::Actor;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_my_order_messages)
        .service(send_my_order_message)
        .service(get_my_order_attachment)
        .service(list_shop_order_messages)
        .service(send_shop_order_message)
        .service(get_shop_order_attachment);
}

/// The thread of one of the member's delivery orders; the shop's messages become read.
#[utoipa::path(
    tag = "orders",
    params(("order_id" = Uuid, Path, description = "The order")),
    responses((status = 200, body = OrderThreadResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/orders/{order_id}/messages")]
pub async fn list_my_order_messages(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<OrderThreadResponse>, ApiError> {
    let thread = kaimono_orders::order_messages(&state.db, Actor::Member(member.0), *path, state.clock.now());
    Ok(web::Json(thread.await?.into()))
}

/// Write to the shop about one of the member's delivery orders (MSG-01, MSG-02); the shop is emailed
/// (MSG-04). An order shipped or cancelled more than 30 days ago answers 409 `messages_closed` (MSG-03).
#[utoipa::path(
    tag = "orders",
    params(("order_id" = Uuid, Path, description = "The order")),
    request_body(content(
        (SendMessageRequest = "application/json"),
        (SendMessageForm = "multipart/form-data"),
    )),
    responses((status = 201, body = OrderMessageResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, UnsupportedMediaType, Unprocessable, StorageDown, ServerError),
    security(("bearer" = []))
)]
#[post("/me/orders/{order_id}/messages")]
pub async fn send_my_order_message(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let message = read_message(&req, payload).await?;
    let (actor, now) = (Actor::Member(member.0), state.clock.now());
    let sent = kaimono_orders::send_order_message(&state.db, &state.storage, actor, member.0, *path, message, now);
    Ok(HttpResponse::Created().json(OrderMessageResponse::from(sent.await?)))
}

/// A file attached to a message on one of the member's delivery orders (MSG-02), as a download.
#[utoipa::path(
    tag = "orders",
    params(
        ("order_id" = Uuid, Path, description = "The order"),
        ("attachment_id" = Uuid, Path, description = "The file"),
        FileQuery
    ),
    responses(
        (status = 200, description = "The file (`image/jpeg` or `application/pdf`), as an attachment.", content_type = "application/octet-stream", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[get("/me/orders/{order_id}/attachments/{attachment_id}")]
pub async fn get_my_order_attachment(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, file) = path.into_inner();
    let actor = Actor::Member(member.0);
    let found = kaimono_orders::order_attachment(&state.db, &state.storage, actor, id, file, query.preview).await?;
    Ok(attachment_download(found, query.preview))
}

/// The thread of one of the shop's delivery orders; the member's messages become read.
#[utoipa::path(
    tag = "orders",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("order_id" = Uuid, Path, description = "The order")),
    responses((status = 200, body = OrderThreadResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/orders/{order_id}/messages")]
pub async fn list_shop_order_messages(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<OrderThreadResponse>, ApiError> {
    let thread = kaimono_orders::order_messages(&state.db, Actor::Shop(staff.shop), path.1, state.clock.now());
    Ok(web::Json(thread.await?.into()))
}

/// Write to the member about one of the shop's delivery orders (MSG-01, MSG-02); the member is emailed
/// (MSG-04).
#[utoipa::path(
    tag = "orders",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("order_id" = Uuid, Path, description = "The order")),
    request_body(content(
        (SendMessageRequest = "application/json"),
        (SendMessageForm = "multipart/form-data"),
    )),
    responses((status = 201, body = OrderMessageResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, UnsupportedMediaType, Unprocessable, StorageDown, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/orders/{order_id}/messages")]
pub async fn send_shop_order_message(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let message = read_message(&req, payload).await?;
    let (actor, now, author) = (Actor::Shop(staff.shop), state.clock.now(), staff.account_id);
    let sent = kaimono_orders::send_order_message(&state.db, &state.storage, actor, author, path.1, message, now);
    Ok(HttpResponse::Created().json(OrderMessageResponse::from(sent.await?)))
}

/// A file attached to a message on one of the shop's delivery orders (MSG-02), as a download.
#[utoipa::path(
    tag = "orders",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("order_id" = Uuid, Path, description = "The order"),
        ("attachment_id" = Uuid, Path, description = "The file"),
        FileQuery
    ),
    responses(
        (status = 200, description = "The file (`image/jpeg` or `application/pdf`), as an attachment.", content_type = "application/octet-stream", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/orders/{order_id}/attachments/{attachment_id}")]
pub async fn get_shop_order_attachment(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, ApiError> {
    let (_, id, file) = path.into_inner();
    let actor = Actor::Shop(staff.shop);
    let found = kaimono_orders::order_attachment(&state.db, &state.storage, actor, id, file, query.preview).await?;
    Ok(attachment_download(found, query.preview))
}
