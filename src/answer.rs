//! The vocabulary the answers of every family share: the rule ids that produced an answer, how a
//! plan can be bought (routes), why it cannot and what to do instead, where a plan held is in its
//! life, and counts of things given, used and left.
//!
//! Rule ids are a [`RuleId`] enum, not strings: a typo does not compile, and each id crosses to
//! JavaScript as one cached string (serde-wasm-bindgen caches unit variants' names).
//!
//! Each family uses the variants that apply to it (Care Refresh has no Renew route; only Care
//! Refresh sells in regions this catalog does not price); the serialised names are the same
//! everywhere, so the page and the widget read one vocabulary.

use serde::Serialize;

use crate::error::Result;
use crate::time::{Date, Instant, Period, Window};

/// The rule ids of the rule book as an enum: one variant per id, serialised as the id itself.
macro_rules! rule_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// A rule of the rule book (`docs/rules.md`), serialised as its id (`"CR-3"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum RuleId {
            $(
                #[doc = $id]
                #[serde(rename = $id)]
                $variant,
            )*
        }

        impl RuleId {
            /// Every rule id, in the rule book's order.
            pub const ALL: &'static [RuleId] = &[$(Self::$variant,)*];

            /// The id, e.g. `"CR-3"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $id,)*
                }
            }
        }
    };
}

rule_ids! {
    T1 = "T-1",
    T2 = "T-2",
    T3 = "T-3",
    T4 = "T-4",
    T5 = "T-5",
    T6 = "T-6",
    Cr1 = "CR-1",
    Cr2 = "CR-2",
    Cr3 = "CR-3",
    Cr4 = "CR-4",
    Cr5 = "CR-5",
    Cr6 = "CR-6",
    Cr7 = "CR-7",
    Cr8 = "CR-8",
    Cr9 = "CR-9",
    Cr10 = "CR-10",
    Cr11 = "CR-11",
    Cr12 = "CR-12",
    Cr13 = "CR-13",
    Cr14 = "CR-14",
    En1 = "EN-1",
    En2 = "EN-2",
    En3 = "EN-3",
    En4 = "EN-4",
    En5 = "EN-5",
    En6 = "EN-6",
    En7 = "EN-7",
    En8 = "EN-8",
    En9 = "EN-9",
    En10 = "EN-10",
    En11 = "EN-11",
    En12 = "EN-12",
    En13 = "EN-13",
    Ip1 = "IP-1",
    Ip2 = "IP-2",
    Ip3 = "IP-3",
    Ip4 = "IP-4",
    Ip5 = "IP-5",
    Ip6 = "IP-6",
}

/// Rule ids in the order they were applied, without repeats: every answer lists them.
#[derive(Debug)]
pub(crate) struct Rules(Vec<RuleId>);

impl Default for Rules {
    fn default() -> Self {
        Self(Vec::with_capacity(24))
    }
}

impl Rules {
    /// Adds the ids not there yet, in order.
    pub(crate) fn add(&mut self, ids: &[RuleId]) {
        for id in ids {
            if !self.0.contains(id) {
                self.0.push(*id);
            }
        }
    }

    /// The ids, for the answer.
    pub(crate) fn into_vec(self) -> Vec<RuleId> {
        self.0
    }
}

/// How a plan can be bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    /// The product is new and not activated (CR-1, EN-1).
    NotActivated,
    /// Within the purchase window after activation (CR-2, CR-3, EN-1).
    WithinWindow,
    /// Within 72 hours of the invitation e-mail after an inspection or repair (CR-4, EN-1).
    Invitation,
    /// Enterprise Renew while the plan held is valid (EN-8, EN-9).
    Renew,
    /// Enterprise Renew by special handling after expiry (EN-11).
    SpecialHandling,
}

/// Why a plan cannot be bought now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClosedReason {
    /// The window after activation has passed (CR-2, CR-3, EN-1).
    WindowClosed,
    /// The window after the invitation e-mail has passed too (CR-4, EN-1).
    InvitationWindowClosed,
    /// Sold in that region, but this catalog prices Japan only (CR-5, EN-2).
    RegionNotPriced,
    /// Care Refresh is not sold in that region (CR-5).
    RegionNotSold,
    /// Enterprise Renew is not possible now: its answer's `renew.status` says why.
    RenewNotPossible,
}

/// What to do instead when the window is closed (CR-4, EN-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Alternative {
    /// The route it opens.
    pub route: Route,
    /// The rule that offers it.
    pub rule: RuleId,
    /// What to do first (`paid-inspection-or-repair-at-dji-support`, …), then buy after the e-mail.
    pub step: &'static str,
    /// Hours to buy after the invitation e-mail arrives.
    pub hours: u32,
}

/// Why not, and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Closed {
    /// Why not.
    pub reason: ClosedReason,
    /// What to do instead, when there is a way.
    pub alternative: Option<Alternative>,
}

/// How a plan can be bought now: the route, the window it is bought in, or why not.
pub(crate) type RouteResult = (Option<Route>, Option<Window>, Option<Closed>);

/// When the window after activation has closed: buying within the invitation window after an
/// inspection or repair (CR-4, EN-1), or closed with that `alternative` as what to do.
pub(crate) fn invitation_route(
    window: Window,
    invitation_at: Option<Instant>,
    hours: u32,
    now: Instant,
    alternative: Alternative,
) -> Result<RouteResult> {
    match invitation_at {
        Some(invitation) => {
            let invitation_window = Window::after(invitation, hours)?;
            if invitation_window.contains(now) {
                Ok((Some(Route::Invitation), Some(invitation_window), None))
            } else {
                let closed = Closed { reason: ClosedReason::InvitationWindowClosed, alternative: Some(alternative) };
                Ok((None, Some(invitation_window), Some(closed)))
            }
        }
        None => Ok((
            None,
            Some(window),
            Some(Closed { reason: ClosedReason::WindowClosed, alternative: Some(alternative) }),
        )),
    }
}

/// Where a plan held is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Bought, but its service has not started yet.
    NotStarted,
    /// In its service period.
    Active,
    /// Past its end date.
    Expired,
}

impl State {
    /// Where a plan of `period` is on the Japan date `today`.
    pub fn on(period: Period, today: Date) -> Self {
        if today < period.start {
            Self::NotStarted
        } else if today <= period.end {
            Self::Active
        } else {
            Self::Expired
        }
    }
}

/// A count of things given, used and left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Count {
    /// Given by the plan.
    pub given: u32,
    /// Used by the claims.
    pub used: u32,
    /// Left (never more than given).
    pub left: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_keep_their_first_order_without_repeats() {
        let mut rules = Rules::default();
        rules.add(&[RuleId::T1, RuleId::Cr1, RuleId::T1]);
        rules.add(&[RuleId::Cr2, RuleId::Cr1]);
        assert_eq!(rules.into_vec(), [RuleId::T1, RuleId::Cr1, RuleId::Cr2]);
        assert_eq!(serde_json::to_string(&RuleId::En13).unwrap(), r#""EN-13""#);
        assert_eq!(RuleId::ALL.len(), 39);
        assert!(RuleId::ALL.iter().all(|r| serde_json::to_string(r).unwrap() == format!("\"{}\"", r.as_str())));
    }
}
