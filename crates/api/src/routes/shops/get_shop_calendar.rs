use super::{calendar_days, japan_today};
use crate::dto::shops::CalendarDay;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};
use chrono::NaiveDate;
use kaimono_core::ShopId;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    /// First day (default: today in Japan), 1990-01-01 to 2099-12-31; the calendar stops at 2099-12-31.
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub from: Option<NaiveDate>,
    /// Number of days, 1–366 (default 31).
    #[validate(range(min = 1, max = 366))]
    #[param(minimum = 1, maximum = 366)]
    pub days: Option<u32>,
}

/// Which days a shop is open: business days, closed days and national holidays (CAT-01).
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop"), CalendarQuery),
    responses((status = 200, body = Vec<CalendarDay>), NotFound, Unprocessable, ServerError),
    security(())
)]
#[get("/shops/{shop_id}/calendar")]
pub async fn get_shop_calendar(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    query: ValidQuery<CalendarQuery>,
) -> Result<web::Json<Vec<CalendarDay>>, ApiError> {
    let shop = kaimono_catalog::get_shop(&state.db, ShopId(path.into_inner())).await?;
    let from = query.0.from.unwrap_or_else(|| japan_today(state.clock.now()));
    Ok(web::Json(calendar_days(&shop.calendar.rules, from, query.0.days.unwrap_or(31))))
}
