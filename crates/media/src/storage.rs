//! The storage port. Names are flat (`[a-z0-9._-]`, as the image renditions are named) so a name can
//! be a URL path segment as it is; every call is bounded by a timeout.

use bytes::Bytes;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ClientOptions, ObjectStore, ObjectStoreExt, PutPayload, RetryConfig};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Where stored files live.
#[derive(Clone, PartialEq, Eq)]
pub enum StorageConfig {
    /// A directory on this machine (created if missing). Fine for one instance; several instances need
    /// a shared store.
    Local { root: PathBuf },
    /// An S3-compatible bucket.
    S3(S3Settings),
}

#[derive(Clone, PartialEq, Eq)]
pub struct S3Settings {
    pub bucket: String,
    /// Another S3-compatible service (MinIO, Cloudflare R2, a local test server …); AWS when absent.
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
}

impl std::fmt::Debug for StorageConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageConfig::Local { root } => write!(f, "Local({})", root.display()),
            StorageConfig::S3(s3) => write!(f, "S3({}, {:?}, {})", s3.bucket, s3.endpoint, s3.region),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("not a stored file name: {0:?}")]
    BadName(String),
    #[error("storage did not answer within {0:?}")]
    Timeout(Duration),
    #[error("storage: {0}")]
    Store(#[from] object_store::Error),
    #[error("storage set-up: {0}")]
    Setup(String),
}

/// Files by name, in whichever store was configured.
#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    timeout: Duration,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Storage({})", self.store)
    }
}

impl Storage {
    /// Opens the store; every call on it gives up after `timeout`.
    pub fn open(config: &StorageConfig, timeout: Duration) -> Result<Self, StorageError> {
        let store: Arc<dyn ObjectStore> = match config {
            StorageConfig::Local { root } => {
                std::fs::create_dir_all(root)
                    .map_err(|e| StorageError::Setup(format!("cannot create {}: {e}", root.display())))?;
                Arc::new(LocalFileSystem::new_with_prefix(root)?)
            }
            StorageConfig::S3(s3) => {
                // reqwest is built without a bundled TLS provider; the process uses ring (idempotent).
                let _ = rustls::crypto::ring::default_provider().install_default();
                let mut builder = AmazonS3Builder::new()
                    .with_bucket_name(&s3.bucket)
                    .with_region(&s3.region)
                    .with_access_key_id(&s3.access_key_id)
                    .with_secret_access_key(&s3.secret_access_key)
                    .with_client_options(
                        ClientOptions::new().with_connect_timeout(Duration::from_secs(5)).with_timeout(timeout),
                    )
                    .with_retry(RetryConfig { max_retries: 2, retry_timeout: timeout, ..RetryConfig::default() });
                if let Some(endpoint) = &s3.endpoint {
                    builder = builder.with_endpoint(endpoint).with_allow_http(endpoint.starts_with("http://"));
                }
                Arc::new(builder.build()?)
            }
        };
        Ok(Self { store, timeout })
    }

    /// Stores `bytes` under `name`, replacing what was there.
    pub async fn put(&self, name: &str, bytes: Bytes) -> Result<(), StorageError> {
        let path = path(name)?;
        self.bounded(self.store.put(&path, PutPayload::from_bytes(bytes))).await.map(drop)
    }

    /// The file stored under `name`, if there is one.
    pub async fn get(&self, name: &str) -> Result<Option<Bytes>, StorageError> {
        let path = path(name)?;
        let read = async { self.store.get(&path).await?.bytes().await };
        match self.bounded(read).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(StorageError::Store(object_store::Error::NotFound { .. })) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Removes the file under `name`; a name with no file is not an error.
    pub async fn delete(&self, name: &str) -> Result<(), StorageError> {
        let path = path(name)?;
        match self.bounded(self.store.delete(&path)).await {
            Err(StorageError::Store(object_store::Error::NotFound { .. })) => Ok(()),
            other => other,
        }
    }

    async fn bounded<T>(&self, call: impl Future<Output = Result<T, object_store::Error>>) -> Result<T, StorageError> {
        tokio::time::timeout(self.timeout, call)
            .await
            .map_err(|_| StorageError::Timeout(self.timeout))?
            .map_err(Into::into)
    }
}

/// Whether `name` is one this port stores: 1–200 of `[a-z0-9._-]`, not starting with a dot.
pub fn is_valid_name(name: &str) -> bool {
    (1..=200).contains(&name.len())
        && !name.starts_with('.')
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'))
}

fn path(name: &str) -> Result<Path, StorageError> {
    if !is_valid_name(name) {
        return Err(StorageError::BadName(name.to_owned()));
    }
    Ok(Path::from(name))
}

impl StorageConfig {
    /// The S3-compatible store tests run against too, from `KAIMONO_TEST_S3_URL`
    /// (`http://127.0.0.1:PORT/BUCKET`, as the test command starts one), if set.
    pub fn s3_for_tests() -> Option<StorageConfig> {
        let url = std::env::var("KAIMONO_TEST_S3_URL").ok().filter(|u| !u.is_empty())?;
        let (endpoint, bucket) = url.trim_end_matches('/').rsplit_once('/')?;
        Some(StorageConfig::S3(S3Settings {
            bucket: bucket.to_owned(),
            endpoint: Some(endpoint.to_owned()),
            region: "us-east-1".to_owned(),
            access_key_id: "test".to_owned(),
            secret_access_key: "test".to_owned(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_flat_and_plain() {
        assert!(is_valid_name("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b-640-1f2e3d4c5b6a7988.jpg"));
        for bad in ["", ".hidden", "a/b", "../etc/passwd", "A.jpg", "a b", &"x".repeat(201)] {
            assert!(!is_valid_name(bad), "{bad:?}");
        }
    }
}
