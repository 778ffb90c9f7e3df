//! Renew (EN-8 … EN-11): the stages around the expiry of a plan held, what a product has left
//! of its own Plus limit, and whether Renew or special handling is possible.

// The family's shared imports, helpers and types (mod.rs) and its other questions.
use super::*;

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

pub(super) fn own_share(limit: Yen, used: Yen, data: &EnterpriseRules) -> Result<OwnShare> {
    let left = minus_floor(limit, used);
    let share = || Error::out_of_range("a share");
    let lhs = left.checked_mul(Decimal::ONE_HUNDRED).ok_or_else(share)?;
    let rhs = limit.checked_mul(Decimal::from(data.plus_renew_min_share_percent)).ok_or_else(share)?;
    Ok(OwnShare {
        limit: Money::yen(limit),
        used: Money::yen(used),
        left: Money::yen(left),
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
    /// When it can be bought now (`possible`): the last Japan date it stays possible as the
    /// request stands: E + 30 once the video inspection is passed, else E + 7 (after which one is
    /// needed, EN-11); `null` otherwise.
    pub buy_until: Option<Date>,
    /// Whole days from today (the Japan date of "now") to `buyUntil`, 0 on that day; `null` when
    /// not possible now. "Renew by 8 Dec: 5 days left".
    pub days_left: Option<u32>,
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
pub(super) struct RenewFacts {
    pub(super) replacements_left: Option<u32>,
    pub(super) own_share: Option<OwnShare>,
    pub(super) condition_met: bool,
    pub(super) video_passed: bool,
}

pub(super) fn renew_stage(period: Period, today: Date, data: &EnterpriseRules) -> Result<(RenewStage, RenewDates)> {
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

pub(super) fn renew(
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
    rules.add(&[if held.is_plus() { RuleId::En9 } else { RuleId::En8 }, RuleId::En10, RuleId::En11, RuleId::T4]);
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
    let possible = status == RenewStatus::Available;
    let buy_until =
        possible.then_some(if facts.video_passed { dates.with_video_until } else { dates.without_video_until });
    Ok(Renew {
        plan: target.map(PlanKind::id),
        possible,
        status,
        stage,
        replacements_left: facts.replacements_left,
        own_share: facts.own_share,
        condition_met: facts.condition_met,
        dates,
        buy_until,
        days_left: buy_until.and_then(|d| days_until(today, d)),
        video_inspection,
        needs,
        price,
        replacement_fee,
        limit,
        period,
    })
}
