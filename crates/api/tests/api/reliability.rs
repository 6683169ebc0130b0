//! Issue 8, reliability: a silent or hanging SMTP server, stopping a worker mid-send, a database that
//! refuses or stalls, the expiry backlog claimed in batches by several workers, the listen backlog.

use kaimono_core::Clock;
use kaimono_messaging::{Mailer, deliver_due};
use kaimono_test_support::*;
use serde_json::json;
use std::time::{Duration, Instant};

db_tests!(
    notif01_a_silent_smtp_server_costs_one_bounded_attempt_per_mail,
    notif01_a_hanging_recipient_does_not_hold_up_the_mail_behind_it,
    notif01_sigterm_stops_a_worker_cleanly_mid_send_and_nothing_is_sent_twice,
    ord05_rsv05_two_workers_expire_a_backlog_each_item_exactly_once,
);

async fn queue_signups(app: &TestApp, emails: &[String]) {
    for email in emails {
        let (status, _) = app.post("/api/v1/auth/signup", None, json!({"email": email})).await;
        assert_eq!(status, 202);
    }
    app.send_links().await;
}

async fn notif01_a_silent_smtp_server_costs_one_bounded_attempt_per_mail(backend: Backend) {
    let smtp = SmtpServer::start_with(Behaviour::Silent).await;
    let app = spawn_app(backend).await;
    let emails: Vec<String> = (0..12).map(|i| format!("silent{i}@example.test")).collect();
    queue_signups(&app, &emails).await;
    let mailer = Mailer::new(&smtp.url(), "kaimono <no-reply@kaimono.test>", "https://shop.example")
        .unwrap()
        .with_send_timeout(Duration::from_secs(1));
    let started = Instant::now();
    let report = deliver_due(&app.db, &mailer, "w1", app.clock.now(), 100, &|| false).await.unwrap();
    assert_eq!((report.sent, report.failed), (0, 12));
    assert!(started.elapsed() < Duration::from_secs(8), "sent concurrently, each bounded: {:?}", started.elapsed());
    let mail = &app.mailbox("silent0@example.test").await[0];
    assert_eq!((mail["status"].as_str(), mail["attempts"].as_i64()), (Some("pending"), Some(1)), "{mail}");
    assert!(mail["last_error"].as_str().unwrap().contains("did not finish"), "{mail}");
}

async fn notif01_a_hanging_recipient_does_not_hold_up_the_mail_behind_it(backend: Backend) {
    let smtp = SmtpServer::start_with(Behaviour::HangOnRecipient("stuck@example.test".into())).await;
    let app = spawn_app(backend).await;
    let mut emails = vec!["stuck@example.test".to_owned()];
    emails.extend((0..20).map(|i| format!("fine{i}@example.test")));
    queue_signups(&app, &emails).await;
    let mailer = Mailer::new(&smtp.url(), "kaimono <no-reply@kaimono.test>", "https://shop.example")
        .unwrap()
        .with_send_timeout(Duration::from_secs(3));
    let report = deliver_due(&app.db, &mailer, "w1", app.clock.now(), 100, &|| false).await.unwrap();
    assert_eq!((report.sent, report.failed), (20, 1));
    assert_eq!(smtp.received().len(), 20);
    let stuck = &app.mailbox("stuck@example.test").await[0];
    assert_eq!(stuck["status"], "pending", "retried later with backoff: {stuck}");
    // Each copy carries the outbox row's Message-ID, so a resend after a crash can be told apart.
    let raw = &smtp.received()[0].raw;
    assert!(raw.contains("Message-ID: <") && raw.contains("@kaimono.test>"), "{raw}");
}

async fn notif01_sigterm_stops_a_worker_cleanly_mid_send_and_nothing_is_sent_twice(backend: Backend) {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let smtp = SmtpServer::start_with(Behaviour::SlowData(Duration::from_millis(1500))).await;
    let app = spawn_app(backend).await;
    let emails: Vec<String> = (0..25).map(|i| format!("term{i}@example.test")).collect();
    queue_signups(&app, &emails).await;
    let mut worker = std::process::Command::new(env!("CARGO_BIN_EXE_kaimono"))
        .arg("worker")
        .env("KAIMONO_DATABASE_URL", &app.state.config.database_url)
        .env("KAIMONO_SMTP_URL", smtp.url())
        .env("KAIMONO_MAIL_FROM", "kaimono <no-reply@kaimono.test>")
        .env("KAIMONO_JWT_SECRET", "test-secret-test-secret-test-secret-0123")
        .env("KAIMONO_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..200 {
        if smtp.connections() > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(smtp.connections() > 0, "the worker started sending");
    let stop = Instant::now();
    // The shell's own `kill`, so the test needs no procps.
    let kill = std::process::Command::new("sh").args(["-c", &format!("kill -TERM {}", worker.id())]).status().unwrap();
    assert!(kill.success());
    let status = loop {
        if let Some(status) = worker.try_wait().unwrap() {
            break status;
        }
        assert!(stop.elapsed() < Duration::from_secs(25), "the worker must stop within its grace period");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "a clean exit: {status:?}");
    // Every mail the server accepted is recorded as sent; nothing is left claimed by the dead worker.
    let received = smtp.received().len();
    let sent = kaimono_entity::outbox_email::Entity::find()
        .filter(kaimono_entity::outbox_email::Column::Status.eq("sent"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(sent as usize, received, "accepted = recorded");
    assert!(received < 25, "it stopped claiming: {received}");
    let claimed = kaimono_entity::outbox_email::Entity::find()
        .filter(kaimono_entity::outbox_email::Column::LockedUntil.is_not_null())
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(claimed, 0, "no claim outlives the worker");
    // Another sender takes the rest at once, and nothing goes out twice.
    let smtp_fast = SmtpServer::start().await;
    let fast = Mailer::new(&smtp_fast.url(), "kaimono <no-reply@kaimono.test>", "https://shop.example").unwrap();
    let report = deliver_due(&app.db, &fast, "w2", chrono::Utc::now(), 100, &|| false).await.unwrap();
    assert_eq!(report.sent + received, 25, "every mail exactly once");
}

async fn ord05_rsv05_two_workers_expire_a_backlog_each_item_exactly_once(backend: Backend) {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "backlog").await;
    let fulfilment = json!({"reservable": false, "deliverable": true, "reservation_payment": "in_store"});
    let variant = stocked_product(&app, &shop, "E", 100, fulfilment).await;
    let orders = 24;
    for i in 0..orders {
        let (member, token) = fast_member(&app, &format!("late{i}@example.test")).await;
        let address = home_address(&app, member).await;
        let t = Some(token.as_str());
        app.post("/api/v1/me/cart/items", t, json!({"variant_id": variant, "quantity": 1})).await;
        let (status, placed, _) = app.post_with_key("/api/v1/orders", t, "k", json!({"address_id": address})).await;
        assert_eq!(status, 201, "{placed}");
        let order = placed["orders"][0]["id"].as_str().unwrap();
        let path = format!("/api/v1/shops/{}/orders/{order}/stock-check", shop.id);
        assert_eq!(app.post(&path, Some(&shop.staff.access_token), json!({})).await.0, 200);
    }
    assert_eq!(shelf(&app, &shop, &variant).await, 100 - orders);
    app.clock.advance(chrono::Duration::days(4));
    let now = app.clock_now();
    let settlement = &app.state.settlement;
    // Small batches, so both workers keep claiming while the other works.
    let (a, b) = tokio::join!(
        settlement.expire_due(&app.db, "a", now, 5, &|| false),
        settlement.expire_due(&app.db, "b", now, 5, &|| false),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a + b, orders as u64, "a: {a}, b: {b}");
    assert_eq!(shelf(&app, &shop, &variant).await, 100, "every unit back once");
    let cancelled = kaimono_entity::order::Entity::find()
        .filter(kaimono_entity::order::Column::Status.eq("cancelled"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(cancelled, orders as u64);
    let mails = kaimono_entity::outbox_email::Entity::find()
        .filter(kaimono_entity::outbox_email::Column::Template.eq("order_cancelled"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(mails, orders as u64, "one cancellation mail each");
    assert_eq!(app.run_expiry().await, 0, "nothing left");
}

/// Issue 8: a database that refuses connections, then one that accepts and never answers, answers
/// 503 `database_unavailable` with Retry-After within the configured bounds, readiness goes red, and
/// everything recovers without a restart. PostgreSQL only: the test puts a proxy it controls in front.
#[tokio::test]
async fn a_blocked_or_stalled_database_answers_503_and_recovers() {
    let Some(backend) = Backend::postgres() else { return };
    let url = backend.create_database().await;
    let (prefix, rest) = url.split_once('@').unwrap();
    let (host, database) = rest.split_once('/').unwrap();
    let proxy = TcpProxy::start(host.to_owned()).await;
    let proxied = format!("{prefix}@127.0.0.1:{}/{database}", proxy.port);
    let limits = kaimono_api::config::Limits {
        db_acquire: Duration::from_millis(1000),
        db_statement: Duration::from_millis(2000),
        request: Duration::from_secs(4),
        ..Default::default()
    };
    let app = spawn_on(backend, proxied, Options { limits, ..Default::default() }).await;
    assert_eq!(app.get("/api/v1/products", None).await.0, 200);

    for mode in [ProxyMode::Refuse, ProxyMode::Stall] {
        proxy.set(mode);
        let started = Instant::now();
        let calls = (0..20).map(|_| async {
            let response = app.client.get(app.url("/api/v1/products")).send().await.unwrap();
            let retry_after = response.headers().contains_key("retry-after");
            let status = response.status().as_u16();
            let body: serde_json::Value = response.json().await.unwrap_or_default();
            (status, retry_after, body["code"].as_str().map(str::to_owned))
        });
        for (status, retry_after, code) in futures_util::future::join_all(calls).await {
            assert_eq!(status, 503, "{mode:?}: {code:?}");
            assert!(retry_after, "{mode:?}");
            assert_eq!(code.as_deref(), Some("database_unavailable"), "{mode:?}");
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{mode:?}: answered in {:?}", started.elapsed());
        let started = Instant::now();
        assert_eq!(app.get("/health/ready", None).await.0, 503, "{mode:?}: readiness is red");
        assert!(started.elapsed() < Duration::from_secs(5), "{mode:?}: within seconds");

        proxy.set(ProxyMode::Pass);
        let mut recovered = false;
        for _ in 0..100 {
            if app.get("/api/v1/products", None).await.0 == 200 && app.get("/health/ready", None).await.0 == 200 {
                recovered = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert!(recovered, "{mode:?}: recovered without a restart");
    }
}

/// Issue 8: the listen socket keeps 1024 connections waiting, not the 128 a std listener gets.
#[test]
fn the_listen_backlog_is_1024() {
    let listener = kaimono_api::server::bind("127.0.0.1:0".parse().unwrap(), 1024).unwrap();
    let port = listener.local_addr().unwrap().port();
    let Ok(output) = std::process::Command::new("ss").args(["-ltnH", &format!("sport = :{port}")]).output() else {
        eprintln!("ss is not installed; backlog not inspected");
        return;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    // For a listening socket, ss shows the backlog as Send-Q.
    let send_q: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(send_q.get(2).copied(), Some("1024"), "{text}");
}
