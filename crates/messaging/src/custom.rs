//! SHOP-04: a shop's own wording of the emails it sends to members, with the replacement tags of seed 002.
//!
//! A shop's template is plain text, never a program: `[TAG]`s are replaced and nothing else is read, so a
//! shop cannot reach beyond the values of its own email. The tags are the source's member tags
//! ([`MEMBER_TAGS`]) and the event's own values, which are read from the default template's source
//! (`{{ number }}` offers `[NUMBER]`, a `{% for item in items %}` list offers `[ITEMS]`), so a new value
//! in a default template is a new tag without a second list to keep. A shop that has not written its own
//! starts from the default turned into tags ([`starter`]); a reset deletes its row.

use crate::error::MessagingError;
use crate::template::{Email, Template, document, escape};
use chrono::{DateTime, Utc};
use kaimono_core::{Locale, Money, ShopId};
use kaimono_entity::mail_template;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::OnConflict};
use std::collections::{BTreeMap, BTreeSet};

/// The member tags of seed 002 (定期購入設定 ▼置換タグ一覧), in its order. Company, fax and birthday are
/// not asked at sign-up: those tags are known and read as empty.
pub const MEMBER_TAGS: &[&str] = &[
    "MEMBER_NAME",
    "MEMBER_LAST_NAME",
    "MEMBER_FIRST_NAME",
    "MEMBER_NAME_FRI",
    "MEMBER_LAST_NAME_FRI",
    "MEMBER_FIRST_NAME_FRI",
    "MEMBER_LOGIN_ID",
    "MEMBER_EMAIL",
    "MEMBER_CORP",
    "MEMBER_CORP_FRI",
    "MEMBER_CORP_POST",
    "MEMBER_ZIPCODE",
    "MEMBER_PREF",
    "MEMBER_CITY",
    "MEMBER_ADDRESS",
    "MEMBER_BUILDING",
    "MEMBER_TEL",
    "MEMBER_FAX",
    "BIRTH_YEAR",
    "BIRTH_MONTH",
    "BIRTH_DAY",
    "BUY_TIMES",
    "BUY_TOTAL_MONEY",
    "MEMBER_POINT",
    "MEMBER_TOTAL_POINT",
];

/// Longest subject and body a shop may save.
pub const MAX_SUBJECT_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 20_000;

/// What the member tags read: the member's profile, default address, points and purchases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberFacts {
    pub name: String,
    pub name_kana: String,
    pub email: String,
    pub phone: String,
    pub postal_code: String,
    /// The prefecture's name in the email's language.
    pub prefecture: String,
    pub city: String,
    pub street: String,
    pub building: String,
    pub points: i64,
    pub total_points: i64,
    pub buy_times: i64,
    pub buy_total: Money,
}

/// "速水 一" → ("速水", "一"); a name without a space is all family name.
fn split_name(name: &str) -> (&str, &str) {
    let name = name.trim();
    match name.split_once([' ', '\u{3000}']) {
        Some((last, first)) => (last.trim(), first.trim()),
        None => (name, ""),
    }
}

impl MemberFacts {
    fn tag(&self, tag: &str) -> Option<String> {
        let (last, first) = split_name(&self.name);
        let (last_kana, first_kana) = split_name(&self.name_kana);
        Some(match tag {
            "MEMBER_NAME" => self.name.clone(),
            "MEMBER_LAST_NAME" => last.to_owned(),
            "MEMBER_FIRST_NAME" => first.to_owned(),
            "MEMBER_NAME_FRI" => self.name_kana.clone(),
            "MEMBER_LAST_NAME_FRI" => last_kana.to_owned(),
            "MEMBER_FIRST_NAME_FRI" => first_kana.to_owned(),
            "MEMBER_LOGIN_ID" | "MEMBER_EMAIL" => self.email.clone(),
            "MEMBER_ZIPCODE" => self.postal_code.clone(),
            "MEMBER_PREF" => self.prefecture.clone(),
            "MEMBER_CITY" => self.city.clone(),
            "MEMBER_ADDRESS" => self.street.clone(),
            "MEMBER_BUILDING" => self.building.clone(),
            "MEMBER_TEL" => self.phone.clone(),
            "BUY_TIMES" => self.buy_times.to_string(),
            "BUY_TOTAL_MONEY" => self.buy_total.to_string(),
            "MEMBER_POINT" => self.points.to_string(),
            "MEMBER_TOTAL_POINT" => self.total_points.to_string(),
            t if MEMBER_TAGS.contains(&t) => String::new(),
            _ => return None,
        })
    }

    /// The member the preview shows.
    pub fn sample(locale: Locale) -> Self {
        let ja = locale == Locale::Ja;
        MemberFacts {
            name: if ja { "山田 花子" } else { "Hanako Yamada" }.to_owned(),
            name_kana: "ヤマダ ハナコ".to_owned(),
            email: "hanako@example.jp".to_owned(),
            phone: "090-1234-5678".to_owned(),
            postal_code: "180-0004".to_owned(),
            prefecture: if ja { "東京都" } else { "Tokyo" }.to_owned(),
            city: if ja { "武蔵野市吉祥寺本町" } else { "Musashino, Kichijoji-honcho" }.to_owned(),
            street: "1-2-3".to_owned(),
            building: if ja { "吉祥寺ハイツ 101" } else { "Kichijoji Heights 101" }.to_owned(),
            points: 120,
            total_points: 480,
            buy_times: 5,
            buy_total: Money::yen(16_200),
        }
    }
}

/// How an event's value is shown: as it is, as a date, as a moment, as a link, or as a list of goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Plain,
    Date,
    Deadline,
    Link,
    /// A list of goods (`{% for item in items %}`): one line each.
    Goods,
    /// One line of goods (`{{ item | goods }}`).
    Item,
}

impl Template {
    /// Every email kaimono sends.
    pub const ALL: [Template; 31] = [
        Template::Signup,
        Template::Welcome,
        Template::PasswordReset,
        Template::StaffInvitation,
        Template::OrderReceived,
        Template::OrderLinesRejected,
        Template::OrderPaymentRequested,
        Template::OrderShipped,
        Template::OrderCancelled,
        Template::PaymentReceived,
        Template::ReservationReceived,
        Template::ReservationConfirmed,
        Template::ReservationUnavailable,
        Template::ReservationCancelled,
        Template::ProxyQuoted,
        Template::ProxyPaymentReceived,
        Template::ProxyPaymentReminder,
        Template::ProxyCancelled,
        Template::ProxySecondInvoice,
        Template::ProxyShipped,
        Template::ProxyItemsPurchased,
        Template::ProxyInspected,
        Template::ProxyItemRefunded,
        Template::ProxyCompleted,
        Template::OrderMessageToMember,
        Template::OrderMessageToShop,
        Template::SubscriptionPlaced,
        Template::SubscriptionChangedByMember,
        Template::SubscriptionAuthorizationFailed,
        Template::SubscriptionCardExpiry,
        Template::SubscriptionPriceRaised,
    ];

    pub fn parse(name: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.name() == name)
    }

    /// A shop words the emails it sends to its members. Account mail (sign-up, password, invitations) is
    /// kaimono's own, and the mails to the shop itself are not the shop's to reword.
    pub fn shop_editable(self) -> bool {
        !matches!(
            self,
            Template::Signup
                | Template::Welcome
                | Template::PasswordReset
                | Template::StaffInvitation
                | Template::OrderMessageToShop
                | Template::SubscriptionChangedByMember
        )
    }

    /// The event's tags (upper case) and how each value is shown, read from the default sources.
    fn event_tags(self) -> BTreeMap<String, Shape> {
        let mut tags = BTreeMap::new();
        for locale in [Locale::Ja, Locale::En] {
            scan_outputs(self.source(locale), &mut tags);
        }
        // The member's name is [MEMBER_NAME].
        tags.remove("NAME");
        tags
    }

    /// The event's tags, for the editor's help.
    pub fn event_tag_names(self) -> Vec<String> {
        self.event_tags().into_keys().collect()
    }
}

/// Reads `{{ value | filter }}` and `{% for x in list %}` from a template source.
fn scan_outputs(source: &str, tags: &mut BTreeMap<String, Shape>) {
    let ident =
        |s: &str| -> String { s.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect() };
    let mut loops: BTreeMap<String, String> = BTreeMap::new();
    let mut rest = source;
    while let Some(start) = rest.find("{%") {
        let Some(end) = rest[start..].find("%}") else { break };
        let inner = rest[start + 2..start + end].trim().trim_start_matches('-').trim();
        if let Some(for_) = inner.strip_prefix("for ")
            && let Some((var, list)) = for_.split_once(" in ")
        {
            loops.insert(ident(var), ident(list));
        }
        rest = &rest[start + end + 2..];
    }
    let mut rest = source;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}") else { break };
        let inner = &rest[start + 2..start + end];
        let (value, filter) = inner.split_once('|').map_or((inner, ""), |(v, f)| (v, f));
        let name = ident(value);
        let filter = ident(filter);
        let (name, shape) = match loops.get(&name) {
            Some(list) => (list.clone(), Shape::Goods),
            None => (
                name,
                match filter.as_str() {
                    "date" => Shape::Date,
                    "deadline" => Shape::Deadline,
                    "link" => Shape::Link,
                    "goods" => Shape::Item,
                    _ => Shape::Plain,
                },
            ),
        };
        if !name.is_empty() {
            tags.insert(name.to_uppercase(), shape);
        }
        rest = &rest[start + end + 2..];
    }
}

/// The `[TAG]`s in `text`: upper-case letters, digits and `_`, starting with a letter.
fn tags_in(text: &str) -> Vec<(usize, usize, &str)> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'[' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && (bytes[j].is_ascii_uppercase() || bytes[j].is_ascii_digit() || bytes[j] == b'_') {
                j += 1;
            }
            if j > start && j < bytes.len() && bytes[j] == b']' && bytes[start].is_ascii_uppercase() {
                found.push((i, j + 1, &text[start..j]));
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Why a shop's template cannot be saved, per field (`subject`, `body`).
pub type TemplateProblems = BTreeMap<&'static str, Vec<String>>;

/// Checks a shop's subject and body for `template`: both present and not too long, the subject on one
/// line, and no tag the event does not offer.
pub fn check_template(template: Template, subject: &str, body: &str) -> TemplateProblems {
    let mut problems = TemplateProblems::new();
    let events = template.event_tags();
    for (field, text, max) in [("subject", subject, MAX_SUBJECT_CHARS), ("body", body, MAX_BODY_CHARS)] {
        let mut add = |message: String| problems.entry(field).or_default().push(message);
        if text.trim().is_empty() {
            add("must not be empty".to_owned());
        }
        if text.chars().count() > max {
            add(format!("must be at most {max} characters"));
        }
        if field == "subject" && text.contains(['\n', '\r']) {
            add("must be one line".to_owned());
        }
        let unknown: BTreeSet<&str> = tags_in(text)
            .into_iter()
            .map(|(_, _, tag)| tag)
            .filter(|tag| !MEMBER_TAGS.contains(tag) && !events.contains_key(*tag))
            .collect();
        for tag in unknown {
            add(format!("unknown tag [{tag}]"));
        }
    }
    problems
}

/// [`check_template`] for saving or previewing: an email the shop does not word, or any problem, is an
/// error.
fn writable(template: Template, subject: &str, body: &str) -> Result<(), MessagingError> {
    if !template.shop_editable() {
        return Err(MessagingError::NotEditable);
    }
    let problems = check_template(template, subject, body);
    if problems.is_empty() { Ok(()) } else { Err(MessagingError::InvalidTemplate(problems)) }
}

/// A value of the event as the email shows it.
fn show(value: &serde_json::Value, shape: Shape, locale: Locale) -> String {
    use serde_json::Value;
    match (value, shape) {
        (Value::Null | Value::Bool(_), _) => String::new(),
        (Value::String(s), Shape::Date) => s
            .parse::<chrono::NaiveDate>()
            .map(|d| kaimono_core::japan::date_label(d, locale))
            .unwrap_or_else(|_| s.clone()),
        (Value::String(s), Shape::Deadline) => chrono::DateTime::parse_from_rfc3339(s)
            .map(|at| kaimono_core::japan::deadline_label(at.with_timezone(&Utc), locale))
            .unwrap_or_else(|_| s.clone()),
        (Value::String(s), _) => s.clone(),
        (Value::Array(items), _) => {
            items.iter().map(|item| format!("・{}", show(item, Shape::Plain, locale))).collect::<Vec<_>>().join("\n")
        }
        (Value::Object(fields), _) => fields.get("label").map(|l| show(l, Shape::Plain, locale)).unwrap_or_default(),
        (other, _) => other.to_string(),
    }
}

/// Replaces the tags of `text`; `html` escapes the text around and in them and makes links clickable.
fn fill(
    text: &str,
    events: &BTreeMap<String, Shape>,
    locale: Locale,
    context: &serde_json::Value,
    member: &MemberFacts,
    html: bool,
) -> String {
    let plain = |s: &str| if html { escape(s) } else { s.to_owned() };
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (start, end, tag) in tags_in(text) {
        out.push_str(&plain(&text[at..start]));
        at = end;
        if let Some(value) = member.tag(tag) {
            out.push_str(&plain(&value));
        } else if let Some(shape) = events.get(tag) {
            let value = show(context.get(tag.to_lowercase()).unwrap_or(&serde_json::Value::Null), *shape, locale);
            match (html, *shape) {
                (true, Shape::Link) if !value.is_empty() => {
                    let url = escape(&value);
                    out.push_str(&format!(r#"<a href="{url}" style="color:#0b57d0">{url}</a>"#));
                }
                _ => out.push_str(&plain(&value)),
            }
        } else {
            out.push_str(&plain(&text[start..end]));
        }
    }
    out.push_str(&plain(&text[at..]));
    out
}

/// A shop's own subject and body for one email in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopTemplate {
    pub subject: String,
    pub body: String,
    pub updated_at: DateTime<Utc>,
}

impl ShopTemplate {
    /// The email this template writes with the event's `context` and the member's facts.
    pub fn render(
        &self,
        to: &str,
        template: Template,
        locale: Locale,
        context: &serde_json::Value,
        member: &MemberFacts,
    ) -> Email {
        // The event's tags, read from the default's sources once for the three fills.
        let events = template.event_tags();
        let subject = fill(self.subject.trim(), &events, locale, context, member, false);
        let body = fill(&self.body, &events, locale, context, member, false);
        let html_body = fill(&self.body, &events, locale, context, member, true);
        Email {
            to: to.to_owned(),
            template,
            locale,
            html: document(locale, &escape(&subject), &html_body),
            subject,
            body,
        }
    }
}

/// The default for `template` in `locale` written with tags: where a shop starts its own. Conditional
/// passages of the default come out as they read when the value is there.
pub fn starter(template: Template, locale: Locale) -> Result<(String, String), MessagingError> {
    let source = template.source(locale);
    let fail = |e: minijinja::Error| MessagingError::Template { template: template.name(), reason: e.to_string() };
    let env = crate::template::tag_environment();
    let compiled = env.template_from_str(source).map_err(fail)?;
    let events = template.event_tags();
    let mut context = serde_json::Map::new();
    for var in compiled.undeclared_variables(false) {
        let tag = if var == "name" { "MEMBER_NAME".to_owned() } else { var.to_uppercase() };
        let value = match events.get(&tag) {
            Some(Shape::Goods) => serde_json::json!([{ "label": format!("[{tag}]"), "picture": null }]),
            Some(Shape::Item) => serde_json::json!({ "label": format!("[{tag}]"), "picture": null }),
            _ => serde_json::Value::String(format!("[{tag}]")),
        };
        context.insert(var, value);
    }
    let rendered = compiled.render(serde_json::Value::Object(context)).map_err(fail)?;
    let (subject, body) = rendered.split_once('\n').unwrap_or((rendered.as_str(), ""));
    Ok((subject.trim().to_owned(), body.trim_start_matches('\n').to_owned()))
}

/// Values the preview shows for the event's tags, by the shape of each.
fn sample_context(template: Template, locale: Locale, shop: &str, now: DateTime<Utc>) -> serde_json::Value {
    let ja = locale == Locale::Ja;
    let mut context = serde_json::Map::new();
    for (tag, shape) in template.event_tags() {
        let value = match (shape, tag.as_str()) {
            (Shape::Date, _) => serde_json::json!((now + chrono::Duration::days(7)).date_naive().to_string()),
            (Shape::Deadline, _) => serde_json::json!((now + chrono::Duration::days(3)).to_rfc3339()),
            (Shape::Link, _) => serde_json::json!("https://kaimono.example/pay/sample"),
            (Shape::Item, _) => {
                serde_json::json!({ "label": if ja { "ブレンドコーヒー 200g (深煎り / 豆) × 1" } else { "House blend 200g (dark / beans) × 1" } })
            }
            (Shape::Goods, _) => serde_json::json!([
                { "label": if ja { "ブレンドコーヒー 200g (深煎り / 豆) × 2  ¥2,160" } else { "House blend 200g (dark / beans) × 2  ¥2,160" } },
                { "label": if ja { "ドリップバッグ (中煎り / 10袋) × 1  ¥1,080" } else { "Drip bags (medium / 10 bags) × 1  ¥1,080" } },
            ]),
            (_, "SHOP" | "SHOP_NAME") => serde_json::json!(shop),
            (_, "NUMBER" | "ORDER_NUMBER") => serde_json::json!("K-20261205-0001"),
            (_, "TOTAL" | "DUE" | "FIRST_TOTAL" | "LATER_TOTAL") => serde_json::json!("¥3,240"),
            (_, "SHIPPING_FEE" | "FEE") => serde_json::json!("¥330"),
            (_, "CARRIER") => serde_json::json!(if ja { "ヤマト運輸" } else { "Yamato Transport" }),
            (_, "TRACKING" | "TRACKING_NUMBER") => serde_json::json!("1234-5678-9012"),
            (_, "CARD") => serde_json::json!("VISA •••• 4242"),
            (_, "EXPIRY") => serde_json::json!("12/2026"),
            (_, "AMOUNT_DUE" | "REFUND" | "REFUNDED" | "SERVICE_FEE" | "DOMESTIC_SHIPPING" | "CHARGEABLE") => {
                serde_json::json!("¥1,080")
            }
            (_, "MESSAGE") => {
                serde_json::json!(if ja {
                    "いつもご利用ありがとうございます。"
                } else {
                    "Thank you for shopping with us."
                })
            }
            (_, "REASON") => serde_json::json!(if ja { "在庫切れのため" } else { "out of stock" }),
            (_, "METHOD") => serde_json::json!(if ja { "クレジットカード" } else { "Credit card" }),
            (_, "TITLE") => serde_json::json!(if ja { "ヴィンテージ腕時計" } else { "A vintage watch" }),
            (_, "POINTS") => serde_json::json!("32"),
            (_, "CYCLE_VALUE") => serde_json::json!("30"),
            (_, "HOURS" | "EXPIRES_HOURS") => serde_json::json!("24"),
            (_, "EXPIRES_DAYS") => serde_json::json!("3"),
            (_, "WEIGHT") => serde_json::json!("1.2 kg"),
            (_, "ADDRESS") => {
                serde_json::json!(if ja {
                    "〒180-0004 東京都武蔵野市吉祥寺本町1-2-3"
                } else {
                    "1-2-3 Kichijoji-honcho, Musashino, Tokyo 180-0004"
                })
            }
            // A value with no fitting sample shows as its tag.
            (_, _) => serde_json::json!(format!("[{tag}]")),
        };
        context.insert(tag.to_lowercase(), value);
    }
    serde_json::Value::Object(context)
}

/// What `subject` and `body` would send, with a sample member and sample values (the editor's preview);
/// the same checks as saving.
pub fn preview(
    template: Template,
    locale: Locale,
    shop: &str,
    subject: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<Email, MessagingError> {
    writable(template, subject, body)?;
    let draft = ShopTemplate { subject: subject.to_owned(), body: body.to_owned(), updated_at: now };
    let context = sample_context(template, locale, shop, now);
    Ok(draft.render("hanako@example.jp", template, locale, &context, &MemberFacts::sample(locale)))
}

/// One email as the shop's editor shows it: the shop's own words, or the default written with tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailTemplateView {
    pub template: Template,
    pub locale: Locale,
    /// The shop wrote its own (else `subject` and `body` are the default's).
    pub own: bool,
    pub subject: String,
    pub body: String,
    pub updated_at: Option<DateTime<Utc>>,
    /// The event's own tags; the member tags are [`MEMBER_TAGS`].
    pub event_tags: Vec<String>,
}

/// The editor's view of `template` in `locale` for the shop; an email that is not the shop's to word is
/// [`MessagingError::NotEditable`].
pub async fn mail_template_view(
    db: &impl ConnectionTrait,
    shop: ShopId,
    template: Template,
    locale: Locale,
) -> Result<MailTemplateView, MessagingError> {
    if !template.shop_editable() {
        return Err(MessagingError::NotEditable);
    }
    let own = shop_template(db, shop, template, locale).await?;
    let (subject, body, updated_at) = match own {
        Some(own) => (own.subject, own.body, Some(own.updated_at)),
        None => {
            let (subject, body) = starter(template, locale)?;
            (subject, body, None)
        }
    };
    Ok(MailTemplateView {
        template,
        locale,
        own: updated_at.is_some(),
        subject,
        body,
        updated_at,
        event_tags: template.event_tag_names(),
    })
}

/// Every email the shop words, in each language, with when the shop last saved its own (None: default).
pub async fn mail_template_list(
    db: &impl ConnectionTrait,
    shop: ShopId,
) -> Result<Vec<(Template, Locale, Option<DateTime<Utc>>)>, MessagingError> {
    let own = shop_templates(db, shop).await?;
    Ok(Template::ALL
        .into_iter()
        .filter(|t| t.shop_editable())
        .flat_map(|t| [(t, Locale::Ja), (t, Locale::En)])
        .map(|(t, l)| (t, l, own.get(&(t.name().to_owned(), l.as_str().to_owned())).copied()))
        .collect())
}

/// The shop's own template for `template` in `locale`, if it wrote one (never for an email that is not
/// the shop's to word).
pub async fn shop_template(
    db: &impl ConnectionTrait,
    shop: ShopId,
    template: Template,
    locale: Locale,
) -> Result<Option<ShopTemplate>, MessagingError> {
    if !template.shop_editable() {
        return Ok(None);
    }
    Ok(mail_template::Entity::find_by_id((shop.0, template.name().to_owned(), locale.as_str().to_owned()))
        .one(db)
        .await?
        .map(|row| ShopTemplate { subject: row.subject, body: row.body, updated_at: row.updated_at }))
}

/// Every template the shop wrote: (event, language) → when.
async fn shop_templates(
    db: &impl ConnectionTrait,
    shop: ShopId,
) -> Result<BTreeMap<(String, String), DateTime<Utc>>, MessagingError> {
    let rows = mail_template::Entity::find().filter(mail_template::Column::ShopId.eq(shop.0)).all(db).await?;
    Ok(rows.into_iter().map(|r| ((r.template, r.locale), r.updated_at)).collect())
}

/// Saves the shop's own template after [`check_template`] (its problems: [`MessagingError::InvalidTemplate`]).
pub async fn save_shop_template(
    db: &impl ConnectionTrait,
    shop: ShopId,
    template: Template,
    locale: Locale,
    subject: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<MailTemplateView, MessagingError> {
    writable(template, subject, body)?;
    mail_template::Entity::insert(mail_template::ActiveModel {
        shop_id: Set(shop.0),
        template: Set(template.name().to_owned()),
        locale: Set(locale.as_str().to_owned()),
        subject: Set(subject.trim().to_owned()),
        body: Set(body.to_owned()),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            mail_template::Column::ShopId,
            mail_template::Column::Template,
            mail_template::Column::Locale,
        ])
        .update_columns([mail_template::Column::Subject, mail_template::Column::Body, mail_template::Column::UpdatedAt])
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    mail_template_view(db, shop, template, locale).await
}

/// Back to the default: forgets the shop's own template (if any) and returns the default.
pub async fn reset_shop_template(
    db: &impl ConnectionTrait,
    shop: ShopId,
    template: Template,
    locale: Locale,
) -> Result<MailTemplateView, MessagingError> {
    if !template.shop_editable() {
        return Err(MessagingError::NotEditable);
    }
    mail_template::Entity::delete_by_id((shop.0, template.name().to_owned(), locale.as_str().to_owned()))
        .exec(db)
        .await?;
    mail_template_view(db, shop, template, locale).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_tags_come_from_the_default_sources() {
        let tags = Template::OrderShipped.event_tag_names();
        for tag in ["NUMBER", "SHOP", "ITEMS", "CARRIER"] {
            assert!(tags.contains(&tag.to_owned()), "{tag} in {tags:?}");
        }
        assert!(!tags.contains(&"NAME".to_owned()), "the member's name is [MEMBER_NAME]");
        assert!(!tags.contains(&"ITEM".to_owned()), "a loop's variable is its list");
    }

    /// SHOP-04, SUB-11: an unknown tag is refused, the source's member tags and the event's are not.
    #[test]
    fn shop04_unknown_tags_are_refused_and_known_ones_accepted() {
        let problems = check_template(
            Template::SubscriptionCardExpiry,
            "[MEMBER_NAME]様 カードの期限 [NUMBER]",
            "[MEMBER_LAST_NAME] [BIRTH_YEAR] [BUY_TIMES] [CARD] [EXPIRY] [MEMBER_TOTAL_POINT] [COUPON] [注意] [lower]",
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems["body"], vec!["unknown tag [COUPON]".to_owned()]);
        let problems = check_template(Template::SubscriptionCardExpiry, "a\nb", " ");
        assert_eq!(problems["subject"], vec!["must be one line".to_owned()]);
        assert_eq!(problems["body"], vec!["must not be empty".to_owned()]);
    }

    #[test]
    fn a_shop_template_fills_member_and_event_tags_and_escapes_its_html() {
        let own = ShopTemplate {
            subject: "[MEMBER_LAST_NAME]様 ご注文 [NUMBER] を発送しました".into(),
            body: "[MEMBER_FIRST_NAME_FRI]様\n[ITEMS]\n<b>[SHOP]</b> [MEMBER_FAX]-[BUY_TOTAL_MONEY] [UNKNOWN]".into(),
            updated_at: Utc::now(),
        };
        let context = serde_json::json!({
            "number": "K-1", "shop": "森<珈琲>",
            "items": [{"label": "豆 × 2", "picture": null}, {"label": "袋 × 1", "picture": null}],
        });
        let member = MemberFacts {
            name: "速水 一".into(),
            name_kana: "ハヤミ ハジメ".into(),
            buy_total: Money::yen(1980),
            ..Default::default()
        };
        let mail = own.render("a@example.test", Template::OrderShipped, Locale::Ja, &context, &member);
        assert_eq!(mail.subject, "速水様 ご注文 K-1 を発送しました");
        assert_eq!(mail.body, "ハジメ様\n・豆 × 2\n・袋 × 1\n<b>森<珈琲></b> -¥1,980 [UNKNOWN]");
        assert!(mail.html.contains("&lt;b&gt;森&lt;珈琲&gt;&lt;/b&gt;"));
    }

    #[test]
    fn every_shop_template_starts_from_its_default_with_only_known_tags() {
        for template in Template::ALL.into_iter().filter(|t| t.shop_editable()) {
            for locale in [Locale::Ja, Locale::En] {
                let (subject, body) = starter(template, locale).unwrap();
                let problems = check_template(template, &subject, &body);
                assert!(problems.is_empty(), "{} {locale:?}: {problems:?}\n{subject}\n{body}", template.name());
            }
        }
        let (_, body) = starter(Template::ReservationConfirmed, Locale::Ja).unwrap();
        assert!(body.contains("商品：[ITEM]\n"), "{body}");
        let (subject, body) = starter(Template::SubscriptionCardExpiry, Locale::Ja).unwrap();
        assert!(subject.contains("[NUMBER]"));
        assert!(body.starts_with("[MEMBER_NAME] 様"), "{body}");
    }

    #[test]
    fn the_preview_shows_sample_values() {
        let (subject, body) = starter(Template::OrderShipped, Locale::Ja).unwrap();
        let mail = preview(Template::OrderShipped, Locale::Ja, "森珈琲", &subject, &body, Utc::now()).unwrap();
        assert!(mail.body.contains("山田 花子"), "{}", mail.body);
        assert!(mail.body.contains("・ブレンドコーヒー"));
        assert!(mail.body.contains("森珈琲"));
        assert!(!mail.body.contains("[MEMBER_NAME]"));
        // The shop's message of a card-expiry notice has a sample too.
        let (subject, body) = starter(Template::SubscriptionCardExpiry, Locale::Ja).unwrap();
        assert!(body.contains("[MESSAGE]"), "{body}");
        let mail =
            preview(Template::SubscriptionCardExpiry, Locale::Ja, "森珈琲", &subject, &body, Utc::now()).unwrap();
        assert!(
            !mail.body.contains("[MESSAGE]") && mail.body.contains("いつもご利用ありがとうございます。"),
            "{}",
            mail.body
        );
    }
}
