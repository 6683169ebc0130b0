//! CAT-02: product pictures: uploaded by staff, re-encoded into a few widths, stored (on the S3-compatible
//! test server when the test command runs one), served by content-hashed names, shown in the catalog.

use kaimono_media::images::{MAX_UPLOAD_BYTES, drawn_sample};
use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(
    cat02_staff_upload_order_describe_and_remove_product_pictures,
    cat02_picture_uploads_refuse_bad_files_strangers_and_too_many,
    cat02_notif01_order_emails_show_the_goods_pictures,
);

fn images_path(product: &Value) -> String {
    format!("/api/v1/products/{}/images", product["id"].as_str().unwrap())
}

async fn fetch(app: &TestApp, url: &str) -> reqwest::Response {
    app.client.get(app.url(url)).send().await.unwrap()
}

async fn cat02_staff_upload_order_describe_and_remove_product_pictures(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let product = create_product(&app, &shop, "リネンシャツ", "LS").await;
    let staff = Some(shop.staff.access_token.as_str());

    let (status, first) =
        app.upload(&images_path(&product), staff, drawn_sample(1, 1600, 1200), Some("白いシャツ")).await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["alt"], "白いシャツ");
    assert_eq!((first["width"].as_u64(), first["height"].as_u64()), (Some(1600), Some(1200)));
    let widths: Vec<u64> = first["sources"].as_array().unwrap().iter().map(|s| s["width"].as_u64().unwrap()).collect();
    assert_eq!(widths, [320, 640, 1280]);
    let url = first["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with("/media/p-") && url.contains("-640w-"), "{url}");

    let served = fetch(&app, &url).await;
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    assert_eq!(served.headers()["cache-control"], "public, max-age=31536000, immutable");
    let bytes = served.bytes().await.unwrap();
    assert_eq!(kaimono_media::images::sniff(&bytes).unwrap(), image_format_jpeg());

    let mut webp = Vec::new();
    webp.extend_from_slice(&small_webp());
    let (status, second) = app.upload(&images_path(&product), staff, webp, None).await;
    assert_eq!(status, 201, "{second}");
    assert_eq!(second["alt"], "", "alt text is optional");

    let product_path = format!("/api/v1/products/{}", product["id"].as_str().unwrap());
    let (_, detail) = app.get(&product_path, None).await;
    let ids = |images: &Value| images.as_array().unwrap().iter().map(|i| i["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&detail["images"]), [first["id"].clone(), second["id"].clone()], "in upload order");
    let (_, list) = app.get("/api/v1/products", None).await;
    assert_eq!(list["items"][0]["cover"]["id"], first["id"], "the first picture is the cover");

    let order_path = format!("{}/order", images_path(&product));
    let (status, reordered) = app.put(&order_path, staff, json!({"image_ids": [second["id"], first["id"]]})).await;
    assert_eq!(status, 200, "{reordered}");
    assert_eq!(ids(&reordered), [second["id"].clone(), first["id"].clone()]);
    let (_, list) = app.get("/api/v1/products", None).await;
    assert_eq!(list["items"][0]["cover"]["id"], second["id"]);

    // The cart shows the cover too (orders and reservations take it the same way, by variant).
    let variant = product["variants"][0]["id"].as_str().unwrap();
    let stock = format!("/api/v1/shops/{}/stock/{variant}", shop.id);
    assert_eq!(app.put(&stock, staff, json!({"quantity": 3})).await.0, 200);
    let (_, member) = fast_member(&app, "buyer@example.test").await;
    let (status, cart) =
        app.post("/api/v1/me/cart/items", Some(&member), json!({"variant_id": variant, "quantity": 1})).await;
    assert_eq!(status, 201, "{cart}");
    assert_eq!(cart["items"][0]["image"]["id"], second["id"], "{cart}");

    let image_path = format!("{}/{}", images_path(&product), first["id"].as_str().unwrap());
    let (status, described) = app.patch(&image_path, staff, json!({"alt": "白いリネンシャツ、正面"})).await;
    assert_eq!((status, described["alt"].as_str()), (200, Some("白いリネンシャツ、正面")));

    let (status, _) = app.delete(&image_path, staff).await;
    assert_eq!(status, 204);
    let (_, detail) = app.get(&product_path, None).await;
    assert_eq!(ids(&detail["images"]), [second["id"].clone()]);
    for source in first["sources"].as_array().unwrap() {
        let gone = fetch(&app, source["url"].as_str().unwrap()).await;
        assert_eq!(gone.status(), 404, "the files go with the picture");
        assert_eq!(gone.headers()["cache-control"], "no-store", "a miss is not cached");
    }
    let (status, _) = app.delete(&image_path, staff).await;
    assert_eq!(status, 404);
}

async fn cat02_picture_uploads_refuse_bad_files_strangers_and_too_many(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let other = create_shop(&app, "beta").await;
    let product = create_product(&app, &shop, "リネンシャツ", "LS").await;
    let path = images_path(&product);
    let staff = Some(shop.staff.access_token.as_str());
    let png = || drawn_sample(9, 32, 32);

    assert_eq!(app.upload(&path, None, png(), None).await.0, 401);
    assert_eq!(app.upload(&path, Some(&other.staff.access_token), png(), None).await.0, 403);
    let unknown = format!("/api/v1/products/{}/images", uuid::Uuid::now_v7());
    assert_eq!(app.upload(&unknown, staff, png(), None).await.0, 404);

    let (status, body) = app.upload(&path, staff, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(), None).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("unsupported_image")), "{body}");
    assert!(body["errors"]["file"][0].as_str().unwrap().contains("image/gif"), "{body}");
    let (status, body) = app.upload(&path, staff, b"<svg onload=alert(1)>".to_vec(), None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("unsupported_image")),
        "a name or type claim does not count"
    );
    let (status, body) = app.upload(&path, staff, vec![0xFF; MAX_UPLOAD_BYTES + 1], None).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("image_too_large")), "{body}");
    let (status, body) = app.upload(&path, staff, png(), Some(&"あ".repeat(201))).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["errors"]["alt"].is_array(), "{body}");
    let (status, body) = app.post(&path, staff, json!({"file": "x"})).await;
    assert_eq!((status, body["code"].as_str()), (415, Some("unsupported_media_type")), "{body}");
    let form = reqwest::multipart::Form::new().text("alt", "no file");
    let response =
        app.client.post(app.url(&path)).bearer_auth(&shop.staff.access_token).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let (_, detail) = app.get(&format!("/api/v1/products/{}", product["id"].as_str().unwrap()), None).await;
    assert_eq!(detail["images"], json!([]), "nothing was kept from the refused uploads");

    let mut kept = Vec::new();
    for _ in 0..kaimono_catalog::MAX_IMAGES_PER_PRODUCT {
        let (status, image) = app.upload(&path, staff, png(), None).await;
        assert_eq!(status, 201, "{image}");
        kept.push(image["id"].clone());
    }
    let (status, body) = app.upload(&path, staff, png(), None).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("too_many_images")), "{body}");

    let order = format!("{path}/order");
    let (status, body) = app.put(&order, staff, json!({"image_ids": &kept[1..]})).await;
    assert_eq!(status, 422, "every picture must be named: {body}");
    let mut twice = kept[1..].to_vec();
    twice.push(kept[1].clone());
    assert_eq!(app.put(&order, staff, json!({"image_ids": twice})).await.0, 422);
    assert_eq!(app.put(&order, Some(&other.staff.access_token), json!({"image_ids": kept})).await.0, 403);
    let image_path = format!("{path}/{}", kept[0].as_str().unwrap());
    assert_eq!(app.patch(&image_path, staff, json!({"alt": "x".repeat(201)})).await.0, 422);
    assert_eq!(app.patch(&image_path, None, json!({"alt": "x"})).await.0, 401);
    assert_eq!(app.delete(&image_path, Some(&other.staff.access_token)).await.0, 403);
    let (status, _) = app.get("/media/..%2Fsecret", None).await;
    assert_eq!(status, 404);
}

fn image_format_jpeg() -> image::ImageFormat {
    image::ImageFormat::Jpeg
}

fn small_webp() -> Vec<u8> {
    let picture = image::load_from_memory(&drawn_sample(4, 48, 48)).unwrap();
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::WebP).unwrap();
    out.into_inner()
}

/// CAT-02, NOTIF-01: emails carry an HTML part beside the text, with each line's picture: site-relative
/// in the outbox (so the development mailbox shows it), absolute with the public URL once sent.
async fn cat02_notif01_order_emails_show_the_goods_pictures(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app =
        spawn_app_with(backend, Options { smtp_url: Some(smtp.url()), run_jobs: true, ..Default::default() }).await;
    let shop = create_shop(&app, "alpha").await;
    let fulfilment = json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"});
    let variant = stocked_product(&app, &shop, "PIC", 5, fulfilment).await;
    let (_, list) = app.get("/api/v1/products", None).await;
    let staff = Some(shop.staff.access_token.as_str());
    let (status, image) = app.upload(&images_path(&list["items"][0]), staff, drawn_sample(2, 800, 800), None).await;
    assert_eq!(status, 201, "{image}");

    let (member, token) = fast_member(&app, "pictures@example.test").await;
    let address = home_address(&app, member).await;
    app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": variant, "quantity": 1})).await;
    let (status, placed, _) =
        app.post_with_key("/api/v1/orders", Some(&token), "pics", json!({"address_id": address})).await;
    assert_eq!(status, 201, "{placed}");

    let mail = &app.mailbox("pictures@example.test").await[0];
    assert_eq!(mail["template"], "order_received");
    let html = mail["html"].as_str().unwrap();
    let thumbnail = image["sources"][0]["url"].as_str().unwrap();
    assert!(thumbnail.contains("-320w-"));
    assert!(html.contains(&format!(r#"<img src="{thumbnail}""#)), "{html}");
    assert!(html.contains(r#"<html lang="ja">"#) && html.contains("シャツ"));
    assert!(!mail["body"].as_str().unwrap().contains("<img"), "the text part has no markup");

    // The development mailbox shows the HTML as a page, and the picture it points at is served.
    let page = fetch(&app, &format!("/api/v1/dev/mailbox/{}/html", mail["id"].as_str().unwrap())).await;
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    assert_eq!(page.text().await.unwrap(), html);
    assert_eq!(fetch(&app, thumbnail).await.status(), 200);
    let missing = fetch(&app, &format!("/api/v1/dev/mailbox/{}/html", uuid::Uuid::now_v7())).await;
    assert_eq!(missing.status(), 404);

    // Sent: text and HTML alternatives, the picture's address absolute.
    let received = smtp.wait_for(1).await;
    assert!(received[0].raw.contains("multipart/alternative"), "{}", received[0].raw);
    assert!(received[0].body().contains("シャツ"));
    let sent = received[0].html().unwrap();
    assert!(sent.contains(&format!(r#"<img src="http://kaimono.test{thumbnail}""#)), "{sent}");
}
