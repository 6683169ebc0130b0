//! SHOP-04, SUB-11: the shop's own wording of the emails it sends its members — list, read (the default
//! written with tags until the shop writes its own), save (an unknown tag is refused), reset, preview.

use crate::auth::{ShopOwner, ShopStaff};
use crate::dto::LocaleDto;
use crate::error::{ApiError, responses::*};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{delete, get, post, put, web};
use chrono::{DateTime, Utc};
use kaimono_core::Locale;
use kaimono_messaging::{MEMBER_TAGS, MailTemplateView, Template};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// One email in one language, as the shop's list shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MailTemplateSummary {
    /// The event (`order_shipped`, `subscription_card_expiry`, …).
    pub template: String,
    /// The language of this wording.
    pub locale: LocaleDto,
    /// The shop wrote its own; otherwise the default is sent.
    pub own: bool,
    /// When the shop last saved its own (absent for the default).
    pub updated_at: Option<DateTime<Utc>>,
}

/// Every email the shop words, with the member tags every one of them takes.
#[derive(Debug, Serialize, ToSchema)]
pub struct MailTemplateListResponse {
    /// Every email the shop sends its members, in each language.
    pub items: Vec<MailTemplateSummary>,
    /// The source's member tags (seed 002), without brackets.
    pub member_tags: Vec<String>,
}

/// One email in one language, for the editor.
#[derive(Debug, Serialize, ToSchema)]
pub struct MailTemplateResponse {
    /// The event (`order_shipped`, `subscription_card_expiry`, …).
    pub template: String,
    /// The language of this wording.
    pub locale: LocaleDto,
    /// The shop wrote its own; otherwise `subject` and `body` are the default written with tags.
    pub own: bool,
    /// The subject line, with `[TAG]`s.
    pub subject: String,
    /// The plain-text body, with `[TAG]`s; the HTML alternative is made from it.
    pub body: String,
    /// When the shop last saved its own (absent for the default).
    pub updated_at: Option<DateTime<Utc>>,
    /// The tags of this email's event (without brackets), besides `member_tags`.
    pub event_tags: Vec<String>,
    /// The source's member tags (seed 002), without brackets; company, fax and birthday read as empty.
    pub member_tags: Vec<String>,
}

impl From<MailTemplateView> for MailTemplateResponse {
    fn from(v: MailTemplateView) -> Self {
        MailTemplateResponse {
            template: v.template.name().to_owned(),
            locale: v.locale.into(),
            own: v.own,
            subject: v.subject,
            body: v.body,
            updated_at: v.updated_at,
            event_tags: v.event_tags,
            member_tags: member_tags(),
        }
    }
}

fn member_tags() -> Vec<String> {
    MEMBER_TAGS.iter().map(|t| (*t).to_owned()).collect()
}

/// A subject and body with `[TAG]`s: the shop's wording, to save or to preview. Limits and unknown tags
/// are checked by the domain (422 with `subject` / `body` errors).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MailTemplateBody {
    /// The subject line: one line, at most 200 characters.
    #[schema(max_length = 200, example = "[MEMBER_NAME]様 ご注文 [NUMBER] を発送しました")]
    pub subject: String,
    /// The plain-text body, at most 20,000 characters.
    #[schema(max_length = 20000)]
    pub body: String,
}

/// What the wording sends, with a sample member and sample values.
#[derive(Debug, Serialize, ToSchema)]
pub struct MailPreviewResponse {
    /// The subject as sent.
    pub subject: String,
    /// The plain-text body as sent.
    pub body: String,
    /// The HTML alternative, a whole document.
    pub html: String,
}

/// The path's email: an unknown event is 404 (one the shop does not word is the domain's 404).
fn email_of(path: &(Uuid, String, LocaleDto)) -> Result<(Template, Locale), ApiError> {
    let template = Template::parse(&path.1).ok_or(ApiError::not_found("mail template"))?;
    Ok((template, path.2.into()))
}

/// The emails the shop sends its members, in each language, marking those it worded itself; staff.
#[utoipa::path(
    tag = "shops",
    params(("shop_id" = Uuid, Path, description = "The shop")),
    responses((status = 200, body = MailTemplateListResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/mail-templates")]
pub async fn list_mail_templates(
    state: web::Data<AppState>,
    staff: ShopStaff,
) -> Result<web::Json<MailTemplateListResponse>, ApiError> {
    let items = kaimono_messaging::mail_template_list(&state.db, staff.shop)
        .await?
        .into_iter()
        .map(|(template, locale, updated_at)| MailTemplateSummary {
            template: template.name().to_owned(),
            locale: locale.into(),
            own: updated_at.is_some(),
            updated_at,
        })
        .collect();
    Ok(web::Json(MailTemplateListResponse { items, member_tags: member_tags() }))
}

/// One email's wording: the shop's own, or the default written with tags; staff.
#[utoipa::path(
    tag = "shops",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("template" = String, Path, description = "The event, e.g. `order_shipped`"),
        ("locale" = LocaleDto, Path, description = "The language"),
    ),
    responses((status = 200, body = MailTemplateResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[get("/shops/{shop_id}/mail-templates/{template}/{locale}")]
pub async fn get_mail_template(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, String, LocaleDto)>,
) -> Result<web::Json<MailTemplateResponse>, ApiError> {
    let (template, locale) = email_of(&path)?;
    let view = kaimono_messaging::mail_template_view(&state.db, staff.shop, template, locale).await?;
    Ok(web::Json(view.into()))
}

/// Save the shop's own wording of one email; owners only. A tag neither the member's nor the event's is
/// refused (422, the tag named under `subject` or `body`) and nothing is saved.
#[utoipa::path(
    tag = "shops",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("template" = String, Path, description = "The event"),
        ("locale" = LocaleDto, Path, description = "The language"),
    ),
    request_body = MailTemplateBody,
    responses((status = 200, body = MailTemplateResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[put("/shops/{shop_id}/mail-templates/{template}/{locale}")]
pub async fn save_mail_template(
    state: web::Data<AppState>,
    owner: ShopOwner,
    path: web::Path<(Uuid, String, LocaleDto)>,
    body: ValidJson<MailTemplateBody>,
) -> Result<web::Json<MailTemplateResponse>, ApiError> {
    let (template, locale) = email_of(&path)?;
    let now = state.clock.now();
    let view = kaimono_messaging::save_shop_template(
        &state.db,
        owner.0.shop,
        template,
        locale,
        &body.0.subject,
        &body.0.body,
        now,
    )
    .await?;
    Ok(web::Json(view.into()))
}

/// Back to the default wording of one email; owners only. Returns the default.
#[utoipa::path(
    tag = "shops",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("template" = String, Path, description = "The event"),
        ("locale" = LocaleDto, Path, description = "The language"),
    ),
    responses((status = 200, body = MailTemplateResponse), Unauthorized, Forbidden, NotFound, ServerError),
    security(("bearer" = []))
)]
#[delete("/shops/{shop_id}/mail-templates/{template}/{locale}")]
pub async fn reset_mail_template(
    state: web::Data<AppState>,
    owner: ShopOwner,
    path: web::Path<(Uuid, String, LocaleDto)>,
) -> Result<web::Json<MailTemplateResponse>, ApiError> {
    let (template, locale) = email_of(&path)?;
    let view = kaimono_messaging::reset_shop_template(&state.db, owner.0.shop, template, locale).await?;
    Ok(web::Json(view.into()))
}

/// What a wording would send, with a sample member and sample values; nothing is saved. The same checks
/// as saving (422 for an unknown tag); staff.
#[utoipa::path(
    tag = "shops",
    params(
        ("shop_id" = Uuid, Path, description = "The shop"),
        ("template" = String, Path, description = "The event"),
        ("locale" = LocaleDto, Path, description = "The language"),
    ),
    request_body = MailTemplateBody,
    responses((status = 200, body = MailPreviewResponse), BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable, ServerError),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/mail-templates/{template}/{locale}/preview")]
pub async fn preview_mail_template(
    state: web::Data<AppState>,
    staff: ShopStaff,
    path: web::Path<(Uuid, String, LocaleDto)>,
    body: ValidJson<MailTemplateBody>,
) -> Result<web::Json<MailPreviewResponse>, ApiError> {
    let (template, locale) = email_of(&path)?;
    let shop = kaimono_catalog::get_shop(&state.db, staff.shop).await?;
    let mail =
        kaimono_messaging::preview(template, locale, &shop.name, &body.0.subject, &body.0.body, state.clock.now())?;
    Ok(web::Json(MailPreviewResponse { subject: mail.subject, body: mail.body, html: mail.html }))
}
