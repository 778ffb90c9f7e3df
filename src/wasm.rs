//! The WebAssembly boundary: JS values in and out, nothing else.
//!
//! - **Requests**: a JS object becomes JSON text by `JSON.stringify` and is read by the same
//!   code as `callJson`'s text ([`crate::api::call`]), so the two APIs cannot disagree. Text that
//!   is not well-formed UTF-16 (a lone surrogate) is refused as `invalid_json` before it is
//!   encoded for wasm (the encoding would silently turn it into U+FFFD); `JSON.stringify` itself
//!   escapes lone surrogates, which serde_json refuses the same way.
//! - **Answers**: serde-wasm-bindgen's `json_compatible` serializer, so an answer object equals
//!   `JSON.parse(callJson(…))` (`null`, not `undefined`; plain objects, not `Map`s).
//! - **Errors**: real JS `Error` objects named `CoverageCalcError` with a stable `code` and the
//!   `field` they concern (a path such as `claims[2].date`, or `null`).
//!
//! No state crosses the boundary between calls. If a host exception or the JS stack limit
//! interrupts a call while it is inside wasm, `js/index.js` (the package's entry) instantiates
//! the module afresh before the next call (wasm-bindgen's reset-state function), so nothing
//! half-done can leak into a later answer.

use js_sys::{JsString, Object, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api;
use crate::catalog::catalog;
use crate::error::{Error, ErrorCode};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Sets `key` on a fresh object as an own data property: `Object.defineProperty` does not run a
/// setter a host page may have put on `Object.prototype` or `Error.prototype`.
fn define(target: &Object, key: &str, value: &JsValue) {
    // A descriptor without a prototype: no inherited setter runs while it is filled in.
    let descriptor = Object::create(JsValue::NULL.unchecked_ref());
    // Keys of a fresh descriptor: a failure only leaves a property out, never throws through wasm.
    let _ = Reflect::set(&descriptor, &JsValue::from_str("value"), value);
    let _ = Reflect::set(&descriptor, &JsValue::from_str("enumerable"), &JsValue::TRUE);
    let _ = Reflect::set(&descriptor, &JsValue::from_str("writable"), &JsValue::TRUE);
    let _ = Reflect::set(&descriptor, &JsValue::from_str("configurable"), &JsValue::TRUE);
    let _ = Reflect::define_property(target, &JsValue::from_str(key), &descriptor);
}

/// The error as a JS `Error` with `code` and `field`.
fn js_error(error: &Error) -> JsValue {
    let js = js_sys::Error::new(error.message());
    define(&js, "name", &JsValue::from_str("CoverageCalcError"));
    define(&js, "code", &JsValue::from_str(error.code().as_str()));
    define(&js, "field", &error.field().map_or(JsValue::NULL, JsValue::from_str));
    js.into()
}

fn invalid_json(message: &str) -> JsValue {
    js_error(&Error::new(ErrorCode::InvalidJson, message))
}

/// A JS string as Rust text, refusing a lone surrogate.
fn well_formed(text: &JsString, what: &str) -> Result<String, JsValue> {
    // `String.prototype.isWellFormed` (ES2024) is missing only in browsers older than 2023; there
    // js-sys's own check (a loop over the code units) answers.
    let string_prototype = Object::get_prototype_of(text);
    let has_method = Reflect::has(&string_prototype, &JsValue::from_str("isWellFormed")).unwrap_or(false);
    let well_formed = if has_method { text.is_well_formed() } else { text.is_valid_utf16() };
    if !well_formed {
        return Err(invalid_json(&format!("{what} is not well-formed UTF-16: it has a lone surrogate")));
    }
    Ok(String::from(text))
}

/// A request object as JSON text (`JSON.stringify`); what JSON cannot write (a cycle, a
/// `BigInt`, `undefined`, a throwing getter or `toJSON`) is `invalid_json`.
fn request_text(request: &JsValue) -> Result<String, JsValue> {
    let not_json = || invalid_json("the request must be a plain JSON object");
    if !request.is_object() {
        return Err(not_json());
    }
    let text = JSON::stringify(request).map_err(|_| not_json())?;
    if !text.is_string() {
        return Err(not_json());
    }
    // Well-formed already: `JSON.stringify` writes a lone surrogate as a `\udXXX` escape, which
    // serde_json then refuses as `invalid_json`, as `callJson` refuses the raw one.
    Ok(String::from(text))
}

fn to_js<T: Serialize + ?Sized>(answer: &T) -> Result<JsValue, JsValue> {
    answer
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&Error::new(ErrorCode::Internal, format!("answer not serialisable: {e}"))))
}

/// Calls a function of [`api::call`] with a request object.
fn answer_of(function: &str, request: &JsValue) -> Result<JsValue, JsValue> {
    let answer = api::call(function, &request_text(request)?).map_err(|e| js_error(&e))?;
    to_js(&answer)
}

/// Builds the catalog when the module starts, on a fresh stack: no later call can be the one
/// interrupted while it is built.
#[wasm_bindgen(start)]
fn start() {
    let _ = catalog();
}

/// The catalog: plans, products with their prices, editions of the terms.
#[wasm_bindgen(js_name = catalog, unchecked_return_type = "Catalog")]
pub fn catalog_js() -> Result<JsValue, JsValue> {
    to_js(catalog().map_err(|e| js_error(&e))?)
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
/// `compare` or `ipro`) with a request's JSON text (`"{}"` for the catalog) and returns the
/// answer's JSON text, for callers that hold JSON already (from a server, from storage). Throws a
/// coded `Error` like the other functions; arguments that are not strings are `invalid_request`.
///
/// The text is `JSON.stringify` of the answer object: the same text serde_json writes natively
/// (the same fields in the same order, no floats), without a second serializer in the module.
#[wasm_bindgen(js_name = callJson, unchecked_return_type = "string")]
pub fn call_json(
    #[wasm_bindgen(unchecked_param_type = "ApiFunction")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] request: JsValue,
) -> Result<JsString, JsValue> {
    fn text<'v>(value: &'v JsValue, what: &str) -> Result<&'v JsString, JsValue> {
        value
            .dyn_ref::<JsString>()
            .ok_or_else(|| js_error(&Error::new(ErrorCode::InvalidRequest, format!("{what} must be a string"))))
    }
    let name = String::from(text(&name, "the function name")?);
    let request = well_formed(text(&request, "the request text")?, "the request text")?;
    let answer = to_js(&api::call(&name, &request).map_err(|e| js_error(&e))?)?;
    JSON::stringify(&answer).map_err(|_| js_error(&Error::new(ErrorCode::Internal, "the answer is not JSON")))
}
