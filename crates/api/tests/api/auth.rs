//! ACC-01 … ACC-03 and ACC-04 login for staff.

use kaimono_test_support::*;
use serde_json::json;

db_tests!(
    acc01_signup_mails_a_single_use_link_that_completes_registration,
    acc01_signup_answers_the_same_for_registered_emails_and_sends_no_link,
    acc01_signup_link_expires_after_24_hours,
    acc01_signup_rejects_bad_input_with_field_errors,
    acc01_english_signup_gets_an_english_email,
    acc02_login_succeeds_and_fails_without_telling_which_part_was_wrong,
    acc02_refresh_rotates_and_reuse_revokes_the_whole_session,
    acc02_logout_revokes_the_session,
    acc02_repeated_failed_logins_are_throttled_per_account,
    acc02_expired_and_tampered_access_tokens_are_refused,
    acc03_password_reset_link_sets_a_new_password_and_revokes_every_session,
    acc03_password_reset_answers_the_same_for_unknown_emails,
    acc03_password_reset_link_expires_after_an_hour,
    housekeeping_prunes_old_attempts_links_and_sessions_but_keeps_live_ones,
    acc02_browsers_keep_the_refresh_token_in_an_http_only_cookie,
    acc06_a_signup_link_brings_the_member_back_to_the_subscription_checkout,
);

async fn acc01_signup_mails_a_single_use_link_that_completes_registration(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, body) = app.post("/api/v1/auth/signup", None, json!({"email": "Hanako@Example.test"})).await;
    assert_eq!(status, 202, "{body}");
    let mails = app.mailbox("hanako@example.test").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0]["subject"], "【kaimono】会員登録のご案内");
    assert!(mails[0]["body"].as_str().unwrap().contains("http://kaimono.test/signup/complete?token="));

    let token = app.link_token("hanako@example.test", "/signup/complete").await;
    let (status, body) = app.post("/api/v1/auth/signup/complete", None, signup_details(&token)).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["account"]["email"], "hanako@example.test");
    assert_eq!(body["account"]["role"], "member");
    assert_eq!(body["account"]["phone"], "09012345678");
    assert_eq!(body["token_type"], "Bearer");
    let access = body["access_token"].as_str().unwrap();

    let (status, me) = app.get("/api/v1/me", Some(access)).await;
    assert_eq!(status, 200);
    assert_eq!(me["name_kana"], "ヤマダ タロウ");
    // A welcome email follows.
    assert!(app.mailbox("hanako@example.test").await.iter().any(|m| m["template"] == "welcome"));

    // The link works once.
    let (status, body) = app.post("/api/v1/auth/signup/complete", None, signup_details(&token)).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["code"], "link_invalid");
    assert!(body["errors"]["token"].is_array());
    // And the password set at completion signs in.
    login(&app, "hanako@example.test", PASSWORD).await;
}

async fn acc01_signup_answers_the_same_for_registered_emails_and_sends_no_link(backend: Backend) {
    let app = spawn_app(backend).await;
    signup_member(&app, "taken@example.test").await;
    let before = app.mailbox("taken@example.test").await.len();
    let (status_known, known) = app.post("/api/v1/auth/signup", None, json!({"email": "taken@example.test"})).await;
    let (status_new, new) = app.post("/api/v1/auth/signup", None, json!({"email": "fresh@example.test"})).await;
    assert_eq!((status_known, status_new), (202, 202));
    assert_eq!(known, new, "the answer must not reveal whether the email is registered");
    assert_eq!(app.mailbox("taken@example.test").await.len(), before, "no link for an existing account");
}

async fn acc01_signup_link_expires_after_24_hours(backend: Backend) {
    let app = spawn_app(backend).await;
    app.post("/api/v1/auth/signup", None, json!({"email": "late@example.test"})).await;
    let token = app.link_token("late@example.test", "/signup/complete").await;
    app.clock.advance(chrono::Duration::hours(24) + chrono::Duration::seconds(1));
    let (status, body) = app.post("/api/v1/auth/signup/complete", None, signup_details(&token)).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["code"], "link_expired");
    // A made-up token is invalid, not expired.
    let (_, body) = app.post("/api/v1/auth/signup/complete", None, signup_details("made-up")).await;
    assert_eq!(body["code"], "link_invalid");
}

async fn acc01_signup_rejects_bad_input_with_field_errors(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, body) = app.post("/api/v1/auth/signup", None, json!({"email": "not-an-email"})).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"]["email"][0], "must be a valid email address");
    let (status, body) = app.post("/api/v1/auth/signup", None, json!({})).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"]["email"][0], "is required");
    let (status, body) =
        app.post("/api/v1/auth/signup", None, json!({"email": "a@example.test", "locale": "fr"})).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["errors"]["locale"].is_array());

    app.post("/api/v1/auth/signup", None, json!({"email": "x@example.test"})).await;
    let token = app.link_token("x@example.test", "/signup/complete").await;
    let bad = json!({"token": token, "password": "short", "name": " ", "name_kana": "山田", "phone": "12345"});
    let (status, body) = app.post("/api/v1/auth/signup/complete", None, bad).await;
    assert_eq!(status, 422, "{body}");
    for field in ["password", "name", "name_kana", "phone"] {
        assert!(body["errors"][field].is_array(), "{field} should be reported: {body}");
    }
    // Bad input lost nothing: the link still works.
    let (status, _) = app.post("/api/v1/auth/signup/complete", None, signup_details(&token)).await;
    assert_eq!(status, 201);
}

async fn acc01_english_signup_gets_an_english_email(backend: Backend) {
    let app = spawn_app(backend).await;
    app.post("/api/v1/auth/signup", None, json!({"email": "en@example.test", "locale": "en"})).await;
    let mails = app.mailbox("en@example.test").await;
    assert_eq!(mails[0]["subject"], "[kaimono] Complete your registration");
    let token = app.link_token("en@example.test", "/signup/complete").await;
    let (_, body) = app.post("/api/v1/auth/signup/complete", None, signup_details(&token)).await;
    assert_eq!(body["account"]["locale"], "en");
}

async fn acc02_login_succeeds_and_fails_without_telling_which_part_was_wrong(backend: Backend) {
    let app = spawn_app(backend).await;
    signup_member(&app, "member@example.test").await;
    let session = login(&app, "MEMBER@example.test", PASSWORD).await;
    assert_eq!(session.email, "member@example.test");
    let (wrong_password, a) =
        app.post("/api/v1/auth/login", None, json!({"email": "member@example.test", "password": "nope-nope"})).await;
    let (unknown_email, b) =
        app.post("/api/v1/auth/login", None, json!({"email": "ghost@example.test", "password": "nope-nope"})).await;
    assert_eq!((wrong_password, unknown_email), (401, 401));
    assert_eq!(a, b);
    assert_eq!(a["code"], "invalid_credentials");
    let (status, _) = app.post("/api/v1/auth/login", None, json!({"email": "member@example.test"})).await;
    assert_eq!(status, 422);
}

async fn acc02_refresh_rotates_and_reuse_revokes_the_whole_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = signup_member(&app, "rotate@example.test").await;
    let (status, second) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": first.refresh_token})).await;
    assert_eq!(status, 200, "{second}");
    let second_refresh = second["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(second_refresh, first.refresh_token);
    let (status, _) = app.get("/api/v1/me", second["access_token"].as_str()).await;
    assert_eq!(status, 200);

    // Replaying the rotated token after the grace window is taken as theft: the whole family dies, the
    // newest token included.
    app.clock.advance(kaimono_accounts::REFRESH_GRACE + chrono::Duration::seconds(1));
    let (status, body) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": first.refresh_token})).await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], "session_invalid");
    let (status, _) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": second_refresh})).await;
    assert_eq!(status, 401, "the newer token of a reused family must be revoked too");
    // Another session of the same member is untouched.
    let other = login(&app, "rotate@example.test", PASSWORD).await;
    let (status, _) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": other.refresh_token})).await;
    assert_eq!(status, 200);
}

async fn acc02_logout_revokes_the_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let session = signup_member(&app, "bye@example.test").await;
    let (status, _) = app.post("/api/v1/auth/logout", None, json!({"refresh_token": session.refresh_token})).await;
    assert_eq!(status, 204);
    let (status, _) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": session.refresh_token})).await;
    assert_eq!(status, 401);
    let (status, _) = app.post("/api/v1/auth/logout", None, json!({})).await;
    assert_eq!(status, 204, "signing out without a session is harmless");
    let (status, _) = app.post("/api/v1/auth/logout", None, json!({"refresh_token": 42})).await;
    assert_eq!(status, 422);
}

async fn acc02_repeated_failed_logins_are_throttled_per_account(backend: Backend) {
    let app = spawn_app(backend).await;
    signup_member(&app, "target@example.test").await;
    let wrong = json!({"email": "target@example.test", "password": "wrong-password"});
    for _ in 0..5 {
        let (status, _) = app.post("/api/v1/auth/login", None, wrong.clone()).await;
        assert_eq!(status, 401);
    }
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "target@example.test", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429, "even the right password waits out the throttle");
    let retry_after: i64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry_after > 0 && retry_after <= 900, "{retry_after}");
    assert_eq!(response.json::<serde_json::Value>().await.unwrap()["code"], "too_many_attempts");
    app.clock.advance(chrono::Duration::minutes(16));
    login(&app, "target@example.test", PASSWORD).await;
}

async fn acc02_expired_and_tampered_access_tokens_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let session = signup_member(&app, "tokens@example.test").await;
    let (status, body) = app.get("/api/v1/me", None).await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], "unauthenticated");
    let mut tampered = session.access_token.clone();
    tampered.pop();
    tampered.push(if session.access_token.ends_with('A') { 'B' } else { 'A' });
    let (status, body) = app.get("/api/v1/me", Some(&tampered)).await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], "invalid_token");
    let (status, _) = app.get("/api/v1/me", Some("garbage")).await;
    assert_eq!(status, 401);
    app.clock.advance(chrono::Duration::minutes(15));
    let (status, body) = app.get("/api/v1/me", Some(&session.access_token)).await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], "token_expired");
    // The refresh token still gets a fresh access token.
    let (status, _) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": session.refresh_token})).await;
    assert_eq!(status, 200);
}

async fn acc03_password_reset_link_sets_a_new_password_and_revokes_every_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let session = signup_member(&app, "forgot@example.test").await;
    let (status, _) = app.post("/api/v1/auth/password-reset", None, json!({"email": "forgot@example.test"})).await;
    assert_eq!(status, 202);
    let token = app.link_token("forgot@example.test", "/password-reset/complete").await;
    let (status, body) =
        app.post("/api/v1/auth/password-reset/complete", None, json!({"token": token, "password": "short"})).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["errors"]["password"].is_array());
    let (status, _) = app
        .post("/api/v1/auth/password-reset/complete", None, json!({"token": token, "password": "a brand new password"}))
        .await;
    assert_eq!(status, 204);
    let (status, _) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": session.refresh_token})).await;
    assert_eq!(status, 401, "a reset signs out every session");
    let (status, _) =
        app.post("/api/v1/auth/login", None, json!({"email": "forgot@example.test", "password": PASSWORD})).await;
    assert_eq!(status, 401);
    login(&app, "forgot@example.test", "a brand new password").await;
    let (status, body) = app
        .post("/api/v1/auth/password-reset/complete", None, json!({"token": token, "password": "yet another password"}))
        .await;
    assert_eq!((status, body["code"].as_str()), (422, Some("link_invalid")), "single use");
}

async fn acc03_password_reset_answers_the_same_for_unknown_emails(backend: Backend) {
    let app = spawn_app(backend).await;
    signup_member(&app, "known@example.test").await;
    let (a_status, a) = app.post("/api/v1/auth/password-reset", None, json!({"email": "known@example.test"})).await;
    let (b_status, b) = app.post("/api/v1/auth/password-reset", None, json!({"email": "unknown@example.test"})).await;
    assert_eq!((a_status, b_status), (202, 202));
    assert_eq!(a, b);
    assert!(app.mailbox("unknown@example.test").await.is_empty());
}

async fn acc03_password_reset_link_expires_after_an_hour(backend: Backend) {
    let app = spawn_app(backend).await;
    signup_member(&app, "slow@example.test").await;
    app.post("/api/v1/auth/password-reset", None, json!({"email": "slow@example.test"})).await;
    let token = app.link_token("slow@example.test", "/password-reset/complete").await;
    app.clock.advance(chrono::Duration::minutes(61));
    let (status, body) = app
        .post("/api/v1/auth/password-reset/complete", None, json!({"token": token, "password": "a brand new password"}))
        .await;
    assert_eq!((status, body["code"].as_str()), (422, Some("link_expired")));
}

async fn housekeeping_prunes_old_attempts_links_and_sessions_but_keeps_live_ones(backend: Backend) {
    let app = spawn_app(backend).await;
    let old = signup_member(&app, "old@example.test").await;
    app.post("/api/v1/auth/login", None, json!({"email": "old@example.test", "password": "wrong-password"})).await;
    assert_eq!(kaimono_accounts::prune(&app.db, app.clock_now()).await.unwrap(), 0, "nothing is old yet");
    app.clock.advance(chrono::Duration::days(61));
    let fresh = login(&app, "old@example.test", PASSWORD).await;
    let pruned = kaimono_accounts::prune(&app.db, app.clock_now()).await.unwrap();
    assert!(pruned >= 3, "the old attempt, the used sign-up link and the expired session: {pruned}");
    let (status, _) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": fresh.refresh_token})).await;
    assert_eq!(status, 200, "a live session survives");
    let (status, _) = app.post("/api/v1/auth/refresh", None, json!({"refresh_token": old.refresh_token})).await;
    assert_eq!(status, 401);
}

fn refresh_cookie(response: &reqwest::Response) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("kaimono_refresh="))
        .expect("a kaimono_refresh cookie")
}

async fn acc02_browsers_keep_the_refresh_token_in_an_http_only_cookie(backend: Backend) {
    let app = spawn_app(backend).await;
    signup_member(&app, "browser@example.test").await;
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "browser@example.test", "password": PASSWORD, "use_cookie": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let cookie = refresh_cookie(&response);
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/v1/auth"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body.get("refresh_token").is_none(), "script never sees the refresh token: {body}");
    assert!(body["access_token"].is_string());

    let pair = cookie.split(';').next().unwrap().to_owned();
    let refresh = |cookie: String| {
        app.client.post(app.url("/api/v1/auth/refresh")).header("cookie", cookie).json(&json!({})).send()
    };
    let response = refresh(pair.clone()).await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let rotated = refresh_cookie(&response).split(';').next().unwrap().to_owned();
    assert_ne!(rotated, pair);
    app.clock.advance(kaimono_accounts::REFRESH_GRACE + chrono::Duration::seconds(1));
    let response = refresh(pair).await.unwrap();
    assert_eq!(response.status().as_u16(), 401, "the old cookie is spent");
    assert!(refresh_cookie(&response).contains("Max-Age=0"), "and cleared");
    let response = refresh(rotated.clone()).await.unwrap();
    assert_eq!(response.status().as_u16(), 401, "reuse revoked the family");

    let fresh = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "browser@example.test", "password": PASSWORD, "use_cookie": true}))
        .send()
        .await
        .unwrap();
    let pair = refresh_cookie(&fresh).split(';').next().unwrap().to_owned();
    let response = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("cookie", pair.clone())
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 204);
    assert!(refresh_cookie(&response).contains("Max-Age=0"));
    assert_eq!(refresh(pair).await.unwrap().status().as_u16(), 401, "signed out");
    let (status, body) = app.post("/api/v1/auth/refresh", None, json!({})).await;
    assert_eq!((status, body["code"].as_str()), (401, Some("unauthenticated")));
}

/// ACC-06: sign-up inside the subscription checkout — the link brings the new member back to the page
/// they left (the subscription cart, with the item to add); a return path off this site is refused.
async fn acc06_a_signup_link_brings_the_member_back_to_the_subscription_checkout(backend: Backend) {
    let app = spawn_app(backend).await;
    let next = "/subscription-cart?add=01a2473d-9f89-721e-abb0-1d5f0bbf6086&qty=1";
    let (status, body) =
        app.post("/api/v1/auth/signup", None, json!({"email": "teiki@example.test", "next": next})).await;
    assert_eq!(status, 202, "{body}");
    let mail = &app.mailbox("teiki@example.test").await[0];
    let text = mail["body"].as_str().unwrap();
    assert!(text.contains("&next=/subscription-cart%3Fadd%3D01a2473d-9f89-721e-abb0-1d5f0bbf6086%26qty%3D1"), "{text}");
    for bad in ["//evil.example/x", "https://evil.example/", "subscription-cart", "/a\\b"] {
        let (status, problem) =
            app.post("/api/v1/auth/signup", None, json!({"email": "other@example.test", "next": bad})).await;
        assert!(status == 422 && problem["errors"]["next"].is_array(), "{bad}: {problem}");
    }
    assert!(app.mailbox("other@example.test").await.is_empty(), "nothing queued for a refused request");
}
