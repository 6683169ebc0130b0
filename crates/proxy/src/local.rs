//! Local shipping costs (PRX-07): an exchange or a return with a seller in Japan is negotiated in the
//! order's messages; what it costs (shipping back to the seller, the replacement's delivery) staff record
//! when it is incurred. It is billed on the 2nd invoice — at weighing, or at once on a 2nd invoice waiting
//! for payment (a new version) — and the member is told on the order's thread.

use crate::billing::{Amounts, issue_invoice};
use crate::error::ProxyError;
use crate::messages::post_and_notify;
use crate::model::*;
use crate::queries::{Actor, proxy_order_for};
use crate::workflow::record;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::proxy_local_charge;
use kaimono_messaging::{NewMessage, Side};
use kaimono_timeline::By;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

/// A local shipping cost to bill.
#[derive(Debug, Clone)]
pub struct NewLocalCharge {
    /// What it was for (「交換品の返送料（ヤマト運輸）」).
    pub description: String,
    pub amount: Money,
}

/// PRX-07: staff record a local shipping cost while the items are in Japan and the 2nd invoice is not
/// paid; answers the order after it.
pub async fn add_local_charge(
    db: &impl ConnectionTrait,
    shop: ShopId,
    id: Uuid,
    charge: NewLocalCharge,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Shop(shop), id).await?;
    if !matches!(order.status, ProxyStatus::Purchasing | ProxyStatus::AwaitingSecondPayment) {
        return Err(ProxyError::InvalidTransition { from: order.status.as_str(), to: "charged" });
    }
    if charge.amount <= Money::ZERO {
        return Err(ProxyError::NothingDue);
    }
    proxy_local_charge::Entity::insert(proxy_local_charge::ActiveModel::from(proxy_local_charge::Model {
        id: Uuid::now_v7(),
        order_id: id,
        description: charge.description.clone(),
        amount: charge.amount.to_yen()?,
        staff_id: staff.0,
        created_at: now,
    }))
    .exec_without_returning(db)
    .await?;
    let note = format!("{} ¥{}", charge.description, charge.amount);
    record(db, id, "local_charge", By::Staff(staff), Some(note), now).await?;
    let billed_now = order.status == ProxyStatus::AwaitingSecondPayment;
    if let Some(open) = order.invoice(Stage::Second).filter(|i| billed_now && i.status == InvoiceStatus::Open) {
        let amounts = Amounts {
            international_shipping: open.international_shipping,
            storage_fee: open.storage_fee,
            local_shipping: order.local_shipping() + charge.amount,
            ..Default::default()
        };
        issue_invoice(db, &order, Stage::Second, amounts, now).await?;
    }
    let when = if billed_now {
        "2次請求に加算しました。"
    } else {
        "2次請求（国際送料）と一緒にご請求します。"
    };
    let body = format!("{}：{}円\n{when}", charge.description, charge.amount.to_yen()?);
    let message = NewMessage { title: "国内送料のご請求".to_owned(), body, files: Vec::new() };
    let message = kaimono_messaging::prepare_message(message).await?;
    post_and_notify(db, &order, Side::Staff, staff, &message, now).await?;
    proxy_order_for(db, Actor::Shop(shop), id).await
}
