//! Request extractors that turn bad input into precise problems: malformed JSON is a 400; JSON of the
//! wrong shape (missing field, wrong type) and values that fail validation are a 422 keyed by field.

use crate::error::ApiError;
use crate::error::ErrorCode;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

/// The largest JSON body accepted.
const BODY_LIMIT: usize = 256 * 1024;

/// A JSON body, deserialized and validated.
pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json") || v.contains("+json"));
        let body = web::Bytes::from_request(req, payload);
        let limit = req
            .app_data::<web::Data<crate::state::AppState>>()
            .map_or(crate::config::Limits::default().request_body, |s| s.config.limits.request_body);
        Box::pin(async move {
            if !is_json {
                return Err(ApiError::new(ErrorCode::UnsupportedMediaType, "send the body as application/json"));
            }
            let too_large = || ApiError::new(ErrorCode::BodyTooLarge, "the body is too large");
            // A body that stops arriving must not hold the request (and a connection) forever.
            let bytes = tokio::time::timeout(limit, body)
                .await
                .map_err(|_| {
                    ApiError::new(
                        ErrorCode::RequestTimeout,
                        format!("the request body did not arrive within {} seconds", limit.as_secs()),
                    )
                })?
                .map_err(|e| match e.as_error::<actix_web::error::PayloadError>() {
                    Some(actix_web::error::PayloadError::Overflow) => too_large(),
                    _ => ApiError::new(ErrorCode::UnreadableBody, e.to_string()),
                })?;
            if bytes.len() > BODY_LIMIT {
                return Err(too_large());
            }
            parse_and_validate(&bytes).map(ValidJson)
        })
    }
}

fn parse_and_validate<T: DeserializeOwned + Validate>(bytes: &[u8]) -> Result<T, ApiError> {
    let json: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::new(ErrorCode::MalformedJson, format!("the body is not valid JSON: {e}")))?;
    // No database stores NUL in text (PostgreSQL refuses it), so refuse it here, by field.
    if let Some(field) = path_of_nul(&json, String::new()) {
        return Err(ApiError::validation(BTreeMap::from([(
            field,
            vec!["must not contain NUL characters".to_owned()],
        )])));
    }
    let value: T = serde_path_to_error::deserialize(json).map_err(|e| {
        // `variants[0].price` → `variants.0.price`, the form validation errors use.
        let path = e.path().to_string().replace('[', ".").replace(']', "");
        let message = e.inner().to_string();
        // A missing field is reported by its parent; name the field itself.
        let field = match (path.as_str(), missing_field(&message)) {
            (".", Some(name)) => name.to_owned(),
            (p, Some(name)) => format!("{p}.{name}"),
            (p, None) => p.to_owned(),
        };
        ApiError::validation(BTreeMap::from([(field, vec![clean_serde_message(&message)])]))
    })?;
    value.validate().map_err(|e| ApiError::validation(flatten(&e)))?;
    Ok(value)
}

/// The dotted path of the first string (or key) holding a NUL character.
fn path_of_nul(value: &serde_json::Value, path: String) -> Option<String> {
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    match value {
        serde_json::Value::String(s) => {
            s.contains('\0').then(|| if path.is_empty() { "body".to_owned() } else { path })
        }
        serde_json::Value::Array(items) => {
            items.iter().enumerate().find_map(|(i, v)| path_of_nul(v, join(&i.to_string())))
        }
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            if k.contains('\0') { Some(join(&k.replace('\0', ""))) } else { path_of_nul(v, join(k)) }
        }),
        _ => None,
    }
}

fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

fn clean_serde_message(message: &str) -> String {
    if missing_field(message).is_some() {
        return "is required".to_owned();
    }
    message.split(" at line ").next().unwrap_or(message).to_owned()
}

/// Validation errors as `{"field": [messages]}`, nested fields as dotted paths (`variants.0.price`).
pub fn flatten(errors: &ValidationErrors) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    collect(errors, "", &mut out);
    out
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut BTreeMap<String, Vec<String>>) {
    for (field, kind) in &errors.0 {
        let path = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => {
                out.entry(path).or_default().extend(list.iter().map(message_of));
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}.{index}"), out);
                }
            }
        }
    }
}

fn message_of(error: &validator::ValidationError) -> String {
    if let Some(message) = &error.message {
        return message.to_string();
    }
    let param = |name: &str| error.params.get(name).map(ToString::to_string);
    match error.code.as_ref() {
        "email" => "must be a valid email address".to_owned(),
        "length" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be {min} to {max} characters"),
            (Some(min), None) => format!("must be at least {min} characters"),
            (None, Some(max)) => format!("must be at most {max} characters"),
            _ => "has the wrong length".to_owned(),
        },
        "range" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}"),
            (Some(min), None) => format!("must be at least {min}"),
            (None, Some(max)) => format!("must be at most {max}"),
            _ => "is out of range".to_owned(),
        },
        "url" => "must be a valid URL".to_owned(),
        other => other.replace('_', " "),
    }
}

/// Query parameters, deserialized and validated; a bad query string is a 422 keyed by parameter.
pub struct ValidQuery<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidQuery<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        if req.query_string().to_ascii_lowercase().contains("%00") {
            let error = ApiError::validation(BTreeMap::from([(
                "query".to_owned(),
                vec!["must not contain NUL characters".to_owned()],
            )]));
            return std::future::ready(Err(error));
        }
        let result = serde_urlencoded_path(req.query_string()).and_then(|value: T| {
            value.validate().map_err(|e| ApiError::validation(flatten(&e)))?;
            Ok(ValidQuery(value))
        });
        std::future::ready(result)
    }
}

fn serde_urlencoded_path<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    web::Query::<T>::from_query(query).map(web::Query::into_inner).map_err(|e| {
        let message = e.to_string();
        let message = message.trim_start_matches("Query deserialize error: ");
        let field = missing_field(message).unwrap_or("query").to_owned();
        ApiError::validation(BTreeMap::from([(field, vec![clean_serde_message(message)])]))
    })
}
