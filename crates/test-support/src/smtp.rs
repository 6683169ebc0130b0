//! A real SMTP listener for tests: it speaks enough of RFC 5321 for lettre (EHLO, MAIL, RCPT, DATA,
//! RSET, NOOP, QUIT) and keeps what it receives. It can be stopped and restarted on the same port.

use base64::Engine;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    pub raw: String,
}

impl ReceivedMail {
    /// The decoded plain-text body (the outbox sends each part base64-encoded).
    pub fn body(&self) -> String {
        self.part("text/plain").unwrap_or_default()
    }

    /// The decoded HTML alternative, if the message has one.
    pub fn html(&self) -> Option<String> {
        self.part("text/html")
    }

    /// The body of the first part (or single-part message) of this content type.
    fn part(&self, content_type: &str) -> Option<String> {
        let start = self.raw.find(&format!("Content-Type: {content_type}"))?;
        let rest = &self.raw[start..];
        let body_start = rest.find("\r\n\r\n")? + 4;
        let body = &rest[body_start..];
        let encoded = &body[..body.find("\r\n--").unwrap_or(body.len())];
        let compact: String = encoded.chars().filter(|c| !c.is_whitespace()).collect();
        base64::engine::general_purpose::STANDARD
            .decode(compact.as_bytes())
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
    }
}

/// How the test server behaves.
#[derive(Debug, Clone, Default)]
pub enum Behaviour {
    #[default]
    Normal,
    /// Accepts connections and never says a word.
    Silent,
    /// Never answers `RCPT TO` for this address (other recipients are served normally).
    HangOnRecipient(String),
    /// Waits this long before accepting each message's data.
    SlowData(std::time::Duration),
}

pub struct SmtpServer {
    pub port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    task: Mutex<Option<JoinHandle<()>>>,
    behaviour: Behaviour,
    /// Sessions opened so far.
    connections: Arc<std::sync::atomic::AtomicUsize>,
}

impl SmtpServer {
    pub async fn start() -> Self {
        Self::start_with(Behaviour::Normal).await
    }

    pub async fn start_with(behaviour: Behaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = SmtpServer {
            port,
            received: Arc::default(),
            task: Mutex::new(None),
            behaviour,
            connections: Arc::default(),
        };
        server.serve(listener);
        server
    }

    /// How many SMTP sessions were opened.
    pub fn connections(&self) -> usize {
        self.connections.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn received(&self) -> Vec<ReceivedMail> {
        self.received.lock().unwrap().clone()
    }

    /// What has arrived once `count` emails have, or after 30 s (a busy CI machine is slow; a test
    /// asserts the outcome, not the speed).
    pub async fn wait_for(&self, count: usize) -> Vec<ReceivedMail> {
        for _ in 0..600 {
            if self.received().len() >= count {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        self.received()
    }

    /// Stops listening: connections are refused until `restart`.
    pub fn stop(&self) {
        if let Some(task) = self.task.lock().unwrap().take() {
            task.abort();
        }
    }

    pub async fn restart(&self) {
        self.stop();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await.unwrap();
        self.serve(listener);
    }

    fn serve(&self, listener: TcpListener) {
        let received = self.received.clone();
        let (behaviour, connections) = (self.behaviour.clone(), self.connections.clone());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                connections.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let (received, behaviour) = (received.clone(), behaviour.clone());
                tokio::spawn(async move {
                    if matches!(behaviour, Behaviour::Silent) {
                        let _held_open = stream;
                        std::future::pending::<()>().await;
                    } else {
                        let _ = session(stream, received, behaviour).await;
                    }
                });
            }
        });
        *self.task.lock().unwrap() = Some(task);
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn session(
    stream: tokio::net::TcpStream,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    behaviour: Behaviour,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 kaimono-test ESMTP\r\n").await?;
    let mut to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        if command.starts_with("EHLO") {
            write.write_all(b"250-kaimono-test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n").await?;
        } else if command.starts_with("HELO")
            || command.starts_with("MAIL FROM")
            || command.starts_with("RSET")
            || command.starts_with("NOOP")
        {
            if command.starts_with("RSET") {
                to.clear();
            }
            write.write_all(b"250 OK\r\n").await?;
        } else if command.starts_with("RCPT TO") {
            if let Behaviour::HangOnRecipient(address) = &behaviour
                && command.contains(&address.to_ascii_uppercase())
            {
                std::future::pending::<()>().await;
            }
            to.push(line.trim_end()[8..].trim().trim_matches(|c| c == '<' || c == '>').to_owned());
            write.write_all(b"250 OK\r\n").await?;
        } else if command == "DATA" {
            write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
            let mut raw = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                raw.push_str(line.strip_prefix('.').filter(|_| line.starts_with("..")).unwrap_or(&line));
            }
            if let Behaviour::SlowData(delay) = behaviour {
                tokio::time::sleep(delay).await;
            }
            received.lock().unwrap().push(ReceivedMail { to: std::mem::take(&mut to), raw });
            write.write_all(b"250 OK queued\r\n").await?;
        } else if command == "QUIT" {
            write.write_all(b"221 Bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"502 Command not implemented\r\n").await?;
        }
    }
}
