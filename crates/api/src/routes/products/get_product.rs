use crate::auth::Principal;
use crate::dto::products::ProductResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, mime, web};
use kaimono_core::ProductId;
use uuid::Uuid;

/// A product with variants, prices, tax category, fulfilment options and per-shop availability (CAT-02, CAT-04, CAT-06).
///
/// Archived products and variants are shown only to the owning shop's staff.
#[utoipa::path(
    tag = "products",
    params(("product_id" = Uuid, Path, description = "The product")),
    responses((status = 200, body = ProductResponse), NotFound, ServerError),
    security((), ("bearer" = []))
)]
#[get("/products/{product_id}")]
pub async fn get_product(
    state: web::Data<AppState>,
    request: HttpRequest,
    principal: Option<Principal>,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = ProductId(path.into_inner());
    let is_owner_staff = match principal {
        Some(p) if p.role != kaimono_accounts::Role::Member => {
            let shop = kaimono_catalog::product_shop(&state.db, id).await?;
            p.require_shop(&state, shop).await.is_ok()
        }
        _ => false,
    };
    let load = || async {
        let product: ProductResponse = kaimono_catalog::get_product(&state.db, id, is_owner_staff).await?.into();
        serde_json::to_vec(&product).map(web::Bytes::from).map_err(ApiError::internal)
    };
    // Staff of the shop see quantities and archived variants: never from (or into) the public cache.
    let body = if is_owner_staff {
        load().await?
    } else {
        state.catalog_cache.get_or_compute(request.path(), state.clock.now(), load).await?
    };
    Ok(HttpResponse::Ok().content_type(mime::APPLICATION_JSON).body(body))
}
