//! Order messages for every kind of order (MSG-01 to MSG-04): what a message request looks like (JSON, or
//! `multipart/form-data` with up to three files), how a private file is answered, and the shop's inbox
//! (SHOP-01). Each kind's routes live beside its other routes.

use crate::auth::ShopStaff;
use crate::dto::messages::InboxThreadResponse;
use crate::dto::validate_not_blank;
use crate::error::{ApiError, ErrorCode, responses::*};
use crate::extract::{ValidJson, flatten};
use crate::state::AppState;
use crate::upload::{FormRules, read_form};
use actix_multipart::Multipart;
use actix_web::http::header::{self, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue};
use actix_web::{FromRequest, HttpRequest, HttpResponse, get, web};
use kaimono_messaging::{Attachment, MAX_ATTACHMENTS, NewAttachment, NewMessage};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_shop_inbox);
}

/// The shop's message inbox (SHOP-01, MSG-01): the threads of its orders, reservations and proxy orders,
/// the latest first, with how many of the member's messages wait to be read.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = Vec<InboxThreadResponse>), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/message-threads")]
pub async fn list_shop_inbox(
    state: web::Data<AppState>,
    staff: ShopStaff,
) -> Result<web::Json<Vec<InboxThreadResponse>>, ApiError> {
    let threads = kaimono_messaging::shop_inbox(&state.db, staff.shop).await?;
    Ok(web::Json(threads.into_iter().filter_map(InboxThreadResponse::new).collect()))
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
pub(crate) async fn read_message(req: &HttpRequest, payload: web::Payload) -> Result<NewMessage, ApiError> {
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

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FileQuery {
    /// A picture's small preview (320 pixels wide) instead of the file.
    #[serde(default)]
    pub preview: bool,
}

/// A private file as a download: never rendered by the browser as a page, never sniffed, not shared
/// by caches.
pub(crate) fn download(bytes: bytes::Bytes, content_type: &str, file_name: &str) -> HttpResponse {
    let ascii: String = file_name.chars().map(|c| if c.is_ascii_graphic() && c != '"' { c } else { '_' }).collect();
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: file_name.as_bytes().to_vec(),
            }),
        ],
    };
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type.to_owned()))
        .insert_header(disposition)
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox"))
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        // JPEG and PDF are compressed already: the compression middleware leaves an identity answer alone.
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .body(bytes)
}

/// A message's file (or its preview) as a download.
pub(crate) fn attachment_download((attachment, bytes): (Attachment, bytes::Bytes), preview: bool) -> HttpResponse {
    let content_type = if preview && attachment.has_preview { "image/jpeg" } else { attachment.content_type.as_str() };
    download(bytes, content_type, &attachment.file_name)
}
