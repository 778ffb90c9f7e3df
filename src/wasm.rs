//! The WebAssembly boundary: JS values in and out, nothing else.
//!
//! Each export takes its request as JSON text (`requestText` in `src/tape.js`, one call),
//! calls the JSON contract of [`crate::api`], and records the answer on a tape
//! ([`crate::tape`]) that `readTape` in `src/tape.js` reads out of wasm memory into plain objects
//! (faster than `JSON.parse` of the answer's text; the catalog, asked once, still goes through
//! `JSON.parse`). `callJson` is the contract as text, for callers that hold JSON already.
//!
//! Errors are thrown as real JS `Error` objects with a stable `code` property. A value that JSON
//! cannot write (a cycle, a `BigInt`, `undefined`) is an `invalid_json` error, so the module keeps
//! working after any input.

use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;

use crate::api;
use crate::error::{Error, ErrorCode};
use crate::tape::Names;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

fn js_error(error: &Error) -> JsValue {
    let js = js_sys::Error::new(error.message());
    js.set_name("CoverageCalcError");
    // Setting a property on a fresh plain object cannot fail; if it ever did, the Error is
    // still thrown, only without its code.
    let _ = Reflect::set(&js, &JsValue::from_str("code"), &JsValue::from_str(error.code().as_str()));
    js.into()
}

fn request_text(request: &JsValue) -> Result<String, JsValue> {
    request_text_of(request)
        .ok_or_else(|| js_error(&Error::new(ErrorCode::InvalidJson, "the request must be a plain JSON object")))
}

#[wasm_bindgen(module = "/src/tape.js")]
extern "C" {
    #[wasm_bindgen(js_name = requestText)]
    fn request_text_of(value: &JsValue) -> Option<String>;
    #[wasm_bindgen(js_name = readTape)]
    fn read_tape(memory: &JsValue, ops: *const u32, ops_len: usize, text: *const u8, text_len: usize) -> JsValue;
}

/// Calls a function and hands its answer's tape to `src/tape.js`, which builds the objects.
fn answer_of(function: &str, request: &JsValue) -> Result<JsValue, JsValue> {
    let tape = api::call_tape(function, &request_text(request)?, Names::Shared).map_err(|e| js_error(&e))?;
    Ok(read_tape(&wasm_bindgen::memory(), tape.ops.as_ptr(), tape.ops.len(), tape.text.as_ptr(), tape.text.len()))
}

/// The catalog: plans, products with their prices, editions of the terms.
#[wasm_bindgen(js_name = catalog, unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    let text = api::catalog_json().map_err(|e| js_error(&e))?;
    JSON::parse(text).map_err(|_| js_error(&Error::new(ErrorCode::Internal, "the catalog is not JSON")))
}

/// Can this plan be bought for this product now? Throws a coded `Error` on bad input.
#[wasm_bindgen(js_name = buy, unchecked_return_type = "BuyAnswer | EnterpriseBuyAnswer")]
pub fn buy(
    #[wasm_bindgen(unchecked_param_type = "BuyRequest | EnterpriseBuyRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    answer_of("buy", &request)
}

/// What does this plan held have left, and can it be extended? Throws a coded `Error` on bad input.
#[wasm_bindgen(js_name = status, unchecked_return_type = "StatusAnswer | EnterpriseStatusAnswer")]
pub fn status(
    #[wasm_bindgen(unchecked_param_type = "StatusRequest | EnterpriseStatusRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    answer_of("status", &request)
}

/// A DJI Care Enterprise Plus shared-limit contract: which products joined, what the claims
/// used, what is left, which products can renew. Throws a coded `Error` on bad input.
#[wasm_bindgen(js_name = plusContract, unchecked_return_type = "PlusContractAnswer")]
pub fn plus_contract(
    #[wasm_bindgen(unchecked_param_type = "PlusContractRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    answer_of("plusContract", &request)
}

/// DJI Care Enterprise Basic against Plus for sales, for 0 … N incidents. Throws a coded `Error`
/// on bad input.
#[wasm_bindgen(js_name = compare, unchecked_return_type = "CompareAnswer")]
pub fn compare(#[wasm_bindgen(unchecked_param_type = "CompareRequest")] request: JsValue) -> Result<JsValue, JsValue> {
    answer_of("compare", &request)
}

/// i-PRO: the warranty phase of a product now, both periods, and how a repair is done and paid.
/// Throws a coded `Error` on bad input.
#[wasm_bindgen(js_name = ipro, unchecked_return_type = "IproAnswer")]
pub fn ipro(#[wasm_bindgen(unchecked_param_type = "IproRequest")] request: JsValue) -> Result<JsValue, JsValue> {
    answer_of("ipro", &request)
}

/// The JSON contract as text: calls the function `name` (`catalog`, `buy`, `status`, `plusContract`,
/// `compare` or `ipro`) with a request's JSON text and returns the answer's JSON text, for
/// callers that hold JSON already (from a server, from storage). Throws a coded `Error` like the
/// other functions; arguments that are not strings are `invalid_request`.
#[wasm_bindgen(js_name = callJson)]
pub fn call_json(
    #[wasm_bindgen(unchecked_param_type = "ApiFunction")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] request: JsValue,
) -> Result<String, JsValue> {
    let text = |value: &JsValue, what: &str| {
        value
            .as_string()
            .ok_or_else(|| js_error(&Error::new(ErrorCode::InvalidRequest, format!("{what} must be a string"))))
    };
    api::call_json(&text(&name, "the function name")?, &text(&request, "the request text")?).map_err(|e| js_error(&e))
}

/// The allocator: a small free list instead of dlmalloc (see `crates/wasm-alloc`).
#[global_allocator]
static ALLOCATOR: wasm_alloc::Allocator = wasm_alloc::Allocator::new();
