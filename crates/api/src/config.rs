//! Typed configuration: `KAIMONO_*` environment variables over an optional TOML file
//! (`KAIMONO_CONFIG`, default `kaimono.toml` if present). A bad value stops start-up with a message
//! naming the variable.

use serde::Deserialize;
use std::collections::HashMap;
use std::net::SocketAddr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub listen: SocketAddr,
    pub public_url: String,
    pub env: Environment,
    pub jwt_secret: String,
    /// True when no secret was configured and one was generated for this process.
    pub jwt_secret_generated: bool,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// Run the background jobs inside `serve`.
    pub run_jobs: bool,
    /// Where the built SPA is served from, if it exists.
    pub static_dir: String,
    pub payments: PaymentsConfig,
    /// Calls a second the payment provider takes from all instances together (0: no limit). Defaults:
    /// 100 with Stripe (its documented live-mode rate), none with the sandbox.
    pub payment_rate_limit: u32,
    /// Serve `/api/v1/dev/mailbox` (every email, links included): only when switched on, only on a
    /// loopback listen address, never in production.
    pub dev_mailbox: bool,
    /// The listen socket's backlog of connections not yet accepted.
    pub listen_backlog: u32,
    /// How long a public catalog answer may be served again before it is recomputed (CAT-06): stock on
    /// the storefront is at most this stale (checkout stays authoritative). Zero turns the cache off.
    pub catalog_cache_ttl: std::time::Duration,
    /// Where uploaded files (product images) are stored.
    pub storage: kaimono_media::StorageConfig,
    /// Bounds on what a client and the database may take.
    pub limits: Limits,
}

/// Time bounds: a request whose body does not arrive in time is answered 408; a database that does not
/// hand out a connection or finish a statement in time makes the request answer 503.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// For the request head (actix answers 408 itself).
    pub request_head: std::time::Duration,
    /// For the whole request body, from the handler's first read.
    pub request_body: std::time::Duration,
    /// Waiting for a pooled database connection.
    pub db_acquire: std::time::Duration,
    /// One SQL statement (PostgreSQL `statement_timeout`; SQLite waits at most this for the write lock).
    pub db_statement: std::time::Duration,
    /// A whole request, database stalls included; past it the request answers 503.
    pub request: std::time::Duration,
    /// One call to file storage (local or S3-compatible).
    pub storage: std::time::Duration,
}

impl Default for Limits {
    fn default() -> Self {
        use std::time::Duration;
        Self {
            request_head: Duration::from_secs(5),
            request_body: Duration::from_secs(15),
            db_acquire: Duration::from_secs(3),
            db_statement: Duration::from_secs(10),
            request: Duration::from_secs(30),
            storage: Duration::from_secs(20),
        }
    }
}

/// Which payment provider takes cards (PAY-02).
#[derive(Clone, PartialEq, Eq)]
pub enum PaymentsConfig {
    /// The built-in sandbox: test cards only, no money moves.
    Sandbox,
    /// A Stripe-compatible API at `api_base` with a secret key.
    Stripe { api_base: String, secret_key: String, webhook_secret: String },
}

impl std::fmt::Debug for PaymentsConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PaymentsConfig::Sandbox => f.write_str("Sandbox"),
            PaymentsConfig::Stripe { api_base, .. } => write!(f, "Stripe({api_base})"),
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("listen", &self.listen)
            .field("public_url", &self.public_url)
            .field("env", &self.env)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("run_jobs", &self.run_jobs)
            .field("payments", &self.payments)
            .field("payment_rate_limit", &self.payment_rate_limit)
            .field("dev_mailbox", &self.dev_mailbox)
            .field("listen_backlog", &self.listen_backlog)
            .field("catalog_cache_ttl", &self.catalog_cache_ttl)
            .field("storage", &self.storage)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://***{}", &url[..scheme], &url[at..]),
        _ => url.to_owned(),
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    pub variable: String,
    pub message: String,
}

/// The file form: the same keys as the variables without the prefix, in lower case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    listen: Option<String>,
    public_url: Option<String>,
    env: Option<String>,
    jwt_secret: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    run_jobs: Option<bool>,
    static_dir: Option<String>,
    payment_provider: Option<String>,
    stripe_api_base: Option<String>,
    stripe_secret_key: Option<String>,
    stripe_webhook_secret: Option<String>,
    payment_rate_limit: Option<u32>,
    dev_mailbox: Option<bool>,
    listen_backlog: Option<u32>,
    catalog_cache_ms: Option<u64>,
    storage_url: Option<String>,
    s3_endpoint: Option<String>,
    s3_region: Option<String>,
    s3_access_key_id: Option<String>,
    s3_secret_access_key: Option<String>,
    request_body_timeout_secs: Option<u64>,
    request_timeout_secs: Option<u64>,
    database_acquire_timeout_ms: Option<u64>,
    database_statement_timeout_ms: Option<u64>,
}

impl Config {
    /// Reads the process environment (and the optional file).
    pub fn from_env() -> Result<Self, ConfigError> {
        let vars: HashMap<String, String> = std::env::vars().filter(|(k, _)| k.starts_with("KAIMONO_")).collect();
        let explicit = vars.get("KAIMONO_CONFIG").cloned();
        let path = explicit.clone().unwrap_or_else(|| "kaimono.toml".to_owned());
        let file = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text)
                .map_err(|e| ConfigError { variable: "KAIMONO_CONFIG".into(), message: format!("{path}: {e}") })?,
            Err(_) if explicit.is_none() => FileConfig::default(),
            Err(e) => return Err(ConfigError { variable: "KAIMONO_CONFIG".into(), message: format!("{path}: {e}") }),
        };
        Self::from_sources(&vars, file)
    }

    /// Variables win over the file; the file wins over defaults.
    fn from_sources(vars: &HashMap<String, String>, file: FileConfig) -> Result<Self, ConfigError> {
        let get = |name: &str, from_file: Option<String>| {
            vars.get(&format!("KAIMONO_{name}")).cloned().filter(|v| !v.is_empty()).or(from_file)
        };
        let bad = |name: &str, message: String| ConfigError { variable: format!("KAIMONO_{name}"), message };

        let env = match get("ENV", file.env).as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => return Err(bad("ENV", format!("expected development or production, got {other:?}"))),
        };
        let listen_text = get("LISTEN", file.listen).unwrap_or_else(|| "127.0.0.1:8080".to_owned());
        let listen: SocketAddr = listen_text
            .parse()
            .map_err(|_| bad("LISTEN", format!("expected host:port such as 127.0.0.1:8080, got {listen_text:?}")))?;
        let database_url =
            get("DATABASE_URL", file.database_url).unwrap_or_else(|| "sqlite://data/kaimono.db?mode=rwc".to_owned());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(bad("DATABASE_URL", "expected a sqlite: or postgres:// URL".to_owned()));
        }
        let public_url = get("PUBLIC_URL", file.public_url).unwrap_or_else(|| format!("http://{listen}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(bad("PUBLIC_URL", format!("expected an http(s) URL, got {public_url:?}")));
        }
        let (jwt_secret, jwt_secret_generated) = match get("JWT_SECRET", file.jwt_secret) {
            Some(secret) if secret.len() >= 32 => (secret, false),
            Some(_) => return Err(bad("JWT_SECRET", "must be at least 32 characters".to_owned())),
            None if env == Environment::Production => {
                return Err(bad("JWT_SECRET", "is required in production".to_owned()));
            }
            None => (random_secret().map_err(|e| bad("JWT_SECRET", e))?, true),
        };
        let smtp_url = get("SMTP_URL", file.smtp_url);
        if let Some(url) = &smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(bad("SMTP_URL", format!("expected smtp:// or smtps://, got {url:?}")));
        }
        let mail_from =
            get("MAIL_FROM", file.mail_from).unwrap_or_else(|| "kaimono <no-reply@kaimono.localhost>".to_owned());
        if mail_from.parse::<kaimono_messaging::Mailbox>().is_err() {
            return Err(bad("MAIL_FROM", format!("not an email address: {mail_from:?}")));
        }
        let flag = |name: &str, from_file: Option<bool>, default: bool| match vars
            .get(&format!("KAIMONO_{name}"))
            .map(String::as_str)
        {
            None | Some("") => Ok(from_file.unwrap_or(default)),
            Some("true" | "1") => Ok(true),
            Some("false" | "0") => Ok(false),
            Some(other) => Err(bad(name, format!("expected true or false, got {other:?}"))),
        };
        let number = |name: &str, from_file: Option<u64>, default: u64, range: std::ops::RangeInclusive<u64>| {
            let value = match vars.get(&format!("KAIMONO_{name}")).filter(|v| !v.is_empty()) {
                None => from_file.unwrap_or(default),
                Some(text) => text.parse().map_err(|_| bad(name, format!("expected a whole number, got {text:?}")))?,
            };
            if range.contains(&value) {
                Ok(value)
            } else {
                Err(bad(name, format!("expected {} to {}, got {value}", range.start(), range.end())))
            }
        };
        let run_jobs = flag("RUN_JOBS", file.run_jobs, true)?;
        let dev_mailbox = flag("DEV_MAILBOX", file.dev_mailbox, false)?;
        if dev_mailbox && env == Environment::Production {
            return Err(bad(
                "DEV_MAILBOX",
                "the development mailbox shows every email, sign-up and password-reset links included, to anyone \
                 who asks; it is refused in production"
                    .to_owned(),
            ));
        }
        if dev_mailbox && !listen.ip().is_loopback() {
            return Err(bad(
                "DEV_MAILBOX",
                format!(
                    "the development mailbox shows every email to anyone who can reach it; it needs a loopback \
                     listen address such as 127.0.0.1:8080, not {listen}"
                ),
            ));
        }
        let listen_backlog = number("LISTEN_BACKLOG", file.listen_backlog.map(u64::from), 1024, 16..=65_535)?;
        let listen_backlog = u32::try_from(listen_backlog).map_err(|e| bad("LISTEN_BACKLOG", e.to_string()))?;
        let catalog_cache_ttl =
            std::time::Duration::from_millis(number("CATALOG_CACHE_MS", file.catalog_cache_ms, 1000, 0..=1000)?);
        let defaults = Limits::default();
        let seconds = |name: &str, from_file: Option<u64>, default: std::time::Duration| {
            number(name, from_file, default.as_secs(), 1..=3600).map(std::time::Duration::from_secs)
        };
        let millis = |name: &str, from_file: Option<u64>, default: std::time::Duration, max: u64| {
            let default = u64::try_from(default.as_millis()).unwrap_or(max);
            number(name, from_file, default, 10..=max).map(std::time::Duration::from_millis)
        };
        let limits = Limits {
            request_head: defaults.request_head,
            request_body: seconds("REQUEST_BODY_TIMEOUT_SECS", file.request_body_timeout_secs, defaults.request_body)?,
            request: seconds("REQUEST_TIMEOUT_SECS", file.request_timeout_secs, defaults.request)?,
            db_acquire: millis(
                "DATABASE_ACQUIRE_TIMEOUT_MS",
                file.database_acquire_timeout_ms,
                defaults.db_acquire,
                600_000,
            )?,
            db_statement: millis(
                "DATABASE_STATEMENT_TIMEOUT_MS",
                file.database_statement_timeout_ms,
                defaults.db_statement,
                3_600_000,
            )?,
            storage: defaults.storage,
        };
        let storage_url = get("STORAGE_URL", file.storage_url).unwrap_or_else(|| "file://data/media".to_owned());
        let storage = if let Some(root) = storage_url.strip_prefix("file://") {
            kaimono_media::StorageConfig::Local { root: root.into() }
        } else if let Some(bucket) = storage_url.strip_prefix("s3://").filter(|b| !b.is_empty() && !b.contains('/')) {
            let required = |name: &str, value: Option<String>| {
                value.ok_or_else(|| bad(name, "is required with an s3:// KAIMONO_STORAGE_URL".to_owned()))
            };
            kaimono_media::StorageConfig::S3(kaimono_media::S3Settings {
                bucket: bucket.to_owned(),
                endpoint: get("S3_ENDPOINT", file.s3_endpoint),
                region: get("S3_REGION", file.s3_region).unwrap_or_else(|| "ap-northeast-1".to_owned()),
                access_key_id: required("S3_ACCESS_KEY_ID", get("S3_ACCESS_KEY_ID", file.s3_access_key_id))?,
                secret_access_key: required(
                    "S3_SECRET_ACCESS_KEY",
                    get("S3_SECRET_ACCESS_KEY", file.s3_secret_access_key),
                )?,
            })
        } else {
            return Err(bad("STORAGE_URL", format!("expected file://DIRECTORY or s3://BUCKET, got {storage_url:?}")));
        };
        let static_dir = get("STATIC_DIR", file.static_dir).unwrap_or_else(|| "frontend/dist".to_owned());
        let payments = match get("PAYMENT_PROVIDER", file.payment_provider).as_deref() {
            None | Some("sandbox") => PaymentsConfig::Sandbox,
            Some("stripe") => PaymentsConfig::Stripe {
                api_base: get("STRIPE_API_BASE", file.stripe_api_base)
                    .unwrap_or_else(|| "https://api.stripe.com".to_owned()),
                secret_key: get("STRIPE_SECRET_KEY", file.stripe_secret_key).ok_or_else(|| {
                    bad("STRIPE_SECRET_KEY", "is required with KAIMONO_PAYMENT_PROVIDER=stripe".into())
                })?,
                // PAY-07: hosted-page webhooks are believed only when signed with it.
                webhook_secret: get("STRIPE_WEBHOOK_SECRET", file.stripe_webhook_secret).ok_or_else(|| {
                    bad("STRIPE_WEBHOOK_SECRET", "is required with KAIMONO_PAYMENT_PROVIDER=stripe".into())
                })?,
            },
            Some(other) => return Err(bad("PAYMENT_PROVIDER", format!("expected sandbox or stripe, got {other:?}"))),
        };
        let default_rate = if payments == PaymentsConfig::Sandbox { 0 } else { 100 };
        let payment_rate_limit =
            number("PAYMENT_RATE_LIMIT", file.payment_rate_limit.map(u64::from), default_rate, 0..=100_000)?;
        let payment_rate_limit =
            u32::try_from(payment_rate_limit).map_err(|e| bad("PAYMENT_RATE_LIMIT", e.to_string()))?;
        Ok(Config {
            database_url,
            listen,
            public_url: public_url.trim_end_matches('/').to_owned(),
            env,
            jwt_secret,
            jwt_secret_generated,
            smtp_url,
            mail_from,
            run_jobs,
            static_dir,
            payments,
            payment_rate_limit,
            dev_mailbox,
            listen_backlog,
            catalog_cache_ttl,
            storage,
            limits,
        })
    }
}

fn random_secret() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn defaults_run_on_embedded_sqlite_in_development() {
        let c = Config::from_sources(&vars(&[]), FileConfig::default()).unwrap();
        assert!(c.database_url.starts_with("sqlite:"));
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.env, Environment::Development);
        assert!(c.jwt_secret_generated);
        assert!(c.smtp_url.is_none());
        assert!(!c.dev_mailbox, "the mailbox is off unless switched on");
        assert_eq!(c.listen_backlog, 1024);
    }

    #[test]
    fn the_dev_mailbox_needs_a_loopback_address_and_is_refused_in_production() {
        let c = Config::from_sources(&vars(&[("KAIMONO_DEV_MAILBOX", "true")]), FileConfig::default()).unwrap();
        assert!(c.dev_mailbox);
        let err = Config::from_sources(
            &vars(&[("KAIMONO_DEV_MAILBOX", "true"), ("KAIMONO_LISTEN", "0.0.0.0:8080")]),
            FileConfig::default(),
        )
        .err()
        .unwrap();
        assert_eq!(err.variable, "KAIMONO_DEV_MAILBOX");
        assert!(err.message.contains("loopback"), "{}", err.message);
        let err = Config::from_sources(
            &vars(&[
                ("KAIMONO_DEV_MAILBOX", "1"),
                ("KAIMONO_ENV", "production"),
                ("KAIMONO_JWT_SECRET", "0123456789abcdef0123456789abcdef"),
            ]),
            FileConfig::default(),
        )
        .err()
        .unwrap();
        assert_eq!(err.variable, "KAIMONO_DEV_MAILBOX");
        assert!(err.message.contains("production"), "{}", err.message);
    }

    #[test]
    fn limits_are_configurable_within_bounds() {
        let c = Config::from_sources(
            &vars(&[("KAIMONO_DATABASE_ACQUIRE_TIMEOUT_MS", "500"), ("KAIMONO_LISTEN_BACKLOG", "4096")]),
            FileConfig::default(),
        )
        .unwrap();
        assert_eq!(c.limits.db_acquire, std::time::Duration::from_millis(500));
        assert_eq!(c.listen_backlog, 4096);
        let err = Config::from_sources(&vars(&[("KAIMONO_REQUEST_BODY_TIMEOUT_SECS", "0")]), FileConfig::default())
            .err()
            .unwrap();
        assert_eq!(err.variable, "KAIMONO_REQUEST_BODY_TIMEOUT_SECS");
    }

    #[test]
    fn a_bad_value_names_its_variable() {
        let err = Config::from_sources(&vars(&[("KAIMONO_LISTEN", "nope")]), FileConfig::default()).err().unwrap();
        assert_eq!(err.variable, "KAIMONO_LISTEN");
        let err = Config::from_sources(&vars(&[("KAIMONO_ENV", "production")]), FileConfig::default()).err().unwrap();
        assert_eq!(err.variable, "KAIMONO_JWT_SECRET");
        let err =
            Config::from_sources(&vars(&[("KAIMONO_SMTP_URL", "http://x")]), FileConfig::default()).err().unwrap();
        assert_eq!(err.variable, "KAIMONO_SMTP_URL");
        let err = Config::from_sources(&vars(&[("KAIMONO_MAIL_FROM", "not an address")]), FileConfig::default())
            .err()
            .unwrap();
        assert_eq!(err.variable, "KAIMONO_MAIL_FROM");
        let err = Config::from_sources(&vars(&[("KAIMONO_PAYMENT_PROVIDER", "stripe")]), FileConfig::default())
            .err()
            .unwrap();
        assert_eq!(err.variable, "KAIMONO_STRIPE_SECRET_KEY");
    }

    #[test]
    fn pay02_the_sandbox_is_the_default_provider_and_stripe_keys_are_redacted() {
        let c = Config::from_sources(&vars(&[]), FileConfig::default()).unwrap();
        assert_eq!(c.payments, PaymentsConfig::Sandbox);
        let stripe = [("KAIMONO_PAYMENT_PROVIDER", "stripe"), ("KAIMONO_STRIPE_SECRET_KEY", "sk_live_secret")];
        // PAY-07: the hosted page's webhooks cannot be believed without their signing secret.
        let err = Config::from_sources(&vars(&stripe), FileConfig::default()).err().unwrap();
        assert_eq!(err.variable, "KAIMONO_STRIPE_WEBHOOK_SECRET");
        let with_webhook = [stripe[0], stripe[1], ("KAIMONO_STRIPE_WEBHOOK_SECRET", "whsec_secret")];
        let c = Config::from_sources(&vars(&with_webhook), FileConfig::default()).unwrap();
        assert!(matches!(&c.payments, PaymentsConfig::Stripe { api_base, .. } if api_base == "https://api.stripe.com"));
        assert!(!format!("{c:?}").contains("sk_live_secret"));
        assert!(!format!("{c:?}").contains("whsec_secret"));
    }

    #[test]
    fn cat02_files_are_stored_under_the_data_directory_unless_an_s3_bucket_is_named() {
        let c = Config::from_sources(&vars(&[]), FileConfig::default()).unwrap();
        assert_eq!(c.storage, kaimono_media::StorageConfig::Local { root: "data/media".into() });
        let c = Config::from_sources(
            &vars(&[
                ("KAIMONO_STORAGE_URL", "s3://kaimono-media"),
                ("KAIMONO_S3_ENDPOINT", "http://127.0.0.1:9000"),
                ("KAIMONO_S3_ACCESS_KEY_ID", "id"),
                ("KAIMONO_S3_SECRET_ACCESS_KEY", "very-secret"),
            ]),
            FileConfig::default(),
        )
        .unwrap();
        assert!(matches!(&c.storage, kaimono_media::StorageConfig::S3(s3) if s3.bucket == "kaimono-media"
            && s3.endpoint.as_deref() == Some("http://127.0.0.1:9000")));
        assert!(!format!("{c:?}").contains("very-secret"));
        let err =
            Config::from_sources(&vars(&[("KAIMONO_STORAGE_URL", "s3://b")]), FileConfig::default()).err().unwrap();
        assert_eq!(err.variable, "KAIMONO_S3_ACCESS_KEY_ID");
        let err =
            Config::from_sources(&vars(&[("KAIMONO_STORAGE_URL", "ftp://x")]), FileConfig::default()).err().unwrap();
        assert_eq!(err.variable, "KAIMONO_STORAGE_URL");
    }

    #[test]
    fn variables_win_over_the_file_and_secrets_are_redacted_in_debug_output() {
        let file = FileConfig {
            listen: Some("0.0.0.0:9000".into()),
            public_url: Some("https://shop.example/".into()),
            ..Default::default()
        };
        let c = Config::from_sources(
            &vars(&[("KAIMONO_LISTEN", "127.0.0.1:9001"), ("KAIMONO_DATABASE_URL", "postgres://u:secret@db/k")]),
            file,
        )
        .unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:9001");
        assert_eq!(c.public_url, "https://shop.example");
        assert!(!format!("{c:?}").contains("secret"));
    }
}
