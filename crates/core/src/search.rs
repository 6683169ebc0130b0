//! Keyword search helpers shared by every list with a search box.

/// A case-insensitive "contains" pattern for `LOWER(column) LIKE pattern ESCAPE '!'`: wildcards in the
/// keyword are escaped with `!`, which needs no quoting on any backend (a backslash does on some).
pub fn contains_pattern(keyword: &str) -> String {
    let escaped = keyword.to_lowercase().replace('!', "!!").replace('%', "!%").replace('_', "!_");
    format!("%{escaped}%")
}

/// Text as search compares it (CAT-06): Unicode NFKC, so half-width katakana (`ｼｬﾂ`) and full-width
/// letters and digits (`ＱＡ１`) read as their ordinary forms, then lower case. Applied to what is stored
/// for searching and to what is typed, on both databases alike.
pub fn normalize_for_search(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().collect::<String>().to_lowercase()
}

/// The words of a search, normalized: every one must match, in any order. Full-width spaces separate too.
pub fn search_words(text: &str) -> Vec<String> {
    normalize_for_search(text).split_whitespace().map(ToOwned::to_owned).collect()
}

/// The escape character [`contains_pattern`] uses.
pub const LIKE_ESCAPE: char = '!';

#[cfg(test)]
mod tests {
    #[test]
    fn wildcards_in_a_keyword_match_themselves() {
        assert_eq!(super::contains_pattern("50%_Off!"), "%50!%!_off!!%");
    }

    #[test]
    fn cat06_half_and_full_width_forms_normalize_to_one() {
        assert_eq!(super::normalize_for_search("ｼｬﾂ"), "シャツ");
        assert_eq!(super::normalize_for_search("ＱＡ１"), "qa1");
        assert_eq!(super::search_words("シャツ\u{3000}トップス  Ｔ"), vec!["シャツ", "トップス", "t"]);
    }
}
