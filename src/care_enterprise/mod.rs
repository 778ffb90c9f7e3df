//! DJI Care Enterprise: buying Basic, Plus and their Renew plans, the status of a plan held, the
//! Plus shared-limit contract, and Basic against Plus for sales (docs/rules.md EN-1 … EN-13).
//!
//! **Covers** the plans `enterprise-basic`, `enterprise-plus`, `enterprise-basic-renew` and
//! `enterprise-plus-renew` for every product of `data/care_enterprise_jp.csv` (drones, Zenmuse
//! payloads, the M2EA RTK module). A product takes a plan when its row has a price, a fee or a
//! limit for it (the catalog's `plans`); another plan is a `plan_not_offered` error.
//!
//! **Source**: DJI's Care Enterprise deck (seed 002). The windows and counts are data in
//! `data/care_enterprise_terms.json`; the prices and limits in the CSV.
//!
//! **Rules**: EN-1 the purchase routes (new; 96 h after activation; 72 h after the invitation
//! e-mail); EN-2 the region; EN-3 / EN-10 the dates; EN-4 Basic's two replacements and their
//! fees; EN-5 / EN-6 / EN-7 the Plus limit, its sharing and Zenmuse XT / XT2; EN-8 / EN-9 the
//! Renew conditions; EN-11 special handling after expiry; EN-12 the reminders; EN-13 the
//! comparison.
//!
//! **Decisions** (where docs/rules.md leaves room; each is in the README too):
//! - a plan's start date is the Japan date of "now" when bought now (EN-3: the day of
//!   association);
//! - EN-6 "within 30 days of the first activation" counts calendar days (T-4): a member
//!   associated on the activation date + 30 joins, on + 31 does not;
//! - what is deducted from a product's own limit (EN-9) is what was *covered* of its claims;
//! - EN-9's 30 % is exact: `left × 100 ≥ limit × 30`, no rounding;
//! - a reminder "N days before expiry" is on the expiry date − N;
//! - Renew is the second year: a Renew held cannot be renewed again here (the sources say
//!   nothing of a third year);
//! - EN-13 assumes the incidents fall on the units in turn (each unit's first replacement before
//!   any unit's second) and that all Plus units share one limit.
//!
//! **Edge cases**: an instant equal to a deadline is inside (T-3); day 7 after expiry is still
//! without video, day 8 needs it, day 30 is the last (T-4); a claim larger than what is left is
//! covered up to what is left (EN-5); a Basic fee higher than the repair cost is not used: the
//! customer pays the repair instead (EN-13).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::answer::{
    invitation_route, Alternative, Closed, ClosedReason, Count, Route, RouteResult, RuleId, Rules, State,
};
use crate::catalog::{catalog, Category, EnterpriseRules, EnterpriseTerms, Family, Plan, PlusMode, Product};
use crate::error::{Error, ErrorCode, Result};
use crate::money::{minus_floor, percent, plus, published, times, Fee, Money, Yen};
use crate::time::{days_after, days_before, days_until, japan_date, Date, Instant, Period, Window};

mod buy;
mod compare;
mod contract;
mod renew;
mod status;

pub use buy::*;
pub use compare::*;
pub use contract::*;
pub use renew::*;
pub use status::*;

/// The region this catalog prices.
pub const REGION_PRICED: &str = "JP";

/// The four Enterprise plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanKind {
    /// `enterprise-basic`.
    Basic,
    /// `enterprise-plus`.
    Plus,
    /// `enterprise-basic-renew`.
    BasicRenew,
    /// `enterprise-plus-renew`.
    PlusRenew,
}

impl PlanKind {
    /// The kind of a plan id, if it is an Enterprise plan.
    pub fn of(id: &str) -> Option<Self> {
        match id {
            "enterprise-basic" => Some(Self::Basic),
            "enterprise-plus" => Some(Self::Plus),
            "enterprise-basic-renew" => Some(Self::BasicRenew),
            "enterprise-plus-renew" => Some(Self::PlusRenew),
            _ => None,
        }
    }

    /// The plan id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Basic => "enterprise-basic",
            Self::Plus => "enterprise-plus",
            Self::BasicRenew => "enterprise-basic-renew",
            Self::PlusRenew => "enterprise-plus-renew",
        }
    }

    /// Whether it is a Renew plan.
    pub fn is_renew(self) -> bool {
        matches!(self, Self::BasicRenew | Self::PlusRenew)
    }

    /// Whether it is Plus or Plus Renew.
    pub fn is_plus(self) -> bool {
        matches!(self, Self::Plus | Self::PlusRenew)
    }
}

// ------------------------------------------------------------------------------------------------
// Counts (amounts are `crate::money::Yen`, with the checked arithmetic of `crate::money`).

pub(super) fn one_more(n: u32) -> Result<u32> {
    n.checked_add(1).ok_or_else(|| Error::out_of_range("a count"))
}

// ------------------------------------------------------------------------------------------------
// Catalog access

pub(super) fn rules_data() -> Result<&'static EnterpriseRules> {
    Ok(&catalog()?.enterprise)
}

/// The plan, its kind, the product and its terms; `product_not_in_family` for a product of
/// another family, `plan_not_offered` for a plan the product's row has nothing for.
pub(super) fn plan_and_product(
    plan: &str,
    product: &str,
) -> Result<(&'static Plan, PlanKind, &'static Product, &'static EnterpriseTerms)> {
    let (plan, product) = catalog()?.plan_for_product(plan, product)?;
    let kind = PlanKind::of(&plan.id).ok_or_else(|| {
        Error::new(ErrorCode::ProductNotInFamily, format!("plan `{}` is not an enterprise plan", plan.id))
    })?;
    let terms = product.enterprise_terms().ok_or_else(|| {
        Error::new(ErrorCode::ProductNotInFamily, format!("product `{}` is not a care-enterprise product", product.id))
    })?;
    if !product.plans.contains(&plan.id) {
        return Err(Error::new(
            ErrorCode::PlanNotOffered,
            format!(
                "product `{}` has no `{}` in the catalog (the sources list no price, fee or limit)",
                product.id, plan.id
            ),
        ));
    }
    Ok((plan, kind, product, terms))
}

pub(super) fn enterprise_product(id: &str) -> Result<(&'static Product, &'static EnterpriseTerms)> {
    let product = catalog()?.product(id)?;
    let terms = product.enterprise_terms().ok_or_else(|| {
        Error::new(
            ErrorCode::ProductNotInFamily,
            format!("product `{}` is a {} product, not a care-enterprise one", product.id, product.family.as_str()),
        )
    })?;
    Ok((product, terms))
}

pub(super) fn offers(product: &Product, kind: PlanKind) -> bool {
    product.plans.iter().any(|p| p == kind.id())
}

pub(super) fn plan_price(kind: PlanKind, terms: &EnterpriseTerms) -> Fee {
    match kind {
        PlanKind::Basic => terms.basic_price,
        PlanKind::Plus => terms.plus_price,
        PlanKind::BasicRenew => terms.basic_renew_price,
        PlanKind::PlusRenew => terms.plus_renew_price,
    }
}

/// The fee of each replacement a Basic plan gives (EN-4, EN-8).
pub(super) fn replacement_fees(kind: PlanKind, terms: &EnterpriseTerms, data: &EnterpriseRules) -> Vec<Fee> {
    match kind {
        PlanKind::Basic => [terms.basic_fee_1, terms.basic_fee_2]
            .into_iter()
            .chain(std::iter::repeat(terms.basic_fee_2))
            .take(usize::try_from(data.basic_replacements).unwrap_or(0))
            .collect(),
        PlanKind::BasicRenew => {
            std::iter::repeat_n(terms.basic_renew_fee, usize::try_from(data.basic_renew_replacements).unwrap_or(0))
                .collect()
        }
        PlanKind::Plus | PlanKind::PlusRenew => Vec::new(),
    }
}

pub(super) fn limit_of(kind: PlanKind, terms: &EnterpriseTerms) -> Fee {
    match kind {
        PlanKind::Plus => terms.plus_limit,
        PlanKind::PlusRenew => terms.plus_renew_limit,
        PlanKind::Basic | PlanKind::BasicRenew => Fee::NotOffered,
    }
}

// ------------------------------------------------------------------------------------------------
// What a plan gives

/// What a plan gives (EN-4, EN-5, EN-7, EN-8, EN-9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gives {
    /// Replacements in the period (Basic 2, Basic Renew 1); `null` for Plus: unlimited within the limit.
    pub replacements: Option<u32>,
    /// The fee of each replacement, in order (Basic: first, second); empty for Plus.
    pub replacement_fees: Vec<Fee>,
    /// Plus: replacements and repairs without a fee, as often as the limit allows (EN-5).
    pub unlimited_within_limit: bool,
    /// Plus: the coverage limit this product brings (`not-offered` for Basic).
    pub limit: Fee,
    /// Plus: the limit can be shared with the owner's other Plus products (EN-6).
    pub shared_limit: bool,
    /// Plus: replacement or repair, or repair only (Zenmuse XT / XT2, EN-7); `null` for Basic.
    pub mode: Option<PlusMode>,
    /// Whether a replacement unit can be given (not for Zenmuse XT / XT2 under Plus, EN-7).
    pub replacement_offered: bool,
    /// A loaner unit on request at no charge, its damage deducted from the limit (EN-7).
    pub loaner_on_request: bool,
    /// Basic Renew: the manufacturer warranty of covered parts is extended (EN-8).
    pub warranty_extension_months: Option<u32>,
    /// Replacement units may show small cosmetic marks (EN-4).
    pub replacement_units_may_show_marks: bool,
    /// Shipping both ways is paid by DJI.
    pub shipping_paid_by_dji: bool,
    /// Renew: nothing left of the plan before (replacements, limit) is carried over (EN-8, EN-9).
    pub carries_over_previous: bool,
}

pub(super) fn gives(kind: PlanKind, terms: &EnterpriseTerms, data: &EnterpriseRules) -> Gives {
    let repair_only = kind.is_plus() && terms.plus_mode == PlusMode::RepairOnlyWithLoaner;
    Gives {
        replacements: match kind {
            PlanKind::Basic => Some(data.basic_replacements),
            PlanKind::BasicRenew => Some(data.basic_renew_replacements),
            PlanKind::Plus | PlanKind::PlusRenew => None,
        },
        replacement_fees: replacement_fees(kind, terms, data),
        unlimited_within_limit: kind.is_plus(),
        limit: limit_of(kind, terms),
        shared_limit: kind.is_plus(),
        mode: if kind.is_plus() { Some(terms.plus_mode) } else { None },
        replacement_offered: !repair_only,
        loaner_on_request: repair_only,
        warranty_extension_months: if kind == PlanKind::BasicRenew {
            Some(data.basic_renew_warranty_extension_months)
        } else {
            None
        },
        replacement_units_may_show_marks: !repair_only,
        shipping_paid_by_dji: true,
        carries_over_previous: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{parse_date, parse_instant};

    fn d(s: &str) -> Date {
        parse_date("d", s).unwrap()
    }

    #[test]
    fn thirty_percent_is_exact() {
        let data = rules_data().unwrap();
        let s = own_share(Yen::from(490_000), Yen::from(343_000), data).unwrap();
        assert!(s.meets_threshold);
        assert_eq!(s.left, Money::yen(147_000));
        let s = own_share(Yen::from(490_000), Yen::from(343_001), data).unwrap();
        assert!(!s.meets_threshold);
        let s = own_share(Yen::from(62_700), Yen::from(43_890), data).unwrap();
        assert!(s.meets_threshold, "18810 is exactly 30 % of 62700");
    }

    #[test]
    fn renew_stages_follow_t4() {
        let data = rules_data().unwrap();
        let p = Period::of_months(d("2025-11-20"), 12).unwrap();
        let stage = |t: &str| renew_stage(p, d(t), data).unwrap().0;
        assert_eq!(stage("2026-11-19"), RenewStage::WhileValid);
        assert_eq!(stage("2026-11-26"), RenewStage::SpecialWithoutVideo);
        assert_eq!(stage("2026-11-27"), RenewStage::SpecialWithVideo);
        assert_eq!(stage("2026-12-19"), RenewStage::SpecialWithVideo);
        assert_eq!(stage("2026-12-20"), RenewStage::Closed);
    }

    #[test]
    fn claim_larger_than_left() {
        let mut pot = Pot { left: Yen::from(100) };
        assert_eq!(pot.take(Yen::from(70)), (Yen::from(70), Yen::ZERO));
        assert_eq!(pot.take(Yen::from(70)), (Yen::from(30), Yen::from(40)));
        assert_eq!(pot.take(Yen::from(5)), (Yen::ZERO, Yen::from(5)));
    }

    #[test]
    fn buy_plus_for_a_product_without_plus_is_not_offered() {
        let e = buy(&BuyInput {
            plan: "enterprise-plus".into(),
            product: "matrice-200".into(),
            activated_at: None,
            invitation_at: None,
            held: None,
            video_inspection_passed: false,
            region: "JP".into(),
            now: parse_instant("now", "2026-11-20T10:00:00+09:00").unwrap(),
        })
        .unwrap_err();
        assert_eq!(e.code(), ErrorCode::PlanNotOffered);
    }
}
