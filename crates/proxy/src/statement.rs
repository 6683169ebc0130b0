//! Bank-statement import (PAY-05): the service's staff import their bank's statement and every credit
//! that fits a member's transfer report — amount, sender as banks print it, date within three days — is
//! confirmed as if a person had checked it; only the rest is left for a person.

use crate::billing::confirm_transfer;
use crate::error::ProxyError;
use chrono::{DateTime, Utc};
use kaimono_core::{AccountId, ShopId};
use kaimono_payments::{LineMatch, StatementLine};
use sea_orm::ConnectionTrait;

/// One credit of the statement and what became of it.
#[derive(Debug, Clone)]
pub struct ImportedLine {
    pub line: StatementLine,
    pub outcome: LineMatch,
}

/// PAY-05: reads the statement (Zengin or CSV), matches its credits and confirms the matched reports
/// with the amount the bank shows (which pays the invoice, or tops up the deposit). Importing the same
/// statement again confirms nothing twice: its lines show as already confirmed.
pub async fn import_bank_statement(
    db: &impl ConnectionTrait,
    shop: ShopId,
    statement: &[u8],
    staff: AccountId,
    now: DateTime<Utc>,
) -> Result<Vec<ImportedLine>, ProxyError> {
    crate::settings::proxy_shop(db, shop).await?;
    let lines = kaimono_payments::parse_statement(statement)?;
    let matches = kaimono_payments::match_statement(db, shop, &lines).await?;
    let mut imported = Vec::with_capacity(lines.len());
    for (line, outcome) in lines.into_iter().zip(matches) {
        if let LineMatch::Matched { report } | LineMatch::Approximate { report } = outcome {
            confirm_transfer(db, shop, report, Some(line.amount), staff, now).await?;
        }
        imported.push(ImportedLine { line, outcome });
    }
    Ok(imported)
}
