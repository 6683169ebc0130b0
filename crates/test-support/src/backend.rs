//! A fresh database per test. SQLite: a new file. PostgreSQL: a new database cloned from a template
//! migrated once per test process.

use sea_orm::{ConnectionTrait, Database};
use tokio::sync::OnceCell;

#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    Postgres { admin_url: String },
}

static TEMPLATE: OnceCell<String> = OnceCell::const_new();

impl Backend {
    pub fn sqlite() -> Self {
        Backend::Sqlite
    }

    /// PostgreSQL when `KAIMONO_TEST_POSTGRES_URL` is set. Under `CI=true` it must be set.
    pub fn postgres() -> Option<Self> {
        match std::env::var("KAIMONO_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => Some(Backend::Postgres { admin_url: url.trim_end_matches('/').to_owned() }),
            _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
                panic!("CI=true but KAIMONO_TEST_POSTGRES_URL is not set: PostgreSQL tests are mandatory in CI")
            }
            _ => None,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Backend::Postgres { .. })
    }

    /// Creates an empty, migrated database and returns its URL.
    pub async fn create_database(&self) -> String {
        match self {
            Backend::Sqlite => {
                let path = std::env::temp_dir().join(format!("kaimono-test-{}.db", uuid::Uuid::new_v4().simple()));
                let url = format!("sqlite://{}?mode=rwc", path.display());
                let db = kaimono_api::database::connect(&url, &Default::default()).await.unwrap();
                kaimono_api::database::migrate(&db).await.unwrap();
                db.close().await.unwrap();
                url
            }
            Backend::Postgres { admin_url } => {
                let template = TEMPLATE
                    .get_or_init(|| async {
                        let name = format!("kaimono_tpl_{}_{}", std::process::id(), uuid::Uuid::new_v4().simple());
                        let admin = Database::connect(format!("{admin_url}/postgres")).await.unwrap();
                        drop_leftovers(&admin).await;
                        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
                        let db = Database::connect(format!("{admin_url}/{name}")).await.unwrap();
                        kaimono_api::database::migrate(&db).await.unwrap();
                        db.close().await.unwrap();
                        admin.close().await.unwrap();
                        name
                    })
                    .await;
                let name = format!("kaimono_t_{}_{}", std::process::id(), uuid::Uuid::new_v4().simple());
                let admin = Database::connect(format!("{admin_url}/postgres")).await.unwrap();
                admin.execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE {template}")).await.unwrap();
                admin.close().await.unwrap();
                format!("{admin_url}/{name}")
            }
        }
    }
}

/// Drops the databases of earlier test processes that have exited (their pid is in the name).
async fn drop_leftovers(admin: &sea_orm::DatabaseConnection) {
    let rows = admin
        .query_all_raw(sea_orm::Statement::from_string(
            admin.get_database_backend(),
            "SELECT datname FROM pg_database WHERE datname LIKE 'kaimono\\_t%'",
        ))
        .await
        .unwrap_or_default();
    for row in rows {
        let Ok(name) = row.try_get::<String>("", "datname") else { continue };
        let pid = name.split('_').nth(2).and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid != std::process::id() && !std::path::Path::new(&format!("/proc/{pid}")).exists()) {
            let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
        }
    }
}
