//! PAY-07: paying a proxy order by card on a hosted page — the surcharge shown before the redirect, the
//! provider's signed webhook settling it once, whatever arrives twice, out of order, forged or late.

use crate::proxy::{Proxy, items, my_path, proxy_service, quote_all, staff_path, submit, yen};
use kaimono_core::Clock;
use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    pay07_a_hosted_card_page_charges_the_surcharge_and_its_webhook_settles_once,
    pay07_the_sandbox_page_pays_through_the_same_webhook_and_only_for_its_member,
    pay06_refunds_go_back_to_the_card_when_the_member_asks_and_to_the_deposit_if_it_refuses,
);

const WEBHOOK: &str = "/api/v1/payments/checkout/webhook";

/// The provider's event for `session`, delivered with `signature`.
async fn deliver(app: &TestApp, payload: &[u8], signature: Option<&str>) -> (u16, Value) {
    let mut request =
        app.client.post(app.url(WEBHOOK)).header("content-type", "application/json").body(payload.to_vec());
    if let Some(signature) = signature {
        request = request.header("Stripe-Signature", signature);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

async fn quoted(app: &TestApp, p: &Proxy, key: &str) -> Value {
    let (_, order) = submit(app, p, key, items()).await;
    quote_all(app, p, &order).await
}

fn session_of(url: &str) -> String {
    url.rsplit('/').next().unwrap().to_owned()
}

async fn payments_applied(app: &TestApp, p: &Proxy, order: &Value) -> usize {
    let (_, timeline) = app.get(&my_path(order, "/timeline"), Some(&p.member.1)).await;
    timeline.as_array().unwrap().iter().filter(|e| e["what"] == "payment_applied").count()
}

async fn pay07_a_hosted_card_page_charges_the_surcharge_and_its_webhook_settles_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "card@example.test").await;
    let member = Some(p.member.1.as_str());
    let order = quoted(&app, &p, "card").await;

    // The total with the surcharge (4 % by default) is what the payment page shows and the page charges.
    let (_, options) = app.get(&my_path(&order, "/payment"), member).await;
    let due = yen(&options["invoice"]["due"]);
    let surcharge = due * 4 / 100;
    assert_eq!((yen(&options["card_surcharge"]), yen(&options["card_total"])), (surcharge, due + surcharge));
    let (status, page) = app.post(&my_path(&order, "/payment/card"), member, json!({})).await;
    assert_eq!(status, 201, "{page}");
    assert_eq!((yen(&page["amount"]), yen(&page["surcharge"]), yen(&page["total"])), (due, surcharge, due + surcharge));
    let session = session_of(page["url"].as_str().unwrap());
    assert!(session.starts_with("cs_sandbox_"));

    // Forged, unsigned and late deliveries are refused and change nothing.
    let now = app.clock.now();
    let paid = kaimono_payments::completed_event("evt_1", &session, due + surcharge);
    let forged = kaimono_payments::sign_webhook(b"someone else's secret", &paid, now).unwrap();
    let (status, problem) = deliver(&app, &paid, Some(&forged)).await;
    assert_eq!((status, problem["code"].as_str()), (400, Some("webhook_rejected")), "{problem}");
    assert_eq!(deliver(&app, &paid, None).await.0, 400);
    let late = app.state.checkout.sign(&paid, now - chrono::Duration::minutes(6)).unwrap();
    assert_eq!(deliver(&app, &paid, Some(&late)).await.0, 400, "a signature older than five minutes");
    let (_, still) = app.get(&my_path(&order, ""), member).await;
    assert_eq!(still["status"], "awaiting_first_payment");

    // Another amount than the page was opened for is left for staff.
    let (_, other_page) = app.post(&my_path(&order, "/payment/card"), member, json!({})).await;
    let other = session_of(other_page["url"].as_str().unwrap());
    let wrong = kaimono_payments::completed_event("evt_0", &other, 1);
    let (status, receipt) = deliver(&app, &wrong, Some(&app.state.checkout.sign(&wrong, now).unwrap())).await;
    assert_eq!((status, receipt["outcome"].as_str()), (200, Some("mismatched")));
    assert_eq!(payments_applied(&app, &p, &order).await, 0);

    // Signed: the invoice is paid (the surcharge is the service's, not the invoice's) and the order moves on.
    let signature = app.state.checkout.sign(&paid, now).unwrap();
    let (status, receipt) = deliver(&app, &paid, Some(&signature)).await;
    assert_eq!((status, receipt["outcome"].as_str()), (200, Some("paid")), "{receipt}");
    let (_, done) = app.get(&my_path(&order, ""), member).await;
    assert_eq!((done["status"].as_str(), done["first_invoice"]["status"].as_str()), (Some("purchasing"), Some("paid")));
    assert_eq!(yen(&done["first_invoice"]["paid"]), due);
    assert_eq!(app.mailbox("card@example.test").await[0]["template"], "proxy_payment_received");

    // Delivered twice, or an "expired" arriving after it: acknowledged, nothing changes.
    let (status, receipt) = deliver(&app, &paid, Some(&signature)).await;
    assert_eq!((status, receipt["outcome"].as_str()), (200, Some("duplicate")));
    let expired = serde_json::to_vec(
        &json!({"id": "evt_2", "type": "checkout.session.expired", "data": {"object": {"id": session}}}),
    )
    .unwrap();
    let (_, receipt) = deliver(&app, &expired, Some(&app.state.checkout.sign(&expired, now).unwrap())).await;
    assert_eq!(receipt["outcome"], "ignored");
    assert_eq!(payments_applied(&app, &p, &order).await, 1, "paid once");
    let (_, deposit) = app.get(&format!("/api/v1/me/deposits/{}", p.shop.id), member).await;
    assert_eq!(yen(&deposit["balance"]), 0);

    // Nothing is due any more: no new page.
    let (status, problem) = app.post(&my_path(&order, "/payment/card"), member, json!({})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("nothing_due")), "{problem}");
    // An unquoted request has nothing due either; strangers and no token are refused.
    let (_, fresh) = submit(&app, &p, "fresh", items()).await;
    assert_eq!(app.post(&my_path(&fresh, "/payment/card"), member, json!({})).await.0, 409);
    assert_eq!(app.post(&my_path(&order, "/payment/card"), None, json!({})).await.0, 401);
    let (_, stranger) = fast_member(&app, "stranger@example.test").await;
    assert_eq!(app.post(&my_path(&order, "/payment/card"), Some(&stranger), json!({})).await.0, 404);
}

async fn pay07_the_sandbox_page_pays_through_the_same_webhook_and_only_for_its_member(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "sandbox@example.test").await;
    let member = Some(p.member.1.as_str());
    let order = quoted(&app, &p, "sandbox").await;
    let (_, first) = app.post(&my_path(&order, "/payment/card"), member, json!({})).await;
    let (_, second) = app.post(&my_path(&order, "/payment/card"), member, json!({})).await;
    let page = |r: &Value| format!("/api/v1/payments/sandbox-checkout/{}", session_of(r["url"].as_str().unwrap()));

    let (status, shown) = app.get(&page(&first), member).await;
    assert_eq!((status, shown["status"].as_str()), (200, Some("open")), "{shown}");
    assert_eq!(yen(&shown["total"]), yen(&first["total"]));
    assert!(
        shown["return_url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/proxy/orders/{}?card=paid", order["id"].as_str().unwrap()))
    );
    let (_, stranger) = fast_member(&app, "peek@example.test").await;
    assert_eq!(app.get(&page(&first), Some(&stranger)).await.0, 404);
    assert_eq!(app.post(&format!("{}/pay", page(&first)), Some(&stranger), json!({})).await.0, 404);
    assert_eq!(app.get(&page(&first), None).await.0, 401);

    let (status, paid) = app.post(&format!("{}/pay", page(&first)), member, json!({})).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("paid")), "{paid}");
    let (status, again) = app.post(&format!("{}/pay", page(&first)), member, json!({})).await;
    assert_eq!((status, again["status"].as_str()), (200, Some("paid")), "paying twice changes nothing");
    let (_, done) = app.get(&my_path(&order, ""), member).await;
    assert_eq!(done["status"], "purchasing");

    // A second page for the same invoice, paid too (two tabs): its money goes to the deposit, not lost.
    app.post(&format!("{}/pay", page(&second)), member, json!({})).await;
    let (_, deposit) = app.get(&format!("/api/v1/me/deposits/{}", p.shop.id), member).await;
    assert_eq!(yen(&deposit["balance"]), yen(&second["amount"]));
    let (_, timeline) = app.get(&my_path(&order, "/timeline"), member).await;
    assert!(timeline.as_array().unwrap().iter().any(|e| e["what"] == "card_to_deposit"));
}

async fn card_refunds(app: &TestApp) -> Vec<kaimono_entity::card_refund::Model> {
    use sea_orm::{EntityTrait, QueryOrder};
    kaimono_entity::card_refund::Entity::find()
        .order_by_asc(kaimono_entity::card_refund::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

async fn run_card_refunds(app: &TestApp) -> u64 {
    app.state.settlement.refund_cards_due(&app.db, "test-worker", app.clock.now(), 10, &|| false).await.unwrap()
}

async fn pay06_refunds_go_back_to_the_card_when_the_member_asks_and_to_the_deposit_if_it_refuses(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "cardback@example.test").await;
    let (member, staff) = (Some(p.member.1.as_str()), Some(p.shop.staff.access_token.as_str()));
    let order = quoted(&app, &p, "back").await;

    // The member asks for refunds to the card; bad values, strangers and no token are refused.
    let choice = my_path(&order, "/refund-to");
    let (status, chosen) = app.put(&choice, member, json!({"refund_to": "card"})).await;
    assert_eq!((status, chosen["refund_to"].as_str()), (200, Some("card")), "{chosen}");
    assert_eq!(app.put(&choice, member, json!({"refund_to": "cash"})).await.0, 422);
    assert_eq!(app.put(&choice, None, json!({"refund_to": "card"})).await.0, 401);
    let (_, stranger) = fast_member(&app, "elsewhere@example.test").await;
    assert_eq!(app.put(&choice, Some(&stranger), json!({"refund_to": "card"})).await.0, 404);
    let (_, ended) = submit(&app, &p, "ended", items()).await;
    app.post(&my_path(&ended, "/cancel"), member, json!({})).await;
    let (status, problem) = app.put(&my_path(&ended, "/refund-to"), member, json!({"refund_to": "card"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")), "a cancelled order: {problem}");

    // Paid on the hosted page.
    let (_, page) = app.post(&my_path(&order, "/payment/card"), member, json!({})).await;
    let session = session_of(page["url"].as_str().unwrap());
    let paid = kaimono_payments::completed_event("evt_back", &session, yen(&page["total"]));
    let (status, _) = deliver(&app, &paid, Some(&app.state.checkout.sign(&paid, app.clock.now()).unwrap())).await;
    assert_eq!(status, 200);

    // The mugs are sold out: their ¥2,100 goes back to the card, by the job, once; not to the deposit.
    let mugs = staff_path(&p, &order, &format!("/items/{}/refund", order["items"][1]["id"].as_str().unwrap()));
    let (status, after) = app.post(&mugs, staff, json!({"reason": "販売者の在庫切れ"})).await;
    assert_eq!(status, 200, "{after}");
    let mail = &app.mailbox("cardback@example.test").await[0];
    assert_eq!(mail["template"], "proxy_item_refunded");
    assert!(!mail["body"].as_str().unwrap().contains("デポジットへ"), "{mail}");
    assert!(mail["body"].as_str().unwrap().contains("お支払いに使われたカードへ: ¥2,100"), "{mail}");
    let queued = card_refunds(&app).await;
    assert_eq!((queued.len(), queued[0].amount, queued[0].status.as_str()), (1, 2100, "pending"));
    assert_eq!(run_card_refunds(&app).await, 1);
    assert_eq!(run_card_refunds(&app).await, 0, "paid back once");
    let done = card_refunds(&app).await;
    assert_eq!(done[0].status, "succeeded");
    assert!(done[0].provider_refund_id.as_deref().is_some_and(|r| r.starts_with("sbx_re_")), "{done:?}");
    let deposit = format!("/api/v1/me/deposits/{}", p.shop.id);
    assert_eq!(yen(&app.get(&deposit, member).await.1["balance"]), 0);

    // The provider refuses the next one again and again: after the last try it goes to the deposit.
    let spoons = staff_path(&p, &order, &format!("/items/{}/refund", order["items"][2]["id"].as_str().unwrap()));
    assert_eq!(app.post(&spoons, staff, json!({"reason": "販売終了"})).await.0, 200);
    {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        kaimono_entity::checkout_session::Entity::update_many()
            .col_expr(kaimono_entity::checkout_session::Column::PaymentIntent, Expr::value("pi_unknown"))
            .filter(kaimono_entity::checkout_session::Column::ProviderSessionId.eq(session.as_str()))
            .exec(&app.db)
            .await
            .unwrap();
    }
    for _ in 1..kaimono_payments::MAX_REFUND_ATTEMPTS {
        assert_eq!(run_card_refunds(&app).await, 0);
        app.clock.advance(chrono::Duration::hours(24));
    }
    assert_eq!(run_card_refunds(&app).await, 1);
    let last = card_refunds(&app).await.pop().unwrap();
    assert_eq!((last.status.as_str(), last.attempts), ("to_deposit", kaimono_payments::MAX_REFUND_ATTEMPTS - 1));
    let token = token_for(&app, &p.member.0.0.to_string(), kaimono_accounts::Role::Member);
    let (_, balance) = app.get(&deposit, Some(&token)).await;
    assert_eq!(yen(&balance["balance"]), last.amount, "{balance}");
}
