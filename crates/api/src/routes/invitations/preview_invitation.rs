use crate::dto::staff::{InvitationPreviewResponse, InvitationTokenRequest};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{post, web};

/// What an invitation link is for: the shop, the email and the role (ACC-04). The token travels in the
/// body, not the URL, so it stays out of logs.
#[utoipa::path(
    tag = "auth",
    request_body = InvitationTokenRequest,
    responses((status = 200, body = InvitationPreviewResponse), BadRequest, Unprocessable, ServerError),
    security(())
)]
#[post("/invitations/preview")]
pub async fn preview_invitation(
    state: web::Data<AppState>,
    body: ValidJson<InvitationTokenRequest>,
) -> Result<web::Json<InvitationPreviewResponse>, ApiError> {
    let preview = kaimono_accounts::preview_invitation(&state.db, &body.0.token, state.clock.now()).await?;
    Ok(web::Json(preview.into()))
}
