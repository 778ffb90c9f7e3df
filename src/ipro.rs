//! i-PRO: the product warranty and the Partners Circle 5-year hardware warranty (docs/rules.md IP-1 …
//! IP-6).
//!
//! **Covers** the plans `ipro-warranty` (1 year from the end user's delivery date) and
//! `ipro-partners-5y` (4 more years, for listed models sold to a Partners Circle member), for the
//! product kinds `camera`, `recorder`, `accessory` and `non-repairable` (mounts, brackets, SD
//! cards). Japan only.
//!
//! **Source**: i-PRO's warranty and repair deck (seed 004, 2022-05, revised 2023-12). The terms
//! are data, in `data/ipro_terms.json`: the lengths of both periods, and per kind and phase the
//! repair forms, on-site repair, HDD and software coverage; the shipping, proof, request route and
//! the exclusions.
//!
//! **Rules**: IP-1 the product warranty, its proof and the Japan-only condition; IP-2 the 5-year
//! warranty's eligibility and dates; IP-3 the repair forms, the recorder's HDD and software
//! fixes; IP-4 the exclusions to check; IP-5 shipping and on-site repair; IP-6 paid repair after
//! the warranty, products that cannot be repaired, requests through the partner.
//!
//! **Edge cases**: the product warranty runs from 0:00 of the delivery date to 24:00 of the day
//! before its first anniversary (T-2); the 5-year warranty starts the next day and lasts 48
//! months, so a delivery on 2024-02-29 is covered through 2025-02-28, then 2025-03-01 …
//! 2029-02-28. "Today" is the Japan date of "now" (T-1). Only the answers a question needs are
//! required: membership and the 5-year list only decide years 2 to 5, and an answer left out is
//! needed only when it changes whether this repair is free (issue 14): an HDD or a software fix
//! in years 2 to 5 is paid whatever they are, and after year 5 a repair is paid in Japan or not.
//! Then the phase is `undecided`, with the phases left open and the facts that would decide it.
//!
//! **Decisions** (the seed is silent; see the README): a software fix is free under the product
//! warranty (the seed excludes it only from the 5-year warranty); a recorder in its first year
//! is repaired on site (included) or by pick-up; an accessory by pick-up; a `non-repairable`
//! product has no warranty at all and must be bought again; outside Japan neither warranty
//! applies and the Japanese terms say nothing about repair forms.

use serde::Serialize;

use crate::answer::{RuleId, Rules};
use crate::catalog::catalog;
pub use crate::catalog::ipro::Kind;
use crate::catalog::ipro::{Form, KindTerms, OnSite, Shipping};
use crate::error::clip;
use crate::error::{Error, ErrorCode, Result};
use crate::time::{days_after, japan_date, period_end, Date, Instant, Period};

/// What failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Failure {
    /// The unit itself (hardware), the default.
    #[default]
    Unit,
    /// A recorder's HDD (IP-3).
    Hdd,
    /// Software: a software fix (IP-3).
    Software,
}

impl Failure {
    /// The failure of an id (`unit`, `hdd`, `software`), or `invalid_value`.
    pub fn parse(id: &str) -> Result<Self> {
        match id {
            "unit" => Ok(Self::Unit),
            "hdd" => Ok(Self::Hdd),
            "software" => Ok(Self::Software),
            other => Err(Error::new(
                ErrorCode::InvalidValue,
                format!("`failed` must be `unit`, `hdd` or `software`, not `{}`", clip(other)),
            )),
        }
    }
}

// ------------------------------------------------------------------------------------ rules

/// A question about an i-PRO product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IproInput {
    /// The product's kind.
    pub kind: Kind,
    /// The end user's delivery date (納品日), Japan date (IP-1).
    pub delivery_date: Date,
    /// Sold to a Partners Circle member (IP-2); needed only to decide years 2 to 5.
    pub partners_circle_member: Option<bool>,
    /// The model is on i-PRO's 5-year list (IP-2); needed only to decide years 2 to 5 for a member.
    pub on_five_year_list: Option<bool>,
    /// Sold and used in Japan (IP-1); needed for every kind that has a warranty.
    pub in_japan: Option<bool>,
    /// What failed; the unit by default.
    pub failed: Failure,
    /// "Now" (T-6).
    pub now: Instant,
}

/// Where the product is in its warranty life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Phase {
    /// The 1-year product warranty (IP-1).
    #[serde(rename = "product-warranty")]
    ProductWarranty,
    /// The Partners Circle 5-year hardware warranty, years 2 to 5 (IP-2).
    #[serde(rename = "partners-5y")]
    Partners5y,
    /// Past every warranty it had: paid repair (IP-6).
    #[serde(rename = "expired")]
    Expired,
    /// No warranty at all: a kind without one, or outside Japan (IP-1).
    #[serde(rename = "not-covered")]
    NotCovered,
    /// The answers given do not decide the phase, and whether this repair is free is the same in
    /// every phase they leave open (`possiblePhases`, `undecidedBy`).
    #[serde(rename = "undecided")]
    Undecided,
}

/// Why a product has no warranty at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotCoveredReason {
    /// Mounts, SD cards and similar: no product warranty (IP-1, IP-6).
    KindNotWarranted,
    /// Not sold and used in Japan (IP-1).
    OutsideJapan,
}

/// Why the 5-year warranty does not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartnersReason {
    /// The kind never has it (IP-2).
    KindNotEligible,
    /// Not sold and used in Japan (IP-1).
    OutsideJapan,
    /// Not sold to a Partners Circle member (IP-2).
    NotMember,
    /// The model is not on i-PRO's 5-year list (IP-2).
    NotOnList,
}

/// Why this repair is not free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotFree {
    /// Past every warranty (IP-6).
    Expired,
    /// A recorder's HDD under the 5-year warranty (IP-3).
    HddNotCovered,
    /// A software fix under the 5-year warranty (IP-3).
    SoftwareNotCovered,
    /// Not sold and used in Japan (IP-1).
    OutsideJapan,
    /// A kind that cannot be repaired: buy a new one (IP-6).
    NotRepairable,
}

/// The product warranty's dates, and whether the product has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductWarranty {
    /// `ipro-warranty`.
    pub plan: String,
    /// From the delivery date, 12 months (T-2).
    pub period: Period,
    /// Whether this product has it.
    pub applies: bool,
}

/// The 5-year warranty's dates, and whether the product has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Partners5y {
    /// `ipro-partners-5y`.
    pub plan: String,
    /// From the day after the product warranty ends, 48 months (T-2).
    pub period: Period,
    /// Whether this product has it; `null` when an answer that decides it was not given.
    pub eligible: Option<bool>,
    /// Why not (every reason known).
    pub not_eligible: Vec<PartnersReason>,
}

/// How this repair is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Repair {
    /// Whether it is paid (not free).
    pub paid: bool,
    /// The forms, the usual first; empty when the product cannot be repaired.
    pub forms: Vec<Form>,
    /// Whether the form depends on the model (cameras).
    pub forms_depend_on_model: bool,
    /// On-site repair: included, at extra cost, or not offered.
    pub on_site: OnSite,
    /// On-site repair in remote areas and islands costs extra travel (IP-5).
    pub remote_areas_extra_travel_cost: bool,
    /// The product cannot be repaired and must be bought again (IP-6).
    pub rebuy: bool,
}

/// The answer to [`ipro`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IproAnswer {
    /// The kind asked.
    pub kind: Kind,
    /// The delivery date asked.
    pub delivery_date: Date,
    /// The Japan date of "now" (T-1).
    pub today: Date,
    /// What failed.
    pub failed: Failure,
    /// Where the product is now.
    pub phase: Phase,
    /// Phase `undecided`: the phases the answers given leave open (present only then).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub possible_phases: Vec<Phase>,
    /// Phase `undecided`: the request's fields, not given, that would decide the phase; this
    /// repair's answer does not depend on them (present only then).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub undecided_by: Vec<&'static str>,
    /// Why it has no warranty at all (phase `not-covered`); empty otherwise.
    pub not_covered: Vec<NotCoveredReason>,
    /// The product warranty (IP-1).
    pub product_warranty: ProductWarranty,
    /// The 5-year warranty (IP-2).
    pub partners_5y: Partners5y,
    /// The five years since delivery, each a period of 12 months (T-2).
    pub years: Vec<Period>,
    /// Whether this repair is free now (subject to the exclusions).
    pub free_repair: bool,
    /// Why not, when it is not.
    pub not_free: Option<NotFree>,
    /// How it is repaired; `null` outside Japan (the Japanese terms do not say).
    pub repair: Option<Repair>,
    /// Whether a recorder's HDD is covered now; `null` for kinds without an HDD.
    pub hdd_covered: Option<bool>,
    /// Who pays shipping each way, when the unit is sent (IP-5).
    pub shipping: Option<Shipping>,
    /// The proof of the delivery date to show, during a warranty (IP-1).
    pub proof: Option<String>,
    /// Who the end user asks: `partner` (IP-6).
    pub request_through: String,
    /// Where to ask when the partner cannot take a free repair (IP-1).
    pub fallback: String,
    /// Exclusions to check before counting on a free repair (IP-4); empty outside a warranty.
    pub exclusions: Vec<String>,
    /// The rule ids that produced this answer.
    pub rules: Vec<RuleId>,
}

fn missing(field: &str, why: &str) -> Error {
    Error::new(ErrorCode::MissingField, format!("`{field}` is needed {why}")).at(field)
}

/// The phase, with the reasons; errors when an answer that decides it is missing.
fn phase(
    input: &IproInput,
    kind: &KindTerms,
    today: Date,
    year_1: Period,
    partners: Period,
) -> Result<(Phase, Vec<NotCoveredReason>)> {
    if !kind.product_warranty {
        let mut reasons = vec![NotCoveredReason::KindNotWarranted];
        if input.in_japan == Some(false) {
            reasons.push(NotCoveredReason::OutsideJapan);
        }
        return Ok((Phase::NotCovered, reasons));
    }
    let in_japan = input.in_japan.ok_or_else(|| missing("inJapan", "(the warranty is valid only in Japan)"))?;
    if !in_japan {
        return Ok((Phase::NotCovered, vec![NotCoveredReason::OutsideJapan]));
    }
    if today <= year_1.end {
        return Ok((Phase::ProductWarranty, Vec::new()));
    }
    if !kind.partners || today > partners.end {
        return Ok((Phase::Expired, Vec::new()));
    }
    let member = input
        .partners_circle_member
        .ok_or_else(|| missing("partnersCircleMember", "in years 2 to 5 (the 5-year warranty)"))?;
    if !member {
        return Ok((Phase::Expired, Vec::new()));
    }
    let listed = input
        .on_five_year_list
        .ok_or_else(|| missing("onFiveYearList", "in years 2 to 5 for a Partners Circle member"))?;
    Ok((if listed { Phase::Partners5y } else { Phase::Expired }, Vec::new()))
}

/// The facts a request may leave out, by their request field.
const FACTS: [&str; 3] = ["inJapan", "partnersCircleMember", "onFiveYearList"];

/// The input with these answers to the facts (in the order of [`FACTS`]).
fn with_facts(input: &IproInput, facts: [bool; 3]) -> IproInput {
    let [in_japan, member, listed] = facts;
    IproInput {
        in_japan: Some(in_japan),
        partners_circle_member: Some(member),
        on_five_year_list: Some(listed),
        ..*input
    }
}

/// Every way of answering the facts the request left out (the given ones as given).
fn completions(input: &IproInput) -> Vec<[bool; 3]> {
    let given = [input.in_japan, input.partners_circle_member, input.on_five_year_list];
    let mut all = vec![[false; 3]];
    for (i, fact) in given.iter().enumerate() {
        let values: &[bool] = match fact {
            Some(true) => &[true],
            Some(false) => &[false],
            None => &[false, true],
        };
        all = all
            .into_iter()
            .flat_map(|c| {
                values.iter().map(move |v| {
                    let mut c = c;
                    if let Some(slot) = c.get_mut(i) {
                        *slot = *v;
                    }
                    c
                })
            })
            .collect();
    }
    all
}

/// What a phase means for this repair.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    phase: Phase,
    not_covered: Vec<NotCoveredReason>,
    /// Whether the phase has a service for the kind (the Japanese terms say how it is repaired).
    serviced: bool,
    free_repair: bool,
    not_free: Option<NotFree>,
    repair: Option<Repair>,
    hdd_covered: Option<bool>,
    covered_now: bool,
}

fn outcome(
    input: &IproInput,
    kind: &KindTerms,
    on_site_extra_travel: bool,
    (phase, not_covered): (Phase, Vec<NotCoveredReason>),
) -> Outcome {
    let service = match phase {
        Phase::ProductWarranty => kind.service.product_warranty.as_ref(),
        Phase::Partners5y => kind.service.partners_5y.as_ref(),
        Phase::Expired => kind.service.paid.as_ref(),
        Phase::NotCovered | Phase::Undecided => None,
    };
    let covered_now = matches!(phase, Phase::ProductWarranty | Phase::Partners5y);
    let not_free = match phase {
        Phase::NotCovered if !kind.repairable => Some(NotFree::NotRepairable),
        Phase::NotCovered | Phase::Undecided => Some(NotFree::OutsideJapan),
        Phase::Expired => Some(NotFree::Expired),
        Phase::ProductWarranty | Phase::Partners5y => match (input.failed, service) {
            (Failure::Hdd, Some(s)) if s.hdd_covered != Some(true) => Some(NotFree::HddNotCovered),
            (Failure::Software, Some(s)) if !s.software_covered => Some(NotFree::SoftwareNotCovered),
            _ => None,
        },
    };
    let free_repair = not_free.is_none();
    let repair = match (service, kind.repairable) {
        (Some(s), _) => Some(Repair {
            paid: !free_repair,
            forms: s.forms.clone(),
            forms_depend_on_model: kind.forms_depend_on_model,
            on_site: s.on_site,
            remote_areas_extra_travel_cost: s.on_site != OnSite::NotOffered && on_site_extra_travel,
            rebuy: false,
        }),
        (None, false) => Some(Repair {
            paid: true,
            forms: Vec::new(),
            forms_depend_on_model: false,
            on_site: OnSite::NotOffered,
            remote_areas_extra_travel_cost: false,
            rebuy: true,
        }),
        (None, true) => None,
    };
    let hdd_covered = if kind.has_hdd { Some(service.and_then(|s| s.hdd_covered).unwrap_or(false)) } else { None };
    Outcome { phase, not_covered, serviced: service.is_some(), free_repair, not_free, repair, hdd_covered, covered_now }
}

/// The outcome when the answers given decide the phase; otherwise, when this repair's answer is
/// the same in every phase they leave open, that answer with phase `undecided`, the phases left
/// open and the facts that would decide (else the `missing_field` of the first fact needed).
fn decided_or_same(
    input: &IproInput,
    kind: &KindTerms,
    on_site_extra_travel: bool,
    decide: impl Fn(&IproInput) -> Result<(Phase, Vec<NotCoveredReason>)>,
) -> Result<(Outcome, Vec<Phase>, Vec<&'static str>)> {
    let missing = match decide(input) {
        Ok(decided) => return Ok((outcome(input, kind, on_site_extra_travel, decided), Vec::new(), Vec::new())),
        Err(e) if e.code() == ErrorCode::MissingField => e,
        Err(e) => return Err(e),
    };
    let cases = completions(input);
    let outcomes = cases
        .iter()
        .map(|facts| {
            let complete = with_facts(input, *facts);
            Ok(outcome(&complete, kind, on_site_extra_travel, decide(&complete)?))
        })
        .collect::<Result<Vec<_>>>()?;
    let Some(first) = outcomes.first() else { return Err(missing) };
    let same = |f: &dyn Fn(&Outcome) -> bool| outcomes.iter().all(f);
    if !same(&|o| o.free_repair == first.free_repair && o.hdd_covered == first.hdd_covered) {
        return Err(missing);
    }
    let mut phases: Vec<Phase> = outcomes.iter().map(|o| o.phase).collect();
    phases.sort();
    phases.dedup();
    // A fact decides when two cases that differ in it alone are in different phases.
    let undecided_by = FACTS
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            cases.iter().zip(&outcomes).any(|(a, oa)| {
                cases.iter().zip(&outcomes).any(|(b, ob)| {
                    oa.phase != ob.phase && a.iter().zip(b.iter()).enumerate().all(|(j, (x, y))| (j == *i) != (x == y))
                })
            })
        })
        .map(|(_, f)| *f)
        .collect();
    // A reason true in every case: what failed, before the time.
    let priority = [
        NotFree::NotRepairable,
        NotFree::HddNotCovered,
        NotFree::SoftwareNotCovered,
        NotFree::Expired,
        NotFree::OutsideJapan,
    ];
    let merged = Outcome {
        phase: if phases.len() == 1 { first.phase } else { Phase::Undecided },
        not_covered: if same(&|o| o.not_covered == first.not_covered) { first.not_covered.clone() } else { Vec::new() },
        serviced: same(&|o| o.serviced),
        free_repair: first.free_repair,
        not_free: if same(&|o| o.not_free == first.not_free) {
            first.not_free
        } else {
            priority.into_iter().find(|r| outcomes.iter().any(|o| o.not_free == Some(*r)))
        },
        repair: if same(&|o| o.repair == first.repair) { first.repair.clone() } else { None },
        hdd_covered: first.hdd_covered,
        covered_now: same(&|o| o.covered_now),
    };
    if merged.phase == Phase::Undecided {
        Ok((merged, phases, undecided_by))
    } else {
        Ok((merged, Vec::new(), Vec::new()))
    }
}

/// Whether the 5-year warranty applies, from what is known.
fn partners_eligibility(input: &IproInput, kind: &KindTerms) -> (Option<bool>, Vec<PartnersReason>) {
    let mut reasons = Vec::new();
    if !kind.partners {
        reasons.push(PartnersReason::KindNotEligible);
    }
    let known = [
        (input.in_japan, PartnersReason::OutsideJapan),
        (input.partners_circle_member, PartnersReason::NotMember),
        (input.on_five_year_list, PartnersReason::NotOnList),
    ];
    reasons.extend(known.iter().filter(|(v, _)| *v == Some(false)).map(|(_, r)| *r));
    let all_known = known.iter().all(|(v, _)| v.is_some());
    let eligible = if !reasons.is_empty() {
        Some(false)
    } else if all_known {
        Some(true)
    } else {
        None
    };
    (eligible, reasons)
}

/// The phase of an i-PRO product now, both warranties' dates, and how a repair is done and paid.
/// "Not covered" and "expired" are answers; only bad or missing input is an [`Error`].
///
/// ```
/// use coverage_calc::ipro::{ipro, Failure, IproInput, Kind, Phase};
/// use coverage_calc::time::{parse_date, parse_instant};
/// let answer = ipro(&IproInput {
///     kind: Kind::Recorder,
///     delivery_date: parse_date("deliveryDate", "2024-02-29").unwrap(),
///     partners_circle_member: Some(true),
///     on_five_year_list: Some(true),
///     in_japan: Some(true),
///     failed: Failure::Hdd,
///     now: parse_instant("now", "2025-03-01T00:00:00+09:00").unwrap(),
/// })
/// .unwrap();
/// assert_eq!(answer.phase, Phase::Partners5y);
/// assert_eq!(answer.product_warranty.period.end.to_string(), "2025-02-28");
/// assert_eq!(answer.partners_5y.period.end.to_string(), "2029-02-28");
/// assert!(!answer.free_repair); // the HDD is not covered by the 5-year warranty (IP-3)
/// ```
pub fn ipro(input: &IproInput) -> Result<IproAnswer> {
    let terms = &catalog()?.ipro;
    let kind = terms.kind(input.kind)?;
    let mut rules = Rules::default();
    rules.add(&[RuleId::T1]);
    let today = japan_date(input.now)?;
    rules.add(&[RuleId::Ip1]);
    if input.delivery_date > today {
        return Err(Error::new(
            ErrorCode::DeliveryAfterNow,
            format!("`deliveryDate` `{}` is after today `{today}` (Japan date of `now`)", input.delivery_date),
        )
        .at("deliveryDate"));
    }
    if input.failed == Failure::Hdd && !kind.has_hdd {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            format!("`failed` `hdd` is only for a recorder, not a `{}`", input.kind.as_str()),
        )
        .at("failed"));
    }
    rules.add(&[RuleId::T2, RuleId::Ip2]);
    let year_1 = Period::of_months(input.delivery_date, terms.product_warranty.months)?;
    let partners_start = days_after(period_end(input.delivery_date, terms.partners.starts_after_months)?, 1)?;
    let partners_period = Period::of_months(partners_start, terms.partners.months)?;
    let years = (1u32..=5)
        .try_fold((Vec::new(), input.delivery_date), |(mut years, start), n| {
            let end = period_end(input.delivery_date, n.saturating_mul(12))?;
            years.push(Period { start, end });
            Ok::<_, Error>((years, days_after(end, 1)?))
        })?
        .0;

    let extra_travel = terms.on_site_area.remote_areas_extra_travel_cost;
    let (found, possible_phases, undecided_by) =
        decided_or_same(input, kind, extra_travel, |i| phase(i, kind, today, year_1, partners_period))?;
    let (eligible, not_eligible) = partners_eligibility(input, kind);
    let Outcome { phase, not_covered, serviced, free_repair, not_free, repair, hdd_covered, covered_now } = found;
    if input.failed != Failure::Unit || serviced {
        rules.add(&[RuleId::Ip3]);
    }
    let exclusions = if covered_now { terms.exclusions.iter().map(|x| x.id.clone()).collect() } else { Vec::new() };
    if covered_now {
        rules.add(&[RuleId::Ip4]);
    }
    let sent = repair.as_ref().is_some_and(|r| r.forms.iter().any(|f| *f != Form::OnSite));
    if sent || repair.as_ref().is_some_and(|r| r.on_site != OnSite::NotOffered) {
        rules.add(&[RuleId::Ip5]);
    }
    rules.add(&[RuleId::Ip6]);
    Ok(IproAnswer {
        kind: input.kind,
        delivery_date: input.delivery_date,
        today,
        failed: input.failed,
        phase,
        possible_phases,
        undecided_by,
        not_covered,
        product_warranty: ProductWarranty {
            plan: terms.product_warranty.plan.clone(),
            period: year_1,
            applies: kind.product_warranty && input.in_japan != Some(false),
        },
        partners_5y: Partners5y { plan: terms.partners.plan.clone(), period: partners_period, eligible, not_eligible },
        years,
        free_repair,
        not_free,
        repair,
        hdd_covered,
        shipping: if sent { Some(terms.shipping) } else { None },
        proof: if covered_now { Some(terms.proof.clone()) } else { None },
        request_through: terms.request_through.clone(),
        fallback: terms.fallback.clone(),
        exclusions,
        rules: rules.into_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ipro::Payer;
    use crate::time::{parse_date, parse_instant};

    fn ask(kind: Kind, delivery: &str, now: &str) -> IproInput {
        IproInput {
            kind,
            delivery_date: parse_date("d", delivery).unwrap(),
            partners_circle_member: Some(true),
            on_five_year_list: Some(true),
            in_japan: Some(true),
            failed: Failure::Unit,
            now: parse_instant("now", now).unwrap(),
        }
    }

    #[test]
    fn embedded_terms_load() {
        let t = &catalog().unwrap().ipro;
        assert_eq!(t.kinds.len(), 4);
        assert_eq!(t.exclusions.len(), 9);
        assert_eq!(t.kind(Kind::Recorder).unwrap().service.partners_5y.as_ref().unwrap().hdd_covered, Some(false));
        assert_eq!(t.shipping, Shipping { to_ipro: Payer::Partner, back: Payer::Ipro });
    }

    #[test]
    fn five_years_are_contiguous() {
        let a = ipro(&ask(Kind::Camera, "2024-02-29", "2024-03-01T00:00:00+09:00")).unwrap();
        let ends: Vec<String> = a.years.iter().map(|p| p.end.to_string()).collect();
        assert_eq!(ends, ["2025-02-28", "2026-02-28", "2027-02-28", "2028-02-28", "2029-02-28"]);
        assert_eq!(a.years[1].start.to_string(), "2025-03-01");
        assert_eq!(a.years[4].end, a.partners_5y.period.end);
        assert_eq!(a.years[0], a.product_warranty.period);
    }

    #[test]
    fn unknown_membership_is_fine_in_year_1_but_needed_in_year_2() {
        let mut q = ask(Kind::Camera, "2025-04-01", "2026-03-31T23:59:59+09:00");
        q.partners_circle_member = None;
        q.on_five_year_list = None;
        let a = ipro(&q).unwrap();
        assert_eq!(a.phase, Phase::ProductWarranty);
        assert_eq!(a.partners_5y.eligible, None);
        q.now = parse_instant("now", "2026-04-01T00:00:00+09:00").unwrap();
        assert_eq!(ipro(&q).unwrap_err().code(), ErrorCode::MissingField);
        q.partners_circle_member = Some(false);
        assert_eq!(ipro(&q).unwrap().phase, Phase::Expired);
    }

    #[test]
    fn unknowns_that_cannot_change_the_repair_are_not_needed() {
        let mut q = ask(Kind::Recorder, "2024-04-01", "2026-11-20T10:00:00+09:00");
        q.partners_circle_member = None;
        q.on_five_year_list = None;
        q.failed = Failure::Hdd;
        let a = ipro(&q).unwrap();
        assert_eq!((a.phase, a.free_repair, a.not_free), (Phase::Undecided, false, Some(NotFree::HddNotCovered)));
        assert_eq!(a.possible_phases, [Phase::Partners5y, Phase::Expired]);
        assert_eq!(a.undecided_by, ["partnersCircleMember", "onFiveYearList"]);
        // Every completion of the unknowns agrees with the merged answer on what is decided.
        for (m, l) in [(false, false), (true, false), (true, true)] {
            let full = ipro(&IproInput { partners_circle_member: Some(m), on_five_year_list: Some(l), ..q }).unwrap();
            assert!(a.possible_phases.contains(&full.phase));
            assert_eq!((full.free_repair, full.hdd_covered, &full.repair), (a.free_repair, a.hdd_covered, &a.repair));
        }
        // The unit itself: free under the 5-year warranty, paid otherwise: needed.
        q.failed = Failure::Unit;
        assert_eq!(ipro(&q).unwrap_err().field(), Some("partnersCircleMember"));
        // A member not on the list: decided (expired), nothing undecided.
        q.partners_circle_member = Some(true);
        q.on_five_year_list = Some(false);
        let a = ipro(&q).unwrap();
        assert_eq!(a.phase, Phase::Expired);
        assert!(a.possible_phases.is_empty() && a.undecided_by.is_empty());
    }

    #[test]
    fn every_kind_and_phase_answers() {
        for kind in Kind::ALL {
            for now in ["2025-04-01T00:00:00+09:00", "2027-01-01T00:00:00+09:00", "2031-01-01T00:00:00+09:00"] {
                for failed in [Failure::Unit, Failure::Software] {
                    let mut q = ask(kind, "2025-04-01", now);
                    q.failed = failed;
                    let a = ipro(&q).unwrap();
                    assert_eq!(a.free_repair, a.not_free.is_none());
                    assert_eq!(a.exclusions.is_empty(), !matches!(a.phase, Phase::ProductWarranty | Phase::Partners5y));
                }
            }
        }
    }
}
