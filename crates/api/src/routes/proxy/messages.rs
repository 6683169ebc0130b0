//! Order messages of proxy orders (MSG-01 to MSG-04), for the member and for the service's staff. A
//! message is sent as JSON, or as `multipart/form-data` with up to three files.

use crate::auth::{Member, ShopStaff};
use crate::dto::proxy::{MessageAuthorDto, OrderMessageResponse, OrderThreadResponse};
use crate::dto::validate_not_blank;
use crate::error::{ApiError, ErrorCode, responses::*};
use crate::extract::{ValidJson, flatten};
use crate::state::AppState;
use crate::upload::{FormRules, read_form};
use actix_multipart::Multipart;
use actix_web::{FromRequest, HttpRequest, HttpResponse, get, post, web};
use kaimono_messaging::{MAX_ATTACHMENTS, NewAttachment, NewMessage};
use kaimono_proxy::Actor;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_my_proxy_messages)
        .service(send_my_proxy_message)
        .service(list_shop_proxy_messages)
        .service(send_shop_proxy_message)
        .service(list_proxy_inbox);
}

/// A thread of the service's inbox (SHOP-01).
#[derive(Debug, Serialize, ToSchema)]
pub struct InboxThreadResponse {
    /// The proxy order it is about.
    pub order_id: Uuid,
    /// Its number.
    pub order_number: String,
    /// The latest message's title.
    pub last_title: String,
    /// Who wrote the latest message.
    pub last_author: MessageAuthorDto,
    /// When.
    pub last_at: chrono::DateTime<chrono::Utc>,
    /// The member's messages staff have not read.
    pub unread: u64,
}

/// The service's message inbox (SHOP-01, MSG-01): every order's thread, the latest first, with how many
/// of the member's messages wait to be read.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service")),
    responses((status = 200, body = Vec<InboxThreadResponse>), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/proxy-messages")]
pub async fn list_proxy_inbox(
    state: web::Data<AppState>,
    staff: ShopStaff,
) -> Result<web::Json<Vec<InboxThreadResponse>>, ApiError> {
    let threads = kaimono_proxy::proxy_inbox(&state.db, staff.shop).await?;
    Ok(web::Json(
        threads
            .into_iter()
            .map(|t| InboxThreadResponse {
                order_id: t.summary.id,
                order_number: t.order_number,
                last_title: t.summary.last_title,
                last_author: t.summary.last_author.into(),
                last_at: t.summary.last_at,
                unread: t.summary.unread,
            })
            .collect(),
    ))
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

/// A new message with files, as `multipart/form-data` (MSG-02; this type only describes the form).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct SendMessageForm {
    /// The title, 1–100 characters.
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    /// The text, 1–5,000 characters.
    #[schema(min_length = 1, max_length = 5000)]
    pub body: String,
    /// Up to 3 files named `file`: JPG, PNG, GIF, WEBP or PDF, judged by their content, 10 MB each.
    /// Pictures are re-encoded (their metadata dropped).
    #[schema(value_type = Vec<String>, format = Binary, max_items = 3)]
    pub file: Vec<Vec<u8>>,
}

const MESSAGE_FORM: FormRules = FormRules {
    max_files: MAX_ATTACHMENTS,
    file_bytes: kaimono_media::MAX_FILE_BYTES,
    texts: &[("title", 400), ("body", 20_000)],
    too_many: ErrorCode::TooManyAttachments,
    too_large: ErrorCode::AttachmentTooLarge,
};

/// The message and its files, from a JSON body or a multipart form; title and body checked either way.
async fn read_message(req: &HttpRequest, payload: web::Payload) -> Result<NewMessage, ApiError> {
    let mut payload = payload.into_inner();
    let multipart = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let (request, files) = if multipart {
        let mut form = read_form(Multipart::new(req.headers(), payload), MESSAGE_FORM).await?;
        let request = SendMessageRequest {
            title: form.texts.remove("title").unwrap_or_default(),
            body: form.texts.remove("body").unwrap_or_default(),
        };
        request.validate().map_err(|e| ApiError::validation(flatten(&e)))?;
        let files = form.files.into_iter().map(|f| NewAttachment { file_name: f.file_name, bytes: f.bytes }).collect();
        (request, files)
    } else {
        (ValidJson::<SendMessageRequest>::from_request(req, &mut payload).await?.0, Vec::new())
    };
    Ok(NewMessage { title: request.title.trim().to_owned(), body: request.body.trim().to_owned(), files })
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
    Ok(web::Json(OrderThreadResponse::new(thread.await?)))
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
