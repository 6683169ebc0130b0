//! PAY-05: importing the bank's statement — each credit fitting a member's transfer report by amount,
//! sender as banks print it and date is confirmed; the rest is left for a person; nothing twice.

use crate::proxy::{Proxy, items, my_path, proxy_service, quote_all, submit, yen};
use kaimono_test_support::*;
use serde_json::{Value, json};

db_tests!(pay05_a_bank_statement_confirms_the_transfers_it_shows_and_leaves_the_rest,);

/// A Zengin 入出金取引明細 data record (a credit) in the 200-character layout.
fn credit(date: &str, amount: i64, sender: &str) -> String {
    let mut r = format!("200000001{date}{date}111{amount:012}");
    r.push_str(&"0".repeat(12 + 6 + 6 + 1 + 7 + 3 + 10));
    r.push_str(&format!("{sender:<48}"));
    format!("{r:<200}")
}

fn zengin(records: &[String]) -> Vec<u8> {
    let mut all = vec![format!("{:<200}", "1")];
    all.extend_from_slice(records);
    all.push(format!("{:<200}", "8"));
    all.push(format!("{:<200}", "9"));
    // Half-width kana in Shift_JIS, as banks export it.
    encoding_rs::SHIFT_JIS.encode(&all.join("\r\n")).0.into_owned()
}

async fn upload(app: &TestApp, p: &Proxy, token: &str, file: Vec<u8>) -> (u16, Value) {
    let form =
        reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(file).file_name("meisai.txt"));
    let path = format!("/api/v1/shops/{}/bank-statements", p.shop.id);
    let response = app.client.post(app.url(&path)).bearer_auth(token).multipart(form).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

/// A quoted order with a transfer reported for `amount` (its due when `None`) from `sender`.
async fn reported(app: &TestApp, p: &Proxy, key: &str, sender: &str, amount: Option<i64>) -> (Value, i64) {
    let (_, order) = submit(app, p, key, json!([items()[0].clone()])).await;
    let quoted = quote_all(app, p, &order).await;
    let due = yen(&quoted["first_invoice"]["due"]);
    let report =
        json!({"transferred_on": "2026-11-22", "amount": amount.unwrap_or(due).to_string(), "sender_kana": sender});
    let (status, body) = app.post(&my_path(&order, "/payment/transfer-reports"), Some(&p.member.1), report).await;
    assert_eq!(status, 201, "{body}");
    (order, due)
}

async fn pay05_a_bank_statement_confirms_the_transfers_it_shows_and_leaves_the_rest(backend: Backend) {
    let app = spawn_app(backend).await;
    let p = proxy_service(&app, "statement@example.test").await;
    let staff = p.shop.staff.access_token.clone();
    let (exact, due) = reported(&app, &p, "a", "キョウコ ヤマダ", None).await;
    let (approximate, _) = reported(&app, &p, "b", "ヤマダ タロウ", None).await;
    let (short, _) = reported(&app, &p, "c", "スズキ イチロウ", Some(1000)).await;

    // Two days after the reports (令和8年11月24日): the bank prints ｷﾖｳｺ for キョウコ and drops a kana.
    let statement = zengin(&[
        credit("081124", due, "ｷﾖｳｺ ﾔﾏﾀﾞ"),
        credit("081124", due, "ﾔﾏﾀﾞ ﾀﾛ"),
        credit("081124", 900, "ｽｽﾞｷ ｲﾁﾛｳ"),
        credit("081124", 5000, "ｼﾗﾅｲ ﾋﾄ"),
    ]);
    let (status, imported) = upload(&app, &p, &staff, statement.clone()).await;
    assert_eq!(status, 200, "{imported}");
    let outcomes: Vec<&str> =
        imported["lines"].as_array().unwrap().iter().map(|l| l["outcome"].as_str().unwrap()).collect();
    assert_eq!(outcomes, ["matched", "approximate", "unmatched", "unmatched"]);
    assert_eq!((imported["confirmed"].as_u64(), imported["unmatched"].as_u64()), (Some(2), Some(2)));
    assert_eq!(imported["lines"][0]["sender"], "キヨウコ ヤマダ");
    for order in [&exact, &approximate] {
        let (_, now) = app.get(&my_path(order, ""), Some(&p.member.1)).await;
        assert_eq!(now["status"], "purchasing", "{now}");
    }
    // The short one (reported ¥1,000, ¥900 arrived) is left for a person.
    let (_, queue) = app.get(&format!("/api/v1/shops/{}/transfer-reports", p.shop.id), Some(&staff)).await;
    assert_eq!(queue.as_array().unwrap().len(), 1);
    assert_eq!(queue[0]["order_id"], short["id"]);

    // Imported again: nothing is confirmed twice.
    let (_, again) = upload(&app, &p, &staff, statement).await;
    let outcomes: Vec<&str> =
        again["lines"].as_array().unwrap().iter().map(|l| l["outcome"].as_str().unwrap()).collect();
    assert_eq!(outcomes, ["already_confirmed", "already_confirmed", "unmatched", "unmatched"]);
    assert_eq!(again["confirmed"], 0);
    let (_, deposit) = app.get(&format!("/api/v1/me/deposits/{}", p.shop.id), Some(&p.member.1)).await;
    assert_eq!(yen(&deposit["balance"]), 0, "no money counted twice");

    // A CSV from net banking works the same way.
    let (csv_order, csv_due) = reported(&app, &p, "d", "ダイコウ ハナコ", None).await;
    let csv = format!("日付,摘要,お支払金額,お預り金額\r\n2026/11/23,振込 ﾀﾞｲｺｳ ﾊﾅｺ,,\"{csv_due}\"\r\n");
    let (status, imported) = upload(&app, &p, &staff, encoding_rs::SHIFT_JIS.encode(&csv).0.into_owned()).await;
    assert_eq!((status, imported["lines"][0]["outcome"].as_str()), (200, Some("matched")), "{imported}");
    assert_eq!(app.get(&my_path(&csv_order, ""), Some(&p.member.1)).await.1["status"], "purchasing");

    // Refusals: an unreadable file, no file, no token, a member, another shop.
    let (status, problem) = upload(&app, &p, &staff, b"hello".to_vec()).await;
    assert_eq!((status, problem["code"].as_str()), (422, Some("unreadable_statement")), "{problem}");
    assert!(problem["errors"]["file"].is_array());
    assert_eq!(upload(&app, &p, "nope", b"x".to_vec()).await.0, 401);
    assert_eq!(upload(&app, &p, &p.member.1, b"x".to_vec()).await.0, 403);
    let retail = create_shop(&app, "retail-shop").await;
    let form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(b"x".to_vec()));
    let path = format!("/api/v1/shops/{}/bank-statements", retail.id);
    let response =
        app.client.post(app.url(&path)).bearer_auth(&retail.staff.access_token).multipart(form).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 404, "not a proxy-buying service");
}
