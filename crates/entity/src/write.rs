//! Beginning a transaction that will write, the same way on both databases.

use sea_orm::{
    DatabaseConnection, DatabaseTransaction, DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

/// Begins a transaction that will write. On SQLite it takes the write lock at BEGIN (IMMEDIATE): a
/// deferred transaction that reads and then writes fails at once with SQLITE_BUSY if another connection
/// wrote in between, whereas BEGIN IMMEDIATE waits its turn under the busy timeout. PostgreSQL ignores it.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}
