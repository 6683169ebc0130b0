//! Japanese address and name rules shared by members' addresses and shops: postal codes, the 47
//! prefectures (JIS X 0401 codes 1–47), phone numbers and furigana.

/// The 47 prefectures in JIS order; code n is `PREFECTURES[n - 1]` (Japanese, English).
pub const PREFECTURES: [(&str, &str); 47] = [
    ("北海道", "Hokkaido"),
    ("青森県", "Aomori"),
    ("岩手県", "Iwate"),
    ("宮城県", "Miyagi"),
    ("秋田県", "Akita"),
    ("山形県", "Yamagata"),
    ("福島県", "Fukushima"),
    ("茨城県", "Ibaraki"),
    ("栃木県", "Tochigi"),
    ("群馬県", "Gunma"),
    ("埼玉県", "Saitama"),
    ("千葉県", "Chiba"),
    ("東京都", "Tokyo"),
    ("神奈川県", "Kanagawa"),
    ("新潟県", "Niigata"),
    ("富山県", "Toyama"),
    ("石川県", "Ishikawa"),
    ("福井県", "Fukui"),
    ("山梨県", "Yamanashi"),
    ("長野県", "Nagano"),
    ("岐阜県", "Gifu"),
    ("静岡県", "Shizuoka"),
    ("愛知県", "Aichi"),
    ("三重県", "Mie"),
    ("滋賀県", "Shiga"),
    ("京都府", "Kyoto"),
    ("大阪府", "Osaka"),
    ("兵庫県", "Hyogo"),
    ("奈良県", "Nara"),
    ("和歌山県", "Wakayama"),
    ("鳥取県", "Tottori"),
    ("島根県", "Shimane"),
    ("岡山県", "Okayama"),
    ("広島県", "Hiroshima"),
    ("山口県", "Yamaguchi"),
    ("徳島県", "Tokushima"),
    ("香川県", "Kagawa"),
    ("愛媛県", "Ehime"),
    ("高知県", "Kochi"),
    ("福岡県", "Fukuoka"),
    ("佐賀県", "Saga"),
    ("長崎県", "Nagasaki"),
    ("熊本県", "Kumamoto"),
    ("大分県", "Oita"),
    ("宮崎県", "Miyazaki"),
    ("鹿児島県", "Kagoshima"),
    ("沖縄県", "Okinawa"),
];

/// The prefecture with JIS code `code` (1–47): (Japanese, English).
pub fn prefecture(code: i16) -> Option<(&'static str, &'static str)> {
    usize::try_from(code).ok().and_then(|c| c.checked_sub(1)).and_then(|i| PREFECTURES.get(i)).copied()
}

/// `"123-4567"`, `"1234567"` or full-width digits → `"1234567"`; anything else → `None`.
pub fn normalize_postal_code(value: &str) -> Option<String> {
    let half = to_half_width_digits(value.trim());
    let digits: String = match half.len() {
        8 if half.as_bytes().get(3) == Some(&b'-') => half.replacen('-', "", 1),
        _ => half,
    };
    (digits.len() == 7 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// A Japanese phone number: 10 or 11 digits starting with 0, hyphens allowed; returned as digits only.
pub fn normalize_phone(value: &str) -> Option<String> {
    let half = to_half_width_digits(value.trim());
    if !half.bytes().all(|b| b.is_ascii_digit() || b == b'-') || half.starts_with('-') || half.contains("--") {
        return None;
    }
    let digits: String = half.chars().filter(char::is_ascii_digit).collect();
    (digits.starts_with('0') && (10..=11).contains(&digits.len())).then_some(digits)
}

/// Furigana: katakana or hiragana (with the long-vowel mark, middle dot and spaces), not empty.
pub fn is_furigana(value: &str) -> bool {
    let trimmed = value.trim();
    !trimmed.is_empty()
        && trimmed.chars().all(|c| {
            matches!(c, '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | ' ' | '\u{3000}' | '・')
        })
}

fn to_half_width_digits(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            'ー' | '－' | '‐' | '−' => '-',
            _ => c,
        })
        .collect()
}

/// A bank account holder's name as banks print it (口座名義): katakana, Latin capitals, digits, spaces and
/// `( ) . - / ,` after NFKC (so half-width katakana and full-width brackets are accepted), e.g. `カ)モリコーヒー`.
pub fn normalize_account_holder(value: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let normalized: String = value.trim().nfkc().collect();
    let allowed = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}' | 'A'..='Z' | '0'..='9' | ' ' | '(' | ')' | '.' | '-' | '/' | ',');
    (!normalized.is_empty() && normalized.chars().all(allowed)).then_some(normalized)
}

/// PAY-05: a name as banks print it, reduced to what survives every bank's way of printing it — for
/// matching a statement's sender with what the member reported. After NFKC: small kana become large
/// (banks print ｷﾖｳｺ for キョウコ), ヲ/ヂ/ヅ become オ/ジ/ズ, and spaces, long-vowel marks, hyphens and
/// punctuation go.
pub fn bank_name_key(value: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    value
        .nfkc()
        .filter_map(|c| {
            Some(match c {
                'ァ' => 'ア',
                'ィ' => 'イ',
                'ゥ' => 'ウ',
                'ェ' => 'エ',
                'ォ' => 'オ',
                'ッ' => 'ツ',
                'ャ' => 'ヤ',
                'ュ' => 'ユ',
                'ョ' => 'ヨ',
                'ヮ' => 'ワ',
                'ヵ' => 'カ',
                'ヶ' => 'ケ',
                'ヲ' => 'オ',
                'ヂ' => 'ジ',
                'ヅ' => 'ズ',
                ' ' | '\u{3000}' | 'ー' | '-' | '.' | ',' | '/' | '(' | ')' | '・' => return None,
                c => c,
            })
        })
        .collect()
}

/// A qualified-invoice issuer's registration number (適格請求書発行事業者登録番号): `T` and 13 digits whose
/// first digit is the check digit of the other 12 (the corporate-number rule: 9 − (Σ digit × weight mod 9),
/// weights 1, 2, 1, 2 … from the rightmost digit).
pub fn is_invoice_registration_number(value: &str) -> bool {
    let Some(digits) = value.strip_prefix('T') else { return false };
    if digits.len() != 13 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let numbers: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = numbers[1..].iter().rev().enumerate().map(|(i, d)| d * if i % 2 == 0 { 1 } else { 2 }).sum();
    numbers[0] == 9 - sum % 9
}

#[cfg(test)]
mod tests {
    use super::*;

    // PAY-05: the same sender however the bank or the member wrote it.
    #[test]
    fn pay05_bank_name_keys_ignore_width_small_kana_and_spacing() {
        let key = bank_name_key("キョウコ ヤマダ");
        assert_eq!(key, "キヨウコヤマダ");
        assert_eq!(bank_name_key("ｷﾖｳｺ ﾔﾏﾀﾞ"), "キヨウコヤマダ");
        assert_eq!(bank_name_key("ﾀﾞｲｺｳ　ﾊﾅｺ"), bank_name_key("ダイコウ ハナコ"));
        assert_eq!(bank_name_key("カ)モリコーヒー"), bank_name_key("ｶ)ﾓﾘｺ-ﾋ-"));
        assert_ne!(bank_name_key("ヤマダ タロウ"), bank_name_key("ヤマダ ハナコ"));
    }

    #[test]
    fn postal_codes_accept_seven_digits_with_or_without_the_hyphen() {
        assert_eq!(normalize_postal_code("150-0001").as_deref(), Some("1500001"));
        assert_eq!(normalize_postal_code("1500001").as_deref(), Some("1500001"));
        assert_eq!(normalize_postal_code("１５０－０００１").as_deref(), Some("1500001"));
        for bad in ["15-00001", "150000", "15000012", "abc-defg", "", "150 0001"] {
            assert_eq!(normalize_postal_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn prefectures_are_the_47_jis_codes() {
        assert_eq!(prefecture(13), Some(("東京都", "Tokyo")));
        assert_eq!(prefecture(47), Some(("沖縄県", "Okinawa")));
        assert_eq!(prefecture(0), None);
        assert_eq!(prefecture(48), None);
    }

    #[test]
    fn invoice_registration_numbers_carry_a_check_digit() {
        // The National Tax Agency's own corporate number (法人番号 7000012050002).
        assert!(super::is_invoice_registration_number("T7000012050002"));
        assert!(!super::is_invoice_registration_number("T8000012050002"), "wrong check digit");
        assert!(!super::is_invoice_registration_number("7000012050002"), "no T");
        assert!(!super::is_invoice_registration_number("T700001205000"), "12 digits");
        assert!(!super::is_invoice_registration_number("T70000120500０2"));
    }

    #[test]
    fn phones_and_furigana() {
        assert_eq!(normalize_phone("03-1234-5678").as_deref(), Some("0312345678"));
        assert_eq!(normalize_phone("090-1234-5678").as_deref(), Some("09012345678"));
        assert_eq!(normalize_phone("12345"), None);
        assert_eq!(normalize_phone("+81-90-1234-5678"), None);
        assert!(is_furigana("ヤマダ タロウ"));
        assert!(is_furigana("やまだ　たろう"));
        assert!(!is_furigana("山田太郎"));
        assert!(!is_furigana("  "));
    }
}

/// Japan Standard Time (UTC+9, no daylight saving).
pub fn jst() -> chrono::FixedOffset {
    use chrono::Offset;
    chrono::FixedOffset::east_opt(9 * 3600).unwrap_or_else(|| chrono::Utc.fix())
}

/// Today's date in Japan: what "today" means for a shop.
pub fn japan_today(now: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    now.with_timezone(&jst()).date_naive()
}

/// The first instant after `date` ends in Japan (midnight JST of the next day).
pub fn end_of_japan_day(date: chrono::NaiveDate) -> chrono::DateTime<chrono::Utc> {
    let next = date.succ_opt().unwrap_or(date);
    next.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(jst()).single())
        .map_or_else(|| next.and_time(chrono::NaiveTime::MIN).and_utc(), |t| t.with_timezone(&chrono::Utc))
}

const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

/// A date as people read it: `2026年12月5日(土)`, or `Sat 5 December 2026`.
pub fn date_label(date: chrono::NaiveDate, locale: crate::Locale) -> String {
    use chrono::Datelike;
    match locale {
        crate::Locale::Ja => {
            let weekday = WEEKDAYS_JA[date.weekday().num_days_from_monday() as usize];
            format!("{}年{}月{}日({weekday})", date.year(), date.month(), date.day())
        }
        crate::Locale::En => date.format("%a %-d %B %Y").to_string(),
    }
}

/// A deadline in Japan time as people read it. One at midnight is the end of the day before:
/// `2026年12月5日(土)` (templates add まで), `Sat 5 December 2026`; otherwise with the time,
/// `2026年12月5日(土) 18:00`, `Sat 5 December 2026, 18:00 JST`.
pub fn deadline_label(at: chrono::DateTime<chrono::Utc>, locale: crate::Locale) -> String {
    let local = at.with_timezone(&jst());
    if local.time() == chrono::NaiveTime::MIN {
        let day = local.date_naive().pred_opt().unwrap_or(local.date_naive());
        return date_label(day, locale);
    }
    let date = date_label(local.date_naive(), locale);
    match locale {
        crate::Locale::Ja => format!("{date} {}", local.format("%H:%M")),
        crate::Locale::En => format!("{date}, {} JST", local.format("%H:%M")),
    }
}

#[cfg(test)]
mod time_tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn dates_and_deadlines_read_the_japanese_way() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(date_label(day, crate::Locale::Ja), "2026年12月5日(土)");
        assert_eq!(date_label(day, crate::Locale::En), "Sat 5 December 2026");
        let end_of_day = end_of_japan_day(day);
        assert_eq!(deadline_label(end_of_day, crate::Locale::Ja), "2026年12月5日(土)", "not 12月6日 00:00");
        let evening = Utc.with_ymd_and_hms(2026, 12, 5, 9, 30, 0).unwrap();
        assert_eq!(deadline_label(evening, crate::Locale::Ja), "2026年12月5日(土) 18:30");
        assert_eq!(deadline_label(evening, crate::Locale::En), "Sat 5 December 2026, 18:30 JST");
    }

    #[test]
    fn japan_days_start_at_midnight_jst() {
        let at = Utc.with_ymd_and_hms(2026, 11, 22, 15, 0, 0).unwrap();
        assert_eq!(japan_today(at), NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        let end = end_of_japan_day(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        assert_eq!(end, Utc.with_ymd_and_hms(2026, 11, 25, 15, 0, 0).unwrap());
    }
}
