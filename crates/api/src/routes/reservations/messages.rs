//! Order messages of reservations (MSG-01 to MSG-04), for the member and for the shop's staff. A
//! message is sent as JSON, or as `multipart/form-data` with up to three files.

use crate::auth::{Member, ShopStaff};
use crate::dto::messages::{OrderMessageResponse, OrderThreadResponse};
use crate::error::{ApiError, responses::*};
use crate::routes::messages::{FileQuery, SendMessageForm, SendMessageRequest, attachment_download, read_message};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use kaimono_reservations::Actor;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_my_reservation_messages)
        .service(send_my_reservation_message)
        .service(get_my_reservation_attachment)
        .service(list_shop_reservation_messages)
        .service(send_shop_reservation_message)
        .service(get_shop_reservation_attachment);
}

/// The thread of one of the member's reservations; the shop's messages become read.
#[utoipa::path(
    tag = "reservations",
    params(("reservation_id" = Uuid, Path, description = "The reservation")),
    responses((status = 200, body = OrderThreadResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/me/reservations/{reservation_id}/messages")]
pub async fn list_my_reservation_messages(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<OrderThreadResponse>, ApiError> {
    let thread =
        kaimono_reservations::reservation_messages(&state.db, Actor::Member(member.0), *path, state.clock.now());
    Ok(web::Json(thread.await?.into()))
}

/// Write to the shop about one of the member's reservations (MSG-01, MSG-02); the shop is emailed
/// (MSG-04). A reservation that ended (handed over, refused, cancelled or expired) more than 30 days ago answers 409 `messages_closed` (MSG-03).
#[utoipa::path(
    tag = "reservations",
    params(("reservation_id" = Uuid, Path, description = "The reservation")),
    request_body(content(
        (SendMessageRequest = "application/json"),
        (SendMessageForm = "multipart/form-data"),
    )),
    responses((status = 201, body = OrderMessageResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, UnsupportedMediaType, Unprocessable, StorageDown, ServerError),
    security(("bearer" = []))
)]
#[post("/me/reservations/{reservation_id}/messages")]
pub async fn send_my_reservation_message(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let message = read_message(&req, payload).await?;
    let (actor, now) = (Actor::Member(member.0), state.clock.now());
    let sent =
        kaimono_reservations::send_reservation_message(&state.db, &state.storage, actor, member.0, *path, message, now);
    Ok(HttpResponse::Created().json(OrderMessageResponse::from(sent.await?)))
}

/// A file attached to a message on one of the member's reservations (MSG-02), as a download.
#[utoipa::path(
    tag = "reservations",
    params(
        ("reservation_id" = Uuid, Path, description = "The reservation"),
        ("attachment_id" = Uuid, Path, description = "The file"),
        FileQuery
    ),
    responses(
        (status = 200, description = "The file (`image/jpeg` or `application/pdf`), as an attachment.", content_type = "application/octet-stream", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[get("/me/reservations/{reservation_id}/attachments/{attachment_id}")]
pub async fn get_my_reservation_attachment(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, file) = path.into_inner();
    let actor = Actor::Member(member.0);
    let found =
        kaimono_reservations::reservation_attachment(&state.db, &state.storage, actor, id, file, query.preview).await?;
    Ok(attachment_download(found, query.preview))
}

/// The thread of one of the shop's reservations; the member's messages become read.
#[utoipa::path(
    tag = "reservations",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("reservation_id" = Uuid, Path, description = "The reservation")),
    responses((status = 200, body = OrderThreadResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/reservations/{reservation_id}/messages")]
pub async fn list_shop_reservation_messages(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<OrderThreadResponse>, ApiError> {
    let thread =
        kaimono_reservations::reservation_messages(&state.db, Actor::Shop(staff.shop), path.1, state.clock.now());
    Ok(web::Json(thread.await?.into()))
}

/// Write to the member about one of the shop's reservations (MSG-01, MSG-02); the member is emailed
/// (MSG-04).
#[utoipa::path(
    tag = "reservations",
    params(("shop_id" = Uuid, Path, description = "The shop"), ("reservation_id" = Uuid, Path, description = "The reservation")),
    request_body(content(
        (SendMessageRequest = "application/json"),
        (SendMessageForm = "multipart/form-data"),
    )),
    responses((status = 201, body = OrderMessageResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, UnsupportedMediaType, Unprocessable, StorageDown, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/reservations/{reservation_id}/messages")]
pub async fn send_shop_reservation_message(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let message = read_message(&req, payload).await?;
    let (actor, now, author) = (Actor::Shop(staff.shop), state.clock.now(), staff.account_id);
    let sent =
        kaimono_reservations::send_reservation_message(&state.db, &state.storage, actor, author, path.1, message, now);
    Ok(HttpResponse::Created().json(OrderMessageResponse::from(sent.await?)))
}

/// A file attached to a message on one of the shop's reservations (MSG-02), as a download.
#[utoipa::path(
    tag = "reservations",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("reservation_id" = Uuid, Path, description = "The reservation"),
        ("attachment_id" = Uuid, Path, description = "The file"),
        FileQuery
    ),
    responses(
        (status = 200, description = "The file (`image/jpeg` or `application/pdf`), as an attachment.", content_type = "application/octet-stream", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/reservations/{reservation_id}/attachments/{attachment_id}")]
pub async fn get_shop_reservation_attachment(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, ApiError> {
    let (_, id, file) = path.into_inner();
    let actor = Actor::Shop(staff.shop);
    let found =
        kaimono_reservations::reservation_attachment(&state.db, &state.storage, actor, id, file, query.preview).await?;
    Ok(attachment_download(found, query.preview))
}
