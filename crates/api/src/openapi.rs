//! The OpenAPI document: info, the bearer scheme and tags here; paths and schemas come from the route
//! registrations (see `app::build`).

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "kaimono API",
        description = "Commerce backend for Japanese retail: accounts, shops and catalog, and the selling flows built on them.\n\nErrors are RFC 9457 `application/problem+json` with a stable `code`; 422 responses list messages per field in `errors`. Money is a string of whole yen, tax-inclusive.",
        version = "1.0.0"
    ),
    components(schemas(crate::error::ProblemDetails)),
    modifiers(&BearerScheme),
    tags(
        (name = "auth", description = "Sign-up, login, tokens and password reset"),
        (name = "me", description = "The signed-in account: profile and delivery addresses"),
        (name = "shops", description = "Shops and business calendars"),
        (name = "products", description = "Catalog browsing and, for staff, product management"),
        (name = "stock", description = "Stock per shop and variant (staff)"),
        (name = "cart", description = "The member's cart"),
        (name = "orders", description = "Delivery orders: placing, stock check, payment request, shipment, cancellation"),
        (name = "reservations", description = "Store-pickup reservations: reserving, the shop's check, the pickup desk"),
        (name = "payments", description = "Saved cards and payment links"),
        (name = "health", description = "Liveness and readiness"),
        (name = "dev", description = "Development helpers, only with KAIMONO_DEV_MAILBOX=true (never in production)")
    )
)]
pub struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

/// Adds what every `/api/v1` operation can answer whatever it does: 503 `database_unavailable` (with
/// Retry-After) and, for operations with a body, 408 `request_timeout` when the body does not arrive.
pub fn document_common_responses(spec: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let problem = |description: &str| {
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                ContentBuilder::new().schema(Some(Ref::from_schema_name("ProblemDetails"))).build(),
            )
            .build()
    };
    for (path, item) in spec.paths.paths.iter_mut() {
        if !path.starts_with("/api/v1") {
            continue;
        }
        let operations = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for operation in operations.into_iter().flatten() {
            let responses = &mut operation.responses.responses;
            responses.entry("503".to_owned()).or_insert_with(|| {
                problem(
                    "The service cannot reach its database right now (`database_unavailable`), or the request took \
                     longer than the server allows; see Retry-After.",
                )
                .into()
            });
            if operation.request_body.is_some() {
                responses
                    .entry("408".to_owned())
                    .or_insert_with(|| problem("The request body did not arrive in time (`request_timeout`).").into());
            }
        }
    }
}
