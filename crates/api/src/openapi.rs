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
        (name = "dev", description = "Development helpers, absent in production")
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
