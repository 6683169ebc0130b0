//! PRX-08: the member disputes a parcel's weight; the 2nd invoice is held until staff keep the weight
//! (explaining why) or weigh again.

use crate::proxy::{inspected_order, my_path, proxy_service, staff_path};
use kaimono_test_support::*;
use serde_json::json;

db_tests!(
    prx08_a_disputed_weight_holds_the_second_invoice_until_staff_answer,
    prx11_the_storage_clock_bills_the_days_past_the_free_ones_on_the_second_invoice,
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
