#[derive(Debug, thiserror::Error)]
pub enum MessagingError {
    #[error("email template {template} could not be rendered: {reason}")]
    Template { template: &'static str, reason: String },
    #[error("invalid mail configuration: {0}")]
    Config(String),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}
