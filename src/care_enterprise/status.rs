//! The status of a plan held (Basic, Plus and their Renew plans): its period, replacements or
//! limit used and left, renewal reminders (EN-3 … EN-12).

// The family's shared imports, helpers and types (mod.rs) and its other questions.
use super::*;

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
    /// Whether the plan has expired with something left (Basic: replacements; Plus: limit): it
    /// can no longer be used (EN-3); Renew does not carry it over (EN-8, EN-9).
    pub left_no_longer_usable: bool,
    /// Renew of this plan (EN-8 … EN-11).
    pub renew: Renew,
    /// Renewal reminder e-mails (EN-12).
    pub reminders: Vec<Reminder>,
    /// The rule ids that produced this answer.
    pub rules: Vec<RuleId>,
}

pub(super) fn check_claim_date(date: Date, today: Date, period: Period) -> Result<()> {
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
pub(super) fn reminders(end: Date, today: Date, data: &EnterpriseRules) -> Result<Vec<Reminder>> {
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
pub(super) fn date_order(dates: impl Iterator<Item = Date>) -> Vec<usize> {
    let mut order: Vec<(Date, usize)> = dates.enumerate().map(|(i, d)| (d, i)).collect();
    order.sort_unstable();
    order.into_iter().map(|(_, i)| i).collect()
}

/// Claims applied in date order (the request's order on the same date) to a limit: a claim
/// larger than what is left is covered up to what is left (EN-5).
pub(super) struct Pot {
    pub(super) left: Yen,
}

impl Pot {
    pub(super) fn take(&mut self, amount: Yen) -> (Yen, Yen) {
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
    rules.add(&[RuleId::T1, RuleId::En3, RuleId::T2]);
    let today = japan_date(input.now)?;
    let period = Period::of_months(input.start, data.months)?;
    let state = State::on(period, today);
    let active = state == State::Active;
    for (i, claim) in input.claims.iter().enumerate() {
        check_claim_date(claim.date, today, period).map_err(|e| e.at(format!("claims[{i}].date")))?;
    }

    let mut replacements = None;
    let mut next_replacement_fee = Fee::NotOffered;
    let mut limit = None;
    let mut applied = Vec::new();
    let facts = if kind.is_plus() {
        rules.add(&[RuleId::En5]);
        if terms.plus_mode == PlusMode::RepairOnlyWithLoaner {
            rules.add(&[RuleId::En7]);
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
                        amount: Money::yen(amount),
                        from: LimitSource::OwnLimit,
                        covered: Money::yen(covered),
                        customer_pays: Money::yen(rest),
                        left_after: Money::yen(pot.left),
                    });
                }
                Some(Money::yen(pot.left))
            }
        };
        limit = Some(LimitStatus { limit: limit_fee, used: Money::yen(used), customer_paid: Money::yen(paid), left });
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
        rules.add(&[if kind == PlanKind::Basic { RuleId::En4 } else { RuleId::En8 }]);
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
    rules.add(&[RuleId::En12]);
    let reminders = reminders(period.end, today, data)?;
    let something_left = replacements.is_some_and(|c: Count| c.left > 0)
        || limit.as_ref().and_then(|l| l.left).is_some_and(|m| m.amount > Decimal::ZERO);
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
        left_no_longer_usable: state == State::Expired && something_left,
        renew,
        reminders,
        rules: rules.into_vec(),
    })
}
