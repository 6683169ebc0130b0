//! ACC-05 delivery addresses.

use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    acc05_addresses_are_created_listed_changed_and_deleted_with_one_default,
    acc05_addresses_validate_japanese_fields,
    acc05_another_members_address_is_not_found,
);

fn address(name: &str, postal: &str, default: bool) -> Value {
    json!({
        "postal_code": postal, "prefecture": 13, "city": "渋谷区神宮前", "street": "1-2-3",
        "building": "かいものハイツ 101", "recipient_name": name, "recipient_kana": "ヤマダ ハナコ",
        "phone": "090-1234-5678", "is_default": default
    })
}

async fn acc05_addresses_are_created_listed_changed_and_deleted_with_one_default(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = signup_member(&app, "addr@example.test").await;
    let t = Some(s.access_token.as_str());
    let (status, home) = app.post("/api/v1/me/addresses", t, address("自宅", "150-0001", false)).await;
    assert_eq!(status, 201, "{home}");
    assert_eq!(home["is_default"], true, "the first address becomes the default");
    assert_eq!(home["postal_code"], "1500001");
    assert_eq!(home["postal_code_display"], "150-0001");
    assert_eq!(home["prefecture_name"], "東京都");
    assert_eq!(home["phone"], "09012345678");

    let (_, office) = app.post("/api/v1/me/addresses", t, address("会社", "1000005", false)).await;
    assert_eq!(office["is_default"], false);
    let (_, parents) = app.post("/api/v1/me/addresses", t, address("実家", "5300001", true)).await;
    assert_eq!(parents["is_default"], true);
    let (_, list) = app.get("/api/v1/me/addresses", t).await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["id"], parents["id"], "the default comes first");
    assert_eq!(list.iter().filter(|a| a["is_default"] == true).count(), 1);

    let office_path = format!("/api/v1/me/addresses/{}", office["id"].as_str().unwrap());
    let (status, changed) = app.put(&office_path, t, address("本社", "1000005", true)).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!((changed["recipient_name"].as_str(), changed["is_default"].as_bool()), (Some("本社"), Some(true)));
    let (_, got) = app.get(&office_path, t).await;
    assert_eq!(got["recipient_name"], "本社");
    let (_, list) = app.get("/api/v1/me/addresses", t).await;
    assert_eq!(list.as_array().unwrap().iter().filter(|a| a["is_default"] == true).count(), 1);

    // Deleting the default promotes another.
    let (status, _) = app.delete(&office_path, t).await;
    assert_eq!(status, 204);
    let (status, _) = app.get(&office_path, t).await;
    assert_eq!(status, 404);
    let (_, list) = app.get("/api/v1/me/addresses", t).await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list.iter().filter(|a| a["is_default"] == true).count(), 1);
}

async fn acc05_addresses_validate_japanese_fields(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = signup_member(&app, "bad-addr@example.test").await;
    let t = Some(s.access_token.as_str());
    let bad = json!({
        "postal_code": "15-00001", "prefecture": 48, "city": "", "street": " ",
        "recipient_name": "", "recipient_kana": "Yamada", "phone": "+1 555 0100"
    });
    let (status, body) = app.post("/api/v1/me/addresses", t, bad).await;
    assert_eq!(status, 422, "{body}");
    for field in ["postal_code", "prefecture", "city", "street", "recipient_name", "recipient_kana", "phone"] {
        assert!(body["errors"][field].is_array(), "{field} missing in {body}");
    }
    let (_, list) = app.get("/api/v1/me/addresses", t).await;
    assert!(list.as_array().unwrap().is_empty(), "nothing was saved");
    let (status, _) = app.post("/api/v1/me/addresses", None, address("x", "1500001", false)).await;
    assert_eq!(status, 401);
    let (status, _) = app.get("/api/v1/me/addresses/not-a-uuid", t).await;
    assert_eq!(status, 404);
}

async fn acc05_another_members_address_is_not_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let owner = signup_member(&app, "owner@example.test").await;
    let other = signup_member(&app, "other@example.test").await;
    let (_, created) =
        app.post("/api/v1/me/addresses", Some(&owner.access_token), address("自宅", "1500001", true)).await;
    let path = format!("/api/v1/me/addresses/{}", created["id"].as_str().unwrap());
    let o = Some(other.access_token.as_str());
    assert_eq!(app.get(&path, o).await.0, 404);
    assert_eq!(app.put(&path, o, address("盗", "1500001", true)).await.0, 404);
    assert_eq!(app.delete(&path, o).await.0, 404);
    let (_, mine) = app.get(&path, Some(&owner.access_token)).await;
    assert_eq!(mine["recipient_name"], "自宅", "untouched");
}
