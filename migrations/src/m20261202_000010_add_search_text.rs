//! `search_text` on products, orders and reservations: what search compares, normalized (NFKC, lower
//! case; `kaimono_core::normalize_for_search`) when the row is written, so half-width katakana and
//! full-width letters typed by staff or shoppers find what is stored, on SQLite and PostgreSQL alike.
//! Existing rows are filled in here.

use kaimono_core::normalize_for_search;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each table and the columns its search text is made of.
const TABLES: [(&str, &[&str]); 3] = [
    ("products", &["name", "description", "category"]),
    ("orders", &["number", "ship_name", "ship_name_kana"]),
    ("reservations", &["product_name", "sku"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let backend = m.get_database_backend();
        for (table, columns) in TABLES {
            m.alter_table(Table::alter().table(table).add_column(text("search_text").default("")).to_owned()).await?;
            let select = format!("SELECT id, {} FROM {table}", columns.join(", "));
            for row in db.query_all_raw(Statement::from_string(backend, select)).await? {
                let id: uuid::Uuid = row.try_get("", "id")?;
                let mut parts = Vec::new();
                for column in columns {
                    parts.push(row.try_get::<Option<String>>("", column)?.unwrap_or_default());
                }
                let update = Query::update()
                    .table(table)
                    .value("search_text", normalize_for_search(&parts.join("\n")))
                    .and_where(Expr::col("id").eq(id))
                    .to_owned();
                db.execute(&update).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, _) in TABLES {
            m.alter_table(Table::alter().table(table).drop_column("search_text").to_owned()).await?;
        }
        Ok(())
    }
}
