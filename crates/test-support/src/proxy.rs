//! A TCP proxy a test puts between the server and its database, to make the database fail the ways
//! real ones do: refusing connections (and dropping open ones), or stalling (accepting, never answering).

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyMode {
    /// Bytes flow.
    Pass,
    /// New connections are closed at once and open ones are dropped.
    Refuse,
    /// Connections are accepted and nothing is forwarded either way until the mode changes.
    Stall,
}

pub struct TcpProxy {
    pub port: u16,
    mode: watch::Sender<ProxyMode>,
}

impl TcpProxy {
    pub async fn start(upstream: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (mode, watcher) = watch::channel(ProxyMode::Pass);
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                if *watcher.borrow() == ProxyMode::Refuse {
                    continue; // dropped: the connection closes
                }
                let (upstream, watcher) = (upstream.clone(), watcher.clone());
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(&upstream).await else { return };
                    let (client_read, client_write) = client.into_split();
                    let (server_read, server_write) = server.into_split();
                    tokio::select! {
                        _ = pump(client_read, server_write, watcher.clone()) => {}
                        _ = pump(server_read, client_write, watcher) => {}
                    }
                });
            }
        });
        TcpProxy { port, mode }
    }

    pub fn set(&self, mode: ProxyMode) {
        self.mode.send_replace(mode);
    }
}

/// Copies `from` to `to` while the mode allows; returns (closing both halves) on Refuse or end of stream.
async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    mut mode: watch::Receiver<ProxyMode>,
) {
    let mut buffer = vec![0u8; 16 * 1024];
    loop {
        let n = tokio::select! {
            read = from.read(&mut buffer) => match read { Ok(0) | Err(_) => return, Ok(n) => n },
            _ = mode.wait_for(|m| *m == ProxyMode::Refuse) => return,
        };
        // Hold the bytes while stalled; drop the connection if refused meanwhile.
        match mode.wait_for(|m| *m != ProxyMode::Stall).await.map(|m| *m) {
            Ok(ProxyMode::Pass) => {}
            _ => return,
        }
        if to.write_all(&buffer[..n]).await.is_err() {
            return;
        }
    }
}
