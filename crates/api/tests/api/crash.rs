//! CART-02, PAY-09: a `kaimono serve` process killed (SIGKILL) in the middle of a burst of checkouts.
//! Afterwards there is no order without held stock and no held stock without an order, no emptied cart
//! without an order; and retrying every checkout with its key on a restarted server gives each member
//! exactly one order.

use kaimono_accounts::Role;
use kaimono_test_support::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

db_tests!(cart02_a_server_killed_mid_checkout_leaves_no_order_without_stock_and_no_stock_without_an_order);

const MEMBERS: usize = 60;

struct Server {
    child: Child,
    url: String,
}

async fn start_server(database_url: &str) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kaimono"))
        .args(["serve", "--no-jobs"])
        .env("KAIMONO_DATABASE_URL", database_url)
        .env("KAIMONO_LISTEN", format!("127.0.0.1:{port}"))
        .env("KAIMONO_JWT_SECRET", "test-secret-test-secret-test-secret-0123")
        .env("KAIMONO_STATIC_DIR", "/nonexistent")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..200 {
        if reqwest::get(format!("{url}/health/ready")).await.is_ok_and(|r| r.status().is_success()) {
            return Server { child, url };
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    panic!("kaimono serve did not become ready");
}

async fn checkout(client: &reqwest::Client, url: &str, token: &str, key: &str, address: &str) -> Option<u16> {
    client
        .post(format!("{url}/api/v1/orders"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&json!({"address_id": address}))
        .send()
        .await
        .ok()
        .map(|r| r.status().as_u16())
}

/// Stock on the shelf plus stock held by order lines equals what there was: nothing lost, nothing made.
async fn assert_consistent(app: &TestApp, shop: &ShopFixture, variants: &[(String, i32)]) {
    use kaimono_entity::{cart_item, order, order_line};
    for (variant, initial) in variants {
        let id = uuid::Uuid::parse_str(variant).unwrap();
        let held: i32 = order_line::Entity::find()
            .filter(order_line::Column::VariantId.eq(id))
            .all(&app.db)
            .await
            .unwrap()
            .iter()
            .map(|l| l.quantity)
            .sum();
        assert_eq!(shelf(app, shop, variant).await + held, *initial, "stock of {variant} is conserved");
    }
    for o in order::Entity::find().all(&app.db).await.unwrap() {
        let lines =
            order_line::Entity::find().filter(order_line::Column::OrderId.eq(o.id)).count(&app.db).await.unwrap();
        assert_eq!(lines, 2, "an order has all its lines");
        let cart = cart_item::Entity::find()
            .filter(cart_item::Column::AccountId.eq(o.account_id))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(cart, 0, "a member with an order has an empty cart");
    }
}

async fn cart02_a_server_killed_mid_checkout_leaves_no_order_without_stock_and_no_stock_without_an_order(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let deliverable = json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"});
    let shirt = stocked_product(&app, &shop, "A", 1000, deliverable.clone()).await;
    let socks = stocked_product(&app, &shop, "B", 1000, deliverable).await;
    let mut members = Vec::new();
    for i in 0..MEMBERS {
        let (id, token) = fast_member(&app, &format!("m{i}@example.test")).await;
        let address = home_address(&app, id).await;
        for (variant, quantity) in [(&shirt, 2), (&socks, 1)] {
            let (status, _) = app
                .post("/api/v1/me/cart/items", Some(&token), json!({"variant_id": variant, "quantity": quantity}))
                .await;
            assert_eq!(status, 201);
        }
        members.push((id, address));
    }
    // The child process runs on the real clock: tokens minted for now.
    let tokens: Vec<String> = members
        .iter()
        .map(|(id, _)| {
            kaimono_api::auth::issue_access_token(&app.state, *id, Role::Member, 0, chrono::Utc::now()).unwrap()
        })
        .collect();
    let database_url = app.state.config.database_url.clone();

    let mut server = start_server(&database_url).await;
    let client = reqwest::Client::new();
    let url = server.url.clone();
    let burst = members.iter().zip(&tokens).enumerate().map(|(i, ((_, address), token))| {
        let (client, url) = (client.clone(), url.clone());
        async move { checkout(&client, &url, token, &format!("key-{i}"), address).await }
    });
    let killer = async {
        tokio::time::sleep(Duration::from_millis(40)).await;
        server.child.kill().unwrap();
        server.child.wait().unwrap();
    };
    let (results, ()) = tokio::join!(futures_util::future::join_all(burst), killer);
    let answered = results.iter().filter(|r| **r == Some(201)).count();
    let placed = kaimono_entity::order::Entity::find().count(&app.db).await.unwrap() as usize;
    eprintln!("killed mid-burst: {answered} answered, {placed} placed of {MEMBERS}");
    assert!(placed >= answered, "every answered checkout is in the database ({placed} ≥ {answered})");
    assert_consistent(&app, &shop, &[(shirt.clone(), 1000), (socks.clone(), 1000)]).await;

    // Retrying every checkout with its key on a new server: each member ends with exactly one order.
    let mut server = start_server(&database_url).await;
    for (i, ((_, address), token)) in members.iter().zip(&tokens).enumerate() {
        let status = checkout(&client, &server.url, token, &format!("key-{i}"), address).await;
        assert_eq!(status, Some(201), "retry of member {i}");
    }
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    assert_eq!(kaimono_entity::order::Entity::find().count(&app.db).await.unwrap() as usize, MEMBERS);
    assert_consistent(&app, &shop, &[(shirt.clone(), 1000), (socks.clone(), 1000)]).await;
    assert_eq!(shelf(&app, &shop, &shirt).await, 1000 - 2 * MEMBERS as i32);
    assert_eq!(shelf(&app, &shop, &socks).await, 1000 - MEMBERS as i32);
}
