use crate::auth::Member;
use crate::dto::payments::CardResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// The member's saved cards, the default first (PAY-01).
#[utoipa::path(
    tag = "payments",
    responses((status = 200, body = Vec<CardResponse>), Unauthorized, Forbidden, ServerError),
    security(("bearer" = []))
)]
#[get("/me/cards")]
pub async fn list_cards(state: web::Data<AppState>, member: Member) -> Result<web::Json<Vec<CardResponse>>, ApiError> {
    let now = state.clock.now();
    let cards = kaimono_payments::list_cards(&state.db, state.settlement.provider(), member.0).await?;
    Ok(web::Json(cards.into_iter().map(|c| CardResponse::new(c, now)).collect()))
}
