//! Builds the HTTP application: middleware, `/api/v1`, health, the spec and docs, and the SPA.

use crate::error::ApiError;
use crate::openapi::ApiDoc;
use crate::routes;
use crate::state::AppState;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, HttpRequest, HttpResponse, middleware, web};
use utoipa::OpenApi;
use utoipa_actix_web::{AppExt, UtoipaApp, scope};
use utoipa_swagger_ui::SwaggerUi;

fn with_routes<T>(app: UtoipaApp<T>, include_dev: bool) -> UtoipaApp<T>
where
    T: ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse,
            Error = actix_web::Error,
            InitError = (),
        >,
{
    app.openapi(ApiDoc::openapi())
        .service(scope::scope("/api/v1").configure(routes::api_v1(include_dev)))
        .configure(routes::health::configure)
        .configure(routes::media::configure)
}

/// The full spec (development routes included): what `kaimono openapi` prints and what
/// `openapi/openapi.json` must equal.
pub fn openapi_spec() -> utoipa::openapi::OpenApi {
    let mut spec = with_routes(App::new().into_utoipa_app(), true).split_for_parts().1;
    crate::openapi::document_common_responses(&mut spec);
    spec
}

pub fn openapi_json() -> Result<String, serde_json::Error> {
    openapi_spec().to_pretty_json().map(|mut s| {
        s.push('\n');
        s
    })
}

/// Unknown paths: a problem for `/api` and `/health`, the SPA's index.html for anything else (client-side
/// routes), or a problem when no SPA is built.
pub async fn fallback(req: HttpRequest, static_dir: web::Data<StaticDir>) -> actix_web::Result<HttpResponse> {
    let path = req.path();
    if path.starts_with("/api") || path.starts_with("/health") {
        return Err(ApiError::not_found("route").into());
    }
    match &static_dir.0 {
        Some(dir) => Ok(actix_files::NamedFile::open(dir.join("index.html"))?.into_response(&req)),
        None => Err(ApiError::not_found("route").into()),
    }
}

pub struct StaticDir(pub Option<std::path::PathBuf>);

/// The whole application for one worker.
pub fn build(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let include_dev = state.config.dev_mailbox;
    let dir = std::path::PathBuf::from(&state.config.static_dir);
    let spa = dir.join("index.html").is_file().then_some(dir);
    let (app, mut spec) = with_routes(
        App::new()
            .app_data(web::Data::new(state))
            .app_data(web::PathConfig::default().error_handler(|_, _| ApiError::not_found("resource").into()))
            .app_data(web::Data::new(StaticDir(spa.clone())))
            .into_utoipa_app(),
        include_dev,
    )
    .split_for_parts();
    crate::openapi::document_common_responses(&mut spec);
    let app = app
        .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", spec))
        .service(web::redirect("/api/docs", "/api/docs/"));
    let app = match spa {
        Some(dir) => app.service(
            actix_files::Files::new("/", dir)
                .index_file("index.html")
                .prefer_utf8(true)
                .default_handler(web::to(fallback)),
        ),
        None => app,
    };
    app.default_service(web::to(fallback))
        .wrap(middleware::Compress::default())
        .wrap(middleware::from_fn(crate::middleware::security_headers))
        .wrap(middleware::from_fn(crate::middleware::request_id))
        .wrap(middleware::from_fn(crate::middleware::deadline))
}
