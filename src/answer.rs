//! The vocabulary the answers of every family share: the rule ids that produced an answer, how a
//! plan can be bought (routes), why it cannot and what to do instead, where a plan held is in its
//! life, and counts of things given, used and left.
//!
//! Each family uses the variants that apply to it (Care Refresh has no Renew route; only Care
//! Refresh sells in regions this catalog does not price); the serialised names are the same
//! everywhere, so the page and the widget read one vocabulary.

use serde::Serialize;

/// Rule ids in the order they were applied, without repeats: every answer lists them.
#[derive(Debug)]
pub(crate) struct Rules(Vec<&'static str>);

impl Default for Rules {
    fn default() -> Self {
        Self(Vec::with_capacity(24))
    }
}

impl Rules {
    /// Adds the ids not there yet, in order.
    pub(crate) fn add(&mut self, ids: &[&'static str]) {
        for id in ids {
            if !self.0.contains(id) {
                self.0.push(id);
            }
        }
    }

    /// The ids, for the answer.
    pub(crate) fn into_vec(self) -> Vec<&'static str> {
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
    pub rule: &'static str,
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
        rules.add(&["T-1", "CR-1", "T-1"]);
        rules.add(&["CR-2", "CR-1"]);
        assert_eq!(rules.into_vec(), ["T-1", "CR-1", "CR-2"]);
    }
}
