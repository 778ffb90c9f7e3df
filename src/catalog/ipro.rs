//! The terms of i-PRO's product warranty and Partners Circle 5-year warranty, as the catalog
//! holds them (`data/ipro_terms.json`, checked and turned into Rust by the build): kinds of
//! product, forms of repair, who pays, the services and their exclusions. The rules that read
//! them are in [`crate::ipro`].

use serde::Serialize;

use super::Names;
use crate::error::{clip, Error, ErrorCode, Result};

/// A kind of i-PRO product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A network camera.
    Camera,
    /// A recorder (NVR), with its HDD.
    Recorder,
    /// A listed accessory (PoE power units and others).
    Accessory,
    /// Mounts, brackets, SD cards: no warranty, cannot be repaired (IP-1, IP-6).
    NonRepairable,
}

impl Kind {
    /// Every kind, in the order of the data file.
    pub const ALL: [Kind; 4] = [Self::Camera, Self::Recorder, Self::Accessory, Self::NonRepairable];

    /// The id used in JSON, e.g. `non-repairable`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Camera => "camera",
            Self::Recorder => "recorder",
            Self::Accessory => "accessory",
            Self::NonRepairable => "non-repairable",
        }
    }

    /// The kind of an id, or `unknown_kind`.
    pub fn parse(id: &str) -> Result<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == id).ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownKind,
                format!("unknown kind `{}`; expected camera, recorder, accessory or non-repairable", clip(id)),
            )
        })
    }
}

/// A form of repair (IP-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// A replacement unit is sent in exchange for the faulty one (代替品交換).
    ReplacementUnit,
    /// The faulty unit is picked up, repaired and returned (引き取り修理).
    PickUp,
    /// A technician repairs it where it is installed (出張修理).
    OnSite,
}

/// Whether on-site repair is offered, and at what cost (IP-3, IP-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnSite {
    /// Part of the warranty repair (a recorder's first year).
    Included,
    /// On request, at extra cost.
    ExtraCost,
    /// Not a form of repair for this kind.
    NotOffered,
}

/// Who pays (IP-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Payer {
    /// The partner (the reseller the end user bought from).
    Partner,
    /// i-PRO.
    Ipro,
}

/// What a kind gets in one phase (data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    /// The repair forms, the usual first.
    pub forms: Vec<Form>,
    /// On-site repair.
    pub on_site: OnSite,
    /// Whether the HDD is covered (recorders only; `null` for kinds without one).
    pub hdd_covered: Option<bool>,
    /// Whether a software fix is covered.
    pub software_covered: bool,
}

/// The services of a kind, by phase (data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Services {
    /// Under the product warranty (year 1).
    #[serde(rename = "product-warranty")]
    pub product_warranty: Option<Service>,
    /// Under the 5-year warranty (years 2 to 5).
    #[serde(rename = "partners-5y")]
    pub partners_5y: Option<Service>,
    /// A paid repair, after the warranty.
    pub paid: Option<Service>,
}

/// The terms of one product kind (data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindTerms {
    /// The kind.
    pub id: Kind,
    /// Its name.
    pub name: Names,
    /// Whether it has the 1-year product warranty (IP-1: not mounts and similar parts).
    pub product_warranty: bool,
    /// Whether it can have the 5-year warranty, when its model is listed (IP-2).
    pub partners: bool,
    /// Whether it can be repaired at all (IP-6).
    pub repairable: bool,
    /// Whether it has an HDD (recorders).
    pub has_hdd: bool,
    /// Whether the repair form depends on the model (cameras: replacement unit or pick-up).
    pub forms_depend_on_model: bool,
    /// What it gets, by phase.
    pub service: Services,
}

/// The product warranty's length (data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductWarrantyTerms {
    /// Its plan id, `ipro-warranty`.
    pub plan: String,
    /// Months from the delivery date (T-2).
    pub months: u32,
}

/// The 5-year warranty's start and length (data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnersTerms {
    /// Its plan id, `ipro-partners-5y`.
    pub plan: String,
    /// It starts the day after this many months from the delivery date.
    pub starts_after_months: u32,
    /// Its length in months (T-2).
    pub months: u32,
}

/// Who pays shipping each way (IP-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Shipping {
    /// Sending the faulty unit to i-PRO.
    pub to_ipro: Payer,
    /// Returning the repaired unit to the partner.
    pub back: Payer,
}

/// Where on-site repair is offered (IP-5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OnSiteArea {
    /// `all-japan`.
    pub area: String,
    /// Remote islands and remote areas pay extra travel costs.
    pub remote_areas_extra_travel_cost: bool,
}

/// An exclusion of both warranties (IP-4), with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exclusion {
    /// Its id.
    pub id: String,
    /// Its words.
    pub name: Names,
}

/// The i-PRO terms, from `data/ipro_terms.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IproTerms {
    /// The seed documents.
    pub sources: Vec<String>,
    /// The product warranty (IP-1).
    pub product_warranty: ProductWarrantyTerms,
    /// The 5-year warranty (IP-2).
    pub partners: PartnersTerms,
    /// The kinds, each with its services (IP-3).
    pub kinds: Vec<KindTerms>,
    /// Shipping (IP-5).
    pub shipping: Shipping,
    /// On-site repair area (IP-5).
    pub on_site_area: OnSiteArea,
    /// The proof of the delivery date, `delivery-note` (IP-1).
    pub proof: String,
    /// Who the end user asks for a repair, `partner` (IP-6).
    pub request_through: String,
    /// Where to ask when the partner cannot take a free repair, `ipro-inquiry-form` (IP-1).
    pub fallback: String,
    /// The exclusions of both warranties (IP-4).
    pub exclusions: Vec<Exclusion>,
}

impl IproTerms {
    /// The terms of a kind.
    pub fn kind(&self, kind: Kind) -> Result<&KindTerms> {
        self.kinds
            .iter()
            .find(|k| k.id == kind)
            .ok_or_else(|| Error::new(ErrorCode::Internal, format!("ipro_terms.json has no kind `{}`", kind.as_str())))
    }
}
