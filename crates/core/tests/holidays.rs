//! CAT-01: every national holiday from 1990 to 2099, date and name, against an independent list
//! (`fixtures/holidays-1990-2099.csv`: jpholiday, cross-checked with python-holidays).

use chrono::NaiveDate;
use kaimono_core::{SUPPORTED_YEARS, holidays_in_year};
use std::collections::BTreeMap;

/// Where the independent list spells a one-off day differently.
fn our_name(theirs: &str) -> &str {
    match theirs {
        "即位の礼正殿の儀" => "即位礼正殿の儀",
        "皇太子・皇太子徳仁親王の結婚の儀" => "皇太子徳仁親王の結婚の儀",
        name if name.ends_with(" 振替休日") => "振替休日",
        name => name,
    }
}

#[test]
fn cat01_every_holiday_from_1990_to_2099_matches_the_independent_list_with_its_name() {
    let expected: BTreeMap<NaiveDate, String> = include_str!("fixtures/holidays-1990-2099.csv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let (date, name) = line.split_once(',').unwrap();
            (date.parse().unwrap(), our_name(name).to_owned())
        })
        .collect();
    let ours: BTreeMap<NaiveDate, String> =
        SUPPORTED_YEARS.flat_map(holidays_in_year).map(|h| (h.date, h.name_ja.to_owned())).collect();
    let missing: Vec<_> = expected.iter().filter(|(d, _)| !ours.contains_key(d)).collect();
    let extra: Vec<_> = ours.iter().filter(|(d, _)| !expected.contains_key(d)).collect();
    let renamed: Vec<_> =
        expected.iter().filter_map(|(d, n)| ours.get(d).filter(|o| *o != n).map(|o| (d, n, o))).collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
    assert!(extra.is_empty(), "extra: {extra:?}");
    assert!(renamed.is_empty(), "(date, expected, ours): {renamed:?}");
    assert_eq!(ours.len(), 1936);
}
