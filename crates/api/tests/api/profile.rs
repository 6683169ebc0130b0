//! ACC-05 profile, ACC-04 staff bindings in /me.

use kaimono_test_support::*;
use serde_json::json;

db_tests!(acc05_member_reads_and_changes_the_profile, acc04_staff_see_their_shops_in_their_profile);

async fn acc05_member_reads_and_changes_the_profile(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = signup_member(&app, "profile@example.test").await;
    let token = Some(s.access_token.as_str());
    let (status, body) =
        app.patch("/api/v1/me", token, json!({"name": "山田 花子", "phone": "03-1111-2222", "locale": "en"})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["name"], "山田 花子");
    assert_eq!(body["phone"], "0311112222");
    assert_eq!(body["locale"], "en");
    assert_eq!(body["name_kana"], "ヤマダ タロウ", "absent fields stay");

    let (status, body) = app.patch("/api/v1/me", token, json!({"name_kana": "Yamada", "phone": "abc"})).await;
    assert_eq!(status, 422);
    assert!(body["errors"]["name_kana"].is_array() && body["errors"]["phone"].is_array(), "{body}");
    let (status, body) = app.patch("/api/v1/me", token, json!({"email": "new@example.test"})).await;
    assert_eq!(status, 422, "unknown fields are refused, not ignored: {body}");
    let (_, me) = app.get("/api/v1/me", token).await;
    assert_eq!(me["name"], "山田 花子", "a refused change loses nothing");
    let (status, _) = app.patch("/api/v1/me", None, json!({"name": "x"})).await;
    assert_eq!(status, 401);

    // The chosen language is used for the member's emails.
    app.post("/api/v1/auth/password-reset", None, json!({"email": "profile@example.test"})).await;
    let mails = app.mailbox("profile@example.test").await;
    assert_eq!(mails[0]["subject"], "[kaimono] Reset your password");
}

async fn acc04_staff_see_their_shops_in_their_profile(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let (status, me) = app.get("/api/v1/me", Some(&shop.owner.access_token)).await;
    assert_eq!(status, 200);
    assert_eq!(me["role"], "staff");
    assert_eq!(me["shops"][0]["shop_id"], shop.id.to_string());
    assert_eq!(me["shops"][0]["role"], "owner");
    let (_, me) = app.get("/api/v1/me", Some(&shop.staff.access_token)).await;
    assert_eq!(me["shops"][0]["role"], "staff");
    // Addresses are for members.
    let (status, body) = app.get("/api/v1/me/addresses", Some(&shop.staff.access_token)).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));
}
