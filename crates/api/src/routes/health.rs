//! `/health`: liveness (the process answers) and readiness (the database answers).

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use sea_orm::ConnectionTrait;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(live).service(ready);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HealthResponse {
    /// `ok`.
    pub status: &'static str,
}

/// The process is up.
#[utoipa::path(tag = "health", responses((status = 200, body = HealthResponse)), security(()))]
#[get("/health/live")]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(HealthResponse { status: "ok" })
}

/// The process can serve requests: the database answers.
#[utoipa::path(tag = "health", responses((status = 200, body = HealthResponse), (status = 503, body = crate::error::ProblemDetails, description = "The database does not answer.", content_type = "application/problem+json")), security(()))]
#[get("/health/ready")]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    match state.db.execute_unprepared("SELECT 1").await {
        Ok(_) => Ok(HttpResponse::Ok().json(HealthResponse { status: "ok" })),
        Err(e) => {
            tracing::error!(error = %e, "readiness check failed");
            Err(ApiError::new(
                actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
                "database_unavailable",
                "the database does not answer",
            ))
        }
    }
}
