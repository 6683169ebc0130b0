//! Wire types of order messages (MSG-01 to MSG-04), shared by every kind of order, and the shop's inbox
//! (SHOP-01).

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// Who wrote a message: the `member` or the shop's `staff`.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MessageAuthorDto {
    Member,
    Staff,
}

/// A message on an order's thread (MSG-01).
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderMessageResponse {
    /// The message's id.
    pub id: Uuid,
    /// Who wrote it.
    pub author: MessageAuthorDto,
    /// Its title.
    pub title: String,
    /// Its text.
    pub body: String,
    /// When it was sent.
    pub at: DateTime<Utc>,
    /// When the other side read it.
    pub read_at: Option<DateTime<Utc>>,
    /// MSG-02: its files, in order. Download one from the thread's `…/attachments/{attachment_id}`
    /// (`?preview=true` for a picture's small preview).
    pub attachments: Vec<AttachmentResponse>,
}

/// A file attached to a message (MSG-02).
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentResponse {
    /// The file's id.
    pub id: Uuid,
    /// Its name for the download, with the extension of what is stored (`写真.jpg`).
    pub file_name: String,
    /// `image/jpeg` (pictures are re-encoded) or `application/pdf`.
    pub content_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// A picture's width in pixels.
    pub width: Option<u32>,
    /// A picture's height in pixels.
    pub height: Option<u32>,
    /// Whether `?preview=true` serves a small preview (pictures).
    pub has_preview: bool,
}

impl From<kaimono_messaging::Attachment> for AttachmentResponse {
    fn from(a: kaimono_messaging::Attachment) -> Self {
        Self {
            id: a.id,
            file_name: a.file_name,
            content_type: a.content_type,
            size: a.byte_size,
            width: a.width,
            height: a.height,
            has_preview: a.has_preview,
        }
    }
}

/// An order's thread, oldest first, and whether it still takes messages (MSG-03).
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderThreadResponse {
    /// The messages, oldest first.
    pub messages: Vec<OrderMessageResponse>,
    /// False once the order ended more than 30 days ago.
    pub accepts_messages: bool,
}

impl From<kaimono_messaging::Side> for MessageAuthorDto {
    fn from(side: kaimono_messaging::Side) -> Self {
        match side {
            kaimono_messaging::Side::Member => MessageAuthorDto::Member,
            kaimono_messaging::Side::Staff => MessageAuthorDto::Staff,
        }
    }
}

impl From<kaimono_messaging::Message> for OrderMessageResponse {
    fn from(m: kaimono_messaging::Message) -> Self {
        Self {
            id: m.id,
            author: m.author.into(),
            title: m.title,
            body: m.body,
            at: m.at,
            read_at: m.read_at,
            attachments: m.attachments.into_iter().map(AttachmentResponse::from).collect(),
        }
    }
}

impl From<kaimono_conversations::ThreadView> for OrderThreadResponse {
    fn from(view: kaimono_conversations::ThreadView) -> Self {
        Self { messages: view.messages.into_iter().map(Into::into).collect(), accepts_messages: view.open }
    }
}

/// What a thread is about: a delivery `order`, a `reservation` or a `proxy_order`.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThreadKindDto {
    Order,
    Reservation,
    ProxyOrder,
}

/// A thread of the shop's inbox (SHOP-01).
#[derive(Debug, Serialize, ToSchema)]
pub struct InboxThreadResponse {
    /// What it is about.
    pub kind: ThreadKindDto,
    /// The order, reservation or proxy order it is about.
    pub order_id: Uuid,
    /// Its number (a reservation's pickup number).
    pub order_number: String,
    /// The latest message's title.
    pub last_title: String,
    /// Who wrote the latest message.
    pub last_author: MessageAuthorDto,
    /// When.
    pub last_at: DateTime<Utc>,
    /// The member's messages staff have not read.
    pub unread: u64,
}

impl InboxThreadResponse {
    /// A thread of a kind this build knows; others are left out.
    pub fn new(t: kaimono_messaging::ThreadSummary) -> Option<Self> {
        let kind = match t.kind.as_str() {
            "order" => ThreadKindDto::Order,
            "reservation" => ThreadKindDto::Reservation,
            "proxy_order" => ThreadKindDto::ProxyOrder,
            _ => return None,
        };
        Some(Self {
            kind,
            order_id: t.id,
            order_number: t.number,
            last_title: t.last_title,
            last_author: t.last_author.into(),
            last_at: t.last_at,
            unread: t.unread,
        })
    }
}
