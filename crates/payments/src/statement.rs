//! Bank-statement matching (PAY-05): staff import the statement their bank exports — the Zengin
//! 入出金取引明細 file (200-character records, Shift_JIS or UTF-8) or a CSV — and each credit is matched
//! with a member's transfer report by amount, sender name (as banks print it: width, small kana and
//! spacing do not matter, one kana of difference is taken as approximate) and date (within three days).
//! Only what does not match is left for a person.

use crate::error::PaymentError;
use crate::transfers::{TransferReport, TransferStatus, to_report};
use chrono::NaiveDate;
use kaimono_core::japan::bank_name_key;
use kaimono_core::{Money, ShopId};
use kaimono_entity::transfer_report;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// A statement's transfer date and the report's may differ by this many days (weekends, holidays).
pub const MATCH_DAYS: i64 = 3;
/// The largest statement taken.
pub const MAX_STATEMENT_BYTES: usize = 2 * 1024 * 1024;

/// One credit (入金) on the statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    /// Its line (CSV) or record (Zengin) number, from 1.
    pub line: usize,
    pub date: NaiveDate,
    pub amount: Money,
    /// The sender as the bank printed it (half-width kana made full width).
    pub sender: String,
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum StatementError {
    #[error("the statement is larger than 2 MB")]
    TooLarge,
    #[error("line {line}: {reason}")]
    Unreadable { line: usize, reason: String },
    #[error("neither a Zengin statement nor a CSV with date, amount and sender columns")]
    UnknownFormat,
}

fn text_of(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::SHIFT_JIS.decode(bytes).0.into_owned(),
    }
}

/// PAY-05: the credits of a statement, Zengin or CSV, in either encoding.
pub fn parse_statement(bytes: &[u8]) -> Result<Vec<StatementLine>, StatementError> {
    if bytes.len() > MAX_STATEMENT_BYTES {
        return Err(StatementError::TooLarge);
    }
    let text = text_of(bytes);
    let records: Vec<Vec<char>> = if text.contains('\n') {
        text.lines().map(|l| l.trim_end_matches('\r').chars().collect()).filter(|l: &Vec<char>| !l.is_empty()).collect()
    } else {
        text.chars().collect::<Vec<_>>().chunks(200).map(<[char]>::to_vec).collect()
    };
    let zengin = records.first().is_some_and(|r| r.len() == 200 && r.first() == Some(&'1'));
    if zengin { parse_zengin(&records) } else { parse_csv(&text) }
}

fn field(record: &[char], from: usize, to: usize) -> String {
    record.get(from..to).map(|c| c.iter().collect::<String>()).unwrap_or_default().trim().to_owned()
}

/// A Zengin date, YYMMDD in the Japanese era (令和; 2026 is 令和8) as banks write it, or in the western
/// calendar from banks that do (a two-digit year above 20 is taken as 20YY).
fn zengin_date(text: &str) -> Option<NaiveDate> {
    let number = |r: std::ops::Range<usize>| text.get(r).and_then(|s| s.parse::<u32>().ok());
    let (yy, month, day) = (number(0..2)?, number(2..4)?, number(4..6)?);
    let year = if yy <= 20 { 2018 + yy } else { 2000 + yy };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The 入出金取引明細 layout: record type 2 carries one movement — 勘定日 at 10–15, 入払区分 (1 =
/// credit) at 22, 取引金額 at 25–36 and 振込依頼人名 at 82–129 (1-based, in characters).
fn parse_zengin(records: &[Vec<char>]) -> Result<Vec<StatementLine>, StatementError> {
    let mut lines = Vec::new();
    for (n, record) in records.iter().enumerate() {
        let line = n + 1;
        if record.first() != Some(&'2') {
            continue;
        }
        if record.len() < 129 {
            return Err(StatementError::Unreadable {
                line,
                reason: "a data record is shorter than 129 characters".into(),
            });
        }
        if field(record, 21, 22) != "1" {
            continue;
        }
        let unreadable = |reason: &str| StatementError::Unreadable { line, reason: reason.to_owned() };
        let date = zengin_date(&field(record, 9, 15)).ok_or_else(|| unreadable("the date is not YYMMDD"))?;
        let amount: i64 = field(record, 24, 36).parse().map_err(|_| unreadable("the amount is not a number"))?;
        let sender = kaimono_core::japan::normalize_account_holder(&field(record, 81, 129)).unwrap_or_default();
        lines.push(StatementLine { line, date, amount: Money::yen(amount), sender });
    }
    Ok(lines)
}

/// One CSV line's cells (quoted cells may hold commas and doubled quotes).
fn cells(line: &str) -> Vec<String> {
    let (mut out, mut cell, mut quoted, mut chars) = (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    out.push(cell);
    out.into_iter().map(|c| c.trim().to_owned()).collect()
}

fn csv_date(text: &str) -> Option<NaiveDate> {
    let digits: Vec<u32> =
        text.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).filter_map(|p| p.parse().ok()).collect();
    match digits.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(i32::try_from(*y).ok()?, *m, *d),
        [ymd] if *ymd > 19_000_000 => {
            NaiveDate::from_ymd_opt(i32::try_from(ymd / 10_000).ok()?, ymd / 100 % 100, ymd % 100)
        }
        _ => None,
    }
}

/// A CSV with a header naming its columns — the date (日付, 取引日, お取引日), the credit (入金額,
/// お預り金額, お預入れ金額, or 金額 when there is no separate credit column) and the sender (振込依頼人名,
/// 依頼人名, 摘要, 内容, お取引内容) — in Japanese or English (date, credit/amount, name/description).
fn parse_csv(text: &str) -> Result<Vec<StatementLine>, StatementError> {
    let mut rows = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = rows.next().ok_or(StatementError::UnknownFormat)?;
    let header: Vec<String> = cells(header).into_iter().map(|h| h.to_lowercase()).collect();
    let column = |names: &[&str]| header.iter().position(|h| names.iter().any(|n| h.contains(n)));
    let date = column(&["取引日", "日付", "date"]).ok_or(StatementError::UnknownFormat)?;
    let amount = column(&["入金", "預入", "預り", "預かり", "預け入れ", "credit", "deposit"])
        .or_else(|| column(&["金額", "amount"]))
        .ok_or(StatementError::UnknownFormat)?;
    let sender = column(&["依頼人", "摘要", "内容", "name", "description"]).ok_or(StatementError::UnknownFormat)?;
    let mut lines = Vec::new();
    for (n, row) in rows {
        let line = n + 1;
        let row = cells(row);
        let cell = |i: usize| row.get(i).map(String::as_str).unwrap_or_default();
        let yen: String = cell(amount).chars().filter(char::is_ascii_digit).collect();
        if yen.is_empty() || cell(amount).starts_with('-') {
            continue;
        }
        let value: i64 =
            yen.parse().map_err(|_| StatementError::Unreadable { line, reason: "the amount is too large".into() })?;
        if value == 0 {
            continue;
        }
        let on = csv_date(cell(date))
            .ok_or_else(|| StatementError::Unreadable { line, reason: format!("{:?} is not a date", cell(date)) })?;
        let name = cell(sender).trim_start_matches("振込").trim_start_matches("ﾌﾘｺﾐ").trim();
        let name = kaimono_core::japan::normalize_account_holder(name).unwrap_or_else(|| name.to_owned());
        lines.push(StatementLine { line, date: on, amount: Money::yen(value), sender: name });
    }
    Ok(lines)
}

/// How one statement line was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMatch {
    /// A waiting report of this amount, sender and date.
    Matched { report: Uuid },
    /// The same, but the names differ by one kana: taken, and shown as such.
    Approximate { report: Uuid },
    /// A report already confirmed for exactly this money (the statement imported again).
    AlreadyConfirmed { report: Uuid },
    /// Nothing fits: for a person.
    Unmatched,
}

/// Edit distance of two short names, in characters.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            previous = current;
        }
    }
    row[b.len()]
}

/// 0 when the names are the same as banks print them, 1 when one kana differs (names of 4 or more), none
/// otherwise.
fn name_fit(statement: &str, report: &str) -> Option<usize> {
    let (a, b) = (bank_name_key(statement), bank_name_key(report));
    match distance(&a, &b) {
        0 if !a.is_empty() => Some(0),
        1 if a.chars().count().min(b.chars().count()) >= 4 => Some(1),
        _ => None,
    }
}

fn fits(line: &StatementLine, report: &TransferReport, amount: Money) -> Option<(usize, i64)> {
    let days = (line.date - report.transferred_on).num_days().abs();
    (amount == line.amount && days <= MATCH_DAYS).then_some(())?;
    name_fit(&line.sender, &report.sender_kana).map(|fit| (fit, days))
}

/// PAY-05: matches each line with the shop's waiting reports — the closest fit, each report once —
/// or with one already confirmed for it; the rest is unmatched.
pub async fn match_statement(
    db: &impl ConnectionTrait,
    shop: ShopId,
    lines: &[StatementLine],
) -> Result<Vec<LineMatch>, PaymentError> {
    let earliest = lines.iter().map(|l| l.date).min().unwrap_or_default() - chrono::Duration::days(MATCH_DAYS);
    let reports: Vec<TransferReport> = transfer_report::Entity::find()
        .filter(transfer_report::Column::ShopId.eq(shop.0))
        .filter(transfer_report::Column::TransferredOn.gte(earliest))
        .all(db)
        .await?
        .into_iter()
        .map(to_report)
        .collect();
    let mut taken: Vec<Uuid> = Vec::new();
    let mut matches = Vec::with_capacity(lines.len());
    for line in lines {
        let best = reports
            .iter()
            .filter(|r| r.status == TransferStatus::Reported && !taken.contains(&r.id))
            .filter_map(|r| fits(line, r, r.amount).map(|fit| (fit, r.id)))
            .min();
        let found = match best {
            Some(((0, _), report)) => LineMatch::Matched { report },
            Some((_, report)) => LineMatch::Approximate { report },
            None => reports
                .iter()
                .filter(|r| r.status == TransferStatus::Confirmed && !taken.contains(&r.id))
                .find_map(|r| r.received_amount.and_then(|received| fits(line, r, received)).map(|_| r.id))
                .map_or(LineMatch::Unmatched, |report| LineMatch::AlreadyConfirmed { report }),
        };
        if let LineMatch::Matched { report }
        | LineMatch::Approximate { report }
        | LineMatch::AlreadyConfirmed { report } = found
        {
            taken.push(report);
        }
        matches.push(found);
    }
    Ok(matches)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    /// A Zengin data record: credit or debit, date, amount and sender at their places.
    fn record(kind: char, credit: bool, date: &str, amount: i64, sender: &str) -> String {
        let mut r = String::new();
        r.push(kind);
        r.push_str("00000001");
        r.push_str(date);
        r.push_str(date);
        r.push(if credit { '1' } else { '2' });
        r.push_str("11");
        r.push_str(&format!("{amount:012}"));
        r.push_str(&"0".repeat(12 + 6 + 6 + 1 + 7 + 3 + 10));
        r.push_str(&format!("{sender:<48}"));
        while r.chars().count() < 200 {
            r.push(' ');
        }
        r
    }

    fn zengin(body: &[String]) -> String {
        let header = format!("{:<200}", "1");
        let trailer = format!("{:<200}", "8");
        let end = format!("{:<200}", "9");
        let mut all = vec![header];
        all.extend_from_slice(body);
        all.push(trailer);
        all.push(end);
        all.join("\r\n")
    }

    // PAY-05: a Zengin file (in Shift_JIS, half-width kana, Japanese-era dates) gives its credits only.
    #[test]
    fn pay05_a_zengin_statement_gives_its_credits() {
        let text = zengin(&[
            record('2', true, "081205", 4400, "ﾀﾞｲｺｳ ﾊﾅｺ"),
            record('2', false, "081205", 1200, "ﾃｽｳﾘﾖｳ"),
            record('2', true, "261207", 1500, "ﾀﾞｲｺｳ ﾊﾅｺ"),
        ]);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
        let lines = parse_statement(&sjis).unwrap();
        assert_eq!(lines.len(), 2, "the debit is not a transfer to match");
        assert_eq!(lines[0].date, NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(), "令和8年12月5日");
        assert_eq!((lines[0].amount, lines[0].sender.as_str()), (Money::yen(4400), "ダイコウ ハナコ"));
        assert_eq!(lines[1].date, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(), "a western year");
        // One record after another with no line breaks, as some banks send it, in UTF-8.
        let packed: String = zengin(&[record('2', true, "081205", 4400, "ﾀﾞｲｺｳ ﾊﾅｺ")]).replace("\r\n", "");
        assert_eq!(parse_statement(packed.as_bytes()).unwrap().len(), 1);
        let short = format!("{:<200}\r\n2000", "1");
        assert!(matches!(parse_statement(short.as_bytes()), Err(StatementError::Unreadable { line: 2, .. })));
    }

    // PAY-05: a net-banking CSV (Shift_JIS, a BOM, quoted amounts with commas) gives its credits only.
    #[test]
    fn pay05_a_csv_statement_gives_its_credits() {
        let csv = "日付,摘要,お支払金額,お預り金額,差引残高\r\n2026/12/05,振込 ﾀﾞｲｺｳ ﾊﾅｺ,,\"4,400\",\"104,400\"\r\n2026/12/06,ﾃｽｳﾘﾖｳ,220,,104180\r\n2026年12月7日,振込　ヤマダ　タロウ,,1500,105680\r\n";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(csv);
        let lines = parse_statement(&sjis).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (lines[0].line, lines[0].amount, lines[0].sender.as_str()),
            (2, Money::yen(4400), "ダイコウ ハナコ")
        );
        assert_eq!((lines[1].date.day(), lines[1].sender.as_str()), (7, "ヤマダ タロウ"));
        let english = "\u{feff}Date,Description,Amount\n20261205,DAIKO HANAKO,4400\n";
        assert_eq!(parse_statement(english.as_bytes()).unwrap()[0].sender, "DAIKO HANAKO");
        assert_eq!(parse_statement(b"a,b\n1,2\n"), Err(StatementError::UnknownFormat));
        let bad = "日付,摘要,入金額\nyesterday,ﾀﾞｲｺｳ,100\n";
        assert!(matches!(parse_statement(bad.as_bytes()), Err(StatementError::Unreadable { line: 2, .. })));
    }

    #[test]
    fn pay05_names_fit_exactly_or_by_one_kana() {
        assert_eq!(name_fit("ｷﾖｳｺ ﾔﾏﾀﾞ", "キョウコ ヤマダ"), Some(0));
        assert_eq!(name_fit("ダイコウ ハナコ", "ダイコウ ハナユ"), Some(1));
        assert_eq!(name_fit("ヤマダ タロウ", "スズキ ハナコ"), None);
        assert_eq!(name_fit("アベ", "アヘ"), None, "too short to guess");
    }
}
