//! After the warehouse (PRX-08, PRX-09, PRX-13): weighing writes the 2nd invoice from the rate table;
//! once it is paid staff ship with a tracking number; the member reports receipt (the order completes),
//! or it completes by itself 30 days after shipping. Fine receipt reports with a public comment are the
//! service's arrival reports.

use crate::billing::{Amounts, issue_invoice};
use crate::error::ProxyError;
use crate::model::*;
use crate::queries::{Actor, proxy_order_for};
use crate::rates::{Parcel, RATE_TABLE, ShippingMethod};
use crate::workflow::{move_order, record, tell_member};
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, ShopId};
use kaimono_entity::proxy_order;
use kaimono_messaging::Template;
use kaimono_messaging::{NewMessage, Side};
use kaimono_timeline::By;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use uuid::Uuid;

/// PRX-09: an order completes by itself this many days after shipping.
pub const AUTO_COMPLETE_DAYS: i64 = 30;

fn int(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// PRX-08: staff record the parcel's weight and size and the method; every item still in the order must
/// be inspected. The 2nd invoice (international shipping) is written from the rate table and mailed.
/// Weighing again before it is paid writes a new version.
pub async fn weigh(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    parcel: Parcel,
    method: ShippingMethod,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let current = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let to = ProxyStatus::AwaitingSecondPayment;
    if !matches!(current.status, ProxyStatus::Purchasing | ProxyStatus::AwaitingSecondPayment) {
        return Err(ProxyError::InvalidTransition { from: current.status.as_str(), to: to.as_str() });
    }
    if current.items.iter().any(|i| !matches!(i.status, ItemStatus::Inspected | ItemStatus::Cancelled)) {
        return Err(ProxyError::NotInspected);
    }
    let quote = crate::rates::quote(parcel, method).ok_or(ProxyError::ParcelTooHeavy { method: method.as_str() })?;
    let storage_fee = current.storage(now).map_or(kaimono_core::Money::ZERO, |s| s.fee);
    let amounts = Amounts {
        international_shipping: quote.price,
        storage_fee,
        local_shipping: current.local_shipping(),
        ..Default::default()
    };
    issue_invoice(db, &current, Stage::Second, amounts, now).await?;
    let columns = vec![
        (proxy_order::Column::WeightGrams, Expr::value(int(parcel.weight_grams))),
        (proxy_order::Column::LengthCm, Expr::value(int(parcel.length_cm))),
        (proxy_order::Column::WidthCm, Expr::value(int(parcel.width_cm))),
        (proxy_order::Column::HeightCm, Expr::value(int(parcel.height_cm))),
        (proxy_order::Column::ShippingMethod, Expr::value(method.as_str())),
        (proxy_order::Column::RateTable, Expr::value(RATE_TABLE)),
        // Weighing again answers a dispute of the weight.
        (proxy_order::Column::WeightDisputedAt, Expr::value(Option::<DateTime<Utc>>::None)),
    ];
    let note = format!(
        "{} g, {}×{}×{} cm, {}",
        parcel.weight_grams,
        parcel.length_cm,
        parcel.width_cm,
        parcel.height_cm,
        method.as_str()
    );
    if current.status == ProxyStatus::Purchasing {
        move_order(db, &current, to, columns, By::Staff(staff), now).await?;
        record(db, id, "weighed", By::Staff(staff), Some(note), now).await?;
    } else {
        let mut update = proxy_order::Entity::update_many();
        for (column, value) in columns {
            update = update.col_expr(column, value);
        }
        update.filter(proxy_order::Column::Id.eq(id)).exec(db).await?;
        record(db, id, "reweighed", By::Staff(staff), Some(note), now).await?;
    }
    crate::billing::settle_if_covered(db, id, Stage::Second, By::Staff(staff), now).await?;
    let weighed = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let context = json!({
        "total": quote.price.to_string(),
        "method": method.as_str(),
        "weight": parcel.weight_grams,
        "chargeable": quote.chargeable_grams,
        "rate_table": RATE_TABLE,
    });
    tell_member(db, &weighed, Template::ProxySecondInvoice, context, now).await?;
    Ok(weighed)
}

/// PRX-08: staff hand the paid parcel to the carrier; the member is mailed the tracking number.
pub async fn ship(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    carrier: String,
    tracking_number: String,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let current = proxy_order_for(db, Actor::Shop(shop), id).await?;
    if current.status != ProxyStatus::AwaitingShipment {
        return Err(ProxyError::InvalidTransition { from: current.status.as_str(), to: ProxyStatus::Shipped.as_str() });
    }
    let columns = vec![
        (proxy_order::Column::Carrier, Expr::value(carrier.clone())),
        (proxy_order::Column::TrackingNumber, Expr::value(tracking_number.clone())),
        (proxy_order::Column::ShippedAt, Expr::value(now)),
    ];
    move_order(db, &current, ProxyStatus::Shipped, columns, By::Staff(staff), now).await?;
    let shipped = proxy_order_for(db, Actor::Shop(shop), id).await?;
    let context = json!({"carrier": carrier, "tracking_number": tracking_number});
    tell_member(db, &shipped, Template::ProxyShipped, context, now).await?;
    Ok(shipped)
}

/// The member's receipt report (PRX-09).
#[derive(Debug, Clone)]
pub struct Receipt {
    /// Arrived fine; otherwise the member reports a problem (the order stays open for it).
    pub fine: bool,
    pub comment: Option<String>,
    /// PRX-13: the comment may be listed among the service's arrival reports.
    pub public: bool,
}

/// PRX-09: the member reports receipt: fine completes the order; a problem is recorded for staff (the
/// order stays shipped while it is sorted out in messages).
pub async fn report_receipt(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    receipt: Receipt,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let current = proxy_order_for(db, Actor::Member(account), id).await?;
    if current.status != ProxyStatus::Shipped {
        return Err(ProxyError::InvalidTransition {
            from: current.status.as_str(),
            to: ProxyStatus::Completed.as_str(),
        });
    }
    let by = By::Member(account);
    if !receipt.fine {
        // PRX-09: a problem opens the conversation with the service (photos follow in the thread).
        let body = receipt.comment.clone().unwrap_or_else(|| "受け取った荷物に問題があります。".to_owned());
        let message = NewMessage { title: "受取時の問題のご報告".to_owned(), body, files: Vec::new() };
        let message = kaimono_messaging::prepare_message(message).await?;
        crate::messages::post_and_notify(db, &current, Side::Member, account, &message, now).await?;
        record(db, id, "receipt_problem", by, receipt.comment, now).await?;
        return proxy_order_for(db, Actor::Member(account), id).await;
    }
    let columns = vec![
        (proxy_order::Column::CompletedAt, Expr::value(now)),
        (proxy_order::Column::ReceiptComment, Expr::value(receipt.comment.clone())),
        (proxy_order::Column::ReceiptPublic, Expr::value(receipt.public && receipt.comment.is_some())),
    ];
    move_order(db, &current, ProxyStatus::Completed, columns, by, now).await?;
    proxy_order_for(db, Actor::Member(account), id).await
}

/// PRX-09's job: completes orders shipped 30 days ago without a receipt report, up to `batch` per run,
/// each once whatever number of workers run it (the status move is conditional).
pub async fn complete_shipped(db: &DatabaseConnection, now: DateTime<Utc>, batch: u64) -> Result<u64, ProxyError> {
    let cutoff = now - chrono::Duration::days(AUTO_COMPLETE_DAYS);
    let due: Vec<Uuid> = proxy_order::Entity::find()
        .select_only()
        .column(proxy_order::Column::Id)
        .filter(proxy_order::Column::Status.eq(ProxyStatus::Shipped.as_str()))
        .filter(proxy_order::Column::ShippedAt.lte(cutoff))
        .order_by_asc(proxy_order::Column::ShippedAt)
        .limit(batch)
        .into_tuple()
        .all(db)
        .await?;
    let complete_one = |id: Uuid| async move {
        let txn = kaimono_entity::begin_write(db).await?;
        let current = proxy_order_for(&txn, Actor::System, id).await?;
        if current.status != ProxyStatus::Shipped {
            return Ok::<bool, ProxyError>(false);
        }
        let columns = vec![(proxy_order::Column::CompletedAt, Expr::value(now))];
        match move_order(&txn, &current, ProxyStatus::Completed, columns, By::System, now).await {
            Ok(()) => {
                let context = json!({});
                tell_member(&txn, &current, Template::ProxyCompleted, context, now).await?;
                txn.commit().await?;
                Ok(true)
            }
            Err(ProxyError::InvalidTransition { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    };
    Ok(kaimono_jobs::move_each("shipped proxy order", due, complete_one).await)
}

/// A public arrival report (PRX-13).
#[derive(Debug, Clone)]
pub struct ArrivalReport {
    pub comment: String,
    pub reported_at: DateTime<Utc>,
}

/// PRX-13: the newest public arrival reports of a service (at most `limit`).
pub async fn arrival_reports(
    db: &impl ConnectionTrait,
    shop: ShopId,
    limit: u64,
) -> Result<Vec<ArrivalReport>, ProxyError> {
    crate::settings::proxy_shop(db, shop).await?;
    let rows = proxy_order::Entity::find()
        .filter(proxy_order::Column::ShopId.eq(shop.0))
        .filter(proxy_order::Column::ReceiptPublic.eq(true))
        .order_by_desc(proxy_order::Column::CompletedAt)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| Some(ArrivalReport { comment: r.receipt_comment?, reported_at: r.completed_at? }))
        .collect())
}
