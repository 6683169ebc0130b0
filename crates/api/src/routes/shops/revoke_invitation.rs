use crate::auth::ShopOwner;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

/// Withdraw an open invitation; its link stops working (ACC-04). Its shop's owner or an operator.
#[utoipa::path(
    tag = "shops",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("invitation_id" = Uuid, Path, description = "The invitation"),
    ),
    responses((status = 204, description = "Withdrawn."), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[delete("/shops/{shop_id}/invitations/{invitation_id}")]
pub async fn revoke_invitation(
    state: web::Data<AppState>,
    owner: ShopOwner,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (_, invitation) = path.into_inner();
    kaimono_accounts::revoke_invitation(&state.db, owner.0.shop, invitation, state.clock.now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
