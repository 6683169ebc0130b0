use crate::auth::ShopOwner;
use crate::dto::settings::ShopSettingsDto;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};

/// Change a shop's settings; its owner (or an operator) only (ACC-04). The reservation and delivery
/// windows apply to what is placed from now on.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    request_body = ShopSettingsDto,
    responses((status = 200, body = ShopSettingsDto), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/shops/{shop_id}/settings")]
pub async fn update_shop_settings(
    state: web::Data<AppState>,
    owner: ShopOwner,
    body: ValidJson<ShopSettingsDto>,
) -> Result<web::Json<ShopSettingsDto>, ApiError> {
    let shop = kaimono_catalog::update_settings(&state.db, owner.0.shop, body.0.into()).await?;
    Ok(web::Json(ShopSettingsDto::of(&shop)))
}
