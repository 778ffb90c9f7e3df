//! Time: instants, Japan dates, civil periods and windows (RULES.md T-1 … T-6).
//!
//! - **T-1** instants are RFC 3339 with an offset ([`Instant`]); a calendar date ([`Date`]) is
//!   the *Japan* date (UTC+09:00, no DST) of an instant, whatever offset it was written with.
//! - **T-2** a period of N months starting at 0:00 of S ends at 24:00 of the day before the
//!   corresponding day N months later, or of that month's last day when it has no such day
//!   ([`period_end`]).
//! - **T-3 / T-5** windows in hours are exact and include their deadline ([`Window`]).
//! - **T-4** "within N days after E" includes all of E+N ([`days_after`]).
//! - **T-6** nothing here reads a clock: "now" is always an argument.
//!
//! Dates are limited to years 0001 … 9999 (what RFC 3339 can write); a computation that leaves
//! that range is an [`ErrorCode::OutOfRange`] error, never a panic. The calendar arithmetic is
//! the proleptic Gregorian calendar, by days since 1970-01-01 (H. Hinnant's civil algorithms).

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorCode, Result};

const SECONDS_PER_DAY: i64 = 86_400;
/// Japan's offset from UTC in seconds (UTC+09:00, no daylight saving time).
pub const JAPAN_OFFSET_SECONDS: i32 = 9 * 3600;

/// A calendar date of the proleptic Gregorian calendar, years 0001 … 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

fn is_leap(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a month, or 0 for a month that does not exist.
fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists and its year is 0001 … 9999.
    ///
    /// ```
    /// use coverage_calc::time::Date;
    /// assert!(Date::from_ymd(2024, 2, 29).is_some());
    /// assert!(Date::from_ymd(2025, 2, 29).is_none());
    /// assert!(Date::from_ymd(10_000, 1, 1).is_none());
    /// ```
    pub fn from_ymd(year: i64, month: i64, day: i64) -> Option<Self> {
        let year = u16::try_from(year).ok().filter(|y| (1..=9999).contains(y))?;
        let month = u8::try_from(month).ok()?;
        let day = u8::try_from(day).ok().filter(|&d| d >= 1 && d <= days_in_month(year, month))?;
        Some(Self { year, month, day })
    }

    /// Year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// Month, 1 … 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month, 1 … 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    #[expect(
        clippy::arithmetic_side_effects,
        reason = "years 1..=9999 keep every intermediate within ±4 million, far inside i64"
    )]
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if within years 0001 … 9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        // Outside this range the arithmetic below could overflow; it is also far outside 1..=9999.
        if !(-1_000_000..=3_000_000).contains(&days) {
            return None;
        }
        #[expect(clippy::arithmetic_side_effects, reason = "|days| <= 3 million keeps every intermediate small")]
        let (y, m, d) = {
            let z = days + 719_468;
            let era = z.div_euclid(146_097);
            let doe = z.rem_euclid(146_097);
            let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            let mp = (5 * doy + 2) / 153;
            let d = doy - (153 * mp + 2) / 5 + 1;
            let m = if mp < 10 { mp + 3 } else { mp - 9 };
            (yoe + era * 400 + i64::from(m <= 2), m, d)
        };
        Self::from_ymd(y, m, d)
    }

    /// `days` days later (or earlier, when negative), if still within range.
    pub fn add_days(self, days: i64) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// The last day of this date's month.
    pub fn last_of_month(self) -> Self {
        Self { day: days_in_month(self.year, self.month), ..self }
    }
}

/// Writes `value` as `N` decimal digits (zero-padded) at the end of `out`.
fn push_digits<const N: usize>(out: &mut Text, value: u64) {
    let mut digits = [b'0'; N];
    let mut rest = value;
    for d in digits.iter_mut().rev() {
        // `rest % 10` is below 10, so the sum stays within b'0'..=b'9'.
        *d = b'0'.saturating_add(u8::try_from(rest % 10).unwrap_or(0));
        rest /= 10;
    }
    out.push(&digits);
}

/// A short ASCII text on the stack: dates and instants are written without `fmt` machinery
/// (it is most of the cost of an answer otherwise).
pub(crate) struct Text {
    bytes: [u8; 40],
    len: usize,
}

impl Text {
    pub(crate) fn new() -> Self {
        Self { bytes: [0; 40], len: 0 }
    }

    pub(crate) fn push(&mut self, more: &[u8]) {
        let end = self.len.saturating_add(more.len());
        if let Some(dest) = self.bytes.get_mut(self.len..end) {
            dest.copy_from_slice(more);
            self.len = end;
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits and punctuation are ever pushed.
        self.bytes.get(..self.len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
    }
}

impl Date {
    fn write(self, out: &mut Text) {
        push_digits::<4>(out, u64::from(self.year));
        out.push(b"-");
        push_digits::<2>(out, u64::from(self.month));
        out.push(b"-");
        push_digits::<2>(out, u64::from(self.day));
    }
}

/// `Display` and `Serialize` (as a string) for a type with `fn write(self, &mut Text)`.
macro_rules! written_as_text {
    ($type:ty) => {
        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut text = Text::new();
                self.write(&mut text);
                f.write_str(text.as_str())
            }
        }

        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                let mut text = Text::new();
                self.write(&mut text);
                s.serialize_str(text.as_str())
            }
        }
    };
}

written_as_text!(Date);

/// An instant, with the UTC offset it is shown in. Two instants compare by the moment they name,
/// whatever their offsets.
#[derive(Debug, Clone, Copy)]
pub struct Instant {
    /// Seconds since 1970-01-01T00:00:00Z.
    unix_seconds: i64,
    /// Nanoseconds within the second.
    nanos: u32,
    /// The offset it is shown in, in seconds east of UTC.
    offset: i32,
}

impl PartialEq for Instant {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Instant {}

impl PartialOrd for Instant {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Instant {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.unix_seconds, self.nanos).cmp(&(other.unix_seconds, other.nanos))
    }
}

impl Instant {
    /// The same instant shown at another offset.
    pub fn with_offset(self, offset_seconds: i32) -> Self {
        Self { offset: offset_seconds, ..self }
    }

    /// The calendar date at the instant's own offset, or `None` out of range.
    fn local_date_and_seconds(self) -> Option<(Date, i64)> {
        let local = self.unix_seconds.checked_add(i64::from(self.offset))?;
        let date = Date::from_days_since_epoch(local.div_euclid(SECONDS_PER_DAY))?;
        Some((date, local.rem_euclid(SECONDS_PER_DAY)))
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.unix_seconds
    }
}

impl Instant {
    /// RFC 3339, e.g. `2026-11-20T10:00:00+09:00`, with a fraction only when there is one.
    fn write(self, out: &mut Text) {
        let Some((date, secs)) = self.local_date_and_seconds() else {
            // Parsing and every computation keep instants in range (years 0001 … 9999).
            out.push(b"out-of-range");
            return;
        };
        let secs = secs.unsigned_abs();
        date.write(out);
        out.push(b"T");
        push_digits::<2>(out, secs / 3600);
        out.push(b":");
        push_digits::<2>(out, secs % 3600 / 60);
        out.push(b":");
        push_digits::<2>(out, secs % 60);
        if self.nanos != 0 {
            let mut frac = Text::new();
            push_digits::<9>(&mut frac, u64::from(self.nanos));
            out.push(b".");
            out.push(frac.as_str().trim_end_matches('0').as_bytes());
        }
        let abs = u64::from(self.offset.unsigned_abs());
        out.push(if self.offset < 0 { b"-" } else { b"+" });
        push_digits::<2>(out, abs / 3600);
        out.push(b":");
        push_digits::<2>(out, abs % 3600 / 60);
    }
}

written_as_text!(Instant);

/// Reads `n` ASCII digits at `at`.
fn digits(bytes: &[u8], at: usize, n: usize) -> Option<i64> {
    let slice = bytes.get(at..at.checked_add(n)?)?;
    slice.iter().try_fold(0i64, |acc, &b| {
        b.is_ascii_digit().then(|| acc.checked_mul(10)?.checked_add(i64::from(b.checked_sub(b'0')?)))?
    })
}

fn byte_is(bytes: &[u8], at: usize, allowed: &[u8]) -> bool {
    bytes.get(at).is_some_and(|b| allowed.contains(b))
}

fn parse_instant_bytes(b: &[u8]) -> Option<Instant> {
    let date = parse_date_bytes(b.get(..10)?)?;
    if !byte_is(b, 10, b"Tt ") || !byte_is(b, 13, b":") || !byte_is(b, 16, b":") {
        return None;
    }
    let (h, m, s) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    let mut at = 19usize;
    let mut nanos = 0u32;
    if byte_is(b, at, b".") {
        let count = b.get(20..)?.iter().take_while(|c| c.is_ascii_digit()).count();
        if count == 0 || count > 9 {
            return None;
        }
        let value = u32::try_from(digits(b, 20, count)?).ok()?;
        nanos = value.checked_mul(10u32.checked_pow(u32::try_from(9usize.checked_sub(count)?).ok()?)?)?;
        at = at.checked_add(1)?.checked_add(count)?;
    }
    let offset = match b.get(at..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (oh, om) = (digits(b, at.checked_add(1)?, 2)?, digits(b, at.checked_add(4)?, 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let magnitude = i32::try_from(oh.checked_mul(3600)?.checked_add(om.checked_mul(60)?)?).ok()?;
            if *sign == b'-' {
                magnitude.checked_neg()?
            } else {
                magnitude
            }
        }
        _ => return None,
    };
    let local = date
        .days_since_epoch()
        .checked_mul(SECONDS_PER_DAY)?
        .checked_add(h.checked_mul(3600)?)?
        .checked_add(m.checked_mul(60)?)?
        .checked_add(s)?;
    let instant = Instant { unix_seconds: local.checked_sub(i64::from(offset))?, nanos, offset };
    Some(instant)
}

/// Parses an RFC 3339 instant with an offset (`Z` counts as `+00:00`) (T-1).
///
/// ```
/// use coverage_calc::time::{japan_date, parse_instant};
/// let t = parse_instant("now", "2026-11-20T15:00:00Z").unwrap();
/// assert_eq!(japan_date(t).unwrap().to_string(), "2026-11-21");
/// assert_eq!(t.to_string(), "2026-11-20T15:00:00+00:00");
/// assert!(parse_instant("now", "2026-11-20 15:00").is_err()); // no seconds, no offset
/// assert!(parse_instant("now", "2026-11-20T15:00:00").is_err()); // no offset
/// ```
pub fn parse_instant(field: &str, text: &str) -> Result<Instant> {
    let instant = parse_instant_bytes(text.as_bytes()).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidInstant,
            format!(
                "`{field}` must be an RFC 3339 instant with an offset, like `2026-11-20T10:00:00+09:00`, not `{}`",
                clip(text)
            ),
        )
    })?;
    // Its Japan date must be writable too (years 0001 … 9999).
    japan_date(instant).map_err(|_| {
        Error::new(
            ErrorCode::OutOfRange,
            format!("`{field}` `{}` is outside the years 0001 … 9999 in Japan", clip(text)),
        )
    })?;
    Ok(instant)
}

fn parse_date_bytes(b: &[u8]) -> Option<Date> {
    if b.len() != 10 || !byte_is(b, 4, b"-") || !byte_is(b, 7, b"-") {
        return None;
    }
    Date::from_ymd(digits(b, 0, 4)?, digits(b, 5, 2)?, digits(b, 8, 2)?)
}

/// Parses a calendar date `YYYY-MM-DD`.
///
/// ```
/// use coverage_calc::time::parse_date;
/// assert!(parse_date("start", "2024-02-29").is_ok());
/// assert!(parse_date("start", "2025-02-29").is_err());
/// assert!(parse_date("start", "2025-2-9").is_err());
/// ```
pub fn parse_date(field: &str, text: &str) -> Result<Date> {
    parse_date_bytes(text.as_bytes()).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidDate,
            format!("`{field}` must be a calendar date `YYYY-MM-DD`, not `{}`", clip(text)),
        )
    })
}

/// The same instant, shown in Japan time.
pub fn in_japan(t: Instant) -> Instant {
    t.with_offset(JAPAN_OFFSET_SECONDS)
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
    in_japan(t).local_date_and_seconds().map(|(d, _)| d).ok_or_else(|| Error::out_of_range("a date"))
}

/// `t` plus a number of hours, exactly (T-3, T-5), shown in Japan time.
pub fn add_hours(t: Instant, hours: u32) -> Result<Instant> {
    let unix_seconds = i64::from(hours)
        .checked_mul(3600)
        .and_then(|s| t.unix_seconds.checked_add(s))
        .ok_or_else(|| Error::out_of_range("a deadline"))?;
    let out = in_japan(Instant { unix_seconds, ..t });
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
    date.add_days(i64::from(days)).ok_or_else(|| Error::out_of_range("a date"))
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
pub fn period_end(start: Date, months: u32) -> Result<Date> {
    let overflow = || Error::out_of_range("the end of a period");
    let total = i64::from(start.year)
        .checked_mul(12)
        .and_then(|m| m.checked_add(i64::from(start.month)))
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| m.checked_add(i64::from(months)))
        .ok_or_else(overflow)?;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12).checked_add(1).ok_or_else(overflow)?);
    let first_of_month = Date::from_ymd(year, month, 1).ok_or_else(overflow)?;
    match Date::from_ymd(year, month, i64::from(start.day)) {
        // The corresponding day exists: the period ends the day before it.
        Some(corresponding) => corresponding.add_days(-1).ok_or_else(overflow),
        // It does not (the 29th–31st): the period ends on that month's last day.
        None => Ok(first_of_month.last_of_month()),
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

/// At most 40 characters of a user's value, for error messages, on one line: control
/// characters and the Unicode line and paragraph separators are written as `\u{…}` escapes (a
/// value with a newline would otherwise break the message's one line; found by the fuzzer).
pub(crate) fn clip(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(48));
    for c in text.chars().take(40) {
        if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
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
    fn days_round_trip_over_the_whole_range() {
        let mut date = d("0001-01-01");
        let mut days = date.days_since_epoch();
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        while let Some(next) = date.add_days(1) {
            days += 1;
            assert_eq!(next.days_since_epoch(), days);
            assert!(next > date);
            date = next;
        }
        assert_eq!(date, d("9999-12-31"));
        assert!(d("0001-01-01").add_days(-1).is_none());
    }

    #[test]
    fn instants_parse_and_print() {
        let t = parse_instant("x", "2026-11-20T10:00:00+05:30").unwrap();
        assert_eq!(t.to_string(), "2026-11-20T10:00:00+05:30");
        assert_eq!(in_japan(t).to_string(), "2026-11-20T13:30:00+09:00");
        let t = parse_instant("x", "2024-02-29T23:59:59.5-01:00").unwrap();
        assert_eq!(in_japan(t).to_string(), "2024-03-01T09:59:59.5+09:00");
        assert_eq!(parse_instant("x", "1970-01-01T00:00:00Z").unwrap().unix_seconds(), 0);
        assert_eq!(parse_instant("x", "2026-11-20t10:00:00z").unwrap().to_string(), "2026-11-20T10:00:00+00:00");
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
            "2026-11-20T10:00:00+24:00",
            "2026-11-20T10:00:00+0900",
            "2026-11-20T10:00:00.Z",
            "2026-11-20T10:00:00.1234567891Z",
            "2026-02-30T10:00:00Z",
            "0001-01-01T00:00:00+09:01",
            "2026-11-20T10:00:00Z ",
            "",
        ] {
            assert!(parse_instant("x", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn instants_past_9999_in_japan_are_out_of_range() {
        let e = parse_instant("x", "9999-12-31T20:00:00Z").unwrap_err();
        assert_eq!(e.code(), ErrorCode::OutOfRange);
        assert!(parse_instant("x", "9999-12-31T14:59:59Z").is_ok());
    }

    #[test]
    fn dates_are_strict() {
        for bad in
            ["2026-1-2", "2026-01-02T00:00", "+2026-01-02", "２０２６-01-02", "0000-01-01", "2026-13-01", "2026-00-10"]
        {
            assert!(parse_date("x", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn clip_limits_long_values() {
        assert_eq!(clip(&"a".repeat(100)).chars().count(), 41);
    }

    #[test]
    fn clip_keeps_messages_on_one_line() {
        assert_eq!(clip("a\nb\r\u{2028}\u{0}é"), "a\\u{a}b\\u{d}\\u{2028}\\u{0}é");
        assert_eq!(clip("\t").lines().count(), 1);
        for c in (0..=0x10_FFFF).filter_map(char::from_u32).filter(|c| c.is_control()) {
            assert_eq!(clip(&c.to_string()), c.escape_unicode().to_string());
        }
    }
}
