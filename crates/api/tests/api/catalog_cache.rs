//! CAT-06: the public catalog is served from a cache at most a second old; staff and checkout never are.

use kaimono_test_support::*;
use serde_json::json;
use std::time::Duration;

db_tests!(cat06_the_storefront_shows_stock_at_most_a_second_stale_and_staff_see_it_at_once);

async fn cat06_the_storefront_shows_stock_at_most_a_second_stale_and_staff_see_it_at_once(backend: Backend) {
    let options = Options { catalog_cache_ttl: Duration::from_millis(1000), ..Default::default() };
    let app = spawn_app_with(backend, options).await;
    let shop = create_shop(&app, "alpha").await;
    let variant = stocked_product(
        &app,
        &shop,
        "C",
        1,
        json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"}),
    )
    .await;
    let (_, list) = app.get("/api/v1/products", None).await;
    let product = list["items"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(list["items"][0]["in_stock"], true);
    let (_, page) = app.get(&format!("/api/v1/products/{product}"), None).await;
    assert_eq!(page["variants"][0]["stock"][0]["availability"], "few_left");

    // A shopper buys the last one.
    let (member, token) = fast_member(&app, "buyer@example.test").await;
    let address = home_address(&app, member).await;
    app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": variant, "quantity": 1})).await;
    let body = json!({"address_id": address});
    assert_eq!(app.post_with_key("/api/v1/orders", Some(&token), "k", body).await.0, 201);

    let (_, list) = app.get("/api/v1/products", None).await;
    assert_eq!(list["items"][0]["in_stock"], true, "within the second, the cached answer");
    let staff = Some(shop.staff.access_token.as_str());
    let (_, staff_view) = app.get(&format!("/api/v1/products/{product}"), staff).await;
    assert_eq!(staff_view["variants"][0]["stock"][0]["quantity"], 0, "staff see it at once");
    app.post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": variant, "quantity": 1})).await;
    let body = json!({"address_id": address});
    assert_eq!(app.post_with_key("/api/v1/orders", Some(&token), "k2", body).await.0, 409, "checkout is authoritative");

    app.clock.advance(chrono::Duration::milliseconds(1000));
    let (_, list) = app.get("/api/v1/products", None).await;
    assert_eq!(list["items"][0]["in_stock"], false, "a second later, the new stock");
    let (_, page) = app.get(&format!("/api/v1/products/{product}"), None).await;
    assert_eq!(page["variants"][0]["stock"][0]["availability"], "out_of_stock");
    let (_, filtered) = app.get("/api/v1/products?in_stock=true", None).await;
    assert_eq!(filtered["items"], json!([]), "each query is its own answer");
}
