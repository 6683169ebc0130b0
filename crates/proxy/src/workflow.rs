//! Moving an order and recording it: one conditional UPDATE per move, one timeline entry.

use crate::error::ProxyError;
use crate::model::{ProxyOrder, ProxyStatus};
use chrono::{DateTime, Utc};
use kaimono_accounts::notify_member;
use kaimono_entity::proxy_order;
use kaimono_messaging::Template;
use kaimono_timeline::{By, Entry, Subject};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// Moves `current` to `to` if nobody moved it since it was read, setting `extra` columns with it.
pub(crate) async fn move_order(
    db: &impl ConnectionTrait,
    current: &ProxyOrder,
    to: ProxyStatus,
    extra: Vec<(proxy_order::Column, SimpleExpr)>,
    by: By,
    now: DateTime<Utc>,
) -> Result<(), ProxyError> {
    let mut update = proxy_order::Entity::update_many()
        .col_expr(proxy_order::Column::Status, Expr::value(to.as_str()))
        .col_expr(proxy_order::Column::UpdatedAt, Expr::value(now));
    for (column, value) in extra {
        update = update.col_expr(column, value);
    }
    let moved = update
        .filter(proxy_order::Column::Id.eq(current.id))
        .filter(proxy_order::Column::Status.eq(current.status.as_str()))
        .exec(db)
        .await?;
    if moved.rows_affected == 0 {
        return Err(ProxyError::InvalidTransition { from: current.status.as_str(), to: to.as_str() });
    }
    record(db, current.id, to.as_str(), by, None, now).await
}

/// Records an event on the order's timeline (every proxy event is meant for the member too).
pub(crate) async fn record(
    db: &impl ConnectionTrait,
    id: Uuid,
    what: &str,
    by: By,
    note: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), ProxyError> {
    let entry = Entry { what, by, for_member: true, note };
    Ok(kaimono_timeline::record(db, Subject::ProxyOrder(id), entry, now).await?)
}

/// Emails the member about `order` (in the caller's transaction); `extra` joins the order's own fields.
pub(crate) async fn tell_member(
    db: &impl ConnectionTrait,
    order: &ProxyOrder,
    template: Template,
    extra: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), ProxyError> {
    let mut context = serde_json::json!({
        "number": order.number,
        "shop": order.shop_name,
    });
    if let (Some(fields), Some(more)) = (context.as_object_mut(), extra.as_object()) {
        fields.extend(more.clone());
    }
    notify_member(db, order.account_id, order.shop_id, template, context, now).await?;
    Ok(())
}
