//! # coverage-calc
//!
//! The rules core of a calculator for after-sales care plans (DJI Care Refresh, DJI Care
//! Enterprise, i-PRO), compiled to WebAssembly for the browser. The rules are those of the
//! project's rule book, `docs/rules.md` (ids `T-`, `CR-`, `EN-`, `IP-`); every answer lists the
//! ids that produced it.
//!
//! - [`time`]: instants, Japan dates, civil periods and windows (T-1 … T-6);
//! - [`money`]: exact amounts, fees that may be unpublished;
//! - [`catalog`]: plans, products, prices and editions, as data;
//! - [`care_refresh`]: DJI Care Refresh (CR-1 … CR-14);
//! - [`care_enterprise`]: DJI Care Enterprise (EN-1 … EN-13);
//! - [`ipro`]: i-PRO product warranty and Partners Circle 5-year warranty (IP-1 … IP-6);
//! - [`answer`]: the vocabulary the answers share (routes, why not, states, counts, rule ids);
//! - [`api`]: the JSON contract (the same the JavaScript API sees), and its typed twins.
//!
//! No function here reads a clock (T-6) or panics: bad input is an [`Error`] with a stable
//! [`ErrorCode`]; "not eligible" is an answer.

pub mod answer;
pub mod api;
pub mod care_enterprise;
pub mod care_refresh;
pub mod catalog;
pub mod error;
pub mod ipro;
pub mod money;
pub mod time;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, ErrorCode, Result};
