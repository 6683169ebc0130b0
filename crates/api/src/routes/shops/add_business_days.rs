use super::japan_today;
use crate::error::ErrorCode;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};
use chrono::NaiveDate;
use kaimono_core::ShopId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AddBusinessDaysQuery {
    /// Start date (default: today in Japan), 1990-01-01 to 2099-12-31.
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub from: Option<NaiveDate>,
    /// How many business days to add, 0–365; 0 gives the first business day on or after `from`.
    #[validate(range(min = 0, max = 365))]
    #[param(minimum = 0, maximum = 365)]
    pub days: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BusinessDayResponse {
    /// The resulting business day.
    pub date: NaiveDate,
}

/// The date N business days after a date, by the shop's calendar (CAT-01).
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop"), AddBusinessDaysQuery),
    responses((status = 200, body = BusinessDayResponse), NotFound, Conflict, Unprocessable, ServerError),
    security(())
)]
#[get("/shops/{shop_id}/calendar/add-business-days")]
pub async fn add_business_days(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    query: ValidQuery<AddBusinessDaysQuery>,
) -> Result<web::Json<BusinessDayResponse>, ApiError> {
    let shop = kaimono_catalog::get_shop(&state.db, ShopId(path.into_inner())).await?;
    let from = query.0.from.unwrap_or_else(|| japan_today(state.clock.now()));
    let date = shop
        .calendar
        .rules
        .add_business_days(from, query.0.days)
        .ok_or_else(|| ApiError::new(ErrorCode::NoBusinessDay, "the shop has no business day in reach"))?;
    Ok(web::Json(BusinessDayResponse { date }))
}
