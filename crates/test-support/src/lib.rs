//! Test support: `spawn_app()` starts the real server on port 0 with a fresh database (SQLite always,
//! PostgreSQL when `KAIMONO_TEST_POSTGRES_URL` is set), a clock the test moves, fixtures, and a real SMTP
//! listener. Tests talk to the server over HTTP, exactly as clients do.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed setup should stop the test loudly

mod backend;
mod fixtures;
mod proxy;
mod smtp;

pub use backend::Backend;
pub use fixtures::*;
pub use proxy::{ProxyMode, TcpProxy};
pub use smtp::{Behaviour, ReceivedMail, SmtpServer};

use chrono::{DateTime, TimeZone, Utc};
use kaimono_api::config::{Config, Environment};
use kaimono_api::state::AppState;
use kaimono_core::ManualClock;
use sea_orm::DatabaseConnection;
use serde_json::Value;
use std::net::TcpListener;
use std::sync::Arc;

/// Generates, for each named async fn taking a `Backend`, a test module with `sqlite` and `postgres` tests.
#[macro_export]
macro_rules! db_tests {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::Backend::sqlite()).await
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(backend) = $crate::Backend::postgres() {
                    super::$name(backend).await
                }
            }
        }
    )*};
}

/// The moment every test starts at: Sunday 22 November 2026, 10:00 in Japan.
pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 1, 0, 0).unwrap()
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    pub clock: Arc<ManualClock>,
    pub state: AppState,
    pub backend: Backend,
    server: actix_web::dev::ServerHandle,
    /// The background jobs (`Options::run_jobs`).
    pub jobs: Option<kaimono_jobs::Runner>,
}

pub struct Options {
    pub smtp_url: Option<String>,
    pub env: Environment,
    pub run_jobs: bool,
    pub payments: kaimono_api::config::PaymentsConfig,
    /// The development mailbox, on by default: tests read the mails through it as a developer would.
    pub dev_mailbox: bool,
    pub limits: kaimono_api::config::Limits,
    /// The public catalog cache, off by default so tests see every change at once.
    pub catalog_cache_ttl: std::time::Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            smtp_url: None,
            env: Environment::Development,
            run_jobs: false,
            payments: kaimono_api::config::PaymentsConfig::Sandbox,
            dev_mailbox: true,
            limits: kaimono_api::config::Limits::default(),
            catalog_cache_ttl: std::time::Duration::ZERO,
        }
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Options::default()).await
}

/// `TEST_LOG=1` shows the server's logs in test output.
fn init_logging() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if std::env::var("TEST_LOG").is_ok() {
            let _ = tracing_subscriber::fmt()
                .with_env_filter("debug,sqlx=info,sea_orm=info,hyper=info")
                .with_test_writer()
                .try_init();
        }
    });
}

pub async fn spawn_app_with(backend: Backend, options: Options) -> TestApp {
    init_logging();
    let database_url = backend.create_database().await;
    spawn_on(backend, database_url, options).await
}

/// A second server on the same database (for multi-instance tests).
pub async fn spawn_on(backend: Backend, database_url: String, options: Options) -> TestApp {
    kaimono_payments::install_crypto_provider();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let config = Config {
        database_url,
        listen: listener.local_addr().unwrap(),
        public_url: "http://kaimono.test".to_owned(),
        env: options.env,
        jwt_secret: "test-secret-test-secret-test-secret-0123".to_owned(),
        jwt_secret_generated: false,
        smtp_url: options.smtp_url,
        mail_from: "kaimono <no-reply@kaimono.test>".to_owned(),
        run_jobs: options.run_jobs,
        static_dir: "/nonexistent".to_owned(),
        payments: options.payments.clone(),
        payment_rate_limit: 0,
        dev_mailbox: options.dev_mailbox,
        listen_backlog: 1024,
        catalog_cache_ttl: options.catalog_cache_ttl,
        // The S3-compatible server the test command starts, else a directory shared by this process.
        storage: kaimono_media::StorageConfig::s3_for_tests().unwrap_or_else(|| kaimono_media::StorageConfig::Local {
            root: std::env::temp_dir().join(format!("kaimono-test-media-{}", std::process::id())),
        }),
        limits: options.limits,
    };
    let clock = Arc::new(ManualClock::new(start_time()));
    let state = kaimono_api::server::prepare(config, clock.clone()).await.unwrap();
    let app_state = state.clone();
    let server = actix_web::HttpServer::new(move || kaimono_api::app::build(app_state.clone()))
        .listen(listener)
        .unwrap()
        .workers(1)
        .disable_signals()
        .run();
    let handle = server.handle();
    tokio::spawn(server);
    let jobs = options.run_jobs.then(|| kaimono_api::jobs::spawn(&state).unwrap());
    TestApp {
        address,
        client: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap(),
        db: state.db.clone(),
        clock,
        state,
        backend,
        server: handle,
        jobs,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn stop(&self) {
        self.server.stop(true).await;
    }

    /// Sends a JSON request and returns the status and the JSON body (`Value::Null` when empty).
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        let json =
            if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap_or(Value::String(text)) };
        (status, json)
    }

    /// Posts a `multipart/form-data` picture upload (`file`, and `alt` when given).
    pub async fn upload(&self, path: &str, token: Option<&str>, file: Vec<u8>, alt: Option<&str>) -> (u16, Value) {
        let mut form =
            reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(file).file_name("photo"));
        if let Some(alt) = alt {
            form = form.text("alt", alt.to_owned());
        }
        let mut request = self.client.post(self.url(path)).multipart(form);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (u16, Value) {
        self.call(reqwest::Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
        self.call(reqwest::Method::POST, path, token, Some(body)).await
    }

    pub async fn put(&self, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
        self.call(reqwest::Method::PUT, path, token, Some(body)).await
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
        self.call(reqwest::Method::PATCH, path, token, Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: Option<&str>) -> (u16, Value) {
        self.call(reqwest::Method::DELETE, path, token, None).await
    }

    /// Runs the link job once, as `serve` does every second (sign-up and reset links are mailed by it).
    pub async fn send_links(&self) -> u64 {
        kaimono_accounts::send_requested_links(&self.db, &self.state.config.public_url, self.clock_now(), 1000)
            .await
            .unwrap()
    }

    /// The outbox as the development mailbox shows it, newest first (after the link job has run).
    pub async fn mailbox(&self, to: &str) -> Vec<Value> {
        self.send_links().await;
        let (status, body) = self.get(&format!("/api/v1/dev/mailbox?to={to}"), None).await;
        assert_eq!(status, 200, "{body}");
        body.as_array().cloned().unwrap_or_default()
    }

    /// A POST with an `Idempotency-Key`; also returns the `Idempotent-Replayed` header.
    pub async fn post_with_key(
        &self,
        path: &str,
        token: Option<&str>,
        key: &str,
        body: Value,
    ) -> (u16, Value, Option<String>) {
        let mut request = self.client.post(self.url(path)).header("Idempotency-Key", key).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let replayed = response.headers().get("idempotent-replayed").map(|v| v.to_str().unwrap().to_owned());
        (status, response.json().await.unwrap_or(Value::Null), replayed)
    }

    /// The token of the newest payment URL (`/pay/{token}`) mailed to `to`.
    pub async fn payment_token(&self, to: &str) -> String {
        let mails = self.mailbox(to).await;
        mails
            .iter()
            .filter_map(|m| m["body"].as_str())
            .find_map(|body| {
                body.split("/pay/").nth(1).map(|rest| rest.split_whitespace().next().unwrap_or("").to_owned())
            })
            .unwrap_or_else(|| panic!("no payment URL mailed to {to}: {mails:?}"))
    }

    /// Runs both expiry jobs once, now (ORD-05, RSV-05): lapsed payment links, then lapsed holds.
    pub async fn run_expiry(&self) -> u64 {
        let (settlement, now) = (&self.state.settlement, self.clock_now());
        let links = settlement.expire_due(&self.db, "test", now, 100, &|| false).await.unwrap();
        let holds =
            kaimono_reservations::expire_lapsed_holds(&self.db, settlement, "test", now, 100, &|| false).await.unwrap();
        links + holds
    }

    /// The token of the newest link to `path` mailed to `to`.
    pub async fn link_token(&self, to: &str, path: &str) -> String {
        let mails = self.mailbox(to).await;
        let needle = format!("{path}?token=");
        mails
            .iter()
            .filter_map(|m| m["body"].as_str())
            .find_map(|body| {
                body.split(&needle).nth(1).map(|rest| rest.split_whitespace().next().unwrap_or("").to_owned())
            })
            .unwrap_or_else(|| panic!("no {path} link mailed to {to}: {mails:?}"))
    }
}
