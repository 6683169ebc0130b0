//! PRX-08: the member disputes a parcel's weight; the 2nd invoice is held until staff keep the weight
//! (explaining why) or weigh again. PRX-11's storage clock and PRX-07's local shipping costs, both billed
//! on the 2nd invoice.

use crate::proxy::{credit, inspected_order, my_path, proxy_service, staff_path};
use kaimono_test_support::*;
use serde_json::json;

db_tests!(
    prx08_a_disputed_weight_holds_the_second_invoice_until_staff_answer,
    prx11_the_storage_clock_bills_the_days_past_the_free_ones_on_the_second_invoice,
    prx07_local_shipping_costs_are_billed_on_the_second_invoice_when_incurred,
);

async fn prx08_a_disputed_weight_holds_the_second_invoice_until_staff_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "weigher@example.test").await;
    let (member, staff) = (Some(p.member.1.as_str()), Some(p.shop.staff.access_token.as_str()));
    let order = inspected_order(&app, &p, "weigh").await;
    let parcel = json!({"weight_grams": 2600, "length_cm": 40, "width_cm": 30, "height_cm": 20, "method": "air"});
    let (status, weighed) = app.post(&staff_path(&p, &order, "/parcel"), staff, parcel).await;
    assert_eq!((status, weighed["needs_member_action"].as_bool()), (200, Some(true)), "{weighed}");

    let dispute = my_path(&order, "/weight-dispute");
    let (status, problem) = app.post(&dispute, member, json!({"note": " "})).await;
    assert_eq!(status, 422, "{problem}");
    let note = json!({"note": "箱は2kgもないはずです。計量の写真をいただけますか？"});
    let (status, disputed) = app.post(&dispute, member, note.clone()).await;
    assert_eq!(status, 200, "{disputed}");
    assert!(disputed["weight_disputed_at"].is_string());
    assert_eq!(disputed["needs_member_action"], false, "nothing to pay while it is checked");
    let (status, problem) = app.post(&dispute, member, note.clone()).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")), "once");

    // Held: no payment of the 2nd invoice by any means.
    for (path, body) in [
        ("/payment/deposit", json!({})),
        ("/payment/card", json!({})),
        (
            "/payment/transfer-reports",
            json!({"transferred_on": "2026-11-22", "amount": "1000", "sender_kana": "ハヤミ"}),
        ),
    ] {
        let (status, problem) = app.post(&my_path(&order, path), member, body).await;
        assert_eq!((status, problem["code"].as_str()), (409, Some("weight_disputed")), "{path}: {problem}");
    }
    assert_eq!(app.get(&my_path(&order, "/payment"), member).await.0, 409);
    // The service hears of it on the order's thread.
    let (_, thread) = app.get(&staff_path(&p, &order, "/messages"), staff).await;
    assert_eq!(thread["messages"][0]["title"], "重量についてのご確認のお願い");

    // Staff keep the weight, explaining; the member is told and may pay.
    let keep = staff_path(&p, &order, "/weight-dispute/keep");
    assert_eq!(app.post(&keep, member, json!({"note": "x"})).await.0, 403);
    let (status, kept) =
        app.post(&keep, staff, json!({"note": "計量時の写真をお送りします。段ボール込みで2.6kgでした。"})).await;
    assert_eq!((status, kept["weight_disputed_at"].is_null()), (200, true), "{kept}");
    assert_eq!(app.mailbox("weigher@example.test").await[0]["template"], "order_message_to_member");
    assert_eq!(app.get(&my_path(&order, "/payment"), member).await.0, 200);
    let (status, _) = app.post(&keep, staff, json!({"note": "again"})).await;
    assert_eq!(status, 409, "nothing disputed");

    // Disputed again, then weighed again: a new 2nd invoice version ends the dispute.
    app.post(&dispute, member, json!({"note": "サイズも違うようです。"})).await;
    let parcel = json!({"weight_grams": 1800, "length_cm": 30, "width_cm": 20, "height_cm": 15, "method": "air"});
    let (status, reweighed) = app.post(&staff_path(&p, &order, "/parcel"), staff, parcel).await;
    assert_eq!(status, 200, "{reweighed}");
    assert!(reweighed["weight_disputed_at"].is_null());
    assert_eq!(reweighed["second_invoice"]["version"], 2);
    let (_, stranger) = fast_member(&app, "other@example.test").await;
    assert_eq!(app.post(&dispute, Some(&stranger), note).await.0, 404);
}

async fn prx11_the_storage_clock_bills_the_days_past_the_free_ones_on_the_second_invoice(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "storer@example.test").await;
    let member = Some(p.member.1.as_str());
    // The owner's terms: 10 free days, then ¥100 a day.
    let settings = format!("/api/v1/shops/{}/proxy-settings", p.shop.id);
    let (status, saved) = app
        .put(
            &settings,
            Some(&p.shop.owner.access_token),
            json!({"fee_rate_bp": 500, "fee_minimum": "300", "card_surcharge_bp": 400,
                   "free_storage_days": 10, "storage_fee_per_day": "100"}),
        )
        .await;
    assert_eq!((status, saved["free_storage_days"].as_u64()), (200, Some(10)), "{saved}");
    let (status, problem) = app
        .put(
            &settings,
            Some(&p.shop.owner.access_token),
            json!({"fee_rate_bp": 500, "fee_minimum": "300", "card_surcharge_bp": 400, "free_storage_days": 400}),
        )
        .await;
    assert_eq!(status, 422, "{problem}");

    let order = inspected_order(&app, &p, "stored").await;
    let (_, shown) = app.get(&my_path(&order, ""), member).await;
    let storage = &shown["storage"];
    assert_eq!(storage["fee_per_day"], "100");
    let since: chrono::DateTime<chrono::Utc> = storage["since"].as_str().unwrap().parse().unwrap();
    let free_until: chrono::DateTime<chrono::Utc> = storage["free_until"].as_str().unwrap().parse().unwrap();
    assert_eq!(free_until - since, chrono::Duration::days(10));

    // Weighed 12 days and an hour after arriving: 3 days begun past the free ones.
    app.clock.advance(chrono::Duration::days(12) + chrono::Duration::hours(1));
    let staff_token = token_for(&app, &p.shop.staff.account_id, kaimono_accounts::Role::Staff);
    let parcel = json!({"weight_grams": 1000, "length_cm": 20, "width_cm": 20, "height_cm": 10, "method": "sea"});
    let (status, weighed) = app.post(&staff_path(&p, &order, "/parcel"), Some(&staff_token), parcel).await;
    assert_eq!(status, 200, "{weighed}");
    let invoice = &weighed["second_invoice"];
    assert_eq!(invoice["storage_fee"], "300");
    let total: i64 = invoice["total"].as_str().unwrap().parse().unwrap();
    let shipping: i64 = invoice["international_shipping"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, shipping + 300);
}

async fn prx07_local_shipping_costs_are_billed_on_the_second_invoice_when_incurred(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "exchanger@example.test").await;
    let (member, staff) = (Some(p.member.1.as_str()), Some(p.shop.staff.access_token.as_str()));
    let order = inspected_order(&app, &p, "local").await;
    let charges = staff_path(&p, &order, "/local-charges");

    // Before weighing: recorded, told on the thread, billed at weighing.
    let return_fee = json!({"description": "交換品の返送料（ヤマト運輸）", "amount": "850"});
    let (status, charged) = app.post(&charges, staff, return_fee).await;
    assert_eq!(status, 201, "{charged}");
    assert_eq!(charged["local_charges"][0]["amount"], "850");
    assert!(charged["second_invoice"].is_null(), "billed at weighing");
    assert_eq!(app.mailbox("exchanger@example.test").await[0]["template"], "order_message_to_member");
    let (_, thread) = app.get(&my_path(&order, "/messages"), member).await;
    assert!(thread["messages"][0]["body"].as_str().unwrap().contains("850円"), "{thread}");
    let parcel = json!({"weight_grams": 1000, "length_cm": 30, "width_cm": 20, "height_cm": 10, "method": "ems"});
    let (_, weighed) = app.post(&staff_path(&p, &order, "/parcel"), staff, parcel).await;
    let second = &weighed["second_invoice"];
    assert_eq!(second["local_shipping"], "850", "{second}");
    let shipping: i64 = second["international_shipping"].as_str().unwrap().parse().unwrap();
    assert_eq!(second["total"].as_str().unwrap().parse::<i64>().unwrap(), shipping + 850);

    // While the 2nd invoice waits: a new version at once.
    let delivery = json!({"description": "交換品の配送料", "amount": "600"});
    let (_, charged) = app.post(&charges, staff, delivery).await;
    assert_eq!(
        (charged["second_invoice"]["version"].as_i64(), charged["second_invoice"]["local_shipping"].as_str()),
        (Some(2), Some("1450"))
    );
    let (_, mine) = app.get(&my_path(&order, ""), member).await;
    assert_eq!(mine["local_charges"].as_array().map(Vec::len), Some(2), "the member sees each cost");

    // Refusals: bad input (nothing written), no token, members, another shop, and after the 2nd payment.
    for bad in [
        json!({"description": "", "amount": "100"}),
        json!({"description": "x", "amount": "0"}),
        json!({"description": "x", "amount": "1.5"}),
    ] {
        let (status, problem) = app.post(&charges, staff, bad).await;
        assert_eq!(status, 422, "{problem}");
    }
    let fee = json!({"description": "x", "amount": "100"});
    assert_eq!(app.post(&charges, None, fee.clone()).await.0, 401);
    assert_eq!(app.post(&charges, member, fee.clone()).await.0, 403);
    let other = create_proxy_shop(&app, "other-daiko").await;
    let foreign = format!("/api/v1/shops/{}/proxy-orders/{}/local-charges", other.id, order["id"].as_str().unwrap());
    assert_eq!(app.post(&foreign, Some(&other.staff.access_token), fee.clone()).await.0, 404);
    credit(&app, &p, "20000").await;
    let (status, paid) = app.post(&my_path(&order, "/payment/deposit"), member, json!({})).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("awaiting_shipment")), "{paid}");
    let (status, problem) = app.post(&charges, staff, fee).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")));
    let (_, mine) = app.get(&my_path(&order, ""), member).await;
    assert_eq!(mine["local_charges"].as_array().map(Vec::len), Some(2), "refused charges wrote nothing");
}
