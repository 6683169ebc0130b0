//! Issue 8, security: the takeover default, the login throttle under concurrency and from several
//! addresses, link-mail limits, tokens of gone accounts, stock bounds, security headers, slow bodies.

use kaimono_accounts::Role;
use kaimono_test_support::*;
use serde_json::{Value, json};
use std::net::{IpAddr, Ipv4Addr};

db_tests!(
    production_refuses_to_start_with_demo_logins,
    acc02_fifty_concurrent_guesses_reach_the_password_check_at_most_five_times,
    acc02_a_guesser_slows_only_his_own_address_and_a_reset_clears_the_owners_counter,
    acc01_acc03_link_requests_do_the_same_work_for_known_and_unknown_emails_and_are_limited_per_address,
    acc02_tokens_of_missing_accounts_and_tokens_from_before_a_password_reset_are_refused,
    acc02_three_tabs_refreshing_at_once_keep_the_session,
    cat03_stock_and_adjustments_stay_within_their_bound,
    every_kind_of_response_carries_the_security_headers,
    a_request_body_that_never_arrives_is_answered_408,
);

async fn production_refuses_to_start_with_demo_logins(backend: Backend) {
    let app = spawn_app(backend).await;
    kaimono_api::seed::seed_demo(&app.db, &app.state.storage, app.clock_now()).await.unwrap();
    let mut config = (*app.state.config).clone();
    config.env = kaimono_api::config::Environment::Production;
    let clock: kaimono_core::SharedClock = app.clock.clone();
    let err = kaimono_api::server::prepare(config, clock).await.err().expect("production must refuse demo logins");
    let message = err.to_string();
    assert!(message.contains("operator@demo.kaimono.jp") && message.contains("published password"), "{message}");
}

/// A client whose connections come from `ip` (any 127.x address reaches the server on loopback).
fn client_from(ip: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder().local_address(IpAddr::V4(Ipv4Addr::from(ip))).build().unwrap()
}

async fn try_login(app: &TestApp, client: &reqwest::Client, email: &str, password: &str) -> u16 {
    let body = json!({"email": email, "password": password});
    client.post(app.url("/api/v1/auth/login")).json(&body).send().await.unwrap().status().as_u16()
}

async fn acc02_fifty_concurrent_guesses_reach_the_password_check_at_most_five_times(backend: Backend) {
    let app = spawn_app(backend).await;
    signup_member(&app, "target@example.test").await;
    let client = client_from([127, 0, 0, 1]);
    let guesses = (0..50).map(|i| {
        let (app, client) = (&app, &client);
        async move { try_login(app, client, "target@example.test", &format!("guess-{i}")).await }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert!(checked <= 5, "{checked} guesses reached the password check: {statuses:?}");
    assert_eq!(checked + throttled, 50, "{statuses:?}");
}

async fn acc02_a_guesser_slows_only_his_own_address_and_a_reset_clears_the_owners_counter(backend: Backend) {
    let app = spawn_app(backend).await;
    signup_member(&app, "owner@example.test").await;
    let (attacker, owner) = (client_from([127, 0, 0, 2]), client_from([127, 0, 0, 3]));
    for i in 0..8 {
        try_login(&app, &attacker, "owner@example.test", &format!("guess-{i}")).await;
    }
    assert_eq!(try_login(&app, &attacker, "owner@example.test", PASSWORD).await, 429, "the guesser waits");
    assert_eq!(try_login(&app, &owner, "owner@example.test", PASSWORD).await, 200, "the owner does not");

    // The owner mistypes five times from home, then resets the password: signing in works at once.
    for _ in 0..5 {
        try_login(&app, &owner, "owner@example.test", "mistyped").await;
    }
    assert_eq!(try_login(&app, &owner, "owner@example.test", PASSWORD).await, 429);
    app.post("/api/v1/auth/password-reset", None, json!({"email": "owner@example.test"})).await;
    let token = app.link_token("owner@example.test", "/password-reset/complete").await;
    let (status, body) = app
        .post("/api/v1/auth/password-reset/complete", None, json!({"token": token, "password": "a new password 1"}))
        .await;
    assert_eq!(status, 204, "{body}");
    assert_eq!(try_login(&app, &owner, "owner@example.test", "a new password 1").await, 200);
}

async fn acc01_acc03_link_requests_do_the_same_work_for_known_and_unknown_emails_and_are_limited_per_address(
    backend: Backend,
) {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let app = spawn_app(backend).await;
    signup_member(&app, "known@example.test").await;
    let outbox_before = kaimono_entity::outbox_email::Entity::find().count(&app.db).await.unwrap();
    for (path, email) in [
        ("/api/v1/auth/signup", "known@example.test"),
        ("/api/v1/auth/signup", "unknown@example.test"),
        ("/api/v1/auth/password-reset", "known@example.test"),
        ("/api/v1/auth/password-reset", "nobody@example.test"),
    ] {
        let (status, _) = app.post(path, None, json!({"email": email})).await;
        assert_eq!(status, 202);
    }
    // The requests only queued themselves: no lookup decided anything yet, no mail was written.
    let queued = kaimono_entity::link_request::Entity::find().count(&app.db).await.unwrap();
    let outbox = kaimono_entity::outbox_email::Entity::find().count(&app.db).await.unwrap();
    assert_eq!((queued, outbox), (4, outbox_before));
    assert_eq!(app.send_links().await, 4);
    let templates =
        |mails: Vec<Value>| mails.iter().map(|m| m["template"].as_str().unwrap().to_owned()).collect::<Vec<_>>();
    let known = templates(app.mailbox("known@example.test").await);
    assert_eq!(known.iter().filter(|t| *t == "signup").count(), 1, "only the first sign-up link: {known:?}");
    assert_eq!(known.iter().filter(|t| *t == "password_reset").count(), 1, "{known:?}");
    assert_eq!(templates(app.mailbox("unknown@example.test").await), vec!["signup".to_owned()]);
    assert!(app.mailbox("nobody@example.test").await.is_empty());

    // Five link requests per address an hour, for registered and unknown addresses alike.
    for email in ["known@example.test", "stranger@example.test"] {
        let mut statuses = Vec::new();
        for _ in 0..6 {
            statuses.push(app.post("/api/v1/auth/password-reset", None, json!({"email": email})).await.0);
        }
        let limited = if email.starts_with("known") { 2 } else { 5 }; // known@ has used three already
        assert_eq!(statuses.iter().filter(|s| **s == 202).count(), limited, "{email}: {statuses:?}");
        assert_eq!(*statuses.last().unwrap(), 429);
    }
}

async fn acc02_tokens_of_missing_accounts_and_tokens_from_before_a_password_reset_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let ghost = token_for(&app, &uuid::Uuid::now_v7().to_string(), Role::Member);
    let (status, body) = app.get("/api/v1/me", Some(&ghost)).await;
    assert_eq!((status, body["code"].as_str()), (401, Some("invalid_token")));
    let (status, body) = app.get("/api/v1/me/orders", Some(&ghost)).await;
    assert_eq!((status, body["code"].as_str()), (401, Some("invalid_token")), "no empty 200 for nobody");
    let address = json!({"postal_code": "1500001", "prefecture": 13, "city": "渋谷区", "street": "神宮前1-1",
        "recipient_name": "山田 太郎", "recipient_kana": "ヤマダ タロウ", "phone": "090-1234-5678"});
    let (status, body) = app.post("/api/v1/me/addresses", Some(&ghost), address).await;
    assert_eq!((status, body["code"].as_str()), (401, Some("invalid_token")));
    let (status, _) = app
        .post("/api/v1/me/cart/items", Some(&ghost), json!({"variant_id": uuid::Uuid::now_v7(), "quantity": 1}))
        .await;
    assert_eq!(status, 401);

    let member = signup_member(&app, "reset@example.test").await;
    assert_eq!(app.get("/api/v1/me", Some(&member.access_token)).await.0, 200);
    app.post("/api/v1/auth/password-reset", None, json!({"email": "reset@example.test"})).await;
    let token = app.link_token("reset@example.test", "/password-reset/complete").await;
    app.post("/api/v1/auth/password-reset/complete", None, json!({"token": token, "password": "brand new pass"})).await;
    let (status, body) = app.get("/api/v1/me", Some(&member.access_token)).await;
    assert_eq!((status, body["code"].as_str()), (401, Some("invalid_token")), "issued before the reset");
    let fresh = login(&app, "reset@example.test", "brand new pass").await;
    assert_eq!(app.get("/api/v1/me", Some(&fresh.access_token)).await.0, 200);
}

async fn acc02_three_tabs_refreshing_at_once_keep_the_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let session = signup_member(&app, "tabs@example.test").await;
    let refresh = || app.post("/api/v1/auth/refresh", None, json!({"refresh_token": session.refresh_token}));
    let (a, b, c) = tokio::join!(refresh(), refresh(), refresh());
    for (status, body) in [&a, &b, &c] {
        assert_eq!(*status, 200, "{body}");
    }
    let next = a.1["refresh_token"].as_str().unwrap();
    assert_eq!(Some(next), b.1["refresh_token"].as_str(), "one new pair for all three tabs");
    assert_eq!(Some(next), c.1["refresh_token"].as_str());
    let (status, body) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": next})).await;
    assert_eq!(status, 200, "the session lives on: {body}");
    // Past the grace window the replaced token is reuse again, and ends the session.
    app.clock.advance(kaimono_accounts::REFRESH_GRACE + chrono::Duration::seconds(1));
    let (status, _) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": session.refresh_token})).await;
    assert_eq!(status, 401);
}

async fn cat03_stock_and_adjustments_stay_within_their_bound(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "bound").await;
    let variant = stocked_product(
        &app,
        &shop,
        "B",
        0,
        json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"}),
    )
    .await;
    let staff = Some(shop.staff.access_token.as_str());
    let path = format!("/api/v1/shops/{}/stock/{variant}", shop.id);
    let (status, _) = app.put(&path, staff, json!({"quantity": 1_000_000})).await;
    assert_eq!(status, 200);
    let (status, body) = app.put(&path, staff, json!({"quantity": 1_000_001})).await;
    assert_eq!((status, body["errors"]["quantity"].is_array()), (422, true), "{body}");
    let (status, body) = app.post(&format!("{path}/adjustments"), staff, json!({"delta": 1})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("stock_limit")), "{body}");
    assert!(body["errors"]["delta"][0].as_str().unwrap().contains("1000000"), "the bound is named: {body}");
    let (status, _) = app.post(&format!("{path}/adjustments"), staff, json!({"delta": 1_000_001})).await;
    assert_eq!(status, 422);
    assert_eq!(shelf(&app, &shop, &variant).await, 1_000_000, "nothing changed");
    let (status, _) = app.post(&format!("{path}/adjustments"), staff, json!({"delta": -1})).await;
    assert_eq!(status, 200);
    let (status, _) = app.get("/api/v1/products", None).await;
    assert_eq!(status, 200, "the catalog still answers");
}

fn assert_security_headers(response: &reqwest::Response, what: &str) {
    let h = response.headers();
    let csp = h.get("content-security-policy").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    assert!(csp.contains("script-src 'self'") && !csp.contains("script-src 'self' 'unsafe-inline'"), "{what}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert_eq!(h.get("x-content-type-options").map(|v| v.to_str().unwrap()), Some("nosniff"), "{what}");
    assert!(h.contains_key("referrer-policy"), "{what}");
    assert!(h.contains_key("permissions-policy"), "{what}");
}

async fn every_kind_of_response_carries_the_security_headers(backend: Backend) {
    let app = spawn_app(backend.clone()).await;
    let member = signup_member(&app, "headers@example.test").await;
    for (path, token, status) in [
        ("/api/v1/products", None, 200),
        ("/api/v1/me", Some(member.access_token.as_str()), 200),
        ("/api/v1/me", None, 401),
        ("/api/v1/nowhere", None, 404),
        ("/api/docs/", None, 200),
        ("/api/openapi.json", None, 200),
        ("/health/live", None, 200),
    ] {
        let mut request = app.client.get(app.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{path}");
        assert_security_headers(&response, path);
        assert!(!response.headers().contains_key("strict-transport-security"), "no HSTS in development");
    }
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "headers@example.test", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["cache-control"], "no-store", "tokens are never cached");
    let response = app.client.get(app.url("/api/v1/me")).bearer_auth(&member.access_token).send().await.unwrap();
    assert_eq!(response.headers()["cache-control"], "no-store", "personal data is never cached");
    // The docs page runs no inline script, so the policy does not break it.
    let docs = app.client.get(app.url("/api/docs/")).send().await.unwrap().text().await.unwrap();
    assert!(!docs.contains("<script>") && !docs.contains("<script >"), "{docs}");

    let production = spawn_app_with(
        backend,
        Options { env: kaimono_api::config::Environment::Production, dev_mailbox: false, ..Default::default() },
    )
    .await;
    let response = production.client.get(production.url("/api/v1/products")).send().await.unwrap();
    assert!(response.headers()["strict-transport-security"].to_str().unwrap().starts_with("max-age="));
}

async fn a_request_body_that_never_arrives_is_answered_408(backend: Backend) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let limits = kaimono_api::config::Limits { request_body: std::time::Duration::from_secs(1), ..Default::default() };
    let app = spawn_app_with(backend, Options { limits, ..Default::default() }).await;
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"email\""
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 4096];
    let read = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut answer))
        .await
        .expect("answered, not held forever")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("request_timeout"), "{answer}");
}
