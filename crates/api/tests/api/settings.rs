//! ACC-04, CAT-01: a shop's settings, kept by its owner; staff read them; the delivery window follows.

use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    acc04_the_owner_changes_the_shops_settings_and_checkout_follows_them,
    acc04_settings_are_refused_to_staff_others_and_bad_input,
);

fn settings() -> Value {
    json!({
        "reservation_min_days": 2,
        "reservation_max_days": 20,
        "hold_days": 5,
        "payment_limit_days": 4,
        "delivery_preparation_days": 3,
        "delivery_window_days": 14,
        "contact_email": "shop@example.test",
        "invoice_registration_number": "Ｔ７０００-０１２０-５０００２",
        "bank_account": {
            "bank_name": "みずほ銀行",
            "branch_name": "渋谷支店",
            "account_type": "ordinary",
            "account_number": "1234567",
            "account_holder": "カ）モリコーヒー"
        }
    })
}

async fn acc04_the_owner_changes_the_shops_settings_and_checkout_follows_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let path = format!("/api/v1/shops/{}/settings", shop.id);
    let mut body = settings();
    body["bank_account"]["account_holder"] = json!("森珈琲");
    let (status, saved) = app.put(&path, Some(&shop.owner.access_token), body).await;
    assert_eq!(status, 422, "banks print holders in katakana: {saved}");
    let (status, saved) = app.put(&path, Some(&shop.owner.access_token), settings()).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["invoice_registration_number"], "T7000012050002", "normalized");
    assert_eq!(saved["bank_account"]["account_number"], "1234567");
    assert_eq!(saved["bank_account"]["account_holder"], "カ)モリコーヒー", "as the bank prints it");
    let (status, read) = app.get(&path, Some(&shop.staff.access_token)).await;
    assert_eq!((status, &read), (200, &saved), "staff read what the owner saved");
    let (_, public) = app.get(&format!("/api/v1/shops/{}", shop.id), None).await;
    assert_eq!((public["hold_days"].as_i64(), public["delivery_window_days"].as_i64()), (Some(5), Some(14)));
    assert!(public.get("bank_account").is_none(), "the bank account is not on the public page");

    // The delivery window follows: Sunday 2026-11-22, three business days of preparation (11-23 is a
    // holiday the shop is open on), 14 days ahead at most.
    let variant = stocked_product(
        &app,
        &shop,
        "S",
        3,
        json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"}),
    )
    .await;
    let (_, token) = fast_member(&app, "buyer@example.test").await;
    app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": variant, "quantity": 1})).await;
    let (_, cart) = app.get("/api/v1/me/cart", Some(&token)).await;
    assert_eq!(cart["delivery_window"], json!({"earliest": "2026-11-25", "latest": "2026-12-06"}));
}

async fn acc04_settings_are_refused_to_staff_others_and_bad_input(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let other = create_shop(&app, "beta").await;
    let path = format!("/api/v1/shops/{}/settings", shop.id);
    let (_, member) = fast_member(&app, "member@example.test").await;
    assert_eq!(app.put(&path, None, settings()).await.0, 401);
    assert_eq!(app.put(&path, Some(&shop.staff.access_token), settings()).await.0, 403, "staff operate, owners set");
    assert_eq!(app.put(&path, Some(&other.owner.access_token), settings()).await.0, 403, "another shop's owner");
    assert_eq!(app.put(&path, Some(&member), settings()).await.0, 403);
    assert_eq!(app.get(&path, Some(&member)).await.0, 403);
    assert_eq!(app.put("/api/v1/shops/not-a-shop/settings", Some(&shop.owner.access_token), settings()).await.0, 404);
    for (field, value, error) in [
        ("invoice_registration_number", json!("T8000012050002"), "invoice_registration_number"),
        ("reservation_max_days", json!(1), "reservation_max_days"),
        ("delivery_window_days", json!(2), "delivery_window_days"),
        ("payment_limit_days", json!(0), "payment_limit_days"),
        ("contact_email", json!("not an email"), "contact_email"),
    ] {
        let mut body = settings();
        body[field] = value;
        let (status, problem) = app.put(&path, Some(&shop.owner.access_token), body).await;
        assert_eq!(status, 422, "{field}: {problem}");
        assert!(problem["errors"][error].is_array(), "{field}: {problem}");
    }
    let mut body = settings();
    body["bank_account"]["account_number"] = json!("12345");
    let (status, problem) = app.put(&path, Some(&shop.owner.access_token), body).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["bank_account.account_number"].is_array(), "{problem}");
    let (_, unchanged) = app.get(&path, Some(&shop.owner.access_token)).await;
    assert_eq!(unchanged["hold_days"], 3, "refused changes changed nothing");
}
