//! Time: instants, Japan dates, civil periods and windows (RULES.md T-1 … T-6).
//!
//! - **T-1** instants are RFC 3339 with an offset; a calendar date is the *Japan* date
//!   (UTC+09:00, no DST) of an instant, whatever offset it was written with.
//! - **T-2** a period of N months starting at 0:00 of S ends at 24:00 of the day before the
//!   corresponding day N months later, or of that month's last day when it has no such day
//!   ([`period_end`]).
//! - **T-3 / T-5** windows in hours are exact and include their deadline ([`Window`]).
//! - **T-4** "within N days after E" includes all of E+N ([`days_after`]).
//! - **T-6** nothing here reads a clock: "now" is always an argument.
//!
//! Every computation is checked: a result outside chrono's range is an
//! [`ErrorCode::OutOfRange`](crate::ErrorCode::OutOfRange) error, never a panic.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Offset, TimeDelta, Utc};
use serde::Serialize;

use crate::error::{Error, ErrorCode, Result};

/// An instant with the offset it is shown in.
pub type Instant = DateTime<FixedOffset>;

/// Japan's offset, UTC+09:00 (no daylight saving time).
pub fn japan() -> FixedOffset {
    // 9 hours is well inside chrono's ±24 h, so `east_opt` is always `Some`; UTC is only there
    // to avoid an `expect`.
    FixedOffset::east_opt(9 * 3600).unwrap_or_else(|| Utc.fix())
}

/// Parses an RFC 3339 instant with an offset (`Z` counts as `+00:00`) (T-1).
///
/// ```
/// use coverage_calc::time::parse_instant;
/// let t = parse_instant("now", "2026-11-20T15:00:00Z").unwrap();
/// assert_eq!(coverage_calc::time::japan_date(t).to_string(), "2026-11-21");
/// assert!(parse_instant("now", "2026-11-20 15:00").is_err());
/// ```
pub fn parse_instant(field: &str, text: &str) -> Result<Instant> {
    DateTime::parse_from_rfc3339(text).map_err(|_| {
        Error::new(
            ErrorCode::InvalidInstant,
            format!(
                "`{field}` must be an RFC 3339 instant with an offset, like `2026-11-20T10:00:00+09:00`, not `{}`",
                clip(text)
            ),
        )
    })
}

/// Parses a calendar date `YYYY-MM-DD`.
///
/// ```
/// use coverage_calc::time::parse_date;
/// assert!(parse_date("start", "2024-02-29").is_ok());
/// assert!(parse_date("start", "2025-02-29").is_err());
/// ```
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    let parsed = if well_formed { NaiveDate::parse_from_str(text, "%Y-%m-%d").ok() } else { None };
    parsed.ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidDate,
            format!("`{field}` must be a calendar date `YYYY-MM-DD`, not `{}`", clip(text)),
        )
    })
}

/// The same instant, shown in Japan time.
pub fn in_japan(t: Instant) -> Instant {
    t.with_timezone(&japan())
}

/// The Japan calendar date of an instant (T-1).
///
/// ```
/// use coverage_calc::time::{japan_date, parse_instant};
/// // 23:30 in New York on 2026-01-31 is already 2026-02-01 in Japan.
/// let t = parse_instant("now", "2026-01-31T10:30:00-05:00").unwrap();
/// assert_eq!(japan_date(t).to_string(), "2026-02-01");
/// ```
pub fn japan_date(t: Instant) -> NaiveDate {
    in_japan(t).date_naive()
}

/// `t` plus a number of hours, exactly (T-3, T-5).
pub fn add_hours(t: Instant, hours: u32) -> Result<Instant> {
    TimeDelta::try_hours(i64::from(hours))
        .and_then(|d| t.checked_add_signed(d))
        .ok_or_else(|| Error::out_of_range("a deadline"))
}

/// `date` plus `days` calendar days (T-4 counts day 1 as E+1).
///
/// ```
/// use coverage_calc::time::{days_after, parse_date};
/// let e = parse_date("end", "2024-02-28").unwrap();
/// assert_eq!(days_after(e, 1).unwrap().to_string(), "2024-02-29");
/// assert_eq!(days_after(e, 15).unwrap().to_string(), "2024-03-14");
/// ```
pub fn days_after(date: NaiveDate, days: u32) -> Result<NaiveDate> {
    date.checked_add_days(chrono::Days::new(u64::from(days))).ok_or_else(|| Error::out_of_range("a date"))
}

/// The last day of a period of `months` months starting at 0:00 of `start` (T-2, Japanese Civil
/// Code art. 143): the day before the corresponding day `months` later, or, when that month has
/// no corresponding day, that month's last day.
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
pub fn period_end(start: NaiveDate, months: u32) -> Result<NaiveDate> {
    let overflow = || Error::out_of_range("the end of a period");
    let month0 = i64::from(start.month0());
    let total = i64::from(start.year())
        .checked_mul(12)
        .and_then(|m| m.checked_add(month0))
        .and_then(|m| m.checked_add(i64::from(months)))
        .ok_or_else(overflow)?;
    let year = i32::try_from(total.div_euclid(12)).map_err(|_| overflow())?;
    let month = u32::try_from(total.rem_euclid(12)).map_err(|_| overflow())?.checked_add(1).ok_or_else(overflow)?;
    match NaiveDate::from_ymd_opt(year, month, start.day()) {
        // The corresponding day exists: the period ends the day before it.
        Some(corresponding) => corresponding.pred_opt().ok_or_else(overflow),
        // It does not (the 29th–31st): the period ends on that month's last day.
        None => last_day_of_month(year, month).ok_or_else(overflow),
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 { (year.checked_add(1)?, 1) } else { (year, month.checked_add(1)?) };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// A period of calendar dates, both ends included (`end` is covered through 24:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day, from 0:00 (Japan time).
    pub start: NaiveDate,
    /// Last day, through 24:00 (Japan time).
    pub end: NaiveDate,
}

impl Period {
    /// The period of `months` months from `start` (T-2).
    pub fn of_months(start: NaiveDate, months: u32) -> Result<Self> {
        Ok(Self { start, end: period_end(start, months)? })
    }

    /// Whether `date` is inside, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
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
    /// `opens_at + hours`, in Japan time: the last instant inside the window.
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
    /// ```
    pub fn after(opens_at: Instant, hours: u32) -> Result<Self> {
        Ok(Self { opens_at: in_japan(opens_at), hours, deadline: in_japan(add_hours(opens_at, hours)?) })
    }

    /// Whether `now` is inside: from the opening through the deadline, both included.
    pub fn contains(&self, now: Instant) -> bool {
        self.opens_at <= now && now <= self.deadline
    }
}

/// At most 40 characters of a user's value, for error messages.
pub(crate) fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
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
    }

    #[test]
    fn period_end_out_of_range_is_an_error() {
        let far = NaiveDate::MAX;
        assert_eq!(period_end(far, 12).unwrap_err().code(), ErrorCode::OutOfRange);
    }

    #[test]
    fn instants_need_an_offset() {
        assert!(parse_instant("x", "2026-11-20T10:00:00").is_err());
        assert!(parse_instant("x", "2026-11-20").is_err());
        assert!(parse_instant("x", "2026-11-20T10:00:00+05:30").is_ok());
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("x", "2026-1-2").is_err());
        assert!(parse_date("x", "2026-01-02T00:00").is_err());
        assert!(parse_date("x", "+2026-01-02").is_err());
        assert!(parse_date("x", "２０２６-01-02").is_err());
    }

    #[test]
    fn clip_limits_long_values() {
        assert_eq!(clip(&"a".repeat(100)).chars().count(), 41);
    }
}
