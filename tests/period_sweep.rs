#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing, clippy::arithmetic_side_effects, missing_docs)]
//! T-2 exhaustively: every start date from 2000-01-01 to 2040-12-31, for 1, 12, 24, 36 and 48
//! months, `coverage_calc::time::period_end` against a second implementation written here on
//! purpose in the dumbest possible way (walk the calendar one day at a time and count the
//! months), sharing no code with the core (not even its leap-year test).
//!
//! The 12- and 24-month ends are also checked through the JSON contract (`status` of a
//! Care Refresh 1-year and 2-year plan), so the answer path cannot drift from the rule.

use chrono::Datelike;
use coverage_calc::api::call_json;
use coverage_calc::time::{date, period_end};

const MONTHS: [u32; 5] = [1, 12, 24, 36, 48];

/// A date as plain numbers; the oracle never touches `coverage_calc::time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Ymd {
    y: i64,
    m: i64,
    d: i64,
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// Days in a month, the way a calendar on the wall says it: "thirty days hath September…";
/// February has 29 days in years divisible by 4, except centuries not divisible by 400.
fn month_length(y: i64, m: i64) -> i64 {
    const LENGTHS: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = (y % 400 == 0) || (y % 100 != 0 && y % 4 == 0);
    if m == 2 && leap {
        29
    } else {
        LENGTHS[(m - 1) as usize]
    }
}

fn next_day(t: Ymd) -> Ymd {
    if t.d < month_length(t.y, t.m) {
        Ymd { d: t.d + 1, ..t }
    } else if t.m < 12 {
        Ymd { y: t.y, m: t.m + 1, d: 1 }
    } else {
        Ymd { y: t.y + 1, m: 1, d: 1 }
    }
}

/// The oracle: walks day by day from `start`, counting how many times a new month begins. The
/// period of N months has run out on the first day, once N months have begun, that is either
/// the day with the start's day number (the corresponding day) or the first day of the month
/// after (the target month had no corresponding day). The end is the day before that.
/// Returns the ends for every N of `MONTHS`, in order.
fn oracle_ends(start: Ymd) -> [Ymd; 5] {
    let mut ends = [start; 5];
    let mut found = [false; 5];
    let mut months_begun = 0u32;
    let mut yesterday = start;
    let mut today = next_day(start);
    loop {
        if today.d == 1 {
            months_begun += 1;
        }
        for (i, &n) in MONTHS.iter().enumerate() {
            let run_out = (months_begun == n && today.d == start.d) || months_begun == n + 1;
            if !found[i] && run_out {
                ends[i] = yesterday;
                found[i] = true;
            }
        }
        if found.iter().all(|&f| f) {
            return ends;
        }
        yesterday = today;
        today = next_day(today);
    }
}

fn core_end(start: Ymd, months: u32) -> Ymd {
    let date = date(start.y as i32, start.m as u32, start.d as u32).unwrap_or_else(|| panic!("{start} is a date"));
    let end = period_end(date, months).unwrap_or_else(|e| panic!("period_end({start}, {months}): {e}"));
    Ymd { y: end.year().into(), m: end.month().into(), d: end.day().into() }
}

fn ymd(s: &str) -> Ymd {
    let p: Vec<i64> = s.split('-').map(|x| x.parse().unwrap()).collect();
    Ymd { y: p[0], m: p[1], d: p[2] }
}

/// The oracle itself must be right, or the sweep proves nothing: docs/rules.md T-2's examples and
/// the hard cases, worked out by hand.
#[test]
fn the_oracle_follows_the_examples_of_t2() {
    let cases: &[(&str, u32, &str)] = &[
        ("2026-11-20", 12, "2027-11-19"),
        ("2024-02-29", 12, "2025-02-28"), // no 2025-02-29
        ("2024-03-01", 12, "2025-02-28"),
        ("2025-01-31", 1, "2025-02-28"), // no 2025-02-31
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-02-29", 48, "2028-02-28"), // 2028-02-29 exists: the day before
        ("2024-02-29", 24, "2026-02-28"),
        ("2023-03-01", 12, "2024-02-29"),
        ("2025-01-01", 12, "2025-12-31"),
        ("2025-12-31", 12, "2026-12-30"),
        ("2025-03-31", 1, "2025-04-30"),
        ("2025-12-15", 1, "2026-01-14"),
        ("2025-05-31", 1, "2025-06-30"),
        ("2099-01-31", 1, "2099-02-28"),
        ("2100-01-29", 1, "2100-02-28"), // 2100 is not a leap year: no 2100-02-29
        ("2000-01-29", 1, "2000-02-28"), // 2000 is: 2000-02-29 exists, the day before
        ("2000-01-30", 1, "2000-02-29"),
        ("2040-12-31", 48, "2044-12-30"),
    ];
    for &(start, months, end) in cases {
        let i = MONTHS.iter().position(|&n| n == months).unwrap();
        assert_eq!(oracle_ends(ymd(start))[i].to_string(), end, "oracle: {start} + {months} months");
        assert_eq!(core_end(ymd(start), months).to_string(), end, "core: {start} + {months} months");
    }
    assert_eq!(month_length(1900, 2), 28);
    assert_eq!(month_length(2000, 2), 29);
    assert_eq!(month_length(2024, 2), 29);
    assert_eq!(month_length(2025, 2), 28);
}

#[test]
fn every_start_from_2000_to_2040_for_1_12_24_36_48_months() {
    let mut start = Ymd { y: 2000, m: 1, d: 1 };
    let last = Ymd { y: 2040, m: 12, d: 31 };
    let (mut starts, mut month_ends, mut leap_day_ends) = (0u32, 0u32, 0u32);
    let mut mismatches = Vec::new();
    while start <= last {
        let expected = oracle_ends(start);
        for (&months, want) in MONTHS.iter().zip(expected) {
            let got = core_end(start, months);
            if got != want {
                mismatches.push(format!("{start} + {months} months: core {got}, oracle {want}"));
            }
            assert!(start < got, "{start} + {months} months ends on {got}");
            if want.d == month_length(want.y, want.m) {
                month_ends += 1;
            }
            if want.m == 2 && want.d == 29 {
                leap_day_ends += 1;
            }
        }
        starts += 1;
        start = next_day(start);
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches, first ones:\n{}",
        mismatches.len(),
        mismatches[..mismatches.len().min(20)].join("\n")
    );
    // 41 years, 11 of them leap years (2000, 2004, …, 2040): the sweep really covered them all.
    assert_eq!(starts, 41 * 365 + 11);
    // The month-end and leap-day cases were really among them.
    assert!(month_ends > 5 * 41 * 12, "{month_ends} periods end on a month's last day");
    assert!(leap_day_ends > 0);
}

/// The same ends through the JSON contract: the period of a Care Refresh plan held (CR-13) is
/// T-2 of 12 or 24 months from its start.
#[test]
fn status_periods_follow_the_oracle_for_every_start() {
    let mut start = Ymd { y: 2000, m: 1, d: 1 };
    let last = Ymd { y: 2040, m: 12, d: 31 };
    let mut checked = 0u32;
    while start <= last {
        let expected = oracle_ends(start);
        for (plan, want) in [("care-refresh-1y", expected[1]), ("care-refresh-2y", expected[2])] {
            let request = format!(
                r#"{{"plan":"{plan}","product":"dji-mini-4-pro","start":"{start}","now":"{start}T00:00:00+09:00"}}"#
            );
            let answer = call_json("status", &request).unwrap_or_else(|e| panic!("{request}: {e}"));
            let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
            assert_eq!(answer["period"]["start"], start.to_string(), "{request}");
            assert_eq!(answer["period"]["end"], want.to_string(), "{request}");
            checked += 1;
        }
        start = next_day(start);
    }
    assert_eq!(checked, 2 * (41 * 365 + 11));
}
