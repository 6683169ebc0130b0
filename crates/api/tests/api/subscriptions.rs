//! Subscriptions (seed 002): settings and numbering (SUB-08, SUB-09), the subscription cart and checkout
//! (CART-01, SUB-01, SUB-02), generation exactly once with skips, counts and ends (SUB-04 to SUB-06,
//! SUB-13), the shop's edits and the member's My Page changes (SUB-07, SUB-10, SUB-14).

use chrono::Duration;
use kaimono_accounts::Role;
use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    sub01_sub04_sub06_sub13_three_deliveries_at_most_with_a_skip_then_the_subscription_ends,
    sub01_checkout_refuses_what_the_shop_does_not_offer_and_places_nothing,
    sub08_settings_are_the_owners_and_refuse_bad_rules_and_switching_off_while_active,
    sub09_numbers_follow_the_rule_wrap_after_the_maximum_and_are_unique_under_concurrency,
    sub04_two_workers_generate_each_delivery_exactly_once,
    sub04_a_subscription_that_fails_is_left_for_the_next_run_and_the_rest_of_its_batch_is_generated,
    sub02_sub14_monthly_on_the_31st_through_february_and_a_lead_time_change_from_the_delivery_after_next,
    sub10_members_change_what_the_shop_allows_and_the_shop_is_emailed,
    sub07_the_shop_edits_items_memo_and_fees_for_the_next_generation,
    sub04_a_card_subscription_pays_its_first_order_by_link_and_generated_orders_await_payment,
    sub04_generation_authorizes_the_card_and_a_decline_is_flagged_with_a_recovery_link,
    acc07_points_are_never_spent_below_zero_under_concurrent_use,
    sub11_members_are_told_of_expiring_subscription_cards_in_bulk_one_by_one_and_automatically,
    sub04_the_preflight_report_finds_closed_days_short_stock_and_cards_expiring_before_generation,
    sub04_a_busy_provider_is_backed_off_and_the_authorization_stays_queued,
    shop04_sub11_the_shop_words_its_emails_with_the_sources_tags_and_an_unknown_tag_is_refused,
    sub15_points_pay_part_of_the_first_order_and_come_back_when_it_is_cancelled,
    pay08_each_payment_method_works_with_its_carriers_at_checkout_on_my_page_and_in_the_preflight,
    pay08_sub04_deferred_payment_is_assessed_at_generation_and_a_refusal_gets_a_link_to_pay_by_card,
    sub04_the_development_clock_moves_ahead_and_the_subscription_jobs_run_on_demand,
    item10_a_raised_price_waits_for_the_members_consent_which_is_kept_hashed,
    pay08_a_shops_own_payment_method_is_offered_with_its_fee_and_carriers_and_keeps_its_name,
);

/// Subscription settings as the API takes them, with `changes` merged in.
fn settings(changes: Value) -> Value {
    let mut body = json!({
        "enabled": true,
        "accepting": true,
        "monthly_allowed": true,
        "interval_allowed": true,
        "interval_min": 7,
        "interval_max": 60,
        "payment_methods": ["card", "cash_on_delivery"],
        "cod_fee": "330",
        "free_shipping": false,
        "shipping_discount": "0",
        "free_fee": false,
        "points_rate_bp": 100,
        "lead_days": 5,
        "auto_authorize": true,
        "card_expiry_auto": false,
        "member_changes_cycle": true,
        "member_changes_payment": false,
        "number_rule": {"kind": "system"}
    });
    for (k, v) in changes.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

async fn enable(app: &TestApp, shop: &ShopFixture, changes: Value) -> Value {
    let path = format!("/api/v1/shops/{}/subscription-settings", shop.id);
    let owner = token_for(app, &shop.owner.account_id, Role::Staff);
    let (status, body) = app.put(&path, Some(&owner), settings(changes)).await;
    assert_eq!(status, 200, "{body}");
    body
}

/// A subscription-enabled product (first ¥980, then ¥1,980, `max` deliveries) with 50 on the shelf.
async fn subscribable(app: &TestApp, shop: &ShopFixture, sku: &str, max: Option<u32>) -> String {
    let fulfilment = json!({
        "reservable": false, "deliverable": true, "reservation_payment": "in_store",
        "subscription": {"first_price": "980", "price": "1980", "max_deliveries": max}
    });
    stocked_product(app, shop, sku, 50, fulfilment).await
}

struct Subscriber {
    id: String,
    token: String,
    address: String,
    email: String,
}

impl Subscriber {
    /// A token at the app's current (possibly moved) time.
    fn fresh(&self, app: &TestApp) -> String {
        token_for(app, &self.id, Role::Member)
    }
}

async fn subscriber(app: &TestApp, email: &str) -> Subscriber {
    let (id, token) = fast_member(app, email).await;
    let address = home_address(app, id).await;
    Subscriber { id: id.0.to_string(), token, address, email: email.to_owned() }
}

fn checkout(who: &Subscriber, cycle: Value, payment: &str) -> Value {
    json!({"cycle": cycle, "address_id": who.address, "payment_method": payment})
}

/// Puts `variant` in the member's subscription cart and places it; returns the placed response.
async fn subscribe(app: &TestApp, who: &Subscriber, variant: &str, body: Value) -> Value {
    let (status, cart) = app
        .post("/api/v1/me/subscription-cart/items", Some(&who.token), json!({"variant_id": variant, "quantity": 1}))
        .await;
    assert_eq!(status, 201, "{cart}");
    let key = uuid::Uuid::now_v7().to_string();
    let (status, placed, _) = app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), &key, body).await;
    assert_eq!(status, 201, "{placed}");
    placed
}

async fn generate(app: &TestApp) -> kaimono_subscriptions::GenerationRun {
    kaimono_subscriptions::generate_due(&app.db, app.clock_now(), 50, &|| false).await.unwrap()
}

fn run(generated: u64, skipped: u64, ended: u64) -> kaimono_subscriptions::GenerationRun {
    kaimono_subscriptions::GenerationRun { generated, skipped, ended, failed: 0 }
}

async fn shop_orders(app: &TestApp, shop: &ShopFixture) -> Vec<Value> {
    let staff = token_for(app, &shop.staff.account_id, Role::Staff);
    let (status, page) = app.get(&format!("/api/v1/shops/{}/orders?limit=100", shop.id), Some(&staff)).await;
    assert_eq!(status, 200, "{page}");
    page["items"].as_array().unwrap().clone()
}

async fn sub01_sub04_sub06_sub13_three_deliveries_at_most_with_a_skip_then_the_subscription_ends(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"number_rule": {"kind": "prefix", "prefix": "tk-", "digits": 5}})).await;
    let tea = subscribable(&app, &shop, "TEA", Some(3)).await;
    let who = subscriber(&app, "tea@example.test").await;

    // SUB-01: review, then place; every 14 days from Sunday 22 November, lead time 5 days.
    let body = checkout(&who, json!({"kind": "every_days", "value": 14}), "cash_on_delivery");
    (app.post("/api/v1/me/subscription-cart/items", Some(&who.token), json!({"variant_id": tea, "quantity": 1})).await);
    let (status, review) = app.post("/api/v1/me/subscriptions/review", Some(&who.token), body.clone()).await;
    assert_eq!(status, 200, "{review}");
    assert_eq!(
        (review["first_total"].as_str(), review["later_total"].as_str(), review["next_delivery_on"].as_str()),
        (Some("1310"), Some("2310"), Some("2026-12-06"))
    );
    let key = uuid::Uuid::now_v7().to_string();
    let (status, placed, _) = app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), &key, body.clone()).await;
    assert_eq!(status, 201, "{placed}");
    let (_, replay, replayed) = app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), &key, body).await;
    assert_eq!((replay["order_id"].clone(), replayed.as_deref()), (placed["order_id"].clone(), Some("true")));
    let sub = &placed["subscription"];
    assert_eq!(sub["number"], "tk-00001");
    assert_eq!((sub["deliveries"].as_u64(), sub["next_generation_on"].as_str()), (Some(1), Some("2026-12-01")));
    // The confirmation the member saw is kept with its hash (特定商取引法 §12-6).
    assert_eq!(sub["confirmation"]["later_total"], "2310");
    assert_eq!(sub["confirmation"]["items"][0]["max_deliveries"], 3);
    assert_eq!(sub["confirmation_sha256"].as_str().unwrap().len(), 64);
    assert_eq!(shelf(&app, &shop, &tea).await, 49, "the first order holds its stock");
    let mails = app.mailbox(&who.email).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0]["template"], "subscription_placed");
    let first = &shop_orders(&app, &shop).await[0];
    assert_eq!((first["status"].as_str(), first["total"].as_str()), (Some("awaiting_payment"), Some("1310")));
    assert_eq!(first["subscription"]["number"], "tk-00001");
    // Cash on delivery: it ships while awaiting payment, with nothing to capture.
    let ship = format!("/api/v1/shops/{}/orders/{}/ship", shop.id, first["id"].as_str().unwrap());
    let parcel = json!({"carrier": "yamato", "tracking_number": "1234-5678-9012"});
    let (status, shipped, _) = app.post_with_key(&ship, Some(&shop.staff.access_token), "ship-1", parcel).await;
    assert_eq!((status, shipped["status"].as_str()), (200, Some("shipped")), "{shipped}");

    // Nothing is due before the generation date.
    app.clock.advance(Duration::days(8));
    assert_eq!(generate(&app).await, run(0, 0, 0));
    // The dry run of 1 December: the 2nd delivery would be generated; nothing has been yet.
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let ledger = format!("/api/v1/shops/{}/subscription-generation?on=2026-12-01", shop.id);
    let (status, day) = app.get(&ledger, Some(&staff)).await;
    assert_eq!(status, 200, "{day}");
    assert_eq!(
        (day["done"].as_array().map(Vec::len), day["planned"][0]["number"].as_str()),
        (Some(0), Some("tk-00001"))
    );
    assert_eq!(day["planned"][0]["delivery"]["delivery_on"], "2026-12-06");
    assert_eq!(app.get(&ledger, None).await.0, 401);
    let (status, _) = app.get(&ledger.replace("2026-12-01", "someday"), Some(&staff)).await;
    assert_eq!(status, 422);
    // SUB-04: the 2nd delivery, generated 5 days before 6 December, at the later price, no stock, no mail.
    app.clock.advance(Duration::days(1));
    assert_eq!(generate(&app).await, run(1, 0, 0));
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let (_, day) = app.get(&ledger, Some(&staff)).await;
    assert_eq!(
        (day["done"][0]["delivery"]["sequence"].as_u64(), day["planned"].as_array().map(Vec::len)),
        (Some(2), Some(0))
    );
    assert_eq!(generate(&app).await, run(0, 0, 0), "exactly once");
    let orders = shop_orders(&app, &shop).await;
    let second = &orders[0];
    assert_eq!(
        (second["status"].as_str(), second["total"].as_str(), second["delivery_date"].as_str()),
        (Some("awaiting_payment"), Some("2310"), Some("2026-12-06"))
    );
    assert_eq!(second["subscription"]["next_delivery_on"], "2026-12-20");
    assert_eq!(second["lines"][0]["stocked"], false);
    // SUB-15, ACC-07: points on the generated order's total at the shop's rate (1 %).
    let (status, points) = app.get("/api/v1/me/points", Some(&who.fresh(&app))).await;
    assert_eq!((status, points["balance"].as_i64(), points["total_earned"].as_i64()), (200, Some(23), Some(23)));
    assert_eq!(points["entries"]["items"][0]["reason"], second["number"], "{points}");
    assert_eq!(app.get("/api/v1/me/points", None).await.0, 401);
    // SHOP-04's [BUY_TIMES] / [BUY_TOTAL_MONEY]: the first order and the generated one, counted with the batch.
    use sea_orm::EntityTrait;
    let member: uuid::Uuid = who.id.parse().unwrap();
    let bought = kaimono_entity::member_purchase::Entity::find_by_id(member).one(&app.db).await.unwrap().unwrap();
    let first_total: i64 = orders[1]["total"].as_str().unwrap().parse().unwrap();
    assert_eq!((bought.buy_times, bought.buy_total), (2, first_total + 2310));
    assert_eq!(shelf(&app, &shop, &tea).await, 49, "generated orders leave the shelf alone");
    // The thank-you and the first order's shipping notice; generation sends none.
    assert_eq!(app.mailbox(&who.email).await.len(), 2, "generation sends no mail");

    // SUB-05: skip the 3rd, undo, skip again; the skip is recorded and not counted.
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let detail = format!("/api/v1/shops/{}/subscriptions/{}", shop.id, sub["id"].as_str().unwrap());
    let (status, skipped) = app.post(&format!("{detail}/skip"), Some(&staff), json!({})).await;
    assert_eq!((status, skipped["skip_next"].as_bool()), (200, Some(true)), "{skipped}");
    let (_, undone) = app.delete(&format!("{detail}/skip"), Some(&staff)).await;
    assert_eq!(undone["skip_next"], false);
    app.post(&format!("{detail}/skip"), Some(&staff), json!({})).await;
    app.clock.advance(Duration::days(14));
    assert_eq!(generate(&app).await, run(0, 1, 0));
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let (_, after_skip) = app.get(&detail, Some(&staff)).await;
    assert_eq!(
        (after_skip["deliveries"].as_u64(), after_skip["next_delivery_on"].as_str()),
        (Some(2), Some("2027-01-03"))
    );
    let statuses: Vec<_> = after_skip["schedule"].as_array().unwrap().iter().map(|d| d["status"].clone()).collect();
    assert_eq!(statuses, [json!("generated"), json!("generated"), json!("skipped"), json!("upcoming")]);

    // SUB-13: cancelling a generated order does not give the delivery back.
    let cancel = format!("/api/v1/shops/{}/orders/{}/cancel", shop.id, second["id"].as_str().unwrap());
    let (status, cancelled, _) = app.post_with_key(&cancel, Some(&staff), "cancel-2nd", json!({})).await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(shelf(&app, &shop, &tea).await, 49, "an unstocked line gives nothing back");

    // SUB-06: the 3rd delivery is the last; the subscription ends and never restarts.
    app.clock.advance(Duration::days(14));
    assert_eq!(generate(&app).await, run(1, 0, 1));
    app.clock.advance(Duration::days(14));
    assert_eq!(generate(&app).await, run(0, 0, 0), "the 4th never comes");
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let (_, ended) = app.get(&detail, Some(&staff)).await;
    assert_eq!((ended["status"].as_str(), ended["deliveries"].as_u64()), (Some("ended"), Some(3)));
    assert_eq!(ended["items"][0]["active"], false);
    let (status, problem) = app.post(&format!("{detail}/end"), Some(&staff), json!({})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")));
    let (status, problem) = app.post(&format!("{detail}/skip"), Some(&staff), json!({})).await;
    assert_eq!(status, 409, "{problem}");
    assert_eq!(shop_orders(&app, &shop).await.len(), 3);
}

async fn sub01_checkout_refuses_what_the_shop_does_not_offer_and_places_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let plain = stocked_product(
        &app,
        &shop,
        "PLAIN",
        5,
        json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"}),
    )
    .await;
    let who = subscriber(&app, "tea@example.test").await;
    let cart = "/api/v1/me/subscription-cart/items";
    let token = Some(who.token.as_str());

    // CART-01: only subscription-enabled items; 401 without a token; bad input 422.
    let (status, problem) = app.post(cart, token, json!({"variant_id": plain, "quantity": 1})).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("not_subscribable")), "{problem}");
    assert_eq!(app.post(cart, None, json!({"variant_id": tea, "quantity": 1})).await.0, 401);
    let (status, problem) = app.post(cart, token, json!({"variant_id": tea, "quantity": 0})).await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["quantity"].is_array(), "{problem}");
    // One shop per subscription.
    let other = create_shop(&app, "other").await;
    let coffee = subscribable(&app, &other, "COF", None).await;
    assert_eq!(app.post(cart, token, json!({"variant_id": tea, "quantity": 2})).await.0, 201);
    let (status, problem) = app.post(cart, token, json!({"variant_id": coffee, "quantity": 1})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("subscription_cart_other_shop")));

    let place = |body: Value| {
        let key = uuid::Uuid::now_v7().to_string();
        let app = &app;
        let token = who.token.clone();
        async move { app.post_with_key("/api/v1/me/subscriptions", Some(&token), &key, body).await }
    };
    let monthly = checkout(&who, json!({"kind": "monthly", "value": 10}), "cash_on_delivery");
    // The shop has not switched subscriptions on.
    let (status, problem, _) = place(monthly.clone()).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("subscriptions_not_offered")), "{problem}");
    enable(&app, &shop, json!({"monthly_allowed": false, "payment_methods": ["cash_on_delivery"]})).await;
    let (status, problem, _) = place(monthly).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("cycle_not_allowed")), "{problem}");
    let (status, problem, _) =
        place(checkout(&who, json!({"kind": "every_days", "value": 90}), "cash_on_delivery")).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("cycle_not_allowed")));
    assert!(problem["errors"]["cycle.value"].is_array(), "{problem}");
    let (status, problem, _) = place(checkout(&who, json!({"kind": "monthly", "value": 32}), "cash_on_delivery")).await;
    assert_eq!(status, 422, "{problem}");
    let every_14 = json!({"kind": "every_days", "value": 14});
    let (status, problem, _) = place(checkout(&who, every_14.clone(), "card")).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("payment_method_not_offered")));
    let mut elsewhere = checkout(&who, every_14.clone(), "cash_on_delivery");
    elsewhere["address_id"] = json!(uuid::Uuid::now_v7());
    let (status, problem, _) = place(elsewhere).await;
    assert!(status == 422 && problem["errors"]["address_id"].is_array(), "{problem}");
    // Without a key, nothing is placed.
    let (status, problem) =
        app.post("/api/v1/me/subscriptions", token, checkout(&who, every_14.clone(), "cash_on_delivery")).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("idempotency_key_required")));
    // Stopped sign-ups.
    enable(&app, &shop, json!({"accepting": false, "payment_methods": ["cash_on_delivery"]})).await;
    let (status, problem, _) = place(checkout(&who, every_14.clone(), "cash_on_delivery")).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("subscriptions_not_accepting")));
    // Nothing was placed, the cart is kept and no stock moved.
    let (_, list) = app.get("/api/v1/me/subscriptions", token).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
    let (_, kept) = app.get("/api/v1/me/subscription-cart", token).await;
    assert_eq!(kept["lines"][0]["quantity"], 2);
    assert_eq!(shelf(&app, &shop, &tea).await, 50);
    // Then it goes through.
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"]})).await;
    let (status, placed, _) = place(checkout(&who, every_14, "cash_on_delivery")).await;
    assert_eq!(status, 201, "{placed}");
    let (_, emptied) = app.get("/api/v1/me/subscription-cart", token).await;
    assert_eq!(emptied["lines"].as_array().unwrap().len(), 0);
    assert_eq!(shelf(&app, &shop, &tea).await, 48);
    let (status, problem, _) =
        place(checkout(&who, json!({"kind": "every_days", "value": 14}), "cash_on_delivery")).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("cart_empty")));
}

async fn sub08_settings_are_the_owners_and_refuse_bad_rules_and_switching_off_while_active(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    let path = format!("/api/v1/shops/{}/subscription-settings", shop.id);
    // Off by default, and readable by staff.
    let (status, current) = app.get(&path, Some(&shop.staff.access_token)).await;
    assert_eq!((status, current["enabled"].as_bool(), current["lead_days"].as_u64()), (200, Some(false), Some(5)));
    assert_eq!(app.get(&path, None).await.0, 401);
    assert_eq!(app.put(&path, Some(&shop.staff.access_token), settings(json!({}))).await.0, 403);
    let other = create_shop(&app, "other").await;
    assert_eq!(app.put(&path, Some(&other.owner.access_token), settings(json!({}))).await.0, 403);
    for (bad, field) in [
        (json!({"number_rule": {"kind": "sequence", "digits": 4}}), "number_rule.digits"),
        (json!({"number_rule": {"kind": "prefix", "prefix": "ABCDEFGHIJK", "digits": 5}}), "number_rule.prefix"),
        (json!({"lead_days": 0}), "lead_days"),
        (json!({"interval_min": 30, "interval_max": 7}), "interval_max"),
        (json!({"payment_methods": []}), "payment_methods"),
        (json!({"cod_fee": "-1"}), "cod_fee"),
    ] {
        let (status, problem) = app.put(&path, Some(&shop.owner.access_token), settings(bad.clone())).await;
        assert_eq!(status, 422, "{bad}: {problem}");
        assert!(problem["errors"][field].is_array(), "{bad}: {problem}");
    }
    let (status, problem) = app
        .put(
            &path,
            Some(&shop.owner.access_token),
            settings(json!({"number_rule": {"kind": "prefix", "prefix": "定期", "digits": 5}})),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    let (_, unchanged) = app.get(&path, Some(&shop.staff.access_token)).await;
    assert_eq!(unchanged["enabled"], false, "bad input changes nothing");

    // SUB-08: switching off needs no active subscription.
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"]})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "tea@example.test").await;
    let placed =
        subscribe(&app, &who, &tea, checkout(&who, json!({"kind": "every_days", "value": 14}), "cash_on_delivery"))
            .await;
    let off = settings(json!({"enabled": false, "payment_methods": ["cash_on_delivery"]}));
    let (status, problem) = app.put(&path, Some(&shop.owner.access_token), off.clone()).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("subscriptions_active")), "{problem}");
    let end = format!("/api/v1/shops/{}/subscriptions/{}/end", shop.id, placed["subscription"]["id"].as_str().unwrap());
    assert_eq!(app.post(&end, Some(&shop.staff.access_token), json!({})).await.0, 200);
    let (status, saved) = app.put(&path, Some(&shop.owner.access_token), off).await;
    assert_eq!(
        (status, saved["enabled"].as_bool(), saved["active_subscriptions"].as_u64()),
        (200, Some(false), Some(0))
    );
    // The public terms follow.
    let (status, terms) = app.get(&format!("/api/v1/shops/{}/subscription-terms", shop.id), None).await;
    assert_eq!((status, terms["accepting"].as_bool()), (200, Some(false)));
}

async fn sub09_numbers_follow_the_rule_wrap_after_the_maximum_and_are_unique_under_concurrency(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    let path = format!("/api/v1/shops/{}/subscription-settings", shop.id);
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let every_14 = json!({"kind": "every_days", "value": 14});
    let mut numbers = Vec::new();
    for (i, (rule, initial)) in [
        (json!({"kind": "system"}), None),
        (json!({"kind": "sequence", "digits": 5}), Some(99_998)),
        (json!({"kind": "prefix", "prefix": "tk-", "digits": 5}), Some(99_999)),
        (json!({"kind": "date", "hyphen": true, "digits": 5}), Some(99_999)),
        (json!({"kind": "date", "hyphen": false, "digits": 10}), Some(9_999_999_999_i64)),
    ]
    .into_iter()
    .enumerate()
    {
        let mut body = settings(json!({"number_rule": rule, "payment_methods": ["cash_on_delivery"]}));
        if let Some(n) = initial {
            body["number_initial"] = json!(n);
        }
        let (status, saved) = app.put(&path, Some(&shop.owner.access_token), body).await;
        assert_eq!(status, 200, "{saved}");
        for j in 0..2 {
            let who = subscriber(&app, &format!("m{i}{j}@example.test")).await;
            let placed = subscribe(&app, &who, &tea, checkout(&who, every_14.clone(), "cash_on_delivery")).await;
            numbers.push(placed["subscription"]["number"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(
        numbers,
        [
            "1",
            "2",
            "99999",
            "00001",
            "tk-00001",
            "tk-00002",
            "20261122-00001",
            "20261122-00002",
            "202611220000000001",
            "202611220000000002"
        ]
    );
    // An initial value beyond the digits is refused.
    let mut body = settings(json!({"number_rule": {"kind": "sequence", "digits": 5}}));
    body["number_initial"] = json!(100_000);
    let (status, problem) = app.put(&path, Some(&shop.owner.access_token), body).await;
    assert!(status == 422 && problem["errors"]["number_initial"].is_array(), "{problem}");

    // Concurrent sign-ups never share a number.
    let mut members = Vec::new();
    for i in 0..8 {
        let who = subscriber(&app, &format!("c{i}@example.test")).await;
        app.post("/api/v1/me/subscription-cart/items", Some(&who.token), json!({"variant_id": tea, "quantity": 1}))
            .await;
        members.push(who);
    }
    let placed = futures_util::future::join_all(members.iter().map(|who| {
        let key = uuid::Uuid::now_v7().to_string();
        let body = checkout(who, every_14.clone(), "cash_on_delivery");
        let app = &app;
        async move { app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), &key, body).await }
    }))
    .await;
    let mut concurrent: Vec<String> = placed
        .iter()
        .map(|(status, body, _)| {
            assert_eq!(*status, 201, "{body}");
            body["subscription"]["number"].as_str().unwrap().to_owned()
        })
        .collect();
    concurrent.sort();
    concurrent.dedup();
    assert_eq!(concurrent.len(), 8, "{concurrent:?}");
}

async fn sub04_two_workers_generate_each_delivery_exactly_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"]})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    for i in 0..12 {
        let who = subscriber(&app, &format!("m{i}@example.test")).await;
        subscribe(&app, &who, &tea, checkout(&who, json!({"kind": "every_days", "value": 7}), "cash_on_delivery"))
            .await;
    }
    // Lead time 5, every 7 days: the next delivery (29 Nov) is generated on 24 Nov.
    app.clock.advance(Duration::days(2));
    let now = app.clock_now();
    let (a, b) = tokio::join!(
        kaimono_subscriptions::generate_due(&app.db, now, 5, &|| false),
        kaimono_subscriptions::generate_due(&app.db, now, 5, &|| false),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a.generated + b.generated, a.failed + b.failed), (12, 0), "{a:?} {b:?}");
    assert_eq!(shop_orders(&app, &shop).await.len(), 24);
    assert_eq!(generate(&app).await, run(0, 0, 0));
}

/// SUB-04: each subscription of a batch is generated in a savepoint; one that fails is rolled back to it
/// and left (due, untouched) for the next run, and the others of its batch are generated exactly once.
async fn sub04_a_subscription_that_fails_is_left_for_the_next_run_and_the_rest_of_its_batch_is_generated(
    backend: Backend,
) {
    use kaimono_entity::{subscription, subscription_delivery};
    use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"]})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let mut numbers = Vec::new();
    for i in 0..5 {
        let who = subscriber(&app, &format!("m{i}@example.test")).await;
        let placed =
            subscribe(&app, &who, &tea, checkout(&who, json!({"kind": "every_days", "value": 7}), "cash_on_delivery"))
                .await;
        numbers.push(placed["subscription"]["number"].as_str().unwrap().to_owned());
    }
    app.clock.advance(Duration::days(2));
    // The third subscription's next delivery already has a ledger row: its generation breaks the key.
    let broken = subscription::Entity::find()
        .filter(subscription::Column::Number.eq(numbers[2].as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let blocker = subscription_delivery::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        subscription_id: Set(broken.id),
        delivery_on: Set(broken.next_delivery_on),
        generation_on: Set(broken.next_generation_on),
        status: Set("skipped".to_owned()),
        order_id: Set(None),
        sequence: Set(0),
        authorization: Set(None),
        claimed_by: Set(None),
        claimed_until: Set(None),
        created_at: Set(app.clock_now()),
    };
    subscription_delivery::Entity::insert(blocker.clone()).exec(&app.db).await.unwrap();
    let now = app.clock_now();
    let first = kaimono_subscriptions::generate_due(&app.db, now, 10, &|| false).await.unwrap();
    assert_eq!((first.generated, first.failed), (4, 1), "{first:?}");
    assert_eq!(shop_orders(&app, &shop).await.len(), 5 + 4);
    let left = subscription::Entity::find_by_id(broken.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!((left.deliveries, left.next_delivery_on), (broken.deliveries, broken.next_delivery_on), "untouched");
    // The next run tries it again (and only it); once the obstacle is gone, it is generated.
    let again = kaimono_subscriptions::generate_due(&app.db, now, 10, &|| false).await.unwrap();
    assert_eq!((again.generated, again.failed), (0, 1), "{again:?}");
    subscription_delivery::Entity::delete_by_id(blocker.id.unwrap()).exec(&app.db).await.unwrap();
    assert_eq!(generate(&app).await, run(1, 0, 0));
    assert_eq!(shop_orders(&app, &shop).await.len(), 10);
}

async fn sub02_sub14_monthly_on_the_31st_through_february_and_a_lead_time_change_from_the_delivery_after_next(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"]})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "tea@example.test").await;
    let placed =
        subscribe(&app, &who, &tea, checkout(&who, json!({"kind": "monthly", "value": 31}), "cash_on_delivery")).await;
    let sub = &placed["subscription"];
    assert_eq!(
        (sub["next_delivery_on"].as_str(), sub["next_generation_on"].as_str()),
        (Some("2026-11-30"), Some("2026-11-25"))
    );
    let upcoming: Vec<_> =
        sub["schedule"].as_array().unwrap().iter().skip(1).map(|d| d["delivery_on"].clone()).take(4).collect();
    assert_eq!(upcoming, [json!("2026-11-30"), json!("2026-12-31"), json!("2027-01-31"), json!("2027-02-28")]);

    // Generate 30 November; then the lead time becomes 10 days: the next generation (26 Dec) stays,
    // the one after (for 31 Jan) moves to 21 Jan.
    app.clock.advance(Duration::days(3));
    assert_eq!(generate(&app).await, run(1, 0, 0));
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"], "lead_days": 10})).await;
    let detail = format!("/api/v1/me/subscriptions/{}", sub["id"].as_str().unwrap());
    let (_, now) = app.get(&detail, Some(&who.fresh(&app))).await;
    assert_eq!(
        (now["next_delivery_on"].as_str(), now["next_generation_on"].as_str()),
        (Some("2026-12-31"), Some("2026-12-26"))
    );
    let ahead = &now["schedule"].as_array().unwrap()[3];
    assert_eq!(
        (ahead["delivery_on"].as_str(), ahead["generation_on"].as_str()),
        (Some("2027-01-31"), Some("2027-01-21"))
    );
    app.clock.advance(Duration::days(31)); // 26 December
    assert_eq!(generate(&app).await, run(1, 0, 0));
    app.clock.advance(Duration::days(25)); // 20 January: not yet
    assert_eq!(generate(&app).await, run(0, 0, 0));
    app.clock.advance(Duration::days(1));
    assert_eq!(generate(&app).await, run(1, 0, 0));
    app.clock.advance(Duration::days(28)); // 18 February: 28 Feb − 10
    assert_eq!(generate(&app).await, run(1, 0, 0));
    let dates: Vec<_> =
        shop_orders(&app, &shop).await.iter().filter_map(|o| o["delivery_date"].as_str().map(str::to_owned)).collect();
    assert_eq!(dates, ["2027-02-28", "2027-01-31", "2026-12-31", "2026-11-30"]);

    // SUB-14: "monthly on day 2" cannot reach early next month inside the lead time (18 Feb + 10 > 2 Mar?
    // no: 2 Mar − 10 = 20 Feb is ahead); on 25 Feb it must wait for 2 April.
    app.clock.advance(Duration::days(7));
    let token = who.fresh(&app);
    let (status, changed) = app.patch(&detail, Some(&token), json!({"cycle": {"kind": "monthly", "value": 2}})).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["next_delivery_on"], "2027-04-02");
    let (_, every) = app.patch(&detail, Some(&token), json!({"cycle": {"kind": "every_days", "value": 20}})).await;
    assert_eq!(every["next_delivery_on"], "2027-03-17", "every N days counts from today (25 Feb)");
}

async fn sub10_members_change_what_the_shop_allows_and_the_shop_is_emailed(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"]})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "tea@example.test").await;
    let placed =
        subscribe(&app, &who, &tea, checkout(&who, json!({"kind": "every_days", "value": 14}), "cash_on_delivery"))
            .await;
    let detail = format!("/api/v1/me/subscriptions/{}", placed["subscription"]["id"].as_str().unwrap());
    let token = Some(who.token.as_str());

    let (status, changed) = app
        .patch(&detail, token, json!({"cycle": {"kind": "every_days", "value": 21}, "delivery_time_slot": "18-20"}))
        .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!((changed["cycle"]["value"].as_u64(), changed["delivery_time_slot"].as_str()), (Some(21), Some("18-20")));
    assert_eq!(changed["next_delivery_on"], "2026-12-13");
    let mail = &app.mailbox("shop@teiki.test").await[0];
    assert_eq!(mail["template"], "subscription_changed_by_member");
    let body = mail["body"].as_str().unwrap();
    assert!(body.contains(changed["number"].as_str().unwrap()) && body.contains("速水 一"), "{body}");

    // What the shop does not allow, or does not offer, is refused and changes nothing.
    let (status, problem) = app.patch(&detail, token, json!({"payment_method": "cash_on_delivery"})).await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("change_not_allowed")), "{problem}");
    let (status, problem) = app.patch(&detail, token, json!({"cycle": {"kind": "every_days", "value": 3}})).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("cycle_not_allowed")));
    let (status, problem) = app.patch(&detail, token, json!({"delivery_time_slot": "midnight"})).await;
    assert!(status == 422 && problem["errors"]["delivery_time_slot"].is_array(), "{problem}");
    let (status, problem) = app.patch(&detail, token, json!({"skip": true})).await;
    assert!(status == 422 && problem["errors"]["skip"].is_array(), "members cannot skip: {problem}");
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"], "member_changes_cycle": false})).await;
    let (status, _) = app.patch(&detail, token, json!({"cycle": {"kind": "every_days", "value": 14}})).await;
    assert_eq!(status, 403);
    let (_, same) = app.get(&detail, token).await;
    assert_eq!(same["cycle"]["value"], 21);
    assert_eq!(app.mailbox("shop@teiki.test").await.len(), 1);
    // A new delivery address.
    let (status, moved) = app.patch(&detail, token, json!({"address_id": who.address})).await;
    assert_eq!((status, moved["ship_to"]["city"].as_str()), (200, Some("渋谷区神宮前")));
    // Someone else's subscription, or no token.
    let (_, nosy) = fast_member(&app, "nosy@example.test").await;
    assert_eq!(app.get(&detail, Some(&nosy)).await.0, 404);
    assert_eq!(app.patch(&detail, Some(&nosy), json!({"delivery_time_slot": "18-20"})).await.0, 404);
    assert_eq!(app.get(&detail, None).await.0, 401);
    let other = create_shop(&app, "other").await;
    let staff_view =
        format!("/api/v1/shops/{}/subscriptions/{}", other.id, placed["subscription"]["id"].as_str().unwrap());
    assert_eq!(app.get(&staff_view, Some(&other.staff.access_token)).await.0, 404);
    let (_, mine) = app.get("/api/v1/me/subscriptions", token).await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    assert_eq!(mine["items"][0]["memo"], "");
}

async fn sub07_the_shop_edits_items_memo_and_fees_for_the_next_generation(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"]})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let cups = subscribable(&app, &shop, "CUP", Some(1)).await;
    let who = subscriber(&app, "tea@example.test").await;
    let placed =
        subscribe(&app, &who, &tea, checkout(&who, json!({"kind": "every_days", "value": 14}), "cash_on_delivery"))
            .await;
    let sub = &placed["subscription"];
    let detail = format!("/api/v1/shops/{}/subscriptions/{}", shop.id, sub["id"].as_str().unwrap());
    let staff = Some(shop.staff.access_token.as_str());
    let item = sub["items"][0]["id"].as_str().unwrap();
    let edit = json!({
        "memo": "のし紙をお付けください",
        "shipping_fee": "500",
        "fee": "0",
        "items": [
            {"action": "update", "id": item, "unit_price": "1780", "quantity": 2},
            {"action": "add", "variant_id": cups, "quantity": 1}
        ]
    });
    let (status, edited) = app.patch(&detail, staff, edit).await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(edited["later_total"], "6040", "1780 × 2 + 1980 + 500: {edited}");
    // Bad input is refused whole.
    let bad = json!({"memo": "x", "items": [{"action": "update", "id": item, "unit_price": "1.5", "quantity": 1}]});
    let (status, problem) = app.patch(&detail, staff, bad).await;
    assert!(status == 422 && problem["errors"]["items.0.unit_price"].is_array(), "{problem}");
    let (status, _) =
        app.patch(&detail, staff, json!({"items": [{"action": "remove", "id": uuid::Uuid::now_v7()}]})).await;
    assert_eq!(status, 404);
    let (_, kept) = app.get(&detail, staff).await;
    assert_eq!(kept["memo"], "のし紙をお付けください");
    assert_eq!(app.patch(&detail, None, json!({"memo": "x"})).await.0, 401);

    app.clock.advance(Duration::days(9));
    assert_eq!(generate(&app).await, run(1, 0, 0));
    let generated = &shop_orders(&app, &shop).await[0];
    assert_eq!(
        (generated["total"].as_str(), generated["memo"].as_str()),
        (Some("6040"), Some("のし紙をお付けください"))
    );
    assert_eq!(generated["lines"].as_array().unwrap().len(), 2);
    // The added cups (one delivery at most) dropped out; the tea goes on.
    let fresh = token_for(&app, &shop.staff.account_id, Role::Staff);
    let (_, after) = app.get(&detail, Some(&fresh)).await;
    let active: Vec<_> = after["items"].as_array().unwrap().iter().map(|i| i["active"].clone()).collect();
    assert_eq!(active, [json!(true), json!(false)]);
    assert_eq!(after["status"], "active");
    // On its generation day, before the order exists, a subscription cannot be changed.
    app.clock.advance(Duration::days(14));
    let (status, problem) =
        app.patch(&detail, Some(&token_for(&app, &shop.staff.account_id, Role::Staff)), json!({"memo": "y"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")));
}

async fn sub04_a_card_subscription_pays_its_first_order_by_link_and_generated_orders_await_payment(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "tea@example.test").await;
    // A card is needed, and it must be the member's.
    let mut body = checkout(&who, json!({"kind": "every_days", "value": 14}), "card");
    app.post("/api/v1/me/subscription-cart/items", Some(&who.token), json!({"variant_id": tea, "quantity": 1})).await;
    let (status, problem, _) =
        app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), "k1", body.clone()).await;
    assert!(status == 422 && problem["errors"]["card_id"].is_array(), "{problem}");
    let card = sandbox_card(&app, &who.token, "ok").await;
    body["card_id"] = json!(card);
    let (status, placed, _) = app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), "k2", body).await;
    assert_eq!(status, 201, "{placed}");
    let url = placed["payment_url"].as_str().unwrap();
    let token = url.rsplit('/').next().unwrap();
    let pay = format!("/api/v1/payment-requests/{token}/pay");
    let (status, paid, _) = app.post_with_key(&pay, Some(&who.token), "pay-1", json!({"card_id": card})).await;
    assert_eq!(status, 200, "{paid}");
    let first = &shop_orders(&app, &shop).await[0];
    assert_eq!((first["status"].as_str(), first["payment_method"].as_str()), (Some("paid"), Some("card")));
    // PAY-01: the card an active subscription pays with cannot be deleted.
    let (status, problem) = app.delete(&format!("/api/v1/me/cards/{card}"), Some(&who.token)).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("card_in_use")), "{problem}");
    let spare = sandbox_card(&app, &who.token, "ok").await;
    assert_eq!(app.delete(&format!("/api/v1/me/cards/{spare}"), Some(&who.token)).await.0, 204);
    app.clock.advance(Duration::days(9));
    assert_eq!(generate(&app).await, run(1, 0, 0));
    let generated = &shop_orders(&app, &shop).await[0];
    assert_eq!((generated["status"].as_str(), generated["total"].as_str()), (Some("awaiting_payment"), Some("1980")));
    // A card order does not ship unpaid.
    let ship = format!("/api/v1/shops/{}/orders/{}/ship", shop.id, generated["id"].as_str().unwrap());
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let parcel = json!({"carrier": "yamato", "tracking_number": "1234-5678-9012"});
    let (status, problem, _) = app.post_with_key(&ship, Some(&staff), "ship-card", parcel).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")), "{problem}");
}

async fn authorize(app: &TestApp) -> u64 {
    let settlement = &app.state.settlement;
    kaimono_subscriptions::authorize_queued(
        &app.db,
        settlement,
        "http://kaimono.test",
        "test",
        app.clock_now(),
        50,
        &|| false,
    )
    .await
    .unwrap()
}

async fn sub04_generation_authorizes_the_card_and_a_decline_is_flagged_with_a_recovery_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let (good, bad) = (subscriber(&app, "good@example.test").await, subscriber(&app, "bad@example.test").await);
    for (who, behaviour) in [(&good, "ok"), (&bad, "decline")] {
        let card = sandbox_card(&app, &who.token, behaviour).await;
        let mut body = checkout(who, json!({"kind": "every_days", "value": 14}), "card");
        body["card_id"] = json!(card);
        subscribe(&app, who, &tea, body).await;
    }
    app.clock.advance(Duration::days(9));
    assert_eq!(generate(&app).await, run(2, 0, 0));
    assert_eq!(authorize(&app).await, 2);
    assert_eq!(authorize(&app).await, 0, "a refusal is not retried");
    let orders = shop_orders(&app, &shop).await;
    let generated: Vec<_> = orders.iter().filter(|o| o["lines"][0]["stocked"] == false).collect();
    let mut statuses: Vec<_> = generated.iter().map(|o| o["status"].as_str().unwrap().to_owned()).collect();
    statuses.sort();
    assert_eq!(statuses, ["awaiting_payment", "paid"]);
    // The result shows on the order: the declined attempt.
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let declined = generated.iter().find(|o| o["status"] == "awaiting_payment").unwrap();
    let (_, detail) =
        app.get(&format!("/api/v1/shops/{}/orders/{}", shop.id, declined["id"].as_str().unwrap()), Some(&staff)).await;
    let attempts = detail["payment"]["attempts"].as_array().unwrap();
    assert_eq!(attempts.last().unwrap()["failure_code"], "card_declined", "{detail}");
    // The good card's member got no mail for it; the declined one got a link to pay with another card.
    assert_eq!(app.mailbox(&good.email).await.len(), 1);
    let mails = app.mailbox(&bad.email).await;
    assert_eq!(mails[0]["template"], "subscription_authorization_failed", "{mails:?}");
    let token = app.payment_token(&bad.email).await;
    let fresh = bad.fresh(&app);
    let card = sandbox_card(&app, &fresh, "ok").await;
    let pay = format!("/api/v1/payment-requests/{token}/pay");
    let (status, paid, _) = app.post_with_key(&pay, Some(&fresh), "recover", json!({"card_id": card})).await;
    assert_eq!(status, 200, "{paid}");
}

async fn acc07_points_are_never_spent_below_zero_under_concurrent_use(backend: Backend) {
    let app = spawn_app(backend).await;
    let (member, token) = fast_member(&app, "points@example.test").await;
    let now = app.clock_now();
    kaimono_accounts::award_points(&app.db, member, 10, "welcome", None, now).await.unwrap();
    let uses = futures_util::future::join_all((0..6).map(|i| {
        let db = app.db.clone();
        async move {
            let txn = kaimono_entity::begin_write(&db).await.unwrap();
            let used = kaimono_accounts::use_points(&txn, member, 3, &format!("use {i}"), None, now).await;
            txn.commit().await.unwrap();
            used
        }
    }))
    .await;
    assert_eq!(uses.iter().filter(|u| u.is_ok()).count(), 3);
    assert!(uses.iter().any(|u| matches!(u, Err(kaimono_accounts::AccountError::InsufficientPoints { balance: 1 }))));
    let (_, points) = app.get("/api/v1/me/points", Some(&token)).await;
    assert_eq!((points["balance"].as_i64(), points["total_earned"].as_i64()), (Some(1), Some(10)));
    let sum: i64 = points["entries"]["items"].as_array().unwrap().iter().map(|e| e["points"].as_i64().unwrap()).sum();
    assert_eq!(sum, 1, "the ledger sums to the balance");
}

async fn sub11_members_are_told_of_expiring_subscription_cards_in_bulk_one_by_one_and_automatically(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"auto_authorize": false})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let mut ids = Vec::new();
    for (email, expiry) in [("near@example.test", "12.2026"), ("far@example.test", "12.2030")] {
        let who = subscriber(&app, email).await;
        let token = format!("sbx.ok.visa.4242.{expiry}.{}", uuid::Uuid::now_v7().simple());
        let (status, card) = app.post("/api/v1/me/cards", Some(&who.token), json!({"token": token})).await;
        assert_eq!(status, 201, "{card}");
        let mut body = checkout(&who, json!({"kind": "every_days", "value": 14}), "card");
        body["card_id"] = card["id"].clone();
        ids.push(subscribe(&app, &who, &tea, body).await["subscription"]["id"].as_str().unwrap().to_owned());
    }
    let cards = format!("/api/v1/shops/{}/subscription-cards", shop.id);
    let staff = Some(shop.staff.access_token.as_str());
    let (status, list) = app.get(&cards, staff).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list.as_array().unwrap().len(), 1, "only the card expiring next month: {list}");
    assert_eq!(
        (list[0]["subscription_id"].as_str(), list[0]["expired"].as_bool()),
        (Some(ids[0].as_str()), Some(false))
    );
    assert_eq!(app.get(&cards, None).await.0, 401);
    let other = create_shop(&app, "other").await;
    assert_eq!(app.get(&cards, Some(&other.staff.access_token)).await.0, 403);

    // A subscription not on the list: nothing is sent.
    let notices = format!("{cards}/notices");
    let (status, _) = app.post(&notices, staff, json!({"subscription_ids": ids})).await;
    assert_eq!(status, 404);
    assert_eq!(app.mailbox("near@example.test").await.len(), 1, "only the thank-you");
    let (status, problem) = app.post(&notices, staff, json!({"subscription_ids": []})).await;
    assert!(status == 422 && problem["errors"]["subscription_ids"].is_array(), "{problem}");
    // One by one with the shop's words.
    let body = json!({"subscription_ids": [ids[0]], "message": "新しいカードのご登録をお願いいたします。"});
    let (status, sent) = app.post(&notices, staff, body).await;
    assert_eq!((status, sent["sent"].as_u64()), (200, Some(1)), "{sent}");
    let mail = &app.mailbox("near@example.test").await[0];
    assert_eq!(mail["template"], "subscription_card_expiry");
    assert!(mail["body"].as_str().unwrap().contains("新しいカードのご登録をお願いいたします。"), "{mail}");

    // Automatically, when the shop says so: not again within 30 days, then again.
    enable(&app, &shop, json!({"auto_authorize": false, "card_expiry_auto": true})).await;
    assert_eq!(kaimono_subscriptions::send_due_card_notices(&app.db, app.clock_now()).await.unwrap(), 0);
    app.clock.advance(Duration::days(31));
    assert_eq!(kaimono_subscriptions::send_due_card_notices(&app.db, app.clock_now()).await.unwrap(), 1);
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let (_, list) = app.get(&cards, Some(&staff)).await;
    assert_eq!(list[0]["expired"], false, "December 2026 is still valid on 23 December");
    assert_eq!(app.mailbox("near@example.test").await.len(), 3);
}

async fn sub04_the_preflight_report_finds_closed_days_short_stock_and_cards_expiring_before_generation(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"auto_authorize": false})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "tea@example.test").await;
    // A card valid through November 2026: the order for 6 December is generated on 1 December.
    let token = format!("sbx.ok.visa.4242.11.2026.{}", uuid::Uuid::now_v7().simple());
    let (_, card) = app.post("/api/v1/me/cards", Some(&who.token), json!({"token": token})).await;
    let mut body = checkout(&who, json!({"kind": "every_days", "value": 14}), "card");
    body["card_id"] = card["id"].clone();
    let placed = subscribe(&app, &who, &tea, body).await;
    let number = placed["subscription"]["number"].clone();
    // 6 December is a closed day; the shelf runs out.
    let calendar = json!({"closed_weekdays": [], "closed_on_holidays": false,
        "closed_dates": [{"date": "2026-12-06", "note": "棚卸し"}], "open_dates": []});
    let path = format!("/api/v1/shops/{}/calendar", shop.id);
    assert_eq!(app.put(&path, Some(&shop.owner.access_token), calendar).await.0, 200);
    let stock = format!("/api/v1/shops/{}/stock/{tea}", shop.id);
    assert_eq!(app.put(&stock, Some(&shop.staff.access_token), json!({"quantity": 0})).await.0, 200);

    let report = format!("/api/v1/shops/{}/subscription-preflight?days=14", shop.id);
    let (status, issues) = app.get(&report, Some(&shop.staff.access_token)).await;
    assert_eq!(status, 200, "{issues}");
    let kinds: Vec<_> = issues.as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap().to_owned()).collect();
    assert_eq!(kinds, ["closed_day", "card_expires_before_generation", "stock_short"], "{issues}");
    assert_eq!((issues[0]["number"].clone(), issues[0]["delivery_on"].as_str()), (number, Some("2026-12-06")));
    assert_eq!((issues[2]["needed"].as_u64(), issues[2]["available"].as_i64()), (Some(1), Some(0)));
    // Within 3 days nothing is generated, so nothing to report.
    let (_, soon) = app.get(&report.replace("days=14", "days=3"), Some(&shop.staff.access_token)).await;
    assert_eq!(soon.as_array().map(Vec::len), Some(0), "{soon}");
    assert_eq!(app.get(&report, None).await.0, 401);
    assert_eq!(app.get(&report.replace("days=14", "days=61"), Some(&shop.staff.access_token)).await.0, 422);
}

async fn sub04_a_busy_provider_is_backed_off_and_the_authorization_stays_queued(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "busy@example.test").await;
    let card = sandbox_card(&app, &who.token, "busy").await;
    let mut body = checkout(&who, json!({"kind": "every_days", "value": 14}), "card");
    body["card_id"] = json!(card);
    subscribe(&app, &who, &tea, body).await;
    app.clock.advance(Duration::days(9));
    assert_eq!(generate(&app).await, run(1, 0, 0));
    // The provider answers 429: nothing is settled, nothing mailed, and the next run tries again.
    assert_eq!(authorize(&app).await, 0);
    assert_eq!(authorize(&app).await, 0);
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let (_, day) =
        app.get(&format!("/api/v1/shops/{}/subscription-generation?on=2026-12-01", shop.id), Some(&staff)).await;
    assert_eq!(day["done"][0]["authorization"], "queued", "{day}");
    assert_eq!(app.mailbox(&who.email).await.len(), 1, "only the thank-you");
    let generated = &shop_orders(&app, &shop).await[0];
    assert_eq!(generated["status"], "awaiting_payment");
}

/// SHOP-04, SUB-11: the card-expiry email in the shop's own words, its member and event tags filled; an
/// unknown tag refused on save (and nothing saved); a preview; a reset back to the default.
async fn shop04_sub11_the_shop_words_its_emails_with_the_sources_tags_and_an_unknown_tag_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"auto_authorize": false})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "near@example.test").await;
    let token = format!("sbx.ok.visa.4242.12.2026.{}", uuid::Uuid::now_v7().simple());
    let (_, card) = app.post("/api/v1/me/cards", Some(&who.token), json!({"token": token})).await;
    let mut body = checkout(&who, json!({"kind": "every_days", "value": 14}), "card");
    body["card_id"] = card["id"].clone();
    let id = subscribe(&app, &who, &tea, body).await["subscription"]["id"].as_str().unwrap().to_owned();

    let list_path = format!("/api/v1/shops/{}/mail-templates", shop.id);
    let path = format!("{list_path}/subscription_card_expiry/ja");
    let owner = token_for(&app, &shop.owner.account_id, Role::Staff);
    let staff = shop.staff.access_token.clone();
    let (status, default) = app.get(&path, Some(&staff)).await;
    assert_eq!((status, default["own"].as_bool()), (200, Some(false)), "{default}");
    assert!(default["body"].as_str().unwrap().starts_with("[MEMBER_NAME] 様"), "{default}");
    assert!(default["event_tags"].as_array().unwrap().contains(&json!("CARD")), "{default}");
    assert_eq!(default["member_tags"].as_array().unwrap().len(), 25, "the source's list");

    let wording = json!({
        "subject": "[MEMBER_LAST_NAME]様 カード（[CARD]）の有効期限のお知らせ",
        "body": "[MEMBER_NAME_FRI] 様\n[MEMBER_PREF][MEMBER_CITY]\nご購入 [BUY_TIMES] 回 / [BUY_TOTAL_MONEY]\nポイント [MEMBER_POINT]（累計 [MEMBER_TOTAL_POINT]）\n期限 [EXPIRY] 番号 [NUMBER]\n[MESSAGE]\n[BIRTH_YEAR]",
    });
    // An unknown tag: refused, named, and nothing saved.
    let mut bad = wording.clone();
    bad["body"] = json!("[MEMBER_NAME] 様 [COUPON_CODE]");
    let (status, problem) = app.put(&path, Some(&owner), bad.clone()).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"]["body"], json!(["unknown tag [COUPON_CODE]"]), "{problem}");
    assert_eq!(app.get(&path, Some(&staff)).await.1["own"], false, "nothing saved");
    assert_eq!(app.post(&format!("{path}/preview"), Some(&staff), bad).await.0, 422);
    let (status, problem) = app.put(&path, Some(&owner), json!({"subject": "a\nb", "body": ""})).await;
    assert!(status == 422 && problem["errors"]["subject"].is_array() && problem["errors"]["body"].is_array());
    // Who may: staff read and preview, owners save; no token, another shop, an account email: refused.
    assert_eq!(app.put(&path, Some(&staff), wording.clone()).await.0, 403);
    assert_eq!(app.put(&path, None, wording.clone()).await.0, 401);
    let other = create_shop(&app, "other").await;
    assert_eq!(app.get(&path, Some(&other.staff.access_token)).await.0, 403);
    assert_eq!(app.get(&format!("{list_path}/password_reset/ja"), Some(&staff)).await.0, 404);
    assert_eq!(app.get(&format!("{list_path}/no_such_mail/ja"), Some(&staff)).await.0, 404);

    let (status, preview) = app.post(&format!("{path}/preview"), Some(&staff), wording.clone()).await;
    assert_eq!(status, 200, "{preview}");
    assert!(preview["subject"].as_str().unwrap().starts_with("山田様"), "a sample member: {preview}");
    let (status, saved) = app.put(&path, Some(&owner), wording).await;
    assert_eq!((status, saved["own"].as_bool()), (200, Some(true)), "{saved}");
    let (_, list) = app.get(&list_path, Some(&staff)).await;
    let own: Vec<_> = list["items"].as_array().unwrap().iter().filter(|i| i["own"] == true).collect();
    assert_eq!(own.len(), 1, "{list}");
    assert_eq!(
        (own[0]["template"].as_str(), own[0]["locale"].as_str()),
        (Some("subscription_card_expiry"), Some("ja"))
    );

    // The email goes out in the shop's words, the member's and the event's tags filled.
    let notices = format!("/api/v1/shops/{}/subscription-cards/notices", shop.id);
    let (status, _) =
        app.post(&notices, Some(&staff), json!({"subscription_ids": [id], "message": "ご確認ください"})).await;
    assert_eq!(status, 200);
    let mail = &app.mailbox("near@example.test").await[0];
    assert_eq!(mail["subject"], "速水様 カード（VISA •••• 4242）の有効期限のお知らせ", "{mail}");
    let text = mail["body"].as_str().unwrap();
    for expected in [
        "ハヤミ ハジメ 様",
        "東京都渋谷区神宮前",
        "ご購入 1 回 / ¥",
        "ポイント 0（累計 0）",
        "期限 12/2026 番号 ",
        "ご確認ください",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(!text.contains('['), "every tag replaced (an unasked birthday is empty): {text}");

    // Reset: the default again, for the next email too.
    let (status, reset) = app.delete(&path, Some(&owner)).await;
    assert_eq!((status, reset["own"].as_bool()), (200, Some(false)), "{reset}");
    assert_eq!(reset["body"], default["body"]);
    app.post(&notices, Some(&staff), json!({"subscription_ids": [id]})).await;
    let mail = &app.mailbox("near@example.test").await[0];
    assert!(mail["subject"].as_str().unwrap().starts_with("【kaimono】定期購入でご利用のクレジットカード"), "{mail}");
}

/// SUB-15, ACC-07: points pay part of the first order (a means of payment: the total and its tax stay, the
/// link asks for the rest); more than the balance is 409 and places nothing, all of the total is 422; a
/// cancelled first order gives its points back.
async fn sub15_points_pay_part_of_the_first_order_and_come_back_when_it_is_cancelled(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "points@example.test").await;
    let member = kaimono_core::AccountId(who.id.parse().unwrap());
    kaimono_accounts::award_points(&app.db, member, 300, "welcome", None, app.clock_now()).await.unwrap();
    app.post("/api/v1/me/subscription-cart/items", Some(&who.token), json!({"variant_id": tea, "quantity": 1})).await;
    let card = sandbox_card(&app, &who.token, "ok").await;
    let mut body = checkout(&who, json!({"kind": "every_days", "value": 14}), "card");
    body["card_id"] = json!(card);

    body["points"] = json!(200);
    let (status, review) = app.post("/api/v1/me/subscriptions/review", Some(&who.token), body.clone()).await;
    assert_eq!(status, 200, "{review}");
    let total: i64 = review["first_total"].as_str().unwrap().parse().unwrap();
    assert_eq!((review["points_available"].as_i64(), review["points_used"].as_i64()), (Some(300), Some(200)));
    assert_eq!(review["first_amount_due"], json!((total - 200).to_string()));
    // More than the balance: 409, nothing placed, nothing taken.
    body["points"] = json!(301);
    let (status, problem, _) =
        app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), "p1", body.clone()).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("insufficient_points")), "{problem}");
    // All of the total (here, with enough points): 422 on `points`.
    kaimono_accounts::award_points(&app.db, member, 5000, "bonus", None, app.clock_now()).await.unwrap();
    body["points"] = json!(total);
    let (status, problem, _) =
        app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), "p2", body.clone()).await;
    assert!(status == 422 && problem["errors"]["points"].is_array(), "{problem}");
    let (_, list) = app.get("/api/v1/me/subscriptions", Some(&who.token)).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 0, "nothing placed: {list}");

    body["points"] = json!(200);
    let (status, placed, _) = app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), "p3", body).await;
    assert_eq!(status, 201, "{placed}");
    let token = placed["payment_url"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
    let (_, request) = app.get(&format!("/api/v1/payment-requests/{token}"), Some(&who.token)).await;
    assert_eq!(request["amount"], json!((total - 200).to_string()), "the link asks for the rest: {request}");
    let order = &request["order"];
    assert_eq!(
        (order["total"].as_str(), order["points_used"].as_str()),
        (Some(total.to_string().as_str()), Some("200"))
    );
    assert_eq!(order["amount_due"], json!((total - 200).to_string()));
    let (_, points) = app.get("/api/v1/me/points", Some(&who.token)).await;
    assert_eq!(points["balance"].as_i64(), Some(5100));
    assert_eq!(points["entries"]["items"][0]["kind"], "used");
    let mail = &app.mailbox(&who.email).await[0];
    assert!(mail["body"].as_str().unwrap().contains("ポイント利用: 200pt"), "{mail}");

    // The member cancels the unpaid first order: the points come back.
    let path = format!("/api/v1/me/orders/{}/cancel", order["id"].as_str().unwrap());
    let (status, _) = app.post(&path, Some(&who.token), json!({})).await;
    assert_eq!(status, 200);
    let (_, points) = app.get("/api/v1/me/points", Some(&who.token)).await;
    assert_eq!((points["balance"].as_i64(), points["total_earned"].as_i64()), (Some(5300), Some(5300)));
    assert_eq!(
        (points["entries"]["items"][0]["kind"].as_str(), points["entries"]["items"][0]["points"].as_i64()),
        (Some("returned"), Some(200))
    );
}

/// PAY-08, SUB-10: cash on delivery only with Sagawa here: refused with Yamato at checkout and as a My
/// Page change of a Yamato subscription; a later settings change that leaves a running subscription's
/// method without its carrier shows in the preflight.
async fn pay08_each_payment_method_works_with_its_carriers_at_checkout_on_my_page_and_in_the_preflight(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    let fees = json!({"hokkaido": "800", "tohoku": "800", "kanto": "800", "chubu": "800", "kinki": "800",
        "chugoku": "800", "shikoku": "800", "kyushu": "800", "okinawa": "1500"});
    let shipping = json!({"free_over": null, "methods": [
        {"carrier": "yamato", "time_slots": [], "fees": fees},
        {"carrier": "sagawa", "time_slots": [], "fees": fees},
    ]});
    let owner = token_for(&app, &shop.owner.account_id, Role::Staff);
    let (status, body) = app.put(&format!("/api/v1/shops/{}/shipping", shop.id), Some(&owner), shipping).await;
    assert_eq!(status, 200, "{body}");
    let cod_by_sagawa = json!([{"method": "cash_on_delivery", "carriers": ["sagawa"]}]);
    let saved = enable(&app, &shop, json!({"member_changes_payment": true, "method_carriers": cod_by_sagawa})).await;
    assert_eq!(saved["method_carriers"], cod_by_sagawa);
    let (_, terms) = app.get(&format!("/api/v1/shops/{}/subscription-terms", shop.id), None).await;
    assert_eq!(terms["method_carriers"], cod_by_sagawa, "shoppers see it too");

    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "tea@example.test").await;
    app.post("/api/v1/me/subscription-cart/items", Some(&who.token), json!({"variant_id": tea, "quantity": 1})).await;
    let mut body = checkout(&who, json!({"kind": "every_days", "value": 14}), "cash_on_delivery");
    body["carrier"] = json!("yamato");
    let (status, problem) = app.post("/api/v1/me/subscriptions/review", Some(&who.token), body.clone()).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("payment_method_not_offered")), "{problem}");
    assert!(problem["errors"]["payment_method"].is_array());
    body["carrier"] = json!("sagawa");
    assert_eq!(app.post("/api/v1/me/subscriptions/review", Some(&who.token), body).await.0, 200);

    // A Yamato subscription paid by card: the member may not switch it to cash on delivery.
    let card = sandbox_card(&app, &who.token, "ok").await;
    let mut body = checkout(&who, json!({"kind": "every_days", "value": 14}), "card");
    body["carrier"] = json!("yamato");
    body["card_id"] = json!(card);
    let (status, placed, _) = app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), "y1", body).await;
    assert_eq!(status, 201, "{placed}");
    let id = placed["subscription"]["id"].as_str().unwrap().to_owned();
    let detail = format!("/api/v1/me/subscriptions/{id}");
    let (status, problem) = app.patch(&detail, Some(&who.token), json!({"payment_method": "cash_on_delivery"})).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("payment_method_not_offered")), "{problem}");
    let (_, same) = app.get(&detail, Some(&who.token)).await;
    assert_eq!(same["payment_method"], "card");

    // The shop now takes cards with Sagawa only: the preflight names the Yamato card subscription.
    let card_by_sagawa = json!([{"method": "card", "carriers": ["sagawa"]}]);
    enable(&app, &shop, json!({"method_carriers": card_by_sagawa})).await;
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let (status, report) =
        app.get(&format!("/api/v1/shops/{}/subscription-preflight?days=30", shop.id), Some(&staff)).await;
    assert_eq!(status, 200, "{report}");
    let mismatched: Vec<_> =
        report.as_array().unwrap().iter().filter(|i| i["kind"] == "method_not_for_carrier").collect();
    assert_eq!(mismatched.len(), 1, "{report}");
    assert_eq!(
        (mismatched[0]["subscription_id"].as_str(), mismatched[0]["carrier"].as_str()),
        (Some(id.as_str()), Some("yamato"))
    );
}

/// PAY-08, SUB-04: deferred payment (後払い) through its port: with automatic authorization on, the
/// sandbox company assesses each generated order — approved, the order's link closes and it ships
/// awaiting payment; refused (a test buyer), the attempt shows on the order, nothing is retried, and the
/// member is mailed a link to pay it by card.
async fn pay08_sub04_deferred_payment_is_assessed_at_generation_and_a_refusal_gets_a_link_to_pay_by_card(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"payment_methods": ["card", "deferred"]})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let good = subscriber(&app, "good@example.test").await;
    let refused = subscriber(&app, "refused@example.test").await;
    let member = kaimono_core::AccountId(refused.id.parse().unwrap());
    let input = kaimono_accounts::AddressInput {
        postal_code: "1500001".into(),
        prefecture: 13,
        city: "渋谷区神宮前".into(),
        street: "1-2-3".into(),
        building: None,
        recipient_name: "否決 太郎".into(),
        recipient_kana: "ヒケツ タロウ".into(),
        phone: "09000000000".into(),
        is_default: false,
    };
    let address = kaimono_accounts::create_address(&app.db, member, input, app.clock_now()).await.unwrap().id;
    subscribe(&app, &good, &tea, checkout(&good, json!({"kind": "every_days", "value": 14}), "deferred")).await;
    let mut body = checkout(&refused, json!({"kind": "every_days", "value": 14}), "deferred");
    body["address_id"] = json!(address.to_string());
    subscribe(&app, &refused, &tea, body).await;

    app.clock.advance(Duration::days(9));
    assert_eq!(generate(&app).await, run(2, 0, 0));
    assert_eq!(authorize(&app).await, 2);
    assert_eq!(authorize(&app).await, 0, "a refusal is not retried");
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let orders = shop_orders(&app, &shop).await;
    let generated: Vec<_> = orders.iter().filter(|o| o["lines"][0]["stocked"] == false).collect();
    assert_eq!(generated.len(), 2);
    for order in generated {
        let path = format!("/api/v1/shops/{}/orders/{}", shop.id, order["id"].as_str().unwrap());
        let (_, detail) = app.get(&path, Some(&staff)).await;
        assert_eq!(detail["status"], "awaiting_payment", "deferred orders are paid after delivery: {detail}");
        let attempt = detail["payment"]["attempts"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(attempt["provider"], "sandbox_deferred", "{detail}");
        if detail["ship_to"]["name_kana"] == "ヒケツ タロウ" || detail["ship_to"]["recipient_kana"] == "ヒケツ タロウ"
        {
            assert_eq!(attempt["failure_code"], "credit_declined", "{detail}");
            assert_eq!(detail["payment"]["status"], "open", "the link stays open to pay by card");
        } else {
            assert_eq!(
                (attempt["succeeded"].as_bool(), detail["payment"]["status"].as_str()),
                (Some(true), Some("cancelled")),
                "{detail}"
            );
            // Approved: it ships while awaiting payment, like cash on delivery.
            let ship = format!("{path}/ship");
            let parcel = json!({"carrier": "yamato", "tracking_number": "1234-5678-9012"});
            let (status, shipped, _) = app.post_with_key(&ship, Some(&staff), "ship-deferred", parcel).await;
            assert_eq!((status, shipped["status"].as_str()), (200, Some("shipped")), "{shipped}");
        }
    }
    let mail = &app.mailbox(&refused.email).await[0];
    assert_eq!(mail["template"], "subscription_authorization_failed");
    assert!(mail["body"].as_str().unwrap().contains("後払いのご利用を承ることができませんでした"), "{mail}");
    let templates: Vec<_> = app.mailbox(&good.email).await.iter().map(|m| m["template"].clone()).collect();
    assert_eq!(templates, [json!("order_shipped"), json!("subscription_placed")], "no mail for an approval");
}

/// SUB-04 in the browser tests: the development server's clock moves ahead (never back) and the
/// subscription jobs run at once at that time. Development only (with the dev mailbox).
async fn sub04_the_development_clock_moves_ahead_and_the_subscription_jobs_run_on_demand(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"]})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "tea@example.test").await;
    subscribe(&app, &who, &tea, checkout(&who, json!({"kind": "every_days", "value": 14}), "cash_on_delivery")).await;
    let before = app.clock_now();
    let (status, ran) = app.post("/api/v1/dev/subscription-jobs", None, json!({})).await;
    assert_eq!((status, ran["generated"].as_u64()), (200, Some(0)), "nothing due yet: {ran}");
    let (status, moved) = app.post("/api/v1/dev/clock", None, json!({"days": 9})).await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(app.clock_now(), before + Duration::days(9));
    let (status, ran) = app.post("/api/v1/dev/subscription-jobs", None, json!({})).await;
    assert_eq!((status, ran["generated"].as_u64()), (200, Some(1)), "{ran}");
    for bad in [json!({"days": 0}), json!({"days": 401}), json!({"days": -1})] {
        let (status, _) = app.post("/api/v1/dev/clock", None, bad.clone()).await;
        assert!(status == 422 || status == 400, "{bad}: {status}");
    }
    assert_eq!(app.clock_now(), before + Duration::days(9), "refused moves change nothing");
}

/// Issue 12, item 10: a price raise needs the member's renewed consent. The shop's raise waits beside the
/// agreed price (generation keeps charging that), the member is emailed, consents on My Page to exactly the
/// prices shown, and the consent is kept as stored content with its SHA-256; the shop is emailed.
async fn item10_a_raised_price_waits_for_the_members_consent_which_is_kept_hashed(backend: Backend) {
    use sha2::{Digest, Sha256};
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    enable(&app, &shop, json!({"payment_methods": ["cash_on_delivery"]})).await;
    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "tea@example.test").await;
    let placed =
        subscribe(&app, &who, &tea, checkout(&who, json!({"kind": "every_days", "value": 14}), "cash_on_delivery"))
            .await;
    let id = placed["subscription"]["id"].as_str().unwrap().to_owned();
    let item = placed["subscription"]["items"][0]["id"].as_str().unwrap().to_owned();
    let staff_path = format!("/api/v1/shops/{}/subscriptions/{id}", shop.id);
    let staff = Some(shop.staff.access_token.as_str());
    let later_total = placed["subscription"]["later_total"].clone();
    let raise = json!({"items": [{"action": "update", "id": item, "unit_price": "2180", "quantity": 1}]});
    let (status, raised) = app.patch(&staff_path, staff, raise.clone()).await;
    assert_eq!(status, 200, "{raised}");
    assert_eq!(
        (&raised["items"][0]["unit_price"], &raised["items"][0]["proposed_price"], &raised["later_total"]),
        (&json!("1980"), &json!("2180"), &later_total),
        "the raise waits: {raised}"
    );
    let mails = app.mailbox(&who.email).await;
    assert_eq!(mails[0]["template"], "subscription_price_raised");
    assert!(mails[0]["body"].as_str().unwrap().contains("¥1,980 → ¥2,180"), "{}", mails[0]);
    // Saving the same raise again tells the member nothing new.
    assert_eq!(app.patch(&staff_path, staff, raise).await.0, 200);
    assert_eq!(app.mailbox(&who.email).await.len(), mails.len());

    // Generated before the consent: the agreed price.
    app.clock.advance(Duration::days(9));
    assert_eq!(generate(&app).await, run(1, 0, 0));
    let orders = shop_orders(&app, &shop).await;
    assert_eq!(orders[0]["total"], later_total, "{}", orders[0]);

    let token = who.fresh(&app);
    let token = Some(token.as_str());
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let staff = Some(staff.as_str());
    let consent = format!("/api/v1/me/subscriptions/{id}/price-consent");
    // Not what is waiting (the shop changed it, or the page was stale): nothing applies.
    let stale = json!({"items": [{"item_id": item, "price": "2000"}]});
    let (status, problem) = app.post(&consent, token, stale).await;
    assert_eq!(status, 409, "{problem}");
    let (status, problem) = app.post(&consent, token, json!({"items": []})).await;
    assert!(status == 422 && problem["errors"]["items"].is_array(), "{problem}");
    let (status, problem) = app.post(&consent, token, json!({"items": [{"item_id": item, "price": "-1"}]})).await;
    assert!(status == 422 && problem["errors"]["items.0.price"].is_array(), "{problem}");
    let seen = json!({"items": [{"item_id": item, "price": "2180"}]});
    assert_eq!(app.post(&consent, None, seen.clone()).await.0, 401);
    let (_, nosy) = fast_member(&app, "nosy@example.test").await;
    assert_eq!(app.post(&consent, Some(&nosy), seen.clone()).await.0, 404);

    let (status, agreed) = app.post(&consent, token, seen.clone()).await;
    assert_eq!(status, 200, "{agreed}");
    assert_eq!(
        (&agreed["items"][0]["unit_price"], &agreed["items"][0]["proposed_price"]),
        (&json!("2180"), &Value::Null)
    );
    let proof = &agreed["price_consents"][0];
    assert_eq!(proof["content"]["items"][0]["price_before"], 1980);
    assert_eq!(proof["content"]["items"][0]["price"], 2180);
    let digest: String =
        Sha256::digest(proof["content"].to_string().as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(proof["content_sha256"].as_str(), Some(digest.as_str()), "the hash is of the stored content");
    let (_, seen_by_staff) = app.get(&staff_path, staff).await;
    assert_eq!(seen_by_staff["price_consents"], agreed["price_consents"]);
    let notice = &app.mailbox("shop@teiki.test").await[0];
    assert_eq!(notice["template"], "subscription_changed_by_member");
    assert!(notice["body"].as_str().unwrap().contains("¥1,980 → ¥2,180"), "{notice}");
    // Nothing waits any more.
    assert_eq!(app.post(&consent, token, seen).await.0, 409);
    // A lower price applies at once, without consent.
    let lower = json!({"items": [{"action": "update", "id": item, "unit_price": "1880", "quantity": 1}]});
    let (_, lowered) = app.patch(&staff_path, staff, lower).await;
    assert_eq!(
        (&lowered["items"][0]["unit_price"], &lowered["items"][0]["proposed_price"]),
        (&json!("1880"), &Value::Null)
    );
}

/// PAY-08: the shop's own payment methods (自由設定決済): listed in the settings with a fee, carriers
/// and a description, offered at checkout and on My Page, paid as the shop arranges (orders ship awaiting
/// payment). A subscription keeps the method's name as chosen; a rename shows once it is set again
/// (seed 002).
async fn pay08_a_shops_own_payment_method_is_offered_with_its_fee_and_carriers_and_keeps_its_name(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "teiki").await;
    let transfer =
        json!({"name": "銀行振込", "fee": "110", "carriers": [], "description": "ご注文ごとにお振り込みください。"});
    let saved = enable(
        &app,
        &shop,
        json!({"payment_methods": ["cash_on_delivery"], "member_changes_payment": true, "custom_methods": [transfer]}),
    )
    .await;
    let method = saved["custom_methods"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(saved["custom_methods"][0]["name"], "銀行振込");
    let (_, terms) = app.get(&format!("/api/v1/shops/{}/subscription-terms", shop.id), None).await;
    assert_eq!(
        (terms["custom_methods"][0]["id"].as_str(), &terms["custom_methods"][0]["fee"]),
        (Some(method.as_str()), &json!("110"))
    );

    // Bad settings are refused whole.
    let owner = token_for(&app, &shop.owner.account_id, Role::Staff);
    let path = format!("/api/v1/shops/{}/subscription-settings", shop.id);
    for (bad, field) in [
        (json!({"payment_methods": ["custom"]}), "payment_methods"),
        (json!({"custom_methods": [{"name": " ", "fee": "0"}]}), "custom_methods[0].name"),
        (json!({"custom_methods": vec![json!({"name": "x", "fee": "0"}); 11]}), "custom_methods"),
        (
            json!({"custom_methods": [{"id": method, "name": "a", "fee": "0"}, {"id": method, "name": "b", "fee": "0"}]}),
            "custom_methods",
        ),
    ] {
        let (status, problem) = app.put(&path, Some(&owner), settings(bad.clone())).await;
        let errors = problem["errors"].as_object().map(|e| e.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
        assert!(
            status == 422 && errors.iter().any(|k| k.starts_with(field.split('[').next().unwrap())),
            "{bad}: {problem}"
        );
    }

    let tea = subscribable(&app, &shop, "TEA", None).await;
    let who = subscriber(&app, "tea@example.test").await;
    app.post("/api/v1/me/subscription-cart/items", Some(&who.token), json!({"variant_id": tea, "quantity": 1})).await;
    let mut body = checkout(&who, json!({"kind": "every_days", "value": 14}), "custom");
    let (status, problem) = app.post("/api/v1/me/subscriptions/review", Some(&who.token), body.clone()).await;
    assert!(status == 422 && problem["errors"]["custom_method_id"].is_array(), "{problem}");
    body["custom_method_id"] = json!(uuid::Uuid::now_v7());
    let (status, problem) = app.post("/api/v1/me/subscriptions/review", Some(&who.token), body.clone()).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("payment_method_not_offered")), "{problem}");
    body["custom_method_id"] = json!(method);
    let (status, placed, _) = app.post_with_key("/api/v1/me/subscriptions", Some(&who.token), "c1", body).await;
    assert_eq!(status, 201, "{placed}");
    let sub = &placed["subscription"];
    assert_eq!(
        (&sub["payment_method"], &sub["payment_method_name"], &sub["custom_method_id"], &sub["fee"]),
        (&json!("custom"), &json!("銀行振込"), &json!(method), &json!("110")),
        "{sub}"
    );
    assert_eq!(sub["confirmation"]["payment_method_name"], "銀行振込");
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let order_path = format!("/api/v1/shops/{}/orders/{}", shop.id, placed["order_id"].as_str().unwrap());
    let (_, first) = app.get(&order_path, Some(&staff)).await;
    assert_eq!((&first["payment_method"], &first["payment_method_name"]), (&json!("custom"), &json!("銀行振込")));
    // Paid as the shop arranges: it ships awaiting payment, like cash on delivery.
    let parcel = json!({"carrier": "yamato", "tracking_number": "1234-5678-9012"});
    let (status, shipped, _) = app.post_with_key(&format!("{order_path}/ship"), Some(&staff), "s1", parcel).await;
    assert_eq!((status, shipped["status"].as_str()), (200, Some("shipped")), "{shipped}");

    // Renamed and limited to Sagawa: the subscription keeps the name it was chosen under.
    let mut renamed = transfer.clone();
    renamed["id"] = json!(method);
    renamed["name"] = json!("銀行振込（前払い）");
    renamed["carriers"] = json!(["sagawa"]);
    enable(
        &app,
        &shop,
        json!({"payment_methods": ["cash_on_delivery"], "member_changes_payment": true, "custom_methods": [renamed]}),
    )
    .await;
    let detail = format!("/api/v1/me/subscriptions/{}", sub["id"].as_str().unwrap());
    let (_, kept) = app.get(&detail, Some(&who.token)).await;
    assert_eq!(kept["payment_method_name"], "銀行振込");
    // The member may not choose it again for a delivery by another carrier …
    let again = json!({"payment_method": "custom", "custom_method_id": method});
    if sub["carrier"].as_str().is_some_and(|c| c != "sagawa") {
        let (status, problem) = app.patch(&detail, Some(&who.token), again.clone()).await;
        assert_eq!((status, problem["code"].as_str()), (422, Some("payment_method_not_offered")), "{problem}");
    }
    // … and once it works with every carrier again, choosing it takes the new name.
    renamed["carriers"] = json!([]);
    enable(
        &app,
        &shop,
        json!({"payment_methods": ["cash_on_delivery"], "member_changes_payment": true, "custom_methods": [renamed]}),
    )
    .await;
    let (status, changed) = app.patch(&detail, Some(&who.token), again).await;
    assert_eq!((status, changed["payment_method_name"].as_str()), (200, Some("銀行振込（前払い）")), "{changed}");

    // Generated orders carry it, awaiting payment; no authorization is queued.
    app.clock.advance(Duration::days(9));
    assert_eq!(generate(&app).await, run(1, 0, 0));
    let orders = shop_orders(&app, &shop).await;
    assert_eq!(
        (&orders[0]["payment_method_name"], &orders[0]["status"]),
        (&json!("銀行振込（前払い）"), &json!("awaiting_payment"))
    );
}
