#![allow(clippy::unwrap_used)]

//! The storage port against the local filesystem, and against an S3-compatible server when
//! `KAIMONO_TEST_S3_URL` is set (the test command starts one; CI requires it).

use bytes::Bytes;
use kaimono_media::{Storage, StorageConfig, StorageError};
use std::time::Duration;

async fn round_trip(storage: &Storage) {
    let name = format!("t-{}.jpg", uuid::Uuid::now_v7());
    assert_eq!(storage.get(&name).await.unwrap(), None, "nothing stored yet");
    storage.put(&name, Bytes::from_static(b"first")).await.unwrap();
    storage.put(&name, Bytes::from_static(b"second")).await.unwrap();
    assert_eq!(storage.get(&name).await.unwrap().as_deref(), Some(&b"second"[..]));
    storage.delete(&name).await.unwrap();
    assert_eq!(storage.get(&name).await.unwrap(), None);
    storage.delete(&name).await.unwrap();
    assert!(matches!(storage.put("../escape", Bytes::new()).await, Err(StorageError::BadName(_))));
    assert!(matches!(storage.get("a/b").await, Err(StorageError::BadName(_))));
}

#[tokio::test]
async fn cat02_files_round_trip_on_the_local_filesystem() {
    let root = std::env::temp_dir().join(format!("kaimono-media-{}", uuid::Uuid::now_v7()));
    let storage = Storage::open(&StorageConfig::Local { root: root.clone() }, Duration::from_secs(5)).unwrap();
    round_trip(&storage).await;
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test]
async fn cat02_files_round_trip_on_an_s3_compatible_store() {
    let Some(config) = StorageConfig::s3_for_tests() else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs KAIMONO_TEST_S3_URL");
        eprintln!("skipped: KAIMONO_TEST_S3_URL is not set");
        return;
    };
    round_trip(&Storage::open(&config, Duration::from_secs(10)).unwrap()).await;
}

#[tokio::test]
async fn an_unreachable_store_fails_within_its_timeout() {
    let config = StorageConfig::S3(kaimono_media::S3Settings {
        bucket: "b".into(),
        // A listener that accepts and never answers.
        endpoint: Some(format!("http://{}", silent_listener().await)),
        region: "us-east-1".into(),
        access_key_id: "k".into(),
        secret_access_key: "s".into(),
    });
    let storage = Storage::open(&config, Duration::from_millis(300)).unwrap();
    let started = std::time::Instant::now();
    assert!(storage.get("x.jpg").await.is_err());
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
}

async fn silent_listener() -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    addr
}
