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

/// The process can serve requests: the database answers, within the pool's acquire timeout (so a stalled
/// database turns readiness red within seconds, and green again on its own when it recovers).
#[utoipa::path(tag = "health", responses((status = 200, body = HealthResponse), (status = 503, body = crate::error::ProblemDetails, description = "The database does not answer.", content_type = "application/problem+json")), security(()))]
#[get("/health/ready")]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let check = tokio::time::timeout(state.config.limits.db_acquire, state.db.execute_unprepared("SELECT 1")).await;
    match check {
        Ok(Ok(_)) => Ok(HttpResponse::Ok().json(HealthResponse { status: "ok" })),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "readiness check failed");
            Err(ApiError::unavailable())
        }
        Err(_) => {
            tracing::error!("readiness check timed out");
            Err(ApiError::unavailable())
        }
    }
}
