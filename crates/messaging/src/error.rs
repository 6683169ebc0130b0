#[derive(Debug, thiserror::Error)]
pub enum MessagingError {
    #[error("email template {template} could not be rendered: {reason}")]
    Template { template: &'static str, reason: String },
    #[error("invalid mail configuration: {0}")]
    Config(String),
    /// MSG-02: more files than a message takes.
    #[error("a message takes at most {max} files")]
    TooManyAttachments { max: usize },
    /// MSG-02: the file at `index` is not a JPEG, PNG, GIF, WEBP or PDF (judged by its content).
    #[error("file {} is not a JPG, PNG, GIF, WEBP or PDF{}", .index + 1, .reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default())]
    UnsupportedAttachment { index: usize, reason: Option<String> },
    /// MSG-02: the file at `index` is larger than 10 MB.
    #[error("file {} is larger than 10 MB", .index + 1)]
    AttachmentTooLarge { index: usize },
    /// MSG-03: the order ended more than `days` days ago.
    #[error("messages are closed {days} days after an order ends")]
    MessagesClosed { days: i64 },
    /// SHOP-04: this email is not one a shop words itself.
    #[error("this email's wording is not the shop's to change")]
    NotEditable,
    /// SHOP-04: the template cannot be saved; what is wrong, per field.
    #[error("the template has problems: {0:?}")]
    InvalidTemplate(crate::TemplateProblems),
    #[error("no such file")]
    AttachmentNotFound,
    #[error(transparent)]
    Storage(#[from] kaimono_media::StorageError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}
