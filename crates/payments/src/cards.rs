//! PAY-01: the card vault. The browser exchanges the card number for a provider token; we save the card
//! at the provider and keep its reference, brand, last 4 digits and expiry — never the number.
//!
//! Provider calls happen outside database transactions; the rows they lead to are written after.

use crate::error::PaymentError;
use crate::model::{Card, card_expired};
use crate::ports::PaymentProvider;
use chrono::{DateTime, Utc};
use kaimono_core::AccountId;
use kaimono_entity::{payment_card, payment_customer};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use uuid::Uuid;

pub(crate) fn to_card(row: payment_card::Model) -> Card {
    Card {
        id: row.id,
        brand: row.brand,
        last4: row.last4,
        exp_month: row.exp_month,
        exp_year: row.exp_year,
        is_default: row.is_default,
        created_at: row.created_at,
    }
}

/// The member's cards at this provider, the default first, then newest first.
pub async fn list_cards(
    db: &impl ConnectionTrait,
    provider: &dyn PaymentProvider,
    account: AccountId,
) -> Result<Vec<Card>, PaymentError> {
    let rows = payment_card::Entity::find()
        .filter(payment_card::Column::AccountId.eq(account.0))
        .filter(payment_card::Column::Provider.eq(provider.name()))
        .order_by_desc(payment_card::Column::IsDefault)
        .order_by_desc(payment_card::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_card).collect())
}

/// The saved card row of this member (another member's card is "not found").
/// These saved cards by id (unknown ids are left out), for lists that show each one's expiry.
pub async fn cards_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<std::collections::HashMap<Uuid, Card>, PaymentError> {
    let rows = payment_card::Entity::find().filter(payment_card::Column::Id.is_in(ids)).all(db).await?;
    Ok(rows.into_iter().map(|r| (r.id, to_card(r))).collect())
}

pub(crate) async fn card_row(
    db: &impl ConnectionTrait,
    account: AccountId,
    card: Uuid,
) -> Result<payment_card::Model, PaymentError> {
    payment_card::Entity::find_by_id(card)
        .filter(payment_card::Column::AccountId.eq(account.0))
        .one(db)
        .await?
        .ok_or(PaymentError::CardNotFound)
}

/// The member's customer at the provider, created on first use.
pub async fn customer_ref(
    db: &impl ConnectionTrait,
    provider: &dyn PaymentProvider,
    account: AccountId,
    email: &str,
) -> Result<String, PaymentError> {
    let find = || payment_customer::Entity::find_by_id((account.0, provider.name().to_owned())).one(db);
    if let Some(row) = find().await? {
        return Ok(row.customer_ref);
    }
    // The provider call is idempotent per account, so a race creates one customer.
    let created = provider.create_customer(account.0, email).await?;
    payment_customer::Entity::insert(payment_customer::ActiveModel {
        account_id: Set(account.0),
        provider: Set(provider.name().to_owned()),
        customer_ref: Set(created.clone()),
    })
    .on_conflict(
        OnConflict::columns([payment_customer::Column::AccountId, payment_customer::Column::Provider])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(find().await?.map_or(created, |row| row.customer_ref))
}

/// Saves the card behind `token` and makes it the member's default (registering a new card is also how
/// a member changes cards).
pub async fn register_card(
    db: &DatabaseConnection,
    provider: &dyn PaymentProvider,
    account: AccountId,
    email: &str,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Card, PaymentError> {
    let customer = customer_ref(db, provider, account, email).await?;
    let saved = provider.save_card(&customer, token).await?;
    if card_expired(saved.exp_month, saved.exp_year, now) {
        // Best effort: the provider keeps nothing usable either way.
        if let Err(e) = provider.remove_card(&saved.card_ref).await {
            tracing::warn!(error = %e, "could not detach an expired card");
        }
        return Err(PaymentError::CardExpired);
    }
    let id = Uuid::now_v7();
    let txn = db.begin().await?;
    payment_card::Entity::update_many()
        .col_expr(payment_card::Column::IsDefault, Expr::value(false))
        .filter(payment_card::Column::AccountId.eq(account.0))
        .exec(&txn)
        .await?;
    payment_card::Entity::insert(payment_card::ActiveModel {
        id: Set(id),
        account_id: Set(account.0),
        provider: Set(provider.name().to_owned()),
        card_ref: Set(saved.card_ref),
        brand: Set(saved.brand),
        last4: Set(saved.last4),
        exp_month: Set(saved.exp_month),
        exp_year: Set(saved.exp_year),
        is_default: Set(true),
        created_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    card_row(db, account, id).await.map(to_card)
}

/// Makes one of the member's cards the default.
pub async fn set_default_card(db: &DatabaseConnection, account: AccountId, card: Uuid) -> Result<Card, PaymentError> {
    card_row(db, account, card).await?;
    let txn = db.begin().await?;
    payment_card::Entity::update_many()
        .col_expr(payment_card::Column::IsDefault, ExprTrait::eq(Expr::col(payment_card::Column::Id), card))
        .filter(payment_card::Column::AccountId.eq(account.0))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    card_row(db, account, card).await.map(to_card)
}

/// Detaches the card at the provider and forgets it; the newest remaining card becomes the default.
pub async fn delete_card(
    db: &DatabaseConnection,
    provider: &dyn PaymentProvider,
    account: AccountId,
    card: Uuid,
) -> Result<(), PaymentError> {
    let row = card_row(db, account, card).await?;
    provider.remove_card(&row.card_ref).await?;
    let txn = db.begin().await?;
    payment_card::Entity::delete_by_id(card).exec(&txn).await?;
    if row.is_default
        && let Some(next) = payment_card::Entity::find()
            .filter(payment_card::Column::AccountId.eq(account.0))
            .order_by_desc(payment_card::Column::CreatedAt)
            .one(&txn)
            .await?
    {
        payment_card::Entity::update_many()
            .col_expr(payment_card::Column::IsDefault, Expr::value(true))
            .filter(payment_card::Column::Id.eq(next.id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}
