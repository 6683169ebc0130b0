//! CAT-02, CAT-04, CAT-06: products, variants, browsing.

use kaimono_test_support::*;
use serde_json::json;

db_tests!(
    cat02_staff_create_a_product_with_variants_and_it_appears_in_the_storefront,
    cat02_staff_update_and_archive_products_and_variants,
    cat02_product_input_is_validated_field_by_field,
    acc04_staff_cannot_touch_another_shops_products,
    cat06_products_are_searched_filtered_and_paginated,
);

async fn cat02_staff_create_a_product_with_variants_and_it_appears_in_the_storefront(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let product = create_product(&app, &shop, "オックスフォードシャツ", "OX").await;
    assert_eq!(product["tax_category"], "standard");
    assert_eq!(product["tax_rate_percent"], 10);
    assert_eq!(product["price_min"], "4990");
    assert_eq!(product["price_max"], "5490");
    assert_eq!(product["fulfilment"]["reservation_payment"], "in_store");
    assert_eq!(product["variants"].as_array().unwrap().len(), 2);

    let id = product["id"].as_str().unwrap();
    let (status, public) = app.get(&format!("/api/v1/products/{id}"), None).await;
    assert_eq!(status, 200);
    assert_eq!(public["shop"]["name"], "alpha 店");
    assert_eq!(public["variants"][0]["color"], "ホワイト");
    assert_eq!(public["variants"][0]["price"], "4990");
    assert!(public["variants"][0]["stock"].as_array().unwrap().is_empty());

    let variant = public["variants"][0]["id"].as_str().unwrap();
    let (status, _) = app
        .put(
            &format!("/api/v1/shops/{}/stock/{variant}", shop.id),
            Some(&shop.staff.access_token),
            json!({"quantity": 2}),
        )
        .await;
    assert_eq!(status, 200);
    let (_, public) = app.get(&format!("/api/v1/products/{id}"), None).await;
    assert_eq!(public["variants"][0]["stock"][0]["quantity"], 2);
    assert_eq!(public["variants"][0]["stock"][0]["availability"], "few_left");
    let (_, page) = app.get("/api/v1/products?in_stock=true", None).await;
    assert_eq!(page["items"][0]["id"], id);
    assert_eq!(page["items"][0]["in_stock"], true);
    let (_, categories) = app.get("/api/v1/categories", None).await;
    assert_eq!(categories, json!(["トップス"]));
}

async fn cat02_staff_update_and_archive_products_and_variants(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let product = create_product(&app, &shop, "シャツ", "SH").await;
    let id = product["id"].as_str().unwrap();
    let t = Some(shop.owner.access_token.as_str());
    let (status, updated) = app
        .patch(
            &format!("/api/v1/products/{id}"),
            t,
            json!({"name": "リネンシャツ", "tax_category": "reduced",
            "fulfilment": {"reservable": false, "deliverable": true, "reservation_payment": "prepaid"}}),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!((updated["name"].as_str(), updated["tax_rate_percent"].as_u64()), (Some("リネンシャツ"), Some(8)));
    assert_eq!(updated["fulfilment"]["reservable"], false);

    let (status, added) = app
        .post(
            &format!("/api/v1/products/{id}/variants"),
            t,
            json!({"sku": "SH-NV-S", "color": "ネイビー", "size": "S", "price": "3980"}),
        )
        .await;
    assert_eq!(status, 201, "{added}");
    let (status, dup) = app
        .post(
            &format!("/api/v1/products/{id}/variants"),
            t,
            json!({"sku": "SH-NV-S", "color": "グレー", "size": "S", "price": "3980"}),
        )
        .await;
    assert_eq!((status, dup["code"].as_str()), (409, Some("sku_taken")));
    let (status, dup) = app
        .post(
            &format!("/api/v1/products/{id}/variants"),
            t,
            json!({"sku": "SH-NV-S2", "color": "ネイビー", "size": "S", "price": "3980"}),
        )
        .await;
    assert_eq!((status, dup["code"].as_str()), (409, Some("variant_exists")));

    let vid = added["id"].as_str().unwrap();
    let (status, changed) =
        app.patch(&format!("/api/v1/products/{id}/variants/{vid}"), t, json!({"price": "4280", "active": false})).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!((changed["price"].as_str(), changed["active"].as_bool()), (Some("4280"), Some(false)));
    let (_, public) = app.get(&format!("/api/v1/products/{id}"), None).await;
    assert_eq!(public["variants"].as_array().unwrap().len(), 2, "inactive variants are hidden from the public");
    let (_, staff_view) = app.get(&format!("/api/v1/products/{id}"), t).await;
    assert_eq!(staff_view["variants"].as_array().unwrap().len(), 3);

    let (status, archived) = app.post(&format!("/api/v1/products/{id}/archive"), t, json!({})).await;
    assert_eq!((status, archived["active"].as_bool()), (200, Some(false)));
    assert_eq!(app.get(&format!("/api/v1/products/{id}"), None).await.0, 404, "archived products leave the storefront");
    let (_, page) = app.get("/api/v1/products", None).await;
    assert!(page["items"].as_array().unwrap().is_empty());
    let (_, mine) = app.get(&format!("/api/v1/shops/{}/products", shop.id), t).await;
    assert_eq!(mine["items"][0]["active"], false, "staff still see it");
    let (status, restored) = app.patch(&format!("/api/v1/products/{id}"), t, json!({"active": true})).await;
    assert_eq!((status, restored["active"].as_bool()), (200, Some(true)));
}

async fn cat02_product_input_is_validated_field_by_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let t = Some(shop.staff.access_token.as_str());
    let bad = json!({
        "name": "", "category": "トップス", "tax_category": "luxury",
        "fulfilment": {"reservable": true, "deliverable": true, "reservation_payment": "in_store"},
        "variants": []
    });
    let (status, body) = app.post(&format!("/api/v1/shops/{}/products", shop.id), t, bad).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["errors"]["tax_category"].is_array(), "{body}");
    let mut bad = product_body("シャツ", "X");
    bad["name"] = json!(" ");
    bad["variants"][0]["price"] = json!("19.5");
    bad["variants"][1]["sku"] = json!("");
    let (status, body) = app.post(&format!("/api/v1/shops/{}/products", shop.id), t, bad).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["errors"]["name"].is_array(), "{body}");
    assert!(body["errors"]["variants.0.price"].is_array(), "{body}");
    assert!(body["errors"]["variants.1.sku"].is_array(), "{body}");
    let mut negative = product_body("シャツ", "N");
    negative["variants"][0]["price"] = json!("-1");
    assert_eq!(app.post(&format!("/api/v1/shops/{}/products", shop.id), t, negative).await.0, 422);
    let mut no_variants = product_body("シャツ", "V");
    no_variants["variants"] = json!([]);
    let (_, body) = app.post(&format!("/api/v1/shops/{}/products", shop.id), t, no_variants).await;
    assert!(body["errors"]["variants"].is_array(), "{body}");
    let (_, page) = app.get(&format!("/api/v1/shops/{}/products", shop.id), t).await;
    assert!(page["items"].as_array().unwrap().is_empty(), "nothing half-created");
    let (status, _) =
        app.post(&format!("/api/v1/shops/{}/products", uuid::Uuid::now_v7()), t, product_body("x", "Z")).await;
    assert_eq!(status, 403, "not staff of an unknown shop");
}

async fn acc04_staff_cannot_touch_another_shops_products(backend: Backend) {
    let app = spawn_app(backend).await;
    let alpha = create_shop(&app, "alpha").await;
    let beta = create_shop(&app, "beta").await;
    let product = create_product(&app, &alpha, "シャツ", "A").await;
    let id = product["id"].as_str().unwrap();
    let variant = product["variants"][0]["id"].as_str().unwrap();
    let b = Some(beta.owner.access_token.as_str());
    assert_eq!(app.post(&format!("/api/v1/shops/{}/products", alpha.id), b, product_body("x", "B")).await.0, 403);
    assert_eq!(app.patch(&format!("/api/v1/products/{id}"), b, json!({"name": "乗っ取り"})).await.0, 403);
    assert_eq!(app.post(&format!("/api/v1/products/{id}/archive"), b, json!({})).await.0, 403);
    assert_eq!(
        app.post(
            &format!("/api/v1/products/{id}/variants"),
            b,
            json!({"sku": "Q", "color": "c", "size": "s", "price": "1"})
        )
        .await
        .0,
        403
    );
    assert_eq!(app.patch(&format!("/api/v1/products/{id}/variants/{variant}"), b, json!({"price": "1"})).await.0, 403);
    assert_eq!(app.put(&format!("/api/v1/shops/{}/stock/{variant}", alpha.id), b, json!({"quantity": 9})).await.0, 403);
    assert_eq!(app.get(&format!("/api/v1/shops/{}/products", alpha.id), b).await.0, 403);
    // Their own shop cannot hold stock of someone else's variant either.
    assert_eq!(app.put(&format!("/api/v1/shops/{}/stock/{variant}", beta.id), b, json!({"quantity": 9})).await.0, 404);
    let member = signup_member(&app, "m@example.test").await;
    assert_eq!(
        app.patch(&format!("/api/v1/products/{id}"), Some(&member.access_token), json!({"name": "x"})).await.0,
        403
    );
    assert_eq!(app.patch(&format!("/api/v1/products/{id}"), None, json!({"name": "x"})).await.0, 401);
    assert_eq!(app.patch(&format!("/api/v1/products/{}", uuid::Uuid::now_v7()), b, json!({"name": "x"})).await.0, 404);
    let (_, unchanged) = app.get(&format!("/api/v1/products/{id}"), None).await;
    assert_eq!(unchanged["name"], "シャツ");
}

async fn cat06_products_are_searched_filtered_and_paginated(backend: Backend) {
    let app = spawn_app(backend).await;
    let alpha = create_shop(&app, "alpha").await;
    let beta = create_shop(&app, "beta").await;
    for i in 0..5 {
        create_product(&app, &alpha, &format!("Linen Shirt {i}"), &format!("A{i}")).await;
    }
    let mut coffee = product_body("ブレンドコーヒー豆", "COF");
    coffee["category"] = json!("コーヒー");
    coffee["tax_category"] = json!("reduced");
    let (_, coffee) =
        app.post(&format!("/api/v1/shops/{}/products", beta.id), Some(&beta.staff.access_token), coffee).await;
    let variant = coffee["variants"][0]["id"].as_str().unwrap();
    app.put(
        &format!("/api/v1/shops/{}/stock/{variant}", beta.id),
        Some(&beta.staff.access_token),
        json!({"quantity": 10}),
    )
    .await;

    let (_, page) = app.get("/api/v1/products?keyword=linen%20SHIRT", None).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 5, "case-insensitive keyword");
    let (_, page) = app.get("/api/v1/products?keyword=_", None).await;
    assert!(page["items"].as_array().unwrap().is_empty(), "LIKE wildcards are escaped");
    let (_, page) = app.get(&format!("/api/v1/products?shop_id={}", beta.id), None).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    let (_, page) = app.get("/api/v1/products?category=%E3%82%B3%E3%83%BC%E3%83%92%E3%83%BC", None).await;
    assert_eq!(page["items"][0]["name"], "ブレンドコーヒー豆");
    let (_, page) = app.get("/api/v1/products?in_stock=true", None).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);

    let (_, first) = app.get("/api/v1/products?limit=4", None).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 4);
    let cursor = first["next_cursor"].as_str().unwrap();
    let (_, second) = app.get(&format!("/api/v1/products?limit=4&cursor={cursor}"), None).await;
    assert_eq!(second["items"].as_array().unwrap().len(), 2);
    assert!(second["next_cursor"].is_null());
    let mut ids: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second["items"].as_array().unwrap())
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    ids.dedup();
    assert_eq!(ids.len(), 6, "no product twice, none missed");

    assert_eq!(app.get("/api/v1/products?limit=0", None).await.0, 422);
    assert_eq!(app.get("/api/v1/products?limit=abc", None).await.0, 422);
    assert_eq!(app.get("/api/v1/products?cursor=forged", None).await.0, 422);
    assert_eq!(app.get("/api/v1/products?shop_id=nope", None).await.0, 422);
}
