//! ORD-02 … ORD-05, PAY-01 … PAY-04, PAY-09: payment links, cards, authorization, capture at shipment,
//! void, expiry — through the HTTP API with the sandbox provider.

use kaimono_accounts::Role;
use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    ord02_a_secured_order_mails_a_payment_link_that_the_member_pays_once_with_a_saved_card,
    pay04_a_payment_link_refuses_other_members_declined_and_expired_cards_and_lapsed_links,
    ord03_shipping_captures_the_payment_and_mails_carrier_and_tracking_number,
    ord05_an_unpaid_payment_link_expires_cancelling_the_order_and_releasing_its_stock,
    pay01_members_register_change_and_delete_cards_and_only_tokens_reach_the_api,
    ord05_cancellation_by_member_before_payment_and_by_shop_after_payment_voids_and_releases,
    shop02_staff_open_one_of_their_orders_with_its_payment_and_nobody_else_can,
    sub04_the_providers_rate_is_shared_by_every_instance_and_a_429_pauses_them_all,
);

struct SecuredOrder {
    shop: ShopFixture,
    email: String,
    token: String,
    member: String,
    order: String,
    variant: String,
}

/// A member's order of 2 units (stock 5), secured by the shop: its payment link is in the mailbox.
async fn secured_order(app: &TestApp) -> SecuredOrder {
    let shop = create_shop(app, "alpha").await;
    let fulfilment = json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"});
    let variant = stocked_product(app, &shop, "A", 5, fulfilment).await;
    let email = "buyer@example.test".to_owned();
    let (member, token) = fast_member(app, &email).await;
    let address = home_address(app, member).await;
    let t = Some(token.as_str());
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": variant, "quantity": 2})).await;
    let (status, placed, _) = app.post_with_key("/api/v1/orders", t, "o-1", json!({"address_id": address})).await;
    assert_eq!(status, 201, "{placed}");
    let order = placed["orders"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/shops/{}/orders/{order}/stock-check", shop.id);
    let (status, checked) = app.post(&path, Some(&shop.staff.access_token), json!({})).await;
    assert_eq!(status, 200, "{checked}");
    assert_eq!(checked["status"], "awaiting_payment");
    SecuredOrder { shop, email, token, member: member.0.to_string(), order, variant }
}

async fn pay(app: &TestApp, token: &str, link: &str, key: &str, card: &str) -> (u16, Value, Option<String>) {
    app.post_with_key(&format!("/api/v1/payment-requests/{link}/pay"), Some(token), key, json!({"card_id": card})).await
}

async fn paid_order(app: &TestApp) -> SecuredOrder {
    let o = secured_order(app).await;
    let link = app.payment_token(&o.email).await;
    let card = sandbox_card(app, &o.token, "ok").await;
    let (status, body, _) = pay(app, &o.token, &link, "pay-1", &card).await;
    assert_eq!(status, 200, "{body}");
    o
}

async fn ord02_a_secured_order_mails_a_payment_link_that_the_member_pays_once_with_a_saved_card(backend: Backend) {
    let app = spawn_app(backend).await;
    let o = secured_order(&app).await;
    let mails = app.mailbox(&o.email).await;
    assert_eq!(mails[0]["template"], "order_payment_requested");
    let body = mails[0]["body"].as_str().unwrap();
    assert!(body.contains("http://kaimono.test/pay/") && body.contains("お支払い期限"), "{body}");
    let link = app.payment_token(&o.email).await;
    assert!(link.len() >= 64, "unguessable: 256 random bits");

    let (status, request) = app.get(&format!("/api/v1/payment-requests/{link}"), Some(&o.token)).await;
    assert_eq!(status, 200, "{request}");
    assert_eq!((request["status"].as_str(), request["payable"].as_bool()), (Some("open"), Some(true)));
    assert_eq!(request["amount"], "9980");
    assert_eq!(request["order"]["id"], o.order.as_str());
    assert!(request["reservation"].is_null());

    let card = sandbox_card(&app, &o.token, "ok").await;
    let (status, paid, replayed) = pay(&app, &o.token, &link, "pay-1", &card).await;
    assert_eq!(status, 200, "{paid}");
    assert!(replayed.is_none());
    assert_eq!(paid["status"], "paid");
    assert_eq!(paid["attempts"][0]["kind"], "authorize");
    assert_eq!(paid["attempts"][0]["succeeded"], true);
    assert!(paid["attempts"][0]["provider_ref"].as_str().unwrap().starts_with("sbx_pi_"));

    // PAY-09: the same key replays; a new key is refused — the link is single-use.
    let (status, again, replayed) = pay(&app, &o.token, &link, "pay-1", &card).await;
    assert_eq!((status, replayed.as_deref()), (200, Some("true")));
    assert_eq!(again, paid);
    let (status, twice, _) = pay(&app, &o.token, &link, "pay-2", &card).await;
    assert_eq!((status, twice["code"].as_str()), (409, Some("already_paid")));

    let (_, order) = app.get(&format!("/api/v1/me/orders/{}", o.order), Some(&o.token)).await;
    assert_eq!(order["status"], "paid");
    assert!(order["paid_at"].is_string());
    assert_eq!(order["payment"]["attempts"].as_array().unwrap().len(), 1, "charged once");
    let mails = app.mailbox(&o.email).await;
    assert_eq!(mails[0]["template"], "payment_received");
    assert!(mails[0]["body"].as_str().unwrap().contains("VISA •••• 4242"));
    let (_, request) = app.get(&format!("/api/v1/payment-requests/{link}"), Some(&o.token)).await;
    assert_eq!((request["status"].as_str(), request["payable"].as_bool()), (Some("paid"), Some(false)));
}

async fn pay04_a_payment_link_refuses_other_members_declined_and_expired_cards_and_lapsed_links(backend: Backend) {
    let app = spawn_app(backend).await;
    let o = secured_order(&app).await;
    let link = app.payment_token(&o.email).await;

    // Someone else's link does not exist for them; no token is 401; a made-up link is 404.
    let (_, stranger) = fast_member(&app, "stranger@example.test").await;
    let stranger_card = sandbox_card(&app, &stranger, "ok").await;
    let (status, _) = app.get(&format!("/api/v1/payment-requests/{link}"), Some(&stranger)).await;
    assert_eq!(status, 404);
    let (status, _, _) = pay(&app, &stranger, &link, "s-1", &stranger_card).await;
    assert_eq!(status, 404);
    let (status, _) = app.get(&format!("/api/v1/payment-requests/{link}"), None).await;
    assert_eq!(status, 401);
    let (status, _) = app.get("/api/v1/payment-requests/not-a-link", Some(&o.token)).await;
    assert_eq!(status, 404);

    // Bad input: no key, a card that is not the member's, a malformed body.
    let path = format!("/api/v1/payment-requests/{link}/pay");
    let (status, body) = app.post(&path, Some(&o.token), json!({"card_id": stranger_card})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("idempotency_key_required")));
    let (status, body, _) = pay(&app, &o.token, &link, "m-0", &stranger_card).await;
    assert_eq!(status, 422);
    assert!(body["errors"]["card_id"].is_array(), "{body}");
    let (status, body, _) = app.post_with_key(&path, Some(&o.token), "m-00", json!({"card_id": "x"})).await;
    assert_eq!(status, 422, "{body}");

    // Declined and expired test cards: 402, nothing paid, the attempt recorded, the link still open.
    let declined = sandbox_card(&app, &o.token, "decline").await;
    let (status, body, _) = pay(&app, &o.token, &link, "m-1", &declined).await;
    assert_eq!((status, body["code"].as_str()), (402, Some("card_declined")), "{body}");
    let (status, replay, replayed) = pay(&app, &o.token, &link, "m-1", &declined).await;
    assert_eq!((status, replayed.as_deref(), replay["code"].as_str()), (402, Some("true"), Some("card_declined")));
    let expired = sandbox_card(&app, &o.token, "expired").await;
    let (status, body, _) = pay(&app, &o.token, &link, "m-2", &expired).await;
    assert_eq!((status, body["code"].as_str()), (402, Some("expired_card")));
    let (_, order) = app.get(&format!("/api/v1/me/orders/{}", o.order), Some(&o.token)).await;
    assert_eq!(order["status"], "awaiting_payment");
    let attempts = order["payment"]["attempts"].as_array().unwrap();
    let codes: Vec<_> = attempts.iter().map(|a| a["failure_code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["card_declined", "expired_card"]);

    // After the shop's limit (3 days) the link is gone.
    app.clock.advance(chrono::Duration::days(3));
    let token = token_for(&app, &o.member, Role::Member);
    let good = sandbox_card(&app, &token, "ok").await;
    let (status, body, _) = pay(&app, &token, &link, "m-3", &good).await;
    assert_eq!((status, body["code"].as_str()), (410, Some("payment_request_expired")), "{body}");
}

async fn ord03_shipping_captures_the_payment_and_mails_carrier_and_tracking_number(backend: Backend) {
    let app = spawn_app(backend).await;
    let o = paid_order(&app).await;
    let staff = Some(o.shop.staff.access_token.as_str());
    let path = format!("/api/v1/shops/{}/orders/{}/ship", o.shop.id, o.order);

    let (status, body, _) =
        app.post_with_key(&path, staff, "s-0", json!({"carrier": "yamato", "tracking_number": "12 34"})).await;
    assert_eq!(status, 422);
    assert!(body["errors"]["tracking_number"].is_array(), "{body}");
    let (status, body, _) =
        app.post_with_key(&path, staff, "s-00", json!({"carrier": "pigeon", "tracking_number": "1234"})).await;
    assert_eq!(status, 422, "{body}");
    let other = create_shop(&app, "beta").await;
    let ship = json!({"carrier": "yamato", "tracking_number": "1234-5678-9012"});
    let (status, _, _) = app.post_with_key(&path, Some(&other.staff.access_token), "x-1", ship.clone()).await;
    assert_eq!(status, 403, "staff of another shop");
    let (status, _, _) = app
        .post_with_key(
            &format!("/api/v1/shops/{}/orders/{}/ship", other.id, o.order),
            Some(&other.staff.access_token),
            "x-2",
            ship.clone(),
        )
        .await;
    assert_eq!(status, 404, "not that shop's order");
    let (status, _, _) = app.post_with_key(&path, None, "x-3", ship.clone()).await;
    assert_eq!(status, 401);

    let (status, shipped, _) = app.post_with_key(&path, staff, "s-1", ship.clone()).await;
    assert_eq!(status, 200, "{shipped}");
    assert_eq!(shipped["status"], "shipped");
    assert_eq!(shipped["shipment"]["carrier"], "yamato");
    assert_eq!(shipped["shipment"]["tracking_number"], "1234-5678-9012");
    let kinds: Vec<_> = shipped["payment"]["attempts"].as_array().unwrap().iter().map(|a| a["kind"].clone()).collect();
    assert_eq!(kinds, [json!("authorize"), json!("capture")]);
    let mail = &app.mailbox(&o.email).await[0];
    assert_eq!(mail["template"], "order_shipped");
    let body = mail["body"].as_str().unwrap();
    assert!(body.contains("ヤマト運輸") && body.contains("1234-5678-9012"), "{body}");

    let (status, body, _) = app.post_with_key(&path, staff, "s-2", ship).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("invalid_transition")));
    let (_, mine) = app.get(&format!("/api/v1/me/orders/{}", o.order), Some(&o.token)).await;
    assert_eq!(mine["shipment"]["tracking_number"], "1234-5678-9012");
}

async fn ord05_an_unpaid_payment_link_expires_cancelling_the_order_and_releasing_its_stock(backend: Backend) {
    let app = spawn_app(backend).await;
    let o = secured_order(&app).await;
    assert_eq!(shelf(&app, &o.shop, &o.variant).await, 3);
    app.clock.advance(chrono::Duration::days(3) - chrono::Duration::minutes(1));
    assert_eq!(app.run_expiry().await, 0, "not yet");
    app.clock.advance(chrono::Duration::minutes(1));
    assert_eq!(app.run_expiry().await, 1);
    assert_eq!(app.run_expiry().await, 0, "once");

    let token = token_for(&app, &o.member, Role::Member);
    let (_, order) = app.get(&format!("/api/v1/me/orders/{}", o.order), Some(&token)).await;
    assert_eq!(order["status"], "cancelled");
    assert_eq!(order["cancel_reason"], "payment_expired");
    assert_eq!(order["lines"][0]["status"], "released");
    assert_eq!(order["payment"]["status"], "expired");
    assert_eq!(shelf(&app, &o.shop, &o.variant).await, 5, "stock released");
    let mail = &app.mailbox(&o.email).await[0];
    assert_eq!(mail["template"], "order_cancelled");
    assert!(mail["body"].as_str().unwrap().contains("お支払い期限までに"));
}

async fn pay01_members_register_change_and_delete_cards_and_only_tokens_reach_the_api(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = fast_member(&app, "cards@example.test").await;
    let t = Some(token.as_str());
    let (status, _) = app.get("/api/v1/me/cards", None).await;
    assert_eq!(status, 401);

    // A card number is not a token: the sandbox refuses it, nothing is saved.
    let (status, body) = app.post("/api/v1/me/cards", t, json!({"token": "4242424242424242"})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("card_rejected")), "{body}");
    assert!(body["errors"]["token"].is_array());
    let (status, body) = app.post("/api/v1/me/cards", t, json!({"token": "sbx.ok.visa.4242.10.2026.n1"})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("card_expired")), "October 2026 has passed");
    let (status, _) = app.post("/api/v1/me/cards", t, json!({"token": ""})).await;
    assert_eq!(status, 422);
    let (_, cards) = app.get("/api/v1/me/cards", t).await;
    assert_eq!(cards, json!([]));

    let first = sandbox_card(&app, &token, "ok").await;
    let (status, second) = app.post("/api/v1/me/cards", t, json!({"token": "sbx.ok.jcb.0000.11.2026.n2"})).await;
    assert_eq!(status, 201);
    assert_eq!((second["brand"].as_str(), second["last4"].as_str()), (Some("jcb"), Some("0000")));
    assert_eq!(second["is_default"], true, "a new card becomes the default");
    let (_, cards) = app.get("/api/v1/me/cards", t).await;
    assert_eq!(cards.as_array().unwrap().len(), 2);
    assert_eq!(cards[0]["id"], second["id"]);
    assert!(cards.to_string().find("card_ref").is_none(), "the provider reference stays on the server");

    let (status, card) = app.post(&format!("/api/v1/me/cards/{first}/default"), t, json!({})).await;
    assert_eq!((status, card["is_default"].as_bool()), (200, Some(true)));
    let (_, other) = fast_member(&app, "other@example.test").await;
    let (status, _) = app.delete(&format!("/api/v1/me/cards/{first}"), Some(&other)).await;
    assert_eq!(status, 404, "someone else's card");
    let (status, _) = app.delete(&format!("/api/v1/me/cards/{first}"), t).await;
    assert_eq!(status, 204);
    let (_, cards) = app.get("/api/v1/me/cards", t).await;
    assert_eq!(cards.as_array().unwrap().len(), 1);
    assert_eq!(cards[0]["is_default"], true, "the remaining card becomes the default");
}

async fn ord05_cancellation_by_member_before_payment_and_by_shop_after_payment_voids_and_releases(backend: Backend) {
    let app = spawn_app(backend).await;
    let o = secured_order(&app).await;
    let (_, stranger) = fast_member(&app, "stranger@example.test").await;
    let path = format!("/api/v1/me/orders/{}/cancel", o.order);
    let (status, _) = app.post(&path, Some(&stranger), json!({})).await;
    assert_eq!(status, 404);
    let (status, cancelled) = app.post(&path, Some(&o.token), json!({})).await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(
        (cancelled["status"].as_str(), cancelled["cancel_reason"].as_str()),
        (Some("cancelled"), Some("member"))
    );
    assert_eq!(cancelled["payment"]["status"], "cancelled", "the link stops working");
    assert_eq!(shelf(&app, &o.shop, &o.variant).await, 5);
    let link = app.payment_token(&o.email).await;
    let card = sandbox_card(&app, &o.token, "ok").await;
    let (status, body, _) = pay(&app, &o.token, &link, "late", &card).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("payment_request_cancelled")));
    let (status, _) = app.post(&path, Some(&o.token), json!({})).await;
    assert_eq!(status, 409, "already cancelled");

    // A paid order: the member cannot cancel it; the shop can, and the authorization is voided.
    let app = spawn_app(app.backend.clone()).await;
    let o = paid_order(&app).await;
    let (status, _) = app.post(&format!("/api/v1/me/orders/{}/cancel", o.order), Some(&o.token), json!({})).await;
    assert_eq!(status, 409);
    let path = format!("/api/v1/shops/{}/orders/{}/cancel", o.shop.id, o.order);
    let (status, cancelled, _) = app.post_with_key(&path, Some(&o.shop.staff.access_token), "c-1", json!({})).await;
    assert_eq!(status, 200, "{cancelled}");
    let kinds: Vec<_> =
        cancelled["payment"]["attempts"].as_array().unwrap().iter().map(|a| a["kind"].clone()).collect();
    assert_eq!(kinds, [json!("authorize"), json!("void")]);
    assert_eq!(shelf(&app, &o.shop, &o.variant).await, 5);
    let mail = &app.mailbox(&o.email).await[0];
    assert!(mail["body"].as_str().unwrap().contains("与信"), "the member is told the authorization was released");
}

async fn shop02_staff_open_one_of_their_orders_with_its_payment_and_nobody_else_can(backend: Backend) {
    let app = spawn_app(backend).await;
    let o = paid_order(&app).await;
    let path = format!("/api/v1/shops/{}/orders/{}", o.shop.id, o.order);
    let (status, order) = app.get(&path, Some(&o.shop.staff.access_token)).await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["payment"]["status"], "paid");
    assert_eq!(order["payment"]["attempts"][0]["kind"], "authorize");
    let other = create_shop(&app, "beta").await;
    let (status, _) = app.get(&path, Some(&other.staff.access_token)).await;
    assert_eq!(status, 403);
    let (status, _) = app.get(&path, Some(&o.token)).await;
    assert_eq!(status, 403, "members are not staff");
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, 401);
    let (status, _) =
        app.get(&format!("/api/v1/shops/{}/orders/{}", other.id, o.order), Some(&other.staff.access_token)).await;
    assert_eq!(status, 404, "not that shop's order");
}

/// Issue 12 (benchmark b): the provider's budget per second holds across instances — two throttled
/// providers on one database, 3 calls a second between them, 15 concurrent authorizations: no second
/// admits more than 3 — and a 429's Retry-After closes the next seconds for both.
async fn sub04_the_providers_rate_is_shared_by_every_instance_and_a_429_pauses_them_all(backend: Backend) {
    use kaimono_payments::{Charge, PaymentProvider, ProviderError, SandboxProvider, ThrottledProvider};
    use std::sync::Arc;
    let app = spawn_app(backend).await;
    let instances: Vec<Arc<ThrottledProvider>> =
        (0..2).map(|_| Arc::new(ThrottledProvider::new(Arc::new(SandboxProvider), app.db.clone(), 3))).collect();
    let calls = (0..15).map(|i| {
        let provider = instances[i % 2].clone();
        async move {
            let key = format!("k-{i}");
            let charge = Charge {
                customer_ref: "sbx_cus_1",
                card_ref: "sbx_pm_ok_1",
                amount: 1000,
                idempotency_key: &key,
                description: "rate",
            };
            provider.authorize(&charge).await.unwrap();
            chrono::Utc::now().timestamp()
        }
    });
    let seconds = futures_util::future::join_all(calls).await;
    let mut per_second = std::collections::BTreeMap::<i64, usize>::new();
    for s in &seconds {
        *per_second.entry(*s).or_default() += 1;
    }
    assert!(per_second.values().all(|n| *n <= 3), "at most 3 a second: {per_second:?}");
    assert!(per_second.len() >= 5, "15 calls at 3 a second take 5 seconds: {per_second:?}");

    // The provider answers 429 with Retry-After: 2 (the sandbox's busy card): both instances wait.
    let busy = Charge {
        customer_ref: "sbx_cus_1",
        card_ref: "sbx_pm_busy_1",
        amount: 1000,
        idempotency_key: "busy",
        description: "rate",
    };
    let asked = chrono::Utc::now().timestamp();
    assert_eq!(instances[0].authorize(&busy).await, Err(ProviderError::RateLimited { retry_after_secs: 2 }));
    let ok = Charge { card_ref: "sbx_pm_ok_1", idempotency_key: "after", ..busy };
    instances[1].authorize(&ok).await.unwrap();
    assert!(chrono::Utc::now().timestamp() >= asked + 2, "the other instance waited out the Retry-After");
}
