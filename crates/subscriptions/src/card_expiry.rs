//! SUB-11: members whose subscription card nears or passed its expiry are told — automatically when the
//! shop says so (at most every 30 days per subscription), as a bulk send from the shop's card list, or one
//! by one with the shop's own words added. A card expires at the end of its month; "near" is this month
//! or the next.

use crate::error::SubscriptionError;
use chrono::{DateTime, Datelike, Duration, Utc};
use kaimono_core::japan::japan_today;
use kaimono_core::{AccountId, ShopId};
use kaimono_entity::{subscription, subscription_setting};
use kaimono_messaging::Template;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use uuid::Uuid;

/// How often the automatic notice repeats for one subscription.
pub const NOTICE_EVERY_DAYS: i64 = 30;

/// A subscription whose card nears or passed its expiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardExpiry {
    pub subscription_id: Uuid,
    pub number: String,
    pub account_id: AccountId,
    pub recipient_name: String,
    /// `VISA •••• 4242`.
    pub card: String,
    pub exp_month: i16,
    pub exp_year: i16,
    pub expired: bool,
    pub notified_at: Option<DateTime<Utc>>,
}

/// `Some(expired)` when a card of this expiry is to be noticed on `today`'s month.
fn nearing(exp_month: i16, exp_year: i16, today: chrono::NaiveDate) -> Option<bool> {
    let expiry = i32::from(exp_year) * 12 + i32::from(exp_month) - 1;
    let now = today.year() * 12 + i32::try_from(today.month0()).unwrap_or(0);
    if expiry < now {
        Some(true)
    } else if expiry <= now + 1 {
        Some(false)
    } else {
        None
    }
}

/// The shop's active card subscriptions whose card nears or passed its expiry, by subscription number.
pub async fn expiring_cards(
    db: &impl ConnectionTrait,
    shop: ShopId,
    now: DateTime<Utc>,
) -> Result<Vec<CardExpiry>, SubscriptionError> {
    let rows = subscription::Entity::find()
        .filter(subscription::Column::ShopId.eq(shop.0))
        .filter(subscription::Column::Status.eq("active"))
        .filter(subscription::Column::PaymentMethod.eq("card"))
        .filter(subscription::Column::CardId.is_not_null())
        .order_by_asc(subscription::Column::Number)
        .all(db)
        .await?;
    let cards = kaimono_payments::cards_by_id(db, rows.iter().filter_map(|r| r.card_id)).await?;
    let today = japan_today(now);
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let card = cards.get(&r.card_id?)?;
            let expired = nearing(card.exp_month, card.exp_year, today)?;
            Some(CardExpiry {
                subscription_id: r.id,
                number: r.number,
                account_id: AccountId(r.account_id),
                recipient_name: r.ship_name,
                card: card.label(),
                exp_month: card.exp_month,
                exp_year: card.exp_year,
                expired,
                notified_at: r.card_notice_at,
            })
        })
        .collect())
}

async fn notify(
    db: &impl ConnectionTrait,
    shop: ShopId,
    shop_name: &str,
    card: &CardExpiry,
    message: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), SubscriptionError> {
    let context = json!({
        "shop": shop_name,
        "number": card.number,
        "card": card.card,
        "expiry": format!("{:02}/{}", card.exp_month, card.exp_year),
        "expired": card.expired,
        "message": message.filter(|m| !m.trim().is_empty()),
    });
    kaimono_accounts::notify_member(db, card.account_id, shop, Template::SubscriptionCardExpiry, context, now).await?;
    subscription::Entity::update_many()
        .col_expr(subscription::Column::CardNoticeAt, Expr::value(now))
        .filter(subscription::Column::Id.eq(card.subscription_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The shop's bulk or single send (in the caller's transaction): each of `ids` must be on the shop's list
/// of expiring cards (otherwise nothing is sent: 404); `message` is added to each email. Returns how many.
pub async fn send_card_notices(
    db: &impl ConnectionTrait,
    shop: ShopId,
    ids: &[Uuid],
    message: Option<&str>,
    now: DateTime<Utc>,
) -> Result<u64, SubscriptionError> {
    let listed = expiring_cards(db, shop, now).await?;
    let chosen: Vec<&CardExpiry> = listed.iter().filter(|c| ids.contains(&c.subscription_id)).collect();
    if chosen.len() != ids.len() {
        return Err(SubscriptionError::NotFound);
    }
    let shop_name = kaimono_catalog::get_shop(db, shop).await?.name;
    for card in &chosen {
        notify(db, shop, &shop_name, card, message, now).await?;
    }
    Ok(chosen.len() as u64)
}

/// The automatic notices: for every shop that sends them, each expiring card not told in the last
/// [`NOTICE_EVERY_DAYS`] days. Run it under the job's lease (one process at a time).
pub async fn send_due_card_notices(
    db: &sea_orm::DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<u64, SubscriptionError> {
    let shops = subscription_setting::Entity::find()
        .filter(subscription_setting::Column::Enabled.eq(true))
        .filter(subscription_setting::Column::CardExpiryAuto.eq(true))
        .all(db)
        .await?;
    let mut sent = 0;
    for shop in shops {
        let shop = ShopId(shop.shop_id);
        let txn = kaimono_entity::begin_write(db).await?;
        let due = expiring_cards(&txn, shop, now).await?;
        let due: Vec<_> = due
            .into_iter()
            .filter(|c| c.notified_at.is_none_or(|at| at < now - Duration::days(NOTICE_EVERY_DAYS)))
            .collect();
        let shop_name = kaimono_catalog::get_shop(&txn, shop).await?.name;
        for card in &due {
            notify(&txn, shop, &shop_name, card, None, now).await?;
        }
        txn.commit().await?;
        sent += due.len() as u64;
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub11_a_card_is_noticed_in_its_last_two_months_and_after() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(nearing(12, 2026, today), Some(false), "expires at the end of this month");
        assert_eq!(nearing(1, 2027, today), Some(false), "next month");
        assert_eq!(nearing(2, 2027, today), None);
        assert_eq!(nearing(11, 2026, today), Some(true), "passed");
    }
}
