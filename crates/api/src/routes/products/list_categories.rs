use crate::error::{ApiError, responses::*};
use crate::state::AppState;
use actix_web::{get, web};

/// The categories of products on sale, for the category filter (CAT-06).
#[utoipa::path(tag = "products", responses((status = 200, body = Vec<String>), ServerError), security(()))]
#[get("/categories")]
pub async fn list_categories(state: web::Data<AppState>) -> Result<web::Json<Vec<String>>, ApiError> {
    Ok(web::Json(kaimono_catalog::list_categories(&state.db).await?))
}
