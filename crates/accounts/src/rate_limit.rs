//! Fixed-window counters in `rate_limits`, bumped with one atomic UPSERT: of any number of concurrent
//! requests for one key, exactly `max` see a count within the limit. The check and the count are one
//! statement, so no request can slip between them.

use chrono::{DateTime, Duration, Utc};
use kaimono_entity::rate_limit;
use sea_orm::sea_query::{CaseStatement, Expr, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter};

/// At most `max` hits per `window` for one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: i32,
    pub window: Duration,
}

/// Counts one hit on `key`. `Err(seconds)`: the hit is over the limit, and the window frees up then.
/// `email` marks the counter as concerning that account, so [`clear_for_email`] can drop it.
pub(crate) async fn hit(
    db: &impl ConnectionTrait,
    key: &str,
    email: Option<&str>,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<Result<(), u64>, DbErr> {
    use rate_limit::Column as C;
    let cutoff = now - limit.window;
    let expired = || Expr::col((rate_limit::Entity, C::WindowStartedAt)).lte(cutoff);
    let hits =
        CaseStatement::new().case(expired(), Expr::val(1)).finally(Expr::col((rate_limit::Entity, C::Hits)).add(1));
    let started = CaseStatement::new()
        .case(expired(), Expr::val(now))
        .finally(Expr::col((rate_limit::Entity, C::WindowStartedAt)));
    let statement = Query::insert()
        .into_table(rate_limit::Entity)
        .columns([C::Key, C::Email, C::WindowStartedAt, C::Hits])
        .values_panic([key.into(), email.map(str::to_owned).into(), now.into(), 1.into()])
        .on_conflict(OnConflict::column(C::Key).value(C::Hits, hits).value(C::WindowStartedAt, started).to_owned())
        .returning(Query::returning().columns([C::Hits, C::WindowStartedAt]))
        .to_owned();
    let row = db
        .query_one_raw(db.get_database_backend().build(&statement))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("rate limit {key}")))?;
    let count: i32 = row.try_get("", "hits")?;
    let started: DateTime<Utc> = row.try_get("", "window_started_at")?;
    if count <= limit.max {
        return Ok(Ok(()));
    }
    let retry_after = Ord::max((started + limit.window - now).num_seconds(), 1);
    Ok(Err(u64::try_from(retry_after).unwrap_or(1)))
}

/// Takes back one hit (a login that turned out right).
pub(crate) async fn forgive(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    rate_limit::Entity::update_many()
        .col_expr(rate_limit::Column::Hits, Expr::col(rate_limit::Column::Hits).sub(1))
        .filter(rate_limit::Column::Key.eq(key))
        .filter(rate_limit::Column::Hits.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// Drops a counter.
pub(crate) async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    rate_limit::Entity::delete_many().filter(rate_limit::Column::Key.eq(key)).exec(db).await?;
    Ok(())
}

/// Drops every counter concerning the account with `email` (after its password was reset).
pub(crate) async fn clear_for_email(db: &impl ConnectionTrait, email: &str) -> Result<(), DbErr> {
    rate_limit::Entity::delete_many().filter(rate_limit::Column::Email.eq(email)).exec(db).await?;
    Ok(())
}

/// Drops counters whose window ended before `before`.
pub(crate) async fn prune(db: &impl ConnectionTrait, before: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(rate_limit::Entity::delete_many()
        .filter(rate_limit::Column::WindowStartedAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}
