use crate::auth::Member;
use crate::dto::reservations::ReservationResponse;
use crate::dto::{Page, PageQuery};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};

/// The member's reservations with each one's status, newest first (RSV-07).
#[utoipa::path(
    tag = "reservations",
    params(PageQuery),
    responses((status = 200, body = Page<ReservationResponse>), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/me/reservations")]
pub async fn list_my_reservations(
    state: web::Data<AppState>,
    member: Member,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<Page<ReservationResponse>>, ApiError> {
    let (after, limit) = page.0.parts()?;
    let list = kaimono_reservations::list_member_reservations(&state.db, member.0, after.as_ref(), limit).await?;
    Ok(web::Json(Page::of(list)))
}
