//! Access tokens (short-lived HS256 JWTs) and the extractors that read them.
//!
//! A token names the account and the account's token version. Every request looks the account up: a
//! token of an account that does not exist (any more) is refused, and so is one issued before a password
//! reset (the version moved on). The role is the account's current one, and which shops a staff member
//! may act on is read on each staff request, so removing a binding takes effect at once.

use crate::error::ApiError;
use crate::error::ErrorCode;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use chrono::{DateTime, Duration, Utc};
use futures_util::future::LocalBoxFuture;
use jsonwebtoken::{Algorithm, Header, Validation, decode, encode, errors::ErrorKind};
use kaimono_accounts::{Role, ShopRole, shop_memberships};
use kaimono_core::{AccountId, ShopId};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How long an access token lives.
pub const ACCESS_TOKEN_TTL: Duration = Duration::minutes(15);
const ISSUER: &str = "kaimono";

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: Uuid,
    role: String,
    iss: String,
    iat: i64,
    exp: i64,
    /// The account's token version when the token was issued.
    ver: i32,
}

pub fn issue_access_token(
    state: &AppState,
    account: AccountId,
    role: Role,
    token_version: i32,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    let claims = Claims {
        sub: account.0,
        role: role.as_str().to_owned(),
        iss: ISSUER.to_owned(),
        iat: now.timestamp(),
        exp: (now + ACCESS_TOKEN_TTL).timestamp(),
        ver: token_version,
    };
    encode(&Header::new(Algorithm::HS256), &claims, &state.keys.encoding).map_err(ApiError::internal)
}

/// The authenticated caller.
#[derive(Debug, Clone, Copy)]
pub struct Principal {
    pub account_id: AccountId,
    pub role: Role,
}

fn invalid_token(detail: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidToken, detail)
}

impl Principal {
    /// The claims of a well-formed, unexpired token of ours.
    fn claims(req: &HttpRequest, state: &AppState) -> Result<Claims, ApiError> {
        let header = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .ok_or_else(|| ApiError::unauthenticated("sign in: send `Authorization: Bearer <access token>`"))?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| h.strip_prefix("Bearer "))
            .ok_or_else(|| ApiError::unauthenticated("the Authorization header must be `Bearer <access token>`"))?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.leeway = 0;
        validation.validate_exp = false; // checked below against the application clock
        let claims = decode::<Claims>(token, &state.keys.decoding, &validation)
            .map_err(|e| match e.kind() {
                ErrorKind::InvalidSignature => invalid_token("the access token is not valid"),
                _ => invalid_token("the access token is malformed"),
            })?
            .claims;
        if claims.exp <= state.clock.now().timestamp() {
            return Err(ApiError::new(ErrorCode::TokenExpired, "the access token has expired; refresh it"));
        }
        Ok(claims)
    }

    async fn authenticate(req: HttpRequest) -> Result<Self, ApiError> {
        let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| ApiError::internal("state missing"))?;
        let claims = Self::claims(&req, state)?;
        let account = match kaimono_accounts::find_account(&state.db, AccountId(claims.sub)).await {
            Ok(account) => account,
            Err(kaimono_accounts::AccountError::NotFound) => {
                return Err(invalid_token("the access token's account does not exist"));
            }
            Err(e) => return Err(e.into()),
        };
        if account.token_version != claims.ver {
            return Err(invalid_token("the access token was issued before the password changed; sign in again"));
        }
        Ok(Principal { account_id: account.id, role: account.role })
    }

    /// Staff of `shop` or an operator; anyone else gets 403.
    pub async fn require_shop(&self, state: &AppState, shop: ShopId) -> Result<(), ApiError> {
        self.shop_role(state, shop).await.map(drop)
    }

    /// What the caller is at `shop`: an operator acts as its owner; anyone not bound to it gets 403.
    async fn shop_role(&self, state: &AppState, shop: ShopId) -> Result<ShopRole, ApiError> {
        match self.role {
            Role::Operator => Ok(ShopRole::Owner),
            Role::Staff => shop_memberships(&state.db, self.account_id)
                .await?
                .into_iter()
                .find(|m| m.shop_id == shop)
                .map(|m| m.role)
                .ok_or_else(|| ApiError::forbidden("you are not staff of this shop")),
            Role::Member => Err(ApiError::forbidden("this needs a staff account")),
        }
    }
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        Box::pin(Self::authenticate(req.clone()))
    }
}

/// Staff of the shop named by the path's `{shop_id}`, or an operator: the prologue of every console
/// route. Without a token 401; with a malformed shop id 404; anyone else 403.
#[derive(Debug, Clone, Copy)]
pub struct ShopStaff {
    pub account_id: AccountId,
    pub shop: ShopId,
    /// Owner (or an operator) or staff (ACC-04).
    pub role: ShopRole,
    /// The caller is a mall operator (who acts as every shop's owner).
    pub operator: bool,
}

/// The owner of the shop named by the path's `{shop_id}`, or an operator: settings and staff (ACC-04).
/// Staff of the shop get 403.
#[derive(Debug, Clone, Copy)]
pub struct ShopOwner(pub ShopStaff);

impl FromRequest for ShopOwner {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let staff = ShopStaff::from_request(req, payload);
        Box::pin(async move {
            let staff = staff.await?;
            match staff.role {
                ShopRole::Owner => Ok(ShopOwner(staff)),
                ShopRole::Staff => Err(ApiError::forbidden("only the shop's owner may do this")),
            }
        })
    }
}

impl FromRequest for ShopStaff {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let principal = Principal::authenticate(req.clone()).await?;
            let shop = req
                .match_info()
                .get("shop_id")
                .and_then(|id| uuid::Uuid::parse_str(id).ok())
                .map(ShopId)
                .ok_or_else(|| ApiError::not_found("shop"))?;
            let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| ApiError::internal("state missing"))?;
            let role = principal.shop_role(state, shop).await?;
            Ok(ShopStaff { account_id: principal.account_id, shop, role, operator: principal.role == Role::Operator })
        })
    }
}

/// An authenticated mall operator (creating shops).
#[derive(Debug, Clone, Copy)]
pub struct Operator(pub AccountId);

impl FromRequest for Operator {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let principal = Principal::authenticate(req.clone());
        Box::pin(async move {
            let principal = principal.await?;
            match principal.role {
                Role::Operator => Ok(Operator(principal.account_id)),
                _ => Err(ApiError::forbidden("only a mall operator may do this")),
            }
        })
    }
}

/// An authenticated caller whose role is member (My Page routes).
#[derive(Debug, Clone, Copy)]
pub struct Member(pub AccountId);

impl FromRequest for Member {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let principal = Principal::authenticate(req.clone());
        Box::pin(async move {
            let principal = principal.await?;
            match principal.role {
                Role::Member => Ok(Member(principal.account_id)),
                _ => Err(ApiError::forbidden("this is for member accounts")),
            }
        })
    }
}
