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
    /// CART-02: the order was placed, unpaid, waiting for the shop's stock check.
    OrderReceived,
    /// ORD-01: the shop could not supply some lines (or any: the order is cancelled).
    OrderLinesRejected,
}

impl Template {
    pub fn name(self) -> &'static str {
        match self {
            Template::Signup => "signup",
            Template::Welcome => "welcome",
            Template::PasswordReset => "password_reset",
            Template::OrderReceived => "order_received",
            Template::OrderLinesRejected => "order_lines_rejected",
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
            (Template::OrderReceived, Locale::Ja) => include_str!("../templates/order_received.ja.txt"),
            (Template::OrderReceived, Locale::En) => include_str!("../templates/order_received.en.txt"),
            (Template::OrderLinesRejected, Locale::Ja) => include_str!("../templates/order_lines_rejected.ja.txt"),
            (Template::OrderLinesRejected, Locale::En) => include_str!("../templates/order_lines_rejected.en.txt"),
        }
    }
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
