use crate::auth::Member;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

/// Delete a saved card (PAY-01): detached at the provider and forgotten here. A card an active
/// subscription pays with cannot be deleted (409 `card_in_use`): change the subscription's card first.
#[utoipa::path(
    tag = "payments",
    params(("card_id" = Uuid, Path, description = "The card")),
    responses((status = 204, description = "Deleted"), Unauthorized, Forbidden, NotFound, Conflict, ServiceUnavailable, ServerError),
    security(("bearer" = []))
)]
#[delete("/me/cards/{card_id}")]
pub async fn delete_card(
    state: web::Data<AppState>,
    member: Member,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    kaimono_subscriptions::delete_card(&state.db, state.settlement.provider(), member.0, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
