//! `openapi/openapi.json` must be exactly what the code produces. Regenerate with
//! `cargo run -p kaimono-api -- openapi --output openapi/openapi.json` (or `just openapi`).
#![allow(clippy::unwrap_used)]

#[test]
fn committed_openapi_spec_is_fresh() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let generated = kaimono_api::app::openapi_json().unwrap();
    assert!(committed == generated, "openapi/openapi.json is stale: run `just openapi` and commit the result");
}

#[test]
fn every_operation_has_an_id_a_summary_a_tag_security_and_problem_responses() {
    let spec: serde_json::Value = serde_json::from_str(&kaimono_api::app::openapi_json().unwrap()).unwrap();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let at = format!("{method} {path}");
            assert!(op["operationId"].is_string(), "{at}: operationId");
            assert!(op["summary"].is_string(), "{at}: summary");
            assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{at}: tag");
            assert!(op["security"].is_array(), "{at}: security");
            let problems = op["responses"]
                .as_object()
                .unwrap()
                .iter()
                .filter(|(code, _)| code.starts_with('4') || code.starts_with('5'))
                .count();
            if !path.starts_with("/health/live") {
                assert!(problems > 0, "{at}: error responses");
            }
        }
    }
}
