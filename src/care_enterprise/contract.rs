//! The Plus shared-limit contract (EN-5, EN-6, EN-7, EN-9): which products joined the pool,
//! what the claims used, what is left, which products can renew.

// The family's shared imports, helpers and types (mod.rs) and its other questions.
use std::collections::BTreeMap;

use super::*;

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
    pub rules: Vec<RuleId>,
}

pub(super) struct MemberState {
    pub(super) id: String,
    pub(super) product: &'static Product,
    pub(super) terms: &'static EnterpriseTerms,
    pub(super) input: MemberInput,
    pub(super) owner: String,
    pub(super) region: String,
    pub(super) reasons: Vec<NotJoined>,
    pub(super) period: Period,
    pub(super) limit: Yen,
    pub(super) own: Pot,
    pub(super) used: Yen,
    pub(super) paid: Yen,
    pub(super) claims: u32,
}

/// What does this Plus shared-limit contract cover, which products joined, what is left, and
/// which products can renew?
pub fn plus_contract(input: &ContractInput) -> Result<ContractAnswer> {
    let data = rules_data()?;
    let mut rules = Rules::default();
    rules.add(&[RuleId::T1, RuleId::En3, RuleId::T2, RuleId::En5, RuleId::En6, RuleId::T4]);
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
    // Each member's place in `members`, by id: duplicates and claims are found in O(log n), so a
    // contract of any size is answered in time about linear in its size.
    let mut place: BTreeMap<String, usize> = BTreeMap::new();
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
        if place.contains_key(&id) {
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
            rules.add(&[RuleId::En7]);
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
        place.insert(id.clone(), members.len());
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
        let found = place.get(&claim.member).and_then(|&at| members.get_mut(at));
        let member = found.ok_or_else(|| {
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
            amount: Money::yen(claim.amount),
            from: if joined { LimitSource::Pool } else { LimitSource::OwnLimit },
            covered: Money::yen(covered),
            customer_pays: Money::yen(rest),
            left_after: Money::yen(left_after),
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
            limit: Money::yen(m.limit),
            claims: m.claims,
            own_share: share,
            customer_paid: Money::yen(m.paid),
            mode: m.terms.plus_mode,
            renew: r,
        });
    }
    rules.add(&[RuleId::En12]);
    let state = if today <= period.end { State::Active } else { State::Expired };
    Ok(ContractAnswer {
        family: Family::CareEnterprise,
        plan: PlanKind::Plus.id(),
        period,
        state,
        join_until,
        pool: Pool {
            members: answers.iter().filter(|m| m.joined).map(|m| m.id.clone()).collect(),
            limit: Money::yen(pool_limit),
            used: Money::yen(minus_floor(pool_limit, pool.left)),
            left: Money::yen(pool.left),
        },
        members: answers,
        claims: applied,
        customer_paid: Money::yen(total_paid),
        renew_pool: RenewPool { members: renew_members, limit: Money::yen(renew_limit) },
        reminders: reminders(period.end, today, data)?,
        rules: rules.into_vec(),
    })
}
