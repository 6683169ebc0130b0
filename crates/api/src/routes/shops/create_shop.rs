use crate::auth::Operator;
use crate::dto::shops::ShopResponse;
use crate::dto::staff::CreateShopRequest;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};

/// Open a shop in the mall (ACC-04). Operators only. It starts open every day with the default policies;
/// invite its owner next.
#[utoipa::path(
    tag = "shops",
    request_body = CreateShopRequest,
    responses((status = 201, body = ShopResponse), BadRequest, Unauthorized, Forbidden, Conflict, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops")]
pub async fn create_shop(
    state: web::Data<AppState>,
    _operator: Operator,
    body: ValidJson<CreateShopRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let now = state.clock.now();
    let (kind, new) = (body.kind.into(), body.profile.into_new_shop(body.slug));
    let txn = crate::database::begin_write(&state.db).await?;
    let shop = kaimono_catalog::create_shop(&txn, new, kind, kaimono_catalog::ShopCalendar::default(), now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ShopResponse::new(shop, super::japan_today(now))))
}
