//! Email templates, compiled into the binary: one per event and language. The first line is the subject.

use crate::error::MessagingError;
use kaimono_core::Locale;
use serde::Serialize;

/// Every email kaimono sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// ACC-01: the one-time registration link.
    Signup,
    /// ACC-01: registration completed.
    Welcome,
    /// ACC-03: the one-time password-reset link.
    PasswordReset,
    /// ACC-04: an invitation to a shop's staff, with its one-time link.
    StaffInvitation,
    /// CART-02: the order was placed, unpaid, waiting for the shop's stock check.
    OrderReceived,
    /// ORD-01: the shop could not supply some lines (or any: the order is cancelled).
    OrderLinesRejected,
    /// ORD-02: stock secured; the payment URL and its limit.
    OrderPaymentRequested,
    /// ORD-03: shipped, with carrier and tracking number.
    OrderShipped,
    /// ORD-05 and cancellations: by the member, by the shop, or an expired payment request.
    OrderCancelled,
    /// PAY-03: an order or prepaid reservation was paid.
    PaymentReceived,
    /// RSV-01: the reservation request, waiting for the shop's stock check.
    ReservationReceived,
    /// RSV-02, RSV-04: held, with the pickup number, the hold deadline and (prepaid) the payment URL.
    ReservationConfirmed,
    /// RSV-02: the shop cannot supply the item.
    ReservationUnavailable,
    /// RSV-05, RSV-06: cancelled by the member, at the hold deadline, or for want of payment.
    ReservationCancelled,
    /// PRX-01: the quote, with the 1st invoice and its deadline.
    ProxyQuoted,
    /// PAY-05, PAY-06: a proxy order's 1st or 2nd invoice is paid.
    ProxyPaymentReceived,
    /// PRX-03: a day before an unpaid quote is cancelled.
    ProxyPaymentReminder,
    /// PRX-03: cancelled by the member, unpaid 7 days after the quote, or with no items left.
    ProxyCancelled,
    /// PRX-08: the parcel was weighed; the 2nd invoice (international shipping).
    ProxySecondInvoice,
    /// PRX-08: shipped with carrier and tracking number.
    ProxyShipped,
    /// PRX-06: every item of a proxy order has been bought from its seller.
    ProxyItemsPurchased,
    /// PRX-06: every item is inspected; the photos are on the order.
    ProxyInspected,
    /// PAY-06: a paid item the seller could not supply was cancelled and refunded to the deposit.
    ProxyItemRefunded,
    /// PRX-09: completed 30 days after shipping without a receipt report.
    ProxyCompleted,
    /// MSG-04: the shop wrote on the order's thread.
    OrderMessageToMember,
    /// MSG-04: the member wrote on the order's thread (to the shop's contact address).
    OrderMessageToShop,
    /// SUB-01: the subscription is placed (定期購入自動返信メール), with its first order.
    SubscriptionPlaced,
    /// SUB-10: a member changed a subscription on My Page (to the shop's contact address).
    SubscriptionChangedByMember,
    /// SUB-04: a generated order's card authorization failed; the link to pay it with another card.
    SubscriptionAuthorizationFailed,
    /// SUB-11: the subscription's card nears or passed its expiry.
    SubscriptionCardExpiry,
    /// Issue 12, item 10: the shop raised a later price, which waits for the member's consent.
    SubscriptionPriceRaised,
}

impl Template {
    pub fn name(self) -> &'static str {
        match self {
            Template::Signup => "signup",
            Template::Welcome => "welcome",
            Template::PasswordReset => "password_reset",
            Template::StaffInvitation => "staff_invitation",
            Template::OrderReceived => "order_received",
            Template::OrderLinesRejected => "order_lines_rejected",
            Template::OrderPaymentRequested => "order_payment_requested",
            Template::OrderShipped => "order_shipped",
            Template::OrderCancelled => "order_cancelled",
            Template::PaymentReceived => "payment_received",
            Template::ReservationReceived => "reservation_received",
            Template::ReservationConfirmed => "reservation_confirmed",
            Template::ReservationUnavailable => "reservation_unavailable",
            Template::ReservationCancelled => "reservation_cancelled",
            Template::ProxyQuoted => "proxy_quoted",
            Template::ProxyPaymentReceived => "proxy_payment_received",
            Template::ProxyCancelled => "proxy_cancelled",
            Template::ProxyPaymentReminder => "proxy_payment_reminder",
            Template::ProxySecondInvoice => "proxy_second_invoice",
            Template::ProxyShipped => "proxy_shipped",
            Template::ProxyItemsPurchased => "proxy_items_purchased",
            Template::ProxyInspected => "proxy_inspected",
            Template::ProxyItemRefunded => "proxy_item_refunded",
            Template::ProxyCompleted => "proxy_completed",
            Template::OrderMessageToMember => "order_message_to_member",
            Template::OrderMessageToShop => "order_message_to_shop",
            Template::SubscriptionPlaced => "subscription_placed",
            Template::SubscriptionChangedByMember => "subscription_changed_by_member",
            Template::SubscriptionAuthorizationFailed => "subscription_authorization_failed",
            Template::SubscriptionCardExpiry => "subscription_card_expiry",
            Template::SubscriptionPriceRaised => "subscription_price_raised",
        }
    }

    pub(crate) fn source(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Template::Signup, Locale::Ja) => include_str!("../templates/signup.ja.txt"),
            (Template::Signup, Locale::En) => include_str!("../templates/signup.en.txt"),
            (Template::Welcome, Locale::Ja) => include_str!("../templates/welcome.ja.txt"),
            (Template::Welcome, Locale::En) => include_str!("../templates/welcome.en.txt"),
            (Template::PasswordReset, Locale::Ja) => include_str!("../templates/password_reset.ja.txt"),
            (Template::PasswordReset, Locale::En) => include_str!("../templates/password_reset.en.txt"),
            (Template::StaffInvitation, Locale::Ja) => include_str!("../templates/staff_invitation.ja.txt"),
            (Template::StaffInvitation, Locale::En) => include_str!("../templates/staff_invitation.en.txt"),
            (Template::OrderReceived, Locale::Ja) => include_str!("../templates/order_received.ja.txt"),
            (Template::OrderReceived, Locale::En) => include_str!("../templates/order_received.en.txt"),
            (Template::OrderLinesRejected, Locale::Ja) => include_str!("../templates/order_lines_rejected.ja.txt"),
            (Template::OrderLinesRejected, Locale::En) => include_str!("../templates/order_lines_rejected.en.txt"),
            (Template::OrderPaymentRequested, Locale::Ja) => {
                include_str!("../templates/order_payment_requested.ja.txt")
            }
            (Template::OrderPaymentRequested, Locale::En) => {
                include_str!("../templates/order_payment_requested.en.txt")
            }
            (Template::OrderShipped, Locale::Ja) => include_str!("../templates/order_shipped.ja.txt"),
            (Template::OrderShipped, Locale::En) => include_str!("../templates/order_shipped.en.txt"),
            (Template::OrderCancelled, Locale::Ja) => include_str!("../templates/order_cancelled.ja.txt"),
            (Template::OrderCancelled, Locale::En) => include_str!("../templates/order_cancelled.en.txt"),
            (Template::PaymentReceived, Locale::Ja) => include_str!("../templates/payment_received.ja.txt"),
            (Template::PaymentReceived, Locale::En) => include_str!("../templates/payment_received.en.txt"),
            (Template::ReservationReceived, Locale::Ja) => include_str!("../templates/reservation_received.ja.txt"),
            (Template::ReservationReceived, Locale::En) => include_str!("../templates/reservation_received.en.txt"),
            (Template::ReservationConfirmed, Locale::Ja) => include_str!("../templates/reservation_confirmed.ja.txt"),
            (Template::ReservationConfirmed, Locale::En) => include_str!("../templates/reservation_confirmed.en.txt"),
            (Template::ReservationUnavailable, Locale::Ja) => {
                include_str!("../templates/reservation_unavailable.ja.txt")
            }
            (Template::ReservationUnavailable, Locale::En) => {
                include_str!("../templates/reservation_unavailable.en.txt")
            }
            (Template::ReservationCancelled, Locale::Ja) => include_str!("../templates/reservation_cancelled.ja.txt"),
            (Template::ReservationCancelled, Locale::En) => include_str!("../templates/reservation_cancelled.en.txt"),
            (Template::ProxyQuoted, Locale::Ja) => include_str!("../templates/proxy_quoted.ja.txt"),
            (Template::ProxyQuoted, Locale::En) => include_str!("../templates/proxy_quoted.en.txt"),
            (Template::ProxyPaymentReceived, Locale::Ja) => include_str!("../templates/proxy_payment_received.ja.txt"),
            (Template::ProxyPaymentReceived, Locale::En) => include_str!("../templates/proxy_payment_received.en.txt"),
            (Template::ProxyPaymentReminder, Locale::Ja) => include_str!("../templates/proxy_payment_reminder.ja.txt"),
            (Template::ProxyPaymentReminder, Locale::En) => include_str!("../templates/proxy_payment_reminder.en.txt"),
            (Template::ProxyCancelled, Locale::Ja) => include_str!("../templates/proxy_cancelled.ja.txt"),
            (Template::ProxyCancelled, Locale::En) => include_str!("../templates/proxy_cancelled.en.txt"),
            (Template::ProxySecondInvoice, Locale::Ja) => include_str!("../templates/proxy_second_invoice.ja.txt"),
            (Template::ProxySecondInvoice, Locale::En) => include_str!("../templates/proxy_second_invoice.en.txt"),
            (Template::ProxyItemsPurchased, Locale::Ja) => include_str!("../templates/proxy_items_purchased.ja.txt"),
            (Template::ProxyItemsPurchased, Locale::En) => include_str!("../templates/proxy_items_purchased.en.txt"),
            (Template::ProxyInspected, Locale::Ja) => include_str!("../templates/proxy_inspected.ja.txt"),
            (Template::ProxyInspected, Locale::En) => include_str!("../templates/proxy_inspected.en.txt"),
            (Template::ProxyItemRefunded, Locale::Ja) => include_str!("../templates/proxy_item_refunded.ja.txt"),
            (Template::ProxyItemRefunded, Locale::En) => include_str!("../templates/proxy_item_refunded.en.txt"),
            (Template::ProxyShipped, Locale::Ja) => include_str!("../templates/proxy_shipped.ja.txt"),
            (Template::ProxyShipped, Locale::En) => include_str!("../templates/proxy_shipped.en.txt"),
            (Template::ProxyCompleted, Locale::Ja) => include_str!("../templates/proxy_completed.ja.txt"),
            (Template::ProxyCompleted, Locale::En) => include_str!("../templates/proxy_completed.en.txt"),
            (Template::OrderMessageToMember, Locale::Ja) => include_str!("../templates/order_message_to_member.ja.txt"),
            (Template::OrderMessageToMember, Locale::En) => include_str!("../templates/order_message_to_member.en.txt"),
            (Template::OrderMessageToShop, Locale::Ja) => include_str!("../templates/order_message_to_shop.ja.txt"),
            (Template::OrderMessageToShop, Locale::En) => include_str!("../templates/order_message_to_shop.en.txt"),
            (Template::SubscriptionPlaced, Locale::Ja) => include_str!("../templates/subscription_placed.ja.txt"),
            (Template::SubscriptionPlaced, Locale::En) => include_str!("../templates/subscription_placed.en.txt"),
            (Template::SubscriptionChangedByMember, Locale::Ja) => {
                include_str!("../templates/subscription_changed_by_member.ja.txt")
            }
            (Template::SubscriptionChangedByMember, Locale::En) => {
                include_str!("../templates/subscription_changed_by_member.en.txt")
            }
            (Template::SubscriptionAuthorizationFailed, Locale::Ja) => {
                include_str!("../templates/subscription_authorization_failed.ja.txt")
            }
            (Template::SubscriptionAuthorizationFailed, Locale::En) => {
                include_str!("../templates/subscription_authorization_failed.en.txt")
            }
            (Template::SubscriptionCardExpiry, Locale::Ja) => {
                include_str!("../templates/subscription_card_expiry.ja.txt")
            }
            (Template::SubscriptionCardExpiry, Locale::En) => {
                include_str!("../templates/subscription_card_expiry.en.txt")
            }
            (Template::SubscriptionPriceRaised, Locale::Ja) => {
                include_str!("../templates/subscription_price_raised.ja.txt")
            }
            (Template::SubscriptionPriceRaised, Locale::En) => {
                include_str!("../templates/subscription_price_raised.en.txt")
            }
        }
    }
}

fn invalid(value: &str, error: impl std::fmt::Display) -> minijinja::Error {
    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, format!("{value:?} is not a date: {error}"))
}

/// A line of goods in an email: what it is, and its picture as a site-relative path (`/media/…`), which
/// the sender makes absolute with the public URL. Templates write `{{ item | goods("・") }}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MailItem {
    pub label: String,
    pub picture: Option<String>,
}

impl MailItem {
    /// Goods as emails name them: "Name (color / size) × n", with the product's picture.
    pub fn goods(
        name: &str,
        color: &str,
        size: &str,
        quantity: impl std::fmt::Display,
        picture: Option<String>,
    ) -> Self {
        MailItem { label: format!("{name} ({color} / {size}) × {quantity}"), picture }
    }

    /// The same, with the line's total after it.
    pub fn priced(self, total: kaimono_core::Money) -> Self {
        MailItem { label: format!("{}  {total}", self.label), ..self }
    }
}

/// An email ready for the outbox: plain text, and the same text as HTML with pictures and clickable links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub template: Template,
    pub locale: Locale,
    pub subject: String,
    pub body: String,
    /// A whole HTML document; every value in it is escaped.
    pub html: String,
}

/// How one template source is rendered: as plain text, or as HTML with every value escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Text,
    Html,
    /// SHOP-04: the default turned into `[TAG]`s — values (already tags) pass every filter unchanged,
    /// goods as their label alone.
    Tags,
}

/// The environment that turns a default template into a shop's starting text.
pub(crate) fn tag_environment() -> minijinja::Environment<'static> {
    environment(Locale::Ja, Form::Tags)
}

fn environment(locale: Locale, form: Form) -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_auto_escape_callback(move |_| match form {
        Form::Text | Form::Tags => minijinja::AutoEscape::None,
        Form::Html => minijinja::AutoEscape::Html,
    });
    // `{{ visit_date | date }}` for ISO dates, `{{ deadline | deadline }}` for RFC 3339 moments: read
    // as 2026年12月5日(土) / Sat 5 December 2026 in the member's language.
    env.add_filter("date", move |value: String| -> Result<String, minijinja::Error> {
        if form == Form::Tags {
            return Ok(value);
        }
        let date = value.parse::<chrono::NaiveDate>().map_err(|e| invalid(&value, e))?;
        Ok(kaimono_core::japan::date_label(date, locale))
    });
    env.add_filter("deadline", move |value: String| -> Result<String, minijinja::Error> {
        if form == Form::Tags {
            return Ok(value);
        }
        let at = chrono::DateTime::parse_from_rfc3339(&value).map_err(|e| invalid(&value, e))?;
        Ok(kaimono_core::japan::deadline_label(at.with_timezone(&chrono::Utc), locale))
    });
    // `{{ url | link }}`: the address as it is in text, a link in HTML.
    env.add_filter("link", move |url: String| -> minijinja::Value {
        match form {
            Form::Text | Form::Tags => minijinja::Value::from(url),
            Form::Html => {
                let url = escape(&url);
                minijinja::Value::from_safe_string(format!(r#"<a href="{url}" style="color:#0b57d0">{url}</a>"#))
            }
        }
    });
    // `{{ item | goods("・") }}`: the item's label after the bullet in text; in HTML, its picture beside
    // the label when it has one (in place of the bullet), else the same as in text.
    env.add_filter(
        "goods",
        move |item: minijinja::Value, bullet: Option<String>| -> Result<minijinja::Value, minijinja::Error> {
            let label = item.get_attr("label")?.to_string();
            let bullet = bullet.unwrap_or_default();
            let picture = item.get_attr("picture")?;
            Ok(match (form, picture.as_str()) {
                (Form::Tags, _) => minijinja::Value::from(label),
                (Form::Text, _) => minijinja::Value::from(format!("{bullet}{label}")),
                (Form::Html, None) => minijinja::Value::from_safe_string(escape(&format!("{bullet}{label}"))),
                (Form::Html, Some(path)) => minijinja::Value::from_safe_string(format!(
                    concat!(
                        r#"<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:6px 0"><tr>"#,
                        r#"<td style="width:64px;padding:0 12px 0 0;vertical-align:middle"><img src="{}" alt="" width="64" height="64" style="display:block;width:64px;height:64px;object-fit:cover;border-radius:6px"></td>"#,
                        r#"<td style="vertical-align:middle">{}</td></tr></table>"#
                    ),
                    escape(path),
                    escape(&label)
                )),
            })
        },
    );
    env
}

/// Escapes a value for an HTML attribute or text, leaving `/` as it is (minijinja's escaping also
/// encodes it, which would hide site-relative paths from the sender that makes them absolute).
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The rendered HTML body as a document: blank lines separate paragraphs, line breaks are kept.
pub(crate) fn document(locale: Locale, subject: &str, body: &str) -> String {
    let paragraphs: String = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines = p.lines().collect::<Vec<_>>().join("<br>\n").replace("</table><br>", "</table>");
            format!("<div style=\"margin:0 0 16px\">{lines}</div>\n")
        })
        .collect();
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{subject}</title></head>
<body style="margin:0;padding:24px 12px;background:#f4f4f2">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px;color:#1f1f1f;font-family:'Hiragino Sans','Noto Sans JP',Meiryo,sans-serif;font-size:15px;line-height:1.7">
{paragraphs}</div>
</body>
</html>
"#,
        lang = locale.as_str(),
    )
}

impl Email {
    /// Renders `template` in `locale` with `context`: the plain text with values as they are, and the
    /// HTML with every value escaped.
    pub fn render(
        to: &str,
        template: Template,
        locale: Locale,
        context: impl Serialize,
    ) -> Result<Email, MessagingError> {
        let fail = |e: minijinja::Error| MessagingError::Template { template: template.name(), reason: e.to_string() };
        let context = minijinja::Value::from_serialize(context);
        let render = |form: Form| -> Result<(String, String), MessagingError> {
            let rendered = environment(locale, form).render_str(template.source(locale), &context).map_err(fail)?;
            let (subject, body) = rendered.split_once('\n').unwrap_or((rendered.as_str(), ""));
            Ok((subject.trim().to_owned(), body.trim_start_matches('\n').to_owned()))
        };
        let (subject, body) = render(Form::Text)?;
        let (html_subject, html_body) = render(Form::Html)?;
        Ok(Email {
            to: to.to_owned(),
            template,
            locale,
            html: document(locale, &html_subject, &html_body),
            subject,
            body,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_render_in_japanese_and_english_with_the_subject_on_the_first_line() {
        let ctx = serde_json::json!({"link": "https://example.test/x", "expires_hours": 24});
        let ja = Email::render("a@example.test", Template::Signup, Locale::Ja, &ctx).unwrap();
        assert_eq!(ja.subject, "【kaimono】会員登録のご案内");
        assert!(ja.body.contains("https://example.test/x"));
        assert!(ja.body.contains("24 時間"));
        let en = Email::render("a@example.test", Template::Signup, Locale::En, &ctx).unwrap();
        assert_eq!(en.subject, "[kaimono] Complete your registration");
    }

    #[test]
    fn the_html_part_escapes_every_value_and_shows_pictures_and_links() {
        let ctx = serde_json::json!({
            "name": "速水 一",
            "number": "K-1",
            "shop": "<script>alert(1)</script>",
            "items": [
                MailItem::goods("シャツ \"白\"", "白", "M", 2, Some("/media/p-1-320w-abc.jpg".into())),
                MailItem::goods("靴下", "黒", "F", 1, None),
            ],
            "shipping_fee": null,
            "total": "¥3,000",
            "url": "https://shop.example/pay/x?a=1&b=2",
            "expires": "2026-12-05T14:59:59Z",
        });
        let mail = Email::render("a@example.test", Template::OrderPaymentRequested, Locale::Ja, &ctx).unwrap();
        assert!(mail.body.contains("<script>"), "the text part is plain text, as it was written");
        assert!(!mail.body.contains("<img") && !mail.body.contains("<a "));
        assert!(mail.body.contains("・シャツ \"白\" (白 / M) × 2"));
        assert!(!mail.html.contains("<script>"));
        assert!(mail.html.contains("&lt;script&gt;"));
        assert!(mail.html.contains(r#"<img src="/media/p-1-320w-abc.jpg" alt="""#));
        assert!(mail.html.contains("シャツ &quot;白&quot;"));
        assert_eq!(mail.html.matches("<img").count(), 1, "only the item with a picture shows one");
        assert!(mail.html.contains("・靴下 (黒 / F) × 1"), "an item without one keeps its bullet");
        assert!(mail.html.contains(r#"<a href="https://shop.example/pay/x?a=1&amp;b=2""#));
        assert!(mail.html.starts_with("<!doctype html>\n<html lang=\"ja\">"));
        assert!(mail.html.contains("<title>【kaimono】在庫を確保しました。"));
        assert!(mail.html.contains("2026年12月5日(土)"));
    }

    #[test]
    fn a_missing_value_is_an_error_not_an_empty_hole() {
        let err = Email::render("a@example.test", Template::Signup, Locale::Ja, serde_json::json!({})).unwrap_err();
        assert!(matches!(err, MessagingError::Template { template: "signup", .. }));
    }
}
