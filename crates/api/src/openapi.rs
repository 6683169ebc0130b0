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
        (name = "proxy", description = "Proxy-buying orders (代行): requests, quotes, invoices, the deposit and bank transfers"),
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

/// Adds what an `/api/v1` operation can answer because of its shape, whatever it does, so the spec
/// lists every status the server can send (a test sends each kind of bad request to every operation):
/// - every operation: 500, and 503 `database_unavailable` (with Retry-After);
/// - a bearer token: 401 when it is missing, malformed, expired or revoked;
/// - path ids: 404 for an unknown or malformed id (or someone else's resource);
/// - query parameters: 422 for values out of range or of the wrong type;
/// - a JSON body: 400 unreadable JSON, 408 body too slow, 413 too large, 415 not JSON, 422 invalid fields;
/// - an `Idempotency-Key`: 422 when it is missing or reused for another request, 409 while the first
///   request is still running, and the `Idempotent-Replayed: true` header on a replayed answer.
pub fn document_common_responses(spec: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::header::HeaderBuilder;
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder, Type};
    let problem = |description: &str| -> RefOr<utoipa::openapi::Response> {
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                ContentBuilder::new().schema(Some(Ref::from_schema_name("ProblemDetails"))).build(),
            )
            .build()
            .into()
    };
    for (path, item) in spec.paths.paths.iter_mut() {
        if !path.starts_with("/api/v1") {
            continue;
        }
        let operations = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for operation in operations.into_iter().flatten() {
            let parameters: Vec<_> = operation
                .parameters
                .iter()
                .flatten()
                .filter_map(|p| match p {
                    RefOr::T(p) => Some((p.name.clone(), p.parameter_in.clone())),
                    RefOr::Ref(_) => None,
                })
                .collect();
            let has = |place: ParameterIn| parameters.iter().any(|(_, p)| *p == place);
            let idempotent = parameters.iter().any(|(name, _)| name == "Idempotency-Key");
            let bearer = operation.security.as_ref().is_some_and(|list| {
                list.iter().any(|r| serde_json::to_value(r).is_ok_and(|v| v.get("bearer").is_some()))
            });
            let body = operation.request_body.is_some();
            let mut add = |status: &str, description: &str| {
                operation.responses.responses.entry(status.to_owned()).or_insert_with(|| problem(description));
            };
            add("500", "Unexpected failure; the body is opaque and the cause is logged.");
            add(
                "503",
                "The service cannot reach its database right now (`database_unavailable`), or the request took longer \
                 than the server allows; see Retry-After.",
            );
            if bearer {
                add("401", "No valid access token (`unauthenticated`, `invalid_token`, `token_expired`).");
            }
            if has(ParameterIn::Path) {
                add("404", "No such resource, a malformed id, or not yours (`not_found`).");
            }
            if has(ParameterIn::Query) || idempotent {
                add("422", "Invalid fields or parameters; `errors` lists messages per field.");
            }
            if body {
                add("400", "The body is not valid JSON (`malformed_json`) or could not be read (`unreadable_body`).");
                add("408", "The request body did not arrive in time (`request_timeout`).");
                add("413", "The body is larger than the server accepts (`body_too_large`).");
                add("415", "The body is not `application/json` (`unsupported_media_type`).");
                add("422", "Invalid fields; `errors` lists messages per field.");
            }
            if idempotent {
                add(
                    "409",
                    "A request with this Idempotency-Key is still running (`request_in_progress`), or the state does not allow this.",
                );
                let replayed = HeaderBuilder::new()
                    .schema(Some(
                        utoipa::openapi::ObjectBuilder::new().schema_type(Type::String).enum_values(Some(["true"])),
                    ))
                    .description(Some(
                        "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
                    ))
                    .build();
                for (status, response) in operation.responses.responses.iter_mut() {
                    if let (true, RefOr::T(response)) = (status.starts_with('2'), response) {
                        response.headers.insert("Idempotent-Replayed".to_owned(), RefOr::T(replayed.clone()));
                    }
                }
            }
        }
    }
}
