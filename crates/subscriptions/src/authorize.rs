//! SUB-04: the card authorization of generated orders (与信を同時に実行する). Generation queues it on the
//! ledger row; this job claims queued rows (safe on every instance), pays each order's request with the
//! subscription's saved card through settlement — the provider is called outside any transaction — and
//! records the result, which the order shows with its payment attempts. A refusal is flagged and never
//! retried (seed 002): the member is mailed a fresh, expiring link to pay that order with another card.
//! An unreachable or rate-limiting provider (429, 5xx) stops the run: the rest of the batch is released
//! and tried on the next run, so a busy provider is not pressed harder.

use crate::error::SubscriptionError;
use crate::model::PaymentMethod;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, ShopId};
use kaimono_entity::{subscription, subscription_delivery};
use kaimono_messaging::Template;
use kaimono_payments::{DeferredBuyer, PaymentError, ProviderError, Settlement, Subject, payment_link, renew_link};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// A generated order waiting for its authorization.
pub(crate) const QUEUED: &str = "queued";
const AUTHORIZED: &str = "authorized";

/// Authorizes queued orders, `limit` claimed at a time, until none is left, the provider is busy or the
/// process is stopping; returns how many were settled (authorized or flagged).
pub async fn authorize_queued(
    db: &DatabaseConnection,
    settlement: &Settlement,
    public_url: &str,
    worker: &str,
    now: DateTime<Utc>,
    limit: u64,
    stopping: &(dyn Fn() -> bool + Sync),
) -> Result<u64, SubscriptionError> {
    let started = std::time::Instant::now();
    let mut settled = 0;
    loop {
        // A long drain keeps its claims' leases current.
        let now = now + chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
        let (batch, claimed, busy) = authorize_batch(db, settlement, public_url, worker, now, limit, stopping).await?;
        settled += batch;
        if claimed < limit || busy || stopping() {
            return Ok(settled);
        }
    }
}

/// One claimed batch: (settled, claimed, the provider was busy).
async fn authorize_batch(
    db: &DatabaseConnection,
    settlement: &Settlement,
    public_url: &str,
    worker: &str,
    now: DateTime<Utc>,
    limit: u64,
    stopping: &(dyn Fn() -> bool + Sync),
) -> Result<(u64, u64, bool), SubscriptionError> {
    use subscription_delivery::Column as C;
    let claim = format!("{worker}/{}", Uuid::now_v7().simple());
    let due = subscription_delivery::Entity::find()
        .filter(C::Authorization.eq(QUEUED))
        .filter(C::ClaimedUntil.is_null().or(C::ClaimedUntil.lt(now)));
    let claimed = kaimono_jobs::claim_batch(
        db,
        due,
        C::Id,
        C::ClaimedBy,
        C::ClaimedUntil,
        kaimono_jobs::Claim::new(&claim, now),
        limit,
    )
    .await?;
    if claimed == 0 {
        return Ok((0, 0, false));
    }
    let rows = subscription_delivery::Entity::find()
        .filter(C::ClaimedBy.eq(claim.as_str()))
        .filter(C::Authorization.eq(QUEUED))
        .all(db)
        .await?;
    let mut settled = 0;
    let mut busy = false;
    let started = std::time::Instant::now();
    for row in rows {
        if stopping() {
            break;
        }
        // Each attempt is recorded at the time it was made.
        let at = now + chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
        if !authorize_one(db, settlement, public_url, row, at).await? {
            busy = true;
            break;
        }
        settled += 1;
    }
    // What this run did not settle goes back to the queue at once.
    subscription_delivery::Entity::update_many()
        .col_expr(C::ClaimedBy, Expr::value(Option::<String>::None))
        .col_expr(C::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(C::ClaimedBy.eq(claim.as_str()))
        .filter(C::Authorization.eq(QUEUED))
        .exec(db)
        .await?;
    Ok((settled, claimed, busy))
}

/// The provider's reason for a refusal, as the ledger keeps it.
fn refusal(error: &PaymentError) -> Option<String> {
    match error {
        PaymentError::Provider(ProviderError::Unavailable(_) | ProviderError::RateLimited { .. })
        | PaymentError::InProgress => None,
        PaymentError::Provider(ProviderError::Declined { code }) => Some(code.clone()),
        PaymentError::ChosenCardExpired => Some("expired_card".to_owned()),
        PaymentError::UnknownCard => Some("unknown_card".to_owned()),
        PaymentError::Expired | PaymentError::Cancelled => Some("order_closed".to_owned()),
        _ => Some("invalid_request".to_owned()),
    }
}

/// Settles one queued authorization; `false` when the provider is busy (nothing settled, stop the run).
async fn authorize_one(
    db: &DatabaseConnection,
    settlement: &Settlement,
    public_url: &str,
    row: subscription_delivery::Model,
    now: DateTime<Utc>,
) -> Result<bool, SubscriptionError> {
    let order = row.order_id.ok_or_else(|| SubscriptionError::Corrupt(format!("delivery {} has no order", row.id)))?;
    let s = subscription::Entity::find_by_id(row.subscription_id).one(db).await?.ok_or(SubscriptionError::NotFound)?;
    let account = AccountId(s.account_id);
    let deferred = PaymentMethod::parse(&s.payment_method) == Some(PaymentMethod::Deferred);
    let outcome = if deferred {
        // PAY-08: the deferred-payment company's assessment of this order.
        let buyer = DeferredBuyer {
            name: s.ship_name.clone(),
            kana: s.ship_name_kana.clone(),
            postal_code: s.ship_postal_code.clone(),
            address: format!("{} {} {}", s.ship_city, s.ship_street, s.ship_building.clone().unwrap_or_default()),
            phone: s.ship_phone.clone(),
            email: kaimono_accounts::member_contact(db, account).await?.email,
        };
        settlement.assess_deferred(db, account, Subject::Order(order), &buyer, now).await.map(|_| Subject::Order(order))
    } else {
        match s.card_id {
            Some(card) => settlement.pay_subject(db, account, Subject::Order(order), card, now).await,
            None => Err(PaymentError::UnknownCard),
        }
    };
    let failure = match &outcome {
        Ok(_) | Err(PaymentError::AlreadyPaid) => None,
        Err(e) => match refusal(e) {
            Some(code) => Some(code),
            None => {
                tracing::warn!(order = %order, error = %e, "payment provider busy; authorizations resume next run");
                return Ok(false);
            }
        },
    };
    let txn = kaimono_entity::begin_write(db).await?;
    let status = failure.as_ref().map_or(AUTHORIZED.to_owned(), |code| format!("failed:{code}"));
    subscription_delivery::Entity::update_many()
        .col_expr(subscription_delivery::Column::Authorization, Expr::value(status))
        .col_expr(subscription_delivery::Column::ClaimedBy, Expr::value(Option::<String>::None))
        .col_expr(subscription_delivery::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(subscription_delivery::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    if let Some(code) = failure.filter(|c| c != "order_closed") {
        // The recovery link: the order's own payment link, renewed, for another card.
        let shop = kaimono_catalog::get_shop(&txn, ShopId(s.shop_id)).await?;
        let expires = shop.policy.payment_expiry(now);
        let token = renew_link(&txn, Subject::Order(order), expires).await?;
        let context = json!({
            "number": s.number,
            "shop": shop.name,
            "delivery_on": row.delivery_on.to_string(),
            "reason": code,
            "deferred": deferred,
            "url": payment_link(public_url, &token),
            "expires": expires.to_rfc3339(),
        });
        kaimono_accounts::notify_member(
            &txn,
            account,
            ShopId(s.shop_id),
            Template::SubscriptionAuthorizationFailed,
            context,
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(true)
}
