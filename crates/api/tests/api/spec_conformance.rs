//! The spec says what the server does: every kind of bad request is sent to every operation of the
//! served spec, and each answer's status must be one the operation documents; a query parameter the
//! server refuses must carry the bound in the spec.

use kaimono_test_support::*;
use serde_json::Value;

db_tests!(every_operation_documents_every_status_it_answers_and_every_bound_it_enforces);

struct Operation {
    method: reqwest::Method,
    path: String,
    spec: Value,
}

impl Operation {
    fn documented(&self) -> Vec<u16> {
        self.spec["responses"].as_object().unwrap().keys().filter_map(|k| k.parse().ok()).collect()
    }

    fn parameters(&self, place: &str) -> Vec<&Value> {
        self.spec["parameters"].as_array().map(|p| p.iter().filter(|p| p["in"] == place).collect()).unwrap_or_default()
    }

    fn secured(&self) -> bool {
        self.spec["security"].as_array().is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()))
    }

    fn idempotent(&self) -> bool {
        self.parameters("header").iter().any(|p| p["name"] == "Idempotency-Key")
    }

    /// The path with every `{id}` replaced by `value`.
    fn url(&self, value: &str) -> String {
        let mut url = String::new();
        for (i, part) in self.path.split('{').enumerate() {
            match (i, part.split_once('}')) {
                (0, _) | (_, None) => url.push_str(part),
                (_, Some((_, rest))) => {
                    url.push_str(value);
                    url.push_str(rest);
                }
            }
        }
        url
    }
}

fn operations(spec: &Value) -> Vec<Operation> {
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        if !path.starts_with("/api/v1") || path.starts_with("/api/v1/dev") {
            continue;
        }
        for (method, op) in item.as_object().unwrap() {
            let Ok(method) = method.to_uppercase().parse::<reqwest::Method>() else { continue };
            out.push(Operation { method, path: path.clone(), spec: op.clone() });
        }
    }
    out
}

async fn every_operation_documents_every_status_it_answers_and_every_bound_it_enforces(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, spec) = app.get("/api/openapi.json", None).await;
    let (_, member) = fast_member(&app, "member@example.test").await;
    let operator = create_operator(&app).await.access_token;
    let mut problems = Vec::new();
    let mut key = 0;
    let ops = operations(&spec);
    assert!(ops.len() > 50, "{} operations", ops.len());
    for op in &ops {
        let token =
            if op.path.starts_with("/api/v1/me") || op.path.contains("payment-requests") { &member } else { &operator };
        let documented = op.documented();
        let mut send =
            |url: String, token: Option<&str>, body: Option<(&'static str, &'static str)>, with_key: bool| {
                key += 1;
                let mut request = app.client.request(op.method.clone(), app.url(&url));
                if let Some(token) = token {
                    request = request.bearer_auth(token);
                }
                if with_key {
                    request = request.header("Idempotency-Key", format!("conformance-{key}"));
                }
                if let Some((content_type, body)) = body {
                    request = request.header("content-type", content_type).body(body);
                }
                request
            };
        let has_body = op.spec.get("requestBody").is_some();
        let json_body = has_body.then_some(("application/json", "{}"));
        let random = uuid::Uuid::now_v7().to_string();
        let mut cases = vec![
            ("unknown ids", send(op.url(&random), Some(token), json_body, true)),
            ("malformed ids", send(op.url("not-an-id"), Some(token), json_body, true)),
        ];
        if op.secured() {
            cases.push(("no token", send(op.url(&random), None, json_body, true)));
            cases.push(("a forged token", send(op.url(&random), Some("forged.token.value"), json_body, true)));
        }
        if has_body {
            cases.push(("not JSON", send(op.url(&random), Some(token), Some(("text/plain", "hello")), true)));
            cases.push(("broken JSON", send(op.url(&random), Some(token), Some(("application/json", "{")), true)));
        }
        if op.idempotent() {
            cases.push(("no Idempotency-Key", send(op.url(&random), Some(token), json_body, false)));
        }
        for (case, request) in cases {
            let status = request.send().await.unwrap().status().as_u16();
            if !documented.contains(&status) {
                problems
                    .push(format!("{} {}: {case} answered {status}, documented {documented:?}", op.method, op.path));
            }
        }
        // Integer query parameters: out-of-range values are refused only where the spec says so.
        for param in op.parameters("query") {
            let schema = &param["schema"];
            let integer =
                schema["type"] == "integer" || schema["type"].as_array().is_some_and(|t| t.contains(&"integer".into()));
            if !integer {
                continue;
            }
            let name = param["name"].as_str().unwrap();
            let minimum = schema["minimum"].as_i64();
            let maximum = schema["maximum"].as_i64();
            // The other required parameters at a value the spec allows, so only this one is probed.
            let others: String = op
                .parameters("query")
                .into_iter()
                .filter(|p| p["required"] == true && p["name"] != name)
                .filter_map(|p| {
                    let s = &p["schema"];
                    let value = match (s["type"].as_str(), s["format"].as_str()) {
                        (Some("integer"), _) => s["minimum"].as_i64().unwrap_or(1).to_string(),
                        (Some("string"), Some("date")) => "2026-12-02".to_owned(),
                        _ => return None,
                    };
                    Some(format!("&{}={value}", p["name"].as_str().unwrap()))
                })
                .collect();
            for value in [minimum.map_or(-1, |m| m - 1), maximum.map_or(1_000_000, |m| m + 1), 0] {
                let url = format!("{}?{name}={value}{others}", op.url(&random));
                let status = send(url, Some(token), json_body, true).send().await.unwrap().status().as_u16();
                let allowed = minimum.is_none_or(|m| value >= m) && maximum.is_none_or(|m| value <= m);
                if status == 422 && allowed {
                    problems.push(format!("{} {}: {name}={value} refused but the spec allows it", op.method, op.path));
                }
                if !documented.contains(&status) {
                    problems.push(format!("{} {}: {name}={value} answered {status}, undocumented", op.method, op.path));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Integrators read the spec: every field of every schema says what it is.
#[test]
fn every_schema_field_has_a_description() {
    let spec = serde_json::to_value(kaimono_api::app::openapi_spec()).unwrap();
    let described = |field: &Value| {
        field.get("description").is_some()
            || field["oneOf"]
                .as_array()
                .is_some_and(|alternatives| alternatives.iter().any(|a| a.get("description").is_some()))
    };
    let mut missing = Vec::new();
    for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
        for (field, definition) in schema["properties"].as_object().into_iter().flatten() {
            if !described(definition) {
                missing.push(format!("{name}.{field}"));
            }
        }
    }
    assert!(missing.is_empty(), "fields without a description: {missing:?}");
}

/// Every `$ref` points at a schema the spec defines (a type used only in query parameters is easily
/// referenced without being registered, and code generators then refuse the whole spec).
#[test]
fn every_reference_resolves() {
    fn refs(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    found.push(target.clone());
                }
                map.values().for_each(|v| refs(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
            _ => {}
        }
    }
    let spec = serde_json::to_value(kaimono_api::app::openapi_spec()).unwrap();
    let mut found = Vec::new();
    refs(&spec, &mut found);
    let dangling: Vec<_> = found
        .into_iter()
        .filter(|target| {
            let path = target.trim_start_matches("#/").replace("~1", "/");
            spec.pointer(&format!("/{path}")).is_none()
        })
        .collect();
    assert!(dangling.is_empty(), "references to nothing: {dangling:?}");
}

/// The spec lists every error code the server can send (the SPA's translations are typed by it).
#[test]
fn the_spec_lists_every_error_code() {
    let spec = serde_json::to_value(kaimono_api::app::openapi_spec()).unwrap();
    let listed: Vec<&str> = spec["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let codes: Vec<&str> = kaimono_api::error::ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(listed, codes);
}
