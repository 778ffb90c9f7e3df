//! Time: instants, Japan dates, civil periods and windows (rules T-1 … T-6, `docs/rules.md`).
//!
//! The calendar is chrono's: an [`Instant`] is a `DateTime<FixedOffset>`, a [`Date`] is a
//! `NaiveDate`, and every step is chrono's checked arithmetic (`Months`, `Days`, `TimeDelta`).
//! What this module adds is the rules:
//!
//! - **T-1** instants are RFC 3339 with an offset; a calendar date is the *Japan* date
//!   (UTC+09:00, no DST) of an instant, whatever offset it was written with ([`japan_date`]).
//! - **T-2** a period of N months starting at 0:00 of S ends at 24:00 of the day before the
//!   corresponding day N months later, or of that month's last day when it has no such day
//!   ([`period_end`]).
//! - **T-3 / T-5** windows in hours are exact and include their deadline ([`Window`]).
//! - **T-4** "within N days after E" includes all of E+N ([`days_after`]).
//! - **T-6** nothing here reads a clock: "now" is always an argument (clippy bans the clocks).
//!
//! Input is checked for its exact shape before chrono reads it (`YYYY-MM-DD`; RFC 3339 with
//! seconds, at most 9 fraction digits, an offset, no leap second), so what is accepted does not
//! depend on how lenient a parser is. Dates are limited to years 0001 … 9999 (what RFC 3339 can
//! write); a computation that leaves that range is an [`ErrorCode::OutOfRange`] error.

use std::fmt;

use chrono::{DateTime, Datelike, Days, FixedOffset, Months, NaiveDate, SecondsFormat, TimeDelta, Timelike};
use serde::{Serialize, Serializer};

use crate::error::{clip, Error, ErrorCode, Result};

/// A calendar date (chrono's `NaiveDate`), within years 0001 … 9999; serialised `YYYY-MM-DD`.
pub type Date = NaiveDate;

/// Japan's offset from UTC: UTC+09:00, no daylight saving time.
pub const JAPAN: FixedOffset = match FixedOffset::east_opt(9 * 3600) {
    Some(offset) => offset,
    // Evaluated at compile time: a constant that cannot fail to build.
    None => panic!("UTC+09:00 is a valid offset"),
};

/// The date `year-month-day`, if it exists and its year is 0001 … 9999.
///
/// ```
/// use coverage_calc::time::date;
/// assert!(date(2024, 2, 29).is_some());
/// assert!(date(2025, 2, 29).is_none());
/// assert!(date(10_000, 1, 1).is_none());
/// ```
pub fn date(year: i32, month: u32, day: u32) -> Option<Date> {
    NaiveDate::from_ymd_opt(year, month, day).and_then(in_range)
}

/// `Some(date)` when its year is 0001 … 9999.
fn in_range(date: Date) -> Option<Date> {
    (1..=9999).contains(&date.year()).then_some(date)
}

/// An instant, with the UTC offset it is shown in (chrono's `DateTime<FixedOffset>`). Two
/// instants compare by the moment they name, whatever their offsets. Written as RFC 3339 with a
/// fraction of a second only when there is one, without trailing zeros
/// (`2024-03-01T09:59:59.5+09:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(DateTime<FixedOffset>);

impl Instant {
    /// The chrono value.
    pub fn as_datetime(self) -> DateTime<FixedOffset> {
        self.0
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.0.timestamp()
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chrono's RFC 3339 writer, whole seconds (`2026-11-20T10:00:00+09:00`: the date and time
        // are the first 19 characters); the fraction, when there is one, goes between.
        let text = self.0.to_rfc3339_opts(SecondsFormat::Secs, false);
        let nanos = self.0.nanosecond();
        match (nanos, text.split_at_checked(19)) {
            (1.., Some((date_time, offset))) => {
                let digits = format!("{nanos:09}");
                write!(f, "{date_time}.{}{offset}", digits.trim_end_matches('0'))
            }
            _ => f.write_str(&text),
        }
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Whether `text` has exactly `shape`'s form: `9` stands for an ASCII digit, `T` for `T`, `t` or
/// a space, every other byte for itself.
fn has_shape(text: &[u8], shape: &[u8]) -> bool {
    text.len() == shape.len()
        && text.iter().zip(shape).all(|(&c, &s)| match s {
            b'9' => c.is_ascii_digit(),
            b'T' => matches!(c, b'T' | b't' | b' '),
            _ => c == s,
        })
}

/// The strict shape of an instant (T-1): `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1 to 9
/// digits, then `Z` or `±HH:MM`; seconds 00 … 59 (no leap second).
fn is_instant_shape(text: &str) -> bool {
    let b = text.as_bytes();
    let (Some(head), Some(rest)) = (b.get(..19), b.get(19..)) else { return false };
    if !has_shape(head, b"9999-99-99T99:99:99") || head.get(17).is_some_and(|&tens| tens > b'5') {
        return false;
    }
    let offset = match rest.strip_prefix(b".") {
        Some(fraction) => {
            let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
            if !(1..=9).contains(&digits) {
                return false;
            }
            fraction.get(digits..).unwrap_or_default()
        }
        None => rest,
    };
    matches!(offset, b"Z" | b"z") || has_shape(offset, b"+99:99") || has_shape(offset, b"-99:99")
}

/// Parses an RFC 3339 instant with an offset (`Z` counts as `+00:00`) (T-1); its Japan date must
/// be within years 0001 … 9999.
///
/// ```
/// use coverage_calc::time::{japan_date, parse_instant};
/// let t = parse_instant("now", "2026-11-20T15:00:00Z").unwrap();
/// assert_eq!(japan_date(t).unwrap().to_string(), "2026-11-21");
/// assert_eq!(t.to_string(), "2026-11-20T15:00:00+00:00");
/// assert!(parse_instant("now", "2026-11-20 15:00").is_err()); // no seconds, no offset
/// assert!(parse_instant("now", "2026-11-20T15:00:00").is_err()); // no offset
/// assert!(parse_instant("now", "2016-12-31T23:59:60Z").is_err()); // no leap second
/// ```
pub fn parse_instant(field: &str, text: &str) -> Result<Instant> {
    let parsed = if is_instant_shape(text) { DateTime::parse_from_rfc3339(text).ok() } else { None };
    let instant = parsed.map(Instant).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidInstant,
            format!(
                "`{field}` must be an RFC 3339 instant with an offset, like `2026-11-20T10:00:00+09:00`, not `{}`",
                clip(text)
            ),
        )
        .at(field)
    })?;
    // Its Japan date must be writable too (years 0001 … 9999).
    japan_date(instant).map_err(|_| {
        Error::new(
            ErrorCode::OutOfRange,
            format!("`{field}` `{}` is outside the years 0001 … 9999 in Japan", clip(text)),
        )
        .at(field)
    })?;
    Ok(instant)
}

/// Parses a calendar date `YYYY-MM-DD` (years 0001 … 9999).
///
/// ```
/// use coverage_calc::time::parse_date;
/// assert!(parse_date("start", "2024-02-29").is_ok());
/// assert!(parse_date("start", "2025-02-29").is_err());
/// assert!(parse_date("start", "2025-2-9").is_err());
/// ```
pub fn parse_date(field: &str, text: &str) -> Result<Date> {
    // The shape is checked, so the three numbers are there; chrono says whether they are a date.
    let number = |range: std::ops::Range<usize>| text.get(range).and_then(|digits| digits.parse::<u32>().ok());
    let parsed = if has_shape(text.as_bytes(), b"9999-99-99") {
        match (number(0..4).and_then(|y| i32::try_from(y).ok()), number(5..7), number(8..10)) {
            (Some(year), Some(month), Some(day)) => date(year, month, day),
            _ => None,
        }
    } else {
        None
    };
    parsed.ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidDate,
            format!("`{field}` must be a calendar date `YYYY-MM-DD`, not `{}`", clip(text)),
        )
        .at(field)
    })
}

/// The same instant, shown in Japan time.
pub fn in_japan(t: Instant) -> Instant {
    Instant(t.0.with_timezone(&JAPAN))
}

/// The Japan calendar date of an instant (T-1).
///
/// ```
/// use coverage_calc::time::{japan_date, parse_instant};
/// // 10:30 in New York on 2026-01-31 is already 00:30 on 2026-02-01 in Japan.
/// let t = parse_instant("now", "2026-01-31T10:30:00-05:00").unwrap();
/// assert_eq!(japan_date(t).unwrap().to_string(), "2026-02-01");
/// ```
pub fn japan_date(t: Instant) -> Result<Date> {
    in_range(in_japan(t).0.date_naive()).ok_or_else(|| Error::out_of_range("a date"))
}

/// `t` plus a number of hours, exactly (T-3, T-5), shown in Japan time.
pub fn add_hours(t: Instant, hours: u32) -> Result<Instant> {
    let out = TimeDelta::try_hours(i64::from(hours))
        .and_then(|delta| t.0.checked_add_signed(delta))
        .map(|d| in_japan(Instant(d)))
        .ok_or_else(|| Error::out_of_range("a deadline"))?;
    japan_date(out)?;
    Ok(out)
}

/// `date` plus `days` calendar days (T-4 counts day 1 as E+1).
///
/// ```
/// use coverage_calc::time::{days_after, parse_date};
/// let e = parse_date("end", "2024-02-28").unwrap();
/// assert_eq!(days_after(e, 1).unwrap().to_string(), "2024-02-29");
/// assert_eq!(days_after(e, 15).unwrap().to_string(), "2024-03-14");
/// ```
pub fn days_after(date: Date, days: u32) -> Result<Date> {
    date.checked_add_days(Days::new(u64::from(days))).and_then(in_range).ok_or_else(|| Error::out_of_range("a date"))
}

/// Whole calendar days from `from` to `to` (0 on the same date); `None` when `to` is before `from`.
///
/// ```
/// use coverage_calc::time::{days_until, parse_date};
/// let d = |s| parse_date("d", s).unwrap();
/// assert_eq!(days_until(d("2026-12-03"), d("2026-12-08")), Some(5));
/// assert_eq!(days_until(d("2026-12-08"), d("2026-12-08")), Some(0));
/// assert_eq!(days_until(d("2026-12-09"), d("2026-12-08")), None);
/// ```
pub fn days_until(from: Date, to: Date) -> Option<u32> {
    u32::try_from(to.signed_duration_since(from).num_days()).ok()
}

/// `date` minus `days` calendar days.
pub fn days_before(date: Date, days: u32) -> Result<Date> {
    date.checked_sub_days(Days::new(u64::from(days))).and_then(in_range).ok_or_else(|| Error::out_of_range("a date"))
}

/// The last day of a period of `months` months starting at 0:00 of `start` (T-2, Japanese Civil
/// Code art. 143): the day before the corresponding day `months` later, or, when that month has
/// no corresponding day, that month's last day.
///
/// chrono's `checked_add_months` gives the corresponding day, or the month's last day when there
/// is none; the rule takes the day before only in the first case.
///
/// ```
/// use coverage_calc::time::{parse_date, period_end};
/// let end = |s: &str, m| period_end(parse_date("s", s).unwrap(), m).unwrap().to_string();
/// assert_eq!(end("2026-11-20", 12), "2027-11-19");
/// assert_eq!(end("2024-02-29", 12), "2025-02-28"); // no 2025-02-29
/// assert_eq!(end("2024-03-01", 12), "2025-02-28");
/// assert_eq!(end("2025-01-31", 1), "2025-02-28"); // no 2025-02-31
/// assert_eq!(end("2024-02-29", 48), "2028-02-28"); // 2028-02-29 exists: the day before
/// ```
pub fn period_end(start: Date, months: u32) -> Result<Date> {
    let overflow = || Error::out_of_range("the end of a period");
    let later = start.checked_add_months(Months::new(months)).and_then(in_range).ok_or_else(overflow)?;
    if later.day() == start.day() {
        // The corresponding day exists: the period ends the day before it.
        later.pred_opt().and_then(in_range).ok_or_else(overflow)
    } else {
        // It does not (the 29th–31st): chrono gave that month's last day, where the period ends.
        Ok(later)
    }
}

/// A period of calendar dates, both ends included (`end` is covered through 24:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day, from 0:00 (Japan time).
    pub start: Date,
    /// Last day, through 24:00 (Japan time).
    pub end: Date,
}

impl Period {
    /// The period of `months` months from `start` (T-2).
    pub fn of_months(start: Date, months: u32) -> Result<Self> {
        Ok(Self { start, end: period_end(start, months)? })
    }

    /// Whether `date` is inside, both ends included.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A window of exact hours after an instant (T-3, T-5); the deadline itself is inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Window {
    /// The instant the window opens (activation, or the invitation e-mail), in Japan time.
    pub opens_at: Instant,
    /// Length in hours.
    pub hours: u32,
    /// `opens_at + hours`, in Japan time: the last instant inside the window. (Not serialised:
    /// answers carry it once, as their `deadline`.)
    #[serde(skip)]
    pub deadline: Instant,
}

impl Window {
    /// The window of `hours` hours from `opens_at`.
    ///
    /// ```
    /// use coverage_calc::time::{parse_instant, Window};
    /// let w = Window::after(parse_instant("a", "2026-02-01T10:00:00+09:00").unwrap(), 48).unwrap();
    /// assert!(w.contains(parse_instant("now", "2026-02-03T10:00:00+09:00").unwrap()));
    /// assert!(!w.contains(parse_instant("now", "2026-02-03T10:00:01+09:00").unwrap()));
    /// assert!(!w.contains(parse_instant("now", "2026-02-03T10:00:00.000000001+09:00").unwrap()));
    /// ```
    pub fn after(opens_at: Instant, hours: u32) -> Result<Self> {
        Ok(Self { opens_at: in_japan(opens_at), hours, deadline: add_hours(opens_at, hours)? })
    }

    /// Whether `now` is inside: from the opening through the deadline, both included.
    pub fn contains(&self, now: Instant) -> bool {
        self.opens_at <= now && now <= self.deadline
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_date("d", s).unwrap()
    }

    #[test]
    fn period_end_follows_civil_code() {
        assert_eq!(period_end(d("2026-11-20"), 12).unwrap(), d("2027-11-19"));
        assert_eq!(period_end(d("2024-02-29"), 12).unwrap(), d("2025-02-28"));
        assert_eq!(period_end(d("2024-02-29"), 24).unwrap(), d("2026-02-28"));
        assert_eq!(period_end(d("2024-03-01"), 12).unwrap(), d("2025-02-28"));
        assert_eq!(period_end(d("2023-03-01"), 12).unwrap(), d("2024-02-29"));
        assert_eq!(period_end(d("2025-01-31"), 1).unwrap(), d("2025-02-28"));
        assert_eq!(period_end(d("2024-01-31"), 1).unwrap(), d("2024-02-29"));
        assert_eq!(period_end(d("2025-12-31"), 12).unwrap(), d("2026-12-30"));
        assert_eq!(period_end(d("2025-01-01"), 12).unwrap(), d("2025-12-31"));
        assert_eq!(period_end(d("2025-03-31"), 1).unwrap(), d("2025-04-30"));
        assert_eq!(period_end(d("2025-12-15"), 1).unwrap(), d("2026-01-14"));
    }

    #[test]
    fn period_end_out_of_range_is_an_error() {
        assert_eq!(period_end(d("9999-06-01"), 12).unwrap_err().code(), ErrorCode::OutOfRange);
        assert_eq!(period_end(d("9998-12-31"), 12).unwrap(), d("9999-12-30"));
    }

    #[test]
    fn dates_stay_within_years_1_to_9999() {
        assert!(days_after(d("9999-12-31"), 1).is_err());
        assert!(days_before(d("0001-01-01"), 1).is_err());
        assert_eq!(days_after(d("0001-01-01"), 365).unwrap(), d("0002-01-01"));
        assert_eq!(d("0001-01-01").to_string(), "0001-01-01");
    }

    #[test]
    fn instants_parse_and_print() {
        let t = parse_instant("x", "2026-11-20T10:00:00+05:30").unwrap();
        assert_eq!(t.to_string(), "2026-11-20T10:00:00+05:30");
        assert_eq!(in_japan(t).to_string(), "2026-11-20T13:30:00+09:00");
        let t = parse_instant("x", "2024-02-29T23:59:59.5-01:00").unwrap();
        assert_eq!(in_japan(t).to_string(), "2024-03-01T09:59:59.5+09:00");
        let t = parse_instant("x", "2024-02-29T23:59:59.000000001Z").unwrap();
        assert_eq!(t.to_string(), "2024-02-29T23:59:59.000000001+00:00");
        assert_eq!(parse_instant("x", "1970-01-01T00:00:00Z").unwrap().unix_seconds(), 0);
        assert_eq!(parse_instant("x", "2026-11-20t10:00:00z").unwrap().to_string(), "2026-11-20T10:00:00+00:00");
        assert_eq!(parse_instant("x", "2026-11-20 10:00:00Z").unwrap().to_string(), "2026-11-20T10:00:00+00:00");
        assert_eq!(
            parse_instant("x", "2026-11-20T10:00:00+09:00").unwrap(),
            parse_instant("x", "2026-11-20T01:00:00Z").unwrap()
        );
    }

    #[test]
    fn instants_need_an_offset_and_sane_fields() {
        for bad in [
            "2026-11-20T10:00:00",
            "2026-11-20",
            "2026-11-20T24:00:00Z",
            "2026-11-20T10:60:00Z",
            "2026-11-20T10:00:60Z",
            "2016-12-31T23:59:60Z",
            "2026-11-20T10:00:00+24:00",
            "2026-11-20T10:00:00+0900",
            "2026-11-20T10:00:00.Z",
            "2026-11-20T10:00:00.1234567891Z",
            "2026-02-30T10:00:00Z",
            "0001-01-01T00:00:00+09:01",
            "2026-11-20T10:00:00Z ",
            "2026-11-20T10:00+09:00",
            "２０２６-11-20T10:00:00Z",
            "+2026-11-20T10:00:00Z",
            "",
        ] {
            let e = parse_instant("x", bad).unwrap_err();
            assert!(matches!(e.code(), ErrorCode::InvalidInstant | ErrorCode::OutOfRange), "{bad}");
            assert_eq!(e.field(), Some("x"));
        }
    }

    #[test]
    fn instants_past_9999_in_japan_are_out_of_range() {
        let e = parse_instant("x", "9999-12-31T20:00:00Z").unwrap_err();
        assert_eq!(e.code(), ErrorCode::OutOfRange);
        assert!(parse_instant("x", "9999-12-31T14:59:59Z").is_ok());
        assert_eq!(parse_instant("x", "0001-01-01T00:00:00+09:01").unwrap_err().code(), ErrorCode::OutOfRange);
    }

    #[test]
    fn dates_are_strict() {
        for bad in [
            "2026-1-2",
            "2026-01-02T00:00",
            "+2026-01-02",
            "２０２６-01-02",
            "0000-01-01",
            "2026-13-01",
            "2026-00-10",
            " 2026-01-02",
        ] {
            assert_eq!(parse_date("x", bad).unwrap_err().code(), ErrorCode::InvalidDate, "{bad}");
        }
    }
}
