//! Disputing the weight (PRX-08): before paying the 2nd invoice the member may say the parcel's weight or
//! size looks wrong. That opens the conversation with the service and holds the 2nd invoice until staff
//! weigh again (a new invoice version) or keep the weight with an explanation.

use crate::error::ProxyError;
use crate::messages::post_and_notify;
use crate::model::*;
use crate::queries::{Actor, proxy_order_for};
use crate::workflow::record;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, ShopId};
use kaimono_entity::proxy_order;
use kaimono_messaging::{NewMessage, Side};
use kaimono_timeline::By;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// Marks or clears the dispute if the order is still waiting for its 2nd payment with the dispute in the
/// state `disputed`; answers whether it did.
async fn set_dispute(
    db: &impl ConnectionTrait,
    id: Uuid,
    disputed: bool,
    to: Option<DateTime<Utc>>,
) -> Result<bool, ProxyError> {
    let update = proxy_order::Entity::update_many()
        .col_expr(proxy_order::Column::WeightDisputedAt, Expr::value(to))
        .filter(proxy_order::Column::Id.eq(id))
        .filter(proxy_order::Column::Status.eq(ProxyStatus::AwaitingSecondPayment.as_str()));
    let update = if disputed {
        update.filter(proxy_order::Column::WeightDisputedAt.is_not_null())
    } else {
        update.filter(proxy_order::Column::WeightDisputedAt.is_null())
    };
    Ok(update.exec(db).await?.rows_affected == 1)
}

async fn write(
    db: &impl ConnectionTrait,
    order: &ProxyOrder,
    side: Side,
    author: AccountId,
    title: &str,
    body: String,
    now: DateTime<Utc>,
) -> Result<(), ProxyError> {
    let message = NewMessage { title: title.to_owned(), body, files: Vec::new() };
    let message = kaimono_messaging::prepare_message(message).await?;
    post_and_notify(db, order, side, author, &message, now).await?;
    Ok(())
}

/// PRX-08: the member disputes the weight of a parcel waiting for its 2nd payment, saying why.
pub async fn dispute_weight(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    reason: String,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Member(account), id).await?;
    if !set_dispute(db, id, false, Some(now)).await? {
        return Err(ProxyError::InvalidTransition { from: order.status.as_str(), to: "weight_disputed" });
    }
    write(db, &order, Side::Member, account, "重量についてのご確認のお願い", reason.clone(), now).await?;
    record(db, id, "weight_disputed", By::Member(account), Some(reason), now).await?;
    proxy_order_for(db, Actor::Member(account), id).await
}

/// PRX-08: staff keep the weight of a disputed parcel, explaining why; the 2nd invoice may be paid again.
/// (Weighing again also ends the dispute, with a new invoice version.)
pub async fn keep_weight(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    explanation: String,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Shop(shop), id).await?;
    if !set_dispute(db, id, true, None).await? {
        return Err(ProxyError::InvalidTransition { from: order.status.as_str(), to: "weight_kept" });
    }
    write(db, &order, Side::Staff, staff, "重量の確認結果", explanation.clone(), now).await?;
    record(db, id, "weight_kept", By::Staff(staff), Some(explanation), now).await?;
    proxy_order_for(db, Actor::Shop(shop), id).await
}
