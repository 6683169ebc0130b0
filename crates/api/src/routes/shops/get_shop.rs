use super::japan_today;
use crate::dto::shops::ShopResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};
use kaimono_core::ShopId;
use uuid::Uuid;

/// One shop with its business calendar (CAT-01).
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = ShopResponse), NotFound, ServerError),
    security(())
)]
#[get("/shops/{shop_id}")]
pub async fn get_shop(state: web::Data<AppState>, path: web::Path<Uuid>) -> Result<web::Json<ShopResponse>, ApiError> {
    let shop = kaimono_catalog::get_shop(&state.db, ShopId(path.into_inner())).await?;
    Ok(web::Json(ShopResponse::new(shop, japan_today(state.clock.now()))))
}
