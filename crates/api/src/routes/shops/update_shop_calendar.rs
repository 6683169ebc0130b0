use super::japan_today;
use crate::auth::ShopStaff;
use crate::dto::shops::{CalendarDateDto, ShopResponse, WeekdayDto};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{put, web};
use chrono::WeekdaySet;
use kaimono_catalog::{CalendarDate, ShopCalendar};
use kaimono_core::BusinessCalendar;
use serde::Deserialize;
use std::collections::BTreeSet;
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[validate(schema(function = validate_dates))]
pub struct UpdateCalendarRequest {
    /// Regular closed weekdays (定休日).
    pub closed_weekdays: Vec<WeekdayDto>,
    /// Whether the shop closes on national holidays.
    pub closed_on_holidays: bool,
    /// Extra closed dates, at most 366.
    #[validate(length(max = 366), nested)]
    #[schema(max_items = 366)]
    pub closed_dates: Vec<CalendarDateDto>,
    /// Dates open despite the rules, at most 366.
    #[validate(length(max = 366), nested)]
    #[schema(max_items = 366)]
    pub open_dates: Vec<CalendarDateDto>,
}

fn validate_dates(request: &UpdateCalendarRequest) -> Result<(), ValidationError> {
    let closed: BTreeSet<_> = request.closed_dates.iter().map(|d| d.date).collect();
    let open: BTreeSet<_> = request.open_dates.iter().map(|d| d.date).collect();
    let too_long = request
        .closed_dates
        .iter()
        .chain(&request.open_dates)
        .any(|d| d.note.as_ref().is_some_and(|n| n.chars().count() > 100));
    if closed.len() != request.closed_dates.len()
        || open.len() != request.open_dates.len()
        || !closed.is_disjoint(&open)
    {
        return Err(
            ValidationError::new("dates").with_message("a date may appear only once, as closed or as open".into())
        );
    }
    if too_long {
        return Err(ValidationError::new("note").with_message("a note is at most 100 characters".into()));
    }
    Ok(())
}

/// Replace a shop's business calendar (CAT-01). Staff of the shop only.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    request_body = UpdateCalendarRequest,
    responses((status = 200, body = ShopResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/shops/{shop_id}/calendar")]
pub async fn update_shop_calendar(
    state: web::Data<AppState>,
    staff: ShopStaff,
    body: ValidJson<UpdateCalendarRequest>,
) -> Result<web::Json<ShopResponse>, ApiError> {
    let shop_id = staff.shop;
    let body = body.0;
    let to_dates = |list: Vec<CalendarDateDto>| -> Vec<CalendarDate> {
        list.into_iter().map(|d| CalendarDate { date: d.date, note: d.note.filter(|n| !n.trim().is_empty()) }).collect()
    };
    let mut closed_weekdays = WeekdaySet::EMPTY;
    for day in body.closed_weekdays {
        closed_weekdays.insert(day.into());
    }
    let (closed_dates, open_dates) = (to_dates(body.closed_dates), to_dates(body.open_dates));
    let calendar = ShopCalendar {
        rules: BusinessCalendar {
            closed_weekdays,
            closed_on_holidays: body.closed_on_holidays,
            closed_dates: closed_dates.iter().map(|d| d.date).collect(),
            open_dates: open_dates.iter().map(|d| d.date).collect(),
        },
        closed_dates,
        open_dates,
    };
    let txn = crate::database::begin_write(&state.db).await?;
    let shop = kaimono_catalog::update_calendar(&txn, shop_id, calendar).await?;
    txn.commit().await?;
    Ok(web::Json(ShopResponse::new(shop, japan_today(state.clock.now()))))
}
