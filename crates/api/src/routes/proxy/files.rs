//! Files of proxy orders: message attachments (MSG-02) and inspection photos (PRX-06). They are private
//! to the order's member and the service's staff, and always answered as downloads with `nosniff` and a
//! sandboxing CSP, so a file can never run as a page of ours.

use crate::auth::{Member, ShopStaff};
use crate::dto::proxy::ProxyOrderResponse;
use crate::error::{ApiError, ErrorCode, responses::*};
use crate::routes::messages::{FileQuery, attachment_download, download};
use crate::state::AppState;
use crate::upload::{FormRules, read_form};
use actix_multipart::Multipart;
use actix_web::{HttpResponse, get, post, web};
use kaimono_proxy::Actor;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_my_proxy_attachment)
        .service(get_shop_proxy_attachment)
        .service(add_proxy_item_photo)
        .service(add_proxy_parcel_photo)
        .service(get_my_proxy_photo)
        .service(get_shop_proxy_photo);
}

async fn attachment(
    state: &AppState,
    actor: Actor,
    id: Uuid,
    file: Uuid,
    preview: bool,
) -> Result<HttpResponse, ApiError> {
    let file = kaimono_proxy::proxy_attachment(&state.db, &state.storage, actor, id, file, preview).await?;
    Ok(attachment_download(file, preview))
}

/// A file attached to a message on one of the member's proxy orders (MSG-02), as a download.
#[utoipa::path(
    tag = "proxy",
    params(
        ("order_id" = Uuid, Path, description = "The proxy order"),
        ("attachment_id" = Uuid, Path, description = "The file"),
        FileQuery
    ),
    responses(
        (status = 200, description = "The file (`image/jpeg` or `application/pdf`), as an attachment.", content_type = "application/octet-stream", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[get("/me/proxy-orders/{order_id}/attachments/{attachment_id}")]
pub async fn get_my_proxy_attachment(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, file) = path.into_inner();
    attachment(&state, Actor::Member(member.0), id, file, query.preview).await
}

/// A file attached to a message on one of the service's proxy orders (MSG-02), as a download.
#[utoipa::path(
    tag = "proxy",
    params(
        ("shop_id" = Uuid, Path, description = "The proxy-buying service"),
        ("order_id" = Uuid, Path, description = "The proxy order"),
        ("attachment_id" = Uuid, Path, description = "The file"),
        FileQuery
    ),
    responses(
        (status = 200, description = "The file (`image/jpeg` or `application/pdf`), as an attachment.", content_type = "application/octet-stream", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/proxy-orders/{order_id}/attachments/{attachment_id}")]
pub async fn get_shop_proxy_attachment(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, ApiError> {
    let (_, id, file) = path.into_inner();
    attachment(&state, Actor::Shop(staff.shop), id, file, query.preview).await
}

/// An inspection photo upload, as `multipart/form-data` (this type only describes the form).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct ItemPhotoUpload {
    /// The photo: JPEG, PNG, GIF or WEBP (judged by its content), at most 10 MB; re-encoded, its
    /// metadata (such as the GPS position) dropped.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}

const PHOTO_FORM: FormRules = FormRules {
    max_files: 1,
    file_bytes: kaimono_media::MAX_FILE_BYTES,
    texts: &[],
    too_many: ErrorCode::ValidationFailed,
    too_large: ErrorCode::ImageTooLarge,
};

/// Add an inspection photo to an item that has arrived at the warehouse (PRX-06); at most 10 per item.
/// The member sees it on the order.
#[utoipa::path(
    tag = "proxy",
    params(
        ("shop_id" = Uuid, Path, description = "The proxy-buying service"),
        ("order_id" = Uuid, Path, description = "The proxy order"),
        ("item_id" = Uuid, Path, description = "The item")
    ),
    request_body(content = ItemPhotoUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = ProxyOrderResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, UnsupportedMediaType, Unprocessable, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/items/{item_id}/photos")]
pub async fn add_proxy_item_photo(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    form: Multipart,
) -> Result<HttpResponse, ApiError> {
    let (_, id, item) = path.into_inner();
    let upload = read_photo(form).await?;
    let order = kaimono_proxy::add_item_photo(
        &state.db,
        &state.storage,
        staff.shop,
        (id, item),
        upload,
        staff.account_id,
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::Created().json(ProxyOrderResponse::from(order)))
}

/// The one photo of a photo upload form.
async fn read_photo(form: Multipart) -> Result<bytes::Bytes, ApiError> {
    let upload = read_form(form, PHOTO_FORM).await?.files.pop().ok_or_else(|| {
        ApiError::field(ErrorCode::ValidationFailed, "file", "choose a photo (JPEG, PNG, GIF or WEBP) to upload")
    })?;
    Ok(upload.bytes)
}

/// Add a photo of the weighed parcel — the scale's reading, the tape measure — (PRX-08's weight
/// evidence) once every item is inspected and until the 2nd invoice is paid; at most 5. The member sees
/// it with the weight, served like the inspection photos at the order's `…/photos/{photo_id}`.
#[utoipa::path(
    tag = "proxy",
    params(
        ("shop_id" = Uuid, Path, description = "The proxy-buying service"),
        ("order_id" = Uuid, Path, description = "The proxy order")
    ),
    request_body(content = ItemPhotoUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = ProxyOrderResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, UnsupportedMediaType, Unprocessable, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/proxy-orders/{order_id}/parcel-photos")]
pub async fn add_proxy_parcel_photo(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid)>,
    form: Multipart,
) -> Result<HttpResponse, ApiError> {
    let upload = read_photo(form).await?;
    let (shop, now) = (staff.shop, state.clock.now());
    let order =
        kaimono_proxy::add_parcel_photo(&state.db, &state.storage, shop, path.1, upload, staff.account_id, now).await?;
    Ok(HttpResponse::Created().json(ProxyOrderResponse::from(order)))
}

async fn photo(state: &AppState, actor: Actor, id: Uuid, photo: Uuid, preview: bool) -> Result<HttpResponse, ApiError> {
    let bytes = kaimono_proxy::item_photo(&state.db, &state.storage, actor, id, photo, preview).await?;
    Ok(download(bytes, "image/jpeg", &format!("photo-{photo}.jpg")))
}

/// An inspection photo of one of the member's proxy orders (PRX-06).
#[utoipa::path(
    tag = "proxy",
    params(
        ("order_id" = Uuid, Path, description = "The proxy order"),
        ("photo_id" = Uuid, Path, description = "The photo"),
        FileQuery
    ),
    responses(
        (status = 200, description = "The photo, as a JPEG attachment.", content_type = "image/jpeg", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[get("/me/proxy-orders/{order_id}/photos/{photo_id}")]
pub async fn get_my_proxy_photo(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, ApiError> {
    let (id, file) = path.into_inner();
    photo(&state, Actor::Member(member.0), id, file, query.preview).await
}

/// An inspection photo of one of the service's proxy orders (PRX-06).
#[utoipa::path(
    tag = "proxy",
    params(
        ("shop_id" = Uuid, Path, description = "The proxy-buying service"),
        ("order_id" = Uuid, Path, description = "The proxy order"),
        ("photo_id" = Uuid, Path, description = "The photo"),
        FileQuery
    ),
    responses(
        (status = 200, description = "The photo, as a JPEG attachment.", content_type = "image/jpeg", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/proxy-orders/{order_id}/photos/{photo_id}")]
pub async fn get_shop_proxy_photo(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, ApiError> {
    let (_, id, file) = path.into_inner();
    photo(&state, Actor::Shop(staff.shop), id, file, query.preview).await
}
