//! Files of proxy orders: message attachments (MSG-02) and inspection photos (PRX-06) — judged by their
//! content, limited in number and size, re-encoded, and served only to the order's two sides as
//! downloads that a browser never sniffs or renders as a page.

use crate::proxy::{Proxy, inspected_order, items, my_path, proxy_service, staff_path, submit};
use kaimono_media::images::drawn_sample;
use kaimono_test_support::*;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

db_tests!(
    msg02_files_are_judged_by_content_limited_and_served_only_to_the_two_sides,
    prx06_staff_photograph_arrived_items_and_the_member_sees_them,
    prx08_staff_photograph_the_weighed_parcel_as_evidence_the_member_sees,
);

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Posts a message with `files` (name, bytes) as `multipart/form-data`.
pub(crate) async fn send_files(app: &TestApp, path: &str, token: &str, files: Vec<(&str, Vec<u8>)>) -> (u16, Value) {
    let mut form = Form::new().text("title", "写真をお送りします").text("body", "届いた箱の写真です。");
    for (name, bytes) in files {
        form = form.part("file", Part::bytes(bytes).file_name(name.to_owned()));
    }
    let response = app.client.post(app.url(path)).bearer_auth(token).multipart(form).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// A GET answering bytes, with the headers that matter for a private download.
pub(crate) async fn fetch(
    app: &TestApp,
    path: &str,
    token: Option<&str>,
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let mut request = app.client.get(app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let (status, headers) = (response.status().as_u16(), response.headers().clone());
    (status, headers, response.bytes().await.unwrap().to_vec())
}

async fn thread_len(app: &TestApp, p: &Proxy, order: &Value) -> usize {
    let (_, thread) = app.get(&my_path(order, "/messages"), Some(&p.member.1)).await;
    thread["messages"].as_array().unwrap().len()
}

async fn msg02_files_are_judged_by_content_limited_and_served_only_to_the_two_sides(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "sender@example.test").await;
    let member = p.member.1.clone();
    let staff = p.shop.staff.access_token.clone();
    let (_, order) = submit(&app, &p, "files", items()).await;
    let messages = my_path(&order, "/messages");

    // A picture (re-encoded as JPEG, its name following) and a PDF (kept as sent).
    let png = drawn_sample(5, 900, 600);
    let (status, sent) =
        send_files(&app, &messages, &member, vec![("写真.png", png), ("見積.pdf", PDF.to_vec())]).await;
    assert_eq!(status, 201, "{sent}");
    let files = sent["attachments"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(
        (files[0]["file_name"].as_str(), files[0]["content_type"].as_str()),
        (Some("写真.jpg"), Some("image/jpeg"))
    );
    assert_eq!((files[0]["width"].as_u64(), files[0]["has_preview"].as_bool()), (Some(900), Some(true)));
    assert_eq!(
        (files[1]["file_name"].as_str(), files[1]["content_type"].as_str()),
        (Some("見積.pdf"), Some("application/pdf"))
    );
    let picture = files[0]["id"].as_str().unwrap();
    let pdf = files[1]["id"].as_str().unwrap();

    // Served to the member and the service's staff, as downloads that are never sniffed.
    let (status, headers, bytes) =
        fetch(&app, &my_path(&order, &format!("/attachments/{picture}")), Some(&member)).await;
    assert_eq!(status, 200);
    assert!(bytes.starts_with(&[0xFF, 0xD8]), "a JPEG");
    assert_eq!(headers["content-type"], "image/jpeg");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;") && disposition.contains("UTF-8''"), "{disposition}");
    assert!(headers["content-security-policy"].to_str().unwrap().contains("sandbox"));
    assert!(headers["cache-control"].to_str().unwrap().starts_with("private"));
    let preview = my_path(&order, &format!("/attachments/{picture}?preview=true"));
    let (status, _, small) = fetch(&app, &preview, Some(&member)).await;
    assert_eq!(status, 200);
    assert!(image::load_from_memory(&small).unwrap().width() == 320);
    let (status, headers, bytes) =
        fetch(&app, &staff_path(&p, &order, &format!("/attachments/{pdf}")), Some(&staff)).await;
    assert_eq!((status, headers["content-type"].to_str().unwrap(), bytes.as_slice()), (200, "application/pdf", PDF));

    // Nobody else: no token, another member, another shop's staff, a file of another order.
    let mine = my_path(&order, &format!("/attachments/{picture}"));
    assert_eq!(fetch(&app, &mine, None).await.0, 401);
    let (_, other) = fast_member(&app, "peeker@example.test").await;
    assert_eq!(fetch(&app, &mine, Some(&other)).await.0, 404);
    let retail = create_shop(&app, "nosy-shop").await;
    let theirs =
        format!("/api/v1/shops/{}/proxy-orders/{}/attachments/{picture}", retail.id, order["id"].as_str().unwrap());
    assert_eq!(fetch(&app, &theirs, Some(&retail.staff.access_token)).await.0, 404, "not their order");
    let (_, second) = submit(&app, &p, "second", items()).await;
    assert_eq!(fetch(&app, &my_path(&second, &format!("/attachments/{picture}")), Some(&member)).await.0, 404);

    // Refused, and nothing written: a ".jpg" that is a web page, a fourth file, 10 MB + 1 byte.
    let before = thread_len(&app, &p, &order).await;
    let fake = b"<html><script>alert(document.cookie)</script></html>".to_vec();
    let (status, problem) = send_files(&app, &messages, &member, vec![("cat.jpg", fake)]).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("unsupported_attachment")), "{problem}");
    assert!(problem["errors"]["file"].is_array());
    let four = (0..4).map(|i| ("p.png", drawn_sample(i, 20, 20))).collect();
    let (status, problem) = send_files(&app, &messages, &member, four).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("too_many_attachments")), "{problem}");
    let mut big = drawn_sample(1, 20, 20);
    big.resize(10 * 1024 * 1024 + 1, 0);
    let (status, problem) = send_files(&app, &messages, &member, vec![("big.png", big)]).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("attachment_too_large")), "{problem}");
    let mut exactly = drawn_sample(1, 20, 20);
    exactly.resize(10 * 1024 * 1024, 0);
    let (status, sent) = send_files(&app, &messages, &member, vec![("edge.png", exactly)]).await;
    assert_eq!(status, 201, "exactly 10 MB is taken: {sent}");
    assert_eq!(thread_len(&app, &p, &order).await, before + 1, "only the good one was written");
    // Title and body are checked in a form as in JSON; no token is refused before anything is read.
    let form = Form::new().text("title", " ").text("body", "x");
    let response = app.client.post(app.url(&messages)).bearer_auth(&member).multipart(form).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let (status, _) = send_files(&app, &messages, "not-a-token", vec![("p.pdf", PDF.to_vec())]).await;
    assert_eq!(status, 401);

    // MSG-03: an order cancelled 31 days ago takes no more files.
    app.post(&my_path(&order, "/cancel"), Some(&member), json!({})).await;
    app.clock.advance(chrono::Duration::days(31));
    let member = token_for(&app, &p.member.0.0.to_string(), kaimono_accounts::Role::Member);
    let (status, problem) = send_files(&app, &messages, &member, vec![("late.pdf", PDF.to_vec())]).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("messages_closed")), "{problem}");
}

async fn prx06_staff_photograph_arrived_items_and_the_member_sees_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "looker@example.test").await;
    let staff = p.shop.staff.access_token.clone();
    let order = inspected_order(&app, &p, "photos").await;
    let item = order["items"][0]["id"].as_str().unwrap();
    let photos = staff_path(&p, &order, &format!("/items/{item}/photos"));

    let (status, updated) = app.upload(&photos, Some(&staff), drawn_sample(8, 1200, 900), None).await;
    assert_eq!(status, 201, "{updated}");
    let photo = &updated["items"][0]["photos"][0];
    assert_eq!((photo["width"].as_u64(), photo["height"].as_u64()), (Some(1200), Some(900)));
    let id = photo["id"].as_str().unwrap();

    // The member sees it (and its preview); nobody else does.
    let (_, mine) = app.get(&my_path(&order, ""), Some(&p.member.1)).await;
    assert_eq!(mine["items"][0]["photos"][0]["id"], photo["id"]);
    let (status, headers, bytes) = fetch(&app, &my_path(&order, &format!("/photos/{id}")), Some(&p.member.1)).await;
    assert_eq!((status, headers["content-type"].to_str().unwrap()), (200, "image/jpeg"));
    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 1200);
    let (status, _, small) =
        fetch(&app, &my_path(&order, &format!("/photos/{id}?preview=true")), Some(&p.member.1)).await;
    assert_eq!((status, image::load_from_memory(&small).unwrap().width()), (200, 320));
    let (_, other) = fast_member(&app, "stranger@example.test").await;
    assert_eq!(fetch(&app, &my_path(&order, &format!("/photos/{id}")), Some(&other)).await.0, 404);
    assert_eq!(app.upload(&photos, Some(&p.member.1), drawn_sample(1, 10, 10), None).await.0, 403);
    assert_eq!(app.upload(&photos, None, drawn_sample(1, 10, 10), None).await.0, 401);

    // Pictures only; items not at the warehouse yet are not photographed.
    let (status, problem) = app.upload(&photos, Some(&staff), PDF.to_vec(), None).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("unsupported_image")), "{problem}");
    let (_, fresh) = submit(&app, &p, "fresh", items()).await;
    let early = staff_path(&p, &fresh, &format!("/items/{}/photos", fresh["items"][0]["id"].as_str().unwrap()));
    let (status, problem) = app.upload(&early, Some(&staff), drawn_sample(2, 10, 10), None).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")), "{problem}");

    // At most ten per item.
    for n in 1..10 {
        assert_eq!(app.upload(&photos, Some(&staff), drawn_sample(n, 40, 30), None).await.0, 201);
    }
    let (status, problem) = app.upload(&photos, Some(&staff), drawn_sample(11, 40, 30), None).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("too_many_photos")), "{problem}");
    let (_, timeline) = app.get(&staff_path(&p, &order, "/timeline"), Some(&staff)).await;
    assert!(timeline.as_array().unwrap().iter().any(|e| e["what"] == "item_photographed"));
}

async fn prx08_staff_photograph_the_weighed_parcel_as_evidence_the_member_sees(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "scale@example.test").await;
    let staff = p.shop.staff.access_token.clone();
    let (_, fresh) = submit(&app, &p, "early", items()).await;
    let early = staff_path(&p, &fresh, "/parcel-photos");
    let (status, problem) = app.upload(&early, Some(&staff), drawn_sample(2, 10, 10), None).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("invalid_transition")), "nothing to weigh: {problem}");

    // Once inspected: the scale's reading, before and after the 2nd invoice is written.
    let order = inspected_order(&app, &p, "scale").await;
    let photos = staff_path(&p, &order, "/parcel-photos");
    let (status, updated) = app.upload(&photos, Some(&staff), drawn_sample(4, 1000, 750), None).await;
    assert_eq!(status, 201, "{updated}");
    let parcel = json!({"weight_grams": 1500, "length_cm": 30, "width_cm": 20, "height_cm": 10, "method": "ems"});
    assert_eq!(app.post(&staff_path(&p, &order, "/parcel"), Some(&staff), parcel).await.0, 200);
    let (status, _) = app.upload(&photos, Some(&staff), drawn_sample(5, 800, 600), None).await;
    assert_eq!(status, 201);

    // The member sees both; nobody else does.
    let (_, mine) = app.get(&my_path(&order, ""), Some(&p.member.1)).await;
    let taken = mine["parcel_photos"].as_array().unwrap();
    assert_eq!(taken.len(), 2, "{mine}");
    let id = taken[0]["id"].as_str().unwrap();
    let (status, headers, bytes) = fetch(&app, &my_path(&order, &format!("/photos/{id}")), Some(&p.member.1)).await;
    assert_eq!((status, headers["content-type"].to_str().unwrap()), (200, "image/jpeg"));
    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 1000);
    let (_, other) = fast_member(&app, "peeker@example.test").await;
    assert_eq!(fetch(&app, &my_path(&order, &format!("/photos/{id}")), Some(&other)).await.0, 404);
    assert_eq!(app.upload(&photos, Some(&p.member.1), drawn_sample(1, 10, 10), None).await.0, 403);
    assert_eq!(app.upload(&photos, None, drawn_sample(1, 10, 10), None).await.0, 401);
    let (status, problem) = app.upload(&photos, Some(&staff), PDF.to_vec(), None).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("unsupported_image")), "{problem}");
    let other = create_proxy_shop(&app, "another-daiko").await;
    let foreign = format!("/api/v1/shops/{}/proxy-orders/{}/parcel-photos", other.id, order["id"].as_str().unwrap());
    assert_eq!(app.upload(&foreign, Some(&other.staff.access_token), drawn_sample(3, 10, 10), None).await.0, 404);

    // At most five.
    for n in 6..9 {
        assert_eq!(app.upload(&photos, Some(&staff), drawn_sample(n, 40, 30), None).await.0, 201);
    }
    let (status, problem) = app.upload(&photos, Some(&staff), drawn_sample(9, 40, 30), None).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("too_many_photos")), "{problem}");
    let (_, timeline) = app.get(&staff_path(&p, &order, "/timeline"), Some(&staff)).await;
    assert!(timeline.as_array().unwrap().iter().any(|e| e["what"] == "parcel_photographed"));
}
