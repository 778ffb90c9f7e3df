#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    missing_docs
)]
//! Golden cases: one JSON file per scenario under `tests/golden/<area>/<name>.json`, run through
//! the JSON contract (`coverage_calc::api::call_json`), exactly what JavaScript sees.
//!
//! A file holds `description`, `rules` (the docs/rules.md ids it checks), `function` (`catalog`, `buy`,
//! `status` or `ipro`), the request (`request`, a JSON value, or `requestText`, raw text passed as is) and
//! either `expect` (the *whole* answer: every key present and equal, no key more, recursively)
//! or `error` and `field` (the expected error code, and the path of the field it concerns, or
//! `null`). `UPDATE_GOLDEN=1 cargo test --test golden` rewrites
//! each `expect` with today's whole answer (review the diff before committing it). The same files are run through the real wasm package by
//! `tests/node/golden.mjs`.
//!
//! Every failure is collected and reported at the end, each with its file, the JSON path that
//! differs, the expected and the actual value. The run also fails when a rule id of T-1 … T-6,
//! CR-1 … CR-14, EN-1 … EN-13 or IP-1 … IP-6 has no file, or when an error code has no file.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use coverage_calc::ErrorCode;
use serde_json::Value;

/// Codes that no request can reach yet: no golden file is required for them.
const UNREACHABLE_CODES: &[&str] = &["internal", "out_of_range"];

/// Keys a golden file may have.
const KEYS: &[&str] = &["description", "rules", "function", "request", "requestText", "expect", "error", "field"];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden")
}

/// Every `.json` file under `dir`, recursively, sorted. Unreadable directories and stray files
/// are failures, not silently skipped.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, failures: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            failures.push(format!("{}: cannot read directory: {e}", dir.display()));
            return;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => failures.push(format!("{}: cannot read an entry: {e}", dir.display())),
        }
    }
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, files, failures);
        } else if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        } else {
            failures.push(format!("{}: not a .json file in tests/golden", path.display()));
        }
    }
}

/// A JSON path for messages: `$.extension.period.end`, `$.claims[2]`.
fn child(path: &str, key: &str) -> String {
    format!("{path}.{key}")
}

/// Compares `actual` with `expected` exactly, pushing one line per difference: a key absent, a
/// key more, a value that differs, an array of another length.
fn same(expected: &Value, actual: &Value, path: &str, diffs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, e_value) in e {
                match a.get(key) {
                    Some(a_value) => same(e_value, a_value, &child(path, key), diffs),
                    None => diffs.push(format!("{}: expected {e_value}, but the key is absent", child(path, key))),
                }
            }
            for (key, a_value) in a {
                if !e.contains_key(key) {
                    diffs.push(format!("{}: not expected, got {a_value}", child(path, key)));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                diffs.push(format!("{path}: expected an array of {} elements, got {}: {actual}", e.len(), a.len()));
                return;
            }
            for (i, (e_item, a_item)) in e.iter().zip(a).enumerate() {
                same(e_item, a_item, &format!("{path}[{i}]"), diffs);
            }
        }
        _ => {
            if expected != actual {
                diffs.push(format!("{path}: expected {expected}, got {actual}"));
            }
        }
    }
}

/// What a file asks.
struct Case {
    rules: Vec<String>,
    function: String,
    request_text: String,
    outcome: Outcome,
}

enum Outcome {
    Answer(Value),
    /// The code, and the field's path (`null` in the file: about no field).
    Error(String, Option<String>),
}

fn is_rule_id(id: &str) -> bool {
    let Some((prefix, number)) = id.split_once('-') else { return false };
    ["T", "CR", "EN", "IP"].contains(&prefix)
        && !number.is_empty()
        && !number.starts_with('0')
        && number.bytes().all(|b| b.is_ascii_digit())
}

fn known_code(code: &str) -> bool {
    ErrorCode::ALL.iter().any(|c| c.as_str() == code)
}

/// Reads and checks one file; every problem is a message naming what is wrong.
fn read_case(path: &Path) -> Result<Case, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    let Value::Object(file) = value else { return Err("not a JSON object".to_owned()) };
    let unknown: Vec<&String> = file.keys().filter(|k| !KEYS.contains(&k.as_str())).collect();
    if !unknown.is_empty() {
        return Err(format!("unknown keys {unknown:?}; allowed: {KEYS:?}"));
    }
    match file.get("description") {
        Some(Value::String(d)) if !d.trim().is_empty() => {}
        _ => return Err("`description` must be a non-empty string".to_owned()),
    }
    let rules = match file.get("rules") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|r| match r.as_str() {
                Some(id) if is_rule_id(id) => Ok(id.to_owned()),
                _ => Err(format!("`rules` has {r}, not a rule id like \"CR-3\"")),
            })
            .collect::<Result<Vec<_>, _>>()?,
        _ => return Err("`rules` must be an array of rule ids".to_owned()),
    };
    let function = match file.get("function").and_then(Value::as_str) {
        Some(f @ ("catalog" | "buy" | "status" | "ipro" | "plusContract" | "compare")) => f.to_owned(),
        _ => {
            return Err(
                "`function` must be \"catalog\", \"buy\", \"status\", \"ipro\", \"plusContract\" or \"compare\""
                    .to_owned(),
            )
        }
    };
    let request_text = match (file.get("request"), file.get("requestText"), function.as_str()) {
        (None, None, "catalog") => "{}".to_owned(),
        (Some(_), _, "catalog") | (_, Some(_), "catalog") => return Err("`catalog` takes no request".to_owned()),
        (Some(_), Some(_), _) => return Err("has both `request` and `requestText`".to_owned()),
        (Some(request), None, _) => serde_json::to_string(request).map_err(|e| format!("request: {e}"))?,
        (None, Some(Value::String(raw)), _) => raw.clone(),
        (None, Some(_), _) => return Err("`requestText` must be a string".to_owned()),
        (None, None, _) => return Err("has neither `request` nor `requestText`".to_owned()),
    };
    let outcome = match (file.get("expect"), file.get("error")) {
        (Some(expect), None) => Outcome::Answer(expect.clone()),
        (None, Some(Value::String(code))) if known_code(code) => match file.get("field") {
            Some(Value::String(field)) => Outcome::Error(code.clone(), Some(field.clone())),
            Some(Value::Null) => Outcome::Error(code.clone(), None),
            // UPDATE_GOLDEN=1 writes it.
            None if std::env::var_os("UPDATE_GOLDEN").is_some() => Outcome::Error(code.clone(), None),
            _ => return Err("an error case needs `field`: the path it concerns, or null".to_owned()),
        },
        (None, Some(code)) => return Err(format!("`error` {code} is not an error code of ErrorCode::ALL")),
        (Some(_), Some(_)) => return Err("has both `expect` and `error`".to_owned()),
        (None, None) => return Err("has neither `expect` nor `error`".to_owned()),
    };
    Ok(Case { rules, function, request_text, outcome })
}

/// Runs one case; returns the differences (empty when it passes).
fn run_case(case: &Case) -> Vec<String> {
    let mut diffs = Vec::new();
    match (coverage_calc::api::call_json(&case.function, &case.request_text), &case.outcome) {
        (Ok(text), Outcome::Answer(expected)) => match serde_json::from_str::<Value>(&text) {
            Ok(actual) => same(expected, &actual, "$", &mut diffs),
            Err(e) => diffs.push(format!("$: the answer is not JSON ({e}): {text}")),
        },
        (Ok(text), Outcome::Error(code, _)) => diffs.push(format!("$: expected error `{code}`, got an answer: {text}")),
        (Err(e), Outcome::Answer(_)) => {
            diffs.push(format!("$: expected an answer, got error `{}`: {}", e.code().as_str(), e.message()))
        }
        (Err(e), Outcome::Error(code, field)) => {
            if e.code().as_str() != code {
                diffs.push(format!("$.code: expected `{code}`, got `{}` ({})", e.code().as_str(), e.message()));
            }
            if e.field() != field.as_deref() {
                diffs.push(format!("$.field: expected {field:?}, got {:?} ({})", e.field(), e.message()));
            }
        }
    }
    diffs
}

/// `UPDATE_GOLDEN=1`: writes today's whole answer as the file's `expect` (an answer case only;
/// an error case that now answers, or the reverse, still fails).
fn rewrite_expect(path: &Path, case: &Case) -> Result<(), String> {
    let mut file: Value =
        serde_json::from_str(&std::fs::read_to_string(path).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    match (&case.outcome, coverage_calc::api::call_json(&case.function, &case.request_text)) {
        (Outcome::Answer(_), Ok(text)) => file["expect"] = serde_json::from_str(&text).map_err(|e| e.to_string())?,
        (Outcome::Error(code, _), Err(e)) if e.code().as_str() == code => {
            file["field"] = e.field().map_or(Value::Null, |f| Value::String(f.to_owned()));
        }
        _ => return Err("an answer where an error was expected, or the reverse".to_owned()),
    }
    let out = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())? + "\n";
    std::fs::write(path, out).map_err(|e| e.to_string())
}

fn required_rules() -> Vec<String> {
    let t = (1..=6).map(|n| format!("T-{n}"));
    let cr = (1..=14).map(|n| format!("CR-{n}"));
    let en = (1..=13).map(|n| format!("EN-{n}"));
    let ip = (1..=6).map(|n| format!("IP-{n}"));
    t.chain(cr).chain(en).chain(ip).collect()
}

#[test]
fn golden_files() {
    let root = golden_dir();
    let mut failures = Vec::new();
    let mut files = Vec::new();
    walk(&root, &mut files, &mut failures);
    if files.is_empty() {
        failures.push(format!("{}: no golden files", root.display()));
    }
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut rules_seen = BTreeSet::new();
    let mut codes_seen = BTreeSet::new();
    let mut passed = 0usize;
    for path in &files {
        let name = path.strip_prefix(&root).unwrap_or(path).display().to_string();
        let case = match read_case(path) {
            Ok(case) => case,
            Err(why) => {
                failures.push(format!("{name}: malformed golden file: {why}"));
                continue;
            }
        };
        rules_seen.extend(case.rules.iter().cloned());
        if let Outcome::Error(code, _) = &case.outcome {
            codes_seen.insert(code.clone());
        }
        let mut diffs = run_case(&case);
        if update && (!diffs.is_empty() || matches!(case.outcome, Outcome::Error(..))) {
            match rewrite_expect(path, &case) {
                Ok(()) => diffs.clear(),
                Err(why) => diffs.push(format!("cannot update: {why}")),
            }
        }
        if diffs.is_empty() {
            passed += 1;
        }
        failures.extend(diffs.into_iter().map(|d| format!("{name}: {d}")));
    }
    for rule in required_rules() {
        if !rules_seen.contains(&rule) {
            failures.push(format!("rule {rule} is checked by no golden file"));
        }
    }
    for code in ErrorCode::ALL.iter().map(|c| c.as_str()) {
        if !UNREACHABLE_CODES.contains(&code) && !codes_seen.contains(code) {
            failures.push(format!("error code `{code}` has no golden file"));
        }
    }
    if !failures.is_empty() {
        let mut report = format!("{} golden files, {passed} passed; {} failures:\n", files.len(), failures.len());
        for f in &failures {
            let _ = writeln!(report, "  - {f}");
        }
        panic!("{report}");
    }
    eprintln!("{} golden files passed", files.len());
}

fn diffs_of(expected: Value, actual: Value) -> Vec<String> {
    let mut diffs = Vec::new();
    same(&expected, &actual, "$", &mut diffs);
    diffs
}

#[test]
fn same_accepts_the_whole_answer_only() {
    let actual = serde_json::json!({"a": 1, "b": {"c": [1, {"d": 2, "e": 3}], "f": null}, "g": "x"});
    assert!(diffs_of(actual.clone(), actual.clone()).is_empty());
    // A subset is not enough: each key left out is a difference.
    assert_eq!(diffs_of(serde_json::json!({}), actual.clone()).len(), 3);
    assert_eq!(
        diffs_of(serde_json::json!({"a": 1, "b": {"c": [1, {"e": 3}], "f": null}, "g": "x"}), actual),
        ["$.b.c[1].d: not expected, got 2"]
    );
}

#[test]
fn same_rejects_mismatches() {
    let actual = serde_json::json!({"a": 1, "b": {"c": [1, {"d": 2}], "f": null}});
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = actual.clone();
        f(&mut v);
        diffs_of(v, actual.clone())
    };
    // A different scalar, named by its path.
    assert_eq!(with(&|v| v["b"]["c"][1]["d"] = 3.into()), ["$.b.c[1].d: expected 3, got 2"]);
    // A key expected but absent (null expected is not the same as absent).
    assert_eq!(with(&|v| v["z"] = Value::Null).len(), 1);
    // An array of another length, shorter or longer.
    assert_eq!(with(&|v| v["b"]["c"] = serde_json::json!([1])).len(), 1);
    assert_eq!(with(&|v| v["b"]["c"] = serde_json::json!([1, {"d": 2}, 3])).len(), 1);
    // Null against a value, a type mismatch, a string "1" against the number 1.
    assert_eq!(with(&|v| v["b"]["f"] = 0.into()).len(), 1);
    assert_eq!(with(&|v| v["b"] = serde_json::json!([])).len(), 1);
    assert_eq!(with(&|v| v["a"] = "1".into()).len(), 1);
    // Every difference is reported, not only the first.
    assert_eq!(
        with(&|v| {
            v["a"] = 2.into();
            v["b"]["f"] = 1.into()
        })
        .len(),
        2
    );
}

#[test]
fn malformed_files_are_rejected() {
    let dir = std::env::temp_dir().join(format!("coverage-calc-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let check = |name: &str, text: &str, why: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let err = read_case(&path).err().unwrap_or_else(|| panic!("{name} was accepted"));
        assert!(err.contains(why), "{name}: {err}");
    };
    let base = r#""description": "d", "rules": ["CR-1"], "function": "buy", "request": {}"#;
    check("not-json.json", "{", "not JSON");
    check(
        "no-description.json",
        r#"{"rules": [], "function": "buy", "request": {}, "error": "invalid_json"}"#,
        "description",
    );
    check(
        "no-rules.json",
        r#"{"description": "d", "function": "buy", "request": {}, "error": "invalid_json"}"#,
        "rules",
    );
    check(
        "bad-rule.json",
        r#"{"description": "d", "rules": ["CR3"], "function": "buy", "request": {}, "error": "x"}"#,
        "rule id",
    );
    check(
        "no-function.json",
        r#"{"description": "d", "rules": [], "request": {}, "error": "invalid_json"}"#,
        "function",
    );
    check("both.json", &format!(r#"{{{base}, "expect": {{}}, "error": "invalid_json"}}"#), "both");
    check("neither.json", &format!(r#"{{{base}}}"#), "neither");
    check("bad-code.json", &format!(r#"{{{base}, "error": "no_such_code"}}"#), "error code");
    check("typo.json", &format!(r#"{{{base}, "expects": {{}}}}"#), "unknown keys");
    check(
        "no-request.json",
        r#"{"description": "d", "rules": [], "function": "buy", "error": "invalid_json"}"#,
        "neither",
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_wrong_expectation_fails() {
    // The whole path, from file to verdict: a case that expects the wrong thing must not pass.
    let case = Case {
        rules: vec![],
        function: "buy".to_owned(),
        request_text: r#"{"plan": "care-refresh-1y", "product": "dji-mini-4-pro", "now": "2026-11-20T10:00:00+09:00"}"#
            .to_owned(),
        outcome: Outcome::Answer(serde_json::json!({"eligible": false})),
    };
    assert!(run_case(&case).contains(&"$.eligible: expected false, got true".to_owned()));
    let case = Case { outcome: Outcome::Error("unknown_product".to_owned(), None), ..case };
    assert_eq!(run_case(&case).len(), 1);
}

#[test]
fn rule_ids() {
    assert!(is_rule_id("CR-14") && is_rule_id("T-1") && is_rule_id("EN-13"));
    assert!(!is_rule_id("CR3") && !is_rule_id("CR-") && !is_rule_id("XX-1") && !is_rule_id("CR-01"));
}
