use super::japan_today;
use crate::dto::shops::ShopResponse;
use crate::dto::{Page, PageQuery};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};

/// The mall's shops by name, with their calendars (CAT-01).
#[utoipa::path(
    tag = "shops",
    params(PageQuery),
    responses((status = 200, body = Page<ShopResponse>), Unprocessable, ServerError),
    security(())
)]
#[get("/shops")]
pub async fn list_shops(
    state: web::Data<AppState>,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<Page<ShopResponse>>, ApiError> {
    let today = japan_today(state.clock.now());
    let (after, limit) = page.0.parts()?;
    let shops = kaimono_catalog::list_shops(&state.db, after.as_ref(), limit).await?;
    Ok(web::Json(Page::of(shops.map(|s| ShopResponse::new(s, today)))))
}
