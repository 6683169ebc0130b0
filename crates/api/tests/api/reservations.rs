//! RSV-01 … RSV-07, SHOP-01, SHOP-02: store-pickup reservations through the HTTP API.

use kaimono_accounts::Role;
use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    rsv01_a_reservation_needs_a_business_day_inside_the_window_and_takes_the_stock,
    rsv02_the_shop_confirms_with_a_pickup_number_or_rejects_and_gives_the_stock_back,
    rsv03_the_pickup_desk_finds_by_number_and_hands_over_with_the_in_store_payment,
    rsv04_a_prepaid_reservation_is_paid_online_before_it_can_be_handed_over,
    rsv05_unvisited_holds_expire_at_the_deadline_with_stock_released_and_payments_refunded,
    rsv05_two_workers_on_one_database_expire_each_hold_exactly_once,
    rsv06_the_member_cancels_before_pickup_and_nobody_else_can,
    rsv01_two_hundred_concurrent_reservations_take_exactly_the_ten_units_in_stock,
    shop01_work_queues_and_shop02_filters_show_the_shops_own_work,
);

const MONDAY_HOLIDAY: &str = "2026-11-23"; // 勤労感謝の日
pub(crate) const WEDNESDAY: &str = "2026-11-25";

fn fulfilment(payment: &str) -> Value {
    json!({"reservable": true, "deliverable": false, "reservation_payment": payment})
}

/// A shop closed on Tuesdays and national holidays, with a reservable product of `quantity` units.
pub(crate) async fn shop_with_item(app: &TestApp, slug: &str, payment: &str, quantity: i64) -> (ShopFixture, String) {
    let shop = create_shop(app, slug).await;
    let calendar =
        json!({"closed_weekdays": ["tue"], "closed_on_holidays": true, "closed_dates": [], "open_dates": []});
    let (status, body) =
        app.put(&format!("/api/v1/shops/{}/calendar", shop.id), Some(&shop.owner.access_token), calendar).await;
    assert_eq!(status, 200, "{body}");
    let variant = stocked_product(app, &shop, slug, quantity, fulfilment(payment)).await;
    (shop, variant)
}

pub(crate) async fn reserve(
    app: &TestApp,
    token: &str,
    key: &str,
    variant: &str,
    quantity: i64,
    date: &str,
) -> (u16, Value) {
    let body = json!({"variant_id": variant, "quantity": quantity, "visit_date": date});
    let (status, body, _) = app.post_with_key("/api/v1/reservations", Some(token), key, body).await;
    (status, body)
}

async fn staff_post(app: &TestApp, shop: &ShopFixture, id: &str, action: &str, body: Value) -> (u16, Value) {
    app.post(&format!("/api/v1/shops/{}/reservations/{id}/{action}", shop.id), Some(&shop.staff.access_token), body)
        .await
}

async fn rsv01_a_reservation_needs_a_business_day_inside_the_window_and_takes_the_stock(backend: Backend) {
    let app = spawn_app(backend).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "in_store", 5).await;
    let (_, token) = fast_member(&app, "member@example.test").await;

    let (status, body) = reserve(&app, &token, "k1", &variant, 1, MONDAY_HOLIDAY).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("shop_closed")), "a national holiday");
    let (status, body) = reserve(&app, &token, "k2", &variant, 1, "2026-11-24").await;
    assert_eq!((status, body["code"].as_str()), (422, Some("shop_closed")), "closed on Tuesdays");
    let (status, body) = reserve(&app, &token, "k3", &variant, 1, "2026-11-22").await;
    assert_eq!((status, body["code"].as_str()), (422, Some("visit_date_out_of_window")), "today is too soon");
    assert!(body["errors"]["visit_date"].is_array());
    let (status, _) = reserve(&app, &token, "k4", &variant, 1, "2026-12-07").await;
    assert_eq!(status, 422, "15 days ahead is beyond the window");
    let (status, body) = reserve(&app, &token, "k5", &variant, 0, WEDNESDAY).await;
    assert_eq!(status, 422);
    assert!(body["errors"]["quantity"].is_array());
    let (status, _) = reserve(&app, &token, "k6", &variant, 6, WEDNESDAY).await;
    assert_eq!(status, 409, "more than there is");
    let delivery_only = stocked_product(
        &app,
        &shop,
        "D",
        5,
        json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"}),
    )
    .await;
    let (status, body) = reserve(&app, &token, "k7", &delivery_only, 1, WEDNESDAY).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("not_reservable")));
    let (status, _, _) = app
        .post_with_key(
            "/api/v1/reservations",
            None,
            "k8",
            json!({"variant_id": variant, "quantity": 1, "visit_date": WEDNESDAY}),
        )
        .await;
    assert_eq!(status, 401);
    assert_eq!(shelf(&app, &shop, &variant).await, 5, "refusals took nothing");

    let (status, created) = reserve(&app, &token, "ok", &variant, 2, WEDNESDAY).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["status"], "requested");
    assert_eq!(created["total"], "9980");
    assert_eq!(created["payment_method"], "in_store");
    assert!(created["pickup_number"].as_str().unwrap().len() == 9, "ABCD-2345");
    assert_eq!(shelf(&app, &shop, &variant).await, 3);
    let (status, replay, replayed) = app
        .post_with_key(
            "/api/v1/reservations",
            Some(&token),
            "ok",
            json!({"variant_id": variant, "quantity": 2, "visit_date": WEDNESDAY}),
        )
        .await;
    assert_eq!((status, replayed.as_deref()), (201, Some("true")));
    assert_eq!(replay["id"], created["id"]);
    assert_eq!(shelf(&app, &shop, &variant).await, 3, "PAY-09: the retry reserved nothing more");
    assert_eq!(app.mailbox("member@example.test").await[0]["template"], "reservation_received");

    // RSV-07: the member's list and status screen.
    let (_, mine) = app.get("/api/v1/me/reservations", Some(&token)).await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    assert_eq!(mine["items"][0]["status"], "requested");
}

async fn rsv02_the_shop_confirms_with_a_pickup_number_or_rejects_and_gives_the_stock_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "in_store", 5).await;
    let (_, token) = fast_member(&app, "member@example.test").await;
    let (_, first) = reserve(&app, &token, "a", &variant, 1, WEDNESDAY).await;
    let (_, second) = reserve(&app, &token, "b", &variant, 2, WEDNESDAY).await;
    let (first, second) = (first["id"].as_str().unwrap(), second["id"].as_str().unwrap());

    let (other, _) = shop_with_item(&app, "beta", "in_store", 1).await;
    let (status, _) = app
        .post(
            &format!("/api/v1/shops/{}/reservations/{first}/confirm", shop.id),
            Some(&other.staff.access_token),
            json!({}),
        )
        .await;
    assert_eq!(status, 403, "staff of another shop");
    let (status, _) = staff_post(&app, &other, first, "confirm", json!({})).await;
    assert_eq!(status, 404, "not that shop's reservation");

    let (status, held) = staff_post(&app, &shop, first, "confirm", json!({})).await;
    assert_eq!(status, 200, "{held}");
    assert_eq!(held["status"], "held");
    // Visit Wednesday 25th + 3 hold days: held to the end of Saturday 28th, Japan time.
    assert_eq!(held["hold_deadline"], "2026-11-28T15:00:00Z");
    let mail = &app.mailbox("member@example.test").await[0];
    assert_eq!(mail["template"], "reservation_confirmed");
    let body = mail["body"].as_str().unwrap();
    assert!(body.contains(held["pickup_number"].as_str().unwrap()), "the pickup number is mailed: {body}");
    assert!(body.contains("お取り置き期限：2026年11月28日(土)まで") && body.contains("店頭"), "{body}");
    assert!(body.contains("来店予定日：2026年11月25日(水)"), "dates read the Japanese way: {body}");
    let (status, _) = staff_post(&app, &shop, first, "confirm", json!({})).await;
    assert_eq!(status, 409, "confirmed once");

    let (status, rejected) = staff_post(&app, &shop, second, "reject", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(rejected["status"], "unavailable");
    assert_eq!(shelf(&app, &shop, &variant).await, 4, "the rejected two went back; the held one stays out");
    assert_eq!(app.mailbox("member@example.test").await[0]["template"], "reservation_unavailable");
}

async fn rsv03_the_pickup_desk_finds_by_number_and_hands_over_with_the_in_store_payment(backend: Backend) {
    let app = spawn_app(backend).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "in_store", 5).await;
    let (_, token) = fast_member(&app, "member@example.test").await;
    let (_, created) = reserve(&app, &token, "a", &variant, 1, WEDNESDAY).await;
    let id = created["id"].as_str().unwrap();
    let number = created["pickup_number"].as_str().unwrap();

    let (status, body) = staff_post(&app, &shop, id, "complete", json!({"paid_in_store": true})).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("invalid_transition")), "not confirmed yet");
    staff_post(&app, &shop, id, "confirm", json!({})).await;

    let staff = Some(shop.staff.access_token.as_str());
    let typed = number.to_lowercase().replace('-', " ");
    let (status, found) = app.get(&format!("/api/v1/shops/{}/pickups/{typed}", shop.id), staff).await;
    assert_eq!(status, 200, "typed in lower case with a space: {found}");
    assert_eq!(found["id"], id);
    let (status, _) = app.get(&format!("/api/v1/shops/{}/pickups/ZZZZ-ZZZZ", shop.id), staff).await;
    assert_eq!(status, 404);
    let (status, detail) = app.get(&format!("/api/v1/shops/{}/reservations/{id}", shop.id), staff).await;
    assert_eq!((status, detail["pickup_number"].as_str()), (200, Some(number)));
    let (status, _) = app.get(&format!("/api/v1/shops/{}/reservations/{id}", shop.id), None).await;
    assert_eq!(status, 401);
    let (other, _) = shop_with_item(&app, "beta", "in_store", 1).await;
    let (status, _) =
        app.get(&format!("/api/v1/shops/{}/pickups/{number}", other.id), Some(&other.staff.access_token)).await;
    assert_eq!(status, 404, "another shop's desk does not find it");

    let (status, body) = staff_post(&app, &shop, id, "complete", json!({})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("in_store_payment_required")));
    let (status, body) = staff_post(&app, &shop, id, "complete", json!({"paid_in_store": "yes"})).await;
    assert_eq!(status, 422, "{body}");
    let (status, done) = staff_post(&app, &shop, id, "complete", json!({"paid_in_store": true})).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!((done["status"].as_str(), done["paid_in_store"].as_bool()), (Some("completed"), Some(true)));
    assert_eq!(shelf(&app, &shop, &variant).await, 4, "handed over: the unit left the shop");
    let (status, _) = staff_post(&app, &shop, id, "complete", json!({"paid_in_store": true})).await;
    assert_eq!(status, 409);

    // The timeline: what happened, by whom, when; the member reads it without staff names.
    let staff_view = format!("/api/v1/shops/{}/reservations/{id}/timeline", shop.id);
    let (status, events) = app.get(&staff_view, staff).await;
    assert_eq!(status, 200, "{events}");
    let steps: Vec<_> = events.as_array().unwrap().iter().map(|e| (e["what"].as_str(), e["by"].as_str())).collect();
    assert_eq!(
        steps,
        [(Some("requested"), Some("member")), (Some("held"), Some("staff")), (Some("completed"), Some("staff"))]
    );
    assert!(events[1]["by_name"].is_string(), "staff see who confirmed it: {events}");
    let (status, mine) = app.get(&format!("/api/v1/me/reservations/{id}/timeline"), Some(&token)).await;
    assert_eq!((status, mine.as_array().map(Vec::len)), (200, Some(3)), "{mine}");
    assert!(mine[1]["by_name"].is_null(), "members do not see staff names: {mine}");
    assert_eq!(app.get(&staff_view, None).await.0, 401);
    let foreign = format!("/api/v1/shops/{}/reservations/{id}/timeline", other.id);
    assert_eq!(app.get(&foreign, Some(&other.staff.access_token)).await.0, 404);
    let (_, stranger) = fast_member(&app, "stranger@example.test").await;
    assert_eq!(app.get(&format!("/api/v1/me/reservations/{id}/timeline"), Some(&stranger)).await.0, 404);
}

async fn rsv04_a_prepaid_reservation_is_paid_online_before_it_can_be_handed_over(backend: Backend) {
    let app = spawn_app(backend).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "prepaid", 5).await;
    let (_, token) = fast_member(&app, "member@example.test").await;
    let (_, created) = reserve(&app, &token, "a", &variant, 1, WEDNESDAY).await;
    let id = created["id"].as_str().unwrap();
    let (_, held) = staff_post(&app, &shop, id, "confirm", json!({})).await;
    assert_eq!(held["awaiting_payment"], true);
    let body = app.mailbox("member@example.test").await[0]["body"].as_str().unwrap().to_owned();
    assert!(body.contains("オンライン事前決済") && body.contains("/pay/"), "{body}");

    let (status, body) = staff_post(&app, &shop, id, "complete", json!({"paid_in_store": true})).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("not_paid")), "never hand over an unpaid prepaid item");

    let link = app.payment_token("member@example.test").await;
    let (_, request) = app.get(&format!("/api/v1/payment-requests/{link}"), Some(&token)).await;
    assert_eq!(request["reservation"]["id"], id);
    let card = sandbox_card(&app, &token, "ok").await;
    let (status, paid, _) = app
        .post_with_key(&format!("/api/v1/payment-requests/{link}/pay"), Some(&token), "p", json!({"card_id": card}))
        .await;
    assert_eq!(status, 200, "{paid}");
    let kinds: Vec<_> = paid["attempts"].as_array().unwrap().iter().map(|a| a["kind"].clone()).collect();
    assert_eq!(kinds, [json!("authorize"), json!("capture")], "captured at once");
    assert_eq!(app.mailbox("member@example.test").await[0]["template"], "payment_received");

    let (status, done) = staff_post(&app, &shop, id, "complete", json!({})).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!((done["status"].as_str(), done["paid_in_store"].as_bool()), (Some("completed"), Some(false)));
}

async fn rsv05_unvisited_holds_expire_at_the_deadline_with_stock_released_and_payments_refunded(backend: Backend) {
    let app = spawn_app(backend).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "prepaid", 5).await;
    let (member, token) = fast_member(&app, "member@example.test").await;
    let (_, created) = reserve(&app, &token, "a", &variant, 2, "2026-11-26").await;
    let id = created["id"].as_str().unwrap();
    staff_post(&app, &shop, id, "confirm", json!({})).await;
    let link = app.payment_token("member@example.test").await;
    let card = sandbox_card(&app, &token, "ok").await;
    let (status, _, _) = app
        .post_with_key(&format!("/api/v1/payment-requests/{link}/pay"), Some(&token), "p", json!({"card_id": card}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(shelf(&app, &shop, &variant).await, 3);

    // Visit Thursday 26th + 3 days: the hold ends at midnight JST after Sunday 29th.
    app.clock.set(chrono::DateTime::parse_from_rfc3339("2026-11-29T14:59:00Z").unwrap().into());
    assert_eq!(app.run_expiry().await, 0);
    app.clock.set(chrono::DateTime::parse_from_rfc3339("2026-11-29T15:00:00Z").unwrap().into());
    assert_eq!(app.run_expiry().await, 1);
    assert_eq!(app.run_expiry().await, 0);

    let token = token_for(&app, &member.0.to_string(), Role::Member);
    let (_, expired) = app.get(&format!("/api/v1/me/reservations/{id}"), Some(&token)).await;
    assert_eq!(expired["status"], "expired");
    let kinds: Vec<_> = expired["payment"]["attempts"].as_array().unwrap().iter().map(|a| a["kind"].clone()).collect();
    assert_eq!(kinds, [json!("authorize"), json!("capture"), json!("refund")]);
    assert_eq!(shelf(&app, &shop, &variant).await, 5, "stock released");
    let mail = &app.mailbox("member@example.test").await[0];
    assert_eq!(mail["template"], "reservation_cancelled");
    let body = mail["body"].as_str().unwrap();
    assert!(body.contains("自動キャンセル") && body.contains("返金"), "{body}");
}

async fn rsv05_two_workers_on_one_database_expire_each_hold_exactly_once(backend: Backend) {
    let app = spawn_app(backend.clone()).await;
    let second = spawn_on(backend, app.state.config.database_url.clone(), Options::default()).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "in_store", 30).await;
    let mut ids = Vec::new();
    for i in 0..20 {
        let (_, token) = fast_member(&app, &format!("m{i}@example.test")).await;
        let (status, created) = reserve(&app, &token, "a", &variant, 1, WEDNESDAY).await;
        assert_eq!(status, 201);
        let id = created["id"].as_str().unwrap().to_owned();
        staff_post(&app, &shop, &id, "confirm", json!({})).await;
        ids.push(id);
    }
    assert_eq!(shelf(&app, &shop, &variant).await, 10);
    let later = chrono::DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z").unwrap().into();
    app.clock.set(later);
    second.clock.set(later);
    let (a, b) = tokio::join!(app.run_expiry(), second.run_expiry());
    assert_eq!(a + b, 20, "every hold expired, none twice ({a} + {b})");
    assert_eq!(shelf(&app, &shop, &variant).await, 30, "each hold's stock came back exactly once");
    for i in 0..20 {
        let cancelled = app
            .mailbox(&format!("m{i}@example.test"))
            .await
            .iter()
            .filter(|m| m["template"] == "reservation_cancelled")
            .count();
        assert_eq!(cancelled, 1, "member {i} is told once");
    }
}

async fn rsv06_the_member_cancels_before_pickup_and_nobody_else_can(backend: Backend) {
    let app = spawn_app(backend).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "in_store", 5).await;
    let (_, token) = fast_member(&app, "member@example.test").await;
    let (_, stranger) = fast_member(&app, "stranger@example.test").await;
    let (_, created) = reserve(&app, &token, "a", &variant, 2, WEDNESDAY).await;
    let id = created["id"].as_str().unwrap();
    staff_post(&app, &shop, id, "confirm", json!({})).await;
    let path = format!("/api/v1/me/reservations/{id}/cancel");

    let (status, _, _) = app.post_with_key(&path, Some(&stranger), "s", json!({})).await;
    assert_eq!(status, 404);
    let (status, _) = app.get(&format!("/api/v1/me/reservations/{id}"), Some(&stranger)).await;
    assert_eq!(status, 404);
    let (status, _, _) = app.post_with_key(&path, None, "n", json!({})).await;
    assert_eq!(status, 401);
    let (status, cancelled, _) = app.post_with_key(&path, Some(&token), "c", json!({})).await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(shelf(&app, &shop, &variant).await, 5);
    assert_eq!(app.mailbox("member@example.test").await[0]["template"], "reservation_cancelled");
    let (status, again, replayed) = app.post_with_key(&path, Some(&token), "c", json!({})).await;
    assert_eq!((status, replayed.as_deref()), (200, Some("true")));
    assert_eq!(again["status"], "cancelled");
    let (status, body, _) = app.post_with_key(&path, Some(&token), "c2", json!({})).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("invalid_transition")));
}

async fn rsv01_two_hundred_concurrent_reservations_take_exactly_the_ten_units_in_stock(backend: Backend) {
    let app = spawn_app(backend).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "in_store", 10).await;
    let mut tokens = Vec::new();
    for i in 0..200 {
        tokens.push(fast_member(&app, &format!("crowd{i}@example.test")).await.1);
    }
    let attempts = tokens.iter().map(|token| reserve(&app, token, "crowd", &variant, 1, WEDNESDAY));
    let results = futures_util::future::join_all(attempts).await;
    let created = results.iter().filter(|(s, _)| *s == 201).count();
    let refused = results.iter().filter(|(s, b)| *s == 409 && b["code"] == "insufficient_stock").count();
    assert_eq!((created, refused), (10, 190), "{:?}", results.iter().map(|r| r.0).collect::<Vec<_>>());
    assert_eq!(shelf(&app, &shop, &variant).await, 0);
}

async fn shop01_work_queues_and_shop02_filters_show_the_shops_own_work(backend: Backend) {
    let app = spawn_app(backend).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "in_store", 10).await;
    let (_, token) = fast_member(&app, "member@example.test").await;
    let (_, tomorrow) = reserve(&app, &token, "a", &variant, 1, WEDNESDAY).await;
    reserve(&app, &token, "b", &variant, 1, "2026-11-26").await;
    staff_post(&app, &shop, tomorrow["id"].as_str().unwrap(), "confirm", json!({})).await;
    let staff = Some(shop.staff.access_token.as_str());

    let (status, queues) = app.get(&format!("/api/v1/shops/{}/queues", shop.id), staff).await;
    assert_eq!(status, 200, "{queues}");
    assert_eq!(queues["reservations_to_confirm"], 1);
    assert_eq!(queues["pickups_today"], 0, "the held one is for Wednesday");
    app.clock.set(chrono::DateTime::parse_from_rfc3339("2026-11-25T00:00:00Z").unwrap().into());
    let staff_token = token_for(&app, &shop.staff.account_id, Role::Staff);
    let staff = Some(staff_token.as_str());
    let (_, queues) = app.get(&format!("/api/v1/shops/{}/queues", shop.id), staff).await;
    assert_eq!(queues["pickups_today"], 1);
    let (other, _) = shop_with_item(&app, "beta", "in_store", 1).await;
    let (status, _) = app.get(&format!("/api/v1/shops/{}/queues", shop.id), Some(&other.staff.access_token)).await;
    assert_eq!(status, 403);

    let path = |query: &str| format!("/api/v1/shops/{}/reservations?{query}", shop.id);
    let (_, today) = app.get(&path("status=held&visit_date=2026-11-25"), staff).await;
    assert_eq!(today["items"].as_array().unwrap().len(), 1);
    let number = tomorrow["pickup_number"].as_str().unwrap();
    let (_, by_number) = app.get(&path(&format!("q={}", &number[..4])), staff).await;
    assert!(by_number["items"].as_array().unwrap().iter().any(|r| r["pickup_number"] == number));
    let (_, by_name) = app.get(&path("q=速水"), staff).await;
    assert_eq!(by_name["items"].as_array().unwrap().len(), 2, "the member's name");
    let (_, nothing) = app.get(&path("q=%25"), staff).await;
    assert_eq!(nothing["items"], json!([]), "a wildcard matches itself only");
    let (status, _) = app.get(&path("status=lost"), staff).await;
    assert_eq!(status, 422);
}
