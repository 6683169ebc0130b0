//! CART-02: shipping fees per region and carrier, free above an amount, a line of their own taxed at
//! 10 %, shown in the cart and the order, and recomputed when the stock check rejects lines.

use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    cart02_the_owner_sets_shipping_fees_and_shoppers_can_read_them,
    cart02_checkout_charges_shipping_by_region_carrier_and_threshold,
    cart02_the_stock_check_recomputes_shipping_when_lines_are_rejected,
);

fn fees(all: &str, hokkaido: &str) -> Value {
    json!({
        "hokkaido": hokkaido, "tohoku": all, "kanto": all, "chubu": all, "kinki": all,
        "chugoku": all, "shikoku": all, "kyushu": all, "okinawa": "2000"
    })
}

fn shipping() -> Value {
    json!({
        "free_over": "10000",
        "methods": [
            {"carrier": "yamato", "time_slots": ["14-16", "morning"], "fees": fees("800", "1500")},
            {"carrier": "japan_post", "time_slots": [], "fees": fees("500", "500")}
        ]
    })
}

async fn shop_with_shipping(app: &TestApp) -> ShopFixture {
    let shop = create_shop(app, "alpha").await;
    let (status, body) =
        app.put(&format!("/api/v1/shops/{}/shipping", shop.id), Some(&shop.owner.access_token), shipping()).await;
    assert_eq!(status, 200, "{body}");
    shop
}

async fn deliverable(app: &TestApp, shop: &ShopFixture, sku: &str, stock: i64) -> String {
    let fulfilment = json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"});
    stocked_product(app, shop, sku, stock, fulfilment).await
}

async fn cart02_the_owner_sets_shipping_fees_and_shoppers_can_read_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = shop_with_shipping(&app).await;
    let path = format!("/api/v1/shops/{}/shipping", shop.id);
    let (status, read) = app.get(&path, None).await;
    assert_eq!(status, 200);
    assert_eq!(read["methods"][0]["carrier"], "yamato");
    assert_eq!(read["methods"][0]["time_slots"], json!(["morning", "14-16"]), "in the usual order");
    assert_eq!(read["methods"][0]["fees"]["hokkaido"], "1500");
    assert_eq!(read["free_over"], "10000");

    assert_eq!(app.put(&path, None, shipping()).await.0, 401);
    assert_eq!(app.put(&path, Some(&shop.staff.access_token), shipping()).await.0, 403, "staff do not set fees");
    let mut bad = shipping();
    bad["methods"][0]["time_slots"] = json!(["midnight"]);
    assert_eq!(app.put(&path, Some(&shop.owner.access_token), bad).await.0, 422);
    let mut bad = shipping();
    bad["methods"][1]["carrier"] = json!("yamato");
    let (status, problem) = app.put(&path, Some(&shop.owner.access_token), bad).await;
    assert_eq!(status, 422, "a carrier twice: {problem}");
    let mut bad = shipping();
    bad["methods"][0]["fees"]["kanto"] = json!("80.5");
    let (status, problem) = app.put(&path, Some(&shop.owner.access_token), bad).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["methods.0.fees.kanto"].is_array(), "{problem}");
    let (status, problem) =
        app.put(&path, Some(&shop.owner.access_token), json!({"free_over": "5000", "methods": []})).await;
    assert_eq!(status, 422, "free shipping needs a carrier to ship with");
    assert!(problem["errors"]["free_over"].is_array(), "{problem}");
    let (_, unchanged) = app.get(&path, None).await;
    assert_eq!(unchanged, read, "refused changes changed nothing");
    assert_eq!(app.get("/api/v1/shops/not-a-shop/shipping", None).await.0, 404);
}

async fn place(app: &TestApp, token: &str, key: &str, body: Value) -> (u16, Value) {
    let (status, body, _) = app.post_with_key("/api/v1/orders", Some(token), key, body).await;
    (status, body)
}

async fn cart02_checkout_charges_shipping_by_region_carrier_and_threshold(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = shop_with_shipping(&app).await;
    let shirt = deliverable(&app, &shop, "S", 10).await; // ¥4,990
    let (member, token) = fast_member(&app, "buyer@example.test").await;
    let address = home_address(&app, member).await; // Tokyo: 関東
    let t = Some(token.as_str());
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": shirt, "quantity": 1})).await;

    let (_, cart) = app.get("/api/v1/me/cart", t).await;
    assert_eq!(cart["shipping"][0]["fee"], "800", "{cart}");
    assert_eq!(cart["shipping"][0]["carrier"], "yamato");
    assert_eq!(cart["shipping"][0]["options"].as_array().unwrap().len(), 2);
    assert_eq!((cart["total"].as_str(), cart["grand_total"].as_str()), (Some("4990"), Some("5790")));

    let (status, problem) =
        place(&app, &token, "slot", json!({"address_id": address, "delivery_time_slot": "19-21"})).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("time_slot_unavailable")), "{problem}");
    let (status, problem) = place(
        &app,
        &token,
        "carrier",
        json!({"address_id": address, "carriers": [{"shop_id": shop.id.0, "carrier": "sagawa"}]}),
    )
    .await;
    assert_eq!(status, 422, "a carrier the shop does not use: {problem}");

    let (status, placed) =
        place(&app, &token, "ok", json!({"address_id": address, "delivery_time_slot": "14-16"})).await;
    assert_eq!(status, 201, "{placed}");
    let order = &placed["orders"][0];
    assert_eq!((order["shipping_fee"].as_str(), order["total"].as_str()), (Some("800"), Some("5790")));
    assert_eq!(order["shipping_carrier"], "yamato");
    // ¥4,990 of goods and ¥800 of shipping, both at 10 %: tax 5790 × 10/110, rounded down once.
    assert_eq!(order["tax"], json!([{"tax_category": "standard", "total": "5790", "tax": "526"}]));
    let mail = &app.mailbox("buyer@example.test").await[0];
    assert!(mail["body"].as_str().unwrap().contains("送料: ¥800"), "{mail}");

    // Japan Post, chosen, and free above ¥10,000.
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": shirt, "quantity": 1})).await;
    let choice = json!({"address_id": address, "carriers": [{"shop_id": shop.id.0, "carrier": "japan_post"}]});
    let (_, placed) = place(&app, &token, "post", choice).await;
    assert_eq!(
        (placed["orders"][0]["shipping_fee"].as_str(), placed["orders"][0]["total"].as_str()),
        (Some("500"), Some("5490"))
    );
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": shirt, "quantity": 3})).await;
    let (_, placed) = place(&app, &token, "free", json!({"address_id": address})).await;
    assert_eq!(
        (placed["orders"][0]["shipping_fee"].as_str(), placed["orders"][0]["total"].as_str()),
        (Some("0"), Some("14970"))
    );
}

async fn cart02_the_stock_check_recomputes_shipping_when_lines_are_rejected(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = shop_with_shipping(&app).await;
    let shirt = deliverable(&app, &shop, "S", 10).await; // ¥4,990
    let other = deliverable(&app, &shop, "T", 10).await; // ¥4,990
    let (member, token) = fast_member(&app, "buyer@example.test").await;
    let address = home_address(&app, member).await;
    let t = Some(token.as_str());
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": shirt, "quantity": 1})).await;
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": other, "quantity": 2})).await;
    let (_, placed) = place(&app, &token, "k", json!({"address_id": address})).await;
    let order = &placed["orders"][0];
    assert_eq!(
        (order["shipping_fee"].as_str(), order["total"].as_str()),
        (Some("0"), Some("14970")),
        "free above ¥10,000"
    );
    let rejected = order["lines"].as_array().unwrap().iter().find(|l| l["quantity"] == 2).unwrap()["id"].clone();
    let path = format!("/api/v1/shops/{}/orders/{}/stock-check", shop.id, order["id"].as_str().unwrap());
    let (status, checked) =
        app.post(&path, Some(&shop.staff.access_token), json!({"rejected_line_ids": [rejected]})).await;
    assert_eq!(status, 200, "{checked}");
    assert_eq!(
        (checked["shipping_fee"].as_str(), checked["total"].as_str()),
        (Some("800"), Some("5790")),
        "below the threshold now"
    );
}
