//! Proxy-buying (PRX-01 to PRX-06, PAY-05, PAY-06): requests, quotes, changes before paying, the deposit
//! and bank transfers, questions to the seller, and the unpaid-quote job.

use kaimono_accounts::Role;
use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    prx01_prx04_pay05_pay06_a_request_is_quoted_changed_and_paid_by_deposit_and_transfers,
    prx05_prx06_an_item_with_a_question_is_not_bought_until_answered,
    prx03_the_member_cancels_before_paying_and_money_paid_goes_to_the_deposit,
    prx03_unpaid_quotes_are_warned_a_day_before_and_cancelled_after_seven_days_once_with_two_workers,
    pay06_a_crowd_spending_one_deposit_never_takes_more_than_it_holds,
    prx01_bad_requests_strangers_and_wrong_states_are_refused,
    pay06_staff_adjust_a_deposit_with_a_reason_never_below_zero,
    prx08_prx09_prx11_prx13_a_paid_order_is_weighed_billed_shipped_and_received,
    prx09_shipped_orders_complete_after_thirty_days_once_with_two_workers,
    prx01_the_demo_mall_has_a_proxy_buying_service,
    prx04_an_item_cancelled_below_what_was_paid_settles_the_invoice,
    msg01_msg03_msg04_member_and_staff_write_on_the_orders_thread_until_30_days_after_it_ends,
);

/// A quoted order of one item paid from the deposit, every item inspected: ready to weigh.
pub(crate) async fn inspected_order(app: &TestApp, p: &Proxy, key: &str) -> Value {
    let (_, order) = submit(app, p, key, json!([items()[0].clone()])).await;
    quote_all(app, p, &order).await;
    credit(app, p, "3000").await;
    let (status, paid) = app.post(&my_path(&order, "/payment/deposit"), Some(&p.member.1), json!({})).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("purchasing")), "{paid}");
    let item = order["items"][0]["id"].as_str().unwrap();
    for step in ["purchased", "arrived", "inspected"] {
        let path = staff_path(p, &order, &format!("/items/{item}/status"));
        let (status, _) = app.post(&path, Some(&p.shop.staff.access_token), json!({"status": step})).await;
        assert_eq!(status, 200);
    }
    order
}

pub(crate) fn items() -> Value {
    json!([
        {"source_url": "https://item.taobao.com/item.htm?id=1", "name": "帆布トートバッグ", "options": "黒 / L", "quantity": 1, "unit_price": "2400"},
        {"source_url": "https://item.taobao.com/item.htm?id=2", "name": "陶器マグ", "options": "白", "quantity": 2, "unit_price": "900"},
        {"source_url": "https://detail.1688.com/offer/3.html", "name": "木製スプーン", "options": "", "quantity": 5, "unit_price": "150"},
    ])
}

pub(crate) struct Proxy {
    pub shop: ShopFixture,
    pub member: (kaimono_core::AccountId, String),
    pub address: String,
}

pub(crate) async fn proxy_service(app: &TestApp, email: &str) -> Proxy {
    let shop = create_proxy_shop(app, "daiko").await;
    let member = fast_member(app, email).await;
    let address = home_address(app, member.0).await;
    Proxy { shop, member, address }
}

pub(crate) async fn submit(app: &TestApp, p: &Proxy, key: &str, items: Value) -> (u16, Value) {
    let body =
        json!({"shop_id": p.shop.id.0, "address_id": p.address, "shipping_priority": "cheapest", "items": items});
    let (status, body, _) = app.post_with_key("/api/v1/me/proxy-orders", Some(&p.member.1), key, body).await;
    (status, body)
}

pub(crate) fn staff_path(p: &Proxy, order: &Value, rest: &str) -> String {
    format!("/api/v1/shops/{}/proxy-orders/{}{rest}", p.shop.id, order["id"].as_str().unwrap())
}

pub(crate) fn my_path(order: &Value, rest: &str) -> String {
    format!("/api/v1/me/proxy-orders/{}{rest}", order["id"].as_str().unwrap())
}

/// Quotes every item still in the order at its requested price, ¥300 of seller's shipping each.
pub(crate) async fn quote_all(app: &TestApp, p: &Proxy, order: &Value) -> Value {
    let quotes: Vec<Value> = order["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] != "cancelled")
        .map(|i| json!({"item_id": i["id"], "unit_price": i["requested_unit_price"], "domestic_shipping": "300"}))
        .collect();
    let (status, quoted) =
        app.post(&staff_path(p, order, "/quote"), Some(&p.shop.staff.access_token), json!({"items": quotes})).await;
    assert_eq!(status, 200, "{quoted}");
    quoted
}

pub(crate) async fn credit(app: &TestApp, p: &Proxy, amount: &str) -> Value {
    let path = format!("/api/v1/shops/{}/members/{}/deposit/adjustments", p.shop.id, p.member.0.0);
    let body = json!({"direction": "credit", "amount": amount, "reason": "お振込みの前受け"});
    let (status, deposit) = app.post(&path, Some(&p.shop.staff.access_token), body).await;
    assert_eq!(status, 200, "{deposit}");
    deposit
}

pub(crate) fn yen(v: &Value) -> i64 {
    v.as_str().unwrap().parse().unwrap()
}

async fn prx01_prx04_pay05_pay06_a_request_is_quoted_changed_and_paid_by_deposit_and_transfers(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "buyer@example.test").await;
    let member = Some(p.member.1.as_str());
    let staff = Some(p.shop.staff.access_token.as_str());

    // PRX-01: three items, one request; the service's queue shows it.
    let (status, order) = submit(&app, &p, "req-1", items()).await;
    assert_eq!(status, 201, "{order}");
    assert_eq!(order["status"], "requested");
    assert!(order["number"].as_str().unwrap().starts_with('P'));
    assert_eq!(order["items"].as_array().unwrap().len(), 3);
    assert_eq!(order["ship_to"]["prefecture_name"], "東京都");
    let (replay_status, replay) = submit(&app, &p, "req-1", items()).await;
    assert_eq!((replay_status, &replay["id"]), (201, &order["id"]), "a retried request is the same request");
    let queue = format!("/api/v1/shops/{}/proxy-orders?status=requested", p.shop.id);
    let (_, queued) = app.get(&queue, staff).await;
    assert_eq!(queued.as_array().unwrap().len(), 1);

    // The quote: goods 2400 + 1800 + 750 = 4950, shipping 3 × 300, fee max(5 % = 247, 300) = 300.
    let quoted = quote_all(&app, &p, &order).await;
    assert_eq!(quoted["status"], "awaiting_first_payment");
    assert!(quoted["needs_member_action"].as_bool().unwrap());
    let first = &quoted["first_invoice"];
    assert_eq!((yen(&first["goods"]), yen(&first["domestic_shipping"]), yen(&first["service_fee"])), (4950, 900, 300));
    assert_eq!((yen(&first["total"]), first["version"].as_i64()), (6150, Some(1)));
    assert!(quoted["payment_deadline"].is_string());
    let mail = &app.mailbox("buyer@example.test").await[0];
    assert_eq!(mail["template"], "proxy_quoted");
    assert!(mail["body"].as_str().unwrap().contains("¥6,150"), "{mail}");

    // PRX-04: a quantity change and an item cancel each write a new invoice version at once.
    let mug = quoted["items"][1]["id"].as_str().unwrap();
    let spoon = quoted["items"][2]["id"].as_str().unwrap();
    let (status, changed) = app.patch(&my_path(&order, &format!("/items/{mug}")), member, json!({"quantity": 3})).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(
        (yen(&changed["first_invoice"]["total"]), changed["first_invoice"]["version"].as_i64()),
        (7050, Some(2))
    );
    let (status, changed) = app.post(&my_path(&order, &format!("/items/{spoon}/cancel")), member, json!({})).await;
    assert_eq!(status, 200, "{changed}");
    // 2400 + 2700 = 5100 goods, 600 shipping, fee max(255, 300) = 300.
    assert_eq!(
        (yen(&changed["first_invoice"]["total"]), changed["first_invoice"]["version"].as_i64()),
        (6000, Some(3))
    );
    let history: Vec<&str> =
        changed["invoice_history"].as_array().unwrap().iter().map(|i| i["status"].as_str().unwrap()).collect();
    assert_eq!(history, ["superseded", "superseded", "open"], "earlier versions are kept");
    assert_eq!(changed["items"][2]["status"], "cancelled");

    // PAY-06: the deposit is used first, as far as it goes.
    credit(&app, &p, "1000").await;
    let (status, paid) = app.post(&my_path(&order, "/payment/deposit"), member, json!({})).await;
    assert_eq!(status, 200, "{paid}");
    assert_eq!((yen(&paid["first_invoice"]["paid"]), yen(&paid["first_invoice"]["due"])), (1000, 5000));
    assert_eq!(paid["status"], "awaiting_first_payment");
    let (status, problem) = app.post(&my_path(&order, "/payment/deposit"), member, json!({})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("deposit_empty")));

    // PAY-05, PAY-07: the payment page shows the transfer account and the card total with its surcharge.
    let (status, options) = app.get(&my_path(&order, "/payment"), member).await;
    assert_eq!(status, 200, "{options}");
    assert_eq!((yen(&options["invoice"]["due"]), yen(&options["deposit_balance"])), (5000, 0));
    assert_eq!((yen(&options["card_surcharge"]), yen(&options["card_total"])), (200, 5200), "4 % by default");

    // A transfer reported short, confirmed as it arrived: the rest stays due.
    let report = json!({"transferred_on": "2026-12-02", "amount": "4500", "sender_kana": "ﾊﾔﾐ ﾊｼﾞﾒ"});
    let (status, reported) = app.post(&my_path(&order, "/payment/transfer-reports"), member, report).await;
    assert_eq!(status, 201, "{reported}");
    assert_eq!(reported["sender_kana"], "ハヤミ ハジメ", "half-width katakana is normalized");
    let (_, queue) = app.get(&format!("/api/v1/shops/{}/transfer-reports", p.shop.id), staff).await;
    assert_eq!(queue[0]["order_number"], order["number"]);
    assert_eq!(queue[0]["stage"], 1);
    let queues = format!("/api/v1/shops/{}/queues", p.shop.id);
    assert_eq!(app.get(&queues, staff).await.1["transfers_to_confirm"], 1, "SHOP-01");
    let confirm = format!("/api/v1/shops/{}/transfer-reports/{}/confirm", p.shop.id, reported["id"].as_str().unwrap());
    let (status, confirmed) = app.post(&confirm, staff, json!({"received_amount": "4500"})).await;
    assert_eq!((status, confirmed["status"].as_str()), (200, Some("confirmed")), "{confirmed}");
    let (status, problem) = app.post(&confirm, staff, json!({"received_amount": "4500"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("transfer_settled")), "once only");
    assert_eq!(app.get(&queues, staff).await.1["transfers_to_confirm"], 0);
    let (_, order_now) = app.get(&my_path(&order, ""), member).await;
    assert_eq!(
        (yen(&order_now["first_invoice"]["due"]), order_now["status"].as_str()),
        (500, Some("awaiting_first_payment"))
    );

    // The rest, overpaid: the invoice is paid, the order moves on, the surplus goes to the deposit.
    let report = json!({"transferred_on": "2026-12-02", "amount": "800", "sender_kana": "ハヤミ ハジメ"});
    let (_, reported) = app.post(&my_path(&order, "/payment/transfer-reports"), member, report).await;
    let confirm = format!("/api/v1/shops/{}/transfer-reports/{}/confirm", p.shop.id, reported["id"].as_str().unwrap());
    let (status, _) = app.post(&confirm, staff, json!({"received_amount": "800"})).await;
    assert_eq!(status, 200);
    let (_, done) = app.get(&my_path(&order, ""), member).await;
    assert_eq!(done["status"], "purchasing");
    assert_eq!(done["first_invoice"]["status"], "paid");
    let statuses: Vec<&str> = done["items"].as_array().unwrap().iter().map(|i| i["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["paid", "paid", "cancelled"]);
    let (_, deposit) = app.get(&format!("/api/v1/me/deposits/{}", p.shop.id), member).await;
    assert_eq!(yen(&deposit["balance"]), 300);
    let kinds: Vec<&str> = deposit["entries"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["overpayment", "use", "adjustment"], "newest first");
    let sum: i64 = deposit["entries"].as_array().unwrap().iter().map(|e| yen(&e["amount"])).sum();
    assert_eq!(sum, 300, "the ledger sums to the balance");
    let mail = &app.mailbox("buyer@example.test").await[0];
    assert_eq!(mail["template"], "proxy_payment_received");
    assert!(mail["body"].as_str().unwrap().contains("¥300"), "the surplus is named: {mail}");

    // Paid: no more changes, no cancel.
    let (status, problem) = app.post(&my_path(&order, "/cancel"), member, json!({})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")));
    let tote = done["items"][0]["id"].as_str().unwrap();
    let (status, problem) =
        app.patch(&my_path(&order, &format!("/items/{tote}")), member, json!({"quantity": 2})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("item_locked")));
    let (status, problem) = app.get(&my_path(&order, "/payment"), member).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("nothing_due")));

    let (_, timeline) = app.get(&my_path(&order, "/timeline"), member).await;
    let what: Vec<&str> = timeline.as_array().unwrap().iter().map(|e| e["what"].as_str().unwrap()).collect();
    assert!(what.starts_with(&["requested", "awaiting_first_payment"]), "{what:?}");
    assert!(what.ends_with(&["payment_applied", "purchasing"]), "{what:?}");
}

async fn prx05_prx06_an_item_with_a_question_is_not_bought_until_answered(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "asker@example.test").await;
    let member = Some(p.member.1.as_str());
    let staff = Some(p.shop.staff.access_token.as_str());
    let (_, order) = submit(&app, &p, "q", items()).await;
    // SHOP-01: the console counts the proxy work waiting.
    let queues = format!("/api/v1/shops/{}/queues", p.shop.id);
    assert_eq!(app.get(&queues, staff).await.1["requests_to_quote"], 1);
    let quoted = quote_all(&app, &p, &order).await;
    assert_eq!(app.get(&queues, staff).await.1["requests_to_quote"], 0);
    let tote = quoted["items"][0]["id"].as_str().unwrap();
    let ask = my_path(&order, &format!("/items/{tote}/question"));
    let (status, problem) = app.post(&ask, member, json!({"question": "  "})).await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["question"].is_array());
    let (status, asked) = app.post(&ask, member, json!({"question": "内ポケットはありますか？"})).await;
    assert_eq!(status, 200, "{asked}");
    assert!(asked["items"][0]["question_open"].as_bool().unwrap());
    assert_eq!(app.get(&queues, staff).await.1["questions_to_answer"], 1);

    credit(&app, &p, "100000").await;
    let (_, paid) = app.post(&my_path(&order, "/payment/deposit"), member, json!({})).await;
    assert_eq!(paid["status"], "purchasing");
    let (status, problem) = app.post(&ask, member, json!({"question": "まだ間に合いますか？"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("item_locked")), "questions are asked before paying");

    let mark = |item: &str| staff_path(&p, &order, &format!("/items/{item}/status"));
    let (status, problem) = app.post(&mark(tote), staff, json!({"status": "purchased"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("question_open")));
    let answer = staff_path(&p, &order, &format!("/items/{tote}/answer"));
    let (status, answered) =
        app.post(&answer, staff, json!({"answer": "出品者によると内ポケットが1つあります。"})).await;
    assert_eq!(status, 200, "{answered}");
    assert!(!answered["items"][0]["question_open"].as_bool().unwrap());
    assert_eq!(app.get(&queues, staff).await.1["questions_to_answer"], 0);
    let (status, _) = app.post(&answer, staff, json!({"answer": "again"})).await;
    assert_eq!(status, 409, "nothing left to answer");

    let (status, problem) = app.post(&mark(tote), staff, json!({"status": "arrived"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")), "one step at a time");
    for step in ["purchased", "arrived", "inspected"] {
        let (status, moved) = app.post(&mark(tote), staff, json!({"status": step})).await;
        assert_eq!((status, moved["items"][0]["status"].as_str()), (200, Some(step)), "{moved}");
    }
    let (status, _) = app.post(&mark(tote), staff, json!({"status": "shipped"})).await;
    assert_eq!(status, 422, "not a step staff can set");
    // PRX-06: the member hears once when the last item is bought, and once when the last is inspected.
    let mails = |template: &'static str| {
        let app = &app;
        async move { app.mailbox("asker@example.test").await.iter().filter(|m| m["template"] == template).count() }
    };
    assert_eq!(mails("proxy_items_purchased").await, 0, "two items are still to buy");
    for step in ["purchased", "arrived", "inspected"] {
        for item in [&quoted["items"][1], &quoted["items"][2]] {
            let (status, _) = app.post(&mark(item["id"].as_str().unwrap()), staff, json!({"status": step})).await;
            assert_eq!(status, 200);
        }
    }
    assert_eq!((mails("proxy_items_purchased").await, mails("proxy_inspected").await), (1, 1));
    let (_, timeline) = app.get(&staff_path(&p, &order, "/timeline"), staff).await;
    let what: Vec<&str> = timeline.as_array().unwrap().iter().map(|e| e["what"].as_str().unwrap()).collect();
    assert!(
        what.contains(&"question_asked") && what.contains(&"question_answered") && what.contains(&"item_inspected")
    );
}

async fn prx03_the_member_cancels_before_paying_and_money_paid_goes_to_the_deposit(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "cancel@example.test").await;
    let member = Some(p.member.1.as_str());
    // Before the quote: cancelled at once, nothing to refund.
    let (_, early) = submit(&app, &p, "early", items()).await;
    let (status, cancelled) = app.post(&my_path(&early, "/cancel"), member, json!({})).await;
    assert_eq!(
        (status, cancelled["status"].as_str(), cancelled["cancel_reason"].as_str()),
        (200, Some("cancelled"), Some("member"))
    );

    // Quoted and partly paid from the deposit: the part paid goes back.
    let (_, order) = submit(&app, &p, "late", items()).await;
    quote_all(&app, &p, &order).await;
    credit(&app, &p, "2000").await;
    app.post(&my_path(&order, "/payment/deposit"), member, json!({})).await;
    let (status, cancelled) = app.post(&my_path(&order, "/cancel"), member, json!({})).await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(cancelled["first_invoice"]["status"], "void");
    let (_, deposit) = app.get(&format!("/api/v1/me/deposits/{}", p.shop.id), member).await;
    assert_eq!(yen(&deposit["balance"]), 2000);
    assert_eq!(deposit["entries"][0]["kind"], "refund");
    let mail = &app.mailbox("cancel@example.test").await[0];
    assert_eq!(mail["template"], "proxy_cancelled");
    assert!(mail["body"].as_str().unwrap().contains("¥2,000"), "{mail}");

    // PRX-10: the lists.
    let (_, in_progress) = app.get("/api/v1/me/proxy-orders", member).await;
    assert_eq!(in_progress.as_array().unwrap().len(), 0);
    let (_, gone) = app.get("/api/v1/me/proxy-orders?list=cancelled", member).await;
    assert_eq!(gone.as_array().unwrap().len(), 2);
    let (status, _) = app.post(&my_path(&order, "/cancel"), member, json!({})).await;
    assert_eq!(status, 409, "cancelled once");

    // PRX-04: cancelling the last item cancels the order.
    let (_, single) = submit(&app, &p, "single", json!([items()[0].clone()])).await;
    let only = single["items"][0]["id"].as_str().unwrap();
    let (status, after) = app.post(&my_path(&single, &format!("/items/{only}/cancel")), member, json!({})).await;
    assert_eq!(
        (status, after["status"].as_str(), after["cancel_reason"].as_str()),
        (200, Some("cancelled"), Some("no_items"))
    );
}

async fn prx03_unpaid_quotes_are_warned_a_day_before_and_cancelled_after_seven_days_once_with_two_workers(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "slow@example.test").await;
    let (_, order) = submit(&app, &p, "slow", items()).await;
    quote_all(&app, &p, &order).await;

    // A day before, the member is warned — once, whichever of two workers gets there first.
    app.clock.advance(chrono::Duration::days(6) - chrono::Duration::minutes(1));
    assert_eq!(kaimono_proxy::remind_unpaid_quotes(&app.db, app.clock_now(), 100).await.unwrap(), 0, "not yet");
    app.clock.advance(chrono::Duration::minutes(2));
    let now = app.clock_now();
    let (a, b) = tokio::join!(
        kaimono_proxy::remind_unpaid_quotes(&app.db, now, 100),
        kaimono_proxy::remind_unpaid_quotes(&app.db, now, 100)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1, "two workers warn once");
    let reminders: Vec<Value> = app
        .mailbox("slow@example.test")
        .await
        .into_iter()
        .filter(|m| m["template"] == "proxy_payment_reminder")
        .collect();
    assert_eq!(reminders.len(), 1);
    assert!(reminders[0]["body"].as_str().unwrap().contains("自動的にキャンセル"), "{}", reminders[0]["body"]);
    assert_eq!(kaimono_proxy::remind_unpaid_quotes(&app.db, now, 100).await.unwrap(), 0);

    app.clock.advance(chrono::Duration::days(1) - chrono::Duration::minutes(2));
    let now = app.clock_now();
    assert_eq!(kaimono_proxy::cancel_unpaid_quotes(&app.db, now, 100).await.unwrap(), 0, "not yet");
    app.clock.advance(chrono::Duration::minutes(2));
    let now = app.clock_now();
    let (a, b) = tokio::join!(
        kaimono_proxy::cancel_unpaid_quotes(&app.db, now, 100),
        kaimono_proxy::cancel_unpaid_quotes(&app.db, now, 100)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1, "two workers cancel it once");
    let token = token_for(&app, &p.member.0.0.to_string(), Role::Member);
    let (_, cancelled) = app.get(&my_path(&order, ""), Some(&token)).await;
    assert_eq!(
        (cancelled["status"].as_str(), cancelled["cancel_reason"].as_str()),
        (Some("cancelled"), Some("unpaid"))
    );
    let cancels = app.mailbox("slow@example.test").await.iter().filter(|m| m["template"] == "proxy_cancelled").count();
    assert_eq!(cancels, 1, "one email");
    assert_eq!(kaimono_proxy::cancel_unpaid_quotes(&app.db, now, 100).await.unwrap(), 0);
}

async fn pay06_a_crowd_spending_one_deposit_never_takes_more_than_it_holds(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "crowd@example.test").await;
    // 100 quoted orders of ¥2,700 each (2400 + 300 shipping; fee 300 → 3000), a deposit for 10 of them.
    let one = json!([items()[0].clone()]);
    let mut orders = Vec::new();
    for i in 0..100 {
        let (status, order) = submit(&app, &p, &format!("crowd-{i}"), one.clone()).await;
        assert_eq!(status, 201);
        let quoted = quote_all(&app, &p, &order).await;
        assert_eq!(yen(&quoted["first_invoice"]["total"]), 3000);
        orders.push(order);
    }
    credit(&app, &p, "30000").await;
    let (app_ref, token) = (&app, p.member.1.as_str());
    let payments = orders.iter().map(|order| {
        let path = my_path(order, "/payment/deposit");
        async move { app_ref.post(&path, Some(token), json!({})).await }
    });
    let answers = futures_util::future::join_all(payments).await;
    let paid = answers.iter().filter(|(status, body)| *status == 200 && body["status"] == "purchasing").count();
    let empty = answers.iter().filter(|(status, body)| *status == 409 && body["code"] == "deposit_empty").count();
    assert_eq!((paid, empty), (10, 90), "{:?}", answers.iter().map(|a| a.0).collect::<Vec<_>>());
    let (_, deposit) = app.get(&format!("/api/v1/me/deposits/{}", p.shop.id), Some(&p.member.1)).await;
    assert_eq!(yen(&deposit["balance"]), 0);
    let sum: i64 = deposit["entries"].as_array().unwrap().iter().map(|e| yen(&e["amount"])).sum();
    assert_eq!(sum, 0, "the ledger sums to the balance");
    assert_eq!(deposit["entries"].as_array().unwrap().len(), 11);
}

async fn prx01_bad_requests_strangers_and_wrong_states_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "owner@example.test").await;
    let member = Some(p.member.1.as_str());

    // 422 with field errors; nothing is written.
    let bad_url = json!([{"source_url": "javascript:alert(1)", "name": "x", "quantity": 1, "unit_price": "100"}]);
    let (status, problem) = submit(&app, &p, "bad-1", bad_url).await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["items.0.source_url"].is_array(), "{problem}");
    let (status, _) = submit(&app, &p, "bad-2", json!([])).await;
    assert_eq!(status, 422, "at least one item");
    let zero = json!([{"source_url": "https://example.com/a", "name": "x", "quantity": 0, "unit_price": "1.5"}]);
    let (status, problem) = submit(&app, &p, "bad-3", zero).await;
    assert_eq!(status, 422, "{problem}");
    let (_, none) = app.get("/api/v1/me/proxy-orders", member).await;
    assert_eq!(none.as_array().unwrap().len(), 0, "nothing was written");

    // 401 without a token; 404 for a retail shop; 404 for another member's order.
    let body =
        json!({"shop_id": p.shop.id.0, "address_id": p.address, "shipping_priority": "fastest", "items": items()});
    let (status, _, _) = app.post_with_key("/api/v1/me/proxy-orders", None, "anon", body).await;
    assert_eq!(status, 401);
    let retail = create_shop(&app, "retail").await;
    let body =
        json!({"shop_id": retail.id.0, "address_id": p.address, "shipping_priority": "fastest", "items": items()});
    let (status, _, _) = app.post_with_key("/api/v1/me/proxy-orders", member, "retail", body).await;
    assert_eq!(status, 404, "a retail shop takes no proxy requests");
    let (_, order) = submit(&app, &p, "mine", items()).await;
    let (_, other) = fast_member(&app, "other@example.test").await;
    let (status, _) = app.get(&my_path(&order, ""), Some(&other)).await;
    assert_eq!(status, 404);
    let (status, _) = app.post(&my_path(&order, "/cancel"), Some(&other), json!({})).await;
    assert_eq!(status, 404);
    let (status, _) = app.get(&staff_path(&p, &order, ""), Some(&retail.staff.access_token)).await;
    assert_eq!(status, 403, "another shop's staff");
    let wrong_address = json!({"shop_id": p.shop.id.0, "address_id": uuid::Uuid::now_v7(), "shipping_priority": "cheapest", "items": items()});
    let (status, problem, _) = app.post_with_key("/api/v1/me/proxy-orders", member, "addr", wrong_address).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["address_id"].is_array());

    // 409: nothing to pay before the quote; a quote missing an item; bad transfer reports.
    let (status, problem) = app.post(&my_path(&order, "/payment/deposit"), member, json!({})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("nothing_due")));
    let first = order["items"][0]["id"].clone();
    let partial = json!({"items": [{"item_id": first, "unit_price": "2400", "domestic_shipping": "0"}]});
    let (status, problem) =
        app.post(&staff_path(&p, &order, "/quote"), Some(&p.shop.staff.access_token), partial).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("incomplete_quote")), "{problem}");
    quote_all(&app, &p, &order).await;
    let report = json!({"transferred_on": "2026-12-02", "amount": "100", "sender_kana": "山田"});
    let (status, problem) = app.post(&my_path(&order, "/payment/transfer-reports"), member, report).await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["sender_kana"].is_array());
    let report = json!({"transferred_on": "2026-12-02", "amount": "0", "sender_kana": "ヤマダ"});
    let (status, problem) = app.post(&my_path(&order, "/payment/transfer-reports"), member, report).await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["amount"].is_array());

    // Settings: the owner's to change, staff read them, bad rates refused.
    let settings = format!("/api/v1/shops/{}/proxy-settings", p.shop.id);
    let (status, read) = app.get(&settings, Some(&p.shop.staff.access_token)).await;
    assert_eq!((status, read["fee_rate_bp"].as_u64()), (200, Some(500)));
    let change = json!({"fee_rate_bp": 800, "fee_minimum": "500", "card_surcharge_bp": 350});
    assert_eq!(app.put(&settings, Some(&p.shop.staff.access_token), change.clone()).await.0, 403);
    let (status, saved) = app.put(&settings, Some(&p.shop.owner.access_token), change).await;
    assert_eq!((status, saved["card_surcharge_bp"].as_u64()), (200, Some(350)));
    let bad = json!({"fee_rate_bp": 10001, "fee_minimum": "-1", "card_surcharge_bp": 0});
    let (status, problem) = app.put(&settings, Some(&p.shop.owner.access_token), bad).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["fee_rate_bp"].is_array() && problem["errors"]["fee_minimum"].is_array());
}

async fn pay06_staff_adjust_a_deposit_with_a_reason_never_below_zero(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "adjust@example.test").await;
    let path = format!("/api/v1/shops/{}/members/{}/deposit/adjustments", p.shop.id, p.member.0.0);
    let staff = Some(p.shop.staff.access_token.as_str());
    let deposit = credit(&app, &p, "1500").await;
    assert_eq!(yen(&deposit["balance"]), 1500);
    assert_eq!(deposit["entries"][0]["reason"], "お振込みの前受け");
    let (status, problem) =
        app.post(&path, staff, json!({"direction": "debit", "amount": "2000", "reason": "誤入金の訂正"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("insufficient_deposit")));
    let (status, deposit) =
        app.post(&path, staff, json!({"direction": "debit", "amount": "500", "reason": "誤入金の訂正"})).await;
    assert_eq!((status, yen(&deposit["balance"])), (200, 1000));
    assert_eq!(yen(&deposit["entries"][0]["amount"]), -500);
    let (status, problem) = app.post(&path, staff, json!({"direction": "credit", "amount": "100", "reason": ""})).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["reason"].is_array());
    assert_eq!(
        app.post(&path, Some(&p.member.1), json!({"direction": "credit", "amount": "100", "reason": "x"})).await.0,
        403
    );
    assert_eq!(app.post(&path, None, json!({"direction": "credit", "amount": "100", "reason": "x"})).await.0, 401);

    // A member's top-up by transfer, confirmed by staff.
    let top_up = format!("/api/v1/me/deposits/{}/top-up-reports", p.shop.id);
    let report = json!({"transferred_on": "2026-12-01", "amount": "3000", "sender_kana": "ハヤミ ハジメ"});
    let (status, reported) = app.post(&top_up, Some(&p.member.1), report).await;
    assert_eq!(status, 201, "{reported}");
    let (_, queue) = app.get(&format!("/api/v1/shops/{}/transfer-reports", p.shop.id), staff).await;
    assert!(queue[0]["order_id"].is_null());
    let confirm = format!("/api/v1/shops/{}/transfer-reports/{}/confirm", p.shop.id, reported["id"].as_str().unwrap());
    app.post(&confirm, staff, json!({"received_amount": "3000"})).await;
    let (_, deposit) = app.get(&format!("/api/v1/me/deposits/{}", p.shop.id), Some(&p.member.1)).await;
    assert_eq!((yen(&deposit["balance"]), deposit["entries"][0]["kind"].as_str()), (4000, Some("top_up")));
    // A rejected report moves nothing.
    let report = json!({"transferred_on": "2026-12-01", "amount": "9999", "sender_kana": "ハヤミ ハジメ"});
    let (_, reported) = app.post(&top_up, Some(&p.member.1), report).await;
    let reject = format!("/api/v1/shops/{}/transfer-reports/{}/reject", p.shop.id, reported["id"].as_str().unwrap());
    let (status, rejected) = app.post(&reject, staff, json!({})).await;
    assert_eq!((status, rejected["status"].as_str()), (200, Some("rejected")));
    let (_, deposit) = app.get(&format!("/api/v1/me/deposits/{}", p.shop.id), Some(&p.member.1)).await;
    assert_eq!(yen(&deposit["balance"]), 4000);
}

async fn prx08_prx09_prx11_prx13_a_paid_order_is_weighed_billed_shipped_and_received(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "parcel@example.test").await;
    let (member, staff) = (Some(p.member.1.as_str()), Some(p.shop.staff.access_token.as_str()));

    // PRX-08: not before every item is inspected.
    let (_, early) = submit(&app, &p, "early", items()).await;
    quote_all(&app, &p, &early).await;
    credit(&app, &p, "100000").await;
    app.post(&my_path(&early, "/payment/deposit"), member, json!({})).await;
    let parcel = json!({"weight_grams": 1200, "length_cm": 60, "width_cm": 40, "height_cm": 30, "method": "air"});
    let (status, problem) = app.post(&staff_path(&p, &early, "/parcel"), staff, parcel.clone()).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("items_not_inspected")));

    let order = inspected_order(&app, &p, "parcel").await;
    // PRX-11: the public estimator, from the same table: 60 × 40 × 30 / 6000 = 12 kg by air.
    let (status, estimate) =
        app.get("/api/v1/proxy/shipping-estimate?weight_grams=1200&length_cm=60&width_cm=40&height_cm=30", None).await;
    assert_eq!(status, 200, "{estimate}");
    let air = estimate["methods"].as_array().unwrap().iter().find(|e| e["method"] == "air").unwrap().clone();
    assert!(estimate["import_charges"].is_null());
    // With the goods' value: 60 % of ¥50,000 = ¥30,000 taxable, 10 % duty, 10 % consumption tax.
    let (_, landed) = app
        .get(
            "/api/v1/proxy/shipping-estimate?weight_grams=1200&length_cm=60&width_cm=40&height_cm=30&goods_value=50000",
            None,
        )
        .await;
    assert_eq!(
        (yen(&landed["import_charges"]["duty"]), yen(&landed["import_charges"]["consumption_tax"])),
        (3000, 3300)
    );
    let landed_air = landed["methods"].as_array().unwrap().iter().find(|e| e["method"] == "air").unwrap().clone();
    assert_eq!(yen(&landed_air["landed_total"]), 50_000 + yen(&air["price"]) + 3000 + 3300);
    assert_eq!((air["chargeable_grams"].as_u64(), air["volumetric_grams"].as_u64()), (Some(12_000), Some(12_000)));
    let (status, problem) =
        app.get("/api/v1/proxy/shipping-estimate?weight_grams=0&length_cm=1&width_cm=1&height_cm=1", None).await;
    assert_eq!(status, 422, "{problem}");

    let (status, weighed) = app.post(&staff_path(&p, &order, "/parcel"), staff, parcel).await;
    assert_eq!(status, 200, "{weighed}");
    assert_eq!(weighed["status"], "awaiting_second_payment");
    assert_eq!(weighed["second_invoice"]["international_shipping"], air["price"], "the invoice is the estimate");
    assert_eq!(
        (weighed["parcel"]["method"].as_str(), weighed["parcel"]["rate_table"].as_str()),
        (Some("air"), Some("2026-12"))
    );
    let mail = &app.mailbox("parcel@example.test").await[0];
    assert_eq!(mail["template"], "proxy_second_invoice");
    let too_heavy =
        json!({"weight_grams": 30000, "length_cm": 200, "width_cm": 200, "height_cm": 200, "method": "ems"});
    let (status, problem) = app.post(&staff_path(&p, &order, "/parcel"), staff, too_heavy).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("parcel_too_heavy")));

    // Not shipped before the 2nd payment; then paid from the deposit and shipped.
    let ship = json!({"carrier": "EMS", "tracking_number": "EB123456789CN"});
    let (status, _) = app.post(&staff_path(&p, &order, "/ship"), staff, ship.clone()).await;
    assert_eq!(status, 409);
    let (status, paid) = app.post(&my_path(&order, "/payment/deposit"), member, json!({})).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("awaiting_shipment")), "{paid}");
    let (status, problem) = app
        .post(&staff_path(&p, &order, "/ship"), staff, json!({"carrier": "EMS", "tracking_number": "no spaces"}))
        .await;
    assert_eq!(status, 422, "{problem}");
    let (status, shipped) = app.post(&staff_path(&p, &order, "/ship"), staff, ship).await;
    assert_eq!((status, shipped["shipment"]["tracking_number"].as_str()), (200, Some("EB123456789CN")));
    let mail = &app.mailbox("parcel@example.test").await[0];
    assert_eq!(mail["template"], "proxy_shipped");
    assert!(mail["body"].as_str().unwrap().contains("EB123456789CN"));

    // PRX-09: a problem keeps it open for staff; fine completes it; PRX-13 lists the public comment.
    let receipt = my_path(&order, "/receipt");
    let (status, open) = app.post(&receipt, member, json!({"fine": false, "comment": "箱が潰れていました"})).await;
    assert_eq!((status, open["status"].as_str()), (200, Some("shipped")));
    // … and opens the conversation: a message staff see (and are mailed about) to answer with photos.
    let (_, thread) = app.get(&staff_path(&p, &order, "/messages"), staff).await;
    let last = thread["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["author"].as_str(), last["body"].as_str()), (Some("member"), Some("箱が潰れていました")));
    let (status, done) = app
        .post(
            &receipt,
            member,
            json!({"fine": true, "comment": "丁寧な梱包でした。ありがとうございました。", "public": true}),
        )
        .await;
    assert_eq!((status, done["status"].as_str()), (200, Some("completed")), "{done}");
    let (status, _) = app.post(&receipt, member, json!({"fine": true})).await;
    assert_eq!(status, 409, "reported once");
    let (status, reports) = app.get(&format!("/api/v1/shops/{}/arrival-reports", p.shop.id), None).await;
    assert_eq!(status, 200);
    assert_eq!(reports[0]["comment"], "丁寧な梱包でした。ありがとうございました。");
    let (_, completed) = app.get("/api/v1/me/proxy-orders?list=completed", member).await;
    assert_eq!(completed.as_array().unwrap().len(), 1);
}

async fn prx09_shipped_orders_complete_after_thirty_days_once_with_two_workers(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "quiet@example.test").await;
    let order = inspected_order(&app, &p, "quiet").await;
    let staff = Some(p.shop.staff.access_token.as_str());
    let parcel = json!({"weight_grams": 800, "length_cm": 20, "width_cm": 20, "height_cm": 10, "method": "sal"});
    app.post(&staff_path(&p, &order, "/parcel"), staff, parcel).await;
    credit(&app, &p, "5000").await;
    let (status, paid) = app.post(&my_path(&order, "/payment/deposit"), Some(&p.member.1), json!({})).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("awaiting_shipment")), "{paid}");
    let (status, _) =
        app.post(&staff_path(&p, &order, "/ship"), staff, json!({"carrier": "SAL", "tracking_number": "RR1"})).await;
    assert_eq!(status, 422, "a tracking number of at least 4");
    let (status, _) = app
        .post(&staff_path(&p, &order, "/ship"), staff, json!({"carrier": "SAL", "tracking_number": "RR123456789CN"}))
        .await;
    assert_eq!(status, 200);

    app.clock.advance(chrono::Duration::days(29));
    assert_eq!(kaimono_proxy::complete_shipped(&app.db, app.clock_now(), 100).await.unwrap(), 0);
    app.clock.advance(chrono::Duration::days(1) + chrono::Duration::minutes(1));
    let now = app.clock_now();
    let (a, b) = tokio::join!(
        kaimono_proxy::complete_shipped(&app.db, now, 100),
        kaimono_proxy::complete_shipped(&app.db, now, 100)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1, "completed once");
    let completed =
        app.mailbox("quiet@example.test").await.iter().filter(|m| m["template"] == "proxy_completed").count();
    assert_eq!(completed, 1);
}

async fn prx01_the_demo_mall_has_a_proxy_buying_service(backend: Backend) {
    let app = spawn_app(backend).await;
    kaimono_api::seed::seed_demo(&app.db, &app.state.storage, app.clock_now()).await.unwrap();
    let (_, shops) = app.get("/api/v1/shops?limit=50", None).await;
    let proxy = shops["items"].as_array().unwrap().iter().find(|s| s["kind"] == "proxy").expect("a proxy shop").clone();
    assert_eq!(proxy["slug"], "kaimono-daiko");
    let member = login(&app, "member@demo.kaimono.jp", "kaimono-demo").await;
    let (_, addresses) = app.get("/api/v1/me/addresses", Some(&member.access_token)).await;
    let body = json!({"shop_id": proxy["id"], "address_id": addresses[0]["id"], "shipping_priority": "fastest", "items": items()});
    let (status, order, _) =
        app.post_with_key("/api/v1/me/proxy-orders", Some(&member.access_token), "demo", body).await;
    assert_eq!(status, 201, "{order}");
    let owner = login(&app, "owner@kaimono-daiko.demo.kaimono.jp", "kaimono-demo").await;
    let queue = format!("/api/v1/shops/{}/proxy-orders?status=requested", proxy["id"].as_str().unwrap());
    let (_, queued) = app.get(&queue, Some(&owner.access_token)).await;
    assert_eq!(queued[0]["id"], order["id"]);
    let quotes: Vec<Value> = order["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json!({"item_id": i["id"], "unit_price": i["requested_unit_price"], "domestic_shipping": "0"}))
        .collect();
    let path =
        format!("/api/v1/shops/{}/proxy-orders/{}/quote", proxy["id"].as_str().unwrap(), order["id"].as_str().unwrap());
    assert_eq!(app.post(&path, Some(&owner.access_token), json!({"items": quotes})).await.0, 200);
    let (_, options) = app.get(&my_path(&order, "/payment"), Some(&member.access_token)).await;
    assert_eq!(options["bank_account"]["account_holder"], "カ)カイモノダイコウ", "the transfer account is shown");
}

async fn prx04_an_item_cancelled_below_what_was_paid_settles_the_invoice(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "partial@example.test").await;
    let member = Some(p.member.1.as_str());
    let (_, order) = submit(&app, &p, "partial", items()).await;
    let quoted = quote_all(&app, &p, &order).await;
    assert_eq!(yen(&quoted["first_invoice"]["total"]), 6150);
    credit(&app, &p, "6000").await;
    let (_, paid) = app.post(&my_path(&order, "/payment/deposit"), member, json!({})).await;
    assert_eq!(yen(&paid["first_invoice"]["due"]), 150);
    // Without the spoons: 2400 + 1800 goods, 600 shipping, 300 fee = 5100, less than the 6000 paid.
    let spoon = quoted["items"][2]["id"].as_str().unwrap();
    let (status, settled) = app.post(&my_path(&order, &format!("/items/{spoon}/cancel")), member, json!({})).await;
    assert_eq!(status, 200, "{settled}");
    assert_eq!(
        (settled["status"].as_str(), settled["first_invoice"]["status"].as_str()),
        (Some("purchasing"), Some("paid"))
    );
    assert_eq!(yen(&settled["first_invoice"]["paid"]), 5100);
    let (_, deposit) = app.get(&format!("/api/v1/me/deposits/{}", p.shop.id), member).await;
    assert_eq!((yen(&deposit["balance"]), deposit["entries"][0]["kind"].as_str()), (900, Some("overpayment")));
}

async fn msg01_msg03_msg04_member_and_staff_write_on_the_orders_thread_until_30_days_after_it_ends(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "writer@example.test").await;
    let (member, staff) = (Some(p.member.1.as_str()), Some(p.shop.staff.access_token.as_str()));
    let (_, order) = submit(&app, &p, "msg", items()).await;

    // MSG-01, MSG-04: the member writes; the service is emailed at its contact address.
    let message = json!({"title": "サイズについて", "body": "Lサイズの着丈を教えてください。"});
    let (status, sent) = app.post(&my_path(&order, "/messages"), member, message.clone()).await;
    assert_eq!((status, sent["author"].as_str()), (201, Some("member")), "{sent}");
    let mail = &app.mailbox("shop@daiko.test").await[0];
    assert_eq!(mail["template"], "order_message_to_shop");
    assert!(mail["body"].as_str().unwrap().contains("サイズについて"));

    // SHOP-01: it waits in the console's queue and inbox until staff read it.
    let queues = format!("/api/v1/shops/{}/queues", p.shop.id);
    assert_eq!(app.get(&queues, staff).await.1["messages_to_answer"], 1);
    let inbox = format!("/api/v1/shops/{}/message-threads", p.shop.id);
    let (status, threads) = app.get(&inbox, staff).await;
    assert_eq!(status, 200, "{threads}");
    assert_eq!(
        (threads[0]["order_number"].as_str(), threads[0]["unread"].as_u64(), threads[0]["last_author"].as_str()),
        (order["number"].as_str(), Some(1), Some("member"))
    );
    assert_eq!(app.get(&inbox, member).await.0, 403, "members have no inbox of the shop");
    // Staff read it (now read) and answer; the member is emailed.
    let (status, thread) = app.get(&staff_path(&p, &order, "/messages"), staff).await;
    assert_eq!((status, thread["accepts_messages"].as_bool()), (200, Some(true)));
    assert_eq!(thread["messages"][0]["title"], "サイズについて");
    let reply = json!({"title": "Re: サイズについて", "body": "着丈は72cmです。"});
    let (status, _) = app.post(&staff_path(&p, &order, "/messages"), staff, reply).await;
    assert_eq!(status, 201);
    assert_eq!(app.get(&queues, staff).await.1["messages_to_answer"], 0);
    let (_, threads) = app.get(&inbox, staff).await;
    assert_eq!((threads[0]["unread"].as_u64(), threads[0]["last_author"].as_str()), (Some(0), Some("staff")));
    let mail = &app.mailbox("writer@example.test").await[0];
    assert_eq!(mail["template"], "order_message_to_member");
    let (_, thread) = app.get(&my_path(&order, "/messages"), member).await;
    assert_eq!(thread["messages"].as_array().unwrap().len(), 2);
    assert!(thread["messages"][0]["read_at"].is_string(), "staff read the member's message");

    // Refusals: blank, no token, someone else's order, another shop's staff.
    let (status, problem) = app.post(&my_path(&order, "/messages"), member, json!({"title": " ", "body": "x"})).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["title"].is_array());
    assert_eq!(app.post(&my_path(&order, "/messages"), None, message.clone()).await.0, 401);
    let (_, other) = fast_member(&app, "nosy@example.test").await;
    assert_eq!(app.get(&my_path(&order, "/messages"), Some(&other)).await.0, 404);
    let retail = create_shop(&app, "elsewhere").await;
    assert_eq!(app.get(&staff_path(&p, &order, "/messages"), Some(&retail.staff.access_token)).await.0, 403);

    // MSG-03: a cancelled order takes messages for 30 days, then no more.
    app.post(&my_path(&order, "/cancel"), member, json!({})).await;
    app.clock.advance(chrono::Duration::days(30));
    let token = token_for(&app, &p.member.0.0.to_string(), Role::Member);
    let (status, _) = app.post(&my_path(&order, "/messages"), Some(&token), message.clone()).await;
    assert_eq!(status, 201, "within 30 days");
    app.clock.advance(chrono::Duration::days(1));
    let token = token_for(&app, &p.member.0.0.to_string(), Role::Member);
    let (status, problem) = app.post(&my_path(&order, "/messages"), Some(&token), message).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("messages_closed")));
    let (_, thread) = app.get(&my_path(&order, "/messages"), Some(&token)).await;
    assert_eq!(thread["accepts_messages"], false);
}
