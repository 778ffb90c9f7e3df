//! The JSON contract: JSON in, JSON out, exactly what JavaScript sees.
//!
//! Requests are read by serde (`serde_json`), every type with `deny_unknown_fields`, through
//! `serde_path_to_error` so that an error names the field it is about (`claims[2].date`). Then
//! strings become instants, dates and amounts with typed errors, the rules answer, and serde
//! writes the answer: as JSON text here ([`call_json`]), or as JavaScript objects in the wasm
//! boundary (the same [`Answer`] through serde-wasm-bindgen). Both APIs read requests with the
//! same code, so they cannot disagree.
//!
//! Answers: camelCase, dates `YYYY-MM-DD`, instants RFC 3339 in Japan time, money as decimal
//! strings with their currency.
//!
//! ```
//! let answer = coverage_calc::api::call_json("buy", r#"{
//!     "plan": "care-refresh-1y", "product": "osmo-action-4",
//!     "activatedAt": "2026-11-01T10:00:00+09:00", "now": "2026-11-20T10:00:00+09:00"
//! }"#).unwrap();
//! let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
//! assert_eq!(answer["eligible"], true); // a handheld: 30 days (T-5)
//! assert_eq!(answer["deadline"], "2026-12-01T10:00:00+09:00");
//! assert_eq!(answer["price"], serde_json::json!({"status": "published", "amount": "3520", "currency": "JPY"}));
//!
//! let error = coverage_calc::api::call_json("buy", r#"{"plan": "care-refresh-1y", "product": "x", "now": "2026-11-20T10:00:00Z"}"#).unwrap_err();
//! assert_eq!(error.code().as_str(), "unknown_product");
//! assert_eq!(error.field(), Some("product"));
//! ```

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_path_to_error::{Path, Segment};

use crate::care_enterprise;
use crate::care_refresh::{self, Channel, ClaimKind};
use crate::catalog::{catalog, Catalog, Family};
use crate::error::{clip, one_line, Error, ErrorCode, Result};
use crate::ipro;
use crate::money::Yen;
use crate::time::{parse_date, parse_instant, Date, Instant};

// ------------------------------------------------------------------------------------------------
// Requests, as JSON. Every field is optional at this level (`null` is the same as absent); a
// field the rules need is checked when the request is turned into the rules' input, so a missing
// one is `missing_field` with its path.

/// A Care Refresh buy request (the TypeScript `BuyRequest`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuyRequest {
    /// Plan id.
    pub plan: Option<String>,
    /// Product id.
    pub product: Option<String>,
    /// Activation instant; absent or `null` when not activated.
    pub activated_at: Option<String>,
    /// Invitation e-mail instant (CR-4), if any.
    pub invitation_at: Option<String>,
    /// `separate` (default) or `with-product`.
    pub channel: Option<String>,
    /// Shipping date, needed with `with-product`.
    pub shipping_date: Option<String>,
    /// Region of purchase, `JP` by default.
    pub region: Option<String>,
    /// "Now".
    pub now: Option<String>,
}

/// A claim on a Care Refresh plan.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRequest {
    /// `replacement`, `flyaway` or `warranty-repair`.
    pub kind: Option<String>,
    /// Japan date of the claim.
    pub date: Option<String>,
}

/// A Care Refresh status request (the TypeScript `StatusRequest`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusRequest {
    /// Plan id of the plan held.
    pub plan: Option<String>,
    /// Product id.
    pub product: Option<String>,
    /// Service start date.
    pub start: Option<String>,
    /// Japan date of purchase, for the edition; the start date by default.
    pub bought_on: Option<String>,
    /// Earlier plans of the chain, oldest first.
    pub chain: Option<Vec<String>>,
    /// Claims made on the plan held.
    #[serde(default, deserialize_with = "objects")]
    pub claims: Vec<ClaimRequest>,
    /// "Now".
    pub now: Option<String>,
}

/// An Enterprise Basic or Plus buy request (the TypeScript `EnterpriseBuyRequest`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnterpriseBuyRequest {
    /// Plan id.
    pub plan: Option<String>,
    /// Product id.
    pub product: Option<String>,
    /// Activation instant.
    pub activated_at: Option<String>,
    /// Invitation e-mail instant (after a repair), if any.
    pub invitation_at: Option<String>,
    /// Region of purchase, `JP` by default.
    pub region: Option<String>,
    /// "Now".
    pub now: Option<String>,
}

/// An Enterprise Renew buy request: the plan held instead of the activation.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, bound(deserialize = "H: Deserialize<'de>"))]
pub struct RenewBuyRequest<H> {
    /// Plan id.
    pub plan: Option<String>,
    /// Product id.
    pub product: Option<String>,
    /// The plan renewed.
    #[serde(default = "none", deserialize_with = "object")]
    pub held: Option<H>,
    /// Whether the video inspection was passed (EN-11).
    pub video_inspection_passed: Option<bool>,
    /// Region of purchase, `JP` by default.
    pub region: Option<String>,
    /// "Now".
    pub now: Option<String>,
}

fn none<T>() -> Option<T> {
    None
}

/// The Basic plan held, for Basic Renew.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BasicHeld {
    /// Its service start date.
    pub start: Option<String>,
    /// Replacements used of it.
    pub replacements_used: Option<u32>,
}

/// The Plus plan held, for Plus Renew.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlusHeld {
    /// Its service start date.
    pub start: Option<String>,
    /// What its claims used of its limit, whole yen.
    pub claimed: Option<Amount>,
}

/// A claim on an Enterprise plan.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseClaimRequest {
    /// Japan date of the claim.
    pub date: Option<String>,
    /// The repair's cost, whole yen (Plus only).
    pub amount: Option<Amount>,
}

/// An Enterprise status request (the TypeScript `EnterpriseStatusRequest`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnterpriseStatusRequest {
    /// Plan id.
    pub plan: Option<String>,
    /// Product id.
    pub product: Option<String>,
    /// Service start date.
    pub start: Option<String>,
    /// Claims made on the plan.
    #[serde(default, deserialize_with = "objects")]
    pub claims: Vec<EnterpriseClaimRequest>,
    /// Whether the video inspection was passed (EN-11).
    pub video_inspection_passed: Option<bool>,
    /// "Now".
    pub now: Option<String>,
}

/// A member of a Plus shared-limit contract.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberRequest {
    /// The member's id in claims (`#1`, `#2`, … by default).
    pub id: Option<String>,
    /// Product id.
    pub product: Option<String>,
    /// Activation date.
    pub date: Option<String>,
    /// Owner, the contract's by default.
    pub owner: Option<String>,
    /// Region, the contract's by default.
    pub region: Option<String>,
    /// Whether the video inspection was passed.
    pub video_inspection_passed: Option<bool>,
}

/// A claim on a Plus shared-limit contract.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractClaimRequest {
    /// The member's id.
    pub member: Option<String>,
    /// Japan date of the claim.
    pub date: Option<String>,
    /// The repair's cost, whole yen.
    pub amount: Option<Amount>,
}

/// A Plus shared-limit contract request (the TypeScript `PlusContractRequest`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlusContractRequest {
    /// The contract's first activation date.
    pub activated_on: Option<String>,
    /// The contract's owner.
    pub owner: Option<String>,
    /// Its region, `JP` by default.
    pub region: Option<String>,
    /// The products that asked to join.
    #[serde(default, deserialize_with = "objects")]
    pub members: Vec<MemberRequest>,
    /// Claims on the pool.
    #[serde(default, deserialize_with = "objects")]
    pub claims: Vec<ContractClaimRequest>,
    /// "Now".
    pub now: Option<String>,
}

/// Figures a dealer quoted for one unit of a product, whole yen each (EN-13); any may be absent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuoteRequest {
    /// Basic plan price.
    pub basic_price: Option<Amount>,
    /// Plus plan price.
    pub plus_price: Option<Amount>,
    /// Plus coverage limit this product brings.
    pub plus_limit: Option<Amount>,
    /// Basic fee of the first replacement.
    pub basic_fee1: Option<Amount>,
    /// Basic fee of the second replacement.
    pub basic_fee2: Option<Amount>,
}

/// A line of a fleet to compare.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FleetLineRequest {
    /// Product id.
    pub product: Option<String>,
    /// Units, 1 by default.
    pub units: Option<u32>,
    /// Figures a dealer quoted, in place of DJI's table.
    #[serde(default = "none", deserialize_with = "object")]
    pub quote: Option<QuoteRequest>,
}

/// A Basic against Plus comparison request (the TypeScript `CompareRequest`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompareRequest {
    /// One product (with `units`), or give `fleet`.
    pub product: Option<String>,
    /// Units of `product`, 1 by default.
    pub units: Option<u32>,
    /// Figures a dealer quoted for `product` (with `fleet`, each line has its own).
    #[serde(default = "none", deserialize_with = "object")]
    pub quote: Option<QuoteRequest>,
    /// The fleet, instead of `product`.
    #[serde(default, deserialize_with = "objects")]
    pub fleet: Vec<FleetLineRequest>,
    /// Incidents to compare, 0 … N.
    pub incidents: Option<u32>,
    /// The cost of one repair, whole yen.
    pub repair_cost: Option<Amount>,
}

/// An i-PRO request (the TypeScript `IproRequest`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IproRequest {
    /// `camera`, `recorder`, `accessory` or `non-repairable`.
    pub kind: Option<String>,
    /// The end user's delivery date (納品日), `YYYY-MM-DD`.
    pub delivery_date: Option<String>,
    /// Sold to a Partners Circle member; needed in years 2 to 5.
    pub partners_circle_member: Option<bool>,
    /// The model is on i-PRO's 5-year list; needed in years 2 to 5 for a member.
    pub on_five_year_list: Option<bool>,
    /// Sold and used in Japan; needed for every kind with a warranty.
    pub in_japan: Option<bool>,
    /// `unit` (default), `hdd` or `software`.
    pub failed: Option<String>,
    /// "Now".
    pub now: Option<String>,
}

/// The catalog takes no field: its request is `{}` (or `null`).
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogRequest {}

// ------------------------------------------------------------------------------------------------
// Values serde reads leniently and the rules check: amounts of yen, objects only.

/// An amount of whole yen as the request wrote it: a decimal string (`"85800"`) or a whole JSON
/// number. Checked by [`yen`]: anything else is `invalid_amount`, never a type error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amount {
    /// A string or a whole number, as text.
    Text(String),
    /// Anything else, named for the message (`a fractional number`, `an object`).
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct AmountVisitor;
        impl<'de> Visitor<'de> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("whole yen")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Amount, E> {
                Ok(Amount::Text(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Amount, E> {
                Ok(Amount::Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Amount, E> {
                Ok(Amount::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Amount, E> {
                Ok(Amount::Other("a number that is not whole"))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Amount, E> {
                Ok(Amount::Other("a boolean"))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Amount, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Amount::Other("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Amount, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Amount::Other("an object"))
            }
        }
        d.deserialize_any(AmountVisitor)
    }
}

/// Reads a JSON object as `T`. (serde's derive would also take an array, by position: a request
/// is objects only.)
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<T, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(ObjectVisitor(PhantomData)).map(Object)
    }
}

/// An optional object (`null` or absent → `None`).
fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> std::result::Result<Option<T>, D::Error> {
    Ok(Option::<Object<T>>::deserialize(d)?.map(|o| o.0))
}

/// A list of objects (`null` or absent → empty).
fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> std::result::Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<Object<T>>>::deserialize(d)?.unwrap_or_default().into_iter().map(|o| o.0).collect())
}

// ------------------------------------------------------------------------------------------------
// Reading text

/// The path serde was at, as `claims[2].date`; `None` at the top.
fn path_of(path: &Path) -> Option<String> {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    (!out.is_empty()).then_some(out)
}

/// serde's message without serde_json's position suffix, on one line (serde quotes the request's
/// keys, which may hold a newline).
fn bare_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let message = match text.rsplit_once(" at line ") {
        Some((message, _)) if e.line() != 0 => message,
        _ => &text,
    };
    one_line(message.chars())
}

/// Text that is not JSON: `invalid_json`, with the line and column.
fn json_error(e: &serde_json::Error) -> Error {
    Error::new(
        ErrorCode::InvalidJson,
        format!("the request is not JSON: {} at line {} column {}", bare_message(e), e.line(), e.column()),
    )
}

/// A serde error while reading a request, as the contract's code and the field's path.
fn request_error(e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = path_of(e.path());
    let inner = e.into_inner();
    if !inner.is_data() {
        return json_error(&inner);
    }
    let message = bare_message(&inner);
    // The path ends at the unknown key, or at the value serde could not read.
    let (code, field) = if message.starts_with("unknown field `") {
        (ErrorCode::UnknownField, path)
    } else if message.starts_with("duplicate field") {
        // A duplicate key is malformed JSON for this contract, not a choice of one value.
        (ErrorCode::InvalidJson, path)
    } else {
        (ErrorCode::InvalidRequest, path)
    };
    let what = match &field {
        Some(f) => format!("`{}`: {message}", clip(f)),
        None => format!("the request: {message}"),
    };
    let error = Error::new(code, what);
    match field {
        Some(f) => error.at(f),
        None => error,
    }
}

/// Reads a request object `T` from JSON text: well-formed JSON, one object, no unknown field at
/// any depth, no duplicate key.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: Object<T> = serde_path_to_error::deserialize(&mut de).map_err(request_error)?;
    de.end().map_err(|e| json_error(&e))?;
    Ok(value.0)
}

/// The catalog's request: `{}` or `null` (it has no field).
fn read_catalog_request(text: &str) -> Result<()> {
    if text.trim() == "null" {
        return Ok(());
    }
    read::<CatalogRequest>(text).map(|_| ())
}

/// The plan a request names, if it is a string of an Enterprise plan: the Enterprise rules
/// answer it. (Read on its own, ignoring the other fields; any error here is reported by the
/// full reading that follows.)
fn enterprise_plan(text: &str, catalog: &Catalog) -> Option<care_enterprise::PlanKind> {
    #[derive(Deserialize)]
    struct PlanOf<'a> {
        #[serde(borrow)]
        plan: Option<Cow<'a, str>>,
    }
    let plan = serde_json::from_str::<PlanOf<'_>>(text).ok()?.plan?;
    let found = catalog.plan(&plan).ok()?;
    (found.family == Family::CareEnterprise).then(|| care_enterprise::PlanKind::of(&plan)).flatten()
}

// ------------------------------------------------------------------------------------------------
// From requests to the rules' inputs

fn required<T>(value: Option<T>, field: &str) -> Result<T> {
    value.ok_or_else(|| Error::new(ErrorCode::MissingField, format!("missing field `{field}`")).at(field))
}

fn instant(field: &str, text: Option<&str>) -> Result<Option<Instant>> {
    text.map(|t| parse_instant(field, t)).transpose()
}

fn date(field: &str, text: Option<&str>) -> Result<Option<Date>> {
    text.map(|t| parse_date(field, t)).transpose()
}

/// An amount of whole yen: digits only (a string may have spaces around them), at most 15.
fn yen(field: &str, amount: Option<&Amount>) -> Result<Option<Yen>> {
    let bad = |shown: &str| {
        Error::new(
            ErrorCode::InvalidAmount,
            format!("`{field}` must be whole yen (a string like \"85800\"), not {shown}"),
        )
        .at(field)
    };
    let text = match amount {
        None => return Ok(None),
        Some(Amount::Other(kind)) => return Err(bad(kind)),
        Some(Amount::Text(text)) => text.trim(),
    };
    let shown = || format!("`{}`", clip(text));
    if text.is_empty() || text.len() > 15 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(&shown()));
    }
    // At most 15 digits: a u64, exactly; then a Decimal (its own parser would also take exponents).
    text.parse::<u64>().map(|n| Some(Yen::from(n))).map_err(|_| bad(&shown()))
}

/// Names the request's top-level field a rule error is about, by its code, where the rules
/// could not (they see values, not fields).
fn top_field(e: Error, fields: &[(ErrorCode, &str)]) -> Error {
    match fields.iter().find(|(code, _)| *code == e.code()) {
        Some((_, field)) => e.or_at(*field),
        None => e,
    }
}

/// The fields of a buy or status request that rule errors are about, by code.
const TOP_FIELDS: [(ErrorCode, &str); 8] = [
    (ErrorCode::UnknownPlan, "plan"),
    (ErrorCode::UnknownProduct, "product"),
    (ErrorCode::ProductNotInFamily, "product"),
    (ErrorCode::PlanNotOffered, "product"),
    (ErrorCode::ActivationAfterNow, "activatedAt"),
    (ErrorCode::InvitationBeforeActivation, "invitationAt"),
    (ErrorCode::InvitationAfterNow, "invitationAt"),
    (ErrorCode::InvalidChain, "chain"),
];

/// A status request's dates all follow from `start`: a period past the year 9999 is about it.
const STATUS_FIELDS: [(ErrorCode, &str); 1] = [(ErrorCode::OutOfRange, "start")];

/// A Care Refresh buy request, answered.
pub fn buy(request: &BuyRequest) -> Result<care_refresh::BuyAnswer> {
    let channel = match request.channel.as_deref() {
        None | Some("separate") => Channel::Separate,
        Some("with-product") => {
            let shipping = request.shipping_date.as_deref().ok_or_else(|| {
                Error::new(ErrorCode::MissingField, "`shippingDate` is needed when `channel` is `with-product`")
                    .at("shippingDate")
            })?;
            Channel::WithProduct { shipping_date: parse_date("shippingDate", shipping)? }
        }
        Some(other) => {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("`channel` must be `separate` or `with-product`, not `{}`", clip(other)),
            )
            .at("channel"))
        }
    };
    let input = care_refresh::BuyInput {
        plan: required(request.plan.as_deref(), "plan")?,
        product: required(request.product.as_deref(), "product")?,
        activated_at: instant("activatedAt", request.activated_at.as_deref())?,
        invitation_at: instant("invitationAt", request.invitation_at.as_deref())?,
        channel,
        region: request.region.as_deref().unwrap_or(care_refresh::REGION_PRICED),
        now: parse_instant("now", required(request.now.as_deref(), "now")?)?,
    };
    care_refresh::buy(&input).map_err(|e| top_field(e, &TOP_FIELDS))
}

/// A Care Refresh status request, answered.
pub fn status(request: &StatusRequest) -> Result<care_refresh::StatusAnswer> {
    let claims = request
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let kind = match required(c.kind.as_deref(), "kind").map_err(|e| e.under(&format!("claims[{i}]")))? {
                "replacement" => ClaimKind::Replacement,
                "flyaway" => ClaimKind::Flyaway,
                "warranty-repair" => ClaimKind::WarrantyRepair,
                other => {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        format!(
                            "claim `kind` must be `replacement`, `flyaway` or `warranty-repair`, not `{}`",
                            clip(other)
                        ),
                    )
                    .at(format!("claims[{i}].kind")))
                }
            };
            let field = format!("claims[{i}].date");
            let date = parse_date(&field, required(c.date.as_deref(), &field)?)?;
            Ok(care_refresh::Claim { kind, date })
        })
        .collect::<Result<Vec<_>>>()?;
    let input = care_refresh::StatusInput {
        plan: required(request.plan.as_deref(), "plan")?,
        product: required(request.product.as_deref(), "product")?,
        start: parse_date("start", required(request.start.as_deref(), "start")?)?,
        bought_on: date("boughtOn", request.bought_on.as_deref())?,
        chain: request.chain.iter().flatten().map(String::as_str).collect(),
        claims,
        now: parse_instant("now", required(request.now.as_deref(), "now")?)?,
    };
    care_refresh::status(&input).map_err(|e| top_field(top_field(e, &TOP_FIELDS), &STATUS_FIELDS))
}

/// An Enterprise buy request (Basic, Plus or a Renew), answered.
pub fn enterprise_buy(text: &str, kind: care_enterprise::PlanKind) -> Result<care_enterprise::BuyAnswer> {
    let (plan, product, region, now, activated_at, invitation_at, held, video) = match kind {
        care_enterprise::PlanKind::BasicRenew => {
            let r: RenewBuyRequest<BasicHeld> = read(text)?;
            let held = held_of(r.held.as_ref().map(|h| (h.start.as_deref(), h.replacements_used.unwrap_or(0), None)))?;
            (r.plan, r.product, r.region, r.now, None, None, held, r.video_inspection_passed)
        }
        care_enterprise::PlanKind::PlusRenew => {
            let r: RenewBuyRequest<PlusHeld> = read(text)?;
            let held = held_of(r.held.as_ref().map(|h| (h.start.as_deref(), 0, h.claimed.as_ref())))?;
            (r.plan, r.product, r.region, r.now, None, None, held, r.video_inspection_passed)
        }
        care_enterprise::PlanKind::Basic | care_enterprise::PlanKind::Plus => {
            let r: EnterpriseBuyRequest = read(text)?;
            let activated_at = instant("activatedAt", r.activated_at.as_deref())?;
            let invitation_at = instant("invitationAt", r.invitation_at.as_deref())?;
            (r.plan, r.product, r.region, r.now, activated_at, invitation_at, None, None)
        }
    };
    let plan = required(plan, "plan")?;
    if kind.is_renew() && held.is_none() {
        return Err(Error::new(
            ErrorCode::MissingField,
            format!("missing field `held` (the plan renewed) for `{plan}`"),
        )
        .at("held"));
    }
    let input = care_enterprise::BuyInput {
        plan,
        product: required(product, "product")?,
        activated_at,
        invitation_at,
        held,
        video_inspection_passed: video.unwrap_or(false),
        region: region.unwrap_or_else(|| care_enterprise::REGION_PRICED.to_owned()),
        now: parse_instant("now", required(now.as_deref(), "now")?)?,
    };
    care_enterprise::buy(&input).map_err(|e| top_field(e, &TOP_FIELDS))
}

/// The plan held of a Renew request: its start, replacements used, amount claimed.
fn held_of(held: Option<(Option<&str>, u32, Option<&Amount>)>) -> Result<Option<care_enterprise::Held>> {
    let Some((start, replacements_used, claimed)) = held else { return Ok(None) };
    Ok(Some(care_enterprise::Held {
        start: parse_date("held.start", required(start, "held.start")?)?,
        replacements_used,
        claimed: yen("held.claimed", claimed)?.unwrap_or_default(),
    }))
}

/// An Enterprise status request, answered.
pub fn enterprise_status(request: &EnterpriseStatusRequest) -> Result<care_enterprise::StatusAnswer> {
    let claims = request
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let field = format!("claims[{i}].date");
            Ok(care_enterprise::Claim {
                date: parse_date(&field, required(c.date.as_deref(), &field)?)?,
                amount: yen(&format!("claims[{i}].amount"), c.amount.as_ref())?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let input = care_enterprise::StatusInput {
        plan: required(request.plan.clone(), "plan")?,
        product: required(request.product.clone(), "product")?,
        start: parse_date("start", required(request.start.as_deref(), "start")?)?,
        claims,
        video_inspection_passed: request.video_inspection_passed.unwrap_or(false),
        now: parse_instant("now", required(request.now.as_deref(), "now")?)?,
    };
    care_enterprise::status(&input).map_err(|e| top_field(top_field(e, &TOP_FIELDS), &STATUS_FIELDS))
}

/// A Plus shared-limit contract request, answered.
pub fn plus_contract(request: &PlusContractRequest) -> Result<care_enterprise::ContractAnswer> {
    let members = request
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let at = |field: &str| format!("members[{i}].{field}");
            Ok(care_enterprise::MemberInput {
                id: m.id.clone(),
                product: required(m.product.clone(), &at("product"))?,
                date: parse_date(&at("date"), required(m.date.as_deref(), &at("date"))?)?,
                owner: m.owner.clone(),
                region: m.region.clone(),
                video_inspection_passed: m.video_inspection_passed.unwrap_or(false),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let claims = request
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let at = |field: &str| format!("claims[{i}].{field}");
            Ok(care_enterprise::ContractClaim {
                member: required(c.member.clone(), &at("member"))?,
                date: parse_date(&at("date"), required(c.date.as_deref(), &at("date"))?)?,
                amount: required(yen(&at("amount"), c.amount.as_ref())?, &at("amount"))?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let input = care_enterprise::ContractInput {
        activated_on: parse_date("activatedOn", required(request.activated_on.as_deref(), "activatedOn")?)?,
        owner: required(request.owner.clone(), "owner")?,
        region: request.region.clone().unwrap_or_else(|| care_enterprise::REGION_PRICED.to_owned()),
        members,
        claims,
        now: parse_instant("now", required(request.now.as_deref(), "now")?)?,
    };
    care_enterprise::plus_contract(&input)
}

/// A Basic against Plus comparison request, answered: `product` (and `units`, 1 by default) or
/// `fleet`.
pub fn compare(request: &CompareRequest) -> Result<care_enterprise::CompareAnswer> {
    let mut fleet = request
        .fleet
        .iter()
        .enumerate()
        .map(|(i, l)| {
            Ok(care_enterprise::FleetLine {
                product: required(l.product.clone(), &format!("fleet[{i}].product"))?,
                units: l.units.unwrap_or(1),
                quote: quote_of(&format!("fleet[{i}].quote"), l.quote.as_ref())?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    match (&request.product, fleet.is_empty()) {
        (Some(product), true) => fleet.push(care_enterprise::FleetLine {
            product: product.clone(),
            units: request.units.unwrap_or(1),
            quote: quote_of("quote", request.quote.as_ref())?,
        }),
        (Some(_), false) => {
            return Err(
                Error::new(ErrorCode::InvalidRequest, "give `product` (and `units`) or `fleet`, not both").at("fleet")
            )
        }
        (None, _) if request.units.is_some() => {
            return Err(Error::new(ErrorCode::MissingField, "`units` needs `product` (or give `fleet`)").at("product"))
        }
        (None, _) if request.quote.is_some() => {
            return Err(Error::new(
                ErrorCode::InvalidRequest,
                "`quote` goes with `product`; with `fleet`, give each line its own `quote`",
            )
            .at("quote"))
        }
        (None, _) => {}
    }
    let input = care_enterprise::CompareInput {
        fleet,
        incidents: required(request.incidents, "incidents")?,
        repair_cost: required(yen("repairCost", request.repair_cost.as_ref())?, "repairCost")?,
    };
    care_enterprise::compare(&input).map_err(|e| {
        // A single `product` was read as a fleet of one line: name the request's own fields.
        match (request.product.is_some(), e.field().and_then(|f| f.strip_prefix("fleet[0]."))) {
            (true, Some(rest)) => {
                let rest = rest.to_owned();
                e.at(if rest == "product" || rest == "units" || rest.starts_with("quote.") {
                    rest
                } else {
                    format!("fleet[0].{rest}")
                })
            }
            _ => e,
        }
    })
}

/// The figures a dealer quoted, each whole yen (`invalid_amount` naming `<at>.<field>`).
fn quote_of(at: &str, quote: Option<&QuoteRequest>) -> Result<care_enterprise::Quote> {
    let Some(q) = quote else { return Ok(care_enterprise::Quote::default()) };
    let amount = |field: &str, a: Option<&Amount>| yen(&format!("{at}.{field}"), a);
    Ok(care_enterprise::Quote {
        basic_price: amount("basicPrice", q.basic_price.as_ref())?,
        basic_fee_1: amount("basicFee1", q.basic_fee1.as_ref())?,
        basic_fee_2: amount("basicFee2", q.basic_fee2.as_ref())?,
        plus_price: amount("plusPrice", q.plus_price.as_ref())?,
        plus_limit: amount("plusLimit", q.plus_limit.as_ref())?,
    })
}

/// An i-PRO request, answered.
pub fn ipro(request: &IproRequest) -> Result<ipro::IproAnswer> {
    let input = ipro::IproInput {
        kind: ipro::Kind::parse(required(request.kind.as_deref(), "kind")?).map_err(|e| e.or_at("kind"))?,
        delivery_date: parse_date("deliveryDate", required(request.delivery_date.as_deref(), "deliveryDate")?)?,
        partners_circle_member: request.partners_circle_member,
        on_five_year_list: request.on_five_year_list,
        in_japan: request.in_japan,
        failed: request
            .failed
            .as_deref()
            .map(ipro::Failure::parse)
            .transpose()
            .map_err(|e| e.or_at("failed"))?
            .unwrap_or_default(),
        now: parse_instant("now", required(request.now.as_deref(), "now")?)?,
    };
    ipro::ipro(&input)
}

// ------------------------------------------------------------------------------------------------
// Calls by name

/// An answer of any function: serialised as the answer itself (no tag).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// `catalog`.
    Catalog(&'static Catalog),
    /// `buy` of a Care Refresh plan.
    Buy(care_refresh::BuyAnswer),
    /// `status` of a Care Refresh plan.
    Status(care_refresh::StatusAnswer),
    // A family's answers exist only in a build with its rules (cargo features): otherwise neither
    // the rules nor the answers' serialisers are in the module.
    /// `buy` of an Enterprise plan.
    #[cfg(feature = "care-enterprise")]
    EnterpriseBuy(care_enterprise::BuyAnswer),
    /// `status` of an Enterprise plan.
    #[cfg(feature = "care-enterprise")]
    EnterpriseStatus(care_enterprise::StatusAnswer),
    /// `plusContract`.
    #[cfg(feature = "care-enterprise")]
    PlusContract(care_enterprise::ContractAnswer),
    /// `compare`.
    #[cfg(feature = "care-enterprise")]
    Compare(care_enterprise::CompareAnswer),
    /// `ipro`.
    #[cfg(feature = "ipro")]
    Ipro(ipro::IproAnswer),
}

/// The functions of the API, by their JavaScript names.
pub const FUNCTIONS: [&str; 6] = ["catalog", "buy", "status", "plusContract", "compare", "ipro"];

/// Calls one function of the API by its JavaScript name (`catalog`, `buy`, `status`,
/// `plusContract`, `compare` or `ipro`) with a request's JSON text (`{}` for the catalog).
pub fn call(function: &str, text: &str) -> Result<Answer> {
    let catalog = catalog()?;
    Ok(match function {
        "catalog" => {
            read_catalog_request(text)?;
            Answer::Catalog(catalog)
        }
        "buy" => match enterprise_plan(text, catalog) {
            Some(kind) => enterprise_call(function, text, Some(kind))?,
            None => built(Family::CareRefresh, || Ok(Answer::Buy(buy(&read(text)?)?)))?,
        },
        "status" => match enterprise_plan(text, catalog) {
            Some(kind) => enterprise_call(function, text, Some(kind))?,
            None => built(Family::CareRefresh, || Ok(Answer::Status(status(&read(text)?)?)))?,
        },
        "plusContract" | "compare" => enterprise_call(function, text, None)?,
        "ipro" => ipro_call(text)?,
        other => {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("unknown function `{}`; expected one of {}", clip(other), FUNCTIONS.join(", ")),
            ))
        }
    })
}

/// Whether this build has the rules of a family: the cargo features `care-refresh`,
/// `care-enterprise` and `ipro` (all on by default). A build without some families is smaller
/// (a product page needs one; `make bench` measures each family's share of the module).
pub fn has_family(family: Family) -> bool {
    match family {
        Family::CareRefresh => cfg!(feature = "care-refresh"),
        Family::CareEnterprise => cfg!(feature = "care-enterprise"),
        Family::Ipro => cfg!(feature = "ipro"),
    }
}

/// Answers with `answer` when this build has the family's rules; otherwise `invalid_value`, and
/// the rules' code is not in the build at all.
fn built(family: Family, answer: impl FnOnce() -> Result<Answer>) -> Result<Answer> {
    if has_family(family) {
        answer()
    } else {
        Err(not_built(family))
    }
}

/// The error of a function whose family's rules this build lacks.
fn not_built(family: Family) -> Error {
    Error::new(ErrorCode::InvalidValue, format!("this build of coverage-calc has no `{}` rules", family.as_str()))
}

/// The Enterprise functions of [`call`] (`buy` and `status` of an Enterprise plan: `kind`).
#[cfg(feature = "care-enterprise")]
fn enterprise_call(function: &str, text: &str, kind: Option<care_enterprise::PlanKind>) -> Result<Answer> {
    Ok(match (function, kind) {
        ("buy", Some(kind)) => Answer::EnterpriseBuy(enterprise_buy(text, kind)?),
        ("status", Some(_)) => Answer::EnterpriseStatus(enterprise_status(&read(text)?)?),
        ("plusContract", _) => Answer::PlusContract(plus_contract(&read(text)?)?),
        _ => Answer::Compare(compare(&read(text)?)?),
    })
}

/// A build without the Enterprise rules: `invalid_value`.
#[cfg(not(feature = "care-enterprise"))]
fn enterprise_call(_: &str, _: &str, _: Option<care_enterprise::PlanKind>) -> Result<Answer> {
    Err(not_built(Family::CareEnterprise))
}

/// `ipro` of [`call`].
#[cfg(feature = "ipro")]
fn ipro_call(text: &str) -> Result<Answer> {
    Ok(Answer::Ipro(ipro(&read(text)?)?))
}

/// A build without the i-PRO rules: `invalid_value`.
#[cfg(not(feature = "ipro"))]
fn ipro_call(_: &str) -> Result<Answer> {
    Err(not_built(Family::Ipro))
}

/// The JSON contract as text: [`call`], its answer written by serde_json.
pub fn call_json(function: &str, text: &str) -> Result<String> {
    if function == "catalog" {
        read_catalog_request(text)?;
        return catalog_json().map(str::to_owned);
    }
    to_json(&call(function, text)?)
}

fn to_json<T: Serialize + ?Sized>(answer: &T) -> Result<String> {
    serde_json::to_string(answer).map_err(|e| Error::new(ErrorCode::Internal, format!("answer not serialisable: {e}")))
}

/// The catalog as JSON text, written once.
pub fn catalog_json() -> Result<&'static str> {
    static JSON: std::sync::OnceLock<Result<String>> = std::sync::OnceLock::new();
    JSON.get_or_init(|| to_json(catalog()?)).as_ref().map(String::as_str).map_err(Clone::clone)
}

/// `buy` as JSON text (see [`call_json`]).
pub fn buy_json(text: &str) -> Result<String> {
    call_json("buy", text)
}

/// `status` as JSON text (see [`call_json`]).
pub fn status_json(text: &str) -> Result<String> {
    call_json("status", text)
}

/// `plusContract` as JSON text (see [`call_json`]).
pub fn plus_contract_json(text: &str) -> Result<String> {
    call_json("plusContract", text)
}

/// `compare` as JSON text (see [`call_json`]).
pub fn compare_json(text: &str) -> Result<String> {
    call_json("compare", text)
}

/// `ipro` as JSON text (see [`call_json`]).
pub fn ipro_json(text: &str) -> Result<String> {
    call_json("ipro", text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(function: &str, text: &str) -> (ErrorCode, Option<String>) {
        let e = call_json(function, text).unwrap_err();
        (e.code(), e.field().map(str::to_owned))
    }

    #[test]
    fn serde_errors_map_to_codes_and_fields() {
        assert_eq!(error("buy", "{"), (ErrorCode::InvalidJson, None));
        assert_eq!(error("buy", ""), (ErrorCode::InvalidJson, None));
        assert_eq!(error("buy", "{} x"), (ErrorCode::InvalidJson, None));
        assert_eq!(error("buy", "[]"), (ErrorCode::InvalidRequest, None));
        assert_eq!(error("buy", r#"["care-refresh-1y", "dji-mini-4-pro"]"#).0, ErrorCode::InvalidRequest);
        assert_eq!(error("buy", r#"{"plan":"a"}"#), (ErrorCode::MissingField, Some("product".into())));
        assert_eq!(
            error("buy", r#"{"plan":"a","product":"b","now":"x","nope":1}"#),
            (ErrorCode::UnknownField, Some("nope".into()))
        );
        assert_eq!(
            error("buy", r#"{"plan":1,"product":"b","now":"x"}"#),
            (ErrorCode::InvalidRequest, Some("plan".into()))
        );
        assert_eq!(error("buy", r#"{"plan":"a","plan":"b"}"#).0, ErrorCode::InvalidJson);
        // Found by the fuzzer: serde quotes an unknown key, newline and all.
        let e = call_json("buy", r#"{"plan":"care-refresh-1y","\n":1}"#).unwrap_err();
        assert_eq!((e.code(), e.field()), (ErrorCode::UnknownField, Some("\n")));
        assert_eq!(e.message().lines().count(), 1, "{}", e.message());
        let status = r#"{"plan":"care-refresh-1y","product":"dji-mini-4-pro","start":"2026-01-10","now":"2026-11-20T12:00:00+09:00","claims":[{"kind":"flyaway","date":"2026-05-01"},{"kind":"flyaway","date":"2026-13-01"}]}"#;
        assert_eq!(error("status", status), (ErrorCode::InvalidDate, Some("claims[1].date".into())));
        let typo = status.replace(r#""kind":"flyaway","date":"2026-13-01""#, r#""kind":"flyaway","dates":"x""#);
        assert_eq!(error("status", &typo), (ErrorCode::UnknownField, Some("claims[1].dates".into())));
        let positional = status.replace(r#"{"kind":"flyaway","date":"2026-13-01"}"#, r#"["flyaway","2026-05-02"]"#);
        assert_eq!(error("status", &positional), (ErrorCode::InvalidRequest, Some("claims[1]".into())));
    }

    #[test]
    fn catalog_takes_an_empty_object() {
        let v: serde_json::Value = serde_json::from_str(&call_json("catalog", "{}").unwrap()).unwrap();
        assert_eq!(v["products"].as_array().unwrap().len(), 57);
        assert_eq!(v["ipro"]["kinds"].as_array().unwrap().len(), 4);
        assert_eq!(error("catalog", "{").0, ErrorCode::InvalidJson);
        assert_eq!(error("catalog", r#"{"x":1}"#), (ErrorCode::UnknownField, Some("x".into())));
    }

    #[test]
    fn amounts_are_whole_yen() {
        let a = |s: &str| yen("a", Some(&Amount::Text(s.to_owned())));
        assert_eq!(a(" 85800 ").unwrap(), Some(Yen::from(85_800)));
        for bad in ["", "-5", "1.5", "1e3", "1234567890123456", "８"] {
            assert_eq!(a(bad).unwrap_err().code(), ErrorCode::InvalidAmount, "{bad}");
        }
        assert_eq!(yen("a", Some(&Amount::Other("an object"))).unwrap_err().field(), Some("a"));
    }
}
