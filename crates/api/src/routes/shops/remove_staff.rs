use crate::auth::ShopOwner;
use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{HttpResponse, delete, web};
use kaimono_accounts::StaffAdmin;
use kaimono_core::AccountId;
use uuid::Uuid;

/// Take someone off a shop's staff; they lose access at once (ACC-04). Owners remove staff; only an
/// operator removes an owner, and never the last one.
#[utoipa::path(
    tag = "shops",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("account_id" = Uuid, Path, description = "The staff member's account"),
    ),
    responses((status = 204, description = "Removed."), Unauthorized, Forbidden, NotFound, Conflict, ServerError),
    security(("bearer" = []))
)]
#[delete("/shops/{shop_id}/staff/{account_id}")]
pub async fn remove_staff(
    state: web::Data<AppState>,
    owner: ShopOwner,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (_, member) = path.into_inner();
    let by = StaffAdmin { account_id: owner.0.account_id, operator: owner.0.operator };
    let txn = crate::database::begin_write(&state.db).await?;
    kaimono_accounts::remove_staff(&txn, owner.0.shop, AccountId(member), by).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
