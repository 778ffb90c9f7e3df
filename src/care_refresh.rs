//! DJI Care Refresh: buying a plan, and the status of a plan held (docs/rules.md CR-1 … CR-14).
//!
//! **Covers** the consumer plans `care-refresh-1y` and `care-refresh-2y` for every product of
//! `data/care_refresh_jp.csv` (drones and handhelds).
//!
//! **Sources**: the 2021 retailer FAQ (seed 000), the 2023 DJI flyer (seed 001), the 2026 blog
//! article (seed 003). Where they disagree, the terms are *editions* in
//! `data/care_refresh_editions.json`, chosen by the Japan date of purchase:
//! 96 h → 48 h drone window on 2026-02-01 (CR-3); 3 → 4 replacements on the 2-year plan and
//! extensions from 2023-07-13 (CR-7, CR-14).
//!
//! **Rules**: CR-1 / CR-2 / CR-3 / CR-4 decide whether a plan can be bought now and by which
//! route; CR-5 the region; CR-7 / CR-8 what the plan gives; CR-10 the warranty extension;
//! CR-12 / CR-13 the service dates; CR-14 the extension of a plan held.
//!
//! **Edge cases**: an instant equal to a deadline is inside (T-3); a start on the 29th–31st ends
//! on the month's last day when the end month is shorter (T-2); the edition of a purchase is
//! chosen by its *Japan* date, so 2026-01-31T16:00:00Z is already the 48-hour edition.

use serde::Serialize;

use crate::answer::{
    invitation_route, Alternative, Closed, ClosedReason, Count, Route, RouteResult, RuleId, Rules, State,
};
use crate::catalog::{catalog, Allowance, Category, Edition, Flyaway, Plan, Product, RefreshTerms};
use crate::error::clip;
use crate::error::{Error, ErrorCode, Result};
use crate::money::Fee;
use crate::time::{days_after, days_until, japan_date, Date, Instant, Period, Window};

/// Regions where Care Refresh is sold (CR-5): ISO 3166 codes, with `EU` for the Union as a whole.
pub const REGIONS_SOLD: &[&str] = &[
    "JP", "CN", "HK", "TW", "KR", "US", "CA", "AU", "CH", "NO", "GB", "EU", "AT", "BE", "BG", "HR", "CY", "CZ", "DK",
    "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES",
    "SE",
];

/// An ISO region code in upper case; `UK` is read as `GB`.
fn normalise_region(region: &str) -> Option<&'static str> {
    let region = region.trim();
    if region.eq_ignore_ascii_case("UK") {
        return Some("GB");
    }
    REGIONS_SOLD.iter().copied().find(|r| r.eq_ignore_ascii_case(region))
}

/// The region this catalog prices.
pub const REGION_PRICED: &str = "JP";

/// How the plan is bought (CR-12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// On DJI's online store together with the product: service starts two days after shipping.
    WithProduct {
        /// The product's shipping date.
        shipping_date: Date,
    },
    /// Separately (online store or activation card): service starts on the day of purchase.
    Separate,
}

/// A question: can this plan be bought for this product now?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuyInput<'a> {
    /// Plan id, `care-refresh-1y` or `care-refresh-2y`.
    pub plan: &'a str,
    /// Product id of the catalog.
    pub product: &'a str,
    /// When the product was activated, or `None` when it is new and not activated.
    pub activated_at: Option<Instant>,
    /// When DJI's invitation e-mail arrived after an inspection or repair (CR-4), if any.
    pub invitation_at: Option<Instant>,
    /// How the plan is bought.
    pub channel: Channel,
    /// Where plan and product were bought (CR-5), ISO code; `JP` by default.
    pub region: &'a str,
    /// "Now": the instant of purchase (T-6).
    pub now: Instant,
}

/// The fees per replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fees {
    /// Per refresh replacement.
    pub replacement: Fee,
    /// Per flyaway replacement.
    pub flyaway: Fee,
}

/// The edition of the terms an answer used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EditionRef {
    /// Its id.
    pub id: &'static str,
    /// Its sources.
    pub sources: &'static [String],
}

impl From<&'static Edition> for EditionRef {
    fn from(e: &'static Edition) -> Self {
        Self { id: &e.id, sources: &e.sources }
    }
}

/// The answer to [`buy`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuyAnswer {
    /// The plan asked.
    pub plan: &'static str,
    /// The product asked.
    pub product: &'static str,
    /// Whether it can be bought now.
    pub eligible: bool,
    /// The route that allows it, when eligible.
    pub route: Option<Route>,
    /// The window that decided (after activation or after the invitation), if any.
    pub window: Option<Window>,
    /// The deadline of that window (the last instant inside), or `null` when there is none.
    pub deadline: Option<Instant>,
    /// Why not and what to do instead, when not eligible.
    pub closed: Option<Closed>,
    /// Plan price.
    pub price: Fee,
    /// Fees per replacement.
    pub fees: Fees,
    /// Replacements in the period, flyaway included (CR-7).
    pub replacements: u32,
    /// Of which at most this many flyaway (CR-7, CR-8); 0 when flyaway is not offered.
    pub flyaway_max: u32,
    /// Whether flyaway replacements are offered for this product.
    pub flyaway: Flyaway,
    /// Service period if bought now (CR-12, CR-13); `null` when not eligible.
    pub service: Option<Period>,
    /// Manufacturer warranty extension (2-year plan, CR-10); `null` otherwise.
    pub warranty_extension: Option<Period>,
    /// The edition of the terms in force for a purchase now.
    pub edition: EditionRef,
    /// The rule ids that produced this answer.
    pub rules: Vec<RuleId>,
}

fn refresh_plan_and_product(
    plan: &str,
    product: &str,
) -> Result<(&'static Plan, &'static Product, &'static RefreshTerms)> {
    let (plan, product) = catalog()?.plan_for_product(plan, product)?;
    let terms = product.refresh_terms().ok_or_else(|| {
        Error::new(ErrorCode::ProductNotInFamily, format!("product `{}` is not a care-refresh product", product.id))
    })?;
    Ok((plan, product, terms))
}

fn allowance(edition: &Edition, plan: &Plan, terms: &RefreshTerms) -> Result<Allowance> {
    let a = edition.plans.get(&plan.id).copied().ok_or_else(|| {
        Error::new(ErrorCode::Internal, format!("edition `{}` has no terms for plan `{}`", edition.id, plan.id))
    })?;
    Ok(match terms.flyaway {
        Flyaway::No => Allowance { flyaway_max: 0, ..a },
        Flyaway::Yes | Flyaway::Unknown => a,
    })
}

/// The 2-year plan's warranty extension: from the day after its first year ends, to its end (CR-10).
fn warranty_extension(plan: &Plan, service: Period) -> Result<Option<Period>> {
    if plan.months <= 12 {
        return Ok(None);
    }
    let first_year = Period::of_months(service.start, 12)?;
    Ok(Some(Period { start: days_after(first_year.end, 1)?, end: service.end }))
}

fn plan_price(plan: &Plan, terms: &RefreshTerms) -> Fee {
    if plan.months > 12 {
        terms.price_2y
    } else {
        terms.price_1y
    }
}

/// Can this plan be bought for this product now, by which route, until when, and what does it
/// give? "Not eligible" is an answer; only bad input is an [`Error`].
///
/// ```
/// use coverage_calc::care_refresh::{buy, BuyInput, Channel};
/// use coverage_calc::time::parse_instant;
/// let answer = buy(&BuyInput {
///     plan: "care-refresh-2y",
///     product: "dji-mini-4-pro",
///     activated_at: Some(parse_instant("activatedAt", "2026-11-19T09:00:00+09:00").unwrap()),
///     invitation_at: None,
///     channel: Channel::Separate,
///     region: "JP",
///     now: parse_instant("now", "2026-11-20T12:00:00+09:00").unwrap(),
/// })
/// .unwrap();
/// assert!(answer.eligible);
/// assert_eq!(answer.deadline.unwrap().to_string(), "2026-11-21T09:00:00+09:00"); // 48 h
/// assert_eq!(answer.replacements, 4);
/// assert_eq!(answer.service.unwrap().end.to_string(), "2028-11-19");
/// ```
pub fn buy(input: &BuyInput<'_>) -> Result<BuyAnswer> {
    let (plan, product, terms) = refresh_plan_and_product(input.plan, input.product)?;
    validate_instants(input)?;
    let mut rules = Rules::default();
    rules.add(&[RuleId::T1]);
    let today = japan_date(input.now)?;
    let edition = catalog()?.edition_on(today)?;
    let allowance = allowance(edition, plan, terms)?;

    let (route, window, mut closed) = route(input, product, edition, &mut rules)?;
    rules.add(&[RuleId::Cr5]);
    let region = normalise_region(input.region);
    let priced = region == Some(REGION_PRICED);
    let sold = region.is_some();
    if !priced {
        let reason = if sold { ClosedReason::RegionNotPriced } else { ClosedReason::RegionNotSold };
        closed = Some(Closed { reason, alternative: None });
    }
    let price_or_unknown = |fee: Fee| match (priced, sold) {
        (true, _) => fee,
        (false, true) => Fee::NotPublished,
        (false, false) => Fee::NotOffered,
    };

    rules.add(&[RuleId::Cr7, RuleId::Cr8]);
    let eligible = closed.is_none();
    let service = if eligible {
        rules.add(&[RuleId::Cr12, RuleId::Cr13, RuleId::T2]);
        let start = match input.channel {
            Channel::WithProduct { shipping_date } => days_after(shipping_date, 2)?,
            Channel::Separate => today,
        };
        Some(Period::of_months(start, plan.months)?)
    } else {
        None
    };
    rules.add(&[RuleId::Cr10]);
    let warranty_extension = match service {
        Some(s) => warranty_extension(plan, s)?,
        None => None,
    };
    rules.add(&[RuleId::Cr9, RuleId::Cr11]);
    Ok(BuyAnswer {
        plan: &plan.id,
        product: &product.id,
        eligible,
        route: if eligible { route } else { None },
        window,
        deadline: window.map(|w| w.deadline),
        closed,
        price: price_or_unknown(plan_price(plan, terms)),
        fees: Fees { replacement: price_or_unknown(terms.exchange_fee), flyaway: price_or_unknown(terms.flyaway_fee) },
        replacements: allowance.replacements,
        flyaway_max: allowance.flyaway_max,
        flyaway: terms.flyaway,
        service,
        warranty_extension,
        edition: edition.into(),
        rules: rules.into_vec(),
    })
}

fn validate_instants(input: &BuyInput<'_>) -> Result<()> {
    if let Some(activated) = input.activated_at {
        if activated > input.now {
            return Err(Error::new(
                ErrorCode::ActivationAfterNow,
                format!("`activatedAt` `{}` is after `now` `{}`", activated, input.now),
            ));
        }
    }
    if let Some(invitation) = input.invitation_at {
        match input.activated_at {
            None => {
                return Err(Error::new(
                    ErrorCode::InvitationBeforeActivation,
                    "`invitationAt` needs `activatedAt`: an invitation e-mail follows an inspection of an activated product",
                ))
            }
            Some(activated) if invitation < activated => {
                return Err(Error::new(
                    ErrorCode::InvitationBeforeActivation,
                    format!("`invitationAt` `{}` is before `activatedAt` `{}`", invitation, activated),
                ))
            }
            Some(_) => {}
        }
        if invitation > input.now {
            return Err(Error::new(
                ErrorCode::InvitationAfterNow,
                format!("`invitationAt` `{}` is after `now` `{}`", invitation, input.now),
            ));
        }
    }
    Ok(())
}

/// CR-1 … CR-4: the route, the window that decided, and why not.
fn route(input: &BuyInput<'_>, product: &Product, edition: &Edition, rules: &mut Rules) -> Result<RouteResult> {
    let Some(activated) = input.activated_at else {
        rules.add(&[RuleId::Cr1]);
        return Ok((Some(Route::NotActivated), None, None));
    };
    rules.add(&[RuleId::Cr2]);
    let hours = match product.category {
        Category::Handheld => {
            rules.add(&[RuleId::T5]);
            edition.handheld_window_hours
        }
        Category::Drone | Category::GimbalCamera | Category::Accessory => {
            rules.add(&[RuleId::Cr3, RuleId::T3]);
            edition.drone_window_hours
        }
    };
    let window = Window::after(activated, hours)?;
    if window.contains(input.now) {
        return Ok((Some(Route::WithinWindow), Some(window), None));
    }
    rules.add(&[RuleId::Cr4, RuleId::T3]);
    let alternative = Alternative {
        route: Route::Invitation,
        rule: RuleId::Cr4,
        step: "paid-inspection-or-repair-at-dji-support",
        hours: edition.invitation_window_hours,
    };
    invitation_route(window, input.invitation_at, edition.invitation_window_hours, input.now, alternative)
}

/// A claim made on a plan held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    /// Its kind.
    pub kind: ClaimKind,
    /// The Japan date it was made.
    pub date: Date,
}

/// The kind of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// A refresh replacement (CR-7).
    Replacement,
    /// A flyaway replacement (CR-8); counts as a replacement too.
    Flyaway,
    /// A repair of a quality defect under the manufacturer's warranty: uses nothing up (CR-9).
    WarrantyRepair,
}

/// A question: what does this plan held have left?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusInput<'a> {
    /// Plan id of the plan held.
    pub plan: &'a str,
    /// Product id.
    pub product: &'a str,
    /// Its service start date (CR-12).
    pub start: Date,
    /// The Japan date it was bought, for the edition of its terms; the start date by default.
    pub bought_on: Option<Date>,
    /// The earlier plans of its chain, oldest first (CR-14), e.g. `["care-refresh-2y"]`.
    pub chain: Vec<&'a str>,
    /// The claims made on this plan.
    pub claims: Vec<Claim>,
    /// "Now" (T-6).
    pub now: Instant,
}

/// Why an extension can or cannot be bought now (CR-14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExtensionStatus {
    /// It can be bought now.
    Available,
    /// The plan's service has not started yet.
    NotStarted,
    /// More than the allowed days after expiry.
    WindowClosed,
    /// The chain would exceed the 3-year maximum.
    ChainAtMaximum,
    /// The terms in force have no extension (before 2023-07-13).
    NotInEdition,
}

/// The extension of a plan held (CR-14).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    /// Whether it can be bought now.
    pub possible: bool,
    /// Why (not).
    pub status: ExtensionStatus,
    /// The plan to buy, `care-refresh-1y`.
    pub plan: Option<&'static str>,
    /// The extension's service period, when the chain allows one.
    pub period: Option<Period>,
    /// Last Japan date to buy it (through 24:00), when the chain allows one.
    pub buy_until: Option<Date>,
    /// Whole days from today (the Japan date of "now") to `buyUntil`, 0 on that day, when it can
    /// be bought now (`possible`); `null` otherwise. "Extend by 8 Dec: 5 days left".
    pub days_left: Option<u32>,
    /// Its price.
    pub price: Fee,
    /// Months of coverage of the whole chain with the extension.
    pub total_months_after: Option<u32>,
}

/// The answer to [`status`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusAnswer {
    /// The plan held.
    pub plan: &'static str,
    /// The product.
    pub product: &'static str,
    /// Where it is in its life.
    pub state: State,
    /// Whether it covers today.
    pub active: bool,
    /// Its service period (CR-13).
    pub period: Period,
    /// Replacements, flyaway included (CR-7).
    pub replacements: Count,
    /// Flyaway replacements (CR-8): `left` is also bounded by the replacements left.
    pub flyaway: Count,
    /// Whether the product has flyaway replacements.
    pub flyaway_offered: Flyaway,
    /// Warranty repairs recorded (CR-9): they use nothing up.
    pub warranty_repairs: u32,
    /// Fee of the next replacement, `not-offered` when none is left or the plan is not active.
    pub next_replacement_fee: Fee,
    /// Fee of the next flyaway replacement, likewise.
    pub next_flyaway_fee: Fee,
    /// Manufacturer warranty extension (2-year plan, CR-10).
    pub warranty_extension: Option<Period>,
    /// Whether the plan has expired with replacements left (`replacements.left`, `flyaway.left`):
    /// they can no longer be used on this plan, whose service has ended (CR-13).
    pub left_no_longer_usable: bool,
    /// Extension (CR-14).
    pub extension: Extension,
    /// The edition of the terms the plan was bought under.
    pub edition: EditionRef,
    /// The rule ids that produced this answer.
    pub rules: Vec<RuleId>,
}

/// What does this plan held have left, and can it be extended now?
///
/// ```
/// use coverage_calc::care_refresh::{status, Claim, ClaimKind, StatusInput};
/// use coverage_calc::time::{parse_date, parse_instant};
/// let answer = status(&StatusInput {
///     plan: "care-refresh-1y",
///     product: "dji-mini-4-pro",
///     start: parse_date("start", "2026-01-10").unwrap(),
///     bought_on: None,
///     chain: vec![],
///     claims: vec![Claim { kind: ClaimKind::Flyaway, date: parse_date("date", "2026-05-01").unwrap() }],
///     now: parse_instant("now", "2026-11-20T12:00:00+09:00").unwrap(),
/// })
/// .unwrap();
/// assert_eq!(answer.replacements.left, 1);
/// assert_eq!(answer.flyaway.left, 0);
/// assert!(answer.extension.possible);
/// assert_eq!(answer.extension.buy_until.unwrap().to_string(), "2027-01-24");
/// ```
pub fn status(input: &StatusInput<'_>) -> Result<StatusAnswer> {
    let (plan, product, terms) = refresh_plan_and_product(input.plan, input.product)?;
    let mut rules = Rules::default();
    rules.add(&[RuleId::T1, RuleId::Cr13, RuleId::T2]);
    let today = japan_date(input.now)?;
    let chain_months = chain_months(input, plan)?;
    let edition = catalog()?.edition_on(input.bought_on.unwrap_or(input.start))?;
    let allowance = allowance(edition, plan, terms)?;
    let period = Period::of_months(input.start, plan.months)?;
    let state = State::on(period, today);

    rules.add(&[RuleId::Cr7, RuleId::Cr8, RuleId::Cr9]);
    let (replacements, flyaway, warranty_repairs) = count_claims(input, product, terms, allowance, period, today)?;
    let active = state == State::Active;
    let next_replacement_fee = if active && replacements.left > 0 { terms.exchange_fee } else { Fee::NotOffered };
    let next_flyaway_fee = if active && flyaway.left > 0 { terms.flyaway_fee } else { Fee::NotOffered };
    rules.add(&[RuleId::Cr10]);
    let warranty_extension = warranty_extension(plan, period)?;
    rules.add(&[RuleId::Cr14, RuleId::T4]);
    let extension = extension(terms, period, state, today, chain_months)?;
    Ok(StatusAnswer {
        plan: &plan.id,
        product: &product.id,
        state,
        active,
        period,
        replacements,
        flyaway,
        flyaway_offered: terms.flyaway,
        warranty_repairs,
        next_replacement_fee,
        next_flyaway_fee,
        warranty_extension,
        left_no_longer_usable: state == State::Expired && replacements.left > 0,
        extension,
        edition: edition.into(),
        rules: rules.into_vec(),
    })
}

/// Months of coverage of the chain, the plan held included; errors when the chain is not one of
/// CR-14's (1y → 1y → 1y, 2y → 1y).
fn chain_months(input: &StatusInput<'_>, plan: &Plan) -> Result<u32> {
    let invalid = |why: &str| {
        Error::new(ErrorCode::InvalidChain, format!("chain [{}] → `{}`: {why}", clip(&input.chain.join(", ")), plan.id))
    };
    let mut months = 0u32;
    for (i, id) in input.chain.iter().enumerate() {
        let earlier = catalog()?.plan(id)?;
        if earlier.family != plan.family {
            return Err(invalid("every plan of a chain is a care-refresh plan"));
        }
        if i > 0 && earlier.months != 12 {
            return Err(invalid("only 1-year plans extend a plan"));
        }
        months = months.checked_add(earlier.months).ok_or_else(|| invalid("too long"))?;
    }
    if !input.chain.is_empty() && plan.months != 12 {
        return Err(invalid("only 1-year plans extend a plan"));
    }
    let total = months.checked_add(plan.months).ok_or_else(|| invalid("too long"))?;
    if total > 36 {
        return Err(invalid("coverage in total may not exceed 3 years"));
    }
    Ok(total)
}

fn count_claims(
    input: &StatusInput<'_>,
    product: &Product,
    terms: &RefreshTerms,
    allowance: Allowance,
    period: Period,
    today: Date,
) -> Result<(Count, Count, u32)> {
    let (mut used, mut flyaway_used, mut warranty) = (0u32, 0u32, 0u32);
    // The first claim past the allowance, and past the flyaway maximum: the errors name it.
    let (mut over, mut flyaway_over) = (None, None);
    for (i, claim) in input.claims.iter().enumerate() {
        let at = |field: &str| format!("claims[{i}].{field}");
        if claim.date > today {
            return Err(Error::new(
                ErrorCode::ClaimAfterNow,
                format!("claim dated `{}` is after today `{today}`", claim.date),
            )
            .at(at("date")));
        }
        if !period.contains(claim.date) {
            return Err(Error::new(
                ErrorCode::ClaimOutsidePeriod,
                format!(
                    "claim dated `{}` is outside the plan's period `{}` … `{}`",
                    claim.date, period.start, period.end
                ),
            )
            .at(at("date")));
        }
        let one_more = |n: u32| n.checked_add(1).ok_or_else(|| Error::out_of_range("a claim count"));
        match claim.kind {
            ClaimKind::WarrantyRepair => warranty = one_more(warranty)?,
            ClaimKind::Replacement => used = one_more(used)?,
            ClaimKind::Flyaway => {
                if terms.flyaway == Flyaway::No {
                    return Err(Error::new(
                        ErrorCode::FlyawayNotOffered,
                        format!("product `{}` has no flyaway replacement", product.id),
                    )
                    .at(at("kind")));
                }
                used = one_more(used)?;
                flyaway_used = one_more(flyaway_used)?;
                if flyaway_used > allowance.flyaway_max {
                    flyaway_over = flyaway_over.or(Some(i));
                }
            }
        }
        if used > allowance.replacements {
            over = over.or(Some(i));
        }
    }
    let claim_at = |index: Option<usize>| index.map_or_else(|| "claims".to_owned(), |i| format!("claims[{i}]"));
    if used > allowance.replacements {
        return Err(Error::new(
            ErrorCode::TooManyClaims,
            format!("{used} replacements claimed; the plan gives {}", allowance.replacements),
        )
        .at(claim_at(over)));
    }
    if flyaway_used > allowance.flyaway_max {
        return Err(Error::new(
            ErrorCode::TooManyClaims,
            format!("{flyaway_used} flyaway replacements claimed; the plan gives at most {}", allowance.flyaway_max),
        )
        .at(claim_at(flyaway_over)));
    }
    let left = allowance.replacements.saturating_sub(used);
    let replacements = Count { given: allowance.replacements, used, left };
    let flyaway_left = allowance.flyaway_max.saturating_sub(flyaway_used).min(left);
    let flyaway = Count { given: allowance.flyaway_max, used: flyaway_used, left: flyaway_left };
    Ok((replacements, flyaway, warranty))
}

/// CR-14, under the terms in force *now* (the extension is a purchase made now).
fn extension(terms: &RefreshTerms, period: Period, state: State, today: Date, chain_months: u32) -> Result<Extension> {
    let none = |status| Extension {
        possible: false,
        status,
        plan: None,
        period: None,
        buy_until: None,
        days_left: None,
        price: Fee::NotOffered,
        total_months_after: None,
    };
    let edition = catalog()?.edition_on(today)?;
    let Some(ext) = &edition.extension else {
        return Ok(none(ExtensionStatus::NotInEdition));
    };
    let total_after = chain_months.checked_add(ext.months).ok_or_else(|| Error::out_of_range("a chain"))?;
    if total_after > ext.max_total_months {
        return Ok(none(ExtensionStatus::ChainAtMaximum));
    }
    let buy_until = days_after(period.end, ext.after_expiry_days)?;
    let status = match state {
        State::NotStarted => ExtensionStatus::NotStarted,
        State::Active | State::Expired if today <= buy_until => ExtensionStatus::Available,
        State::Active | State::Expired => ExtensionStatus::WindowClosed,
    };
    let possible = status == ExtensionStatus::Available;
    Ok(Extension {
        possible,
        status,
        plan: Some(&ext.plan),
        period: Some(Period::of_months(days_after(period.end, 1)?, ext.months)?),
        buy_until: Some(buy_until),
        days_left: if possible { days_until(today, buy_until) } else { None },
        price: terms.price_1y,
        total_months_after: Some(total_after),
    })
}
