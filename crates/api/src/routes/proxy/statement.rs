//! Importing the bank's statement (PAY-05): matched transfers are confirmed, the rest listed for a person.

use crate::auth::ShopStaff;
use crate::error::{ApiError, ErrorCode, responses::*};
use crate::state::AppState;
use crate::upload::{FormRules, read_form};
use actix_multipart::Multipart;
use actix_web::{post, web};
use chrono::NaiveDate;
use kaimono_core::Money;
use kaimono_payments::LineMatch;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import_bank_statement);
}

/// A bank statement, as `multipart/form-data` (this type only describes the form).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct BankStatementUpload {
    /// The statement: the Zengin 入出金取引明細 file, or a CSV with date, credit and sender columns;
    /// Shift_JIS or UTF-8; at most 2 MB.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}

/// What became of one credit on the statement.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatementOutcomeDto {
    /// A waiting report fit it exactly: confirmed.
    Matched,
    /// A waiting report fit it but for one kana of the name: confirmed.
    Approximate,
    /// A report had already been confirmed for it (the statement imported again).
    AlreadyConfirmed,
    /// No report fits: for a person.
    Unmatched,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatementLineResponse {
    /// Its line or record number in the file.
    pub line: usize,
    /// The day the bank booked it.
    pub date: NaiveDate,
    /// What arrived.
    #[schema(value_type = String)]
    pub amount: Money,
    /// The sender as the bank printed it.
    pub sender: String,
    /// What became of it.
    pub outcome: StatementOutcomeDto,
    /// The transfer report it matched.
    pub report_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatementImportResponse {
    /// Every credit on the statement, in order.
    pub lines: Vec<StatementLineResponse>,
    /// How many were confirmed now.
    pub confirmed: usize,
    /// How many are left for a person.
    pub unmatched: usize,
}

const STATEMENT_FORM: FormRules = FormRules {
    max_files: 1,
    file_bytes: kaimono_payments::MAX_STATEMENT_BYTES,
    texts: &[],
    too_many: ErrorCode::ValidationFailed,
    too_large: ErrorCode::UnreadableStatement,
};

/// Import the bank's statement (PAY-05): each credit matching a member's transfer report — the amount,
/// the sender as banks print it (width, small kana and spaces do not matter; one kana of difference is
/// approximate) and the date within three days — is confirmed with the amount the bank shows; the rest is
/// listed for a person. Importing a statement again confirms nothing twice.
#[utoipa::path(
    tag = "proxy",
    params(("shop_id" = Uuid, Path, description = "The proxy-buying service")),
    request_body(content = BankStatementUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, body = StatementImportResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, UnsupportedMediaType, Unprocessable, ServerError
    ),
    security(("bearer" = []))
)]
#[post("/shops/{shop_id}/bank-statements")]
pub async fn import_bank_statement(
    state: web::Data<AppState>,
    staff: ShopStaff,
    form: Multipart,
) -> Result<web::Json<StatementImportResponse>, ApiError> {
    let file = read_form(form, STATEMENT_FORM).await?.files.pop().ok_or_else(|| {
        ApiError::field(ErrorCode::ValidationFailed, "file", "choose the statement file your bank exported")
    })?;
    let txn = crate::database::begin_write(&state.db).await?;
    let imported =
        kaimono_proxy::import_bank_statement(&txn, staff.shop, &file.bytes, staff.account_id, state.clock.now())
            .await?;
    txn.commit().await?;
    let lines: Vec<StatementLineResponse> = imported
        .into_iter()
        .map(|i| {
            let (outcome, report_id) = match i.outcome {
                LineMatch::Matched { report } => (StatementOutcomeDto::Matched, Some(report)),
                LineMatch::Approximate { report } => (StatementOutcomeDto::Approximate, Some(report)),
                LineMatch::AlreadyConfirmed { report } => (StatementOutcomeDto::AlreadyConfirmed, Some(report)),
                LineMatch::Unmatched => (StatementOutcomeDto::Unmatched, None),
            };
            StatementLineResponse {
                line: i.line.line,
                date: i.line.date,
                amount: i.line.amount,
                sender: i.line.sender,
                outcome,
                report_id,
            }
        })
        .collect();
    let confirmed = lines
        .iter()
        .filter(|l| matches!(l.outcome, StatementOutcomeDto::Matched | StatementOutcomeDto::Approximate))
        .count();
    let unmatched = lines.iter().filter(|l| matches!(l.outcome, StatementOutcomeDto::Unmatched)).count();
    Ok(web::Json(StatementImportResponse { lines, confirmed, unmatched }))
}
