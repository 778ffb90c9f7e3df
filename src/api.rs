//! The JSON contract: JSON in, JSON out, exactly what JavaScript sees.
//!
//! The wasm bindings only turn a JS value into a string and back; everything else happens here,
//! natively testable: parsing (unknown fields are errors), turning strings into instants and dates
//! with typed errors, calling the rules, serialising the answer (camelCase, dates `YYYY-MM-DD`,
//! instants RFC 3339 in Japan time, money as decimal strings with their currency).
//!
//! ```
//! let answer = coverage_calc::api::buy_json(r#"{
//!     "plan": "care-refresh-1y", "product": "osmo-action-4",
//!     "activatedAt": "2026-11-01T10:00:00+09:00", "now": "2026-11-20T10:00:00+09:00"
//! }"#).unwrap();
//! let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
//! assert_eq!(answer["eligible"], true); // a handheld: 30 days (T-5)
//! assert_eq!(answer["deadline"], "2026-12-01T10:00:00+09:00");
//! assert_eq!(answer["price"], serde_json::json!({"status": "published", "amount": "3520", "currency": "JPY"}));
//!
//! let error = coverage_calc::api::buy_json(r#"{"plan": "care-refresh-1y", "product": "x", "now": "2026-11-20T10:00:00Z"}"#).unwrap_err();
//! assert_eq!(error.code().as_str(), "unknown_product");
//! ```

use serde::Serialize;

use crate::care_enterprise;
use crate::care_refresh::{self, BuyAnswer, Channel, Claim, ClaimKind, StatusAnswer};
use crate::catalog::{catalog, Family};
use crate::error::{Error, ErrorCode, Result};
use crate::ipro::{self, IproAnswer};
use crate::json::{self, Fields, Value};
use crate::tape::{self, Names, Tape};
use crate::time::{clip, parse_date, parse_instant};

/// A buy request, as JSON (see the TypeScript `BuyRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuyRequest {
    /// Plan id.
    pub plan: String,
    /// Product id.
    pub product: String,
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
    pub now: String,
}

/// A claim, as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRequest {
    /// `replacement`, `flyaway` or `warranty-repair`.
    pub kind: String,
    /// Japan date of the claim.
    pub date: String,
}

/// A status request, as JSON (see the TypeScript `StatusRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusRequest {
    /// Plan id of the plan held.
    pub plan: String,
    /// Product id.
    pub product: String,
    /// Service start date.
    pub start: String,
    /// Japan date of purchase, for the edition; the start date by default.
    pub bought_on: Option<String>,
    /// Earlier plans of the chain, oldest first.
    pub chain: Vec<String>,
    /// Claims made on the plan held.
    pub claims: Vec<ClaimRequest>,
    /// "Now".
    pub now: String,
}

impl BuyRequest {
    /// Reads a buy request from its JSON text.
    pub fn from_json(text: &str) -> Result<Self> {
        let value = json::parse(text)?;
        let v = BuyView::read(&value)?;
        let own = |s: Option<&str>| s.map(str::to_owned);
        Ok(Self {
            plan: v.plan.to_owned(),
            product: v.product.to_owned(),
            activated_at: own(v.activated_at),
            invitation_at: own(v.invitation_at),
            channel: own(v.channel),
            shipping_date: own(v.shipping_date),
            region: own(v.region),
            now: v.now.to_owned(),
        })
    }

    fn view(&self) -> BuyView<'_> {
        BuyView {
            plan: &self.plan,
            product: &self.product,
            activated_at: self.activated_at.as_deref(),
            invitation_at: self.invitation_at.as_deref(),
            channel: self.channel.as_deref(),
            shipping_date: self.shipping_date.as_deref(),
            region: self.region.as_deref(),
            now: &self.now,
        }
    }
}

/// A buy request's fields, borrowed from a [`BuyRequest`] or straight from the JSON text (the
/// JSON entry copies no string).
struct BuyView<'r> {
    plan: &'r str,
    product: &'r str,
    activated_at: Option<&'r str>,
    invitation_at: Option<&'r str>,
    channel: Option<&'r str>,
    shipping_date: Option<&'r str>,
    region: Option<&'r str>,
    now: &'r str,
}

impl<'r> BuyView<'r> {
    fn read(value: &'r Value<'_>) -> Result<Self> {
        let f = Fields::of(
            value,
            "the buy request",
            &["plan", "product", "activatedAt", "invitationAt", "channel", "shippingDate", "region", "now"],
        )?;
        Ok(Self {
            plan: f.str("plan")?,
            product: f.str("product")?,
            activated_at: f.optional_str("activatedAt")?,
            invitation_at: f.optional_str("invitationAt")?,
            channel: f.optional_str("channel")?,
            shipping_date: f.optional_str("shippingDate")?,
            region: f.optional_str("region")?,
            now: f.str("now")?,
        })
    }

    fn answer(&self) -> Result<BuyAnswer> {
        let channel = match self.channel {
            None | Some("separate") => Channel::Separate,
            Some("with-product") => {
                let shipping = self.shipping_date.ok_or_else(|| {
                    Error::new(ErrorCode::MissingField, "`shippingDate` is needed when `channel` is `with-product`")
                })?;
                Channel::WithProduct { shipping_date: parse_date("shippingDate", shipping)? }
            }
            Some(other) => {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    format!("`channel` must be `separate` or `with-product`, not `{}`", clip(other)),
                ))
            }
        };
        let input = care_refresh::BuyInput {
            plan: self.plan,
            product: self.product,
            activated_at: optional_instant("activatedAt", self.activated_at)?,
            invitation_at: optional_instant("invitationAt", self.invitation_at)?,
            channel,
            region: self.region.unwrap_or(care_refresh::REGION_PRICED),
            now: parse_instant("now", self.now)?,
        };
        care_refresh::buy(&input)
    }
}

impl StatusRequest {
    /// Reads a status request from its JSON text.
    pub fn from_json(text: &str) -> Result<Self> {
        Self::from_value(&json::parse(text)?)
    }

    fn from_value(value: &Value<'_>) -> Result<Self> {
        let f = Fields::of(
            value,
            "the status request",
            &["plan", "product", "start", "boughtOn", "chain", "claims", "now"],
        )?;
        let chain = f.texts("chain")?;
        let claims = f
            .list("claims")?
            .iter()
            .map(|v| {
                let c = Fields::of(v, "a claim", &["kind", "date"])?;
                Ok(ClaimRequest { kind: c.text("kind")?, date: c.text("date")? })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Self {
            plan: f.text("plan")?,
            product: f.text("product")?,
            start: f.text("start")?,
            bought_on: f.optional_text("boughtOn")?,
            chain,
            claims,
            now: f.text("now")?,
        })
    }
}

/// An i-PRO request, as JSON (see the TypeScript `IproRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IproRequest {
    /// `camera`, `recorder`, `accessory` or `non-repairable`.
    pub kind: String,
    /// The end user's delivery date (納品日), `YYYY-MM-DD`.
    pub delivery_date: String,
    /// Sold to a Partners Circle member; needed in years 2 to 5.
    pub partners_circle_member: Option<bool>,
    /// The model is on i-PRO's 5-year list; needed in years 2 to 5 for a member.
    pub on_five_year_list: Option<bool>,
    /// Sold and used in Japan; needed for every kind with a warranty.
    pub in_japan: Option<bool>,
    /// `unit` (default), `hdd` or `software`.
    pub failed: Option<String>,
    /// "Now".
    pub now: String,
}

impl IproRequest {
    /// Reads an i-PRO request from its JSON text.
    pub fn from_json(text: &str) -> Result<Self> {
        let value = json::parse(text)?;
        let f = Fields::of(
            &value,
            "the ipro request",
            &["kind", "deliveryDate", "partnersCircleMember", "onFiveYearList", "inJapan", "failed", "now"],
        )?;
        Ok(Self {
            kind: f.text("kind")?,
            delivery_date: f.text("deliveryDate")?,
            partners_circle_member: f.optional_flag("partnersCircleMember")?,
            on_five_year_list: f.optional_flag("onFiveYearList")?,
            in_japan: f.optional_flag("inJapan")?,
            failed: f.optional_text("failed")?,
            now: f.text("now")?,
        })
    }
}

fn to_json<T: Serialize>(answer: &T) -> Result<String> {
    tape::to_json(answer)
}

fn optional_instant(field: &str, text: Option<&str>) -> Result<Option<crate::time::Instant>> {
    text.map(|t| parse_instant(field, t)).transpose()
}

/// The typed twin of [`buy_json`].
pub fn buy(request: &BuyRequest) -> Result<BuyAnswer> {
    request.view().answer()
}

/// The typed twin of [`status_json`].
pub fn status(request: &StatusRequest) -> Result<StatusAnswer> {
    let claims = request
        .claims
        .iter()
        .map(|c| {
            let kind = match c.kind.as_str() {
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
                    ))
                }
            };
            Ok(Claim { kind, date: parse_date("claims.date", &c.date)? })
        })
        .collect::<Result<Vec<_>>>()?;
    let input = care_refresh::StatusInput {
        plan: &request.plan,
        product: &request.product,
        start: parse_date("start", &request.start)?,
        bought_on: request.bought_on.as_deref().map(|d| parse_date("boughtOn", d)).transpose()?,
        chain: request.chain.iter().map(String::as_str).collect(),
        claims,
        now: parse_instant("now", &request.now)?,
    };
    care_refresh::status(&input)
}

/// The typed twin of [`ipro_json`].
pub fn ipro(request: &IproRequest) -> Result<IproAnswer> {
    let input = ipro::IproInput {
        kind: ipro::Kind::parse(&request.kind)?,
        delivery_date: parse_date("deliveryDate", &request.delivery_date)?,
        partners_circle_member: request.partners_circle_member,
        on_five_year_list: request.on_five_year_list,
        in_japan: request.in_japan,
        failed: request.failed.as_deref().map(ipro::Failure::parse).transpose()?.unwrap_or_default(),
        now: parse_instant("now", &request.now)?,
    };
    ipro::ipro(&input)
}

/// The catalog as JSON, serialised once. (Serialising it here costs less wasm than carrying the
/// generated text: measured, about 1 KB gzip.)
pub fn catalog_json() -> Result<&'static str> {
    static JSON: std::sync::OnceLock<Result<String>> = std::sync::OnceLock::new();
    JSON.get_or_init(|| to_json(catalog()?)).as_ref().map(String::as_str).map_err(Clone::clone)
}

fn is_enterprise_request(value: &Value<'_>) -> bool {
    enterprise_plan_id(value).is_some()
}

fn enterprise_plan_id(value: &Value<'_>) -> Option<String> {
    let id = Fields::peek_str(value, "plan")?;
    let plan = catalog().ok()?.plan(id).ok()?;
    (plan.family == Family::CareEnterprise).then(|| id.to_owned())
}

/// Can a plan be bought now? JSON `BuyRequest` in, JSON `BuyAnswer` out (an `EnterpriseBuyAnswer`
/// for the Enterprise plans).
pub fn buy_json(request: &str) -> Result<String> {
    tape::print(&buy_tape(request, Names::Inline)?)
}

fn buy_tape(request: &str, names: Names) -> Result<Tape> {
    let value = json::parse(request)?;
    if is_enterprise_request(&value) {
        return tape::record(&care_enterprise::buy(&enterprise_buy_input(&value)?)?, names);
    }
    tape::record(&BuyView::read(&value)?.answer()?, names)
}

/// What does a plan held have left? JSON `StatusRequest` in, JSON `StatusAnswer` out (an
/// `EnterpriseStatusAnswer` for the Enterprise plans).
pub fn status_json(request: &str) -> Result<String> {
    tape::print(&status_tape(request, Names::Inline)?)
}

fn status_tape(request: &str, names: Names) -> Result<Tape> {
    let value = json::parse(request)?;
    if is_enterprise_request(&value) {
        return tape::record(&care_enterprise::status(&enterprise_status_input(&value)?)?, names);
    }
    tape::record(&status(&StatusRequest::from_value(&value)?)?, names)
}

/// A Plus shared-limit contract: JSON `PlusContractRequest` in, JSON `PlusContractAnswer` out.
pub fn plus_contract_json(request: &str) -> Result<String> {
    tape::print(&plus_contract_tape(request, Names::Inline)?)
}

fn plus_contract_tape(request: &str, names: Names) -> Result<Tape> {
    tape::record(&care_enterprise::plus_contract(&plus_contract_input(&json::parse(request)?)?)?, names)
}

/// Basic against Plus for sales: JSON `CompareRequest` in, JSON `CompareAnswer` out.
pub fn compare_json(request: &str) -> Result<String> {
    tape::print(&compare_tape(request, Names::Inline)?)
}

fn compare_tape(request: &str, names: Names) -> Result<Tape> {
    tape::record(&care_enterprise::compare(&compare_input(&json::parse(request)?)?)?, names)
}

/// Reads an Enterprise buy request. Basic / Plus take `activatedAt` and `invitationAt`; the
/// Renew plans take `held` and `videoInspectionPassed` instead.
fn enterprise_buy_input(value: &Value<'_>) -> Result<care_enterprise::BuyInput> {
    let plan = enterprise_plan_id(value).unwrap_or_default();
    let renew = care_enterprise::PlanKind::of(&plan).is_some_and(care_enterprise::PlanKind::is_renew);
    let keys: &[&str] = if renew {
        &["plan", "product", "held", "videoInspectionPassed", "region", "now"]
    } else {
        &["plan", "product", "activatedAt", "invitationAt", "region", "now"]
    };
    let f = Fields::of(value, "the buy request", keys)?;
    let held = match f.optional("held") {
        None if renew => {
            return Err(Error::new(
                ErrorCode::MissingField,
                format!("missing field `held` (the plan renewed) for `{plan}`"),
            ))
        }
        None => None,
        Some(h) => {
            let basic = plan == "enterprise-basic-renew";
            let keys: &[&str] = if basic { &["start", "replacementsUsed"] } else { &["start", "claimed"] };
            let h = Fields::of(h, "the plan held", keys)?;
            Some(care_enterprise::Held {
                start: parse_date("held.start", &h.text("start")?)?,
                replacements_used: if basic { h.optional_count("replacementsUsed")?.unwrap_or(0) } else { 0 },
                claimed: if basic { 0 } else { h.optional_yen("claimed")?.unwrap_or_default() },
            })
        }
    };
    Ok(care_enterprise::BuyInput {
        plan: f.text("plan")?,
        product: f.text("product")?,
        activated_at: optional_instant("activatedAt", f.optional_text("activatedAt")?.as_deref())?,
        invitation_at: optional_instant("invitationAt", f.optional_text("invitationAt")?.as_deref())?,
        held,
        video_inspection_passed: f.optional_flag("videoInspectionPassed")?.unwrap_or(false),
        region: f.optional_text("region")?.unwrap_or_else(|| care_enterprise::REGION_PRICED.to_owned()),
        now: parse_instant("now", &f.text("now")?)?,
    })
}

/// Reads an Enterprise status request.
fn enterprise_status_input(value: &Value<'_>) -> Result<care_enterprise::StatusInput> {
    let f = Fields::of(
        value,
        "the status request",
        &["plan", "product", "start", "claims", "videoInspectionPassed", "now"],
    )?;
    let claims = f
        .list("claims")?
        .iter()
        .map(|v| {
            let c = Fields::of(v, "a claim", &["date", "amount"])?;
            Ok(care_enterprise::Claim {
                date: parse_date("claims.date", &c.text("date")?)?,
                amount: c.optional_yen("amount")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(care_enterprise::StatusInput {
        plan: f.text("plan")?,
        product: f.text("product")?,
        start: parse_date("start", &f.text("start")?)?,
        claims,
        video_inspection_passed: f.optional_flag("videoInspectionPassed")?.unwrap_or(false),
        now: parse_instant("now", &f.text("now")?)?,
    })
}

/// Reads a Plus contract request.
fn plus_contract_input(value: &Value<'_>) -> Result<care_enterprise::ContractInput> {
    let f =
        Fields::of(value, "the plusContract request", &["activatedOn", "owner", "region", "members", "claims", "now"])?;
    let members = f
        .list("members")?
        .iter()
        .map(|v| {
            let m = Fields::of(v, "a member", &["id", "product", "date", "owner", "region", "videoInspectionPassed"])?;
            Ok(care_enterprise::MemberInput {
                id: m.optional_text("id")?,
                product: m.text("product")?,
                date: parse_date("members.date", &m.text("date")?)?,
                owner: m.optional_text("owner")?,
                region: m.optional_text("region")?,
                video_inspection_passed: m.optional_flag("videoInspectionPassed")?.unwrap_or(false),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let claims = f
        .list("claims")?
        .iter()
        .map(|v| {
            let c = Fields::of(v, "a claim", &["member", "date", "amount"])?;
            Ok(care_enterprise::ContractClaim {
                member: c.text("member")?,
                date: parse_date("claims.date", &c.text("date")?)?,
                amount: c.yen("amount")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(care_enterprise::ContractInput {
        activated_on: parse_date("activatedOn", &f.text("activatedOn")?)?,
        owner: f.text("owner")?,
        region: f.optional_text("region")?.unwrap_or_else(|| care_enterprise::REGION_PRICED.to_owned()),
        members,
        claims,
        now: parse_instant("now", &f.text("now")?)?,
    })
}

/// Reads a compare request: `product` (and `units`, 1 by default) or `fleet`.
fn compare_input(value: &Value<'_>) -> Result<care_enterprise::CompareInput> {
    let f = Fields::of(value, "the compare request", &["product", "units", "fleet", "incidents", "repairCost"])?;
    let mut fleet = f
        .list("fleet")?
        .iter()
        .map(|v| {
            let l = Fields::of(v, "a fleet line", &["product", "units"])?;
            Ok(care_enterprise::FleetLine {
                product: l.text("product")?,
                units: l.optional_count("units")?.unwrap_or(1),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    match (f.optional_text("product")?, fleet.is_empty()) {
        (Some(product), true) => {
            fleet.push(care_enterprise::FleetLine { product, units: f.optional_count("units")?.unwrap_or(1) })
        }
        (Some(_), false) => {
            return Err(Error::new(ErrorCode::InvalidRequest, "give `product` (and `units`) or `fleet`, not both"))
        }
        (None, _) if f.optional("units").is_some() => {
            return Err(Error::new(ErrorCode::MissingField, "`units` needs `product` (or give `fleet`)"))
        }
        (None, _) => {}
    }
    Ok(care_enterprise::CompareInput { fleet, incidents: f.count("incidents")?, repair_cost: f.yen("repairCost")? })
}

/// i-PRO warranty phase and repair terms now. JSON `IproRequest` in, JSON `IproAnswer` out.
pub fn ipro_json(request: &str) -> Result<String> {
    tape::print(&ipro_tape(request, Names::Inline)?)
}

fn ipro_tape(request: &str, names: Names) -> Result<Tape> {
    tape::record(&ipro(&IproRequest::from_json(request)?)?, names)
}

/// Calls one function of the API by its JavaScript name: `catalog`, `buy`, `status`, `ipro`,
/// `plusContract` or `compare`.
pub fn call_json(function: &str, request: &str) -> Result<String> {
    match function {
        "catalog" => catalog_json().map(str::to_owned),
        other => tape::print(&call_tape(other, request, Names::Inline)?),
    }
}

/// Calls a function other than `catalog` and records its answer on a tape (for the wasm
/// reader with [`Names::Shared`], or to print).
pub(crate) fn call_tape(function: &str, request: &str, names: Names) -> Result<Tape> {
    match function {
        "buy" => buy_tape(request, names),
        "status" => status_tape(request, names),
        "ipro" => ipro_tape(request, names),
        "plusContract" => plus_contract_tape(request, names),
        "compare" => compare_tape(request, names),
        other => Err(Error::new(ErrorCode::InvalidValue, format!("unknown function `{}`", clip(other)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_errors_map_to_codes() {
        assert_eq!(buy_json("{").unwrap_err().code(), ErrorCode::InvalidJson);
        assert_eq!(buy_json("").unwrap_err().code(), ErrorCode::InvalidJson);
        assert_eq!(buy_json("[]").unwrap_err().code(), ErrorCode::InvalidRequest);
        assert_eq!(buy_json(r#"{"plan":"a"}"#).unwrap_err().code(), ErrorCode::MissingField);
        assert_eq!(
            buy_json(r#"{"plan":"a","product":"b","now":"x","nope":1}"#).unwrap_err().code(),
            ErrorCode::UnknownField
        );
        assert_eq!(buy_json(r#"{"plan":1,"product":"b","now":"x"}"#).unwrap_err().code(), ErrorCode::InvalidRequest);
    }

    #[test]
    fn catalog_json_parses() {
        let a = catalog_json().unwrap();
        let v: serde_json::Value = serde_json::from_str(a).unwrap();
        assert_eq!(v["products"].as_array().unwrap().len(), 57);
        assert_eq!(v["ipro"]["kinds"].as_array().unwrap().len(), 4);
    }
}
