//! The catalog: plans, products, prices and editions of the terms, as data.
//!
//! The data are the files of `data/`: the price tables as CSV with the source document of every
//! row, the plans, the editions of the terms and the Enterprise and i-PRO terms as JSON. A change
//! of price or a new edition is a data change. The build checks them and turns them into Rust
//! (`build/catalog.rs`; a malformed file fails the build), so the module parses nothing at run
//! time: the catalog is built from those values on first use and kept (a `OnceLock`).

use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::time::Date;

use crate::error::{Error, ErrorCode, Result};
pub mod ipro;

use self::ipro::{
    Exclusion, Form, IproTerms, Kind, KindTerms, OnSite, OnSiteArea, PartnersTerms, Payer, ProductWarrantyTerms,
    Service, Services, Shipping,
};
use crate::money::{Currency, Fee};

/// A plan family: the rules that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// DJI Care Refresh (docs/rules.md CR).
    CareRefresh,
    /// DJI Care Enterprise (docs/rules.md EN).
    CareEnterprise,
    /// i-PRO product warranty and Partners Circle 5-year warranty (docs/rules.md IP).
    Ipro,
}

impl Family {
    /// The id used in JSON, e.g. `care-refresh`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CareRefresh => "care-refresh",
            Self::CareEnterprise => "care-enterprise",
            Self::Ipro => "ipro",
        }
    }
}

/// A product category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// An aircraft.
    Drone,
    /// Osmo, Pocket, Ronin / RS series (Care Refresh).
    Handheld,
    /// A Zenmuse payload (Care Enterprise).
    GimbalCamera,
    /// An accessory treated like the aircraft it belongs to (Care Enterprise).
    Accessory,
}

/// Whether a Care Refresh product has flyaway (lost in flight) replacements (CR-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flyaway {
    /// Offered.
    Yes,
    /// Not offered.
    No,
    /// The sources do not say.
    Unknown,
}

/// How a Plus plan serves a product (EN-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlusMode {
    /// Replacement or repair, deducted from the limit.
    ReplaceOrRepair,
    /// Zenmuse XT / XT2: repair only, a loaner unit on request.
    RepairOnlyWithLoaner,
}

/// A name in Japanese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Names {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

/// A plan of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// Id, e.g. `care-refresh-1y`.
    pub id: String,
    /// Its family.
    pub family: Family,
    /// Length of its period in months (T-2).
    pub months: u32,
    /// Its name.
    pub name: Names,
    /// The seed documents it is read from.
    pub sources: Vec<String>,
}

/// Care Refresh prices of one product (CR-7, CR-8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RefreshTerms {
    /// Price of the 1-year plan.
    pub price_1y: Fee,
    /// Price of the 2-year plan.
    pub price_2y: Fee,
    /// Fee per refresh replacement.
    pub exchange_fee: Fee,
    /// Whether flyaway replacements are offered.
    pub flyaway: Flyaway,
    /// Fee per flyaway replacement (`not-offered` when flyaway is `no`).
    pub flyaway_fee: Fee,
    /// What both plans give besides replacements (CR-8, CR-9, CR-11).
    pub coverage: Coverage,
}

/// What every Care Refresh plan gives besides replacements (CR-8, CR-9, CR-11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// Shipping both ways is paid by DJI (CR-11).
    pub shipping_paid_by_dji: bool,
    /// Water damage is covered (CR-11).
    pub water_damage_covered: bool,
    /// Repairs of quality defects under warranty do not use up replacements (CR-9).
    pub warranty_repairs_use_replacements: bool,
    /// What a flyaway replacement needs (CR-8); empty when flyaway is not offered.
    pub flyaway_conditions: Vec<&'static str>,
    /// What a flyaway replacement never covers (CR-8).
    pub flyaway_exclusions: Vec<&'static str>,
}

fn refresh_coverage(flyaway: Flyaway) -> Coverage {
    let offered = flyaway != Flyaway::No;
    Coverage {
        shipping_paid_by_dji: true,
        water_damage_covered: true,
        warranty_repairs_use_replacements: false,
        flyaway_conditions: if offered {
            vec![
                "aircraft-bound-to-dji-account-before-loss",
                "aircraft-bound-to-remote-controller-before-loss",
                "dji-fly-1.2.2-or-later",
                "flight-record-synced",
            ]
        } else {
            Vec::new()
        },
        flyaway_exclusions: if offered { vec!["theft", "loss-not-in-flight"] } else { Vec::new() },
    }
}

/// Care Enterprise prices and limits of one product (EN-4 … EN-9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseTerms {
    /// Basic plan price.
    pub basic_price: Fee,
    /// Basic fee of the first replacement.
    pub basic_fee_1: Fee,
    /// Basic fee of the second replacement.
    pub basic_fee_2: Fee,
    /// Basic Renew price.
    pub basic_renew_price: Fee,
    /// Basic Renew fee of its one replacement.
    pub basic_renew_fee: Fee,
    /// Plus plan price.
    pub plus_price: Fee,
    /// Plus coverage limit granted to this product.
    pub plus_limit: Fee,
    /// Plus Renew price.
    pub plus_renew_price: Fee,
    /// Plus Renew limit.
    pub plus_renew_limit: Fee,
    /// Replacement or repair, or repair only with a loaner.
    pub plus_mode: PlusMode,
}

/// The terms of a product, by family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Terms {
    /// Care Refresh prices.
    CareRefresh(RefreshTerms),
    /// Care Enterprise prices and limits.
    CareEnterprise(EnterpriseTerms),
}

/// A product of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    /// Id, exactly as in the spec's CSV.
    pub id: String,
    /// Its family.
    pub family: Family,
    /// Its name.
    pub name: Names,
    /// Its category.
    pub category: Category,
    /// The plans it can take.
    pub plans: Vec<String>,
    /// The seed document its row is read from.
    pub source: String,
    /// Its prices, by family.
    pub terms: Terms,
}

/// The windows and counts of DJI Care Enterprise (EN-1 … EN-12), as data
/// (`data/care_enterprise_terms.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseRules {
    /// Purchase window after the product's activation, in hours (EN-1).
    pub activation_window_hours: u32,
    /// Purchase window after DJI's invitation e-mail, in hours (EN-1).
    pub invitation_window_hours: u32,
    /// Length of every plan, Renew included, in months (EN-3, EN-10).
    pub months: u32,
    /// Replacements of Basic (EN-4).
    pub basic_replacements: u32,
    /// Replacements of Basic Renew (EN-8).
    pub basic_renew_replacements: u32,
    /// Extension of the manufacturer warranty by Basic Renew, in months (EN-8).
    pub basic_renew_warranty_extension_months: u32,
    /// Days after the contract's first activation within which a Plus product joins the shared limit (EN-6).
    pub share_within_days: u32,
    /// Share of its own limit a product must have left to buy Plus Renew, in percent (EN-9).
    pub plus_renew_min_share_percent: u32,
    /// Days after expiry in which Renew can still be bought without a video inspection (EN-11).
    pub special_without_video_days: u32,
    /// Days after expiry until which Renew can be bought with a passed video inspection (EN-11).
    pub special_with_video_days: u32,
    /// Renewal reminder e-mails, days before expiry (EN-12).
    pub reminder_days_before: Vec<u32>,
    /// The seed documents they are read from.
    pub sources: Vec<String>,
}

impl Product {
    /// Care Enterprise terms, if the product is of that family.
    pub fn enterprise_terms(&self) -> Option<&EnterpriseTerms> {
        match &self.terms {
            Terms::CareEnterprise(t) => Some(t),
            Terms::CareRefresh(_) => None,
        }
    }

    /// Care Refresh terms, if the product is of that family.
    pub fn refresh_terms(&self) -> Option<&RefreshTerms> {
        match &self.terms {
            Terms::CareRefresh(t) => Some(t),
            Terms::CareEnterprise(_) => None,
        }
    }
}

/// Replacements a Care Refresh plan gives under one edition (CR-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Allowance {
    /// Replacements in the period, flyaway included.
    pub replacements: u32,
    /// Of which at most this many flyaway.
    pub flyaway_max: u32,
}

/// The extension rule of an edition (CR-14).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtensionTerms {
    /// The plan bought to extend.
    pub plan: String,
    /// It can be bought while valid or within this many days after expiry (T-4).
    pub after_expiry_days: u32,
    /// Length of the extension.
    pub months: u32,
    /// Total coverage of a chain may not exceed this.
    pub max_total_months: u32,
}

/// An edition of the Care Refresh terms, in force for plans bought in `[effectiveFrom, effectiveUntil)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Edition {
    /// Id, e.g. `cr-2026-02-01`.
    pub id: String,
    /// First Japan date of purchase it applies to (`null`: since always).
    pub effective_from: Option<Date>,
    /// First Japan date of purchase it no longer applies to (`null`: still in force).
    pub effective_until: Option<Date>,
    /// Purchase window after a drone's activation (CR-3).
    pub drone_window_hours: u32,
    /// Purchase window after a handheld's activation (CR-2, T-5).
    pub handheld_window_hours: u32,
    /// Purchase window after the invitation e-mail (CR-4).
    pub invitation_window_hours: u32,
    /// Replacements per plan id (CR-7).
    pub plans: Allowances,
    /// The extension rule, or `null` when the edition has none (CR-14).
    pub extension: Option<ExtensionTerms>,
    /// The seed documents it is read from.
    pub sources: Vec<String>,
    /// What it says, in short.
    pub summary: Names,
}

impl Edition {
    /// Whether it is in force for a plan bought on `date` (Japan date).
    pub fn in_force_on(&self, date: Date) -> bool {
        self.effective_from.is_none_or(|from| from <= date) && self.effective_until.is_none_or(|until| date < until)
    }
}

/// The whole catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// The region the prices are for.
    pub region: &'static str,
    /// The currency of every price.
    pub currency: &'static str,
    /// The plans.
    pub plans: Vec<Plan>,
    /// The products.
    pub products: Vec<Product>,
    /// The editions of the Care Refresh terms, oldest first.
    pub editions: Vec<Edition>,
    /// The windows and counts of DJI Care Enterprise.
    pub enterprise: EnterpriseRules,
    /// The i-PRO terms (IP-1 … IP-6), by product kind.
    pub ipro: IproTerms,
    #[serde(skip)]
    plan_index: Index,
    #[serde(skip)]
    product_index: Index,
}

/// What each plan gives under an edition, by plan id, in the order of the data file (serialised as
/// a JSON object).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allowances(pub Vec<(String, Allowance)>);

impl Allowances {
    /// The allowance of a plan.
    pub fn get(&self, plan: &str) -> Option<&Allowance> {
        self.0.iter().find(|(id, _)| id == plan).map(|(_, a)| a)
    }
}

impl Serialize for Allowances {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(id, a)| (id, a)))
    }
}

/// Ids sorted, with their position: a binary search finds one with no hashing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Index(Vec<(String, usize)>);

impl Index {
    /// The index of `ids`, or the first id that is there twice.
    fn of<'a>(ids: impl Iterator<Item = &'a String>) -> std::result::Result<Self, String> {
        let mut entries: Vec<(String, usize)> = ids.cloned().zip(0..).collect();
        entries.sort_unstable();
        if let Some(w) = entries.windows(2).find(|w| matches!(w, [a, b] if a.0 == b.0)) {
            return Err(w.first().map(|(id, _)| id.clone()).unwrap_or_default());
        }
        Ok(Self(entries))
    }

    fn get(&self, id: &str) -> Option<usize> {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok()?;
        self.0.get(at).map(|&(_, i)| i)
    }
}

/// The catalog, built once on first use.
pub fn catalog() -> Result<&'static Catalog> {
    static CATALOG: OnceLock<Result<Catalog>> = OnceLock::new();
    CATALOG.get_or_init(embedded).as_ref().map_err(Clone::clone)
}

fn internal(detail: String) -> Error {
    Error::new(ErrorCode::Internal, format!("embedded catalog: {detail}"))
}

impl Catalog {
    fn new(plans: Vec<Plan>, editions: Vec<Edition>, enterprise: EnterpriseRules, ipro: IproTerms) -> Result<Self> {
        let products: Vec<Product> = PRODUCTS.iter().map(RawProduct::product).collect();
        let duplicate = |id: String| internal(format!("duplicate id `{id}`"));
        let plan_index = Index::of(plans.iter().map(|p| &p.id)).map_err(duplicate)?;
        let product_index = Index::of(products.iter().map(|p| &p.id)).map_err(duplicate)?;
        Ok(Self {
            region: "JP",
            currency: "JPY",
            plans,
            products,
            editions,
            enterprise,
            ipro,
            plan_index,
            product_index,
        })
    }

    /// A plan by id.
    pub fn plan(&self, id: &str) -> Result<&Plan> {
        self.plan_index
            .get(id)
            .and_then(|i| self.plans.get(i))
            .ok_or_else(|| Error::new(ErrorCode::UnknownPlan, format!("unknown plan `{}`", crate::error::clip(id))))
    }

    /// A product by id.
    pub fn product(&self, id: &str) -> Result<&Product> {
        self.product_index.get(id).and_then(|i| self.products.get(i)).ok_or_else(|| {
            Error::new(ErrorCode::UnknownProduct, format!("unknown product `{}`", crate::error::clip(id)))
        })
    }

    /// A plan and a product of the same family, or the error that says why not.
    pub fn plan_for_product(&self, plan_id: &str, product_id: &str) -> Result<(&Plan, &Product)> {
        let plan = self.plan(plan_id)?;
        let product = self.product(product_id)?;
        if plan.family != product.family {
            return Err(Error::new(
                ErrorCode::ProductNotInFamily,
                format!(
                    "product `{}` is a {} product; plan `{}` is for {} products",
                    product.id,
                    product.family.as_str(),
                    plan.id,
                    plan.family.as_str()
                ),
            ));
        }
        Ok((plan, product))
    }

    /// The Care Refresh edition in force for a plan bought on `date` (Japan date).
    pub fn edition_on(&self, date: Date) -> Result<&Edition> {
        self.editions
            .iter()
            .find(|e| e.in_force_on(date))
            .ok_or_else(|| internal(format!("no edition covers `{date}`")))
    }
}

// ------------------------------------------------------------------------------ built data

// `PLANS`, `PRODUCTS`, `EDITIONS`, `KINDS`, `EXCLUSIONS`, `fn enterprise_rules()` and
// `fn ipro_terms()`, written by build.rs from data/.
include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));

/// The catalog, from the tables the build wrote.
fn embedded() -> Result<Catalog> {
    let plans = PLANS.iter().map(RawPlan::plan).collect();
    let editions = EDITIONS.iter().map(RawEdition::edition).collect::<Result<Vec<_>>>()?;
    Catalog::new(plans, editions, enterprise_rules(), ipro_terms())
}

// The tables hold static texts and slices; each row becomes its owned value once, on first use.

struct RawPlan {
    id: &'static str,
    family: Family,
    months: u32,
    name: (&'static str, &'static str),
    sources: &'static [&'static str],
}

impl RawPlan {
    fn plan(&self) -> Plan {
        Plan {
            id: self.id.to_owned(),
            family: self.family,
            months: self.months,
            name: names(self.name),
            sources: strings(self.sources),
        }
    }
}

struct RawEdition {
    id: &'static str,
    effective_from: Option<(i64, i64, i64)>,
    effective_until: Option<(i64, i64, i64)>,
    drone_window_hours: u32,
    handheld_window_hours: u32,
    invitation_window_hours: u32,
    plans: &'static [(&'static str, Allowance)],
    extension: Option<RawExtension>,
    sources: &'static [&'static str],
    summary: (&'static str, &'static str),
}

struct RawExtension {
    plan: &'static str,
    after_expiry_days: u32,
    months: u32,
    max_total_months: u32,
}

impl RawEdition {
    fn edition(&self) -> Result<Edition> {
        Ok(Edition {
            id: self.id.to_owned(),
            effective_from: self.effective_from.map(date).transpose()?,
            effective_until: self.effective_until.map(date).transpose()?,
            drone_window_hours: self.drone_window_hours,
            handheld_window_hours: self.handheld_window_hours,
            invitation_window_hours: self.invitation_window_hours,
            plans: Allowances(self.plans.iter().map(|&(id, a)| (id.to_owned(), a)).collect()),
            extension: self.extension.as_ref().map(|x| ExtensionTerms {
                plan: x.plan.to_owned(),
                after_expiry_days: x.after_expiry_days,
                months: x.months,
                max_total_months: x.max_total_months,
            }),
            sources: strings(self.sources),
            summary: names(self.summary),
        })
    }
}

struct RawKind {
    id: Kind,
    name: (&'static str, &'static str),
    product_warranty: bool,
    partners: bool,
    repairable: bool,
    has_hdd: bool,
    forms_depend_on_model: bool,
    /// Under the product warranty, the 5-year warranty, and paid.
    service: [Option<RawService>; 3],
}

struct RawService {
    forms: &'static [Form],
    on_site: OnSite,
    hdd_covered: Option<bool>,
    software_covered: bool,
}

impl RawKind {
    fn terms(&self) -> KindTerms {
        let [product_warranty, partners_5y, paid] = self.service.each_ref().map(|s| {
            s.as_ref().map(|s| Service {
                forms: s.forms.to_vec(),
                on_site: s.on_site,
                hdd_covered: s.hdd_covered,
                software_covered: s.software_covered,
            })
        });
        KindTerms {
            id: self.id,
            name: names(self.name),
            product_warranty: self.product_warranty,
            partners: self.partners,
            repairable: self.repairable,
            has_hdd: self.has_hdd,
            forms_depend_on_model: self.forms_depend_on_model,
            service: Services { product_warranty, partners_5y, paid },
        }
    }
}

/// A product as the build writes it: static texts, turned into a [`Product`] once.
struct RawProduct {
    id: &'static str,
    family: Family,
    /// The same in Japanese and English (the Japanese sources use the Latin names).
    name: &'static str,
    category: Category,
    plans: &'static [&'static str],
    source: &'static str,
    terms: RawTerms,
}

enum RawTerms {
    CareRefresh { price_1y: Fee, price_2y: Fee, exchange_fee: Fee, flyaway: Flyaway, flyaway_fee: Fee },
    CareEnterprise(EnterpriseTerms),
}

impl RawProduct {
    fn product(&self) -> Product {
        Product {
            id: self.id.to_owned(),
            family: self.family,
            name: names((self.name, self.name)),
            category: self.category,
            plans: strings(self.plans),
            source: self.source.to_owned(),
            terms: match &self.terms {
                &RawTerms::CareRefresh { price_1y, price_2y, exchange_fee, flyaway, flyaway_fee } => {
                    Terms::CareRefresh(RefreshTerms {
                        price_1y,
                        price_2y,
                        exchange_fee,
                        flyaway,
                        flyaway_fee,
                        coverage: refresh_coverage(flyaway),
                    })
                }
                RawTerms::CareEnterprise(t) => Terms::CareEnterprise(t.clone()),
            },
        }
    }
}

/// A published price in whole yen.
const fn yen(amount: u32) -> Fee {
    Fee::Published { amount: Decimal::from_parts(amount, 0, 0, false, 0), currency: Currency::Jpy }
}

fn names((ja, en): (&str, &str)) -> Names {
    Names { ja: ja.to_owned(), en: en.to_owned() }
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|&t| t.to_owned()).collect()
}

/// A date the build checked.
fn date((year, month, day): (i64, i64, i64)) -> Result<Date> {
    let found = match (i32::try_from(year), u32::try_from(month), u32::try_from(day)) {
        (Ok(y), Ok(m), Ok(d)) => crate::time::date(y, m, d),
        _ => None,
    };
    found.ok_or_else(|| internal(format!("no date {year}-{month}-{day}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;

    #[test]
    fn embedded_catalog_loads() {
        let c = catalog().unwrap();
        assert_eq!(c.products.len(), 35 + 22);
        assert_eq!(c.plans.len(), 8);
        assert_eq!(c.editions.len(), 3);
        assert_eq!(c.product("dji-mavic-3").unwrap().category, Category::Drone);
        assert_eq!(c.product("nope").unwrap_err().code(), ErrorCode::UnknownProduct);
    }

    #[test]
    fn editions_cover_every_date_exactly_once() {
        let c = catalog().unwrap();
        for date in ["1990-01-01", "2023-07-12", "2023-07-13", "2026-01-31", "2026-02-01", "2099-12-31"] {
            let d = crate::time::parse_date("d", date).unwrap();
            assert_eq!(c.editions.iter().filter(|e| e.in_force_on(d)).count(), 1, "{date}");
        }
        assert_eq!(c.edition_on(crate::time::parse_date("d", "2023-07-12").unwrap()).unwrap().id, "cr-2021");
        assert_eq!(c.edition_on(crate::time::parse_date("d", "2023-07-13").unwrap()).unwrap().id, "cr-2023-07-13");
        assert_eq!(c.edition_on(crate::time::parse_date("d", "2026-02-01").unwrap()).unwrap().id, "cr-2026-02-01");
    }

    #[test]
    fn every_spec_row_is_in_the_catalog_with_its_prices() {
        // The data file, read here with a plain split, independently of the loader.
        let spec = include_str!("../../data/care_refresh_jp.csv");
        let c = catalog().unwrap();
        for line in spec.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            let p = c.product(cells[0]).unwrap();
            let t = p.refresh_terms().unwrap();
            let yen = |s: &str| {
                if s.is_empty() {
                    Fee::NotPublished
                } else {
                    Fee::from_catalog(Some(Money::yen(s.parse::<i64>().unwrap())))
                }
            };
            assert_eq!(t.price_1y, yen(cells[3]), "{}", cells[0]);
            assert_eq!(t.price_2y, yen(cells[4]), "{}", cells[0]);
            assert_eq!(t.exchange_fee, yen(cells[5]), "{}", cells[0]);
        }
    }
}
