//! Files attached to order messages (MSG-02): JPEG, PNG, GIF, WEBP or PDF judged by content, at most
//! three per message and 10 MB each; pictures are re-encoded (metadata dropped) with a preview. They are
//! prepared and stored before the message is written, outside any transaction, and removed again if the
//! message cannot be written.

use crate::error::MessagingError;
use crate::threads::Thread;
use bytes::Bytes;
use kaimono_entity::{message_attachment, order_message};
use kaimono_media::{FileKind, ImageError, PreparedFile, Storage};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

/// MSG-02: the most files one message takes.
pub const MAX_ATTACHMENTS: usize = 3;
const MAX_FILE_NAME_CHARS: usize = 100;

/// A file as uploaded.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub file_name: String,
    pub bytes: Bytes,
}

/// A file attached to a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: Uuid,
    /// The sender's name for it, with the extension of what is stored (`写真.jpg`, `見積.pdf`).
    pub file_name: String,
    pub content_type: String,
    pub byte_size: u64,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub has_preview: bool,
    storage_name: String,
    preview_name: Option<String>,
}

/// A message as written (validated by the caller: title 1–100, body 1–5,000 characters) with its files.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub title: String,
    pub body: String,
    pub files: Vec<NewAttachment>,
}

/// A message whose files are judged and re-encoded, ready to store and post.
#[derive(Debug)]
pub struct PreparedMessage {
    pub title: String,
    pub body: String,
    files: Vec<(String, PreparedFile)>,
}

impl PreparedMessage {
    fn names(&self) -> impl Iterator<Item = &str> {
        self.files
            .iter()
            .flat_map(|(_, f)| std::iter::once(f.file.name.as_str()).chain(f.preview.as_ref().map(|p| p.name.as_str())))
    }
}

/// A name safe to offer in a download: no folders or control characters, at most 100 characters, with
/// the extension of what is stored.
fn clean_name(name: &str, kind: FileKind) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let stem: String =
        stem.chars().filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*')).collect();
    let stem = stem.trim();
    let stem: String =
        if stem.is_empty() { "file".to_owned() } else { stem.chars().take(MAX_FILE_NAME_CHARS - 4).collect() };
    format!("{stem}.{}", kind.extension())
}

/// MSG-02: judges and re-encodes the message's files, off the async runtime; the first bad one is named
/// by its position.
pub async fn prepare_message(message: NewMessage) -> Result<PreparedMessage, MessagingError> {
    let NewMessage { title, body, files } = message;
    if files.len() > MAX_ATTACHMENTS {
        return Err(MessagingError::TooManyAttachments { max: MAX_ATTACHMENTS });
    }
    let mut prepared = Vec::with_capacity(files.len());
    for (index, file) in files.into_iter().enumerate() {
        let prefix = format!("m-{}", Uuid::now_v7());
        let bytes = file.bytes;
        let result = tokio::task::spawn_blocking(move || kaimono_media::prepare_file(&bytes, &prefix, true))
            .await
            .map_err(|e| MessagingError::UnsupportedAttachment { index, reason: Some(format!("worker: {e}")) })?;
        let ready = result.map_err(|e| match e {
            ImageError::TooLarge => MessagingError::AttachmentTooLarge { index },
            ImageError::Unsupported(looks_like) => MessagingError::UnsupportedAttachment { index, reason: looks_like },
            ImageError::Unreadable(reason) => MessagingError::UnsupportedAttachment { index, reason: Some(reason) },
        })?;
        prepared.push((clean_name(&file.file_name, ready.kind), ready));
    }
    Ok(PreparedMessage { title, body, files: prepared })
}

/// Stores the prepared files; on a failure, removes what was stored.
pub async fn store_attachments(storage: &Storage, message: &PreparedMessage) -> Result<(), MessagingError> {
    let mut stored = Vec::new();
    for (_, file) in &message.files {
        for part in std::iter::once(&file.file).chain(file.preview.as_ref()) {
            if let Err(e) = storage.put(&part.name, part.bytes.clone()).await {
                for name in stored {
                    let _ = storage.delete(name).await;
                }
                return Err(e.into());
            }
            stored.push(part.name.as_str());
        }
    }
    Ok(())
}

/// Removes stored files whose message could not be written.
pub async fn discard_attachments(storage: &Storage, message: &PreparedMessage) {
    for name in message.names() {
        if let Err(e) = storage.delete(name).await {
            tracing::warn!(%name, error = %e, "an attachment of an unwritten message could not be removed");
        }
    }
}

/// Records the stored files as `message`'s attachments, in order.
pub(crate) async fn attach(
    db: &impl ConnectionTrait,
    message: Uuid,
    files: &PreparedMessage,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<Attachment>, MessagingError> {
    let mut attached = Vec::with_capacity(files.files.len());
    for (position, (file_name, file)) in files.files.iter().enumerate() {
        let image = file.kind == FileKind::Image;
        let row = message_attachment::Model {
            id: Uuid::now_v7(),
            message_id: message,
            position: i32::try_from(position).unwrap_or(i32::MAX),
            file_name: file_name.clone(),
            content_type: file.kind.content_type().to_owned(),
            byte_size: i64::try_from(file.file.bytes.len()).unwrap_or(i64::MAX),
            storage_name: file.file.name.clone(),
            preview_name: file.preview.as_ref().map(|p| p.name.clone()),
            width: image.then(|| i32::try_from(file.file.width).unwrap_or(i32::MAX)),
            height: image.then(|| i32::try_from(file.file.height).unwrap_or(i32::MAX)),
            created_at: now,
        };
        message_attachment::Entity::insert(message_attachment::ActiveModel::from(row.clone()))
            .exec_without_returning(db)
            .await?;
        attached.push(to_attachment(row));
    }
    Ok(attached)
}

fn to_attachment(row: message_attachment::Model) -> Attachment {
    Attachment {
        id: row.id,
        file_name: row.file_name,
        content_type: row.content_type,
        byte_size: u64::try_from(row.byte_size).unwrap_or_default(),
        width: row.width.and_then(|w| u32::try_from(w).ok()),
        height: row.height.and_then(|h| u32::try_from(h).ok()),
        has_preview: row.preview_name.is_some(),
        storage_name: row.storage_name,
        preview_name: row.preview_name,
    }
}

/// The attachments of `messages`, by message, in order.
pub(crate) async fn attachments_of(
    db: &impl ConnectionTrait,
    messages: Vec<Uuid>,
) -> Result<HashMap<Uuid, Vec<Attachment>>, MessagingError> {
    let mut by_message: HashMap<Uuid, Vec<Attachment>> = HashMap::new();
    if messages.is_empty() {
        return Ok(by_message);
    }
    let rows = message_attachment::Entity::find()
        .filter(message_attachment::Column::MessageId.is_in(messages))
        .order_by_asc(message_attachment::Column::MessageId)
        .order_by_asc(message_attachment::Column::Position)
        .all(db)
        .await?;
    for row in rows {
        by_message.entry(row.message_id).or_default().push(to_attachment(row));
    }
    Ok(by_message)
}

/// MSG-02: one file of `thread` with its bytes (its preview with `preview`), for the thread's two sides
/// only — the caller has checked that the reader is one of them.
pub async fn attachment_file(
    db: &impl ConnectionTrait,
    storage: &Storage,
    thread: &Thread,
    id: Uuid,
    preview: bool,
) -> Result<(Attachment, Bytes), MessagingError> {
    let row = message_attachment::Entity::find_by_id(id).one(db).await?.ok_or(MessagingError::AttachmentNotFound)?;
    let message = order_message::Entity::find_by_id(row.message_id)
        .filter(order_message::Column::SubjectKind.eq(thread.kind))
        .filter(order_message::Column::SubjectId.eq(thread.id))
        .one(db)
        .await?;
    if message.is_none() {
        return Err(MessagingError::AttachmentNotFound);
    }
    let attachment = to_attachment(row);
    let name = match (&attachment.preview_name, preview) {
        (Some(preview), true) => preview,
        _ => &attachment.storage_name,
    };
    let bytes = storage.get(name).await?.ok_or(MessagingError::AttachmentNotFound)?;
    Ok((attachment, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    // MSG-02: the download name has no folders and the stored file's extension.
    #[test]
    fn msg02_download_names_are_cleaned() {
        assert_eq!(clean_name("写真.png", FileKind::Image), "写真.jpg");
        assert_eq!(clean_name("../../etc/passwd.pdf", FileKind::Pdf), "passwd.pdf");
        assert_eq!(clean_name("C:\\Users\\a\\見積\"1\".PDF", FileKind::Pdf), "見積1.pdf");
        assert_eq!(clean_name("", FileKind::Image), "file.jpg");
        assert_eq!(clean_name(&"あ".repeat(300), FileKind::Image).chars().count(), 100);
    }
}
