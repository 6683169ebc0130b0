//! PAY-06, PRX-06: a paid item the seller cannot supply is cancelled by staff and refunded to the deposit;
//! the 1st invoice is rewritten for the items left; the last item cancels the order.

use crate::proxy::{credit, items, my_path, proxy_service, quote_all, staff_path, submit, yen};
use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(pay06_a_paid_item_the_seller_cannot_supply_is_refunded_to_the_deposit,);

async fn paid_order(app: &TestApp, p: &crate::proxy::Proxy, key: &str, items: Value) -> Value {
    let (_, order) = submit(app, p, key, items).await;
    let quoted = quote_all(app, p, &order).await;
    credit(app, p, &yen(&quoted["first_invoice"]["total"]).to_string()).await;
    let (status, paid) = app.post(&my_path(&order, "/payment/deposit"), Some(&p.member.1), json!({})).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("purchasing")), "{paid}");
    paid
}

async fn pay06_a_paid_item_the_seller_cannot_supply_is_refunded_to_the_deposit(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "refund@example.test").await;
    let (member, staff) = (Some(p.member.1.as_str()), Some(p.shop.staff.access_token.as_str()));
    let deposit = format!("/api/v1/me/deposits/{}", p.shop.id);

    // ¥2,400 + 2 × ¥900 + 5 × ¥150 of goods, ¥300 of the seller's shipping each, the ¥300 minimum fee.
    let order = paid_order(&app, &p, "three", items()).await;
    assert_eq!(yen(&order["first_invoice"]["total"]), 6150);
    assert_eq!(yen(&app.get(&deposit, member).await.1["balance"]), 0);
    let refund = |item: &Value| staff_path(&p, &order, &format!("/items/{}/refund", item["id"].as_str().unwrap()));

    // The mugs are sold out: their goods and shipping come back (the fee stays at its minimum).
    let (status, problem) = app.post(&refund(&order["items"][1]), staff, json!({"reason": " "})).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(app.post(&refund(&order["items"][1]), member, json!({"reason": "x"})).await.0, 403);
    let (status, after) = app.post(&refund(&order["items"][1]), staff, json!({"reason": "販売者の在庫切れ"})).await;
    assert_eq!(status, 200, "{after}");
    assert_eq!(after["items"][1]["status"], "cancelled");
    assert_eq!(
        (after["status"].as_str(), after["first_invoice"]["status"].as_str()),
        (Some("purchasing"), Some("paid"))
    );
    assert_eq!((yen(&after["first_invoice"]["total"]), after["first_invoice"]["version"].as_i64()), (4050, Some(2)));
    let (_, ledger) = app.get(&deposit, member).await;
    assert_eq!((yen(&ledger["balance"]), ledger["entries"][0]["kind"].as_str()), (2100, Some("refund")));
    assert_eq!(ledger["entries"][0]["reason"], "販売者の在庫切れ");
    let mail = &app.mailbox("refund@example.test").await[0];
    assert_eq!(mail["template"], "proxy_item_refunded");
    assert!(mail["body"].as_str().unwrap().contains("販売者の在庫切れ"));
    let (status, problem) = app.post(&refund(&order["items"][1]), staff, json!({"reason": "again"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("item_locked")), "once");

    // An item already at the warehouse is not refunded this way (returns are negotiated in messages).
    let tote = order["items"][0]["id"].as_str().unwrap();
    for step in ["purchased", "arrived"] {
        let path = staff_path(&p, &order, &format!("/items/{tote}/status"));
        assert_eq!(app.post(&path, staff, json!({"status": step})).await.0, 200);
    }
    let (status, problem) = app.post(&refund(&order["items"][0]), staff, json!({"reason": "破損"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("item_locked")), "{problem}");

    // The last item of an order cancels it, everything paid back.
    let single = paid_order(&app, &p, "one", json!([items()[0].clone()])).await;
    let path = staff_path(&p, &single, &format!("/items/{}/refund", single["items"][0]["id"].as_str().unwrap()));
    let (status, cancelled) = app.post(&path, staff, json!({"reason": "出品取り消し"})).await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(
        (cancelled["status"].as_str(), cancelled["cancel_reason"].as_str()),
        (Some("cancelled"), Some("no_items"))
    );
    assert_eq!(yen(&app.get(&deposit, member).await.1["balance"]), 2100 + 3000);

    // Before the 1st payment the member cancels items themselves.
    let (_, unpaid) = submit(&app, &p, "unpaid", items()).await;
    let path = staff_path(&p, &unpaid, &format!("/items/{}/refund", unpaid["items"][0]["id"].as_str().unwrap()));
    assert_eq!(app.post(&path, staff, json!({"reason": "x"})).await.0, 409);
    let path = staff_path(&p, &order, &format!("/items/{}/refund", uuid::Uuid::nil()));
    assert_eq!(app.post(&path, staff, json!({"reason": "x"})).await.0, 404);
}
