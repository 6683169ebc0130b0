//! `/media/{name}`: stored files (product pictures) by their content-hashed names, cacheable for good.

use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_media);
}

/// A stored picture (CAT-02). Its name carries a hash of its content, so the answer never changes and
/// may be cached for a year.
#[utoipa::path(
    tag = "media",
    params(("name" = String, Path, description = "A name from an image's `sources`, such as `p-…-640w-….jpg`")),
    responses(
        (status = 200, description = "The file.", content_type = "image/jpeg", body = Vec<u8>),
        NotFound, StorageDown, ServerError
    ),
    security(())
)]
#[get("/media/{name}")]
pub async fn get_media(state: web::Data<AppState>, name: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let name = name.into_inner();
    if !kaimono_media::is_valid_name(&name) {
        return Err(ApiError::not_found("file"));
    }
    let bytes = state.storage.get(&name).await?.ok_or_else(|| ApiError::not_found("file"))?;
    let content_type = if name.ends_with(".jpg") { "image/jpeg" } else { "application/octet-stream" };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((header::ETAG, format!("\"{name}\"")))
        // JPEG is compressed already: the compression middleware leaves an identity answer alone.
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .body(bytes))
}
