//! Business calendars and Japanese national holidays (国民の祝日), computed rather than listed.
//!
//! Holidays follow the current law (祝日法) including substitute holidays (振替休日, a holiday on a
//! Sunday moves to the next non-holiday) and citizens' holidays (国民の休日, a day between two holidays),
//! with the one-off changes of 2019–2021. Equinox days use the standard approximation valid 1980–2099.

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

/// The named holidays of a year before substitute and citizens' holidays are added.
fn named_holidays(year: i32) -> Vec<Holiday> {
    let d = |m, day| NaiveDate::from_ymd_opt(year, m, day);
    let mut out: Vec<(Option<NaiveDate>, &'static str, &'static str)> = vec![
        (d(1, 1), "元日", "New Year's Day"),
        (nth_weekday(year, 1, Weekday::Mon, 2), "成人の日", "Coming of Age Day"),
        (d(2, 11), "建国記念の日", "National Foundation Day"),
        (d(3, equinox_day(year, 20_843_100)), "春分の日", "Vernal Equinox Day"),
        (d(4, 29), "昭和の日", "Showa Day"),
        (d(5, 3), "憲法記念日", "Constitution Memorial Day"),
        (d(5, 4), "みどりの日", "Greenery Day"),
        (d(5, 5), "こどもの日", "Children's Day"),
        (nth_weekday(year, 9, Weekday::Mon, 3), "敬老の日", "Respect for the Aged Day"),
        (d(9, equinox_day(year, 23_248_800)), "秋分の日", "Autumnal Equinox Day"),
        (d(11, 3), "文化の日", "Culture Day"),
        (d(11, 23), "勤労感謝の日", "Labour Thanksgiving Day"),
    ];
    match year {
        ..=2018 => out.push((d(12, 23), "天皇誕生日", "Emperor's Birthday")),
        2019 => {
            out.push((d(5, 1), "即位の日", "Enthronement Day"));
            out.push((d(10, 22), "即位礼正殿の儀", "Enthronement Ceremony Day"));
        }
        _ => out.push((d(2, 23), "天皇誕生日", "Emperor's Birthday")),
    }
    // Olympic years moved Marine Day, Sports Day and Mountain Day.
    let (marine, sports, mountain) = match year {
        2020 => (d(7, 23), d(7, 24), d(8, 10)),
        2021 => (d(7, 22), d(7, 23), d(8, 8)),
        _ => (nth_weekday(year, 7, Weekday::Mon, 3), nth_weekday(year, 10, Weekday::Mon, 2), d(8, 11)),
    };
    out.push((marine, "海の日", "Marine Day"));
    out.push((sports, if year >= 2020 { "スポーツの日" } else { "体育の日" }, "Sports Day"));
    if year >= 2016 {
        out.push((mountain, "山の日", "Mountain Day"));
    }
    out.into_iter().filter_map(|(date, name_ja, name_en)| date.map(|date| Holiday { date, name_ja, name_en })).collect()
}

/// Every national holiday of `year`, in date order.
pub fn holidays_in_year(year: i32) -> Vec<Holiday> {
    let mut days: BTreeMap<NaiveDate, Holiday> = named_holidays(year).into_iter().map(|h| (h.date, h)).collect();
    // 国民の休日: a day whose day before and day after are both holidays.
    let named: Vec<NaiveDate> = days.keys().copied().collect();
    for pair in named.windows(2) {
        if let [a, b] = pair
            && *b - *a == Duration::days(2)
        {
            let between = *a + Duration::days(1);
            days.entry(between).or_insert(Holiday {
                date: between,
                name_ja: "国民の休日",
                name_en: "Citizens' Holiday",
            });
        }
    }
    // 振替休日: a named holiday on a Sunday makes the next non-holiday a holiday.
    for date in named {
        if date.weekday() == Weekday::Sun {
            let mut next = date + Duration::days(1);
            while days.contains_key(&next) {
                next += Duration::days(1);
            }
            days.insert(next, Holiday { date: next, name_ja: "振替休日", name_en: "Substitute Holiday" });
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
    /// else the next one). `None` if the calendar has no business day within ten years.
    pub fn add_business_days(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let limit = date + Duration::days(3660);
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
