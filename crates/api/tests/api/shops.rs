//! CAT-01 shops and business calendars.

use kaimono_test_support::*;
use serde_json::json;

db_tests!(
    cat01_shops_are_listed_with_their_business_calendar,
    cat01_staff_edit_their_shops_calendar_and_holidays_are_built_in,
    cat01_calendar_edits_are_refused_for_other_shops_and_bad_input,
    cat01_calendar_answers_add_business_days,
);

async fn cat01_shops_are_listed_with_their_business_calendar(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    create_shop(&app, "beta").await;
    let (status, list) = app.get("/api/v1/shops", None).await;
    assert_eq!(status, 200);
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    let (status, one) = app.get(&format!("/api/v1/shops/{}", shop.id), None).await;
    assert_eq!(status, 200, "{one}");
    assert_eq!(one["prefecture_name"], "東京都");
    assert_eq!(one["postal_code_display"], "150-0001");
    let upcoming = one["calendar"]["upcoming"].as_array().unwrap();
    assert_eq!(upcoming.len(), 60);
    assert_eq!(upcoming[0]["date"], "2026-11-22", "today in Japan");
    assert_eq!(upcoming[1]["holiday_ja"], "勤労感謝の日");
    let (status, _) = app.get(&format!("/api/v1/shops/{}", uuid::Uuid::now_v7()), None).await;
    assert_eq!(status, 404);
}

async fn cat01_staff_edit_their_shops_calendar_and_holidays_are_built_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let body = json!({
        "closed_weekdays": ["wed"], "closed_on_holidays": true,
        "closed_dates": [{"date": "2026-11-27", "note": "棚卸し"}],
        "open_dates": [{"date": "2026-11-23", "note": "臨時営業"}]
    });
    let (status, updated) =
        app.put(&format!("/api/v1/shops/{}/calendar", shop.id), Some(&shop.staff.access_token), body).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["calendar"]["closed_weekdays"], json!(["wed"]));
    assert_eq!(updated["calendar"]["closed_dates"][0]["note"], "棚卸し");

    let (_, days) = app.get(&format!("/api/v1/shops/{}/calendar?from=2026-11-22&days=7", shop.id), None).await;
    let open: Vec<(String, bool)> = days
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["date"].as_str().unwrap().to_owned(), d["business_day"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        open,
        [
            ("2026-11-22", true),
            ("2026-11-23", true),
            ("2026-11-24", true),
            ("2026-11-25", false),
            ("2026-11-26", true),
            ("2026-11-27", false),
            ("2026-11-28", true)
        ]
        .map(|(d, b)| (d.to_owned(), b))
    );
    // A national holiday without an exception is closed.
    let (_, days) = app.get(&format!("/api/v1/shops/{}/calendar?from=2027-01-01&days=1", shop.id), None).await;
    assert_eq!((days[0]["business_day"].as_bool(), days[0]["holiday_ja"].as_str()), (Some(false), Some("元日")));
}

async fn cat01_calendar_edits_are_refused_for_other_shops_and_bad_input(backend: Backend) {
    let app = spawn_app(backend).await;
    let alpha = create_shop(&app, "alpha").await;
    let beta = create_shop(&app, "beta").await;
    let member = signup_member(&app, "m@example.test").await;
    let ok = json!({"closed_weekdays": [], "closed_on_holidays": false, "closed_dates": [], "open_dates": []});
    let path = format!("/api/v1/shops/{}/calendar", alpha.id);
    assert_eq!(app.put(&path, Some(&beta.owner.access_token), ok.clone()).await.0, 403, "another shop's staff");
    assert_eq!(app.put(&path, Some(&member.access_token), ok.clone()).await.0, 403, "a member");
    assert_eq!(app.put(&path, None, ok.clone()).await.0, 401);
    let operator = create_operator(&app).await;
    assert_eq!(app.put(&path, Some(&operator.access_token), ok.clone()).await.0, 200, "the operator may");
    let bad =
        json!({"closed_weekdays": ["someday"], "closed_on_holidays": false, "closed_dates": [], "open_dates": []});
    let (status, body) = app.put(&path, Some(&alpha.staff.access_token), bad).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["errors"]["closed_weekdays.0"].is_array(), "{body}");
    let both = json!({"closed_weekdays": [], "closed_on_holidays": false,
        "closed_dates": [{"date": "2026-12-01"}], "open_dates": [{"date": "2026-12-01"}]});
    assert_eq!(app.put(&path, Some(&alpha.staff.access_token), both).await.0, 422);
    let (status, _) = app.get(&format!("/api/v1/shops/{}/calendar?days=0", alpha.id), None).await;
    assert_eq!(status, 422);
    let (status, _) = app.get(&format!("/api/v1/shops/{}/calendar?from=tomorrow", alpha.id), None).await;
    assert_eq!(status, 422);
}

async fn cat01_calendar_answers_add_business_days(backend: Backend) {
    let app = spawn_app(backend).await;
    let shop = create_shop(&app, "alpha").await;
    let body = json!({"closed_weekdays": ["wed"], "closed_on_holidays": true, "closed_dates": [], "open_dates": []});
    app.put(&format!("/api/v1/shops/{}/calendar", shop.id), Some(&shop.owner.access_token), body).await;
    // From Sun 22 Nov: 23rd is a holiday, 25th a Wednesday → 24th, 26th, 27th.
    let (status, body) =
        app.get(&format!("/api/v1/shops/{}/calendar/add-business-days?from=2026-11-22&days=3", shop.id), None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["date"], "2026-11-27");
    let all = json!({"closed_weekdays": ["mon","tue","wed","thu","fri","sat","sun"], "closed_on_holidays": true, "closed_dates": [], "open_dates": []});
    app.put(&format!("/api/v1/shops/{}/calendar", shop.id), Some(&shop.owner.access_token), all).await;
    let (status, body) = app.get(&format!("/api/v1/shops/{}/calendar/add-business-days?days=1", shop.id), None).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("no_business_day")));
    let (status, _) = app.get(&format!("/api/v1/shops/{}/calendar/add-business-days", shop.id), None).await;
    assert_eq!(status, 422, "days is required");
}
