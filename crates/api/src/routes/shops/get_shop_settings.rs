use crate::auth::ShopStaff;
use crate::dto::settings::ShopSettingsDto;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// A shop's settings, for its staff (the owner changes them).
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = ShopSettingsDto), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/settings")]
pub async fn get_shop_settings(
    state: web::Data<AppState>,
    staff: ShopStaff,
) -> Result<web::Json<ShopSettingsDto>, ApiError> {
    let shop = kaimono_catalog::get_shop(&state.db, staff.shop).await?;
    Ok(web::Json(ShopSettingsDto::of(&shop)))
}
