#![allow(clippy::unwrap_used)]

//! PAY-02, PAY-03: the Stripe-compatible client against a local HTTP double (wiremock): what it sends,
//! and how it reads approvals, declines, refusals and outages.

use kaimono_payments::{Charge, PaymentProvider, ProviderError, StripeClient};
use serde_json::json;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client() -> (MockServer, StripeClient) {
    let server = MockServer::start().await;
    let client = StripeClient::new(&server.uri(), "sk_test_123").unwrap();
    (server, client)
}

fn charge<'a>() -> Charge<'a> {
    Charge {
        customer_ref: "cus_1",
        card_ref: "pm_1",
        amount: 5256,
        idempotency_key: "pr_1-authorize-0",
        description: "kaimono 261122-8F3A2C1D",
    }
}

#[tokio::test]
async fn pay01_saving_a_card_creates_a_customer_and_confirms_a_setup_intent() {
    let (server, client) = client().await;
    Mock::given(method("POST"))
        .and(path("/v1/customers"))
        .and(header("authorization", "Bearer sk_test_123"))
        .and(body_string_contains("email=member%40example.jp"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "cus_1"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/setup_intents"))
        .and(body_string_contains("customer=cus_1"))
        .and(body_string_contains("payment_method=pm_card_visa"))
        .and(body_string_contains("usage=off_session"))
        .and(body_string_contains("confirm=true"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "seti_1", "status": "succeeded", "payment_method": "pm_1"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/payment_methods/pm_1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "pm_1",
            "card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030}
        })))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_methods/pm_1/detach"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "pm_1"})))
        .expect(1)
        .mount(&server)
        .await;

    let customer = client.create_customer(uuid::Uuid::nil(), "member@example.jp").await.unwrap();
    assert_eq!(customer, "cus_1");
    let card = client.save_card(&customer, "pm_card_visa").await.unwrap();
    assert_eq!((card.card_ref.as_str(), card.brand.as_str(), card.last4.as_str()), ("pm_1", "visa", "4242"));
    assert_eq!((card.exp_month, card.exp_year), (12, 2030));
    client.remove_card("pm_1").await.unwrap();
}

#[tokio::test]
async fn pay03_authorize_capture_void_and_refund_send_idempotency_keys() {
    let (server, client) = client().await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents"))
        .and(header("idempotency-key", "pr_1-authorize-0"))
        .and(body_string_contains("amount=5256"))
        .and(body_string_contains("currency=jpy"))
        .and(body_string_contains("capture_method=manual"))
        .and(body_string_contains("off_session=true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "pi_1", "status": "requires_capture"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents/pi_1/capture"))
        .and(header("idempotency-key", "pr_1-capture"))
        .and(body_string_contains("amount_to_capture=5256"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "pi_1", "status": "succeeded"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents/pi_2/cancel"))
        .and(header("idempotency-key", "pr_2-void"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "pi_2", "status": "canceled"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/refunds"))
        .and(header("idempotency-key", "pr_1-refund"))
        .and(body_string_contains("payment_intent=pi_1"))
        .and(body_string_contains("amount=1000"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "re_1", "status": "succeeded"})))
        .expect(1)
        .mount(&server)
        .await;

    assert_eq!(client.authorize(&charge()).await.unwrap(), "pi_1");
    client.capture("pi_1", 5256, "pr_1-capture").await.unwrap();
    client.void("pi_2", "pr_2-void").await.unwrap();
    assert_eq!(client.refund("pi_1", 1000, "pr_1-refund").await.unwrap(), "re_1");
}

#[tokio::test]
async fn pay03_a_decline_an_invalid_request_and_an_outage_are_told_apart() {
    let (server, client) = client().await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents"))
        .respond_with(ResponseTemplate::new(402).set_body_json(json!({
            "error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds", "message": "Your card has insufficient funds."}
        })))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents"))
        .respond_with(ResponseTemplate::new(503).set_body_string("upstream down"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "3").set_body_json(json!({
            "error": {"type": "rate_limit_error", "message": "Too many requests"}
        })))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/payment_intents/pi_x/capture"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "error": {"type": "invalid_request_error", "message": "No such payment_intent: 'pi_x'"}
        })))
        .mount(&server)
        .await;

    assert_eq!(
        client.authorize(&charge()).await,
        Err(ProviderError::Declined { code: "insufficient_funds".to_owned() })
    );
    assert!(matches!(client.authorize(&charge()).await, Err(ProviderError::Unavailable(_))));
    assert_eq!(client.authorize(&charge()).await, Err(ProviderError::RateLimited { retry_after_secs: 3 }));
    assert_eq!(
        client.capture("pi_x", 1, "k").await,
        Err(ProviderError::Invalid("No such payment_intent: 'pi_x'".to_owned()))
    );
}

#[tokio::test]
async fn pay02_an_unreachable_provider_is_unavailable_not_a_decline() {
    let client = StripeClient::new("http://127.0.0.1:9", "sk_test_123").unwrap();
    assert!(matches!(client.authorize(&charge()).await, Err(ProviderError::Unavailable(_))));
}

// PAY-07: a hosted page is a Checkout Session charging once, in yen, that comes back to kaimono; its
// webhooks are verified with the webhook secret.
#[tokio::test]
async fn pay07_a_checkout_session_charges_the_total_in_yen_and_comes_back() {
    use kaimono_payments::{CheckoutRequest, HostedCheckout};
    let server = MockServer::start().await;
    let client = StripeClient::new(&server.uri(), "sk_test_123").unwrap().with_webhook_secret("whsec_1");
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .and(header("authorization", "Bearer sk_test_123"))
        .and(header("idempotency-key", "checkout-0193a6f0"))
        .and(body_string_contains("mode=payment"))
        .and(body_string_contains("line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=jpy"))
        .and(body_string_contains("line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=5616"))
        .and(body_string_contains("client_reference_id=0193a6f0"))
        .and(body_string_contains("success_url=https%3A%2F%2Fkaimono.example%2Fproxy%2Forders%2F1%3Fcard%3Dpaid"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "cs_test_1", "url": "https://checkout.stripe.com/c/pay/cs_test_1"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let request = CheckoutRequest {
        amount: 5616,
        description: "かいもの代行 P261205 1次支払い",
        reference: "0193a6f0",
        success_url: "https://kaimono.example/proxy/orders/1?card=paid",
        cancel_url: "https://kaimono.example/proxy/orders/1/pay",
    };
    let session = client.create_session(&request).await.unwrap();
    assert_eq!(session.id, "cs_test_1");
    assert_eq!(session.url, "https://checkout.stripe.com/c/pay/cs_test_1");
    assert_eq!(client.webhook_secret(), b"whsec_1");

    // An outage is "unavailable", so the member can try again.
    server.reset().await;
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    assert!(matches!(client.create_session(&request).await, Err(ProviderError::Unavailable(_))));
}
