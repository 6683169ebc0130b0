use crate::auth::ShopStaff;
use crate::dto::reservations::{ReservationResponse, ReservationStatusDto};
use crate::dto::{Page, PageQuery};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ShopReservationsQuery {
    /// Only reservations in this status (`requested`: the confirmation queue).
    pub status: Option<ReservationStatusDto>,
    /// Only this planned visit date (today's pickups: today with `status=held`), 1990-01-01 to 2099-12-31.
    #[validate(custom(function = crate::dto::validate_supported_date))]
    pub visit_date: Option<NaiveDate>,
    /// Part of the pickup number, the member's name or the product name.
    #[validate(length(max = 100))]
    #[param(max_length = 100)]
    pub q: Option<String>,
}

/// A shop's reservations by visit date; staff of the shop only (SHOP-01, SHOP-02).
#[utoipa::path(
    tag = "reservations",
    params(("shop_id" = Uuid, Path, description = "The shop"), ShopReservationsQuery, PageQuery),
    responses((status = 200, body = Page<ReservationResponse>), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/reservations")]
pub async fn list_shop_reservations(
    state: web::Data<AppState>,
    staff: ShopStaff,
    query: ValidQuery<ShopReservationsQuery>,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<Page<ReservationResponse>>, ApiError> {
    let shop = staff.shop;
    let query = query.0;
    let filter = kaimono_reservations::ReservationFilter {
        status: query.status.map(Into::into),
        visit_date: query.visit_date,
        search: query.q,
    };
    let (after, limit) = page.0.parts()?;
    let list = kaimono_reservations::list_shop_reservations(&state.db, shop, &filter, after.as_ref(), limit).await?;
    Ok(web::Json(Page::of(list)))
}
