//! Buying a plan (EN-1 … EN-11): the routes and windows of Basic and Plus, Renew of a plan held.

// The family's shared imports, helpers and types (mod.rs) and its other questions.
use super::*;

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
    pub rules: Vec<RuleId>,
}

pub(super) fn validate_instants(input: &BuyInput) -> Result<()> {
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

/// EN-1: new, 96 h after activation, or 72 h after the invitation e-mail.
pub(super) fn route(input: &BuyInput, data: &EnterpriseRules, rules: &mut Rules) -> Result<RouteResult> {
    let Some(activated) = input.activated_at else {
        rules.add(&[RuleId::En1]);
        return Ok((Some(Route::NotActivated), None, None));
    };
    rules.add(&[RuleId::En1, RuleId::T3]);
    let window = Window::after(activated, data.activation_window_hours)?;
    if window.contains(input.now) {
        return Ok((Some(Route::WithinWindow), Some(window), None));
    }
    let alternative = Alternative {
        route: Route::Invitation,
        rule: RuleId::En1,
        step: "repair-at-dji-support",
        hours: data.invitation_window_hours,
    };
    invitation_route(window, input.invitation_at, data.invitation_window_hours, input.now, alternative)
}

pub(super) fn held_facts(
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
    rules.add(&[RuleId::T1]);
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

    rules.add(&[RuleId::En2]);
    let region = input.region.trim().to_ascii_uppercase();
    let priced = region == REGION_PRICED;
    if !priced {
        closed = Some(Closed { reason: ClosedReason::RegionNotPriced, alternative: None });
    }
    let eligible = closed.is_none();
    rules.add(&[if kind.is_plus() { RuleId::En5 } else { RuleId::En4 }]);
    if kind == PlanKind::Plus {
        rules.add(&[RuleId::En6]);
    }
    if kind.is_plus() && terms.plus_mode == PlusMode::RepairOnlyWithLoaner {
        rules.add(&[RuleId::En7]);
    }
    if kind == PlanKind::BasicRenew {
        rules.add(&[RuleId::En8]);
    }
    let service = if !eligible {
        None
    } else if let Some(r) = &renew {
        r.period
    } else {
        rules.add(&[RuleId::En3, RuleId::T2]);
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
