//! Basic against Plus for sales (EN-13), for 0 … N incidents on a fleet.

// The family's shared imports, helpers and types (mod.rs) and its other questions.
use super::*;

/// A line of a fleet: a product, how many units, and the figures a dealer quoted for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FleetLine {
    /// Product id.
    pub product: String,
    /// Units (at least 1).
    pub units: u32,
    /// Figures quoted by a dealer, per unit (EN-13): used instead of DJI's table, and marked.
    pub quote: Quote,
}

/// Figures a dealer quoted for one unit of a product (EN-13). Each is used in place of DJI's
/// figure, published or not, and the answer marks it (`Side::quoted`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Quote {
    /// Basic plan price.
    pub basic_price: Option<Yen>,
    /// Basic fee of the first replacement.
    pub basic_fee_1: Option<Yen>,
    /// Basic fee of the second replacement.
    pub basic_fee_2: Option<Yen>,
    /// Plus plan price.
    pub plus_price: Option<Yen>,
    /// Plus coverage limit this product brings.
    pub plus_limit: Option<Yen>,
}

impl Quote {
    /// Whether nothing is quoted.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A figure of the comparison that came from a dealer's quote, not from DJI's table (EN-13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quoted {
    /// The fleet line it was quoted on (0 for a single `product`).
    pub line: u32,
    /// Product id.
    pub product: String,
    /// Plan id.
    pub plan: &'static str,
    /// `price`, `replacement-fee-1`, `replacement-fee-2` or `limit` (as in [`Missing`]).
    pub item: &'static str,
    /// The quoted figure, per unit.
    pub amount: Money,
    /// DJI's published figure it replaces; `null` when DJI publishes none.
    pub published: Option<Money>,
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
    /// The fee is a quoted figure (present only then, as `true`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub quoted: bool,
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
    /// What is not published or not offered (and not quoted).
    pub missing: Vec<Missing>,
    /// The figures of this side that came from a quote (present only when there are some): the
    /// side's `price`, `limit` and the rows' incidents and totals of this plan are built on them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quoted: Vec<Quoted>,
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
    pub rules: Vec<RuleId>,
}

/// The most incidents and units a comparison takes (a bound on the answer's size).
pub const MAX_INCIDENTS: u32 = 1000;
/// The most units in a fleet.
pub const MAX_UNITS: u32 = 100_000;

/// Basic and Plus side by side for a fleet, for 0 … N incidents (EN-13).
pub fn compare(input: &CompareInput) -> Result<CompareAnswer> {
    let data = rules_data()?;
    let mut rules = Rules::default();
    rules.add(&[RuleId::En13, RuleId::En4, RuleId::En5, RuleId::En6]);
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
        // A quote is for a plan the product takes: it fills in figures, it does not add a plan.
        let q = &line.quote;
        let basic_quote = [("basicPrice", q.basic_price), ("basicFee1", q.basic_fee_1), ("basicFee2", q.basic_fee_2)];
        let plus_quote = [("plusPrice", q.plus_price), ("plusLimit", q.plus_limit)];
        for (kind, quoted) in [(PlanKind::Basic, &basic_quote[..]), (PlanKind::Plus, &plus_quote[..])] {
            if let Some((name, _)) = quoted.iter().find(|(_, v)| v.is_some()).filter(|_| !offers(product, kind)) {
                return Err(Error::new(
                    ErrorCode::PlanNotOffered,
                    format!(
                        "product `{}` has no `{}` in DJI's table: a quote fills in its figures, it cannot add the plan",
                        product.id,
                        kind.id()
                    ),
                )
                .at(at(&format!("quote.{name}"))));
            }
        }
        lines.push((u32::try_from(i).unwrap_or(u32::MAX), product, terms, line.units, line.quote));
    }
    let mut basic_missing = Vec::new();
    let mut plus_missing = Vec::new();
    let mut basic_quoted = Vec::new();
    let mut plus_quoted = Vec::new();
    let mut basic_price = Some(Yen::ZERO);
    let mut plus_price = Some(Yen::ZERO);
    let mut plus_limit = Some(Yen::ZERO);
    let mut repair_instead = Vec::new();
    // The Basic fees of each unit, in turn: every unit's first replacement, then every unit's second.
    let mut units: Vec<(Option<Yen>, Option<Yen>)> = Vec::new();
    let miss = |list: &mut Vec<Missing>, product: &Product, plan: PlanKind, item: &'static str| {
        list.push(Missing { product: product.id.clone(), plan: plan.id(), item });
    };
    for (line, product, terms, n, quote) in &lines {
        // A figure: the quote when there is one (marked), else DJI's (or missing).
        let figure = |list: &mut Vec<Missing>,
                      quoted: &mut Vec<Quoted>,
                      plan: PlanKind,
                      item: &'static str,
                      dji: Fee,
                      quote: Option<Yen>| match quote {
            Some(amount) => {
                quoted.push(Quoted {
                    line: *line,
                    product: product.id.clone(),
                    plan: plan.id(),
                    item,
                    amount: Money::yen(amount),
                    published: published(dji).map(Money::yen),
                });
                Some((amount, true))
            }
            None => {
                let found = published(dji).map(|a| (a, false));
                if found.is_none() {
                    miss(list, product, plan, item);
                }
                found
            }
        };
        if !offers(product, PlanKind::Basic) {
            miss(&mut basic_missing, product, PlanKind::Basic, "plan-not-offered");
            basic_price = None;
        } else {
            let price = figure(
                &mut basic_missing,
                &mut basic_quoted,
                PlanKind::Basic,
                "price",
                terms.basic_price,
                quote.basic_price,
            );
            basic_price = match (basic_price, price) {
                (Some(t), Some((p, _))) => Some(plus(t, times(p, *n)?)?),
                _ => None,
            };
            let mut fees = [None, None];
            for (slot, (fee, q, item)) in fees.iter_mut().zip([
                (terms.basic_fee_1, quote.basic_fee_1, "replacement-fee-1"),
                (terms.basic_fee_2, quote.basic_fee_2, "replacement-fee-2"),
            ]) {
                *slot = figure(&mut basic_missing, &mut basic_quoted, PlanKind::Basic, item, fee, q);
            }
            for (k, found) in fees.iter().enumerate() {
                if let Some((f, quoted)) = *found {
                    if f > input.repair_cost {
                        repair_instead.push(RepairInstead {
                            product: product.id.clone(),
                            replacement: u32::try_from(k).unwrap_or(0).saturating_add(1),
                            fee: Money::yen(f),
                            repair_cost: Money::yen(input.repair_cost),
                            quoted,
                        });
                    }
                }
            }
            let [f1, f2] = fees;
            for _ in 0..*n {
                units.push((f1.map(|f| f.0), f2.map(|f| f.0)));
            }
        }
        if !offers(product, PlanKind::Plus) {
            miss(&mut plus_missing, product, PlanKind::Plus, "plan-not-offered");
            plus_price = None;
            plus_limit = None;
        } else {
            let price = figure(
                &mut plus_missing,
                &mut plus_quoted,
                PlanKind::Plus,
                "price",
                terms.plus_price,
                quote.plus_price,
            );
            plus_price = match (plus_price, price) {
                (Some(t), Some((p, _))) => Some(plus(t, times(p, *n)?)?),
                _ => None,
            };
            let limit = figure(
                &mut plus_missing,
                &mut plus_quoted,
                PlanKind::Plus,
                "limit",
                terms.plus_limit,
                quote.plus_limit,
            );
            plus_limit = match (plus_limit, limit) {
                (Some(t), Some((l, _))) => Some(plus(t, times(l, *n)?)?),
                _ => None,
            };
        }
    }
    if !repair_instead.is_empty() {
        rules.add(&[RuleId::En4]);
    }
    let basic_fees_known = !basic_missing.iter().any(|m| m.item != "price");
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
            basic_incidents: basic_inc.map(Money::yen),
            basic_total: basic_total.map(Money::yen),
            basic_replacements,
            basic_repairs_instead,
            plus_incidents: plus_inc.map(Money::yen),
            plus_total: plus_total.map(Money::yen),
            cheaper,
        });
    }
    let _ = data;
    let mut assumptions = vec![
        "one-incident-costs-the-repair-cost-given",
        "incidents-fall-on-the-units-in-turn",
        "basic-at-most-2-replacements-per-unit-then-full-repair",
        "all-plus-units-share-one-limit",
        "plans-bought-for-every-unit",
    ];
    if !basic_quoted.is_empty() || !plus_quoted.is_empty() {
        assumptions.push("quoted-figures-are-the-dealers-not-djis");
    }
    Ok(CompareAnswer {
        family: Family::CareEnterprise,
        units: units_total,
        repair_cost: Money::yen(input.repair_cost),
        basic: Side {
            plan: PlanKind::Basic.id(),
            complete: basic_missing.is_empty(),
            price: basic_price.map(Money::yen),
            limit: None,
            missing: basic_missing,
            quoted: basic_quoted,
        },
        plus: Side {
            plan: PlanKind::Plus.id(),
            complete: plus_missing.is_empty(),
            price: plus_price.map(Money::yen),
            limit: plus_limit.map(Money::yen),
            missing: plus_missing,
            quoted: plus_quoted,
        },
        rows,
        plus_cheaper_from,
        repair_instead,
        assumptions,
        rules: rules.into_vec(),
    })
}
