//! Issue 9's correctness items through the HTTP API: delivery windows (ORD-01), the holiday law's
//! history and the supported dates (CAT-01), Japanese text input (CAT-06, RSV-03), and refusals a
//! person can act on.

use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    ord01_a_wished_delivery_date_must_fall_inside_the_shops_delivery_window,
    cat01_the_calendar_follows_the_law_of_each_year_and_refuses_unsupported_dates,
    cat06_every_word_matches_in_any_order_and_half_and_full_width_forms_match,
    rsv03_a_pickup_number_typed_in_full_width_is_found,
    ord01_refusals_name_the_product_and_say_which_state_blocks_the_action,
    shop02_every_list_is_cursor_paginated_with_the_same_page_shape,
    cat06_existing_rows_get_their_search_text_when_the_column_is_added,
);

async fn stocked(app: &TestApp, shop: &ShopFixture, name: &str, sku: &str, quantity: i64) -> String {
    let (status, product) = app
        .post(&format!("/api/v1/shops/{}/products", shop.id), Some(&shop.staff.access_token), product_body(name, sku))
        .await;
    assert_eq!(status, 201, "{product}");
    let variant = product["variants"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/shops/{}/stock/{variant}", shop.id);
    assert_eq!(app.put(&path, Some(&shop.staff.access_token), json!({"quantity": quantity})).await.0, 200);
    variant
}

async fn place(app: &TestApp, token: &str, key: &str, address: &str, date: &str) -> (u16, Value) {
    let body = json!({"address_id": address, "delivery_date": date});
    let (status, body, _) = app.post_with_key("/api/v1/orders", Some(token), key, body).await;
    (status, body)
}

async fn ord01_a_wished_delivery_date_must_fall_inside_the_shops_delivery_window(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let variant = stocked(&app, &shop, "シャツ", "A", 5).await;
    let (member, token) = fast_member(&app, "buyer@example.test").await;
    let address = home_address(&app, member).await;
    let t = Some(token.as_str());
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": variant, "quantity": 1})).await;

    // Sunday 2026-11-22: two business days of preparation, and 30 days at most.
    let (_, cart) = app.get("/api/v1/me/cart", t).await;
    let window = &cart["delivery_window"];
    let (earliest, latest) = (window["earliest"].as_str().unwrap(), window["latest"].as_str().unwrap());
    assert!(earliest > "2026-11-23" && earliest <= "2026-11-26", "{window}");
    assert_eq!(latest, "2026-12-22");

    for (date, why) in [("2026-11-01", "past"), ("2026-11-22", "today"), ("2031-12-31", "years ahead")] {
        let (status, body) = place(&app, &token, date, &address, date).await;
        assert_eq!(status, 422, "{why}: {body}");
        assert_eq!(body["code"], "delivery_date_out_of_window");
        let message = body["errors"]["delivery_date"][0].as_str().unwrap();
        assert_eq!(message, format!("must be from {earliest} to {latest}"), "a clear message");
    }
    let (_, cart) = app.get("/api/v1/me/cart", t).await;
    assert_eq!(cart["items"].as_array().unwrap().len(), 1, "a refused checkout loses nothing");
    let (status, body) = place(&app, &token, "ok", &address, latest).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["orders"][0]["delivery_date"], latest);
}

async fn calendar(app: &TestApp, shop: &ShopFixture, from: &str, days: u32) -> (u16, Value) {
    app.get(&format!("/api/v1/shops/{}/calendar?from={from}&days={days}", shop.id), None).await
}

fn holiday(days: &Value, date: &str) -> Option<String> {
    let day = days.as_array().unwrap().iter().find(|d| d["date"] == date).unwrap();
    day["holiday_ja"].as_str().map(ToOwned::to_owned)
}

async fn cat01_the_calendar_follows_the_law_of_each_year_and_refuses_unsupported_dates(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let (status, days) = calendar(&app, &shop, "1995-07-20", 1).await;
    assert_eq!(status, 200);
    assert_eq!(holiday(&days, "1995-07-20"), None, "海の日 began in 1996");
    let (_, days) = calendar(&app, &shop, "1996-07-20", 1).await;
    assert_eq!(holiday(&days, "1996-07-20").as_deref(), Some("海の日"));
    let (_, days) = calendar(&app, &shop, "1998-01-15", 1).await;
    assert_eq!(holiday(&days, "1998-01-15").as_deref(), Some("成人の日"), "before the Monday rule");
    let (_, days) = calendar(&app, &shop, "2005-04-29", 6).await;
    assert_eq!(holiday(&days, "2005-04-29").as_deref(), Some("みどりの日"), "4/29 before 2007");
    assert_eq!(holiday(&days, "2005-05-04").as_deref(), Some("国民の休日"));
    let (_, days) = calendar(&app, &shop, "2026-04-29", 6).await;
    assert_eq!(holiday(&days, "2026-04-29").as_deref(), Some("昭和の日"));
    assert_eq!(holiday(&days, "2026-05-04").as_deref(), Some("みどりの日"));
    let (_, days) = calendar(&app, &shop, "1990-11-12", 1).await;
    assert_eq!(holiday(&days, "1990-11-12").as_deref(), Some("即位礼正殿の儀"), "a one-off day");

    let (_, days) = calendar(&app, &shop, "2099-12-30", 10).await;
    assert_eq!(days.as_array().unwrap().len(), 2, "the calendar stops at 2099-12-31");
    for from in ["1989-12-31", "2100-01-01", "0001-01-01"] {
        let (status, body) = calendar(&app, &shop, from, 1).await;
        assert_eq!((status, body["code"].as_str()), (422, Some("validation_failed")), "{from}: {body}");
        assert_eq!(body["errors"]["from"][0], "must be from 1990-01-01 to 2099-12-31");
    }
    let (status, body) = calendar(&app, &shop, "%2B10000-01-01", 1).await;
    assert!(status == 400 || status == 422, "year 10000: {status} {body}");
}

async fn cat06_every_word_matches_in_any_order_and_half_and_full_width_forms_match(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    stocked(&app, &shop, "ボーダーシャツ", "QA-1", 1).await; // category トップス
    stocked(&app, &shop, "リネンパンツ", "LP", 1).await;
    let search = |q: &'static str| {
        let app = &app;
        async move {
            let (status, page) = app.get(&format!("/api/v1/products?keyword={q}"), None).await;
            assert_eq!(status, 200, "{page}");
            page["items"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
        }
    };
    // Both products: description 綿100%のシャツ, category トップス.
    assert_eq!(search("ボーダー トップス").await, ["ボーダーシャツ"], "every word must match");
    assert_eq!(search("トップス　ボーダー").await, ["ボーダーシャツ"], "in any order; a full-width space separates");
    assert_eq!(search("ﾎﾞｰﾀﾞｰ").await, ["ボーダーシャツ"], "half-width katakana");
    assert!(search("ボーダー パンツ").await.is_empty(), "no product has both words");

    // Staff search orders by number or recipient, typed in full-width forms.
    let variant = stocked(&app, &shop, "ＱＡシャツ", "QB", 3).await;
    assert_eq!(search("qaシャツ").await, ["ＱＡシャツ"], "full-width ＱＡ stored, qa typed");
    let (member, token) = fast_member(&app, "buyer@example.test").await;
    let address = home_address(&app, member).await;
    app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": variant, "quantity": 1})).await;
    let (status, placed) = place(&app, &token, "k", &address, "2026-11-30").await;
    assert_eq!(status, 201, "{placed}");
    let number = placed["orders"][0]["number"].as_str().unwrap();
    let wide: String = number
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c })
        .collect();
    let staff = Some(shop.staff.access_token.as_str());
    let (status, page) = app.get(&format!("/api/v1/shops/{}/orders?q={wide}", shop.id), staff).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["items"][0]["number"], number, "a full-width order number finds the order: {page}");
}

async fn rsv03_a_pickup_number_typed_in_full_width_is_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let mut body = product_body("シャツ", "P");
    body["fulfilment"] = json!({"reservable": true, "deliverable": false, "reservation_payment": "in_store"});
    let (_, product) =
        app.post(&format!("/api/v1/shops/{}/products", shop.id), Some(&shop.staff.access_token), body).await;
    let variant = product["variants"][0]["id"].as_str().unwrap();
    let path = format!("/api/v1/shops/{}/stock/{variant}", shop.id);
    app.put(&path, Some(&shop.staff.access_token), json!({"quantity": 3})).await;
    let (_, token) = fast_member(&app, "member@example.test").await;
    let reservation = json!({"variant_id": variant, "quantity": 1, "visit_date": "2026-11-25"});
    let (status, created, _) = app.post_with_key("/api/v1/reservations", Some(&token), "r", reservation).await;
    assert_eq!(status, 201, "{created}");
    let number = created["pickup_number"].as_str().unwrap();
    let wide: String = number
        .chars()
        .map(|c| match c {
            '-' => 'ー',
            c => char::from_u32(c as u32 + 0xFEE0).unwrap(),
        })
        .collect();
    let staff = Some(shop.staff.access_token.as_str());
    let (status, found) = app.get(&format!("/api/v1/shops/{}/pickups/{wide}", shop.id), staff).await;
    assert_eq!(status, 200, "{wide}: {found}");
    assert_eq!(found["id"], created["id"]);
}

async fn ord01_refusals_name_the_product_and_say_which_state_blocks_the_action(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let variant = stocked(&app, &shop, "リネンシャツ", "LS", 1).await;
    let (member, token) = fast_member(&app, "buyer@example.test").await;
    let address = home_address(&app, member).await;
    app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": variant, "quantity": 1})).await;
    // Another shopper takes the last one first.
    let (other, other_token) = fast_member(&app, "other@example.test").await;
    let other_address = home_address(&app, other).await;
    app.post("/api/v1/me/cart/items", Some(&other_token), json!({"variant_id": variant, "quantity": 1})).await;
    assert_eq!(place(&app, &other_token, "o", &other_address, "2026-11-30").await.0, 201);

    let (status, body) = place(&app, &token, "m", &address, "2026-11-30").await;
    assert_eq!((status, body["code"].as_str()), (409, Some("insufficient_stock")));
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains("リネンシャツ") && detail.contains("LS-WH-M"), "names the product and SKU: {detail}");
    assert!(!detail.contains(&variant), "not a variant id: {detail}");

    let (_, orders) = app.get("/api/v1/me/orders", Some(&other_token)).await;
    let order = orders["items"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/shops/{}/orders/{order}/stock-check", shop.id);
    assert_eq!(app.post(&path, Some(&shop.staff.access_token), json!({})).await.0, 200);
    let (status, body) = app.post(&path, Some(&shop.staff.access_token), json!({})).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("invalid_transition")));
    assert_eq!(body["detail"], "this order is awaiting payment and cannot be stock-checked now");
}

/// Every list pages the same way: `items` and `next_cursor`, walked with `cursor` and `limit`.
async fn shop02_every_list_is_cursor_paginated_with_the_same_page_shape(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let variant = stocked(&app, &shop, "シャツ", "P", 10).await;
    let (member, token) = fast_member(&app, "buyer@example.test").await;
    let address = home_address(&app, member).await;
    for i in 0..5 {
        app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": variant, "quantity": 1})).await;
        assert_eq!(place(&app, &token, &format!("k{i}"), &address, "2026-11-30").await.0, 201);
    }
    let staff = shop.staff.access_token.clone();
    for (path, token) in [
        ("/api/v1/me/orders".to_owned(), token.as_str()),
        (format!("/api/v1/shops/{}/orders", shop.id), staff.as_str()),
    ] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let url = match &cursor {
                Some(c) => format!("{path}?limit=2&cursor={c}"),
                None => format!("{path}?limit=2"),
            };
            let (status, page) = app.get(&url, Some(token)).await;
            assert_eq!(status, 200, "{page}");
            let items = page["items"].as_array().unwrap();
            assert!(items.len() <= 2);
            seen.extend(items.iter().map(|o| o["id"].as_str().unwrap().to_owned()));
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => break,
            }
        }
        assert_eq!(seen.len(), 5, "{path}: every order once");
        let mut sorted = seen.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(seen, sorted, "{path}: newest first");
        for bad in ["limit=0", "limit=101", "cursor=not-a-cursor"] {
            let (status, body) = app.get(&format!("{path}?{bad}"), Some(token)).await;
            assert_eq!(status, 422, "{path}?{bad}: {body}");
        }
    }
    let (status, shops) = app.get("/api/v1/shops?limit=1", None).await;
    assert_eq!(status, 200);
    assert_eq!(shops["items"].as_array().unwrap().len(), 1);
}

/// CAT-06: the migration that adds `search_text` fills it for rows that already exist, and its `down`
/// works, on both databases.
async fn cat06_existing_rows_get_their_search_text_when_the_column_is_added(backend: Backend) {
    use kaimono_migration::{Migrator, MigratorTrait};
    use sea_orm::{ConnectionTrait, Statement};
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    stocked(&app, &shop, "ﾎﾞｰﾀﾞｰＴシャツ", "M1", 1).await;
    Migrator::down(&app.db, Some(2)).await.unwrap();
    Migrator::up(&app.db, None).await.unwrap();
    let backend = app.db.get_database_backend();
    let row = app
        .db
        .query_one_raw(Statement::from_string(backend, "SELECT search_text FROM products"))
        .await
        .unwrap()
        .unwrap();
    let text: String = row.try_get("", "search_text").unwrap();
    assert_eq!(text, "ボーダーtシャツ\n綿100%のシャツ\nトップス");
    let (_, page) = app.get("/api/v1/products?keyword=ボーダーＴ", None).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
}
