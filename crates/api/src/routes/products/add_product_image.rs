use super::authorize_product;
use crate::auth::Principal;
use crate::dto::products::ProductImageResponse;
use crate::error::{ApiError, ErrorCode, responses::*};
use crate::state::AppState;
use crate::upload::{FormRules, read_form};
use actix_multipart::Multipart;
use actix_web::{HttpResponse, post, web};
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

const IMAGE_FORM: FormRules = FormRules {
    max_files: 1,
    file_bytes: MAX_UPLOAD_BYTES,
    texts: &[("alt", 4 * kaimono_catalog::MAX_ALT_CHARS)],
    too_many: ErrorCode::ValidationFailed,
    too_large: ErrorCode::ImageTooLarge,
};

/// The `file` and `alt` fields of the form; other fields are skipped.
async fn read_upload(form: Multipart) -> Result<(bytes::Bytes, String), ApiError> {
    let mut form = read_form(form, IMAGE_FORM).await?;
    let file = form.files.pop().map(|f| f.bytes).ok_or_else(|| {
        ApiError::field(ErrorCode::ValidationFailed, "file", "choose a JPEG, PNG or WEBP picture to upload")
    })?;
    Ok((file, form.texts.remove("alt").unwrap_or_default()))
}
