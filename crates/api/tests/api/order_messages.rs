//! MSG-01 … MSG-04 and SHOP-01 for delivery orders and reservations: the same thread as proxy orders —
//! both sides write with files, the other side is emailed, the shop's inbox lists every kind, and a
//! thread closes 30 days after its order ended.

use crate::orders::{placed_order_by, stocked_variant};
use crate::proxy_files::{fetch, send_files};
use crate::reservations::{WEDNESDAY, reserve, shop_with_item};
use kaimono_accounts::Role;
use kaimono_media::images::drawn_sample;
use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    msg01_to_msg04_a_delivery_orders_thread_with_files_mail_and_the_shops_inbox,
    msg01_msg03_a_reservations_thread_closes_thirty_days_after_the_shop_refused_it,
);

fn id(value: &Value) -> &str {
    value["id"].as_str().unwrap()
}

async fn msg01_to_msg04_a_delivery_orders_thread_with_files_mail_and_the_shops_inbox(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let shirt = stocked_variant(&app, &shop, "シャツ", "A", 5).await;
    let (order, member) = placed_order_by(&app, "buyer@example.test", &[(&shirt, 1)]).await;
    let staff = shop.staff.access_token.clone();
    let mine = format!("/api/v1/me/orders/{}/messages", id(&order));
    let theirs = format!("/api/v1/shops/{}/orders/{}/messages", shop.id, id(&order));

    // MSG-01, MSG-02, MSG-04: the member asks with a photo; the shop is emailed at its contact address.
    let photo = drawn_sample(3, 800, 600);
    let (status, sent) = send_files(&app, &mine, &member, vec![("傷.png", photo)]).await;
    assert_eq!(status, 201, "{sent}");
    let file = sent["attachments"][0].clone();
    assert_eq!((file["file_name"].as_str(), file["content_type"].as_str()), (Some("傷.jpg"), Some("image/jpeg")));
    let contact = app.mailbox("shop@alpha.test").await;
    assert_eq!(contact[0]["template"], "order_message_to_shop");
    assert!(contact[0]["subject"].as_str().unwrap().contains(order["number"].as_str().unwrap()), "{contact:?}");

    // SHOP-01: the shop's inbox lists the thread as a delivery order's, unread.
    let inbox = format!("/api/v1/shops/{}/message-threads", shop.id);
    let (status, threads) = app.get(&inbox, Some(&staff)).await;
    assert_eq!(status, 200, "{threads}");
    assert_eq!(
        (threads[0]["kind"].as_str(), threads[0]["order_number"].as_str(), threads[0]["unread"].as_u64()),
        (Some("order"), order["number"].as_str(), Some(1))
    );
    assert_eq!(app.get(&format!("/api/v1/shops/{}/queues", shop.id), Some(&staff)).await.1["messages_to_answer"], 1);

    // Staff read it, see the file, and answer; the member is emailed.
    let (status, thread) = app.get(&theirs, Some(&staff)).await;
    assert_eq!((status, thread["accepts_messages"].as_bool()), (200, Some(true)), "{thread}");
    let file_path = |base: &str| format!("{}/attachments/{}", base.trim_end_matches("/messages"), id(&file));
    let (status, headers, bytes) = fetch(&app, &file_path(&theirs), Some(&staff)).await;
    assert_eq!((status, headers["x-content-type-options"].to_str().unwrap()), (200, "nosniff"));
    assert!(bytes.starts_with(&[0xFF, 0xD8]), "a re-encoded JPEG");
    let reply = json!({"title": "Re: 傷について", "body": "交換品をお送りします。"});
    assert_eq!(app.post(&theirs, Some(&staff), reply).await.0, 201);
    assert_eq!(app.mailbox("buyer@example.test").await[0]["template"], "order_message_to_member");
    let (_, thread) = app.get(&mine, Some(&member)).await;
    assert_eq!(thread["messages"].as_array().unwrap().len(), 2);
    assert!(thread["messages"][0]["read_at"].is_string(), "staff read the member's message");
    assert_eq!(fetch(&app, &file_path(&mine), Some(&member)).await.0, 200);

    // Refusals: blank (422, nothing written), no token, another member, another shop's staff.
    let (status, problem) = app.post(&mine, Some(&member), json!({"title": "", "body": "x"})).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["title"].is_array(), "{problem}");
    assert_eq!(app.post(&mine, None, json!({"title": "a", "body": "b"})).await.0, 401);
    let (_, nosy) = fast_member(&app, "nosy@example.test").await;
    assert_eq!(app.get(&mine, Some(&nosy)).await.0, 404);
    assert_eq!(fetch(&app, &file_path(&mine), Some(&nosy)).await.0, 404, "another member's file");
    let other = create_shop(&app, "beta").await;
    assert_eq!(app.get(&theirs, Some(&other.staff.access_token)).await.0, 403);
    let foreign = format!("/api/v1/shops/{}/orders/{}/messages", other.id, id(&order));
    assert_eq!(app.get(&foreign, Some(&other.staff.access_token)).await.0, 404);
    let (_, thread) = app.get(&mine, Some(&member)).await;
    assert_eq!(thread["messages"].as_array().unwrap().len(), 2, "refused messages wrote nothing");

    // MSG-03: cancelled, it takes messages for 30 days, then answers 409.
    let (status, _) = app.post(&format!("/api/v1/me/orders/{}/cancel", id(&order)), Some(&member), json!({})).await;
    assert_eq!(status, 200);
    app.clock.advance(chrono::Duration::days(31));
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let late = json!({"title": "ご連絡", "body": "返金について"});
    let (status, problem) = app.post(&theirs, Some(&staff), late).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("messages_closed")), "{problem}");
}

async fn msg01_msg03_a_reservations_thread_closes_thirty_days_after_the_shop_refused_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let (shop, variant) = shop_with_item(&app, "alpha", "in_store", 5).await;
    let (_, member) = fast_member(&app, "visitor@example.test").await;
    let (_, reservation) = reserve(&app, &member, "a", &variant, 1, WEDNESDAY).await;
    let staff = shop.staff.access_token.clone();
    let mine = format!("/api/v1/me/reservations/{}/messages", id(&reservation));
    let theirs = format!("/api/v1/shops/{}/reservations/{}/messages", shop.id, id(&reservation));

    let question = json!({"title": "来店時間", "body": "夕方18時ごろに伺っても大丈夫ですか？"});
    let (status, sent) = app.post(&mine, Some(&member), question.clone()).await;
    assert_eq!((status, sent["author"].as_str()), (201, Some("member")), "{sent}");
    // MSG-02: a PDF (a map, say) kept as sent, for the two sides only.
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec();
    let (status, with_file) = send_files(&app, &mine, &member, vec![("地図.pdf", pdf.clone())]).await;
    assert_eq!(status, 201, "{with_file}");
    let file = format!("/attachments/{}", with_file["attachments"][0]["id"].as_str().unwrap());
    let (status, headers, bytes) = fetch(&app, &mine.replace("/messages", &file), Some(&member)).await;
    assert_eq!((status, headers["content-type"].to_str().unwrap(), bytes), (200, "application/pdf", pdf));
    assert_eq!(fetch(&app, &theirs.replace("/messages", &file), Some(&staff)).await.0, 200);
    let (_, outsider) = fast_member(&app, "outsider@example.test").await;
    assert_eq!(fetch(&app, &mine.replace("/messages", &file), Some(&outsider)).await.0, 404);
    assert_eq!(fetch(&app, &mine.replace("/messages", &file), None).await.0, 401);
    let mail = &app.mailbox("shop@alpha.test").await[0];
    assert!(mail["body"].as_str().unwrap().contains("お取り置き"), "{mail}");
    let (_, threads) = app.get(&format!("/api/v1/shops/{}/message-threads", shop.id), Some(&staff)).await;
    assert_eq!(threads[0]["kind"], "reservation", "{threads}");
    let (status, _) =
        app.post(&theirs, Some(&staff), json!({"title": "Re: 来店時間", "body": "20時まで営業しております。"})).await;
    assert_eq!(status, 201);
    assert_eq!(app.mailbox("visitor@example.test").await[0]["template"], "order_message_to_member");
    let (_, nosy) = fast_member(&app, "nosy@example.test").await;
    assert_eq!(app.post(&mine, Some(&nosy), question.clone()).await.0, 404);

    // MSG-03: refused, the thread stays open 30 days, then closes.
    let reject = format!("/api/v1/shops/{}/reservations/{}/reject", shop.id, id(&reservation));
    assert_eq!(app.post(&reject, Some(&staff), json!({})).await.0, 200);
    app.clock.advance(chrono::Duration::days(30));
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let (status, _) = app.post(&theirs, Some(&staff), json!({"title": "再入荷", "body": "入荷しました。"})).await;
    assert_eq!(status, 201, "within 30 days");
    app.clock.advance(chrono::Duration::days(1));
    let staff = token_for(&app, &shop.staff.account_id, Role::Staff);
    let (status, problem) = app.post(&theirs, Some(&staff), json!({"title": "再入荷", "body": "x"})).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("messages_closed")), "{problem}");
    let (_, thread) = app.get(&theirs, Some(&staff)).await;
    assert_eq!(
        (thread["accepts_messages"].as_bool(), thread["messages"].as_array().map(Vec::len)),
        (Some(false), Some(4))
    );
}
