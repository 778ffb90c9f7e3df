//! DJI Care Enterprise: buying Basic, Plus and their Renew plans, the status of a plan held, the
//! Plus shared-limit contract, and Basic against Plus for sales (RULES.md EN-1 … EN-13).
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
//! **Decisions** (where RULES.md leaves room; each is in the README too):
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

use crate::answer::{Alternative, Closed, ClosedReason, Count, Route, Rules, State};
use crate::catalog::{catalog, Category, EnterpriseRules, EnterpriseTerms, Family, Plan, PlusMode, Product};
use crate::error::{Error, ErrorCode, Result};
use crate::money::{minus_floor, percent, plus, published, times, Fee, Money, Yen};
use crate::time::{days_after, days_before, japan_date, Date, Instant, Period, Window};

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
// Money: amounts are `rust_decimal::Decimal` (`crate::money::Yen`), added and compared with
// checked arithmetic (`crate::money`).

fn yen(amount: Yen) -> Money {
    Money::yen(amount)
}

fn one_more(n: u32) -> Result<u32> {
    n.checked_add(1).ok_or_else(|| Error::out_of_range("a count"))
}

// ------------------------------------------------------------------------------------------------
// Catalog access

fn rules_data() -> Result<&'static EnterpriseRules> {
    Ok(&catalog()?.enterprise)
}

/// The plan, its kind, the product and its terms; `product_not_in_family` for a product of
/// another family, `plan_not_offered` for a plan the product's row has nothing for.
fn plan_and_product(
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

fn enterprise_product(id: &str) -> Result<(&'static Product, &'static EnterpriseTerms)> {
    let product = catalog()?.product(id)?;
    let terms = product.enterprise_terms().ok_or_else(|| {
        Error::new(
            ErrorCode::ProductNotInFamily,
            format!("product `{}` is a {} product, not a care-enterprise one", product.id, product.family.as_str()),
        )
    })?;
    Ok((product, terms))
}

fn offers(product: &Product, kind: PlanKind) -> bool {
    product.plans.iter().any(|p| p == kind.id())
}

fn plan_price(kind: PlanKind, terms: &EnterpriseTerms) -> Fee {
    match kind {
        PlanKind::Basic => terms.basic_price,
        PlanKind::Plus => terms.plus_price,
        PlanKind::BasicRenew => terms.basic_renew_price,
        PlanKind::PlusRenew => terms.plus_renew_price,
    }
}

/// The fee of each replacement a Basic plan gives (EN-4, EN-8).
fn replacement_fees(kind: PlanKind, terms: &EnterpriseTerms, data: &EnterpriseRules) -> Vec<Fee> {
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

fn limit_of(kind: PlanKind, terms: &EnterpriseTerms) -> Fee {
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

fn gives(kind: PlanKind, terms: &EnterpriseTerms, data: &EnterpriseRules) -> Gives {
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

// ------------------------------------------------------------------------------------------------
// Renew (EN-8 … EN-11)

/// Where "now" is against the plan held, for Renew (EN-8, EN-9, EN-11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RenewStage {
    /// The plan held has not started.
    NotStarted,
    /// The plan held is valid (through 24:00 of its expiry date).
    WhileValid,
    /// 1 … 7 days after expiry: special handling, no video inspection (EN-11).
    SpecialWithoutVideo,
    /// 8 … 30 days after expiry: special handling with a passed video inspection (EN-11).
    SpecialWithVideo,
    /// More than 30 days after expiry: no Renew.
    Closed,
}

/// Whether Renew can be bought now, or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RenewStatus {
    /// It can be bought now.
    Available,
    /// The plan held has not started yet.
    NotStarted,
    /// No Basic replacement left (EN-8).
    NoReplacementLeft,
    /// Less than 30 % of the product's own limit left (EN-9).
    OwnShareBelowThreshold,
    /// 8 … 30 days after expiry and the video inspection is not (yet) passed (EN-11).
    VideoInspectionRequired,
    /// More than 30 days after expiry (EN-11).
    WindowClosed,
    /// The catalog has no Renew for this product.
    NotOffered,
    /// The plan held is itself a Renew: the sources describe no third year.
    NotInSources,
}

/// What a product has left of its own Plus limit (EN-9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnShare {
    /// The limit the plan granted to this product.
    pub limit: Money,
    /// What its claims used of it (what was covered).
    pub used: Money,
    /// What is left of it (never below zero).
    pub left: Money,
    /// `left / limit` in percent, 2 decimals, rounded toward zero (display only: the test is exact).
    pub percent_left: Decimal,
    /// The threshold for Plus Renew, in percent.
    pub threshold_percent: u32,
    /// Whether `left × 100 ≥ limit × threshold` (exact).
    pub meets_threshold: bool,
}

fn own_share(limit: Yen, used: Yen, data: &EnterpriseRules) -> Result<OwnShare> {
    let left = minus_floor(limit, used);
    let share = || Error::out_of_range("a share");
    let lhs = left.checked_mul(Decimal::ONE_HUNDRED).ok_or_else(share)?;
    let rhs = limit.checked_mul(Decimal::from(data.plus_renew_min_share_percent)).ok_or_else(share)?;
    Ok(OwnShare {
        limit: yen(limit),
        used: yen(used),
        left: yen(left),
        // Rounded toward zero, so a share just under the threshold never shows as the threshold.
        percent_left: percent(left, limit)?,
        threshold_percent: data.plus_renew_min_share_percent,
        meets_threshold: lhs >= rhs,
    })
}

/// The dates of the Renew windows around the expiry date E of the plan held (EN-11, T-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenewDates {
    /// E: the plan held is valid through 24:00 of this date.
    pub valid_until: Date,
    /// E + 7: special handling without video inspection through this date.
    pub without_video_until: Date,
    /// E + 8: from this date a passed video inspection is needed.
    pub with_video_from: Date,
    /// E + 30: the last date Renew can be bought.
    pub with_video_until: Date,
}

/// Renew of a plan held: possible now or why not, what the request needs, what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Renew {
    /// The Renew plan (`null` when the plan held is itself a Renew).
    pub plan: Option<&'static str>,
    /// Whether it can be bought now.
    pub possible: bool,
    /// Why (not).
    pub status: RenewStatus,
    /// Where "now" is against the plan held.
    pub stage: RenewStage,
    /// Basic: replacements left on the plan held (EN-8 needs at least 1).
    pub replacements_left: Option<u32>,
    /// Plus: the product's own share of its limit (EN-9 needs 30 %).
    pub own_share: Option<OwnShare>,
    /// Whether the condition on replacements or limit left holds.
    pub condition_met: bool,
    /// The windows.
    pub dates: RenewDates,
    /// Whether a video inspection is needed now, and whether it is passed.
    pub video_inspection: VideoInspection,
    /// What a special-handling request needs (EN-11): `serial-number`, `video-link`, `plan-wanted`.
    pub needs: Vec<&'static str>,
    /// Renew price.
    pub price: Fee,
    /// Basic Renew: the fee of its one replacement (`not-offered` for Plus).
    pub replacement_fee: Fee,
    /// Plus Renew: the limit it grants (`not-offered` for Basic).
    pub limit: Fee,
    /// Its period: 1 year from the day after the plan held expires (EN-10).
    pub period: Option<Period>,
}

/// The video inspection of EN-11.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VideoInspection {
    /// Not needed now.
    NotNeeded,
    /// Needed and not (yet) passed.
    Needed,
    /// Needed and passed.
    Passed,
}

/// What Renew is judged on.
struct RenewFacts {
    replacements_left: Option<u32>,
    own_share: Option<OwnShare>,
    condition_met: bool,
    video_passed: bool,
}

fn renew_stage(period: Period, today: Date, data: &EnterpriseRules) -> Result<(RenewStage, RenewDates)> {
    let dates = RenewDates {
        valid_until: period.end,
        without_video_until: days_after(period.end, data.special_without_video_days)?,
        with_video_from: days_after(period.end, data.special_without_video_days.saturating_add(1))?,
        with_video_until: days_after(period.end, data.special_with_video_days)?,
    };
    let stage = if today < period.start {
        RenewStage::NotStarted
    } else if today <= dates.valid_until {
        RenewStage::WhileValid
    } else if today <= dates.without_video_until {
        RenewStage::SpecialWithoutVideo
    } else if today <= dates.with_video_until {
        RenewStage::SpecialWithVideo
    } else {
        RenewStage::Closed
    };
    Ok((stage, dates))
}

fn renew(
    held: PlanKind,
    product: &Product,
    terms: &EnterpriseTerms,
    period: Period,
    today: Date,
    facts: RenewFacts,
    rules: &mut Rules,
) -> Result<Renew> {
    let data = rules_data()?;
    let (stage, dates) = renew_stage(period, today, data)?;
    let target = match held {
        PlanKind::Basic => Some(PlanKind::BasicRenew),
        PlanKind::Plus => Some(PlanKind::PlusRenew),
        PlanKind::BasicRenew | PlanKind::PlusRenew => None,
    };
    rules.add(&[if held.is_plus() { "EN-9" } else { "EN-8" }, "EN-10", "EN-11", "T-4"]);
    let video_needed = stage == RenewStage::SpecialWithVideo;
    let video_inspection = match (video_needed, facts.video_passed) {
        (false, _) => VideoInspection::NotNeeded,
        (true, false) => VideoInspection::Needed,
        (true, true) => VideoInspection::Passed,
    };
    let needs = match stage {
        RenewStage::SpecialWithoutVideo => vec!["serial-number", "plan-wanted"],
        RenewStage::SpecialWithVideo => vec!["serial-number", "video-link", "plan-wanted"],
        RenewStage::NotStarted | RenewStage::WhileValid | RenewStage::Closed => Vec::new(),
    };
    let offered = target.is_some_and(|t| offers(product, t));
    let status = match target {
        None => RenewStatus::NotInSources,
        Some(_) if !offered => RenewStatus::NotOffered,
        Some(_) => match stage {
            RenewStage::NotStarted => RenewStatus::NotStarted,
            RenewStage::Closed => RenewStatus::WindowClosed,
            _ if !facts.condition_met && held.is_plus() => RenewStatus::OwnShareBelowThreshold,
            _ if !facts.condition_met => RenewStatus::NoReplacementLeft,
            RenewStage::SpecialWithVideo if !facts.video_passed => RenewStatus::VideoInspectionRequired,
            RenewStage::WhileValid | RenewStage::SpecialWithoutVideo | RenewStage::SpecialWithVideo => {
                RenewStatus::Available
            }
        },
    };
    let period = match target {
        Some(_) => Some(Period::of_months(days_after(period.end, 1)?, data.months)?),
        None => None,
    };
    let (price, replacement_fee, limit) = match target {
        Some(t) if offered => (
            plan_price(t, terms),
            if t == PlanKind::BasicRenew { terms.basic_renew_fee } else { Fee::NotOffered },
            limit_of(t, terms),
        ),
        _ => (Fee::NotOffered, Fee::NotOffered, Fee::NotOffered),
    };
    Ok(Renew {
        plan: target.map(PlanKind::id),
        possible: status == RenewStatus::Available,
        status,
        stage,
        replacements_left: facts.replacements_left,
        own_share: facts.own_share,
        condition_met: facts.condition_met,
        dates,
        video_inspection,
        needs,
        price,
        replacement_fee,
        limit,
        period,
    })
}

// ------------------------------------------------------------------------------------------------
// Buy (EN-1 … EN-11)

/// The Basic or Plus plan held, for buying its Renew (EN-8, EN-9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// Its start date (EN-3).
    pub start: Date,
    /// Basic: replacements used.
    pub replacements_used: u32,
    /// Plus: what was deducted from this product's own limit (its covered claims).
    pub claimed: Yen,
}

/// A question: can this Enterprise plan be bought for this product now?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuyInput {
    /// Plan id.
    pub plan: String,
    /// Product id.
    pub product: String,
    /// Basic / Plus: when the product was activated (`None`: new, not activated).
    pub activated_at: Option<Instant>,
    /// Basic / Plus: when DJI's invitation e-mail arrived after a repair.
    pub invitation_at: Option<Instant>,
    /// Renew: the plan held.
    pub held: Option<Held>,
    /// Renew 8 … 30 days after expiry: whether the video inspection is passed (EN-11).
    pub video_inspection_passed: bool,
    /// Region of purchase (EN-2), `JP` by default.
    pub region: String,
    /// "Now".
    pub now: Instant,
}

/// The answer to [`buy`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuyAnswer {
    /// Always `care-enterprise` (tells this answer from a Care Refresh one).
    pub family: Family,
    /// The plan asked.
    pub plan: String,
    /// The product asked.
    pub product: String,
    /// Its category.
    pub category: Category,
    /// Whether it can be bought now.
    pub eligible: bool,
    /// The route that allows it.
    pub route: Option<Route>,
    /// Basic / Plus: the window that decided (after activation or the invitation).
    pub window: Option<Window>,
    /// Its deadline (the last instant inside).
    pub deadline: Option<Instant>,
    /// Why not and what to do instead.
    pub closed: Option<Closed>,
    /// The plan's price.
    pub price: Fee,
    /// What the plan gives.
    pub gives: Gives,
    /// Its period if bought now (EN-3; Renew: EN-10); `null` when not eligible.
    pub service: Option<Period>,
    /// Basic Renew: the extended manufacturer warranty, over the Renew period (EN-8).
    pub warranty_extension: Option<Period>,
    /// Renew: the check against the plan held.
    pub renew: Option<Renew>,
    /// What the purchase assumes and cannot check (EN-2).
    pub conditions: Vec<&'static str>,
    /// Notes from the source about this product and plan.
    pub notes: Vec<&'static str>,
    /// The rule ids that produced this answer.
    pub rules: Vec<&'static str>,
}

fn validate_instants(input: &BuyInput) -> Result<()> {
    if let Some(activated) = input.activated_at {
        if activated > input.now {
            return Err(Error::new(
                ErrorCode::ActivationAfterNow,
                format!("`activatedAt` `{activated}` is after `now` `{}`", input.now),
            ));
        }
    }
    if let Some(invitation) = input.invitation_at {
        match input.activated_at {
            None => {
                return Err(Error::new(
                    ErrorCode::InvitationBeforeActivation,
                    "`invitationAt` needs `activatedAt`: an invitation e-mail follows a repair of an activated product",
                ))
            }
            Some(activated) if invitation < activated => {
                return Err(Error::new(
                    ErrorCode::InvitationBeforeActivation,
                    format!("`invitationAt` `{invitation}` is before `activatedAt` `{activated}`"),
                ))
            }
            Some(_) => {}
        }
        if invitation > input.now {
            return Err(Error::new(
                ErrorCode::InvitationAfterNow,
                format!("`invitationAt` `{invitation}` is after `now` `{}`", input.now),
            ));
        }
    }
    Ok(())
}

type RouteResult = (Option<Route>, Option<Window>, Option<Closed>);

/// EN-1: new, 96 h after activation, or 72 h after the invitation e-mail.
fn route(input: &BuyInput, data: &EnterpriseRules, rules: &mut Rules) -> Result<RouteResult> {
    let Some(activated) = input.activated_at else {
        rules.add(&["EN-1"]);
        return Ok((Some(Route::NotActivated), None, None));
    };
    rules.add(&["EN-1", "T-3"]);
    let window = Window::after(activated, data.activation_window_hours)?;
    if window.contains(input.now) {
        return Ok((Some(Route::WithinWindow), Some(window), None));
    }
    let alternative = Alternative {
        route: Route::Invitation,
        rule: "EN-1",
        step: "repair-at-dji-support",
        hours: data.invitation_window_hours,
    };
    match input.invitation_at {
        Some(invitation) => {
            let w = Window::after(invitation, data.invitation_window_hours)?;
            if w.contains(input.now) {
                Ok((Some(Route::Invitation), Some(w), None))
            } else {
                let closed = Closed { reason: ClosedReason::InvitationWindowClosed, alternative: Some(alternative) };
                Ok((None, Some(w), Some(closed)))
            }
        }
        None => Ok((
            None,
            Some(window),
            Some(Closed { reason: ClosedReason::WindowClosed, alternative: Some(alternative) }),
        )),
    }
}

fn held_facts(
    kind: PlanKind,
    product: &Product,
    terms: &EnterpriseTerms,
    held: &Held,
    video_passed: bool,
    data: &EnterpriseRules,
) -> Result<RenewFacts> {
    if kind == PlanKind::BasicRenew {
        if held.replacements_used > data.basic_replacements {
            return Err(Error::new(
                ErrorCode::TooManyClaims,
                format!("{} replacements used; Basic gives {}", held.replacements_used, data.basic_replacements),
            )
            .at("held.replacementsUsed"));
        }
        let left = data.basic_replacements.saturating_sub(held.replacements_used);
        Ok(RenewFacts { replacements_left: Some(left), own_share: None, condition_met: left >= 1, video_passed })
    } else {
        let limit = published(terms.plus_limit).ok_or_else(|| {
            Error::new(
                ErrorCode::PriceNotPublished,
                format!("the Plus limit of `{}` is not published: its share left cannot be computed", product.id),
            )
        })?;
        let share = own_share(limit, held.claimed, data)?;
        let met = share.meets_threshold;
        Ok(RenewFacts { replacements_left: None, own_share: Some(share), condition_met: met, video_passed })
    }
}

/// Can this Enterprise plan be bought for this product now, by which route, and what does it
/// give? "Not eligible" is an answer; only bad input is an [`Error`].
///
/// ```
/// use coverage_calc::care_enterprise::{buy, BuyInput};
/// use coverage_calc::time::parse_instant;
/// let answer = buy(&BuyInput {
///     plan: "enterprise-basic".into(),
///     product: "phantom-4-rtk".into(),
///     activated_at: Some(parse_instant("activatedAt", "2026-11-17T12:00:00+09:00").unwrap()),
///     invitation_at: None,
///     held: None,
///     video_inspection_passed: false,
///     region: "JP".into(),
///     now: parse_instant("now", "2026-11-21T12:00:00+09:00").unwrap(), // exactly 96 h
/// })
/// .unwrap();
/// assert!(answer.eligible);
/// assert_eq!(answer.gives.replacements, Some(2));
/// assert_eq!(answer.service.unwrap().end.to_string(), "2027-11-20");
/// ```
pub fn buy(input: &BuyInput) -> Result<BuyAnswer> {
    let (plan, kind, product, terms) = plan_and_product(&input.plan, &input.product)?;
    let data = rules_data()?;
    let mut rules = Rules::default();
    rules.add(&["T-1"]);
    let today = japan_date(input.now)?;

    let (route, window, mut closed, renew) = if kind.is_renew() {
        let held = input.held.as_ref().ok_or_else(|| {
            Error::new(ErrorCode::MissingField, format!("missing field `held` (the plan renewed) for `{}`", plan.id))
        })?;
        if held.start > today {
            return Err(Error::new(
                ErrorCode::ActivationAfterNow,
                format!("`held.start` `{}` is after today `{today}`: the plan held was not associated yet", held.start),
            )
            .at("held.start"));
        }
        let base = if kind == PlanKind::BasicRenew { PlanKind::Basic } else { PlanKind::Plus };
        let facts = held_facts(kind, product, terms, held, input.video_inspection_passed, data)?;
        let held_period = Period::of_months(held.start, data.months)?;
        let r = renew(base, product, terms, held_period, today, facts, &mut rules)?;
        let route = match (r.possible, r.stage) {
            (true, RenewStage::WhileValid) => Some(Route::Renew),
            (true, _) => Some(Route::SpecialHandling),
            (false, _) => None,
        };
        let closed =
            if r.possible { None } else { Some(Closed { reason: ClosedReason::RenewNotPossible, alternative: None }) };
        (route, None, closed, Some(r))
    } else {
        if input.held.is_some() {
            return Err(Error::new(
                ErrorCode::UnknownField,
                format!("`held` is only for the Renew plans, not `{}`", plan.id),
            ));
        }
        validate_instants(input)?;
        let (route, window, closed) = route(input, data, &mut rules)?;
        (route, window, closed, None)
    };

    rules.add(&["EN-2"]);
    let region = input.region.trim().to_ascii_uppercase();
    let priced = region == REGION_PRICED;
    if !priced {
        closed = Some(Closed { reason: ClosedReason::RegionNotPriced, alternative: None });
    }
    let eligible = closed.is_none();
    rules.add(&[if kind.is_plus() { "EN-5" } else { "EN-4" }]);
    if kind == PlanKind::Plus {
        rules.add(&["EN-6"]);
    }
    if kind.is_plus() && terms.plus_mode == PlusMode::RepairOnlyWithLoaner {
        rules.add(&["EN-7"]);
    }
    if kind == PlanKind::BasicRenew {
        rules.add(&["EN-8"]);
    }
    let service = if !eligible {
        None
    } else if let Some(r) = &renew {
        r.period
    } else {
        rules.add(&["EN-3", "T-2"]);
        Some(Period::of_months(today, data.months)?)
    };
    let warranty_extension = if kind == PlanKind::BasicRenew { renew.as_ref().and_then(|r| r.period) } else { None };
    let unpriced = |fee: Fee| if priced { fee } else { Fee::NotPublished };
    let mut gives = gives(kind, terms, data);
    gives.replacement_fees = gives.replacement_fees.into_iter().map(unpriced).collect();
    gives.limit = unpriced(gives.limit);
    let mut notes = Vec::new();
    if kind == PlanKind::Plus && terms.plus_mode == PlusMode::RepairOnlyWithLoaner {
        notes.push("plus-for-zenmuse-xt-xt2-no-longer-sold-service-continues");
    }
    if kind.is_renew() {
        notes.push("nothing-left-of-the-plan-held-is-carried-over");
    }
    Ok(BuyAnswer {
        family: Family::CareEnterprise,
        plan: plan.id.clone(),
        product: product.id.clone(),
        category: product.category,
        eligible,
        route: if eligible { route } else { None },
        window,
        deadline: window.map(|w| w.deadline),
        closed,
        price: unpriced(plan_price(kind, terms)),
        gives,
        service,
        warranty_extension,
        renew,
        conditions: vec![
            "plan-and-product-bought-in-the-same-region",
            "product-bought-through-official-or-authorised-channels",
        ],
        notes,
        rules: rules.into_vec(),
    })
}

// ------------------------------------------------------------------------------------------------
// Status (Basic, Plus and their Renew plans held)

/// A claim on a plan held: its date, and for Plus its amount (the repair or replacement cost).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// Japan date.
    pub date: Date,
    /// Plus: its cost (deducted from the limit, EN-5).
    pub amount: Option<Yen>,
}

/// A question: what does this Enterprise plan held have left, and can it be renewed now?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusInput {
    /// Plan id of the plan held.
    pub plan: String,
    /// Product id.
    pub product: String,
    /// Its start date (EN-3).
    pub start: Date,
    /// Claims on this product under this plan.
    pub claims: Vec<Claim>,
    /// Whether the video inspection of EN-11 is passed.
    pub video_inspection_passed: bool,
    /// "Now".
    pub now: Instant,
}

/// A Plus claim applied to a limit: what the limit covered and what the customer pays (EN-5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedClaim {
    /// Its position in the request (0-based).
    pub index: usize,
    /// Member id (contracts only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// Product id.
    pub product: String,
    /// Its date.
    pub date: Date,
    /// Its cost.
    pub amount: Money,
    /// `pool` (the shared limit) or `own-limit` (a product that did not join, or a status).
    pub from: LimitSource,
    /// What the limit covered.
    pub covered: Money,
    /// What the customer pays (the part beyond what was left).
    pub customer_pays: Money,
    /// What is left of that limit after it.
    pub left_after: Money,
}

/// Which limit a claim was applied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitSource {
    /// The contract's shared limit (EN-6).
    Pool,
    /// The product's own limit.
    OwnLimit,
}

/// A Plus limit held: given, used, left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitStatus {
    /// The limit (`not-published` for Zenmuse XT / XT2).
    pub limit: Fee,
    /// What the claims used of it.
    pub used: Money,
    /// What the customers paid beyond it.
    pub customer_paid: Money,
    /// What is left (`null` when the limit is not published).
    pub left: Option<Money>,
}

/// A renewal reminder e-mail (EN-12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// Days before the expiry date.
    pub days_before: u32,
    /// Its date (expiry date − days).
    pub date: Date,
    /// Whether that date is today or already past.
    pub due: bool,
}

/// The answer to [`status`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusAnswer {
    /// Always `care-enterprise`.
    pub family: Family,
    /// The plan held.
    pub plan: String,
    /// The product.
    pub product: String,
    /// Where it is in its life.
    pub state: State,
    /// Whether it covers today.
    pub active: bool,
    /// Its period (EN-3).
    pub period: Period,
    /// Basic / Basic Renew: replacements given, used, left (EN-4, EN-8).
    pub replacements: Option<Count>,
    /// Basic / Basic Renew: the fee of the next replacement (`not-offered` when none is left or not active).
    pub next_replacement_fee: Fee,
    /// Plus / Plus Renew: the product's own limit (EN-5); in a shared contract see `plusContract`.
    pub limit: Option<LimitStatus>,
    /// Plus: each claim, what the limit covered and what the customer pays.
    pub claims: Vec<AppliedClaim>,
    /// What the plan gives.
    pub gives: Gives,
    /// Basic Renew: the extended manufacturer warranty (EN-8).
    pub warranty_extension: Option<Period>,
    /// Renew of this plan (EN-8 … EN-11).
    pub renew: Renew,
    /// Renewal reminder e-mails (EN-12).
    pub reminders: Vec<Reminder>,
    /// The rule ids that produced this answer.
    pub rules: Vec<&'static str>,
}

fn check_claim_date(date: Date, today: Date, period: Period) -> Result<()> {
    if date > today {
        return Err(Error::new(ErrorCode::ClaimAfterNow, format!("claim dated `{date}` is after today `{today}`")));
    }
    if !period.contains(date) {
        return Err(Error::new(
            ErrorCode::ClaimOutsidePeriod,
            format!("claim dated `{date}` is outside the plan's period `{}` … `{}`", period.start, period.end),
        ));
    }
    Ok(())
}

/// The reminders of EN-12 for a plan ending on `end`.
fn reminders(end: Date, today: Date, data: &EnterpriseRules) -> Result<Vec<Reminder>> {
    data.reminder_days_before
        .iter()
        .map(|&days| {
            let date = days_before(end, days)?;
            Ok(Reminder { days_before: days, date, due: date <= today })
        })
        .collect()
}

/// The positions of claims in the order they are applied: by date, the request's order on the
/// same date (one small sort shared by status and contracts).
fn date_order(dates: impl Iterator<Item = Date>) -> Vec<usize> {
    let mut order: Vec<(Date, usize)> = dates.enumerate().map(|(i, d)| (d, i)).collect();
    order.sort_unstable();
    order.into_iter().map(|(_, i)| i).collect()
}

/// Claims applied in date order (the request's order on the same date) to a limit: a claim
/// larger than what is left is covered up to what is left (EN-5).
struct Pot {
    left: Yen,
}

impl Pot {
    fn take(&mut self, amount: Yen) -> (Yen, Yen) {
        let covered = amount.min(self.left);
        self.left = minus_floor(self.left, covered);
        (covered, minus_floor(amount, covered))
    }
}

/// What does this Enterprise plan held have left, and can it be renewed now?
///
/// ```
/// use coverage_calc::care_enterprise::{status, Claim, StatusInput};
/// use coverage_calc::time::{parse_date, parse_instant};
/// let answer = status(&StatusInput {
///     plan: "enterprise-basic".into(),
///     product: "matrice-300-rtk".into(),
///     start: parse_date("start", "2025-12-01").unwrap(),
///     claims: vec![Claim { date: parse_date("date", "2026-03-01").unwrap(), amount: None }],
///     video_inspection_passed: false,
///     now: parse_instant("now", "2026-11-20T12:00:00+09:00").unwrap(),
/// })
/// .unwrap();
/// assert_eq!(answer.replacements.unwrap().left, 1);
/// assert!(answer.renew.possible);
/// assert_eq!(answer.renew.period.unwrap().start.to_string(), "2026-12-01");
/// ```
pub fn status(input: &StatusInput) -> Result<StatusAnswer> {
    let (plan, kind, product, terms) = plan_and_product(&input.plan, &input.product)?;
    let data = rules_data()?;
    let mut rules = Rules::default();
    rules.add(&["T-1", "EN-3", "T-2"]);
    let today = japan_date(input.now)?;
    let period = Period::of_months(input.start, data.months)?;
    let state = if today < period.start {
        State::NotStarted
    } else if today <= period.end {
        State::Active
    } else {
        State::Expired
    };
    let active = state == State::Active;
    for (i, claim) in input.claims.iter().enumerate() {
        check_claim_date(claim.date, today, period).map_err(|e| e.at(format!("claims[{i}].date")))?;
    }

    let mut replacements = None;
    let mut next_replacement_fee = Fee::NotOffered;
    let mut limit = None;
    let mut applied = Vec::new();
    let facts = if kind.is_plus() {
        rules.add(&["EN-5"]);
        if terms.plus_mode == PlusMode::RepairOnlyWithLoaner {
            rules.add(&["EN-7"]);
        }
        let limit_fee = limit_of(kind, terms);
        let mut used = Yen::ZERO;
        let mut paid = Yen::ZERO;
        let left = match published(limit_fee) {
            None if !input.claims.is_empty() => {
                return Err(Error::new(
                    ErrorCode::PriceNotPublished,
                    format!(
                        "the limit of `{}` under `{}` is not published: claims cannot be applied",
                        product.id, plan.id
                    ),
                )
                .at("claims"))
            }
            None => None,
            Some(l) => {
                let mut pot = Pot { left: l };
                for index in date_order(input.claims.iter().map(|c| c.date)) {
                    let Some(claim) = input.claims.get(index) else { continue };
                    let amount = claim.amount.ok_or_else(|| {
                        Error::new(
                            ErrorCode::MissingField,
                            format!("missing field `amount` in claim {index} (Plus claims cost money)"),
                        )
                        .at(format!("claims[{index}].amount"))
                    })?;
                    let (covered, rest) = pot.take(amount);
                    used = plus(used, covered)?;
                    paid = plus(paid, rest)?;
                    applied.push(AppliedClaim {
                        index,
                        member: None,
                        product: product.id.clone(),
                        date: claim.date,
                        amount: yen(amount),
                        from: LimitSource::OwnLimit,
                        covered: yen(covered),
                        customer_pays: yen(rest),
                        left_after: yen(pot.left),
                    });
                }
                Some(yen(pot.left))
            }
        };
        limit = Some(LimitStatus { limit: limit_fee, used: yen(used), customer_paid: yen(paid), left });
        let own = match (kind, published(terms.plus_limit)) {
            (PlanKind::Plus, Some(l)) => Some(own_share(l, used, data)?),
            _ => None,
        };
        let met = own.as_ref().is_some_and(|s| s.meets_threshold);
        RenewFacts {
            replacements_left: None,
            own_share: own,
            condition_met: met,
            video_passed: input.video_inspection_passed,
        }
    } else {
        rules.add(&[if kind == PlanKind::Basic { "EN-4" } else { "EN-8" }]);
        let fees = replacement_fees(kind, terms, data);
        let given = u32::try_from(fees.len()).unwrap_or(u32::MAX);
        let mut used = 0u32;
        for (i, claim) in input.claims.iter().enumerate() {
            if claim.amount.is_some() {
                return Err(Error::new(
                    ErrorCode::UnknownField,
                    "a Basic claim has no `amount`: its fee is fixed by the plan (EN-4)",
                )
                .at(format!("claims[{i}].amount")));
            }
            used = one_more(used)?;
        }
        if used > given {
            // The first claim past what the plan gives.
            return Err(Error::new(
                ErrorCode::TooManyClaims,
                format!("{used} replacements claimed; `{}` gives {given}", plan.id),
            )
            .at(format!("claims[{given}]")));
        }
        let left = given.saturating_sub(used);
        if active && left > 0 {
            next_replacement_fee =
                fees.get(usize::try_from(used).unwrap_or(usize::MAX)).copied().unwrap_or(Fee::NotOffered);
        }
        replacements = Some(Count { given, used, left });
        RenewFacts {
            replacements_left: Some(left),
            own_share: None,
            condition_met: left >= 1,
            video_passed: input.video_inspection_passed,
        }
    };
    let base = match kind {
        PlanKind::Basic | PlanKind::Plus => kind,
        // A Renew held: `renew` answers "not in the sources".
        PlanKind::BasicRenew | PlanKind::PlusRenew => kind,
    };
    let renew = renew(base, product, terms, period, today, facts, &mut rules)?;
    rules.add(&["EN-12"]);
    let reminders = reminders(period.end, today, data)?;
    Ok(StatusAnswer {
        family: Family::CareEnterprise,
        plan: plan.id.clone(),
        product: product.id.clone(),
        state,
        active,
        period,
        replacements,
        next_replacement_fee,
        limit,
        claims: applied,
        gives: gives(kind, terms, data),
        warranty_extension: if kind == PlanKind::BasicRenew { Some(period) } else { None },
        renew,
        reminders,
        rules: rules.into_vec(),
    })
}

// ------------------------------------------------------------------------------------------------
// Plus shared-limit contract (EN-5, EN-6, EN-7, EN-9)

/// A product associated with a Plus contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberInput {
    /// Its id in the request (a serial number or a label); `#1`, `#2` … by default.
    pub id: Option<String>,
    /// Product id.
    pub product: String,
    /// Japan date it was associated with the contract.
    pub date: Date,
    /// Its owner; the contract's owner by default.
    pub owner: Option<String>,
    /// Region of purchase; the contract's region by default.
    pub region: Option<String>,
    /// Whether its video inspection is passed (EN-11, for its Renew).
    pub video_inspection_passed: bool,
}

/// A claim on a member of a contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractClaim {
    /// Member id.
    pub member: String,
    /// Japan date.
    pub date: Date,
    /// Its cost.
    pub amount: Yen,
}

/// A question: what does this Plus shared-limit contract cover and have left?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractInput {
    /// Japan date of the contract's first activation (EN-6).
    pub activated_on: Date,
    /// The contract's owner (the user).
    pub owner: String,
    /// The region of purchase of the contract's products, `JP` by default.
    pub region: String,
    /// The products associated, in any order.
    pub members: Vec<MemberInput>,
    /// Claims, applied in date order (the request's order on the same date).
    pub claims: Vec<ContractClaim>,
    /// "Now".
    pub now: Instant,
}

/// Why a member did not join the shared limit (EN-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotJoined {
    /// Associated more than 30 days after the contract's first activation.
    AfterShareWindow,
    /// Another user's product.
    OtherOwner,
    /// Bought in another country or region.
    OtherRegion,
}

/// A member of the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberAnswer {
    /// Its id.
    pub id: String,
    /// Product id.
    pub product: String,
    /// Date associated.
    pub date: Date,
    /// Owner.
    pub owner: String,
    /// Region.
    pub region: String,
    /// Whether it joined the shared limit.
    pub joined: bool,
    /// Why not (empty when it joined).
    pub reasons: Vec<NotJoined>,
    /// Its Plus period: the contract's when it joined, its own otherwise (EN-3).
    pub period: Period,
    /// The limit its Plus grants (EN-5).
    pub limit: Money,
    /// Claims made on it.
    pub claims: u32,
    /// Its own share (EN-9): its limit minus what its claims used, whatever the pool has left.
    pub own_share: OwnShare,
    /// What the customer paid beyond the limit on its claims.
    pub customer_paid: Money,
    /// Zenmuse XT / XT2: repair only, loaner on request (EN-7).
    pub mode: PlusMode,
    /// Its Plus Renew (EN-9, EN-10, EN-11).
    pub renew: Renew,
}

/// The shared limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pool {
    /// Members that joined.
    pub members: Vec<String>,
    /// The sum of their limits (no cap, EN-6).
    pub limit: Money,
    /// What the claims used of it.
    pub used: Money,
    /// What is left.
    pub left: Money,
}

/// The Plus Renew pool: members that can renew now, with the limit they would share (EN-9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenewPool {
    /// Members of the shared limit whose Plus Renew is possible now.
    pub members: Vec<String>,
    /// The sum of their Plus Renew limits, if they all renew.
    pub limit: Money,
}

/// The answer to [`plus_contract`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractAnswer {
    /// Always `care-enterprise`.
    pub family: Family,
    /// Always `enterprise-plus`.
    pub plan: &'static str,
    /// The contract's period, from its first activation (EN-3).
    pub period: Period,
    /// Where the contract is in its life.
    pub state: State,
    /// Last date a product can be associated and join (first activation + 30 days, T-4).
    pub join_until: Date,
    /// The shared limit.
    pub pool: Pool,
    /// Every member, in the request's order.
    pub members: Vec<MemberAnswer>,
    /// Every claim, in the order applied.
    pub claims: Vec<AppliedClaim>,
    /// What the customer paid in all beyond the limits.
    pub customer_paid: Money,
    /// Plus Renew of the shared members.
    pub renew_pool: RenewPool,
    /// Renewal reminders of the contract (EN-12).
    pub reminders: Vec<Reminder>,
    /// The rule ids that produced this answer.
    pub rules: Vec<&'static str>,
}

struct MemberState {
    id: String,
    product: &'static Product,
    terms: &'static EnterpriseTerms,
    input: MemberInput,
    owner: String,
    region: String,
    reasons: Vec<NotJoined>,
    period: Period,
    limit: Yen,
    own: Pot,
    used: Yen,
    paid: Yen,
    claims: u32,
}

/// What does this Plus shared-limit contract cover, which products joined, what is left, and
/// which products can renew?
pub fn plus_contract(input: &ContractInput) -> Result<ContractAnswer> {
    let data = rules_data()?;
    let mut rules = Rules::default();
    rules.add(&["T-1", "EN-3", "T-2", "EN-5", "EN-6", "T-4"]);
    let today = japan_date(input.now)?;
    if input.activated_on > today {
        return Err(Error::new(
            ErrorCode::ActivationAfterNow,
            format!("`activatedOn` `{}` is after today `{today}`", input.activated_on),
        )
        .at("activatedOn"));
    }
    let period = Period::of_months(input.activated_on, data.months)?;
    let join_until = days_after(input.activated_on, data.share_within_days)?;
    let contract_region = input.region.trim().to_ascii_uppercase();
    let mut members: Vec<MemberState> = Vec::new();
    for (i, m) in input.members.iter().enumerate() {
        let at = |field: &str| format!("members[{i}].{field}");
        let (product, terms) = enterprise_product(&m.product).map_err(|e| e.or_at(at("product")))?;
        if !offers(product, PlanKind::Plus) {
            return Err(Error::new(
                ErrorCode::PlanNotOffered,
                format!("product `{}` has no `enterprise-plus`", product.id),
            )
            .at(at("product")));
        }
        let limit = published(terms.plus_limit).ok_or_else(|| {
            Error::new(
                ErrorCode::PriceNotPublished,
                format!("the Plus limit of `{}` is not published: the contract's total cannot be computed", product.id),
            )
            .at(at("product"))
        })?;
        let id = m.id.clone().unwrap_or_else(|| format!("#{}", i.saturating_add(1)));
        if members.iter().any(|o| o.id == id) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("member id `{}` is used twice", crate::error::clip(&id)),
            )
            .at(at("id")));
        }
        if m.date < input.activated_on {
            return Err(Error::new(
                ErrorCode::MemberBeforeContract,
                format!(
                    "member `{}` is dated `{}`, before the contract's first activation `{}`",
                    crate::error::clip(&id),
                    m.date,
                    input.activated_on
                ),
            )
            .at(at("date")));
        }
        if m.date > today {
            return Err(Error::new(
                ErrorCode::ActivationAfterNow,
                format!("member `{}` is dated `{}`, after today `{today}`", crate::error::clip(&id), m.date),
            )
            .at(at("date")));
        }
        if product.plans.iter().any(|p| p == "enterprise-plus") && terms.plus_mode == PlusMode::RepairOnlyWithLoaner {
            rules.add(&["EN-7"]);
        }
        let owner = m.owner.clone().unwrap_or_else(|| input.owner.clone());
        let region =
            m.region.as_deref().map(|r| r.trim().to_ascii_uppercase()).unwrap_or_else(|| contract_region.clone());
        let mut reasons = Vec::new();
        if m.date > join_until {
            reasons.push(NotJoined::AfterShareWindow);
        }
        if owner.trim() != input.owner.trim() {
            reasons.push(NotJoined::OtherOwner);
        }
        if region != contract_region {
            reasons.push(NotJoined::OtherRegion);
        }
        let member_period = if reasons.is_empty() { period } else { Period::of_months(m.date, data.months)? };
        members.push(MemberState {
            id,
            product,
            terms,
            input: m.clone(),
            owner,
            region,
            reasons,
            period: member_period,
            limit,
            own: Pot { left: limit },
            used: Yen::ZERO,
            paid: Yen::ZERO,
            claims: 0,
        });
    }
    let mut pool_limit = Yen::ZERO;
    for m in members.iter().filter(|m| m.reasons.is_empty()) {
        pool_limit = plus(pool_limit, m.limit)?;
    }
    let mut pool = Pot { left: pool_limit };
    let mut applied = Vec::new();
    let mut total_paid = Yen::ZERO;
    for index in date_order(input.claims.iter().map(|c| c.date)) {
        let Some(claim) = input.claims.get(index) else { continue };
        let member = members.iter_mut().find(|m| m.id == claim.member).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                format!(
                    "claim {index} names member `{}`, which is not in `members`",
                    crate::error::clip(&claim.member)
                ),
            )
            .at(format!("claims[{index}].member"))
        })?;
        if claim.date < member.input.date {
            return Err(Error::new(
                ErrorCode::ClaimOutsidePeriod,
                format!(
                    "claim dated `{}` is before member `{}` was associated (`{}`)",
                    claim.date, member.id, member.input.date
                ),
            )
            .at(format!("claims[{index}].date")));
        }
        check_claim_date(claim.date, today, member.period).map_err(|e| e.at(format!("claims[{index}].date")))?;
        let joined = member.reasons.is_empty();
        let (covered, rest, left_after) = if joined {
            let (c, r) = pool.take(claim.amount);
            (c, r, pool.left)
        } else {
            let (c, r) = member.own.take(claim.amount);
            (c, r, member.own.left)
        };
        member.used = plus(member.used, covered)?;
        member.paid = plus(member.paid, rest)?;
        member.claims = one_more(member.claims)?;
        total_paid = plus(total_paid, rest)?;
        applied.push(AppliedClaim {
            index,
            member: Some(member.id.clone()),
            product: member.product.id.clone(),
            date: claim.date,
            amount: yen(claim.amount),
            from: if joined { LimitSource::Pool } else { LimitSource::OwnLimit },
            covered: yen(covered),
            customer_pays: yen(rest),
            left_after: yen(left_after),
        });
    }
    let mut answers = Vec::new();
    let mut renew_members = Vec::new();
    let mut renew_limit = Yen::ZERO;
    for m in members {
        let share = own_share(m.limit, m.used, data)?;
        let facts = RenewFacts {
            replacements_left: None,
            condition_met: share.meets_threshold,
            own_share: Some(share.clone()),
            video_passed: m.input.video_inspection_passed,
        };
        let r = renew(PlanKind::Plus, m.product, m.terms, m.period, today, facts, &mut rules)?;
        if r.possible && m.reasons.is_empty() {
            if let Some(l) = published(m.terms.plus_renew_limit) {
                renew_limit = plus(renew_limit, l)?;
                renew_members.push(m.id.clone());
            }
        }
        answers.push(MemberAnswer {
            id: m.id,
            product: m.product.id.clone(),
            date: m.input.date,
            owner: m.owner,
            region: m.region,
            joined: m.reasons.is_empty(),
            reasons: m.reasons,
            period: m.period,
            limit: yen(m.limit),
            claims: m.claims,
            own_share: share,
            customer_paid: yen(m.paid),
            mode: m.terms.plus_mode,
            renew: r,
        });
    }
    rules.add(&["EN-12"]);
    let state = if today <= period.end { State::Active } else { State::Expired };
    Ok(ContractAnswer {
        family: Family::CareEnterprise,
        plan: PlanKind::Plus.id(),
        period,
        state,
        join_until,
        pool: Pool {
            members: answers.iter().filter(|m| m.joined).map(|m| m.id.clone()).collect(),
            limit: yen(pool_limit),
            used: yen(minus_floor(pool_limit, pool.left)),
            left: yen(pool.left),
        },
        members: answers,
        claims: applied,
        customer_paid: yen(total_paid),
        renew_pool: RenewPool { members: renew_members, limit: yen(renew_limit) },
        reminders: reminders(period.end, today, data)?,
        rules: rules.into_vec(),
    })
}

// ------------------------------------------------------------------------------------------------
// Compare Basic and Plus for sales (EN-13)

/// A line of a fleet: a product and how many units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FleetLine {
    /// Product id.
    pub product: String,
    /// Units (at least 1).
    pub units: u32,
}

/// A question: for 0 … N incidents of a given repair cost, what does the customer pay under Basic
/// and under Plus?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareInput {
    /// The fleet.
    pub fleet: Vec<FleetLine>,
    /// The largest number of incidents to compare (0 … this).
    pub incidents: u32,
    /// The repair cost of one incident.
    pub repair_cost: Yen,
}

/// Something a comparison needs and the sources do not publish, or a plan a product does not take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Missing {
    /// Product id.
    pub product: String,
    /// Plan id.
    pub plan: &'static str,
    /// `plan-not-offered`, `price`, `replacement-fee-1`, `replacement-fee-2` or `limit`.
    pub item: &'static str,
}

/// A Basic fee higher than the repair cost: the customer pays the repair instead (EN-13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RepairInstead {
    /// Product id.
    pub product: String,
    /// Which replacement (1 or 2).
    pub replacement: u32,
    /// Its fee.
    pub fee: Money,
    /// The repair cost, which is lower.
    pub repair_cost: Money,
}

/// One plan's side of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Side {
    /// The plan.
    pub plan: &'static str,
    /// Whether everything it needs is published (else see `missing`).
    pub complete: bool,
    /// Plan prices × units (`null` when a price is missing).
    pub price: Option<Money>,
    /// Plus: the shared limit of the fleet (sum of limits × units, EN-6).
    pub limit: Option<Money>,
    /// What is not published or not offered.
    pub missing: Vec<Missing>,
}

/// One row of the comparison: a number of incidents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompareRow {
    /// Number of incidents.
    pub incidents: u32,
    /// Basic: what the incidents cost (fees, repairs beyond the replacements); `null` when unknown.
    pub basic_incidents: Option<Money>,
    /// Basic: price plus incidents; `null` when unknown.
    pub basic_total: Option<Money>,
    /// Basic: replacements used.
    pub basic_replacements: u32,
    /// Basic: incidents paid as a repair because the fee was higher.
    pub basic_repairs_instead: u32,
    /// Plus: what the incidents cost above the shared limit; `null` when unknown.
    pub plus_incidents: Option<Money>,
    /// Plus: price plus incidents above the limit; `null` when unknown.
    pub plus_total: Option<Money>,
    /// `basic`, `plus` or `same`; `null` when a total is unknown.
    pub cheaper: Option<Cheaper>,
}

/// Which plan costs less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cheaper {
    /// Basic.
    Basic,
    /// Plus.
    Plus,
    /// The same.
    Same,
}

/// The answer to [`compare`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompareAnswer {
    /// Always `care-enterprise`.
    pub family: Family,
    /// Units in all.
    pub units: u32,
    /// The repair cost of one incident.
    pub repair_cost: Money,
    /// Basic.
    pub basic: Side,
    /// Plus.
    pub plus: Side,
    /// Rows for 0 … N incidents.
    pub rows: Vec<CompareRow>,
    /// The first number of incidents at which Plus is cheaper (`null`: not within 0 … N, or unknown).
    pub plus_cheaper_from: Option<u32>,
    /// Basic fees higher than the repair cost: the customer pays the repair instead.
    pub repair_instead: Vec<RepairInstead>,
    /// What the comparison assumes.
    pub assumptions: Vec<&'static str>,
    /// The rule ids that produced this answer.
    pub rules: Vec<&'static str>,
}

/// The most incidents and units a comparison takes (a bound on the answer's size).
pub const MAX_INCIDENTS: u32 = 1000;
/// The most units in a fleet.
pub const MAX_UNITS: u32 = 100_000;

/// Basic and Plus side by side for a fleet, for 0 … N incidents (EN-13).
pub fn compare(input: &CompareInput) -> Result<CompareAnswer> {
    let data = rules_data()?;
    let mut rules = Rules::default();
    rules.add(&["EN-13", "EN-4", "EN-5", "EN-6"]);
    if input.fleet.is_empty() {
        return Err(Error::new(ErrorCode::MissingField, "the fleet is empty: give `product` or `fleet`").at("product"));
    }
    if input.incidents > MAX_INCIDENTS {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            format!("`incidents` is at most {MAX_INCIDENTS}, not {}", input.incidents),
        )
        .at("incidents"));
    }
    let mut units_total = 0u32;
    let mut lines = Vec::new();
    for (i, line) in input.fleet.iter().enumerate() {
        let at = |field: &str| format!("fleet[{i}].{field}");
        let (product, terms) = enterprise_product(&line.product).map_err(|e| e.or_at(at("product")))?;
        if line.units == 0 {
            return Err(Error::new(ErrorCode::InvalidValue, format!("`units` of `{}` must be at least 1", product.id))
                .at(at("units")));
        }
        units_total = units_total.checked_add(line.units).filter(|u| *u <= MAX_UNITS).ok_or_else(|| {
            Error::new(ErrorCode::InvalidValue, format!("a fleet has at most {MAX_UNITS} units")).at(at("units"))
        })?;
        lines.push((product, terms, line.units));
    }
    let mut basic_missing = Vec::new();
    let mut plus_missing = Vec::new();
    let mut basic_price = Some(Yen::ZERO);
    let mut plus_price = Some(Yen::ZERO);
    let mut plus_limit = Some(Yen::ZERO);
    let mut repair_instead = Vec::new();
    let miss = |list: &mut Vec<Missing>, product: &Product, plan: PlanKind, item: &'static str| {
        list.push(Missing { product: product.id.clone(), plan: plan.id(), item });
    };
    for (product, terms, units) in &lines {
        if !offers(product, PlanKind::Basic) {
            miss(&mut basic_missing, product, PlanKind::Basic, "plan-not-offered");
            basic_price = None;
        } else {
            match published(terms.basic_price) {
                Some(p) => basic_price = basic_price.map(|t| plus(t, times(p, *units)?)).transpose()?,
                None => {
                    miss(&mut basic_missing, product, PlanKind::Basic, "price");
                    basic_price = None;
                }
            }
            for (n, (fee, item)) in [(terms.basic_fee_1, "replacement-fee-1"), (terms.basic_fee_2, "replacement-fee-2")]
                .into_iter()
                .enumerate()
            {
                match published(fee) {
                    None => miss(&mut basic_missing, product, PlanKind::Basic, item),
                    Some(f) if f > input.repair_cost => repair_instead.push(RepairInstead {
                        product: product.id.clone(),
                        replacement: u32::try_from(n).unwrap_or(0).saturating_add(1),
                        fee: yen(f),
                        repair_cost: yen(input.repair_cost),
                    }),
                    Some(_) => {}
                }
            }
        }
        if !offers(product, PlanKind::Plus) {
            miss(&mut plus_missing, product, PlanKind::Plus, "plan-not-offered");
            plus_price = None;
            plus_limit = None;
        } else {
            match published(terms.plus_price) {
                Some(p) => plus_price = plus_price.map(|t| plus(t, times(p, *units)?)).transpose()?,
                None => {
                    miss(&mut plus_missing, product, PlanKind::Plus, "price");
                    plus_price = None;
                }
            }
            match published(terms.plus_limit) {
                Some(l) => plus_limit = plus_limit.map(|t| plus(t, times(l, *units)?)).transpose()?,
                None => {
                    miss(&mut plus_missing, product, PlanKind::Plus, "limit");
                    plus_limit = None;
                }
            }
        }
    }
    if !repair_instead.is_empty() {
        rules.add(&["EN-4"]);
    }
    // The Basic fees of each unit, in turn: every unit's first replacement, then every unit's second.
    let basic_fees_known = !basic_missing.iter().any(|m| m.item != "price");
    let mut units: Vec<(Option<Yen>, Option<Yen>)> = Vec::new();
    for (_, terms, n) in &lines {
        for _ in 0..*n {
            units.push((published(terms.basic_fee_1), published(terms.basic_fee_2)));
        }
    }
    let mut used_per_unit: Vec<u32> = vec![0; units.len()];
    let mut rows = Vec::new();
    let mut basic_incidents = Yen::ZERO;
    let mut basic_replacements = 0u32;
    let mut basic_repairs_instead = 0u32;
    let mut plus_cheaper_from = None;
    let mut cursor = 0usize;
    for k in 0..=input.incidents {
        if k > 0 && basic_fees_known {
            // The k-th incident falls on the next unit in turn.
            let slot = cursor.checked_rem(units.len().max(1)).unwrap_or(0);
            cursor = cursor.wrapping_add(1);
            let used = used_per_unit.get(slot).copied().unwrap_or(u32::MAX);
            let fee = match (units.get(slot), used) {
                (Some((f1, _)), 0) => *f1,
                (Some((_, f2)), 1) => *f2,
                _ => None,
            };
            match fee {
                Some(f) if f <= input.repair_cost => {
                    basic_incidents = plus(basic_incidents, f)?;
                    basic_replacements = one_more(basic_replacements)?;
                    if let Some(u) = used_per_unit.get_mut(slot) {
                        *u = one_more(*u)?;
                    }
                }
                Some(_) => {
                    basic_incidents = plus(basic_incidents, input.repair_cost)?;
                    basic_repairs_instead = one_more(basic_repairs_instead)?;
                }
                None => basic_incidents = plus(basic_incidents, input.repair_cost)?,
            }
        }
        let basic_inc = if basic_fees_known { Some(basic_incidents) } else { None };
        let basic_total = match (basic_price, basic_inc) {
            (Some(p), Some(i)) => Some(plus(p, i)?),
            _ => None,
        };
        let all_repairs = times(input.repair_cost, k)?;
        let plus_inc = plus_limit.map(|l| minus_floor(all_repairs, l));
        let plus_total = match (plus_price, plus_inc) {
            (Some(p), Some(i)) => Some(plus(p, i)?),
            _ => None,
        };
        let cheaper = match (basic_total, plus_total) {
            (Some(b), Some(p)) if p < b => Some(Cheaper::Plus),
            (Some(b), Some(p)) if b < p => Some(Cheaper::Basic),
            (Some(_), Some(_)) => Some(Cheaper::Same),
            _ => None,
        };
        if cheaper == Some(Cheaper::Plus) && plus_cheaper_from.is_none() {
            plus_cheaper_from = Some(k);
        }
        rows.push(CompareRow {
            incidents: k,
            basic_incidents: basic_inc.map(yen),
            basic_total: basic_total.map(yen),
            basic_replacements,
            basic_repairs_instead,
            plus_incidents: plus_inc.map(yen),
            plus_total: plus_total.map(yen),
            cheaper,
        });
    }
    let _ = data;
    Ok(CompareAnswer {
        family: Family::CareEnterprise,
        units: units_total,
        repair_cost: yen(input.repair_cost),
        basic: Side {
            plan: PlanKind::Basic.id(),
            complete: basic_missing.is_empty(),
            price: basic_price.map(yen),
            limit: None,
            missing: basic_missing,
        },
        plus: Side {
            plan: PlanKind::Plus.id(),
            complete: plus_missing.is_empty(),
            price: plus_price.map(yen),
            limit: plus_limit.map(yen),
            missing: plus_missing,
        },
        rows,
        plus_cheaper_from,
        repair_instead,
        assumptions: vec![
            "one-incident-costs-the-repair-cost-given",
            "incidents-fall-on-the-units-in-turn",
            "basic-at-most-2-replacements-per-unit-then-full-repair",
            "all-plus-units-share-one-limit",
            "plans-bought-for-every-unit",
        ],
        rules: rules.into_vec(),
    })
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
