//! Business calendars and Japanese national holidays (国民の祝日), computed rather than listed.
//!
//! Holidays follow the law (祝日法) as it stood each year from 1990 to 2099 ([`SUPPORTED_YEARS`]):
//! the moves to Mondays, the new holidays, the renamed ones, the one-off days, and the substitute and
//! citizens' holiday rules before and after their 2007 change. Equinox days use the standard
//! approximation, valid 1980–2099.

use chrono::{Datelike, Duration, NaiveDate, Weekday, WeekdaySet};
use std::collections::{BTreeMap, BTreeSet};

/// A national holiday: its date and its name in Japanese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name_ja: &'static str,
    pub name_en: &'static str,
}

fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

/// Day of March (vernal) or September (autumnal) of the equinox, 1980–2099, in integer arithmetic.
fn equinox_day(year: i32, base_micro: i64) -> u32 {
    let y = i64::from(year - 1980);
    let day = (base_micro + 242_194 * y) / 1_000_000 - y / 4;
    u32::try_from(day).unwrap_or(20)
}

/// The years whose holidays are known here: the law's history is implemented from 1990, and the equinox
/// approximation holds to 2099. Dates outside are refused at the API (422), not guessed.
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 1990..=2099;

/// Whether `date` lies in [`SUPPORTED_YEARS`].
pub fn is_supported_date(date: NaiveDate) -> bool {
    SUPPORTED_YEARS.contains(&date.year())
}

/// The named holidays (国民の祝日) of a year, as the law stood that year, before substitute and
/// citizens' holidays are added. The history since 1990:
/// - 成人の日 1/15, and 体育の日 10/10, until 1999; the second Monday of January / October from 2000
///   (ハッピーマンデー, 1998 amendment). 体育の日 became スポーツの日 in 2020.
/// - 海の日 7/20 from 1996; the third Monday of July from 2003. 敬老の日 9/15 until 2002; the third
///   Monday of September from 2003. 山の日 8/11 from 2016.
/// - 4/29 is みどりの日 until 2006 and 昭和の日 from 2007, when みどりの日 moved to 5/4 (until then 5/4
///   was a citizens' holiday between two holidays).
/// - 天皇誕生日 12/23 from 1989 to 2018, none in 2019, 2/23 from 2020.
/// - One-off days: 1990-11-12 即位礼正殿の儀, 1993-06-09 皇太子徳仁親王の結婚の儀, 2019-05-01 天皇の即位の日
///   and 2019-10-22 即位礼正殿の儀; the Olympic moves of 2020 and 2021.
fn named_holidays(year: i32) -> Vec<Holiday> {
    let d = |m, day| NaiveDate::from_ymd_opt(year, m, day);
    let monday = |month, n| nth_weekday(year, month, Weekday::Mon, n);
    let happy_monday = year >= 2000;
    let mut out: Vec<(Option<NaiveDate>, &'static str, &'static str)> = vec![
        (d(1, 1), "元日", "New Year's Day"),
        (if happy_monday { monday(1, 2) } else { d(1, 15) }, "成人の日", "Coming of Age Day"),
        (d(2, 11), "建国記念の日", "National Foundation Day"),
        (d(3, equinox_day(year, 20_843_100)), "春分の日", "Vernal Equinox Day"),
        if year >= 2007 {
            (d(4, 29), "昭和の日", "Showa Day")
        } else {
            (d(4, 29), "みどりの日", "Greenery Day")
        },
        (d(5, 3), "憲法記念日", "Constitution Memorial Day"),
        (d(5, 5), "こどもの日", "Children's Day"),
        (if year >= 2003 { monday(9, 3) } else { d(9, 15) }, "敬老の日", "Respect for the Aged Day"),
        (d(9, equinox_day(year, 23_248_800)), "秋分の日", "Autumnal Equinox Day"),
        (d(11, 3), "文化の日", "Culture Day"),
        (d(11, 23), "勤労感謝の日", "Labour Thanksgiving Day"),
    ];
    if year >= 2007 {
        out.push((d(5, 4), "みどりの日", "Greenery Day"));
    }
    match year {
        ..=2018 => out.push((d(12, 23), "天皇誕生日", "Emperor's Birthday")),
        2019 => {
            out.push((d(5, 1), "天皇の即位の日", "Enthronement Day"));
            out.push((d(10, 22), "即位礼正殿の儀", "Enthronement Ceremony Day"));
        }
        _ => out.push((d(2, 23), "天皇誕生日", "Emperor's Birthday")),
    }
    match year {
        1990 => out.push((d(11, 12), "即位礼正殿の儀", "Enthronement Ceremony Day")),
        1993 => out.push((d(6, 9), "皇太子徳仁親王の結婚の儀", "Crown Prince's Wedding Day")),
        _ => {}
    }
    // Olympic years moved Marine Day, Sports Day and Mountain Day.
    let (marine, sports, mountain) = match year {
        2020 => (d(7, 23), d(7, 24), d(8, 10)),
        2021 => (d(7, 22), d(7, 23), d(8, 8)),
        _ => (
            if year >= 2003 { monday(7, 3) } else { d(7, 20) },
            if happy_monday { monday(10, 2) } else { d(10, 10) },
            d(8, 11),
        ),
    };
    if year >= 1996 {
        out.push((marine, "海の日", "Marine Day"));
    }
    out.push((
        sports,
        if year >= 2020 { "スポーツの日" } else { "体育の日" },
        if year >= 2020 { "Sports Day" } else { "Health and Sports Day" },
    ));
    if year >= 2016 {
        out.push((mountain, "山の日", "Mountain Day"));
    }
    out.into_iter().filter_map(|(date, name_ja, name_en)| date.map(|date| Holiday { date, name_ja, name_en })).collect()
}

/// Every national holiday (and 休日 under the law) of `year`, in date order.
///
/// - 振替休日: until 2006 a named holiday on a Sunday made the Monday after it a holiday; from 2007 the
///   nearest following day that is not a named holiday.
/// - 国民の休日: a day between two named holidays. Until 2006 not when it was a Sunday or a substitute
///   holiday (so 5/4 was one most years); from 2007 any such day that is not a named holiday.
pub fn holidays_in_year(year: i32) -> Vec<Holiday> {
    let mut days: BTreeMap<NaiveDate, Holiday> = named_holidays(year).into_iter().map(|h| (h.date, h)).collect();
    let named: Vec<NaiveDate> = days.keys().copied().collect();
    for &date in &named {
        if date.weekday() == Weekday::Sun {
            let mut next = date + Duration::days(1);
            while year >= 2007 && days.contains_key(&next) {
                next += Duration::days(1);
            }
            days.entry(next).or_insert(Holiday { date: next, name_ja: "振替休日", name_en: "Substitute Holiday" });
        }
    }
    for pair in named.windows(2) {
        if let [a, b] = pair
            && *b - *a == Duration::days(2)
        {
            let between = *a + Duration::days(1);
            if year < 2007 && between.weekday() == Weekday::Sun {
                continue;
            }
            days.entry(between).or_insert(Holiday {
                date: between,
                name_ja: "国民の休日",
                name_en: "Citizens' Holiday",
            });
        }
    }
    days.into_values().filter(|h| h.date.year() == year).collect()
}

/// The national holiday on `date`, if it is one.
pub fn national_holiday(date: NaiveDate) -> Option<Holiday> {
    holidays_in_year(date.year()).into_iter().find(|h| h.date == date)
}

/// A shop's business calendar: regular closed weekdays, whether national holidays are closed,
/// extra closed dates, and exceptional open dates that override everything else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BusinessCalendar {
    pub closed_weekdays: WeekdaySet,
    pub closed_on_holidays: bool,
    pub closed_dates: BTreeSet<NaiveDate>,
    pub open_dates: BTreeSet<NaiveDate>,
}

/// A weekday set as a bitmask, bit n = weekday n counted from Monday (the database form).
pub fn weekdays_to_mask(days: WeekdaySet) -> u8 {
    days.iter(Weekday::Mon).fold(0, |mask, d| mask | (1 << d.num_days_from_monday()))
}

pub fn weekdays_from_mask(mask: u8) -> WeekdaySet {
    let mut days = WeekdaySet::EMPTY;
    for n in 0..7u8 {
        if mask & (1 << n) != 0
            && let Ok(day) = Weekday::try_from(n)
        {
            days.insert(day);
        }
    }
    days
}

impl BusinessCalendar {
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        if self.open_dates.contains(&date) {
            return true;
        }
        if self.closed_dates.contains(&date) || self.closed_weekdays.contains(date.weekday()) {
            return false;
        }
        !(self.closed_on_holidays && national_holiday(date).is_some())
    }

    /// The `n`-th business day after `date` (`n = 0` gives `date` itself if it is a business day,
    /// else the next one). `None` if the calendar has no such business day within ten years, or none
    /// before the end of [`SUPPORTED_YEARS`].
    pub fn add_business_days(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let last_supported = NaiveDate::from_ymd_opt(*SUPPORTED_YEARS.end(), 12, 31)?;
        let limit = (date + Duration::days(3660)).min(last_supported);
        let mut current = date;
        let mut remaining = n;
        if remaining == 0 {
            while !self.is_business_day(current) {
                current = current.succ_opt()?;
                if current > limit {
                    return None;
                }
            }
            return Some(current);
        }
        while remaining > 0 {
            current = current.succ_opt()?;
            if current > limit {
                return None;
            }
            if self.is_business_day(current) {
                remaining -= 1;
            }
        }
        Some(current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn holidays_of_2026_match_the_cabinet_office_list() {
        let got: Vec<String> = holidays_in_year(2026).iter().map(|h| h.date.to_string()).collect();
        let want = [
            "2026-01-01",
            "2026-01-12",
            "2026-02-11",
            "2026-02-23",
            "2026-03-20",
            "2026-04-29",
            "2026-05-03",
            "2026-05-04",
            "2026-05-05",
            "2026-05-06",
            "2026-07-20",
            "2026-08-11",
            "2026-09-21",
            "2026-09-22",
            "2026-09-23",
            "2026-10-12",
            "2026-11-03",
            "2026-11-23",
        ];
        assert_eq!(got, want);
        assert_eq!(national_holiday(date("2026-05-06")).unwrap().name_ja, "振替休日");
        assert_eq!(national_holiday(date("2026-09-22")).unwrap().name_ja, "国民の休日");
    }

    #[test]
    fn cat01_business_days_stop_at_the_end_of_the_supported_years() {
        let every_day = BusinessCalendar::default();
        assert_eq!(every_day.add_business_days(date("2099-12-30"), 1), Some(date("2099-12-31")));
        assert_eq!(every_day.add_business_days(date("2099-12-30"), 2), None, "never a date in 2100");
    }

    #[test]
    fn holidays_of_2019_include_the_enthronement_and_the_ten_day_golden_week() {
        let got: Vec<String> = holidays_in_year(2019).iter().map(|h| h.date.to_string()).collect();
        for d in [
            "2019-04-29",
            "2019-04-30",
            "2019-05-01",
            "2019-05-02",
            "2019-05-03",
            "2019-05-06",
            "2019-10-22",
            "2019-08-12",
        ] {
            assert!(got.contains(&d.to_string()), "{d} missing from {got:?}");
        }
        assert!(!got.contains(&"2019-12-23".to_string()));
    }

    #[test]
    fn olympic_years_move_marine_sports_and_mountain_day() {
        assert_eq!(national_holiday(date("2021-07-23")).unwrap().name_en, "Sports Day");
        assert_eq!(national_holiday(date("2021-08-09")).unwrap().name_ja, "振替休日");
        assert!(national_holiday(date("2021-10-11")).is_none());
        assert_eq!(national_holiday(date("2025-03-20")).unwrap().name_ja, "春分の日");
        assert_eq!(national_holiday(date("2027-09-23")).unwrap().name_ja, "秋分の日");
    }

    // CAT-01: regular closed weekdays, closed dates, national holidays, and open-day overrides.
    #[test]
    fn business_days_skip_closed_weekdays_dates_and_holidays() {
        let cal = BusinessCalendar {
            closed_weekdays: WeekdaySet::single(Weekday::Wed),
            closed_on_holidays: true,
            closed_dates: [date("2026-11-27")].into(),
            open_dates: [date("2026-11-23")].into(),
        };
        assert!(!cal.is_business_day(date("2026-11-25")), "Wednesday is closed");
        assert!(!cal.is_business_day(date("2026-11-27")), "closed date");
        assert!(cal.is_business_day(date("2026-11-23")), "holiday opened by exception");
        assert!(!cal.is_business_day(date("2026-11-03")), "Culture Day");
        // From Tue 24th: Thu 26th is the 1st business day, Sat 28th the 2nd (25th Wed, 27th closed).
        assert_eq!(cal.add_business_days(date("2026-11-24"), 1), Some(date("2026-11-26")));
        assert_eq!(cal.add_business_days(date("2026-11-24"), 2), Some(date("2026-11-28")));
        assert_eq!(cal.add_business_days(date("2026-11-25"), 0), Some(date("2026-11-26")));
    }

    #[test]
    fn weekday_masks_round_trip() {
        let days = WeekdaySet::from_array([Weekday::Mon, Weekday::Sun]);
        assert_eq!(weekdays_to_mask(days), 0b100_0001);
        assert_eq!(weekdays_from_mask(0b100_0001), days);
    }

    #[test]
    fn a_calendar_closed_every_day_has_no_next_business_day() {
        let cal = BusinessCalendar { closed_weekdays: WeekdaySet::ALL, ..Default::default() };
        assert_eq!(cal.add_business_days(date("2026-11-24"), 1), None);
    }
}
