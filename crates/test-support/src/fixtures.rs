//! Fixture builders: members through the real sign-up flow, shops and staff written directly.

use crate::TestApp;
use kaimono_accounts::{PersonDetails, Role, ShopRole, bind_to_shop, create_account};
use kaimono_catalog::{NewShop, ShopCalendar};
use kaimono_core::{Locale, ShopId};
use serde_json::{Value, json};

pub const PASSWORD: &str = "correct horse battery";

/// A signed-in account.
#[derive(Debug, Clone)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
    pub account_id: String,
    pub email: String,
}

impl Session {
    fn from_body(body: &Value) -> Self {
        Session {
            access_token: body["access_token"].as_str().unwrap().to_owned(),
            refresh_token: body["refresh_token"].as_str().unwrap_or_default().to_owned(),
            account_id: body["account"]["id"].as_str().unwrap().to_owned(),
            email: body["account"]["email"].as_str().unwrap().to_owned(),
        }
    }
}

pub fn signup_details(token: &str) -> Value {
    json!({"token": token, "password": PASSWORD, "name": "山田 太郎", "name_kana": "ヤマダ タロウ", "phone": "090-1234-5678"})
}

/// A member signed up through the emailed link, signed in.
pub async fn signup_member(app: &TestApp, email: &str) -> Session {
    let (status, body) = app.post("/api/v1/auth/signup", None, json!({"email": email})).await;
    assert_eq!(status, 202, "{body}");
    let token = app.link_token(email, "/signup/complete").await;
    let (status, body) = app.post("/api/v1/auth/signup/complete", None, signup_details(&token)).await;
    assert_eq!(status, 201, "{body}");
    Session::from_body(&body)
}

pub async fn login(app: &TestApp, email: &str, password: &str) -> Session {
    let (status, body) = app.post("/api/v1/auth/login", None, json!({"email": email, "password": password})).await;
    assert_eq!(status, 200, "{body}");
    Session::from_body(&body)
}

/// A shop with an owner and a staff member, both signed in.
pub struct ShopFixture {
    pub id: ShopId,
    pub owner: Session,
    pub staff: Session,
}

pub async fn create_shop(app: &TestApp, slug: &str) -> ShopFixture {
    create_shop_of_kind(app, slug, kaimono_catalog::ShopKind::Retail).await
}

/// A proxy-buying service (PRX-01) with its owner and a staff member.
pub async fn create_proxy_shop(app: &TestApp, slug: &str) -> ShopFixture {
    create_shop_of_kind(app, slug, kaimono_catalog::ShopKind::Proxy).await
}

pub async fn create_shop_of_kind(app: &TestApp, slug: &str, kind: kaimono_catalog::ShopKind) -> ShopFixture {
    let now = app.clock_now();
    let shop = kaimono_catalog::create_shop(
        &app.db,
        NewShop {
            slug: slug.to_owned(),
            name: format!("{slug} 店"),
            description: String::new(),
            postal_code: "1500001".into(),
            prefecture: 13,
            address: "渋谷区神宮前 1-1-1".into(),
            phone: "0312345678".into(),
            contact_email: format!("shop@{slug}.test"),
            opening_hours: "10:00〜20:00".into(),
        },
        kind,
        ShopCalendar::default(),
        now,
    )
    .await
    .unwrap();
    let mut sessions = Vec::new();
    for (who, role) in [("owner", ShopRole::Owner), ("staff", ShopRole::Staff)] {
        let email = format!("{who}@{slug}.test");
        let person =
            PersonDetails { name: "店員".into(), name_kana: "テンイン".into(), phone: "0312345678".into() };
        let account = create_account(&app.db, &email, PASSWORD, Role::Staff, person, Locale::Ja, now).await.unwrap();
        bind_to_shop(&app.db, account.id, shop.id, role).await.unwrap();
        sessions.push(login(app, &email, PASSWORD).await);
    }
    let staff = sessions.pop().unwrap();
    let owner = sessions.pop().unwrap();
    ShopFixture { id: shop.id, owner, staff }
}

pub async fn create_operator(app: &TestApp) -> Session {
    let person = PersonDetails { name: "運営".into(), name_kana: "ウンエイ".into(), phone: "0312345678".into() };
    create_account(&app.db, "operator@kaimono.test", PASSWORD, Role::Operator, person, Locale::Ja, app.clock_now())
        .await
        .unwrap();
    login(app, "operator@kaimono.test", PASSWORD).await
}

pub fn product_body(name: &str, sku_prefix: &str) -> Value {
    json!({
        "name": name,
        "description": "綿100%のシャツ",
        "category": "トップス",
        "tax_category": "standard",
        "fulfilment": {"reservable": true, "deliverable": true, "reservation_payment": "in_store"},
        "variants": [
            {"sku": format!("{sku_prefix}-WH-M"), "color": "ホワイト", "size": "M", "price": "4990"},
            {"sku": format!("{sku_prefix}-BK-L"), "color": "ブラック", "size": "L", "price": "5490"}
        ]
    })
}

/// Creates a product through the API and returns its JSON.
pub async fn create_product(app: &TestApp, shop: &ShopFixture, name: &str, sku_prefix: &str) -> Value {
    let (status, body) = app
        .post(
            &format!("/api/v1/shops/{}/products", shop.id),
            Some(&shop.staff.access_token),
            product_body(name, sku_prefix),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body
}

impl TestApp {
    pub fn clock_now(&self) -> chrono::DateTime<chrono::Utc> {
        kaimono_core::Clock::now(self.clock.as_ref())
    }
}

/// A member created directly (no Argon2, no email) with a minted access token: for tests that need many.
pub async fn fast_member(app: &TestApp, email: &str) -> (kaimono_core::AccountId, String) {
    use sea_orm::{ActiveModelTrait, IntoActiveModel};
    let now = app.clock_now();
    let id = kaimono_core::AccountId::new();
    kaimono_entity::account::Model {
        id: id.0,
        email: email.to_owned(),
        password_hash: "not-a-password-hash".to_owned(),
        role: "member".to_owned(),
        name: "速水 一".to_owned(),
        name_kana: "ハヤミ ハジメ".to_owned(),
        phone: "09000000000".to_owned(),
        locale: "ja".to_owned(),
        created_at: now,
        updated_at: now,
        token_version: 0,
    }
    .into_active_model()
    .reset_all()
    .insert(&app.db)
    .await
    .unwrap();
    let token = kaimono_api::auth::issue_access_token(&app.state, id, Role::Member, 0, now).unwrap();
    (id, token)
}

/// A delivery address for a member, written directly; returns its id.
pub async fn home_address(app: &TestApp, account: kaimono_core::AccountId) -> String {
    let input = kaimono_accounts::AddressInput {
        postal_code: "1500001".into(),
        prefecture: 13,
        city: "渋谷区神宮前".into(),
        street: "1-2-3".into(),
        building: None,
        recipient_name: "速水 一".into(),
        recipient_kana: "ハヤミ ハジメ".into(),
        phone: "09000000000".into(),
        is_default: true,
    };
    kaimono_accounts::create_address(&app.db, account, input, app.clock_now()).await.unwrap().id.to_string()
}

/// A card saved for a member through the API with a sandbox token; returns the card id. Behaviours:
/// `ok`, `decline`, `expired`, `insufficient`, `busy` (see `kaimono_payments::SandboxProvider`).
pub async fn sandbox_card(app: &TestApp, token: &str, behaviour: &str) -> String {
    let card_token = format!("sbx.{behaviour}.visa.4242.12.2030.{}", uuid::Uuid::now_v7().simple());
    let (status, card) = app.post("/api/v1/me/cards", Some(token), json!({"token": card_token})).await;
    assert_eq!(status, 201, "{card}");
    card["id"].as_str().unwrap().to_owned()
}

/// A product with one variant in stock, returning the variant id. `fulfilment` as the product API takes it.
pub async fn stocked_product(app: &TestApp, shop: &ShopFixture, sku: &str, quantity: i64, fulfilment: Value) -> String {
    let mut body = product_body("シャツ", sku);
    body["fulfilment"] = fulfilment;
    let (status, product) =
        app.post(&format!("/api/v1/shops/{}/products", shop.id), Some(&shop.staff.access_token), body).await;
    assert_eq!(status, 201, "{product}");
    let variant = product["variants"][0]["id"].as_str().unwrap().to_owned();
    let (status, _) = app
        .put(
            &format!("/api/v1/shops/{}/stock/{variant}", shop.id),
            Some(&shop.staff.access_token),
            json!({"quantity": quantity}),
        )
        .await;
    assert_eq!(status, 200);
    variant
}

/// The quantity on the shelf, read from the database.
pub async fn shelf(app: &TestApp, shop: &ShopFixture, variant: &str) -> i32 {
    use sea_orm::EntityTrait;
    let variant = uuid::Uuid::parse_str(variant).unwrap();
    kaimono_entity::stock::Entity::find_by_id((variant, shop.id.0))
        .one(&app.db)
        .await
        .unwrap()
        .map_or(0, |s| s.quantity)
}

/// A fresh access token for an account at the app's current (possibly moved) time.
pub fn token_for(app: &TestApp, account_id: &str, role: Role) -> String {
    let id = kaimono_core::AccountId(uuid::Uuid::parse_str(account_id).unwrap());
    kaimono_api::auth::issue_access_token(&app.state, id, role, 0, app.clock_now()).unwrap()
}
