//! Stored files and the images among them. One port, [`Storage`], in front of the local filesystem (the
//! default, under the data directory) or any S3-compatible store; product images (CAT-02), and next the
//! attachments and inspection photos of proxy-buying, go through it. [`images::prepare`] turns an upload
//! into re-encoded, resized renditions with content-hashed names.

pub mod files;
pub mod images;
mod storage;

pub use files::{FileKind, MAX_FILE_BYTES, PreparedFile, prepare_file};
pub use images::{ImageError, PreparedImage, Rendition};
pub use storage::is_valid_name;
pub use storage::{S3Settings, Storage, StorageConfig, StorageError};

/// The site-relative path a stored file is served at (`GET /media/{name}`).
pub fn public_path(name: &str) -> String {
    format!("/media/{name}")
}
