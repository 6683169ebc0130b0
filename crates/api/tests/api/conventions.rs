//! HTTP conventions: request ids, problem details, health, the spec and the docs page.

use kaimono_test_support::*;
use serde_json::json;

db_tests!(
    every_response_has_a_request_id_and_errors_are_problem_json,
    health_endpoints_report_liveness_and_readiness,
    the_served_spec_and_docs_work_offline,
    hostile_input_gets_a_clear_error_never_a_500,
);

async fn every_response_has_a_request_id_and_errors_are_problem_json(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.client.get(app.url("/api/v1/shops")).send().await.unwrap();
    assert!(response.headers().contains_key("x-request-id"));
    let response = app.client.get(app.url("/api/v1/shops")).header("x-request-id", "abc-123").send().await.unwrap();
    assert_eq!(response.headers()["x-request-id"], "abc-123", "a sane caller id is kept");
    let response = app.client.get(app.url("/api/v1/no-such-thing")).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    assert!(response.headers().contains_key("x-request-id"));
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["type"], "urn:kaimono:problem:not_found");
    assert_eq!(body["status"], 404);

    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let response = app.client.post(app.url("/api/v1/auth/login")).body("email=a").send().await.unwrap();
    assert_eq!(response.status().as_u16(), 415);
    let (status, body) =
        app.post("/api/v1/auth/login", None, json!({"email": "a@example.test", "password": "x", "admin": true})).await;
    assert_eq!(status, 422, "unknown fields are refused: {body}");
    let (status, _) =
        app.post("/api/v1/auth/login", None, json!({"email": "x".repeat(300_000), "password": "x"})).await;
    assert_eq!(status, 413);
}

async fn health_endpoints_report_liveness_and_readiness(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/health/live", None).await, (200, json!({"status": "ok"})));
    assert_eq!(app.get("/health/ready", None).await, (200, json!({"status": "ok"})));
}

async fn the_served_spec_and_docs_work_offline(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, served) = app.get("/api/openapi.json", None).await;
    assert_eq!(status, 200);
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(served, committed, "the served spec is the committed one");
    let docs = app.client.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(docs.status().as_u16(), 200);
    let html = docs.text().await.unwrap();
    assert!(!html.contains("cdn") && !html.contains("unpkg"), "no CDN");
    let asset = app.client.get(app.url("/api/docs/swagger-ui-bundle.js")).send().await.unwrap();
    assert_eq!(asset.status().as_u16(), 200, "assets are served locally");
}

async fn hostile_input_gets_a_clear_error_never_a_500(backend: Backend) {
    let app = spawn_app(backend).await;
    let member = signup_member(&app, "hostile@example.test").await;
    let t = Some(member.access_token.as_str());
    let (status, body) = app.patch("/api/v1/me", t, json!({"name": "evil\u{0}name"})).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"]["name"][0], "must not contain NUL characters");
    let (status, _) = app.get("/api/v1/products?keyword=%00", None).await;
    assert_eq!(status, 422);
    let cases = [
        ("/api/v1/me/addresses", json!({"postal_code": "1500001", "prefecture": 99999999, "city": "x"})),
        ("/api/v1/me/addresses", json!(["not", "an", "object"])),
        ("/api/v1/me/addresses", json!({"postal_code": {"$ne": null}})),
        ("/api/v1/auth/login", json!({"email": "' OR 1=1 --@x.test", "password": "x"})),
        ("/api/v1/auth/signup", json!({"email": "<script>@x.test"})),
    ];
    for (path, body) in cases {
        let (status, reply) = app.post(path, t, body.clone()).await;
        assert!((400..500).contains(&status), "{path} {body} -> {status} {reply}");
        assert!(reply["code"].is_string(), "{reply}");
    }
    let (status, _) = app.get("/api/v1/products?keyword=%27%20OR%201%3D1%20--", None).await;
    assert_eq!(status, 200, "SQL in a keyword is just text");
    let (_, me) = app.get("/api/v1/me", t).await;
    assert_eq!(me["name"], "山田 太郎", "nothing was changed by refused input");
}
