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
        }
    }

    fn source(self, locale: Locale) -> &'static str {
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
        }
    }
}

fn invalid(value: &str, error: impl std::fmt::Display) -> minijinja::Error {
    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, format!("{value:?} is not a date: {error}"))
}

/// An email ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub template: Template,
    pub locale: Locale,
    pub subject: String,
    pub body: String,
}

impl Email {
    /// Renders `template` in `locale` with `context` (plain text; values are inserted as they are).
    pub fn render(
        to: &str,
        template: Template,
        locale: Locale,
        context: impl Serialize,
    ) -> Result<Email, MessagingError> {
        let fail = |e: minijinja::Error| MessagingError::Template { template: template.name(), reason: e.to_string() };
        let mut env = minijinja::Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        // `{{ visit_date | date }}` for ISO dates, `{{ deadline | deadline }}` for RFC 3339 moments: read
        // as 2026年12月5日(土) / Sat 5 December 2026 in the member's language.
        env.add_filter("date", move |value: String| -> Result<String, minijinja::Error> {
            let date = value.parse::<chrono::NaiveDate>().map_err(|e| invalid(&value, e))?;
            Ok(kaimono_core::japan::date_label(date, locale))
        });
        env.add_filter("deadline", move |value: String| -> Result<String, minijinja::Error> {
            let at = chrono::DateTime::parse_from_rfc3339(&value).map_err(|e| invalid(&value, e))?;
            Ok(kaimono_core::japan::deadline_label(at.with_timezone(&chrono::Utc), locale))
        });
        let rendered = env.render_str(template.source(locale), context).map_err(fail)?;
        let (subject, body) = rendered.split_once('\n').unwrap_or((rendered.as_str(), ""));
        Ok(Email {
            to: to.to_owned(),
            template,
            locale,
            subject: subject.trim().to_owned(),
            body: body.trim_start_matches('\n').to_owned(),
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
    fn a_missing_value_is_an_error_not_an_empty_hole() {
        let err = Email::render("a@example.test", Template::Signup, Locale::Ja, serde_json::json!({})).unwrap_err();
        assert!(matches!(err, MessagingError::Template { template: "signup", .. }));
    }
}
