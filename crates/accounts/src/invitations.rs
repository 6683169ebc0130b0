//! ACC-04, mall administration: the operator invites a shop's owner, owners invite their staff, by an
//! emailed one-time link; owners remove staff. A link is stored as a digest only and accepted at most
//! once (a conditional UPDATE). Accepting creates the staff account, or binds an existing staff account
//! (someone working for two shops) to one more shop.

use crate::error::AccountError;
use crate::model::{Account, PersonDetails, Role, ShopRole, normalize_email};
use crate::profile::to_account;
use crate::secrets::{new_token, token_digest};
use crate::staff::{bind_to_shop, create_account};
use chrono::{DateTime, Duration, Utc};
use kaimono_core::{AccountId, Locale, ShopId};
use kaimono_entity::{account, staff_invitation, staff_shop};
use kaimono_messaging::{Email, Template, enqueue};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use uuid::Uuid;

/// How long an invitation link works.
pub const INVITATION_TTL: Duration = Duration::days(7);

/// An invitation not yet accepted, revoked or expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: Uuid,
    pub shop_id: ShopId,
    pub email: String,
    pub role: ShopRole,
    pub expires_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

/// What the accept page shows before the invitee acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationPreview {
    pub shop_id: ShopId,
    pub shop_name: String,
    pub email: String,
    pub role: ShopRole,
    /// The email has a staff account already: accepting adds this shop to it (no new password).
    pub has_account: bool,
}

/// One person on a shop's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub account_id: AccountId,
    pub name: String,
    pub email: String,
    pub role: ShopRole,
}

/// The shop's staff, owners first, and its open invitations, newest first.
pub async fn shop_staff(
    db: &impl ConnectionTrait,
    shop: ShopId,
    now: DateTime<Utc>,
) -> Result<(Vec<StaffMember>, Vec<Invitation>), AccountError> {
    let bindings = staff_shop::Entity::find().filter(staff_shop::Column::ShopId.eq(shop.0)).all(db).await?;
    let accounts = account::Entity::find()
        .filter(account::Column::Id.is_in(bindings.iter().map(|b| b.account_id)))
        .order_by_asc(account::Column::Name)
        .all(db)
        .await?;
    let mut members: Vec<StaffMember> = accounts
        .into_iter()
        .filter_map(|a| {
            let role = bindings.iter().find(|b| b.account_id == a.id).and_then(|b| ShopRole::parse(&b.role))?;
            Some(StaffMember { account_id: AccountId(a.id), name: a.name, email: a.email, role })
        })
        .collect();
    members.sort_by_key(|m| m.role != ShopRole::Owner);
    let open = staff_invitation::Entity::find()
        .filter(staff_invitation::Column::ShopId.eq(shop.0))
        .filter(staff_invitation::Column::AcceptedAt.is_null())
        .filter(staff_invitation::Column::RevokedAt.is_null())
        .filter(staff_invitation::Column::ExpiresAt.gt(now))
        .order_by_desc(staff_invitation::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .filter_map(to_invitation)
        .collect();
    Ok((members, open))
}

fn to_invitation(row: staff_invitation::Model) -> Option<Invitation> {
    Some(Invitation {
        id: row.id,
        shop_id: ShopId(row.shop_id),
        email: row.email,
        role: ShopRole::parse(&row.role)?,
        expires_at: row.expires_at,
        created_at: row.created_at,
    })
}

/// Who acts on a shop's staff: an operator, or one of its owners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaffAdmin {
    pub account_id: AccountId,
    pub operator: bool,
}

/// Invites `email` to `shop` as `role` and queues the email with the link (`{base_url}/invitations/accept
/// ?token=…`). Owners invite staff; only an operator invites an owner. Refused for someone already on the
/// shop's staff, and for an email that belongs to a member or operator account (one account, one role).
/// Run in a transaction.
pub async fn invite_staff(
    db: &impl ConnectionTrait,
    shop: ShopId,
    email: &str,
    role: ShopRole,
    by: StaffAdmin,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<Invitation, AccountError> {
    if role == ShopRole::Owner && !by.operator {
        return Err(AccountError::OwnerChangesNeedOperator);
    }
    let invited_by = by.account_id;
    let email = normalize_email(email);
    let shop_name = kaimono_catalog::shop_names(db, [shop])
        .await
        .map_err(|e| AccountError::Lookup(e.to_string()))?
        .remove(&shop)
        .ok_or(AccountError::NotFound)?;
    if let Some(existing) = account::Entity::find().filter(account::Column::Email.eq(&email)).one(db).await? {
        if Role::parse(&existing.role) != Some(Role::Staff) {
            return Err(AccountError::EmailTaken);
        }
        let bound = staff_shop::Entity::find_by_id((existing.id, shop.0)).one(db).await?;
        if bound.is_some() {
            return Err(AccountError::AlreadyStaff);
        }
    }
    let inviter = account::Entity::find_by_id(invited_by.0).one(db).await?.ok_or(AccountError::NotFound)?;
    let locale = Locale::parse_or_default(&inviter.locale);
    let token = new_token()?;
    let row = staff_invitation::Model {
        id: Uuid::now_v7(),
        shop_id: shop.0,
        email: email.clone(),
        role: role.as_str().to_owned(),
        token_hash: token_digest(&token),
        invited_by: invited_by.0,
        locale: locale.as_str().to_owned(),
        expires_at: now + INVITATION_TTL,
        accepted_at: None,
        revoked_at: None,
        created_at: now,
    };
    staff_invitation::Entity::insert(staff_invitation::ActiveModel::from(row.clone()).reset_all())
        .exec_without_returning(db)
        .await?;
    let role_label = match (role, locale) {
        (ShopRole::Owner, Locale::Ja) => "オーナー",
        (ShopRole::Staff, Locale::Ja) => "スタッフ",
        (ShopRole::Owner, Locale::En) => "its owner",
        (ShopRole::Staff, Locale::En) => "staff",
    };
    let link = crate::email_tokens::link(base_url, "/invitations/accept", &token);
    let mail = Email::render(
        &email,
        Template::StaffInvitation,
        locale,
        json!({
            "shop_name": shop_name,
            "inviter_name": inviter.name,
            "role_label": role_label,
            "link": link,
            "expires_days": INVITATION_TTL.num_days(),
        }),
    )?;
    enqueue(db, mail, now).await?;
    to_invitation(row).ok_or(AccountError::NotFound)
}

async fn open_invitation(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<staff_invitation::Model, AccountError> {
    let row = staff_invitation::Entity::find()
        .filter(staff_invitation::Column::TokenHash.eq(token_digest(token)))
        .one(db)
        .await?
        .ok_or(AccountError::LinkInvalid)?;
    if row.accepted_at.is_some() || row.revoked_at.is_some() {
        return Err(AccountError::LinkInvalid);
    }
    if row.expires_at <= now {
        return Err(AccountError::LinkExpired);
    }
    Ok(row)
}

/// What the invitation behind `token` is for.
pub async fn preview_invitation(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<InvitationPreview, AccountError> {
    let row = open_invitation(db, token, now).await?;
    let shop = ShopId(row.shop_id);
    let shop_name = kaimono_catalog::shop_names(db, [shop])
        .await
        .map_err(|e| AccountError::Lookup(e.to_string()))?
        .remove(&shop)
        .unwrap_or_default();
    let has_account = account::Entity::find().filter(account::Column::Email.eq(&row.email)).one(db).await?.is_some();
    Ok(InvitationPreview {
        shop_id: shop,
        shop_name,
        role: ShopRole::parse(&row.role).ok_or(AccountError::LinkInvalid)?,
        email: row.email,
        has_account,
    })
}

/// How the invitee joins: a new staff account needs a password and their details; an existing staff
/// account needs neither (the link proves the email).
pub enum Joining {
    NewAccount { password: String, person: PersonDetails },
    ExistingAccount,
}

/// Accepts the invitation behind `token`: creates the staff account (or takes the existing one) and binds
/// it to the shop. Run in a transaction.
pub async fn accept_invitation(
    db: &impl ConnectionTrait,
    token: &str,
    joining: Joining,
    now: DateTime<Utc>,
) -> Result<Account, AccountError> {
    let row = open_invitation(db, token, now).await?;
    let taken = staff_invitation::Entity::update_many()
        .col_expr(staff_invitation::Column::AcceptedAt, Expr::value(now))
        .filter(staff_invitation::Column::Id.eq(row.id))
        .filter(staff_invitation::Column::AcceptedAt.is_null())
        .filter(staff_invitation::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if taken.rows_affected != 1 {
        return Err(AccountError::LinkInvalid);
    }
    let role = ShopRole::parse(&row.role).ok_or(AccountError::LinkInvalid)?;
    let existing = account::Entity::find().filter(account::Column::Email.eq(&row.email)).one(db).await?;
    let account = match (existing, joining) {
        (Some(existing), _) if Role::parse(&existing.role) != Some(Role::Staff) => {
            return Err(AccountError::EmailTaken);
        }
        (Some(existing), _) => to_account(existing),
        (None, Joining::NewAccount { password, person }) => {
            let locale = Locale::parse_or_default(&row.locale);
            create_account(db, &row.email, &password, Role::Staff, person, locale, now).await?
        }
        (None, Joining::ExistingAccount) => return Err(AccountError::AccountDetailsRequired),
    };
    if staff_shop::Entity::find_by_id((account.id.0, row.shop_id)).one(db).await?.is_none() {
        bind_to_shop(db, account.id, ShopId(row.shop_id), role).await?;
    }
    Ok(account)
}

/// Withdraws an open invitation of `shop`.
pub async fn revoke_invitation(
    db: &impl ConnectionTrait,
    shop: ShopId,
    invitation: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let revoked = staff_invitation::Entity::update_many()
        .col_expr(staff_invitation::Column::RevokedAt, Expr::value(now))
        .filter(staff_invitation::Column::Id.eq(invitation))
        .filter(staff_invitation::Column::ShopId.eq(shop.0))
        .filter(staff_invitation::Column::AcceptedAt.is_null())
        .filter(staff_invitation::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if revoked.rows_affected == 1 { Ok(()) } else { Err(AccountError::NotFound) }
}

/// Takes `member` off `shop`'s staff. Owners remove staff; only an operator removes an owner, and never
/// the shop's last one. The removed person loses access at their next request. Run in a transaction.
pub async fn remove_staff(
    db: &impl ConnectionTrait,
    shop: ShopId,
    member: AccountId,
    by: StaffAdmin,
) -> Result<(), AccountError> {
    let binding = staff_shop::Entity::find_by_id((member.0, shop.0)).one(db).await?.ok_or(AccountError::NotFound)?;
    if ShopRole::parse(&binding.role) == Some(ShopRole::Owner) {
        if !by.operator {
            return Err(AccountError::OwnerChangesNeedOperator);
        }
        let owners = staff_shop::Entity::find()
            .filter(staff_shop::Column::ShopId.eq(shop.0))
            .filter(staff_shop::Column::Role.eq(ShopRole::Owner.as_str()))
            .all(db)
            .await?;
        if owners.len() <= 1 {
            return Err(AccountError::LastOwner);
        }
    }
    staff_shop::Entity::delete_by_id((member.0, shop.0)).exec(db).await?;
    Ok(())
}
