use crate::auth::ShopOwner;
use crate::dto::staff::{InvitationResponse, InviteStaffRequest};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use kaimono_accounts::StaffAdmin;

/// Invite someone to a shop's staff by an emailed link, valid 7 days (ACC-04). Owners invite staff; only
/// an operator invites an owner.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    request_body = InviteStaffRequest,
    responses((status = 201, body = InvitationResponse), BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/invitations")]
pub async fn invite_staff(
    state: web::Data<AppState>,
    owner: ShopOwner,
    body: ValidJson<InviteStaffRequest>,
) -> Result<HttpResponse, ApiError> {
    let by = StaffAdmin { account_id: owner.0.account_id, operator: owner.0.operator };
    let txn = crate::database::begin_write(&state.db).await?;
    let invitation = kaimono_accounts::invite_staff(
        &txn,
        owner.0.shop,
        &body.0.email,
        body.0.role.into(),
        by,
        &state.config.public_url,
        state.clock.now(),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(InvitationResponse::from(invitation)))
}
