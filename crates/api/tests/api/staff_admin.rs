//! ACC-04, mall administration: the operator opens a shop and invites its owner by an emailed link; the
//! owner invites and removes staff; owners manage, staff operate.

use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    acc04_the_operator_opens_a_shop_and_its_owner_builds_a_staff_by_invitation,
    acc04_shop_administration_refuses_strangers_bad_input_and_used_links,
);

fn profile(name: &str) -> Value {
    json!({
        "name": name,
        "description": "器と雑貨の店",
        "postal_code": "180-0004",
        "prefecture": 13,
        "address": "武蔵野市吉祥寺本町 2-1-1",
        "phone": "0422-00-1234",
        "contact_email": "hello@utsuwa.test",
        "opening_hours": "11:00〜19:00"
    })
}

async fn accept(app: &TestApp, email: &str, name: &str) -> String {
    let token = app.link_token(email, "/invitations/accept").await;
    let (status, preview) = app.post("/api/v1/invitations/preview", None, json!({"token": token})).await;
    assert_eq!((status, preview["has_account"].as_bool()), (200, Some(false)), "{preview}");
    let (status, session) = app
        .post(
            "/api/v1/invitations/accept",
            None,
            json!({"token": token, "password": "a-long-password", "name": name, "name_kana": "テスト", "phone": "090-1234-5678"}),
        )
        .await;
    assert_eq!(status, 201, "{session}");
    let (status, again) = app
        .post(
            "/api/v1/invitations/accept",
            None,
            json!({"token": token, "password": "another-password", "name": "x", "name_kana": "エックス"}),
        )
        .await;
    assert_eq!((status, again["code"].as_str()), (422, Some("link_invalid")), "a link works once: {again}");
    session["access_token"].as_str().unwrap().to_owned()
}

async fn acc04_the_operator_opens_a_shop_and_its_owner_builds_a_staff_by_invitation(backend: Backend) {
    let app = spawn_app(backend).await;
    let operator = create_operator(&app).await.access_token;
    let (status, shop) = app
        .post(
            "/api/v1/shops",
            Some(&operator),
            json!({"slug": "utsuwa-kichijoji", "profile": profile("うつわ 吉祥寺")}),
        )
        .await;
    assert_eq!(status, 201, "{shop}");
    assert_eq!((shop["postal_code"].as_str(), shop["phone"].as_str()), (Some("1800004"), Some("0422001234")));
    let shop_id = shop["id"].as_str().unwrap().to_owned();
    let (_, listed) = app.get("/api/v1/shops", None).await;
    assert!(listed["items"].as_array().unwrap().iter().any(|s| s["id"] == shop["id"]), "{listed}");

    let invitations = format!("/api/v1/shops/{shop_id}/invitations");
    let (status, invitation) =
        app.post(&invitations, Some(&operator), json!({"email": "Owner@Utsuwa.test", "role": "owner"})).await;
    assert_eq!(status, 201, "{invitation}");
    assert_eq!((invitation["email"].as_str(), invitation["role"].as_str()), (Some("owner@utsuwa.test"), Some("owner")));
    let mail = &app.mailbox("owner@utsuwa.test").await[0];
    assert!(mail["subject"].as_str().unwrap().contains("うつわ 吉祥寺"), "{mail}");
    let owner = accept(&app, "owner@utsuwa.test", "器 太郎").await;
    let (_, me) = app.get("/api/v1/me", Some(&owner)).await;
    assert_eq!(me["role"], "staff");
    assert_eq!(me["shops"][0]["role"], "owner", "{me}");

    // The owner changes the shop's profile and settings, and invites staff (not owners).
    let (status, changed) =
        app.put(&format!("/api/v1/shops/{shop_id}/profile"), Some(&owner), profile("うつわ 吉祥寺本店")).await;
    assert_eq!((status, changed["name"].as_str()), (200, Some("うつわ 吉祥寺本店")), "{changed}");
    let (status, body) =
        app.post(&invitations, Some(&owner), json!({"email": "co-owner@utsuwa.test", "role": "owner"})).await;
    assert_eq!(status, 403, "only an operator invites an owner: {body}");
    let (status, _) =
        app.post(&invitations, Some(&owner), json!({"email": "staff@utsuwa.test", "role": "staff"})).await;
    assert_eq!(status, 201);
    let staff = accept(&app, "staff@utsuwa.test", "器 花子").await;
    let orders = format!("/api/v1/shops/{shop_id}/orders");
    assert_eq!(app.get(&orders, Some(&staff)).await.0, 200, "staff operate orders");
    assert_eq!(
        app.get(&format!("/api/v1/shops/{shop_id}/staff"), Some(&staff)).await.0,
        403,
        "staff do not manage staff"
    );
    let (status, body) =
        app.post(&invitations, Some(&owner), json!({"email": "staff@utsuwa.test", "role": "staff"})).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("already_staff")), "{body}");

    let (status, team) = app.get(&format!("/api/v1/shops/{shop_id}/staff"), Some(&owner)).await;
    assert_eq!(status, 200, "{team}");
    let roles: Vec<_> = team["members"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["owner", "staff"]);
    assert_eq!(team["invitations"], json!([]));

    // Removing: owners remove staff; the operator alone removes an owner, never the last.
    let owner_id = team["members"][0]["account_id"].as_str().unwrap();
    let staff_id = team["members"][1]["account_id"].as_str().unwrap();
    assert_eq!(app.delete(&format!("/api/v1/shops/{shop_id}/staff/{owner_id}"), Some(&owner)).await.0, 403);
    let (status, body) = app.delete(&format!("/api/v1/shops/{shop_id}/staff/{owner_id}"), Some(&operator)).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("last_owner")), "{body}");
    assert_eq!(app.delete(&format!("/api/v1/shops/{shop_id}/staff/{staff_id}"), Some(&owner)).await.0, 204);
    assert_eq!(app.get(&orders, Some(&staff)).await.0, 403, "access ends at once");
    assert_eq!(app.delete(&format!("/api/v1/shops/{shop_id}/staff/{staff_id}"), Some(&owner)).await.0, 404);

    // An invitation withdrawn before it is used.
    let (_, pending) =
        app.post(&invitations, Some(&owner), json!({"email": "late@utsuwa.test", "role": "staff"})).await;
    let token = app.link_token("late@utsuwa.test", "/invitations/accept").await;
    let revoke = format!("{invitations}/{}", pending["id"].as_str().unwrap());
    assert_eq!(app.delete(&revoke, Some(&owner)).await.0, 204);
    let (status, body) = app.post("/api/v1/invitations/preview", None, json!({"token": token})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("link_invalid")), "{body}");
    assert_eq!(app.delete(&revoke, Some(&owner)).await.0, 404);
}

async fn acc04_shop_administration_refuses_strangers_bad_input_and_used_links(backend: Backend) {
    let app = spawn_app(backend).await;
    let operator = create_operator(&app).await.access_token;
    let existing = create_shop(&app, "alpha").await;
    let (_, member) = fast_member(&app, "member@example.test").await;

    let body = json!({"slug": "new-shop", "profile": profile("新しい店")});
    assert_eq!(app.post("/api/v1/shops", None, body.clone()).await.0, 401);
    assert_eq!(app.post("/api/v1/shops", Some(&member), body.clone()).await.0, 403);
    assert_eq!(
        app.post("/api/v1/shops", Some(&existing.owner.access_token), body.clone()).await.0,
        403,
        "owners do not open shops"
    );
    let (status, bad) = app
        .post(
            "/api/v1/shops",
            Some(&operator),
            json!({"slug": "Bad Slug", "profile": {"name": " ", "description": "", "postal_code": "12", "prefecture": 48, "address": "x", "phone": "12", "contact_email": "nope", "opening_hours": ""}}),
        )
        .await;
    assert_eq!(status, 422, "{bad}");
    for field in
        ["slug", "profile.name", "profile.postal_code", "profile.prefecture", "profile.phone", "profile.contact_email"]
    {
        assert!(bad["errors"][field].is_array(), "{field}: {bad}");
    }
    let (status, taken) =
        app.post("/api/v1/shops", Some(&operator), json!({"slug": "alpha", "profile": profile("別の店")})).await;
    assert_eq!((status, taken["code"].as_str()), (409, Some("slug_taken")), "{taken}");

    let invitations = format!("/api/v1/shops/{}/invitations", existing.id);
    let other = create_shop(&app, "beta").await;
    assert_eq!(app.post(&invitations, None, json!({"email": "a@b.test", "role": "staff"})).await.0, 401);
    assert_eq!(
        app.post(&invitations, Some(&other.owner.access_token), json!({"email": "a@b.test", "role": "staff"})).await.0,
        403
    );
    assert_eq!(
        app.post(&invitations, Some(&existing.staff.access_token), json!({"email": "a@b.test", "role": "staff"}))
            .await
            .0,
        403
    );
    let (status, bad) =
        app.post(&invitations, Some(&existing.owner.access_token), json!({"email": "nope", "role": "chief"})).await;
    assert_eq!(status, 422, "{bad}");
    let (status, body) = app
        .post(
            &invitations,
            Some(&existing.owner.access_token),
            json!({"email": "member@example.test", "role": "staff"}),
        )
        .await;
    assert_eq!((status, body["code"].as_str()), (409, Some("email_taken")), "a member account cannot be staff: {body}");
    assert_eq!(app.get(&format!("/api/v1/shops/{}/staff", existing.id), Some(&other.owner.access_token)).await.0, 403);
    let (status, body) = app
        .put(&format!("/api/v1/shops/{}/profile", existing.id), Some(&existing.staff.access_token), profile("x"))
        .await;
    assert_eq!(status, 403, "{body}");

    // A staff member of one shop invited to another joins it without a new password.
    let (status, _) = app
        .post(
            &format!("/api/v1/shops/{}/invitations", other.id),
            Some(&operator),
            json!({"email": existing.staff.email, "role": "staff"}),
        )
        .await;
    assert_eq!(status, 201);
    let token = app.link_token(&existing.staff.email, "/invitations/accept").await;
    let (_, preview) = app.post("/api/v1/invitations/preview", None, json!({"token": token})).await;
    assert_eq!(preview["has_account"], true, "{preview}");
    let (status, _) = app.post("/api/v1/invitations/accept", None, json!({"token": token})).await;
    assert_eq!(status, 201);
    assert_eq!(app.get(&format!("/api/v1/shops/{}/orders", other.id), Some(&existing.staff.access_token)).await.0, 200);

    let (status, body) = app.post("/api/v1/invitations/preview", None, json!({"token": "no-such-token"})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("link_invalid")), "{body}");
    let (status, body) = app.post("/api/v1/invitations/accept", None, json!({"token": ""})).await;
    assert!(status == 422 && body["errors"]["token"].is_array(), "{body}");

    // An expired link says so.
    app.post(&invitations, Some(&existing.owner.access_token), json!({"email": "slow@example.test", "role": "staff"}))
        .await;
    let token = app.link_token("slow@example.test", "/invitations/accept").await;
    app.clock.advance(chrono::Duration::days(8));
    let (status, body) = app.post("/api/v1/invitations/preview", None, json!({"token": token})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("link_expired")), "{body}");
}
