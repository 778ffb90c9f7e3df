#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    missing_docs
)]
//! Property tests of the JSON entry point, `coverage_calc::api::call_json(function, request)`:
//! exactly what JavaScript sees, for every function of the API.
//!
//! - Any string, any JSON value, any function name → an answer (JSON) or a typed error (a code
//!   of `ErrorCode::ALL`, a message on one line), never a panic.
//! - Plausible requests, one generator per line of the table [`FUNCTIONS`] → the same, and every
//!   answer keeps the invariants of [`check_answer`], whatever the function: a period ends on or
//!   after its start; a count has `used + left ≤ given`; a window's deadline is its opening plus
//!   its hours exactly; money and numbers are never negative; instants are Japan time. The same
//!   request gives the same answer, with its keys in another order and with its instants written
//!   at another offset.
//!
//! A request is valid by default, built from the catalog (`call_json("catalog", "{}")`): a plan
//! the product lists in its `plans`, a "now" from 2019 to 2030 (now and then days from a change of
//! the Care Refresh terms), and every other date and instant placed relative to it, written at a
//! random offset: an activation before now (often hours from the end of a window of the catalog),
//! an invitation e-mail between the activation and now, claims inside the plan's period and not
//! after today and no more than it gives, members of a contract from its first activation to
//! today, a delivery before today, the fields i-PRO needs in years 2 to 5; optional fields
//! absent, `null` or given. One request in four then gets one fault ([`Fault`]), placed by the
//! shape of its line of the table: a required field missing or `null`, a field's name misspelt,
//! a value of the wrong JSON type, an unknown id or choice, a malformed or out-of-range date,
//! instant, count or amount, a date or instant moved out of order with the others, an unknown
//! key. [`the_generators_reach_answers`] keeps this honest: more than half of each line's
//! requests are answered, and some are errors.
//!
//! The invariants read only the JSON answer, so a new function is checked by adding its line
//! to [`FUNCTIONS`] (its shape and its generator of valid requests). A function the build does
//! not have yet (the `unknown function` error) is skipped with a note on stderr. Cases per
//! property: `PROPTEST_CASES` (default below).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::str::FromStr;
use std::sync::{LazyLock, Mutex};

use coverage_calc::api::call_json;
use coverage_calc::ErrorCode;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::Config;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------- the table of functions

/// What a field of a request holds: where a [`Fault`] can go and what it puts there (the valid
/// values come from each line's generator).
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// A plan id of the catalog, of this family.
    Plan(&'static str),
    /// A product id of the catalog, of this family.
    Product(&'static str),
    /// An RFC 3339 instant.
    Instant,
    /// A `YYYY-MM-DD` date.
    Date,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// Any text (a region, an owner, a member's id).
    Text,
    /// A whole number.
    Count,
    /// Whole yen: a decimal string or a whole number.
    Amount,
    /// A boolean.
    Bool,
    /// A list of values of a kind.
    List(&'static Kind),
    /// An object with these fields.
    Object(&'static [Field]),
}

#[derive(Debug, Clone, Copy)]
struct Field {
    name: &'static str,
    kind: Kind,
    required: bool,
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field { name, kind, required: true }
}

const fn opt(name: &'static str, kind: Kind) -> Field {
    Field { name, kind, required: false }
}

/// One function of the JSON API: the shape of a request to it and a generator of valid ones (a
/// function may have several lines, e.g. one per plan family).
#[derive(Debug, Clone, Copy)]
struct Function {
    name: &'static str,
    /// The line's name in messages.
    label: &'static str,
    request: &'static [Field],
    valid: fn() -> BoxedStrategy<Value>,
}

const CR: &str = "care-refresh";
const EN: &str = "care-enterprise";

const CLAIM_KINDS: &[&str] = &["replacement", "flyaway", "warranty-repair"];
const CLAIM: &[Field] = &[req("kind", Kind::OneOf(CLAIM_KINDS)), req("date", Kind::Date)];
const REGIONS: &[&str] = &["JP", "jp", "UK", "GB", "US", "EU", "XX", "", " jp "];
const CHANNELS: &[&str] = &["separate", "with-product"];

const BUY: &[Field] = &[
    req("plan", Kind::Plan(CR)),
    req("product", Kind::Product(CR)),
    opt("activatedAt", Kind::Instant),
    opt("invitationAt", Kind::Instant),
    opt("channel", Kind::OneOf(CHANNELS)),
    opt("shippingDate", Kind::Date),
    opt("region", Kind::Text),
    req("now", Kind::Instant),
];

const STATUS: &[Field] = &[
    req("plan", Kind::Plan(CR)),
    req("product", Kind::Product(CR)),
    req("start", Kind::Date),
    opt("boughtOn", Kind::Date),
    opt("chain", Kind::List(&Kind::Plan(CR))),
    opt("claims", Kind::List(&Kind::Object(CLAIM))),
    req("now", Kind::Instant),
];

const IPRO_KINDS: &[&str] = &["camera", "recorder", "accessory", "non-repairable"];
const FAILURES: &[&str] = &["unit", "hdd", "software"];
const IPRO: &[Field] = &[
    req("kind", Kind::OneOf(IPRO_KINDS)),
    req("deliveryDate", Kind::Date),
    opt("partnersCircleMember", Kind::Bool),
    opt("onFiveYearList", Kind::Bool),
    opt("inJapan", Kind::Bool),
    opt("failed", Kind::OneOf(FAILURES)),
    req("now", Kind::Instant),
];

// DJI Care Enterprise (EN-1 … EN-13), as in `src/types.d.ts`.
const EN_NEW: &[&str] = &["enterprise-basic", "enterprise-plus"];
const EN_RENEW: &[&str] = &["enterprise-basic-renew", "enterprise-plus-renew"];
const EN_ALL: &[&str] = &["enterprise-basic", "enterprise-plus", "enterprise-basic-renew", "enterprise-plus-renew"];
const OWNERS: &[&str] = &["A社", "B社", "C社"];
const MEMBER_IDS: &[&str] = &["#1", "#2", "#3", "#4"];
const EN_BUY_NEW: &[Field] = &[
    req("plan", Kind::Plan(EN)),
    req("product", Kind::Product(EN)),
    opt("activatedAt", Kind::Instant),
    opt("invitationAt", Kind::Instant),
    opt("region", Kind::Text),
    req("now", Kind::Instant),
];
/// The plan held: `replacementsUsed` for Basic Renew, `claimed` for Plus Renew.
const HELD: &[Field] = &[req("start", Kind::Date), opt("replacementsUsed", Kind::Count), opt("claimed", Kind::Amount)];
const EN_BUY_RENEW: &[Field] = &[
    req("plan", Kind::Plan(EN)),
    req("product", Kind::Product(EN)),
    req("held", Kind::Object(HELD)),
    opt("videoInspectionPassed", Kind::Bool),
    opt("region", Kind::Text),
    req("now", Kind::Instant),
];
/// `amount` only on Plus plans (where it is needed).
const EN_CLAIM: &[Field] = &[req("date", Kind::Date), opt("amount", Kind::Amount)];
const EN_STATUS: &[Field] = &[
    req("plan", Kind::Plan(EN)),
    req("product", Kind::Product(EN)),
    req("start", Kind::Date),
    opt("claims", Kind::List(&Kind::Object(EN_CLAIM))),
    opt("videoInspectionPassed", Kind::Bool),
    req("now", Kind::Instant),
];
const MEMBER: &[Field] = &[
    opt("id", Kind::Text),
    req("product", Kind::Product(EN)),
    req("date", Kind::Date),
    opt("owner", Kind::Text),
    opt("region", Kind::Text),
    opt("videoInspectionPassed", Kind::Bool),
];
const CONTRACT_CLAIM: &[Field] =
    &[req("member", Kind::OneOf(MEMBER_IDS)), req("date", Kind::Date), req("amount", Kind::Amount)];
const PLUS_CONTRACT: &[Field] = &[
    req("activatedOn", Kind::Date),
    req("owner", Kind::Text),
    opt("region", Kind::Text),
    opt("members", Kind::List(&Kind::Object(MEMBER))),
    opt("claims", Kind::List(&Kind::Object(CONTRACT_CLAIM))),
    req("now", Kind::Instant),
];
/// Figures a dealer quoted (EN-13), for the plans the product takes.
const QUOTE: &[Field] = &[
    opt("basicPrice", Kind::Amount),
    opt("basicFee1", Kind::Amount),
    opt("basicFee2", Kind::Amount),
    opt("plusPrice", Kind::Amount),
    opt("plusLimit", Kind::Amount),
];
const FLEET_LINE: &[Field] =
    &[req("product", Kind::Product(EN)), opt("units", Kind::Count), opt("quote", Kind::Object(QUOTE))];
const COMPARE: &[Field] = &[
    opt("product", Kind::Product(EN)),
    opt("units", Kind::Count),
    opt("quote", Kind::Object(QUOTE)),
    opt("fleet", Kind::List(&Kind::Object(FLEET_LINE))),
    req("incidents", Kind::Count),
    req("repairCost", Kind::Amount),
];

/// Every function of the API. A new function is one line here (and its generator below).
const FUNCTIONS: &[Function] = &[
    Function { name: "catalog", label: "catalog", request: &[], valid: catalog_request },
    Function { name: "buy", label: "buy (Care Refresh)", request: BUY, valid: buy_request },
    Function { name: "status", label: "status (Care Refresh)", request: STATUS, valid: status_request },
    Function { name: "buy", label: "buy (Enterprise new)", request: EN_BUY_NEW, valid: enterprise_buy_request },
    Function { name: "buy", label: "buy (Enterprise renew)", request: EN_BUY_RENEW, valid: renew_buy_request },
    Function { name: "status", label: "status (Enterprise)", request: EN_STATUS, valid: enterprise_status_request },
    Function { name: "ipro", label: "ipro", request: IPRO, valid: ipro_request },
    Function { name: "plusContract", label: "plusContract", request: PLUS_CONTRACT, valid: plus_contract_request },
    Function { name: "compare", label: "compare", request: COMPARE, valid: compare_request },
];

// ---------------------------------------------------------------- catalog and notes

#[derive(Debug)]
struct Plan {
    id: String,
    family: String,
    months: i64,
    /// Care Refresh: the fewest replacements and flyaway replacements any edition gives.
    replacements: usize,
    flyaway: usize,
}

#[derive(Debug)]
struct Product {
    id: String,
    family: String,
    plans: Vec<String>,
    /// Care Refresh: flyaway replacements are not `no`.
    flyaway: bool,
    /// Care Enterprise: the Plus and Plus Renew limits are published.
    plus_limit: bool,
    plus_renew_limit: bool,
}

#[derive(Debug)]
struct IproKind {
    id: String,
    warranty: bool,
    partners: bool,
    hdd: bool,
}

/// What the generators need of the catalog, read through the API itself.
struct Catalog {
    plans: Vec<Plan>,
    products: Vec<Product>,
    /// Days (since 1970-01-01) the Care Refresh terms changed.
    edition_days: Vec<i64>,
    /// Hours of the windows to buy after an activation, and after an invitation e-mail.
    refresh_windows: Vec<i64>,
    refresh_invitation: Vec<i64>,
    enterprise_windows: Vec<i64>,
    enterprise_invitation: Vec<i64>,
    enterprise_months: i64,
    basic_replacements: usize,
    basic_renew_replacements: usize,
    ipro_kinds: Vec<IproKind>,
}

impl Catalog {
    fn plan(&self, id: &str) -> &Plan {
        self.plans.iter().find(|p| p.id == id).unwrap()
    }

    fn products_of(&'static self, family: &str) -> Vec<&'static Product> {
        self.products.iter().filter(|p| p.family == family).collect()
    }

    /// The (product, plan) pairs the catalog offers in a family, of these plans (any if empty).
    fn offers(&'static self, family: &str, plans: &[&str]) -> Vec<(&'static Product, &'static Plan)> {
        let pairs = self.products_of(family).into_iter().flat_map(|product| {
            let listed = product.plans.iter().filter(|id| plans.is_empty() || plans.contains(&id.as_str()));
            listed.map(move |id| (product, self.plan(id)))
        });
        let pairs: Vec<_> = pairs.collect();
        assert!(!pairs.is_empty(), "no {family} product offers {plans:?}");
        pairs
    }
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    let answer: Value = serde_json::from_str(&call_json("catalog", "{}").unwrap()).unwrap();
    let text = |v: &Value| v.as_str().unwrap().to_owned();
    let int = |v: &Value| v.as_i64().unwrap();
    let editions = answer["editions"].as_array().unwrap();
    let fewest = |plan: &str, key: &str| {
        editions.iter().filter_map(|e| e["plans"][plan][key].as_u64()).min().map_or(0, |n| n as usize)
    };
    let hours = |keys: &[&str]| -> Vec<i64> {
        let set: BTreeSet<i64> = editions.iter().flat_map(|e| keys.iter().map(|k| int(&e[*k]))).collect();
        set.into_iter().collect()
    };
    let plans = answer["plans"].as_array().unwrap().iter().map(|p| Plan {
        id: text(&p["id"]),
        family: text(&p["family"]),
        months: int(&p["months"]),
        replacements: fewest(p["id"].as_str().unwrap(), "replacements"),
        flyaway: fewest(p["id"].as_str().unwrap(), "flyawayMax"),
    });
    let published = |fee: &Value| fee["status"] == "published";
    let products = answer["products"].as_array().unwrap().iter().map(|p| Product {
        id: text(&p["id"]),
        family: text(&p["family"]),
        plans: p["plans"].as_array().unwrap().iter().map(text).collect(),
        flyaway: p["terms"]["careRefresh"]["flyaway"].as_str().is_some_and(|f| f != "no"),
        plus_limit: published(&p["terms"]["careEnterprise"]["plusLimit"]),
        plus_renew_limit: published(&p["terms"]["careEnterprise"]["plusRenewLimit"]),
    });
    let ipro_kinds = answer["ipro"]["kinds"].as_array().unwrap().iter().map(|k| IproKind {
        id: text(&k["id"]),
        warranty: k["productWarranty"] == true,
        partners: k["partners"] == true,
        hdd: k["hasHdd"] == true,
    });
    let enterprise = &answer["enterprise"];
    let catalog = Catalog {
        plans: plans.collect(),
        products: products.collect(),
        edition_days: editions
            .iter()
            .filter_map(|e| e["effectiveFrom"].as_str().and_then(parse_date))
            .map(|(y, m, d)| days_from_civil(y, m, d))
            .collect(),
        refresh_windows: hours(&["droneWindowHours", "handheldWindowHours"]),
        refresh_invitation: hours(&["invitationWindowHours"]),
        enterprise_windows: vec![int(&enterprise["activationWindowHours"])],
        enterprise_invitation: vec![int(&enterprise["invitationWindowHours"])],
        enterprise_months: int(&enterprise["months"]),
        basic_replacements: int(&enterprise["basicReplacements"]) as usize,
        basic_renew_replacements: int(&enterprise["basicRenewReplacements"]) as usize,
        ipro_kinds: ipro_kinds.collect(),
    };
    assert!(catalog.plans.len() >= 2 && catalog.products.len() >= 2, "an empty catalog proves nothing");
    assert!(!catalog.edition_days.is_empty() && !catalog.ipro_kinds.is_empty());
    catalog
});

fn catalog() -> &'static Catalog {
    &CATALOG
}

/// Whether the build has this function; prints a note (once) when it does not.
fn exists(function: &str) -> bool {
    static NOTED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    match call_json(function, "{}") {
        Err(e) if is_unknown_function(&e) => {
            if NOTED.lock().unwrap().insert(function.to_owned()) {
                // Written to stderr directly: libtest captures `eprintln!`, not this.
                let _ =
                    writeln!(std::io::stderr(), "note: `{function}` is not in this build; its properties are skipped");
            }
            false
        }
        _ => true,
    }
}

fn is_unknown_function(e: &coverage_calc::Error) -> bool {
    e.code() == ErrorCode::InvalidValue && e.message().starts_with("unknown function")
}

// ---------------------------------------------------------------- generators: time

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// Japan time's offset, in seconds.
const JST: i64 = 9 * HOUR;

/// A day (days since 1970-01-01) as `YYYY-MM-DD`.
fn date_of(day: i64) -> Value {
    let (y, m, d) = civil_from_days(day);
    Value::String(format!("{y:04}-{m:02}-{d:02}"))
}

/// The Japan date of an instant (Unix seconds), as a day.
fn japan_day(unix: i64) -> i64 {
    (unix + JST).div_euclid(DAY)
}

/// The last day surely inside a period of whole years from its first day (T-2).
fn last_sure_day(start: i64, months: i64) -> i64 {
    start + months / 12 * 365 - 1
}

/// How an instant is written: its offset and its fraction of a second.
#[derive(Debug, Clone)]
struct Style {
    offset_minutes: i64,
    zulu: bool,
    fraction: String,
}

fn style() -> BoxedStrategy<Style> {
    let offset = prop_oneof![
        3 => Just((540, false)),
        2 => Just((0, true)),
        4 => (-(23 * 60 + 59)..=23 * 60 + 59i64).prop_map(|m| (m, false)),
    ];
    let fraction = prop_oneof![
        4 => Just(String::new()),
        1 => (1usize..=9, 0u32..1_000_000_000).prop_map(|(n, v)| format!("{v:09}")[..n].to_owned()),
    ];
    (offset, fraction).prop_map(|((offset_minutes, zulu), fraction)| Style { offset_minutes, zulu, fraction }).boxed()
}

/// An instant (Unix seconds) in RFC 3339, in a style.
fn instant_of(unix: i64, style: &Style) -> Value {
    let local = unix + style.offset_minutes * 60;
    let (days, secs) = (local.div_euclid(DAY), local.rem_euclid(DAY));
    let (y, m, d) = civil_from_days(days);
    let fraction = if style.fraction.is_empty() { String::new() } else { format!(".{}", style.fraction) };
    let offset = if style.zulu {
        "Z".to_owned()
    } else {
        let (sign, minutes) = (if style.offset_minutes < 0 { '-' } else { '+' }, style.offset_minutes.abs());
        format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    };
    let (h, mi, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    Value::String(format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}{fraction}{offset}"))
}

/// "Now" (Unix seconds): from 2019 to 2030, now and then within days of a change of the Care
/// Refresh terms.
fn now() -> BoxedStrategy<i64> {
    let (from, to) = (days_from_civil(2019, 1, 1), days_from_civil(2030, 12, 31));
    let day = prop_oneof![
        4 => from..=to,
        1 => (select(catalog().edition_days.clone()), -3i64..=3).prop_map(|(d, n)| d + n),
    ];
    (day, 0..DAY).prop_map(|(day, s)| day * DAY - JST + s).boxed()
}

/// Seconds before "now": within the shortest of these windows (hours), near the end of one of
/// them (to the second, now and then), or up to 400 days.
fn before(hours: &[i64]) -> BoxedStrategy<i64> {
    let shortest = hours.iter().copied().min().unwrap() * HOUR;
    let near = prop_oneof![-2 * HOUR..=2 * HOUR, select(vec![-1i64, 0, 1])];
    prop_oneof![
        4 => 0..=shortest,
        3 => (select(hours.to_vec()), near).prop_map(|(h, s)| (h * HOUR + s).max(0)),
        2 => 0..=400 * DAY,
    ]
    .boxed()
}

/// Seconds before "now" of the activation and of the invitation e-mail after it (CR-4, EN-1): not
/// activated, activated, or activated and invited.
fn activation(windows: &[i64], invitation: &[i64]) -> BoxedStrategy<(Option<i64>, Option<i64>)> {
    prop_oneof![
        2 => Just((None, None)),
        5 => before(windows).prop_map(|a| (Some(a), None)),
        3 => (before(invitation), before(windows)).prop_map(|(i, a)| (Some(i + a), Some(i))),
    ]
    .boxed()
}

/// Days a date lies before today: mostly within `0 ..= days`, now and then a few days around one
/// of `near` (a period's end, the end of a window after it).
fn days_before(from: i64, days: i64, near: Vec<i64>) -> BoxedStrategy<i64> {
    prop_oneof![3 => from..=days, 1 => (select(near), -3i64..=3).prop_map(|(d, n)| d + n)].boxed()
}

// ---------------------------------------------------------------- generators: valid requests

/// An optional field: absent, `null` (the same), or given.
#[derive(Debug, Clone)]
enum Slot<T> {
    Absent,
    Null,
    Given(T),
}

impl<T> Slot<T> {
    fn put(self, request: &mut Map<String, Value>, key: &str, value: impl FnOnce(T) -> Value) {
        match self {
            Slot::Absent => {}
            Slot::Null => {
                request.insert(key.to_owned(), Value::Null);
            }
            Slot::Given(v) => {
                request.insert(key.to_owned(), value(v));
            }
        }
    }
}

fn slot<T: std::fmt::Debug + Clone + 'static>(value: impl Strategy<Value = T> + 'static) -> BoxedStrategy<Slot<T>> {
    prop_oneof![3 => Just(Slot::Absent), 1 => Just(Slot::Null), 6 => value.prop_map(Slot::Given)].boxed()
}

/// A region of purchase: mostly Japan (written several ways), now and then another one (an
/// answer too: not priced, not sold).
fn region() -> BoxedStrategy<Slot<Value>> {
    slot(prop_oneof![6 => Just("JP"), 1 => Just("jp"), 1 => Just(" jp "), 2 => select(REGIONS)].prop_map(Value::from))
}

/// Whole yen up to `max`: a decimal string, or a whole number.
fn yen(max: u64) -> BoxedStrategy<Value> {
    prop_oneof![3 => (0..=max).prop_map(|n| Value::String(n.to_string())), 1 => (0..=max).prop_map(Value::from)].boxed()
}

fn object(fields: Vec<(&str, Value)>) -> Map<String, Value> {
    fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

fn catalog_request() -> BoxedStrategy<Value> {
    Just(json!({})).boxed()
}

/// Care Refresh `buy`: not activated, within a window, after it, or invited after a repair.
fn buy_request() -> BoxedStrategy<Value> {
    let c = catalog();
    // With the product: shipped some days before today (the plan starts 2 days after).
    let channel = slot(prop_oneof![Just(None), (0i64..=20).prop_map(Some)]);
    let times = (now(), activation(&c.refresh_windows, &c.refresh_invitation), (style(), style(), style()));
    (select(c.offers(CR, &[])), times, channel, region())
        .prop_map(|((product, plan), (now, (activated, invited), (s_now, s_a, s_i)), channel, region)| {
            let mut r = object(vec![("plan", plan.id.as_str().into()), ("product", product.id.as_str().into())]);
            if let Some(a) = activated {
                r.insert("activatedAt".into(), instant_of(now - a, &s_a));
            }
            if let Some(i) = invited {
                r.insert("invitationAt".into(), instant_of(now - i, &s_i));
            }
            match channel {
                Slot::Given(Some(days)) => {
                    r.insert("channel".into(), "with-product".into());
                    r.insert("shippingDate".into(), date_of(japan_day(now) - days));
                }
                other => other.put(&mut r, "channel", |_| "separate".into()),
            }
            region.put(&mut r, "region", |v| v);
            r.insert("now".into(), instant_of(now, &s_now));
            Value::Object(r)
        })
        .boxed()
}

/// Care Refresh `status`: a plan not started, active or expired (around its end and the end of
/// the extension window), a chain CR-14 allows, claims within what the plan gives.
fn status_request() -> BoxedStrategy<Value> {
    let c = catalog();
    let start = days_before(-20, 800, vec![365, 366, 380, 381, 730, 731, 745, 746]);
    let claims = prop::collection::vec((0..CLAIM_KINDS.len(), any::<Index>()), 0..=4);
    let rest = (slot(0i64..=10), slot(any::<Index>()), claims);
    (select(c.offers(CR, &[])), now(), style(), start, rest)
        .prop_map(move |((product, plan), now, s_now, k, (bought, chain, claims))| {
            let today = japan_day(now);
            let start = today - k;
            let mut r = object(vec![
                ("plan", plan.id.as_str().into()),
                ("product", product.id.as_str().into()),
                ("start", date_of(start)),
            ]);
            bought.put(&mut r, "boughtOn", |d| date_of(start - d));
            let allowed = chains(plan);
            chain.put(&mut r, "chain", |i| json!(i.get(&allowed)));
            let last = today.min(last_sure_day(start, plan.months));
            let (mut used, mut flyaway, mut list) = (0, 0, Vec::new());
            for (kind, at) in claims.into_iter().filter(|_| last >= start) {
                let kind = match CLAIM_KINDS[kind] {
                    "flyaway" if product.flyaway && flyaway < plan.flyaway && used < plan.replacements => {
                        flyaway += 1;
                        used += 1;
                        "flyaway"
                    }
                    "replacement" | "flyaway" if used < plan.replacements => {
                        used += 1;
                        "replacement"
                    }
                    _ => "warranty-repair",
                };
                let date = start + at.index((last - start + 1) as usize) as i64;
                list.push(json!({"kind": kind, "date": date_of(date)}));
            }
            // No claim: `claims` absent, or empty (half the time).
            if !list.is_empty() || k % 2 == 0 {
                r.insert("claims".into(), Value::Array(list));
            }
            r.insert("now".into(), instant_of(now, &s_now));
            Value::Object(r)
        })
        .boxed()
}

/// The chains of earlier plans CR-14 allows before a plan held: 1-year plans extend a plan, 3
/// years at most in all.
fn chains(held: &Plan) -> Vec<Vec<&'static str>> {
    let refresh: Vec<&Plan> = catalog().plans.iter().filter(|p| p.family == CR).collect();
    let mut chains = vec![vec![]];
    if held.months != 12 {
        return chains;
    }
    for first in &refresh {
        if first.months + held.months <= 36 {
            chains.push(vec![first.id.as_str()]);
        }
        for second in refresh.iter().filter(|p| p.months == 12) {
            if first.months + second.months + held.months <= 36 {
                chains.push(vec![first.id.as_str(), second.id.as_str()]);
            }
        }
    }
    chains
}

/// Enterprise Basic or Plus `buy` (EN-1): not activated, within 96 h, after, or invited.
fn enterprise_buy_request() -> BoxedStrategy<Value> {
    let c = catalog();
    let times = (now(), activation(&c.enterprise_windows, &c.enterprise_invitation), (style(), style(), style()));
    (select(c.offers(EN, EN_NEW)), times, region())
        .prop_map(|((product, plan), (now, (activated, invited), (s_now, s_a, s_i)), region)| {
            let mut r = object(vec![("plan", plan.id.as_str().into()), ("product", product.id.as_str().into())]);
            if let Some(a) = activated {
                r.insert("activatedAt".into(), instant_of(now - a, &s_a));
            }
            if let Some(i) = invited {
                r.insert("invitationAt".into(), instant_of(now - i, &s_i));
            }
            region.put(&mut r, "region", |v| v);
            r.insert("now".into(), instant_of(now, &s_now));
            Value::Object(r)
        })
        .boxed()
}

/// Enterprise Renew `buy` (EN-8 … EN-11): the plan held started before today, now while it is
/// valid or in the special-handling days after it; Basic with its replacements used, Plus with
/// what it claimed.
fn renew_buy_request() -> BoxedStrategy<Value> {
    let c = catalog();
    let held =
        (days_before(0, 420, vec![365, 366, 372, 373, 395, 396]), slot(0..=c.basic_replacements), slot(yen(800_000)));
    (select(c.offers(EN, EN_RENEW)), now(), style(), held, slot(any::<bool>()), region())
        .prop_map(|((product, plan), now, s_now, (k, used, claimed), video, region)| {
            let mut held = object(vec![("start", date_of(japan_day(now) - k.max(0)))]);
            if plan.id.contains("plus") {
                claimed.put(&mut held, "claimed", |v| v);
            } else {
                used.put(&mut held, "replacementsUsed", Value::from);
            }
            let mut r = object(vec![
                ("plan", plan.id.as_str().into()),
                ("product", product.id.as_str().into()),
                ("held", Value::Object(held)),
            ]);
            video.put(&mut r, "videoInspectionPassed", Value::Bool);
            region.put(&mut r, "region", |v| v);
            r.insert("now".into(), instant_of(now, &s_now));
            Value::Object(r)
        })
        .boxed()
}

/// Enterprise `status`: a plan not started, active or expired; Basic claims within what it gives,
/// Plus claims with an amount (none when the limit is not published).
fn enterprise_status_request() -> BoxedStrategy<Value> {
    let c = catalog();
    let start = days_before(-20, 420, vec![365, 366, 372, 373, 395, 396]);
    let claims = prop::collection::vec((any::<Index>(), yen(800_000)), 0..=3);
    (select(c.offers(EN, EN_ALL)), now(), style(), start, claims, slot(any::<bool>()))
        .prop_map(move |((product, plan), now, s_now, k, claims, video)| {
            let today = japan_day(now);
            let start = today - k;
            let plus = plan.id.contains("plus");
            let given = match plan.id.as_str() {
                "enterprise-basic" => c.basic_replacements,
                "enterprise-basic-renew" => c.basic_renew_replacements,
                "enterprise-plus" if product.plus_limit => usize::MAX,
                "enterprise-plus-renew" if product.plus_renew_limit => usize::MAX,
                _ => 0,
            };
            let last = today.min(last_sure_day(start, c.enterprise_months));
            let claims: Vec<Value> = claims
                .into_iter()
                .filter(|_| last >= start)
                .take(given)
                .map(|(at, amount)| {
                    let date = date_of(start + at.index((last - start + 1) as usize) as i64);
                    if plus {
                        json!({"date": date, "amount": amount})
                    } else {
                        json!({"date": date})
                    }
                })
                .collect();
            let mut r = object(vec![
                ("plan", plan.id.as_str().into()),
                ("product", product.id.as_str().into()),
                ("start", date_of(start)),
            ]);
            if !claims.is_empty() || k % 2 == 0 {
                r.insert("claims".into(), Value::Array(claims));
            }
            video.put(&mut r, "videoInspectionPassed", Value::Bool);
            r.insert("now".into(), instant_of(now, &s_now));
            Value::Object(r)
        })
        .boxed()
}

/// `ipro`: delivered before today (in year 1, years 2 to 5, after; around their ends), with the
/// answers the phase needs (IP-1, IP-2) and the others now and then.
fn ipro_request() -> BoxedStrategy<Value> {
    let c = catalog();
    let kinds: Vec<&IproKind> = c.ipro_kinds.iter().collect();
    let delivered = days_before(0, 2200, vec![365, 366, 1826, 1827]);
    let answers = (prop::bool::weighted(0.85), any::<bool>(), prop::bool::weighted(0.7));
    let presence = (slot(Just(())), slot(Just(())), slot(Just(())));
    (select(kinds), now(), style(), delivered, slot(select(FAILURES)), answers, presence)
        .prop_map(|(kind, now, s_now, k, failed, (japan, member, listed), (p_japan, p_member, p_listed))| {
            let today = japan_day(now);
            let k = k.max(0);
            let mut r = object(vec![("kind", kind.id.as_str().into()), ("deliveryDate", date_of(today - k))]);
            let member_needed = kind.warranty && kind.partners && japan && (355..=1836).contains(&k);
            let put = |r: &mut Map<String, Value>, key: &str, needed: bool, p: Slot<()>, v: bool| match p {
                _ if needed => {
                    r.insert(key.to_owned(), Value::Bool(v));
                }
                other => other.put(r, key, |()| Value::Bool(v)),
            };
            put(&mut r, "partnersCircleMember", member_needed, p_member, member);
            put(&mut r, "onFiveYearList", member_needed && member, p_listed, listed);
            put(&mut r, "inJapan", kind.warranty, p_japan, japan);
            failed.put(&mut r, "failed", |f| if f == "hdd" && !kind.hdd { "unit".into() } else { f.into() });
            r.insert("now".into(), instant_of(now, &s_now));
            Value::Object(r)
        })
        .boxed()
}

/// `plusContract`: a contract activated before today; members (products with a published Plus
/// limit) associated from its activation to today, within its 30 days or after, of its owner and
/// region or not; claims naming a member, from its association to the contract's year and today.
fn plus_contract_request() -> BoxedStrategy<Value> {
    let c = catalog();
    let products: Vec<&Product> = c
        .products_of(EN)
        .into_iter()
        .filter(|p| p.plus_limit && p.plans.iter().any(|id| id == "enterprise-plus"))
        .collect();
    let after = prop_oneof![3 => 0i64..=30, 1 => 31i64..=60];
    let member = (select(products), after, slot(prop::bool::weighted(0.8)), slot(prop::bool::weighted(0.8)));
    let members = prop::collection::vec((member, slot(any::<bool>())), 0..=4);
    let claims = prop::collection::vec((any::<Index>(), any::<Index>(), yen(800_000)), 0..=4);
    let contract = (select(OWNERS), days_before(0, 420, vec![30, 31, 365, 366]), region(), any::<bool>());
    (contract, now(), style(), members, claims)
        .prop_map(move |((owner, k, region, named), now, s_now, members, claims)| {
            let today = japan_day(now);
            let activated = today - k.max(0);
            let contract_region = match &region {
                Slot::Given(Value::String(r)) => r.trim().to_uppercase(),
                _ => "JP".to_owned(),
            };
            let mut r = object(vec![("activatedOn", date_of(activated)), ("owner", owner.into())]);
            region.put(&mut r, "region", |v| v);
            let mut joined = Vec::new();
            let list: Vec<Value> = members
                .into_iter()
                .enumerate()
                .map(|(i, ((product, after, same_owner, same_region), video))| {
                    let id = if named { format!("SN-{:04}", i * 7 + 1) } else { format!("#{}", i + 1) };
                    let date = (activated + after).min(today);
                    joined.push((id.clone(), date));
                    let mut m = object(vec![("product", product.id.as_str().into()), ("date", date_of(date))]);
                    if named {
                        m.insert("id".into(), id.into());
                    }
                    let other_owner = OWNERS.iter().find(|o| **o != owner).unwrap();
                    same_owner.put(&mut m, "owner", |same| if same { owner.into() } else { (*other_owner).into() });
                    let other_region = if contract_region == "US" { "GB" } else { "US" };
                    let region = contract_region.clone();
                    same_region.put(&mut m, "region", |same| if same { region.into() } else { other_region.into() });
                    video.put(&mut m, "videoInspectionPassed", Value::Bool);
                    Value::Object(m)
                })
                .collect();
            if !list.is_empty() || k % 2 == 0 {
                r.insert("members".into(), Value::Array(list));
            }
            let last = today.min(last_sure_day(activated, c.enterprise_months));
            let claims: Vec<Value> = claims
                .into_iter()
                .filter(|_| !joined.is_empty())
                .filter_map(|(who, at, amount)| {
                    let (id, from) = who.get(&joined);
                    let date = from + at.index((last - from + 1).max(1) as usize) as i64;
                    (date <= last).then(|| json!({"member": id, "date": date_of(date), "amount": amount}))
                })
                .collect();
            if !claims.is_empty() {
                r.insert("claims".into(), Value::Array(claims));
            }
            r.insert("now".into(), instant_of(now, &s_now));
            Value::Object(r)
        })
        .boxed()
}

/// `compare` (EN-13): a product and its units, or a fleet; a few incidents, now and then many.
fn compare_request() -> BoxedStrategy<Value> {
    let products = catalog().products_of(EN);
    // A quote: some of the figures of the plans the product takes (none, often).
    let quote = |product: &'static Product| {
        let fields: Vec<&'static str> = [
            ("enterprise-basic", ["basicPrice", "basicFee1", "basicFee2"].as_slice()),
            ("enterprise-plus", ["plusPrice", "plusLimit"].as_slice()),
        ]
        .into_iter()
        .filter(|(plan, _)| product.plans.iter().any(|p| p == plan))
        .flat_map(|(_, fields)| fields.iter().copied())
        .collect();
        let n = fields.len();
        slot(prop::collection::vec((any::<bool>(), yen(1_500_000)), n..=n).prop_map(move |figures| {
            let quoted = fields.iter().zip(figures).filter(|(_, (given, _))| *given);
            Value::Object(quoted.map(|(k, (_, v))| ((*k).to_owned(), v)).collect())
        }))
    };
    let one = select(products.clone())
        .prop_flat_map(move |product| (Just(product), slot(1u64..=20), quote(product)))
        .prop_map(|(product, units, quote)| {
            let mut r = object(vec![("product", product.id.as_str().into())]);
            units.put(&mut r, "units", Value::from);
            quote.put(&mut r, "quote", |q| q);
            r
        });
    let line = select(products).prop_flat_map(move |product| (Just(product), slot(1u64..=5), quote(product))).prop_map(
        |(product, units, quote)| {
            let mut l = object(vec![("product", product.id.as_str().into())]);
            units.put(&mut l, "units", Value::from);
            quote.put(&mut l, "quote", |q| q);
            Value::Object(l)
        },
    );
    let fleet = prop::collection::vec(line, 1..=3).prop_map(|lines| object(vec![("fleet", Value::Array(lines))]));
    let incidents = prop_oneof![6 => 0u64..=12, 1 => 0u64..=1000];
    (prop_oneof![one, fleet], incidents, yen(2_000_000))
        .prop_map(|(mut r, incidents, cost)| {
            r.insert("incidents".into(), incidents.into());
            r.insert("repairCost".into(), cost);
            Value::Object(r)
        })
        .boxed()
}

// ---------------------------------------------------------------- generators: faults

/// One deliberate fault in a valid request, placed by the shape of its line of the table (an
/// index picks the field among those it fits; with none, an unknown key).
#[derive(Debug, Clone)]
enum Fault {
    /// A required field left out (or `null`).
    Missing(Index, bool),
    /// A field's name misspelt (one of five ways).
    Typo(Index, usize),
    /// A value of another JSON type.
    WrongType(Index, Value),
    /// An unknown id or choice; a malformed or out-of-range date, instant, count or amount.
    BadValue(Index, Bad),
    /// A date or an instant moved by some days, out of order with the others.
    Moved(Index, i64),
    /// An unknown key, in the request or an object in it.
    Extra(Index, String, Value),
}

/// The bad values a [`Fault::BadValue`] picks from, by the kind of the field.
#[derive(Debug, Clone)]
struct Bad {
    how: usize,
    pick: Index,
    text: String,
    date: String,
    instant: String,
    count: Value,
    amount: Value,
}

fn fault() -> BoxedStrategy<Fault> {
    let text = prop_oneof![any::<String>(), "[a-z0-9-]{1,16}"];
    let date = prop_oneof![
        4 => select(vec![
            "2025-02-29", "2024-02-30", "2026-1-2", "", "0000-01-01", "10000-01-01", "2026-13-01", "２０２６-01-01",
            "2026-11-20T10:00:00+09:00", "0001-01-01", "9999-12-31", "9999-06-01",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    let instant = prop_oneof![
        4 => select(vec![
            "2026-11-20T10:00:00", "2026-11-20", "2026-11-20T24:00:00Z", "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+23:59", "2026-11-20T10:00:00.Z", "2026-11-20 10:00:00+09:00",
            "2026-11-20T10:00:00+24:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    let count = select(vec![json!(-1), json!(1.5), json!(u64::MAX), json!(1e300), json!(0), json!(1001), json!("1")]);
    let amount = select(vec![
        json!("-1"),
        json!("1.5"),
        json!("1e3"),
        json!(""),
        json!(" "),
        json!("79228162514264337593543950336"),
        json!("0.0000000000000000000000000001"),
        json!("８"),
        json!(-5),
        json!(1.5),
        json!("1234567890123456"),
    ]);
    let bad = (0usize..4, any::<Index>(), text, date, instant, count, amount).prop_map(
        |(how, pick, text, date, instant, count, amount)| Bad { how, pick, text, date, instant, count, amount },
    );
    let wrong = prop_oneof![4 => scalar(), 1 => Just(json!([])), 1 => Just(json!({})), 1 => Just(json!(["x"]))];
    let days =
        prop_oneof![(1i64..=40, any::<bool>()), (300i64..=800, any::<bool>())]
            .prop_map(|(n, later)| if later { n } else { -n });
    prop_oneof![
        2 => (any::<Index>(), any::<bool>()).prop_map(|(i, null)| Fault::Missing(i, null)),
        2 => (any::<Index>(), 0usize..5).prop_map(|(i, n)| Fault::Typo(i, n)),
        2 => (any::<Index>(), wrong).prop_map(|(i, v)| Fault::WrongType(i, v)),
        4 => (any::<Index>(), bad).prop_map(|(i, b)| Fault::BadValue(i, b)),
        2 => (any::<Index>(), days).prop_map(|(i, d)| Fault::Moved(i, d)),
        1 => (any::<Index>(), "[a-zA-Z]{1,12}", scalar()).prop_map(|(i, k, v)| Fault::Extra(i, k, v)),
    ]
    .boxed()
}

/// A line's requests: valid ones, and one in four with a fault.
fn request(f: &'static Function) -> BoxedStrategy<Value> {
    prop_oneof![
        3 => (f.valid)(),
        1 => ((f.valid)(), fault()).prop_map(move |(request, fault)| with_fault(request, f.request, &fault)),
    ]
    .boxed()
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    At(usize),
}

/// A place in a request a fault can go: a field of an object, or an item of a list.
#[derive(Debug, Clone)]
struct Site {
    path: Vec<Step>,
    kind: Kind,
    required: bool,
    named: bool,
}

/// The sites of a value of a kind, and the paths of its objects.
fn sites(value: &Value, kind: Kind, path: &mut Vec<Step>, found: &mut Vec<Site>, objects: &mut Vec<Vec<Step>>) {
    match (kind, value) {
        (Kind::Object(fields), Value::Object(map)) => {
            objects.push(path.clone());
            for f in fields {
                if let Some(v) = map.get(f.name) {
                    path.push(Step::Key(f.name.to_owned()));
                    found.push(Site { path: path.clone(), kind: f.kind, required: f.required, named: true });
                    sites(v, f.kind, path, found, objects);
                    path.pop();
                }
            }
        }
        (Kind::List(item), Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Step::At(i));
                found.push(Site { path: path.clone(), kind: *item, required: false, named: false });
                sites(v, *item, path, found, objects);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'v>(mut value: &'v mut Value, path: &[Step]) -> &'v mut Value {
    for step in path {
        value = match step {
            Step::Key(k) => &mut value[k.as_str()],
            Step::At(i) => &mut value[*i],
        };
    }
    value
}

/// The object holding a named site, and the site's key.
fn parent<'v>(request: &'v mut Value, site: &Site) -> (&'v mut Map<String, Value>, String) {
    let (Some(Step::Key(key)), path) = (site.path.last(), &site.path[..site.path.len() - 1]) else {
        panic!("not a named site: {site:?}")
    };
    (at(request, path).as_object_mut().unwrap(), key.clone())
}

/// A misspelling of a field's name.
fn typo(name: &str, how: usize) -> String {
    match how {
        0 => format!("{name}s"),
        1 => name[..1].to_uppercase() + &name[1..],
        2 => name[..name.len() - 1].to_owned(),
        3 if name.bytes().any(|b| b.is_ascii_uppercase()) => name
            .chars()
            .flat_map(|c| if c.is_ascii_uppercase() { vec!['_', c.to_ascii_lowercase()] } else { vec![c] })
            .collect(),
        _ => format!("{name} "),
    }
}

/// A bad value for a site of a kind (`None` for a kind that takes any value of its type).
fn bad_value(kind: Kind, current: &Value, bad: &Bad) -> Option<Value> {
    let c = catalog();
    let upper = || Value::String(current.as_str().unwrap_or_default().to_uppercase());
    Some(match kind {
        Kind::Plan(family) => {
            let others: Vec<&str> = c.plans.iter().filter(|p| p.family != family).map(|p| p.id.as_str()).collect();
            match bad.how {
                0 => bad.text.clone().into(),
                1 | 2 => (*bad.pick.get(&others)).into(),
                _ => upper(),
            }
        }
        Kind::Product(family) => match bad.how {
            0 => bad.text.clone().into(),
            // Of another family, or of this one (it may not offer the plan).
            1 => bad.pick.get(&c.products.iter().filter(|p| p.family != family).collect::<Vec<_>>()).id.clone().into(),
            2 => bad.pick.get(&c.products_of(family)).id.clone().into(),
            _ => upper(),
        },
        Kind::OneOf(values) => match bad.how {
            0 | 1 => bad.text.clone().into(),
            // A near miss: a choice with a space after it.
            _ => format!("{} ", bad.pick.get(values)).into(),
        },
        Kind::Date => bad.date.clone().into(),
        Kind::Instant => bad.instant.clone().into(),
        Kind::Count => bad.count.clone(),
        Kind::Amount => bad.amount.clone(),
        Kind::Text | Kind::Bool | Kind::List(_) | Kind::Object(_) => return None,
    })
}

/// A date or an instant moved by some days, written as it was.
fn moved(current: &Value, days: i64) -> Option<Value> {
    let text = current.as_str()?;
    if let Some((y, m, d)) = parse_date(text) {
        return Some(date_of(days_from_civil(y, m, d) + days));
    }
    let t = parse_instant(text)?;
    let style = Style { offset_minutes: t.offset_minutes, zulu: text.ends_with(['Z', 'z']), fraction: t.fraction };
    Some(instant_of(t.unix + days * DAY, &style))
}

/// A valid request with one fault, where the shape has a site for it (else an unknown key).
fn with_fault(mut request: Value, shape: &'static [Field], fault: &Fault) -> Value {
    let (mut found, mut objects) = (Vec::new(), Vec::new());
    sites(&request, Kind::Object(shape), &mut Vec::new(), &mut found, &mut objects);
    let pick = |i: &Index, fits: &dyn Fn(&Site) -> bool| {
        let fitting: Vec<&Site> = found.iter().filter(|s| fits(s)).collect();
        (!fitting.is_empty()).then(|| (*i.get(&fitting)).clone())
    };
    let done = match fault {
        Fault::Missing(i, null) => pick(i, &|s| s.named && s.required).map(|site| {
            let (map, key) = parent(&mut request, &site);
            if *null {
                map.insert(key, Value::Null);
            } else {
                map.remove(&key);
            }
        }),
        Fault::Typo(i, how) => pick(i, &|s| s.named).map(|site| {
            let (map, key) = parent(&mut request, &site);
            let misspelt = typo(&key, *how);
            *map = std::mem::take(map)
                .into_iter()
                .map(|(k, v)| if k == key { (misspelt.clone(), v) } else { (k, v) })
                .collect();
        }),
        Fault::WrongType(i, value) => pick(i, &|_| true).map(|site| *at(&mut request, &site.path) = value.clone()),
        Fault::BadValue(i, bad) => {
            let value = |s: &Site, request: &Value| bad_value(s.kind, value_at(request, &s.path), bad);
            pick(i, &|s| value(s, &request).is_some()).map(|site| {
                let new = value(&site, &request).unwrap();
                *at(&mut request, &site.path) = new;
            })
        }
        Fault::Moved(i, days) => pick(i, &|s| matches!(s.kind, Kind::Date | Kind::Instant)).and_then(|site| {
            let new = moved(value_at(&request, &site.path), *days)?;
            *at(&mut request, &site.path) = new;
            Some(())
        }),
        Fault::Extra(i, key, value) => {
            let path = i.get(&objects).clone();
            at(&mut request, &path).as_object_mut().map(|map| {
                map.insert(key.clone(), value.clone());
            })
        }
    };
    if done.is_none() {
        if let Some(map) = request.as_object_mut() {
            map.insert("unknownField".into(), Value::Bool(true));
        }
    }
    request
}

fn value_at<'v>(mut value: &'v Value, path: &[Step]) -> &'v Value {
    for step in path {
        value = match step {
            Step::Key(k) => &value[k.as_str()],
            Step::At(i) => &value[*i],
        };
    }
    value
}

fn scalar() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
    ]
    .boxed()
}

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A function of the table with one of its requests.
fn call() -> impl Strategy<Value = (&'static str, Value)> {
    let calls: Vec<BoxedStrategy<(&'static str, Value)>> = FUNCTIONS
        .iter()
        .map(|f| {
            let name = f.name;
            request(f).prop_map(move |r| (name, r)).boxed()
        })
        .collect();
    prop::strategy::Union::new(calls)
}

// ---------------------------------------------------------------- the checks

/// An error must be typed: a code of the contract and a one-line message.
fn check_error(e: &coverage_calc::Error) {
    assert!(ErrorCode::ALL.contains(&e.code()), "unlisted code {:?}", e.code());
    assert!(!e.message().trim().is_empty(), "{:?} with an empty message", e.code());
    assert!(
        e.message().lines().count() == 1 && !e.message().contains(['\r', '\u{2028}']),
        "not one line: {:?}",
        e.message()
    );
}

/// Calls the API; checks an error, parses an answer.
fn answer_of(function: &str, request: &str) -> Result<(String, Value), coverage_calc::Error> {
    match call_json(function, request) {
        Ok(text) => {
            let value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{function}: the answer is not JSON ({e}): {text}"));
            Ok((text, value))
        }
        Err(e) => {
            check_error(&e);
            Err(e)
        }
    }
}

/// Keys whose numbers or amounts may legitimately be negative. None so far; a function that
/// needs one (a signed difference in `compare`?) adds its key here, with the reason.
const SIGNED: &[&str] = &[];

/// The invariants every answer keeps, checked anywhere in the answer tree.
fn check_answer(value: &Value, path: &str) {
    match value {
        Value::Object(map) => {
            check_object(map, path);
            for (k, v) in map {
                if !SIGNED.contains(&k.as_str()) {
                    check_answer(v, &format!("{path}.{k}"));
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_answer(v, &format!("{path}[{i}]"));
            }
        }
        Value::Number(n) => {
            assert!(n.as_f64().is_some_and(|f| f >= 0.0), "{path}: negative number {n}");
        }
        Value::String(s) => {
            if let Some(t) = parse_instant(s) {
                assert_eq!(t.offset_minutes, 9 * 60, "{path}: answers give Japan time, not {s}");
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

fn check_object(map: &Map<String, Value>, path: &str) {
    let text = |k: &str| map.get(k).and_then(Value::as_str);
    let int = |k: &str| map.get(k).and_then(Value::as_u64);
    // A period: ends on or after its start.
    if let (Some(start), Some(end)) = (text("start").and_then(parse_date), text("end").and_then(parse_date)) {
        assert!(end >= start, "{path}: a period from {start:?} ending {end:?}");
    }
    // A count: left ≤ given, and what is used and left never exceeds what was given.
    if let (Some(given), Some(left)) = (int("given"), int("left")) {
        assert!(left <= given, "{path}: {left} left of {given} given");
        if let Some(used) = int("used") {
            assert!(used + left <= given, "{path}: {used} used + {left} left > {given} given");
        }
    }
    // A window: the deadline is its opening plus its length, exactly; the deadline is in the
    // window itself, or next to it (`{window: {opensAt, hours}, deadline}`).
    let window = map.get("window").and_then(Value::as_object).unwrap_or(map);
    let window_text = |k: &str| window.get(k).and_then(Value::as_str);
    let opens_hours = (window_text("opensAt"), window.get("hours").and_then(Value::as_u64));
    let deadline = window_text("deadline").or(text("deadline"));
    if let ((Some(opens), Some(hours)), Some(deadline)) = (opens_hours, deadline) {
        let (opens, deadline) = (parse_instant(opens).unwrap(), parse_instant(deadline).unwrap());
        assert_eq!(deadline.unix - opens.unix, hours as i64 * 3600, "{path}: deadline ≠ opening + {hours} h");
        assert_eq!(deadline.fraction, opens.fraction, "{path}: deadline ≠ opening + {hours} h (fraction)");
    }
    // Money: an amount is an exact decimal, never negative.
    if let Some(amount) = map.get("amount").filter(|_| map.contains_key("currency")) {
        let amount = amount.as_str().unwrap_or_else(|| panic!("{path}.amount is not a string: {amount}"));
        let amount = Decimal::from_str(amount).unwrap_or_else(|e| panic!("{path}.amount `{amount}`: {e}"));
        assert!(!amount.is_sign_negative() || amount.is_zero(), "{path}: negative amount {amount}");
    }
    if map.get("status").and_then(Value::as_str) == Some("published") && map.contains_key("currency") {
        assert!(map.contains_key("amount"), "{path}: a published fee without an amount");
    }
}

/// Function-specific invariants, on top of [`check_answer`].
fn check_function(function: &str, request: &Value, answer: &Value) {
    match function {
        "buy" => {
            assert_eq!(
                answer["deadline"].is_null(),
                answer["window"].is_null(),
                "buy: a deadline exactly with a window"
            );
            assert_eq!(answer["eligible"], answer["closed"].is_null(), "buy: eligible exactly when not closed");
            assert_eq!(answer["eligible"], !answer["service"].is_null(), "buy: a service period exactly when eligible");
            assert!(answer["flyawayMax"].as_u64() <= answer["replacements"].as_u64());
        }
        "status" => {
            assert_eq!(answer["period"]["start"], request["start"], "status: the period starts at `start`");
            assert_eq!(answer["active"], answer["state"] == "active");
        }
        _ => {}
    }
    if let Some(rules) = answer.get("rules") {
        assert!(rules.as_array().is_some_and(|r| !r.is_empty()), "{function}: an answer lists its rules");
    }
}

/// The same request with its keys in reverse order, and its instants written in UTC.
fn rewritten(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(map.iter().rev().map(|(k, v)| (k.clone(), rewritten(v))).collect()),
        Value::Array(items) => Value::Array(items.iter().map(rewritten).collect()),
        Value::String(s) => Value::String(parse_instant(s).and_then(|t| t.in_utc()).unwrap_or_else(|| s.clone())),
        other => other.clone(),
    }
}

fn check_call(function: &str, request: &Value) -> Result<(), TestCaseError> {
    let text = request.to_string();
    let first = answer_of(function, &text);
    // The same request gives the same answer (or the same error).
    let again = call_json(function, &text);
    prop_assert_eq!(first.as_ref().map(|(t, _)| t.clone()).map_err(Clone::clone), again);
    let other = call_json(function, &rewritten(request).to_string());
    match &first {
        Ok((answer, value)) => {
            check_answer(value, function);
            check_function(function, request, value);
            prop_assert_eq!(Some(answer), other.as_ref().ok(), "the same request rewritten (keys, offsets)");
        }
        Err(e) if is_unknown_function(e) => {}
        // An error may change with the key order (the first bad field is reported), not into an answer.
        Err(_) => prop_assert!(other.is_err(), "an error became an answer when rewritten: {:?}", other),
    }
    Ok(())
}

fn config(default_cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(default_cases);
    // No regression files: a failure prints its minimal input, which becomes a unit test.
    Config { cases, failure_persistence: None, ..Config::default() }
}

proptest! {
    #![proptest_config(config(256))]

    /// Any text, to any function (and to names that are no function).
    #[test]
    fn any_string_answers_or_errs(function in prop_oneof![4 => prop::sample::select(FUNCTIONS).prop_map(|f| f.name.to_owned()), 1 => any::<String>()],
                                  request in any::<String>()) {
        if let Ok((_, value)) = answer_of(&function, &request) {
            check_answer(&value, &function);
        }
    }

    /// Any JSON value, to every function.
    #[test]
    fn any_json_answers_or_errs(request in any_json()) {
        let text = request.to_string();
        for f in FUNCTIONS {
            if let Ok((_, value)) = answer_of(f.name, &text) {
                check_answer(&value, f.name);
            }
        }
    }
}

proptest! {
    #![proptest_config(config(5000))]

    /// Plausible requests: answers keep every invariant, the same request gives the same answer.
    #[test]
    fn requests_keep_the_invariants((function, request) in call()) {
        check_call(function, &request)?;
    }
}

/// A request generator that mostly yields errors would make the test above nearly vacuous:
/// every line of the table must be answered in more than half of its requests, and must still
/// give errors (the faults). Prints each line's counts (`-- --nocapture` not needed: stderr).
#[test]
fn the_generators_reach_answers() {
    use proptest::strategy::ValueTree;
    const REQUESTS: usize = 500;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut failures = Vec::new();
    for f in FUNCTIONS.iter().filter(|f| exists(f.name)) {
        let strategy = request(f);
        let (mut answers, mut errors) = (0, BTreeMap::<&str, usize>::new());
        for _ in 0..REQUESTS {
            let request = strategy.new_tree(&mut runner).unwrap().current();
            match call_json(f.name, &request.to_string()) {
                Ok(_) => answers += 1,
                Err(e) => *errors.entry(e.code().as_str()).or_default() += 1,
            }
        }
        let counts = format!("{}: {answers} answers of {REQUESTS}, errors {errors:?}", f.label);
        let _ = writeln!(std::io::stderr(), "{counts}");
        if answers * 2 <= REQUESTS {
            failures.push(format!("{counts}: half or fewer answered"));
        }
        if errors.is_empty() {
            failures.push(format!("{counts}: no error case"));
        }
    }
    assert!(failures.is_empty(), "generators off target:\n{}", failures.join("\n"));
}

/// A shared Plus contract's pool (EN-5, EN-6) is never negative: whatever the claims, what is
/// left of the limit is ≥ 0 and no more than the limit. Runs once `plusContract` exists.
#[test]
fn plus_contract_pool_is_never_negative() {
    if !exists("plusContract") {
        return;
    }
    let mut runner = proptest::test_runner::TestRunner::new(config(1000));
    let line = FUNCTIONS.iter().find(|f| f.name == "plusContract").unwrap();
    let result = runner.run(&request(line), |request| {
        if let Ok((_, answer)) = answer_of("plusContract", &request.to_string()) {
            check_answer(&answer, "plusContract");
            check_pools(&answer, "plusContract");
        }
        Ok(())
    });
    result.unwrap();
}

/// Every object under a key naming a pool or a limit: each amount ≥ 0, and `left` ≤ `limit`.
fn check_pools(value: &Value, path: &str) {
    let money = |v: Option<&Value>| {
        v.and_then(|v| v.get("amount").or(Some(v))).and_then(Value::as_str).and_then(|s| Decimal::from_str(s).ok())
    };
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = k.to_ascii_lowercase();
                if key.contains("pool") || key.contains("limit") || key.contains("left") || key.contains("remaining") {
                    if let Some(amount) = money(Some(v)) {
                        assert!(amount >= Decimal::ZERO, "{path}.{k}: {amount} is negative");
                    }
                }
                check_pools(v, &format!("{path}.{k}"));
            }
            if let (Some(left), Some(limit)) = (money(map.get("left")), money(map.get("limit"))) {
                assert!(left <= limit, "{path}: {left} left of a {limit} limit");
            }
        }
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| check_pools(v, &format!("{path}[{i}]"))),
        _ => {}
    }
}

/// Deep nesting and huge values: errors, not stack overflows or hangs.
#[test]
fn deep_and_huge_requests_are_errors() {
    for f in FUNCTIONS.iter().filter(|f| f.name != "catalog" && exists(f.name)) {
        for text in [
            "[".repeat(100_000),
            format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)),
            format!("{{\"plan\":\"{}\"}}", "x".repeat(1 << 20)),
            "1e999999".to_owned(),
            format!("{{\"now\":{}}}", "9".repeat(10_000)),
        ] {
            let e = call_json(f.name, &text).expect_err(f.name);
            check_error(&e);
            assert!(e.message().len() < 400, "{}: a message of {} bytes", f.name, e.message().len());
        }
    }
}

// ---------------------------------------------------------------- a small, independent reader

fn month_length(y: i64, m: i64) -> i64 {
    const LENGTHS: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = (y % 400 == 0) || (y % 100 != 0 && y % 4 == 0);
    if m == 2 && leap {
        29
    } else {
        LENGTHS[(m - 1) as usize]
    }
}

fn parse_date(s: &str) -> Option<(i64, i64, i64)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !s.is_char_boundary(10) {
        return None;
    }
    let (y, m, d) = (s[..4].parse().ok()?, s[5..7].parse().ok()?, s[8..].parse().ok()?);
    ((1..=12).contains(&m) && d >= 1 && d <= month_length(y, m) && s[..4].bytes().all(|c| c.is_ascii_digit()))
        .then_some((y, m, d))
}

/// Days since 1970-01-01 (H. Hinnant's algorithm, written again here).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[derive(Debug)]
struct ParsedInstant {
    unix: i64,
    fraction: String,
    offset_minutes: i64,
}

impl ParsedInstant {
    /// The same instant written in UTC, when its UTC date is still 0001 … 9999.
    fn in_utc(&self) -> Option<String> {
        let (days, secs) = (self.unix.div_euclid(86_400), self.unix.rem_euclid(86_400));
        let (y, m, d) = civil_from_days(days);
        (1..=9999).contains(&y).then(|| {
            let frac = if self.fraction.is_empty() { String::new() } else { format!(".{}", self.fraction) };
            format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{frac}Z", secs / 3600, secs % 3600 / 60, secs % 60)
        })
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.f]±HH:MM` or `…Z`; `None` for anything else.
fn parse_instant(s: &str) -> Option<ParsedInstant> {
    if !s.is_ascii() || s.len() < 20 || !matches!(s.as_bytes()[10], b'T' | b't' | b' ') {
        return None;
    }
    let (y, mo, d) = parse_date(&s[..10])?;
    let time: Vec<i64> = s[11..19].split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let [h, mi, sec] = time[..] else { return None };
    if h > 23 || mi > 59 || sec > 59 || &s[13..14] != ":" || &s[16..17] != ":" {
        return None;
    }
    let mut rest = &s[19..];
    let mut fraction = String::new();
    if let Some(after) = rest.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=9).contains(&n) {
            return None;
        }
        fraction = after[..n].trim_end_matches('0').to_owned();
        rest = &after[n..];
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && &rest[3..4] == ":" => {
            let sign = match &rest[..1] {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let (oh, om) = (rest[1..3].parse::<i64>().ok()?, rest[4..6].parse::<i64>().ok()?);
            if oh > 23 || om > 59 || !rest[1..].bytes().all(|c| c.is_ascii_digit() || c == b':') {
                return None;
            }
            sign * (oh * 60 + om)
        }
        _ => return None,
    };
    let unix = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec - offset_minutes * 60;
    Some(ParsedInstant { unix, fraction, offset_minutes })
}

#[test]
fn the_reader_reads() {
    let t = parse_instant("2026-11-20T10:00:00.500+09:00").unwrap();
    assert_eq!((t.fraction.as_str(), t.offset_minutes), ("5", 540));
    assert_eq!(t.in_utc().unwrap(), "2026-11-20T01:00:00.5Z");
    assert_eq!(parse_instant("1970-01-01T00:00:00Z").unwrap().unix, 0);
    assert_eq!(parse_instant("1970-01-02T00:00:00-01:00").unwrap().unix, 86_400 + 3600);
    assert!(parse_instant("0001-01-01T00:00:00+09:00").unwrap().in_utc().is_none());
    for bad in ["2026-11-20", "2026-11-20T10:00:00.Z", "2026-11-20T24:00:00Z", "2026-11-20T10:00:00+24:00"] {
        assert!(parse_instant(bad).is_none(), "{bad}");
    }
    assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
    assert_eq!(parse_date("2025-02-29"), None);
    // The invariants can fail: a window one second short, a negative fee, a period backwards.
    let bad = [
        json!({"opensAt": "2026-11-20T10:00:00+09:00", "hours": 48, "deadline": "2026-11-22T09:59:59+09:00"}),
        json!({"window": {"opensAt": "2026-11-20T10:00:00+09:00", "hours": 48}, "deadline": "2026-11-22T10:00:01+09:00"}),
        json!({"status": "published", "amount": "-1", "currency": "JPY"}),
        json!({"start": "2026-11-20", "end": "2026-11-19"}),
        json!({"given": 2, "used": 1, "left": 2}),
        json!({"at": "2026-11-20T10:00:00Z"}),
        json!({"n": -1}),
    ];
    for b in bad {
        assert!(std::panic::catch_unwind(|| check_answer(&b, "$")).is_err(), "{b} passed");
    }
    check_answer(
        &json!({"opensAt": "2026-11-20T10:00:00.5+09:00", "hours": 48, "deadline": "2026-11-22T10:00:00.5+09:00"}),
        "$",
    );
}
