//! Opening the database (embedded SQLite or PostgreSQL, chosen by the URL) and migrating it.

use crate::config::Limits;
use kaimono_migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::time::Duration;

pub fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

/// Connects; for a SQLite file, creates its folder first and turns on WAL so readers don't block the writer.
/// Every wait is bounded by `limits`: a connection from the pool, a new connection, a statement (on
/// PostgreSQL by `statement_timeout`, on SQLite by the busy timeout for the write lock).
pub async fn connect(url: &str, limits: &Limits) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .acquire_timeout(limits.db_acquire)
        .connect_timeout(limits.db_acquire)
        // A ping only for connections idle a while: the common way a connection dies unnoticed.
        .test_before_acquire_if_idle_for(Duration::from_secs(30));
    if is_sqlite(url) {
        if let Some(parent) = sqlite_file(url).and_then(|f| std::path::Path::new(f).parent().map(ToOwned::to_owned))
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(&parent)
                .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", parent.display())))?;
        }
        let busy = limits.db_statement;
        options.max_connections(8).map_sqlx_sqlite_opts(move |o| {
            o.journal_mode(SqliteJournalMode::Wal).busy_timeout(busy).foreign_keys(true)
        });
    } else {
        options.max_connections(32).min_connections(2).statement_timeout(limits.db_statement);
    }
    Database::connect(options).await
}

fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then_some(path)
}

pub use kaimono_entity::begin_write;

/// Whether `error` says the database cannot be reached or did not answer in time (as opposed to a
/// query it refused): such a request answers 503 and may be retried.
pub fn is_unavailable(error: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    use sea_orm::sqlx::Error as SqlxError;
    let sqlx = match error {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => return true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => e,
        _ => return false,
    };
    match sqlx.as_ref() {
        SqlxError::Io(_)
        | SqlxError::Tls(_)
        | SqlxError::PoolTimedOut
        | SqlxError::PoolClosed
        | SqlxError::WorkerCrashed => true,
        // query_canceled (statement_timeout), admin_shutdown, crash_shutdown, cannot_connect_now,
        // too_many_connections; SQLite busy past the busy timeout.
        SqlxError::Database(e) => {
            matches!(e.code().as_deref(), Some("57014" | "57P01" | "57P02" | "57P03" | "53300" | "5"))
        }
        _ => false,
    }
}

pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_file_paths_are_found_in_urls() {
        assert_eq!(sqlite_file("sqlite://data/kaimono.db?mode=rwc"), Some("data/kaimono.db"));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("sqlite:///tmp/x.db"), Some("/tmp/x.db"));
    }
}
