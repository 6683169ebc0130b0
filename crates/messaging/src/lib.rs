//! Email through an outbox (NOTIF-01).
//!
//! A use case that causes an email calls [`enqueue`] with the same connection (transaction) as its own
//! change, so the email exists exactly when the change does. The sender job ([`deliver_due`]) claims due
//! rows one at a time and delivers them over SMTP with retries and exponential backoff; a row is never
//! deleted, so nothing is lost while the SMTP server is down. This crate never sends inside a request.

mod attachments;
mod custom;
mod error;
mod outbox;
mod sender;
mod template;
mod threads;

pub use attachments::{
    Attachment, MAX_ATTACHMENTS, NewAttachment, NewMessage, PreparedMessage, attachment_file, discard_attachments,
    prepare_message, store_attachments,
};
pub use custom::{
    MAX_BODY_CHARS, MAX_SUBJECT_CHARS, MEMBER_TAGS, MailTemplateView, MemberFacts, ShopTemplate, TemplateProblems,
    mail_template_list, mail_template_view, preview, reset_shop_template, save_shop_template, shop_template,
};
pub use error::MessagingError;
pub use kaimono_core::EmailId;
pub use lettre::message::Mailbox;
pub use outbox::{OutboxEmail, OutboxStatus, enqueue, find, list_recent};
pub use sender::{DeliveryReport, Mailer, deliver_due};
pub use template::{Email, MailItem, Template};
pub use threads::{
    Message, Side, Thread, ThreadSummary, post_message, read_thread, shop_inbox, unread_by_member, unread_by_shop,
};
