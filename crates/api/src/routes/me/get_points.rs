use crate::auth::Member;
use crate::dto::{Page, PageQuery};
use crate::error::{ApiError, responses::*};
use crate::extract::ValidQuery;
use crate::state::AppState;
use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// One movement of the member's points.
#[derive(Debug, Serialize, ToSchema)]
pub struct PointEntryResponse {
    /// The movement's id.
    pub id: Uuid,
    /// `earned`, `used`, `expired`, or `returned` (used on an order that was cancelled).
    pub kind: String,
    /// Signed: positive when earned.
    pub points: i64,
    /// Why: the order number it was earned or used on.
    pub reason: String,
    /// The order, if any.
    pub order_id: Option<Uuid>,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// The member's points (ACC-07): the balance, all ever earned, and the ledger.
#[derive(Debug, Serialize, ToSchema)]
pub struct PointsResponse {
    /// Points available now.
    pub balance: i64,
    /// Points ever earned.
    pub total_earned: i64,
    /// The ledger, newest first.
    pub entries: Page<PointEntryResponse>,
}

/// My points (ACC-07, SUB-15): the balance and the ledger of what was earned, used and expired.
#[utoipa::path(
    tag = "me",
    params(PageQuery),
    responses((status = 200, body = PointsResponse), Unauthorized, Forbidden, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[get("/me/points")]
pub async fn get_points(
    state: web::Data<AppState>,
    member: Member,
    page: ValidQuery<PageQuery>,
) -> Result<web::Json<PointsResponse>, ApiError> {
    let (after, limit) = page.0.parts()?;
    let (balance, entries) = kaimono_accounts::points_of(&state.db, member.0, after.as_ref(), limit).await?;
    Ok(web::Json(PointsResponse {
        balance: balance.balance,
        total_earned: balance.total_earned,
        entries: Page::of(entries.map(|e| PointEntryResponse {
            id: e.id,
            kind: e.kind.as_str().to_owned(),
            points: e.points,
            reason: e.reason,
            order_id: e.order_id,
            created_at: e.created_at,
        })),
    }))
}
