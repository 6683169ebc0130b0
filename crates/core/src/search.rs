//! Keyword search helpers shared by every list with a search box.

/// A case-insensitive "contains" pattern for `LOWER(column) LIKE pattern ESCAPE '!'`: wildcards in the
/// keyword are escaped with `!`, which needs no quoting on any backend (a backslash does on some).
pub fn contains_pattern(keyword: &str) -> String {
    let escaped = keyword.to_lowercase().replace('!', "!!").replace('%', "!%").replace('_', "!_");
    format!("%{escaped}%")
}

/// The escape character [`contains_pattern`] uses.
pub const LIKE_ESCAPE: char = '!';

#[cfg(test)]
mod tests {
    #[test]
    fn wildcards_in_a_keyword_match_themselves() {
        assert_eq!(super::contains_pattern("50%_Off!"), "%50!%!_off!!%");
    }
}
