//! NOTIF-01: emails go through the outbox and a retrying sender, end to end over real SMTP.

use kaimono_core::Clock;
use kaimono_messaging::{Mailer, deliver_due};
use kaimono_test_support::*;
use serde_json::json;

db_tests!(
    notif01_signup_email_is_delivered_over_smtp_in_the_members_language,
    notif01_mail_survives_an_smtp_outage_and_is_delivered_when_it_returns,
    notif01_a_mail_is_written_in_the_same_transaction_as_its_cause,
    dev_mailbox_is_absent_unless_switched_on,
    notif01_two_servers_on_one_database_send_each_email_exactly_once,
    job_leases_let_one_process_run_a_job_at_a_time,
    notif01_two_servers_running_their_jobs_deliver_each_email_once,
);

async fn notif01_signup_email_is_delivered_over_smtp_in_the_members_language(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app =
        spawn_app_with(backend, Options { smtp_url: Some(smtp.url()), run_jobs: true, ..Default::default() }).await;
    app.post("/api/v1/auth/signup", None, json!({"email": "smtp@example.test"})).await;
    let received = smtp.wait_for(1).await;
    assert_eq!(received.len(), 1, "the in-process sender delivered it");
    assert_eq!(received[0].to, vec!["smtp@example.test".to_owned()]);
    assert!(received[0].raw.contains("Subject: =?utf-8?"), "a Japanese subject is MIME-encoded");
    let body = received[0].body();
    assert!(body.contains("会員登録"), "{body}");
    let token = app.link_token("smtp@example.test", "/signup/complete").await;
    assert!(body.contains(&token));
    // The listener has the mail a moment before the sender records it as sent.
    let mut status = serde_json::Value::Null;
    for _ in 0..200 {
        status = app.mailbox("smtp@example.test").await[0]["status"].clone();
        if status == "sent" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(status, "sent");
}

async fn notif01_mail_survives_an_smtp_outage_and_is_delivered_when_it_returns(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app(backend).await;
    let mailer = Mailer::new(&smtp.url(), "kaimono <no-reply@kaimono.test>", "https://shop.example").unwrap();
    smtp.stop();
    for i in 0..3 {
        app.post("/api/v1/auth/signup", None, json!({"email": format!("outage{i}@example.test")})).await;
    }
    app.send_links().await;
    let report = deliver_due(&app.db, &mailer, "w1", app.clock.now(), 50, &|| false).await.unwrap();
    assert_eq!((report.sent, report.failed), (0, 3));
    let mails = app.mailbox("outage0@example.test").await;
    assert_eq!((mails[0]["status"].as_str(), mails[0]["attempts"].as_i64()), (Some("pending"), Some(1)));
    assert!(mails[0]["last_error"].is_string());

    // Not retried before its backoff.
    smtp.restart().await;
    let report = deliver_due(&app.db, &mailer, "w1", app.clock.now(), 50, &|| false).await.unwrap();
    assert_eq!(report.sent, 0);
    app.clock.advance(chrono::Duration::seconds(16));
    let report = deliver_due(&app.db, &mailer, "w1", app.clock.now(), 50, &|| false).await.unwrap();
    assert_eq!(report.sent, 3);
    assert_eq!(smtp.received().len(), 3, "every email, once");
    let report = deliver_due(&app.db, &mailer, "w1", app.clock.now(), 50, &|| false).await.unwrap();
    assert_eq!(report.sent, 0, "nothing is sent twice");
}

async fn notif01_a_mail_is_written_in_the_same_transaction_as_its_cause(backend: Backend) {
    let app = spawn_app(backend).await;
    // A sign-up completion that fails (password too short) leaves no welcome email behind.
    app.post("/api/v1/auth/signup", None, json!({"email": "atomic@example.test"})).await;
    let token = app.link_token("atomic@example.test", "/signup/complete").await;
    let mut bad = signup_details(&token);
    bad["password"] = json!("x");
    app.post("/api/v1/auth/signup/complete", None, bad).await;
    let mails = app.mailbox("atomic@example.test").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0]["template"], "signup");
}

/// The mailbox exists only when switched on (the configuration refuses it in production and off loopback).
async fn dev_mailbox_is_absent_unless_switched_on(backend: Backend) {
    let app = spawn_app_with(backend, Options { dev_mailbox: false, ..Default::default() }).await;
    let (status, body) = app.get("/api/v1/dev/mailbox", None).await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
    // Nor can anyone move the clock or run jobs.
    assert_eq!(app.post("/api/v1/dev/clock", None, json!({"days": 30})).await.0, 404);
    assert_eq!(app.post("/api/v1/dev/subscription-jobs", None, json!({})).await.0, 404);
}

async fn notif01_two_servers_on_one_database_send_each_email_exactly_once(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let first = spawn_app(backend.clone()).await;
    let second = spawn_on(backend, first.state.config.database_url.clone(), Options::default()).await;
    for i in 0..20 {
        let app = if i % 2 == 0 { &first } else { &second };
        let (status, _) =
            app.post("/api/v1/auth/signup", None, json!({"email": format!("crowd{i}@example.test")})).await;
        assert_eq!(status, 202);
    }
    first.send_links().await;
    let mailer = Mailer::new(&smtp.url(), "kaimono <no-reply@kaimono.test>", "https://shop.example").unwrap();
    let drain = |app: &TestApp, worker: &'static str| {
        let mailer = mailer.clone();
        let (db, now) = (app.db.clone(), app.clock.now());
        async move {
            let mut sent = 0;
            for _ in 0..6 {
                sent += deliver_due(&db, &mailer, worker, now, 4, &|| false).await.unwrap().sent;
            }
            sent
        }
    };
    let (a, b) = tokio::join!(drain(&first, "server-a"), drain(&second, "server-b"));
    assert_eq!(a + b, 20, "a: {a}, b: {b}");
    let received = smtp.received();
    let mut recipients: Vec<String> = received.iter().flat_map(|m| m.to.clone()).collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!((received.len(), recipients.len()), (20, 20), "each email exactly once");
}

async fn job_leases_let_one_process_run_a_job_at_a_time(backend: Backend) {
    let app = spawn_app(backend).await;
    let now = app.clock.now();
    let lease = chrono::Duration::minutes(1);
    assert!(kaimono_jobs::try_lease(&app.db, "sweep", "a", now, lease).await.unwrap());
    assert!(!kaimono_jobs::try_lease(&app.db, "sweep", "b", now, lease).await.unwrap(), "held by a");
    kaimono_jobs::release(&app.db, "sweep", "a", now).await.unwrap();
    assert!(kaimono_jobs::try_lease(&app.db, "sweep", "b", now, lease).await.unwrap(), "released");
    // A holder that dies loses the lease when it times out.
    let later = now + chrono::Duration::minutes(2);
    assert!(kaimono_jobs::try_lease(&app.db, "sweep", "c", later, lease).await.unwrap());
    // Two contenders at once: exactly one wins.
    let (x, y) = tokio::join!(
        kaimono_jobs::try_lease(&app.db, "race", "x", now, lease),
        kaimono_jobs::try_lease(&app.db, "race", "y", now, lease)
    );
    assert!(x.unwrap() ^ y.unwrap());
}

async fn notif01_two_servers_running_their_jobs_deliver_each_email_once(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let options = || Options { smtp_url: Some(smtp.url()), run_jobs: true, ..Default::default() };
    let first = spawn_app_with(backend.clone(), options()).await;
    let second = spawn_on(backend, first.state.config.database_url.clone(), options()).await;
    for i in 0..10 {
        let app = if i % 2 == 0 { &first } else { &second };
        let (status, body) =
            app.post("/api/v1/auth/signup", None, json!({"email": format!("jobs{i}@example.test")})).await;
        assert_eq!(status, 202, "{body}");
    }
    smtp.wait_for(10).await;
    // Give both runners time for further ticks; nothing may be sent again.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(smtp.received().len(), 10);
}
