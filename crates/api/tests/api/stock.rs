//! CAT-03 stock per shop per variant.

use kaimono_test_support::*;
use serde_json::json;

db_tests!(cat03_stock_is_set_and_adjusted_and_never_negative, cat03_concurrent_adjustments_never_oversell);

async fn cat03_stock_is_set_and_adjusted_and_never_negative(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let product = create_product(&app, &shop, "シャツ", "S").await;
    let variant = product["variants"][0]["id"].as_str().unwrap();
    let t = Some(shop.staff.access_token.as_str());
    let base = format!("/api/v1/shops/{}/stock/{variant}", shop.id);
    let (status, body) = app.post(&format!("{base}/adjustments"), t, json!({"delta": 5})).await;
    assert_eq!((status, body["quantity"].as_i64()), (200, Some(5)), "adding to a never-stocked variant");
    let (_, body) = app.post(&format!("{base}/adjustments"), t, json!({"delta": -3})).await;
    assert_eq!(body["quantity"], 2);
    let (status, body) = app.post(&format!("{base}/adjustments"), t, json!({"delta": -3})).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("insufficient_stock")));
    assert_eq!(body["detail"], "not enough stock: 2 available");
    let (_, body) = app.put(&base, t, json!({"quantity": 0})).await;
    assert_eq!(body["quantity"], 0);
    assert_eq!(app.put(&base, t, json!({"quantity": -1})).await.0, 422);
    assert_eq!(app.post(&format!("{base}/adjustments"), t, json!({"delta": 0})).await.0, 422);
    assert_eq!(
        app.put(&format!("/api/v1/shops/{}/stock/{}", shop.id, uuid::Uuid::now_v7()), t, json!({"quantity": 1}))
            .await
            .0,
        404
    );
    assert_eq!(app.put(&base, None, json!({"quantity": 1})).await.0, 401);
}

async fn cat03_concurrent_adjustments_never_oversell(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let product = create_product(&app, &shop, "限定シャツ", "L").await;
    let variant = product["variants"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/shops/{}/stock/{variant}", shop.id);
    app.put(&path, Some(&shop.staff.access_token), json!({"quantity": 10})).await;
    let attempts = (0..40).map(|_| {
        let (app, path, token) = (&app, format!("{path}/adjustments"), shop.staff.access_token.clone());
        async move { app.post(&path, Some(&token), json!({"delta": -1})).await.0 }
    });
    let statuses = futures_util::future::join_all(attempts).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 10, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 30, "{statuses:?}");
    let (_, public) = app.get(&format!("/api/v1/products/{}", product["id"].as_str().unwrap()), None).await;
    assert_eq!(public["variants"][0]["stock"][0]["quantity"], 0);
}
