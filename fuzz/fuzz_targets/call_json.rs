//! Fuzzes the JSON entry point, `coverage_calc::api::call_json(function, request)`.
//!
//! Input: the function's name, a newline, the request text (any bytes; invalid UTF-8 is read
//! lossily, as a JS string would reach the core). Every call must answer JSON or a typed error
//! whose code is one of `ErrorCode::ALL`, whose message is one non-empty line and whose field path,
//! if any, is not empty; the same call
//! twice must give the same result. Any panic, abort or sanitizer report is a finding.
#![no_main]

use coverage_calc::api::call_json;
use coverage_calc::ErrorCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (function, request) = text.split_once('\n').unwrap_or(("buy", &text));
    let first = call_json(function, request);
    match &first {
        Ok(answer) => {
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(answer);
            assert!(parsed.is_ok(), "the answer is not JSON: {answer}");
        }
        Err(error) => {
            assert!(ErrorCode::ALL.contains(&error.code()), "unlisted code {:?}", error.code());
            let message = error.message();
            assert!(!message.is_empty(), "empty message for {:?}", error.code());
            assert!(!message.contains(['\n', '\r']), "message is not one line: {message:?}");
            if let Some(field) = error.field() {
                assert!(!field.is_empty(), "an empty field path for {:?}", error.code());
            }
        }
    }
    assert_eq!(first, call_json(function, request), "the same call answered differently");
});
