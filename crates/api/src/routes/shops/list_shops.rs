use super::japan_today;
use crate::dto::shops::ShopResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// All shops of the mall, with their calendars (CAT-01).
#[utoipa::path(tag = "shops", responses((status = 200, body = Vec<ShopResponse>), ServerError), security(()))]
#[get("/shops")]
pub async fn list_shops(state: web::Data<AppState>) -> Result<web::Json<Vec<ShopResponse>>, ApiError> {
    let today = japan_today(state.clock.now());
    let shops = kaimono_catalog::list_shops(&state.db).await?;
    Ok(web::Json(shops.into_iter().map(|s| ShopResponse::new(s, today)).collect()))
}
