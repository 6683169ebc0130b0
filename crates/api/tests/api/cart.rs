//! CART-01: the member's cart.

use kaimono_test_support::*;
use serde_json::json;

db_tests!(
    cart01_members_put_variants_in_the_cart_change_and_remove_them,
    cart01_bad_cart_input_is_refused_and_changes_nothing
);

async fn cart01_members_put_variants_in_the_cart_change_and_remove_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let product = create_product(&app, &shop, "シャツ", "S").await;
    let white = product["variants"][0]["id"].as_str().unwrap();
    let black = product["variants"][1]["id"].as_str().unwrap();
    app.put(
        &format!("/api/v1/shops/{}/stock/{white}", shop.id),
        Some(&shop.staff.access_token),
        json!({"quantity": 5}),
    )
    .await;
    let (_, token) = fast_member(&app, "cart@example.test").await;
    let t = Some(token.as_str());

    let (status, cart) = app.get("/api/v1/me/cart", t).await;
    assert_eq!((status, cart["items"].as_array().unwrap().len()), (200, 0));
    let (status, cart) = app.post("/api/v1/me/cart/items", t, json!({"variant_id": white, "quantity": 2})).await;
    assert_eq!(status, 201, "{cart}");
    let (_, cart) = app.post("/api/v1/me/cart/items", t, json!({"variant_id": white, "quantity": 1})).await;
    assert_eq!(cart["items"][0]["quantity"], 3, "adding again adds up");
    assert_eq!(cart["items"][0]["available"], 5, "the cart holds no stock");
    let (_, cart) = app.post("/api/v1/me/cart/items", t, json!({"variant_id": black, "quantity": 1})).await;
    // 4,990 × 3 + 5,490 = 20,460; tax 20,460 × 10/110 = 1,860.
    assert_eq!(cart["total"], "20460");
    assert_eq!(cart["tax"], json!([{"tax_category": "standard", "total": "20460", "tax": "1860"}]));

    let (status, cart) = app.put(&format!("/api/v1/me/cart/items/{white}"), t, json!({"quantity": 1})).await;
    assert_eq!((status, cart["items"][0]["line_total"].as_str()), (200, Some("4990")));
    let (status, cart) = app.delete(&format!("/api/v1/me/cart/items/{black}"), t).await;
    assert_eq!((status, cart["items"].as_array().unwrap().len()), (200, 1));
}

async fn cart01_bad_cart_input_is_refused_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let product = create_product(&app, &shop, "シャツ", "S").await;
    let variant = product["variants"][0]["id"].as_str().unwrap();
    let (_, token) = fast_member(&app, "bad-cart@example.test").await;
    let t = Some(token.as_str());
    assert_eq!(app.post("/api/v1/me/cart/items", t, json!({"variant_id": variant, "quantity": 0})).await.0, 422);
    assert_eq!(app.post("/api/v1/me/cart/items", t, json!({"variant_id": "nope", "quantity": 1})).await.0, 422);
    let (status, body) =
        app.post("/api/v1/me/cart/items", t, json!({"variant_id": uuid::Uuid::now_v7(), "quantity": 1})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("not_purchasable")));
    app.post("/api/v1/me/cart/items", t, json!({"variant_id": variant, "quantity": 98})).await;
    let (status, body) = app.post("/api/v1/me/cart/items", t, json!({"variant_id": variant, "quantity": 2})).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["errors"]["quantity"].is_array());
    let (_, cart) = app.get("/api/v1/me/cart", t).await;
    assert_eq!(cart["items"][0]["quantity"], 98, "the refused add changed nothing");
    let other = uuid::Uuid::now_v7();
    assert_eq!(app.put(&format!("/api/v1/me/cart/items/{other}"), t, json!({"quantity": 1})).await.0, 404);
    assert_eq!(app.delete(&format!("/api/v1/me/cart/items/{other}"), t).await.0, 404);
    // Archived products can't be added.
    app.post(
        &format!("/api/v1/products/{}/archive", product["id"].as_str().unwrap()),
        Some(&shop.staff.access_token),
        json!({}),
    )
    .await;
    let (status, body) = app.post("/api/v1/me/cart/items", t, json!({"variant_id": variant, "quantity": 1})).await;
    assert_eq!((status, body["code"].as_str()), (422, Some("not_purchasable")));
    assert_eq!(app.get("/api/v1/me/cart", None).await.0, 401);
    assert_eq!(app.get("/api/v1/me/cart", Some(&shop.staff.access_token)).await.0, 403);
}
