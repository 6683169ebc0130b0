use super::authorize_product;
use crate::auth::Principal;
use crate::dto::products::ProductImageResponse;
use crate::error::{ApiError, ErrorCode, responses::*};
use crate::state::AppState;
use actix_multipart::Multipart;
use actix_web::{HttpResponse, post, web};
use futures_util::StreamExt;
use kaimono_core::ProductId;
use kaimono_media::images::MAX_UPLOAD_BYTES;
use utoipa::ToSchema;
use uuid::Uuid;

/// A picture upload, as `multipart/form-data` (this type only describes the form in the spec).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct ProductImageUpload {
    /// The picture: JPEG, PNG or WEBP (judged by its content), at most 10 MB.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
    /// What it shows, for screen readers; at most 200 characters.
    #[schema(max_length = 200)]
    pub alt: Option<String>,
}

/// Add a picture to a product of my shop, last in order (CAT-02). Staff of the owning shop only. The
/// picture is re-encoded (its metadata dropped) and stored in a few widths.
#[utoipa::path(
    tag = "products",
    params(("product_id" = Uuid, Path, description = "The product")),
    request_body(content = ProductImageUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = ProductImageResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, UnsupportedMediaType, Unprocessable, StorageDown, ServerError
    ),
    security(("bearer" = []))
)]
#[post("/products/{product_id}/images")]
pub async fn add_product_image(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<Uuid>,
    form: Multipart,
) -> Result<HttpResponse, ApiError> {
    let id = ProductId(path.into_inner());
    let shop = authorize_product(&state, &principal, id).await?;
    let (file, alt) = read_upload(form).await?;
    let image = kaimono_catalog::add_image(&state.db, &state.storage, shop, id, file, alt, state.clock.now()).await?;
    Ok(HttpResponse::Created().json(ProductImageResponse::from(image)))
}

/// The `file` and `alt` fields of the form; other fields are skipped. A file over the limit is refused
/// as soon as it passes it.
async fn read_upload(mut form: Multipart) -> Result<(bytes::Bytes, String), ApiError> {
    let unreadable = |e: actix_multipart::MultipartError| match e {
        actix_multipart::MultipartError::ContentTypeMissing
        | actix_multipart::MultipartError::ContentTypeParse
        | actix_multipart::MultipartError::ContentTypeIncompatible => {
            ApiError::new(ErrorCode::UnsupportedMediaType, "send the picture as multipart/form-data")
        }
        other => ApiError::new(ErrorCode::UnreadableBody, format!("the form could not be read: {other}")),
    };
    let (mut file, mut alt) = (None, String::new());
    while let Some(field) = form.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or_default().to_owned();
        let limit = match name.as_str() {
            "file" => MAX_UPLOAD_BYTES,
            "alt" => 4 * kaimono_catalog::MAX_ALT_CHARS,
            _ => 0,
        };
        let mut data = bytes::BytesMut::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            if data.len() + chunk.len() > limit {
                return Err(match name.as_str() {
                    "file" => ApiError::field(ErrorCode::ImageTooLarge, "file", "the image is larger than 10 MB"),
                    "alt" => ApiError::field(
                        ErrorCode::ValidationFailed,
                        "alt",
                        format!("is at most {} characters", kaimono_catalog::MAX_ALT_CHARS),
                    ),
                    _ => continue,
                });
            }
            data.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "file" => file = Some(data.freeze()),
            "alt" => {
                alt = String::from_utf8(data.to_vec())
                    .map_err(|_| ApiError::field(ErrorCode::ValidationFailed, "alt", "is not UTF-8 text"))?;
            }
            _ => {}
        }
    }
    let file = file.filter(|f| !f.is_empty()).ok_or_else(|| {
        ApiError::field(ErrorCode::ValidationFailed, "file", "choose a JPEG, PNG or WEBP picture to upload")
    })?;
    Ok((file, alt))
}
