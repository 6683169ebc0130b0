use crate::auth::Member;
use crate::dto::payments::CardResponse;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Make one of the member's cards the default (PAY-01).
#[utoipa::path(
    tag = "payments",
    params(("card_id" = Uuid, Path, description = "The card")),
    responses((status = 200, body = CardResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[post("/me/cards/{card_id}/default")]
pub async fn set_default_card(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<web::Json<CardResponse>, ApiError> {
    let card = kaimono_payments::set_default_card(&state.db, member.0, path.into_inner()).await?;
    Ok(web::Json(CardResponse::new(card, state.clock.now())))
}
