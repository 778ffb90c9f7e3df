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
//! - Plausible requests, generated from the table [`FUNCTIONS`] (random dates, instants at
//!   random offsets, products and plans of the catalog, claims; now and then a field missing,
//!   `null` or of the wrong type) → the same, and every answer keeps the invariants of
//!   [`check_answer`], whatever the function: a period ends on or after its start; a count has
//!   `used + left ≤ given`; a window's deadline is its opening plus its hours exactly; money and
//!   numbers are never negative; instants are Japan time. The same request gives the same answer,
//!   with its keys in another order and with its instants written at another offset.
//!
//! The invariants read only the JSON answer, so a new function is checked by adding its line
//! to [`FUNCTIONS`]. A function the build does not have yet (the `unknown function` error) is
//! skipped with a note on stderr. Cases per property: `PROPTEST_CASES` (default below).

use std::collections::BTreeSet;
use std::io::Write as _;
use std::str::FromStr;
use std::sync::{LazyLock, Mutex};

use coverage_calc::api::call_json;
use coverage_calc::ErrorCode;
use proptest::prelude::*;
use proptest::test_runner::Config;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------- the table of functions

/// What a field of a request holds; the generator draws mostly valid values of that kind.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// A plan id of the catalog, of this family if one is given (now and then any plan, or
    /// another string).
    Plan(Option<&'static str>),
    /// A product id of the catalog, of this family if one is given (now and then any product,
    /// or another string).
    Product(Option<&'static str>),
    /// An RFC 3339 instant at a random offset (now and then a malformed one).
    Instant,
    /// A `YYYY-MM-DD` date (now and then a malformed one).
    Date,
    /// One of these strings (now and then another one).
    OneOf(&'static [&'static str]),
    /// A whole number up to this.
    Count(u64),
    /// A decimal amount as a string, e.g. `"12000"`.
    Amount,
    /// A boolean.
    Bool,
    /// A list of up to this many values of a kind.
    List(&'static Kind, usize),
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

/// One function of the JSON API and the shape of a request to it (a function may have several
/// lines, e.g. one per plan family).
#[derive(Debug, Clone, Copy)]
struct Function {
    name: &'static str,
    request: &'static [Field],
}

const CR: Option<&str> = Some("care-refresh");
const EN: Option<&str> = Some("care-enterprise");

const CLAIM: &[Field] =
    &[req("kind", Kind::OneOf(&["replacement", "flyaway", "warranty-repair"])), req("date", Kind::Date)];
const REGIONS: &[&str] = &["JP", "jp", "UK", "GB", "US", "EU", "XX", "", " jp "];

const BUY: &[Field] = &[
    req("plan", Kind::Plan(CR)),
    req("product", Kind::Product(CR)),
    opt("activatedAt", Kind::Instant),
    opt("invitationAt", Kind::Instant),
    opt("channel", Kind::OneOf(&["separate", "with-product"])),
    opt("shippingDate", Kind::Date),
    opt("region", Kind::OneOf(REGIONS)),
    req("now", Kind::Instant),
];

const STATUS: &[Field] = &[
    req("plan", Kind::Plan(CR)),
    req("product", Kind::Product(CR)),
    req("start", Kind::Date),
    opt("boughtOn", Kind::Date),
    opt("chain", Kind::List(&Kind::Plan(CR), 3)),
    opt("claims", Kind::List(&Kind::Object(CLAIM), 5)),
    req("now", Kind::Instant),
];

const IPRO: &[Field] = &[
    req("kind", Kind::OneOf(&["camera", "recorder", "accessory", "non-repairable"])),
    req("deliveryDate", Kind::Date),
    opt("partnersCircleMember", Kind::Bool),
    opt("onFiveYearList", Kind::Bool),
    opt("inJapan", Kind::Bool),
    opt("failed", Kind::OneOf(&["unit", "hdd", "software"])),
    req("now", Kind::Instant),
];

// DJI Care Enterprise (EN-1 … EN-13), as in `src/types.d.ts`.
const EN_NEW: &[&str] = &["enterprise-basic", "enterprise-plus"];
const EN_RENEW: &[&str] = &["enterprise-basic-renew", "enterprise-plus-renew"];
const EN_ALL: &[&str] = &["enterprise-basic", "enterprise-plus", "enterprise-basic-renew", "enterprise-plus-renew"];
const OWNERS: &[&str] = &["A社", "B社"];
const MEMBER_IDS: &[&str] = &["#1", "#2", "#3", "#4"];
const EN_BUY_NEW: &[Field] = &[
    req("plan", Kind::OneOf(EN_NEW)),
    req("product", Kind::Product(EN)),
    opt("activatedAt", Kind::Instant),
    opt("invitationAt", Kind::Instant),
    opt("region", Kind::OneOf(REGIONS)),
    req("now", Kind::Instant),
];
const HELD: &[Field] =
    &[req("start", Kind::Date), opt("replacementsUsed", Kind::Count(3)), opt("claimed", Kind::Amount)];
const EN_BUY_RENEW: &[Field] = &[
    req("plan", Kind::OneOf(EN_RENEW)),
    req("product", Kind::Product(EN)),
    req("held", Kind::Object(HELD)),
    opt("videoInspectionPassed", Kind::Bool),
    opt("region", Kind::OneOf(REGIONS)),
    req("now", Kind::Instant),
];
const EN_CLAIM: &[Field] = &[req("date", Kind::Date), opt("amount", Kind::Amount)];
const EN_STATUS: &[Field] = &[
    req("plan", Kind::OneOf(EN_ALL)),
    req("product", Kind::Product(EN)),
    req("start", Kind::Date),
    opt("claims", Kind::List(&Kind::Object(EN_CLAIM), 4)),
    opt("videoInspectionPassed", Kind::Bool),
    req("now", Kind::Instant),
];
const MEMBER: &[Field] = &[
    req("product", Kind::Product(EN)),
    req("date", Kind::Date),
    opt("owner", Kind::OneOf(OWNERS)),
    opt("region", Kind::OneOf(REGIONS)),
    opt("videoInspectionPassed", Kind::Bool),
];
const CONTRACT_CLAIM: &[Field] =
    &[req("member", Kind::OneOf(MEMBER_IDS)), req("date", Kind::Date), req("amount", Kind::Amount)];
const PLUS_CONTRACT: &[Field] = &[
    req("activatedOn", Kind::Date),
    req("owner", Kind::OneOf(OWNERS)),
    opt("region", Kind::OneOf(REGIONS)),
    opt("members", Kind::List(&Kind::Object(MEMBER), 4)),
    opt("claims", Kind::List(&Kind::Object(CONTRACT_CLAIM), 4)),
    req("now", Kind::Instant),
];
const FLEET_LINE: &[Field] = &[req("product", Kind::Product(EN)), opt("units", Kind::Count(5))];
const COMPARE: &[Field] = &[
    opt("product", Kind::Product(EN)),
    opt("units", Kind::Count(20)),
    opt("fleet", Kind::List(&Kind::Object(FLEET_LINE), 3)),
    req("incidents", Kind::Count(10)),
    req("repairCost", Kind::Amount),
];

/// Every function of the API. A new function is one line here.
const FUNCTIONS: &[Function] = &[
    Function { name: "catalog", request: &[] },
    Function { name: "buy", request: BUY },
    Function { name: "status", request: STATUS },
    Function { name: "buy", request: EN_BUY_NEW },
    Function { name: "buy", request: EN_BUY_RENEW },
    Function { name: "status", request: EN_STATUS },
    Function { name: "ipro", request: IPRO },
    Function { name: "plusContract", request: PLUS_CONTRACT },
    Function { name: "compare", request: COMPARE },
];

// ---------------------------------------------------------------- catalog and notes

struct Catalog {
    /// (id, family) of every plan and product.
    plans: Vec<(String, String)>,
    products: Vec<(String, String)>,
}

impl Catalog {
    fn ids(list: &'static [(String, String)], family: Option<&str>) -> Vec<String> {
        list.iter().filter(|(_, f)| family.is_none_or(|family| f == family)).map(|(id, _)| id.clone()).collect()
    }
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    let answer: Value = serde_json::from_str(&call_json("catalog", "{}").unwrap()).unwrap();
    let ids = |key: &str| -> Vec<(String, String)> {
        let list = answer[key].as_array().unwrap().iter();
        list.map(|p| (p["id"].as_str().unwrap().to_owned(), p["family"].as_str().unwrap().to_owned())).collect()
    };
    let catalog = Catalog { plans: ids("plans"), products: ids("products") };
    assert!(catalog.plans.len() >= 2 && catalog.products.len() >= 2, "an empty catalog proves nothing");
    catalog
});

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

// ---------------------------------------------------------------- generators

fn date_parts() -> impl Strategy<Value = (i64, i64, i64)> {
    let year = prop_oneof![
        8 => 2019i64..=2030,
        1 => 1i64..=9999,
        1 => prop::sample::select(vec![1i64, 2000, 2100, 9998, 9999]),
    ];
    (year, 1i64..=12, 1i64..=31).prop_map(|(y, m, d)| (y, m, d.min(month_length(y, m))))
}

fn date_text() -> BoxedStrategy<String> {
    prop_oneof![
        12 => date_parts().prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => prop::sample::select(vec!["2025-02-29", "2024-02-30", "2026-1-2", "", "0000-01-01", "10000-01-01", "2026-13-01", "２０２６-01-01"])
            .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
    .boxed()
}

fn offset_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just("+09:00".to_owned()),
        2 => Just("Z".to_owned()),
        4 => (any::<bool>(), 0u32..=23, 0u32..=59)
            .prop_map(|(minus, h, m)| format!("{}{h:02}:{m:02}", if minus { '-' } else { '+' })),
    ]
}

fn instant_text() -> BoxedStrategy<String> {
    let fraction = prop_oneof![4 => Just(String::new()), 1 => (1u32..=9, any::<u32>()).prop_map(|(n, v)| {
        let digits = format!("{:09}", v % 1_000_000_000);
        format!(".{}", &digits[..n as usize])
    })];
    let valid = (date_parts(), 0u32..=23, 0u32..=59, 0u32..=59, fraction, offset_text())
        .prop_map(|((y, mo, d), h, mi, s, f, o)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{f}{o}"));
    prop_oneof![
        14 => valid,
        1 => prop::sample::select(vec![
            "2026-11-20T10:00:00", "2026-11-20", "2026-11-20T24:00:00Z", "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+23:59", "2026-11-20T10:00:00.Z", "2026-11-20 10:00:00+09:00",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
    .boxed()
}

fn id_from(list: &'static [(String, String)], family: Option<&str>) -> BoxedStrategy<Value> {
    let (of_family, all) = (Catalog::ids(list, family), Catalog::ids(list, None));
    assert!(!of_family.is_empty(), "no id of family {family:?} in the catalog");
    prop_oneof![
        24 => prop::sample::select(of_family).prop_map(Value::String),
        2 => prop::sample::select(all.clone()).prop_map(Value::String),
        1 => any::<String>().prop_map(Value::String),
        1 => prop::sample::select(all).prop_map(|id| Value::String(id.to_uppercase())),
    ]
    .boxed()
}

/// A value of a kind (mostly valid).
fn value_of(kind: Kind) -> BoxedStrategy<Value> {
    match kind {
        Kind::Plan(family) => id_from(&CATALOG.plans, family),
        Kind::Product(family) => id_from(&CATALOG.products, family),
        Kind::Instant => instant_text().prop_map(Value::String).boxed(),
        Kind::Date => date_text().prop_map(Value::String).boxed(),
        Kind::OneOf(values) => prop_oneof![
            9 => prop::sample::select(values).prop_map(|v| Value::String(v.to_owned())),
            1 => any::<String>().prop_map(Value::String),
        ]
        .boxed(),
        Kind::Count(max) => prop_oneof![
            9 => (0..=max).prop_map(Value::from),
            1 => prop::sample::select(vec![json!(-1), json!(1.5), json!(u64::MAX), json!(1e300)]),
        ]
        .boxed(),
        Kind::Amount => prop_oneof![
            9 => (0u64..=10_000_000).prop_map(|n| Value::String(n.to_string())),
            1 => prop::sample::select(vec!["-1", "1.5", "1e3", "", "79228162514264337593543950336", "0.0000000000000000000000000001"])
                .prop_map(|s| Value::String(s.to_owned())),
        ]
        .boxed(),
        Kind::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        Kind::List(item, max) => prop::collection::vec(field_value(*item), 0..=max).prop_map(Value::Array).boxed(),
        Kind::Object(fields) => object_of(fields),
    }
}

/// A field's value: mostly of its kind, now and then `null` or of another type.
fn field_value(kind: Kind) -> BoxedStrategy<Value> {
    prop_oneof![
        30 => value_of(kind),
        1 => Just(Value::Null),
        1 => scalar(),
    ]
    .boxed()
}

/// An object with the fields of a request: required ones almost always there, optional ones
/// half the time; now and then an unknown key.
fn object_of(fields: &'static [Field]) -> BoxedStrategy<Value> {
    let parts: Vec<BoxedStrategy<Option<(String, Value)>>> = fields
        .iter()
        .map(|f| {
            let (there, missing) = if f.required { (30, 1) } else { (1, 1) };
            let name = f.name.to_owned();
            prop_oneof![there => field_value(f.kind).prop_map(move |v| Some((name.clone(), v))), missing => Just(None)]
                .boxed()
        })
        .collect();
    let extra = prop_oneof![40 => Just(None), 1 => ("[a-zA-Z]{1,12}", scalar()).prop_map(Some)];
    (parts, extra)
        .prop_map(|(parts, extra)| Value::Object(parts.into_iter().flatten().chain(extra).collect::<Map<_, _>>()))
        .boxed()
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
            object_of(f.request).prop_map(move |r| (name, r)).boxed()
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

/// A request generator that never yields a valid request would make the test above vacuous:
/// most `buy` and some `status` requests must be answered.
#[test]
fn the_generators_reach_answers() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for f in FUNCTIONS.iter().filter(|f| exists(f.name)) {
        let strategy = object_of(f.request);
        let (mut answers, mut codes) = (0, BTreeSet::new());
        for _ in 0..500 {
            let request = strategy.new_tree(&mut runner).unwrap().current();
            match call_json(f.name, &request.to_string()) {
                Ok(_) => answers += 1,
                Err(e) => {
                    codes.insert(e.code().as_str());
                }
            }
        }
        let _ = writeln!(std::io::stderr(), "{}: {answers} answers of 500, errors {codes:?}", f.name);
        assert!(answers >= 25, "{}: only {answers} answers in 500 requests (errors {codes:?})", f.name);
    }
}

/// A shared Plus contract's pool (EN-5, EN-6) is never negative: whatever the claims, what is
/// left of the limit is ≥ 0 and no more than the limit. Runs once `plusContract` exists.
#[test]
fn plus_contract_pool_is_never_negative() {
    if !exists("plusContract") {
        return;
    }
    let mut runner = proptest::test_runner::TestRunner::new(config(1000));
    let result = runner.run(&object_of(PLUS_CONTRACT), |request| {
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
