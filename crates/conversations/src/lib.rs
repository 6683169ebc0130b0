//! Order messages for every kind of order (MSG-01 to MSG-04): the thread between an order's member and
//! its shop, open while the order is in progress and for 30 days after it ended, the other side emailed
//! about each new message.
//!
//! The order's own crate says which thread an order has and whether it has ended ([`Conversation`]);
//! this crate holds the rules and the flow every kind shares, over messaging's thread store, the
//! member's address (accounts) and the shop's (catalog).

use chrono::{DateTime, Utc};
use kaimono_accounts::AccountError;
use kaimono_catalog::CatalogError;
use kaimono_core::{AccountId, Locale};
use kaimono_media::Storage;
use kaimono_messaging::{Email, Message, MessagingError, NewMessage, PreparedMessage, Side, Template, Thread};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};
use serde_json::json;

/// MSG-03: an order that ended takes messages this many days after it completed or was cancelled.
pub const MESSAGE_WINDOW_DAYS: i64 = 30;

/// One order's thread, as the order's crate presents it.
#[derive(Debug, Clone)]
pub struct Conversation {
    pub thread: Thread,
    /// The shop's name, for the emails.
    pub shop_name: String,
    /// MSG-03: whether it still takes messages.
    pub open: bool,
}

impl Conversation {
    /// MSG-03: an order in progress (`ended_at` none) takes messages; one that completed or was
    /// cancelled does for 30 days after.
    pub fn new(thread: Thread, shop_name: &str, ended_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Self {
        let open = ended_at.is_none_or(|ended| now - ended <= chrono::Duration::days(MESSAGE_WINDOW_DAYS));
        Self { thread, shop_name: shop_name.to_owned(), open }
    }
}

/// A thread as one side reads it.
#[derive(Debug, Clone)]
pub struct ThreadView {
    pub messages: Vec<Message>,
    /// MSG-03: whether it still takes messages.
    pub open: bool,
}

/// The thread, oldest first, as `reader` reads it: the other side's messages become read.
pub async fn read(
    db: &impl ConnectionTrait,
    conversation: &Conversation,
    reader: Side,
    now: DateTime<Utc>,
) -> Result<ThreadView, MessagingError> {
    let messages = kaimono_messaging::read_thread(db, &conversation.thread, reader, now).await?;
    Ok(ThreadView { messages, open: conversation.open })
}

/// MSG-01 to MSG-04: `author` writes on the thread `load` finds, with up to three files, and the other
/// side is emailed. `load` reads the order as the writer may see it (not found for anyone else's); a
/// closed thread answers [`MessagingError::MessagesClosed`]. The files are judged, re-encoded and stored
/// before the message is written in one transaction (which reads the order again, as it may have ended
/// meanwhile), and removed if it cannot be.
pub async fn send<E>(
    db: &DatabaseConnection,
    storage: &Storage,
    from: Side,
    author: AccountId,
    message: NewMessage,
    now: DateTime<Utc>,
    load: impl AsyncFn(&DatabaseTransaction) -> Result<Conversation, E>,
) -> Result<Message, E>
where
    E: From<MessagingError> + From<AccountError> + From<CatalogError> + From<DbErr>,
{
    // Refuse a closed thread before judging its files.
    let txn = db.begin().await?;
    let checked = load(&txn).await;
    txn.rollback().await?;
    ensure_open(&checked?)?;
    let message = kaimono_messaging::prepare_message(message).await?;
    kaimono_messaging::store_attachments(storage, &message).await?;
    let written = async {
        let txn = kaimono_entity::begin_write(db).await?;
        let conversation = load(&txn).await?;
        ensure_open(&conversation)?;
        let posted = post_and_notify::<E>(&txn, &conversation, from, author, &message, now).await?;
        txn.commit().await?;
        Ok(posted)
    }
    .await;
    if written.is_err() {
        kaimono_messaging::discard_attachments(storage, &message).await;
    }
    written
}

fn ensure_open(conversation: &Conversation) -> Result<(), MessagingError> {
    if conversation.open { Ok(()) } else { Err(MessagingError::MessagesClosed { days: MESSAGE_WINDOW_DAYS }) }
}

/// Writes `message` on the thread and emails the other side: the member, or the shop at its contact
/// address (MSG-04). For messages a use case writes itself (a receipt problem, a weight dispute).
pub async fn post_and_notify<E>(
    db: &impl ConnectionTrait,
    conversation: &Conversation,
    from: Side,
    author: AccountId,
    message: &PreparedMessage,
    now: DateTime<Utc>,
) -> Result<Message, E>
where
    E: From<MessagingError> + From<AccountError> + From<CatalogError>,
{
    let thread = &conversation.thread;
    let context = json!({
        "kind": thread.kind,
        "number": thread.number,
        "shop": conversation.shop_name,
        "title": message.title,
    });
    let posted = kaimono_messaging::post_message(db, thread, from, author, message, now).await?;
    match from {
        Side::Staff => {
            kaimono_accounts::notify_member(
                db,
                thread.member,
                thread.shop,
                Template::OrderMessageToMember,
                context,
                now,
            )
            .await?;
        }
        Side::Member => {
            let shop = kaimono_catalog::get_shop(db, thread.shop).await?;
            let email = Email::render(&shop.contact_email, Template::OrderMessageToShop, Locale::Ja, context)?;
            kaimono_messaging::enqueue(db, email, now).await?;
        }
    }
    Ok(posted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kaimono_core::ShopId;

    fn thread() -> Thread {
        Thread {
            kind: "order",
            id: uuid::Uuid::nil(),
            number: "K-1".into(),
            shop: ShopId(uuid::Uuid::nil()),
            member: AccountId(uuid::Uuid::nil()),
        }
    }

    // MSG-03: in progress, or ended at most 30 days ago.
    #[test]
    fn msg03_threads_close_thirty_days_after_the_order_ends() {
        let now = Utc::now();
        assert!(Conversation::new(thread(), "S", None, now).open);
        assert!(Conversation::new(thread(), "S", Some(now - chrono::Duration::days(30)), now).open);
        assert!(!Conversation::new(thread(), "S", Some(now - chrono::Duration::days(31)), now).open);
    }
}
