//! Invoices and paying them (PAY-05, PAY-06): every change of a quote writes a new version of the open
//! invoice (the old ones are kept); money applies to the open invoice of a stage — from the deposit
//! first, or by a confirmed bank transfer; more than is due goes to the deposit.

use crate::error::ProxyError;
use crate::model::*;
use crate::queries::{Actor, proxy_order_for, to_invoice};
use crate::workflow::{move_order, record, tell_member};
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, Money, ShopId};
use kaimono_entity::{proxy_invoice, proxy_item, proxy_order};
use kaimono_messaging::Template;
use kaimono_payments::{DepositKind, Movement, NewTransfer, TransferReport};
use kaimono_timeline::By;
use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

/// The amounts of an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounts {
    pub goods: Money,
    pub domestic_shipping: Money,
    pub service_fee: Money,
    pub international_shipping: Money,
    /// The storage clock's fee, billed with the international shipping.
    pub storage_fee: Money,
    /// PRX-07: local shipping costs of exchanges and returns, billed with the international shipping.
    pub local_shipping: Money,
}

impl Amounts {
    pub fn total(&self) -> Money {
        self.goods
            + self.domestic_shipping
            + self.service_fee
            + self.international_shipping
            + self.storage_fee
            + self.local_shipping
    }
}

/// The service fee on `goods`: the rate, rounded down to the yen, and at least the minimum; nothing on
/// nothing.
pub fn fee_for(goods: Money, settings: &ProxySettings) -> Result<Money, ProxyError> {
    if goods == Money::ZERO {
        return Ok(Money::ZERO);
    }
    let rated = (goods.amount() * Decimal::from(settings.fee_rate_bp) / Decimal::from(10_000)).floor();
    Ok(Money::try_from_decimal(rated)?.max(settings.fee_minimum))
}

/// PRX-01, PRX-04: the 1st invoice from the quoted items still in the order.
pub fn first_invoice_amounts(items: &[ProxyItem], settings: &ProxySettings) -> Result<Amounts, ProxyError> {
    let kept = items.iter().filter(|i| i.status != ItemStatus::Cancelled);
    let (mut goods, mut domestic_shipping) = (Money::ZERO, Money::ZERO);
    for item in kept {
        goods = goods + item.unit_price.ok_or(ProxyError::IncompleteQuote)?.times(item.quantity);
        domestic_shipping = domestic_shipping + item.domestic_shipping;
    }
    Ok(Amounts { goods, domestic_shipping, service_fee: fee_for(goods, settings)?, ..Default::default() })
}

/// What money for a stage of an order is known by, in the deposit ledger and transfer reports.
pub(crate) fn reference(order: Uuid, stage: Stage) -> String {
    format!("proxy_order:{order}:{}", stage.number())
}

fn parse_reference(reference: &str) -> Option<(Uuid, Stage)> {
    let rest = reference.strip_prefix("proxy_order:")?;
    let (id, stage) = rest.rsplit_once(':')?;
    Some((id.parse().ok()?, Stage::from_number(stage.parse().ok()?)?))
}

/// Writes a new version of `stage`'s invoice, superseding the open one and carrying over what was paid
/// towards it. Returns the new invoice's id.
pub(crate) async fn issue_invoice(
    db: &impl ConnectionTrait,
    order: &ProxyOrder,
    stage: Stage,
    amounts: Amounts,
    now: DateTime<Utc>,
) -> Result<Uuid, ProxyError> {
    let current = order.invoice(stage);
    let paid = current.filter(|i| i.status == InvoiceStatus::Open).map_or(Money::ZERO, |i| i.paid);
    if let Some(open) = current.filter(|i| i.status == InvoiceStatus::Open) {
        proxy_invoice::Entity::update_many()
            .col_expr(proxy_invoice::Column::Status, Expr::value(InvoiceStatus::Superseded.as_str()))
            .filter(proxy_invoice::Column::Id.eq(open.id))
            .exec(db)
            .await?;
    }
    let id = Uuid::now_v7();
    proxy_invoice::Entity::insert(proxy_invoice::ActiveModel {
        id: Set(id),
        order_id: Set(order.id),
        stage: Set(stage.number()),
        version: Set(current.map_or(1, |i| i.version + 1)),
        status: Set(InvoiceStatus::Open.as_str().to_owned()),
        goods: Set(amounts.goods.to_yen()?),
        domestic_shipping: Set(amounts.domestic_shipping.to_yen()?),
        service_fee: Set(amounts.service_fee.to_yen()?),
        international_shipping: Set(amounts.international_shipping.to_yen()?),
        storage_fee: Set(amounts.storage_fee.to_yen()?),
        local_shipping: Set(amounts.local_shipping.to_yen()?),
        total: Set(amounts.total().to_yen()?),
        paid: Set(paid.to_yen()?),
        created_at: Set(now),
        paid_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// Rewrites a paid invoice for fewer items (a refund): the new version is paid in full at its new total
/// and the old one is kept, superseded. Answers what the new version no longer holds.
pub(crate) async fn reissue_paid_invoice(
    db: &impl ConnectionTrait,
    order: &ProxyOrder,
    paid: &Invoice,
    amounts: Amounts,
    now: DateTime<Utc>,
) -> Result<Money, ProxyError> {
    let total = amounts.total().min(paid.paid);
    let superseded = proxy_invoice::Entity::update_many()
        .col_expr(proxy_invoice::Column::Status, Expr::value(InvoiceStatus::Superseded.as_str()))
        .filter(proxy_invoice::Column::Id.eq(paid.id))
        .filter(proxy_invoice::Column::Status.eq(InvoiceStatus::Paid.as_str()))
        .exec(db)
        .await?;
    if superseded.rows_affected == 0 {
        return Err(ProxyError::InvalidTransition {
            from: paid.status.as_str(),
            to: InvoiceStatus::Superseded.as_str(),
        });
    }
    proxy_invoice::Entity::insert(proxy_invoice::ActiveModel {
        id: Set(Uuid::now_v7()),
        order_id: Set(order.id),
        stage: Set(paid.stage.number()),
        version: Set(paid.version + 1),
        status: Set(InvoiceStatus::Paid.as_str().to_owned()),
        goods: Set(amounts.goods.to_yen()?),
        domestic_shipping: Set(amounts.domestic_shipping.to_yen()?),
        service_fee: Set(amounts.service_fee.to_yen()?),
        international_shipping: Set(amounts.international_shipping.to_yen()?),
        storage_fee: Set(amounts.storage_fee.to_yen()?),
        local_shipping: Set(amounts.local_shipping.to_yen()?),
        total: Set(amounts.total().to_yen()?),
        paid: Set(total.to_yen()?),
        created_at: Set(now),
        paid_at: Set(paid.paid_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(paid.paid - total)
}

/// After a new invoice version: when what was already paid covers it (a quantity lowered after a part
/// payment, a quote of nothing), the stage is settled at once — a surplus goes to the deposit.
pub(crate) async fn settle_if_covered(
    db: &impl ConnectionTrait,
    id: Uuid,
    stage: Stage,
    by: By,
    now: DateTime<Utc>,
) -> Result<(), ProxyError> {
    let order = proxy_order_for(db, Actor::System, id).await?;
    if order.status != stage.awaiting() {
        return Ok(());
    }
    let invoice = lock_open_invoice(db, id, stage).await?;
    if invoice.due() == Money::ZERO {
        apply(db, &order, &invoice, Money::ZERO, "already_paid", by, now).await?;
    }
    Ok(())
}

/// The open invoice of `stage`, locked for this transaction (concurrent payments of it take turns).
async fn lock_open_invoice(db: &impl ConnectionTrait, order: Uuid, stage: Stage) -> Result<Invoice, ProxyError> {
    let open = || {
        proxy_invoice::Entity::find()
            .filter(proxy_invoice::Column::OrderId.eq(order))
            .filter(proxy_invoice::Column::Stage.eq(stage.number()))
            .filter(proxy_invoice::Column::Status.eq(InvoiceStatus::Open.as_str()))
    };
    let row = open().one(db).await?.ok_or(ProxyError::NothingDue)?;
    // A write that changes nothing takes the row lock on PostgreSQL (SQLite writes one at a time).
    let locked = proxy_invoice::Entity::update_many()
        .col_expr(proxy_invoice::Column::Paid, Expr::col(proxy_invoice::Column::Paid))
        .filter(proxy_invoice::Column::Id.eq(row.id))
        .filter(proxy_invoice::Column::Status.eq(InvoiceStatus::Open.as_str()))
        .exec(db)
        .await?;
    if locked.rows_affected == 0 {
        return Err(ProxyError::NothingDue);
    }
    to_invoice(proxy_invoice::Entity::find_by_id(row.id).one(db).await?.ok_or(ProxyError::NothingDue)?)
}

/// Applies `amount` to `invoice` (locked by the caller); when that pays it, the stage is done: the
/// invoice is paid, anything over goes to the deposit, and the order moves on.
async fn apply(
    db: &impl ConnectionTrait,
    order: &ProxyOrder,
    invoice: &Invoice,
    amount: Money,
    how: &str,
    by: By,
    now: DateTime<Utc>,
) -> Result<(), ProxyError> {
    let paid = invoice.paid + amount;
    let settled = paid >= invoice.total;
    let kept = if settled { invoice.total } else { paid };
    let mut update =
        proxy_invoice::Entity::update_many().col_expr(proxy_invoice::Column::Paid, Expr::value(kept.to_yen()?));
    if settled {
        update = update
            .col_expr(proxy_invoice::Column::Status, Expr::value(InvoiceStatus::Paid.as_str()))
            .col_expr(proxy_invoice::Column::PaidAt, Expr::value(now));
    }
    update.filter(proxy_invoice::Column::Id.eq(invoice.id)).exec(db).await?;
    record(db, order.id, "payment_applied", by, Some(format!("{how} {amount}")), now).await?;
    if !settled {
        return Ok(());
    }
    let over = paid - invoice.total;
    if over > Money::ZERO {
        let movement = Movement { reference: Some(reference(order.id, invoice.stage)), ..Default::default() };
        kaimono_payments::credit_deposit(
            db,
            order.account_id,
            order.shop_id,
            DepositKind::Overpayment,
            over,
            movement,
            now,
        )
        .await?;
    }
    match invoice.stage {
        Stage::First => {
            move_order(
                db,
                order,
                ProxyStatus::Purchasing,
                vec![(proxy_order::Column::FirstPaidAt, Expr::value(now))],
                by,
                now,
            )
            .await?;
            proxy_item::Entity::update_many()
                .col_expr(proxy_item::Column::Status, Expr::value(ItemStatus::Paid.as_str()))
                .col_expr(proxy_item::Column::UpdatedAt, Expr::value(now))
                .filter(proxy_item::Column::OrderId.eq(order.id))
                .filter(proxy_item::Column::Status.eq(ItemStatus::BeforePayment.as_str()))
                .exec(db)
                .await?;
        }
        Stage::Second => move_order(db, order, ProxyStatus::AwaitingShipment, vec![], by, now).await?,
    }
    let context = json!({"stage": invoice.stage.number(), "total": invoice.total.to_string(), "over": (over > Money::ZERO).then(|| over.to_string())});
    tell_member(db, order, Template::ProxyPaymentReceived, context, now).await
}

/// The stage whose invoice waits for payment; a 2nd invoice whose weight the member disputes is held.
fn due_stage(order: &ProxyOrder) -> Result<Stage, ProxyError> {
    match order.status {
        ProxyStatus::AwaitingFirstPayment => Ok(Stage::First),
        ProxyStatus::AwaitingSecondPayment if order.weight_disputed_at.is_some() => Err(ProxyError::WeightDisputed),
        ProxyStatus::AwaitingSecondPayment => Ok(Stage::Second),
        _ => Err(ProxyError::NothingDue),
    }
}

/// PAY-06: pays as much of the waiting invoice as the member's deposit holds.
pub async fn pay_with_deposit(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<ProxyOrder, ProxyError> {
    let order = proxy_order_for(db, Actor::Member(account), id).await?;
    let stage = due_stage(&order)?;
    let invoice = lock_open_invoice(db, id, stage).await?;
    let used =
        kaimono_payments::use_deposit(db, account, order.shop_id, invoice.due(), &reference(id, stage), now).await?;
    if used == Money::ZERO {
        return Err(ProxyError::NoDeposit);
    }
    apply(db, &order, &invoice, used, "deposit", By::Member(account), now).await?;
    proxy_order_for(db, Actor::Member(account), id).await
}

/// PAY-05: the member's report of a transfer for the waiting invoice.
pub async fn report_transfer(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
    transfer: NewTransfer,
    now: DateTime<Utc>,
) -> Result<TransferReport, ProxyError> {
    let order = proxy_order_for(db, Actor::Member(account), id).await?;
    let stage = due_stage(&order)?;
    let report =
        kaimono_payments::report_transfer(db, account, order.shop_id, &reference(id, stage), transfer, now).await?;
    // The name as the bank prints it: normalized by payments (half-width katakana made full width).
    let note = format!("{} {}", report.amount, report.sender_kana);
    record(db, id, "transfer_reported", By::Member(account), Some(note), now).await?;
    Ok(report)
}

/// What a deposit top-up by transfer is known by.
const TOP_UP: &str = "deposit_top_up";

/// PAY-06: the member's report of a transfer made to top up the deposit at a proxy-buying shop.
pub async fn report_top_up(
    db: &impl ConnectionTrait,
    account: AccountId,
    shop: ShopId,
    transfer: NewTransfer,
    now: DateTime<Utc>,
) -> Result<TransferReport, ProxyError> {
    crate::settings::proxy_shop(db, shop).await?;
    Ok(kaimono_payments::report_transfer(db, account, shop, TOP_UP, transfer, now).await?)
}

/// What the member's payment page shows for the invoice waiting (PAY-05 to PAY-07).
#[derive(Debug, Clone)]
pub struct PaymentOptions {
    pub stage: Stage,
    pub invoice: Invoice,
    pub deposit_balance: Money,
    /// Where to transfer to.
    pub bank_account: Option<kaimono_catalog::BankAccount>,
    /// PAY-07: the card surcharge on what is due, and the total the card page will charge.
    pub card_surcharge_bp: u32,
    pub card_surcharge: Money,
    pub card_total: Money,
    /// Transfer reports made for this stage, oldest first.
    pub transfers: Vec<TransferReport>,
}

/// The surcharge on `amount` at `bp` basis points, rounded down to the yen.
pub fn surcharge_for(amount: Money, bp: u32) -> Result<Money, ProxyError> {
    Ok(Money::try_from_decimal((amount.amount() * Decimal::from(bp) / Decimal::from(10_000)).floor())?)
}

/// The payment page of the member's order: what is due now and every way to pay it.
pub async fn payment_options(
    db: &impl ConnectionTrait,
    account: AccountId,
    id: Uuid,
) -> Result<PaymentOptions, ProxyError> {
    let order = proxy_order_for(db, Actor::Member(account), id).await?;
    let stage = due_stage(&order)?;
    let invoice =
        order.invoice(stage).filter(|i| i.status == InvoiceStatus::Open).ok_or(ProxyError::NothingDue)?.clone();
    let shop = kaimono_catalog::get_shop(db, order.shop_id).await?;
    let settings = crate::settings::proxy_settings(db, order.shop_id).await?;
    let card_surcharge = surcharge_for(invoice.due(), settings.card_surcharge_bp)?;
    Ok(PaymentOptions {
        stage,
        deposit_balance: kaimono_payments::deposit_balance(db, account, order.shop_id).await?,
        bank_account: shop.bank_account,
        card_surcharge_bp: settings.card_surcharge_bp,
        card_surcharge,
        card_total: invoice.due() + card_surcharge,
        transfers: kaimono_payments::transfers_for(db, &reference(id, stage)).await?,
        invoice,
    })
}

/// A staff correction of a member's deposit (PAY-06).
#[derive(Debug, Clone)]
pub struct DepositAdjustment {
    pub member: AccountId,
    /// Adds when true, takes otherwise (never below zero).
    pub credit: bool,
    pub amount: Money,
    pub reason: String,
}

/// PAY-06: staff correct a member's deposit, with a reason. Answers the new balance.
pub async fn adjust_deposit(
    db: &impl ConnectionTrait,
    shop: ShopId,
    adjustment: DepositAdjustment,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<Money, ProxyError> {
    crate::settings::proxy_shop(db, shop).await?;
    if adjustment.amount == Money::ZERO {
        return Err(ProxyError::ZeroAmount { field: "amount" });
    }
    let movement = Movement { reference: None, reason: Some(adjustment.reason), by: Some(staff) };
    let (member, kind, amount) = (adjustment.member, DepositKind::Adjustment, adjustment.amount);
    Ok(if adjustment.credit {
        kaimono_payments::credit_deposit(db, member, shop, kind, amount, movement, now).await?
    } else {
        kaimono_payments::debit_deposit(db, member, shop, kind, amount, movement, now).await?
    })
}

/// PAY-05: staff settle a transfer report: `received` arrived (a partial amount leaves the rest due,
/// more than due goes to the deposit), or nothing did (`None`). Money for an invoice that is no longer
/// open (paid another way, or the order cancelled) goes to the deposit whole.
pub async fn confirm_transfer(
    db: &impl ConnectionTrait,
    shop: ShopId,
    report: Uuid,
    received: Option<Money>,
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<TransferReport, ProxyError> {
    let settled = kaimono_payments::settle_transfer(db, shop, report, received, staff, now).await?;
    let Some(amount) = received else { return Ok(settled) };
    let Some((id, stage)) = parse_reference(&settled.reference) else {
        // A top-up (or money for nothing this crate knows): all of it to the deposit.
        let kind = if settled.reference == TOP_UP { DepositKind::TopUp } else { DepositKind::Overpayment };
        let movement = Movement { reference: Some(settled.reference.clone()), reason: None, by: Some(staff) };
        kaimono_payments::credit_deposit(db, settled.account_id, shop, kind, amount, movement, now).await?;
        return Ok(settled);
    };
    let order = proxy_order_for(db, Actor::Shop(shop), id).await?;
    pay_or_keep(db, &order, stage, amount, "bank_transfer", By::Staff(staff), now).await?;
    Ok(settled)
}

/// Money that arrived for `stage` of `order`: it pays the open invoice, or — when that is no longer open
/// (paid another way, the order cancelled) — goes to the member's deposit whole.
async fn pay_or_keep(
    db: &impl ConnectionTrait,
    order: &ProxyOrder,
    stage: Stage,
    amount: Money,
    how: &str,
    by: By,
    now: DateTime<Utc>,
) -> Result<(), ProxyError> {
    match lock_open_invoice(db, order.id, stage).await {
        Ok(invoice) if order.status == stage.awaiting() => apply(db, order, &invoice, amount, how, by, now).await,
        Ok(_) | Err(ProxyError::NothingDue) => {
            let movement = Movement { reference: Some(reference(order.id, stage)), ..Default::default() };
            let kind = DepositKind::Overpayment;
            kaimono_payments::credit_deposit(db, order.account_id, order.shop_id, kind, amount, movement, now).await?;
            let what = if how == "card" { "card_to_deposit" } else { "transfer_to_deposit" };
            record(db, order.id, what, by, Some(amount.to_string()), now).await
        }
        Err(e) => Err(e),
    }
}

/// PAY-07: opens the hosted card page for what is due now, charging the shop's card surcharge on top
/// (shown to the member before the redirect). The member comes back to the order.
pub async fn start_card_payment(
    db: &impl ConnectionTrait,
    checkout: &kaimono_payments::Checkout,
    account: AccountId,
    id: Uuid,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<kaimono_payments::CheckoutPage, ProxyError> {
    let options = payment_options(db, account, id).await?;
    let due = options.invoice.due();
    if due == Money::ZERO {
        return Err(ProxyError::NothingDue);
    }
    let order = proxy_order_for(db, Actor::Member(account), id).await?;
    let new = kaimono_payments::NewCheckout {
        reference: reference(id, options.stage),
        account,
        shop: order.shop_id,
        amount: due,
        surcharge: options.card_surcharge,
        description: format!("{} {} ({})", order.shop_name, order.number, options.stage.number()),
        success_url: format!("{public_url}/proxy/orders/{id}?card=paid"),
        cancel_url: format!("{public_url}/proxy/orders/{id}/pay"),
    };
    Ok(checkout.start(db, new, now).await?)
}

/// PAY-07: what a paid hosted card page pays — the surcharge already taken off.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProxyCardPayments;

#[async_trait::async_trait]
impl kaimono_payments::CheckoutPayee for ProxyCardPayments {
    fn prefix(&self) -> &'static str {
        "proxy_order:"
    }

    async fn paid_by_card(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        reference: &str,
        amount: Money,
        now: DateTime<Utc>,
    ) -> Result<(), kaimono_payments::PayableError> {
        let refused = |e: ProxyError| match e {
            ProxyError::Db(e) => kaimono_payments::PayableError::Db(e),
            e => kaimono_payments::PayableError::Refused(Box::new(e)),
        };
        let (id, stage) =
            parse_reference(reference).ok_or_else(|| refused(ProxyError::Corrupt(format!("reference {reference}"))))?;
        let order = proxy_order_for(txn, Actor::System, id).await.map_err(refused)?;
        pay_or_keep(txn, &order, stage, amount, "card", By::Member(order.account_id), now).await.map_err(refused)
    }
}

/// A transfer report waiting for staff, with what it pays.
#[derive(Debug, Clone)]
pub struct QueuedTransfer {
    pub report: TransferReport,
    /// The order and stage it pays; `None` for a deposit top-up.
    pub order: Option<(Uuid, String, Stage)>,
}

/// PAY-05: the shop's transfer reports waiting for a person, oldest first (at most 200).
pub async fn transfer_queue(db: &impl ConnectionTrait, shop: ShopId) -> Result<Vec<QueuedTransfer>, ProxyError> {
    let reports = kaimono_payments::transfers_to_confirm(db, shop, 200).await?;
    let ids: Vec<Uuid> = reports.iter().filter_map(|r| parse_reference(&r.reference)).map(|(id, _)| id).collect();
    let numbers: std::collections::HashMap<Uuid, String> = proxy_order::Entity::find()
        .filter(proxy_order::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.number))
        .collect();
    Ok(reports
        .into_iter()
        .map(|report| {
            let order = parse_reference(&report.reference)
                .and_then(|(id, stage)| numbers.get(&id).map(|n| (id, n.clone(), stage)));
            QueuedTransfer { report, order }
        })
        .collect())
}

/// A member's deposit at a proxy-buying shop: the balance and the newest 100 movements (PAY-06).
pub async fn deposit_of(
    db: &impl ConnectionTrait,
    shop: ShopId,
    member: AccountId,
) -> Result<(Money, Vec<kaimono_payments::DepositEntry>), ProxyError> {
    crate::settings::proxy_shop(db, shop).await?;
    let balance = kaimono_payments::deposit_balance(db, member, shop).await?;
    Ok((balance, kaimono_payments::deposit_ledger(db, member, shop, 100).await?))
}
