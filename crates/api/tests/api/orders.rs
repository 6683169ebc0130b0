//! CART-02, ORD-04, PAY-09: placing delivery orders with held stock, idempotently.

use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    cart02_checkout_places_unpaid_orders_per_shop_holds_stock_and_empties_the_cart,
    cart02_checkout_refuses_bad_requests_and_changes_nothing,
    pay09_the_same_idempotency_key_replays_the_first_response,
    cart02_two_hundred_concurrent_checkouts_sell_exactly_the_ten_units_in_stock,
    ord01_the_shop_secures_an_order_and_it_awaits_payment,
    ord01_rejected_lines_are_cancelled_with_stock_given_back_and_the_member_told,
    ord01_stock_checks_are_refused_for_other_shops_bad_lines_and_wrong_states,
    shop02_the_order_list_sorts_newest_or_oldest_first_and_pages_either_way,
);

async fn shop02_the_order_list_sorts_newest_or_oldest_first_and_pages_either_way(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let shirt = stocked_variant(&app, &shop, "シャツ", "A", 9).await;
    let mut placed = Vec::new();
    for i in 0..3 {
        placed.push(placed_order(&app, &format!("m{i}@example.test"), &[(&shirt, 1)]).await["id"].clone());
    }
    let staff = Some(shop.staff.access_token.as_str());
    let list = |sort: &str, cursor: Option<&str>| {
        let mut path = format!("/api/v1/shops/{}/orders?limit=2&sort={sort}", shop.id);
        if let Some(cursor) = cursor {
            path.push_str(&format!("&cursor={cursor}"));
        }
        path
    };
    let ids = |page: &Value| page["items"].as_array().unwrap().iter().map(|o| o["id"].clone()).collect::<Vec<_>>();
    let (status, first) = app.get(&list("oldest", None), staff).await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(ids(&first), placed[..2]);
    let (_, second) = app.get(&list("oldest", first["next_cursor"].as_str()), staff).await;
    assert_eq!(ids(&second), placed[2..]);
    let (_, newest) = app.get(&list("newest", None), staff).await;
    assert_eq!(ids(&newest), [placed[2].clone(), placed[1].clone()]);
    let (status, body) = app.get(&list("sideways", None), staff).await;
    assert_eq!(status, 422, "{body}");
}

pub(crate) async fn stocked_variant(app: &TestApp, shop: &ShopFixture, name: &str, sku: &str, quantity: i64) -> String {
    let product = create_product(app, shop, name, sku).await;
    let variant = product["variants"][0]["id"].as_str().unwrap().to_owned();
    let (status, _) = app
        .put(
            &format!("/api/v1/shops/{}/stock/{variant}", shop.id),
            Some(&shop.staff.access_token),
            json!({"quantity": quantity}),
        )
        .await;
    assert_eq!(status, 200);
    variant
}

async fn stock_of(app: &TestApp, shop: &ShopFixture, variant: &str) -> i64 {
    let (_, page) = app.get(&format!("/api/v1/shops/{}/products", shop.id), Some(&shop.staff.access_token)).await;
    for item in page["items"].as_array().unwrap() {
        let (_, product) = app
            .get(&format!("/api/v1/products/{}", item["id"].as_str().unwrap()), Some(&shop.staff.access_token))
            .await;
        for v in product["variants"].as_array().unwrap() {
            if v["id"] == variant {
                return v["stock"][0]["quantity"].as_i64().unwrap_or(0);
            }
        }
    }
    panic!("no variant {variant}");
}

async fn checkout(app: &TestApp, token: &str, key: &str, body: Value) -> (u16, Value, Option<String>) {
    let response = app
        .client
        .post(app.url("/api/v1/orders"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let replayed = response.headers().get("idempotent-replayed").map(|v| v.to_str().unwrap().to_owned());
    (status, response.json().await.unwrap_or(Value::Null), replayed)
}

async fn cart02_checkout_places_unpaid_orders_per_shop_holds_stock_and_empties_the_cart(backend: Backend) {
    let app = spawn_app(backend).await;
    let alpha = create_shop(&app, "alpha").await;
    let beta = create_shop(&app, "beta").await;
    let shirt = stocked_variant(&app, &alpha, "シャツ", "A", 5).await;
    let beans = stocked_variant(&app, &beta, "珈琲豆", "B", 3).await;
    let (member, token) = fast_member(&app, "buyer@example.test").await;
    let address = home_address(&app, member).await;
    let t = Some(token.as_str());
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": shirt, "quantity": 2})).await;
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": beans, "quantity": 1})).await;

    let body = json!({"address_id": address, "delivery_date": "2026-11-28", "delivery_time_slot": "14-16"});
    let (status, placed, replayed) = checkout(&app, &token, "order-1", body).await;
    assert_eq!(status, 201, "{placed}");
    assert!(replayed.is_none());
    let orders = placed["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 2, "one order per shop");
    for order in orders {
        assert_eq!(order["status"], "awaiting_stock_check", "placed unpaid");
        assert_eq!(order["lines"][0]["status"], "held");
        assert_eq!(order["ship_to"]["postal_code_display"], "150-0001");
        assert_eq!(order["delivery_time_slot"], "14-16");
    }
    let alpha_order = orders.iter().find(|o| o["shop"]["name"] == "alpha 店").unwrap();
    assert_eq!(alpha_order["total"], "9980");
    assert_eq!(
        alpha_order["tax"],
        json!([{"tax_category": "standard", "total": "9980", "tax": "907"}]),
        "tax per rate"
    );

    assert_eq!(stock_of(&app, &alpha, &shirt).await, 3, "stock is held at checkout");
    assert_eq!(stock_of(&app, &beta, &beans).await, 2);
    let (_, cart) = app.get("/api/v1/me/cart", t).await;
    assert!(cart["items"].as_array().unwrap().is_empty(), "the cart is emptied");
    let mails = app.mailbox("buyer@example.test").await;
    assert_eq!(mails.iter().filter(|m| m["template"] == "order_received").count(), 2);
    assert!(mails[0]["body"].as_str().unwrap().contains("¥"), "{}", mails[0]["body"]);

    // ORD-04: My Page lists them; another member cannot see them.
    let (_, mine) = app.get("/api/v1/me/orders", t).await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 2);
    let path = format!("/api/v1/me/orders/{}", alpha_order["id"].as_str().unwrap());
    let (status, detail) = app.get(&path, t).await;
    assert_eq!((status, detail["number"].clone()), (200, alpha_order["number"].clone()));
    let (_, other) = fast_member(&app, "other@example.test").await;
    assert_eq!(app.get(&path, Some(&other)).await.0, 404);
    assert_eq!(app.get("/api/v1/me/orders", None).await.0, 401);
}

async fn cart02_checkout_refuses_bad_requests_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let shirt = stocked_variant(&app, &shop, "シャツ", "A", 1).await;
    let (member, token) = fast_member(&app, "careful@example.test").await;
    let address = home_address(&app, member).await;
    let body = json!({"address_id": address});

    let (status, problem, _) = checkout(&app, &token, "k1", body.clone()).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("cart_empty")));
    app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": shirt, "quantity": 2})).await;
    let (status, problem, _) = checkout(&app, &token, "k2", body.clone()).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("insufficient_stock")), "{problem}");
    assert_eq!(stock_of(&app, &shop, &shirt).await, 1, "a refused checkout holds nothing");
    let (_, cart) = app.get("/api/v1/me/cart", Some(&token)).await;
    assert_eq!(cart["items"][0]["quantity"], 2, "and keeps the cart");

    let (other, _) = fast_member(&app, "someone@example.test").await;
    let foreign = home_address(&app, other).await;
    let (status, problem, _) = checkout(&app, &token, "k3", json!({"address_id": foreign})).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["address_id"].is_array(), "{problem}");
    let (status, problem, _) =
        checkout(&app, &token, "k4", json!({"address_id": address, "delivery_time_slot": "midnight"})).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["delivery_time_slot"].is_array());

    let response = app.client.post(app.url("/api/v1/orders")).bearer_auth(&token).json(&body).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "idempotency_key_required");
    assert!(problem["errors"]["Idempotency-Key"].is_array());
    let (_, orders) = app.get("/api/v1/me/orders", Some(&token)).await;
    assert!(orders["items"].as_array().unwrap().is_empty(), "nothing was ordered");
    assert_eq!(
        app.client
            .post(app.url("/api/v1/orders"))
            .header("Idempotency-Key", "x")
            .json(&body)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        401
    );
}

async fn pay09_the_same_idempotency_key_replays_the_first_response(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let shirt = stocked_variant(&app, &shop, "シャツ", "A", 10).await;
    let (member, token) = fast_member(&app, "retry@example.test").await;
    let address = home_address(&app, member).await;
    app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": shirt, "quantity": 1})).await;
    let body = json!({"address_id": address});

    let (status, first, replayed) = checkout(&app, &token, "same-key", body.clone()).await;
    assert_eq!((status, replayed), (201, None));
    let (status, second, replayed) = checkout(&app, &token, "same-key", body.clone()).await;
    assert_eq!((status, replayed.as_deref()), (201, Some("true")));
    assert_eq!(first, second, "the retry gets the first response");
    let (_, orders) = app.get("/api/v1/me/orders", Some(&token)).await;
    assert_eq!(orders["items"].as_array().unwrap().len(), 1, "and nothing is ordered twice");
    assert_eq!(stock_of(&app, &shop, &shirt).await, 9);

    let (status, problem, _) =
        checkout(&app, &token, "same-key", json!({"address_id": address, "delivery_time_slot": "morning"})).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("idempotency_key_reused")));
    // Keys are per member: another member's identical key is a different request.
    let (other, other_token) = fast_member(&app, "other@example.test").await;
    let other_address = home_address(&app, other).await;
    app.post("/api/v1/me/cart/items", Some(&other_token), json!({"variant_id": shirt, "quantity": 1})).await;
    let (status, _, replayed) = checkout(&app, &other_token, "same-key", json!({"address_id": other_address})).await;
    assert_eq!((status, replayed), (201, None));
}

async fn cart02_two_hundred_concurrent_checkouts_sell_exactly_the_ten_units_in_stock(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let limited = stocked_variant(&app, &shop, "限定スニーカー", "LTD", 10).await;
    let mut buyers = Vec::new();
    for i in 0..200 {
        let (member, token) = fast_member(&app, &format!("crowd{i}@example.test")).await;
        let address = home_address(&app, member).await;
        kaimono_orders::add_to_cart(
            &app.db,
            member,
            kaimono_core::VariantId(limited.parse().unwrap()),
            1,
            app.clock_now(),
        )
        .await
        .unwrap();
        buyers.push((token, address));
    }
    let attempts = buyers.iter().enumerate().map(|(i, (token, address))| {
        let app = &app;
        async move { checkout(app, token, &format!("crowd-{i}"), json!({"address_id": address})).await.0 }
    });
    let statuses = futures_util::future::join_all(attempts).await;
    let sold = statuses.iter().filter(|s| **s == 201).count();
    let refused = statuses.iter().filter(|s| **s == 409).count();
    assert_eq!((sold, refused), (10, 190), "{statuses:?}");
    assert_eq!(stock_of(&app, &shop, &limited).await, 0);
}

/// A member's placed order of `lines` (variant, quantity) at `shop`; returns the order JSON.
async fn placed_order(app: &TestApp, email: &str, lines: &[(&str, i64)]) -> Value {
    placed_order_by(app, email, lines).await.0
}

/// [`placed_order`], with the member's access token.
pub(crate) async fn placed_order_by(app: &TestApp, email: &str, lines: &[(&str, i64)]) -> (Value, String) {
    let (member, token) = fast_member(app, email).await;
    let address = home_address(app, member).await;
    for (variant, quantity) in lines {
        app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": variant, "quantity": quantity})).await;
    }
    let (status, placed, _) = checkout(app, &token, "k", json!({"address_id": address})).await;
    assert_eq!(status, 201, "{placed}");
    (placed["orders"][0].clone(), token)
}

async fn ord01_the_shop_secures_an_order_and_it_awaits_payment(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let shirt = stocked_variant(&app, &shop, "シャツ", "A", 5).await;
    let (order, token) = placed_order_by(&app, "m@example.test", &[(&shirt, 2)]).await;
    let staff = Some(shop.staff.access_token.as_str());
    let (_, queue) = app.get(&format!("/api/v1/shops/{}/orders?status=awaiting_stock_check", shop.id), staff).await;
    assert_eq!(queue["items"].as_array().unwrap().len(), 1, "the stock-check queue");
    let path = format!("/api/v1/shops/{}/orders/{}/stock-check", shop.id, order["id"].as_str().unwrap());
    let (status, checked) = app.post(&path, staff, json!({})).await;
    assert_eq!(status, 200, "{checked}");
    assert_eq!(checked["status"], "awaiting_payment");
    assert_eq!(checked["lines"][0]["status"], "secured");
    assert_eq!(stock_of(&app, &shop, &shirt).await, 3, "secured stock stays held");
    let (_, queue) = app.get(&format!("/api/v1/shops/{}/orders?status=awaiting_stock_check", shop.id), staff).await;
    assert!(queue["items"].as_array().unwrap().is_empty());
    let (status, problem) = app.post(&path, staff, json!({})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")), "checked once only");

    // SHOP-02, ORD-04: the timeline, for staff with names and for the member without.
    let id = order["id"].as_str().unwrap();
    let (status, events) = app.get(&format!("/api/v1/shops/{}/orders/{id}/timeline", shop.id), staff).await;
    assert_eq!(status, 200, "{events}");
    let steps: Vec<_> = events.as_array().unwrap().iter().map(|e| (e["what"].as_str(), e["by"].as_str())).collect();
    assert_eq!(steps, [(Some("placed"), Some("member")), (Some("awaiting_payment"), Some("staff"))]);
    assert_eq!(events[1]["by_name"], "店員", "{events}");
    let (status, mine) = app.get(&format!("/api/v1/me/orders/{id}/timeline"), Some(&token)).await;
    assert_eq!((status, mine.as_array().map(Vec::len)), (200, Some(2)), "{mine}");
    assert!(mine[1]["by_name"].is_null(), "{mine}");
    let other = create_shop(&app, "beta").await;
    let foreign = format!("/api/v1/shops/{}/orders/{id}/timeline", other.id);
    assert_eq!(app.get(&foreign, Some(&other.staff.access_token)).await.0, 404);
    assert_eq!(app.get(&format!("/api/v1/me/orders/{id}/timeline"), None).await.0, 401);
}

async fn ord01_rejected_lines_are_cancelled_with_stock_given_back_and_the_member_told(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let shirt = stocked_variant(&app, &shop, "シャツ", "A", 5).await;
    let scarf = stocked_variant(&app, &shop, "スカーフ", "B", 5).await;
    let order = placed_order(&app, "partial@example.test", &[(&shirt, 1), (&scarf, 2)]).await;
    let scarf_line =
        order["lines"].as_array().unwrap().iter().find(|l| l["variant_id"] == scarf.as_str()).unwrap()["id"].clone();
    let staff = Some(shop.owner.access_token.as_str());
    let path = format!("/api/v1/shops/{}/orders/{}/stock-check", shop.id, order["id"].as_str().unwrap());
    let (status, checked) = app.post(&path, staff, json!({"rejected_line_ids": [scarf_line]})).await;
    assert_eq!(status, 200, "{checked}");
    assert_eq!(checked["status"], "awaiting_payment");
    assert_eq!(checked["total"], "4990", "the amount is recomputed without the rejected line");
    assert_eq!(checked["tax"][0]["tax"], "453");
    assert_eq!(stock_of(&app, &shop, &scarf).await, 5, "the rejected line's stock is given back");
    assert_eq!(stock_of(&app, &shop, &shirt).await, 4);
    let mails = app.mailbox("partial@example.test").await;
    let told = mails.iter().find(|m| m["template"] == "order_lines_rejected").expect("the member is told");
    assert!(told["body"].as_str().unwrap().contains("スカーフ"));

    // Every line rejected: the order is cancelled.
    let only = placed_order(&app, "none@example.test", &[(&shirt, 1)]).await;
    let line = only["lines"][0]["id"].clone();
    let path = format!("/api/v1/shops/{}/orders/{}/stock-check", shop.id, only["id"].as_str().unwrap());
    let (_, checked) = app.post(&path, staff, json!({"rejected_line_ids": [line]})).await;
    assert_eq!((checked["status"].as_str(), checked["total"].as_str()), (Some("cancelled"), Some("0")));
    assert_eq!(stock_of(&app, &shop, &shirt).await, 4);
}

async fn ord01_stock_checks_are_refused_for_other_shops_bad_lines_and_wrong_states(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let other = create_shop(&app, "beta").await;
    let shirt = stocked_variant(&app, &shop, "シャツ", "A", 5).await;
    let order = placed_order(&app, "m@example.test", &[(&shirt, 1)]).await;
    let id = order["id"].as_str().unwrap();
    let path = format!("/api/v1/shops/{}/orders/{id}/stock-check", shop.id);
    assert_eq!(app.post(&path, Some(&other.owner.access_token), json!({})).await.0, 403, "another shop's staff");
    assert_eq!(app.post(&path, None, json!({})).await.0, 401);
    let (_, member) = fast_member(&app, "nosy@example.test").await;
    assert_eq!(app.post(&path, Some(&member), json!({})).await.0, 403);
    assert_eq!(app.get(&format!("/api/v1/shops/{}/orders", shop.id), Some(&other.staff.access_token)).await.0, 403);
    // Through its own shop's URL, another shop's order does not exist.
    let foreign = format!("/api/v1/shops/{}/orders/{id}/stock-check", other.id);
    assert_eq!(app.post(&foreign, Some(&other.owner.access_token), json!({})).await.0, 404);
    let (status, problem) =
        app.post(&path, Some(&shop.staff.access_token), json!({"rejected_line_ids": [uuid::Uuid::now_v7()]})).await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["rejected_line_ids"].is_array());
    assert_eq!(app.post(&path, Some(&shop.staff.access_token), json!({"rejected_line_ids": "all"})).await.0, 422);
    assert_eq!(
        app.get(&format!("/api/v1/shops/{}/orders?status=lost", shop.id), Some(&shop.staff.access_token)).await.0,
        422
    );
    let (_, unchanged) = app.get(&format!("/api/v1/shops/{}/orders", shop.id), Some(&shop.staff.access_token)).await;
    assert_eq!(unchanged["items"][0]["status"], "awaiting_stock_check", "refused requests changed nothing");
}
