//! The one error type of the core: bad input, with a stable code.
//!
//! "Not eligible", "expired" or "no replacements left" are *answers*, never errors. An [`Error`]
//! means the request itself cannot be answered: an unknown product, a malformed instant, an
//! activation after "now". Each carries a stable [`ErrorCode`] (the page and retailers branch on
//! it) and a message: lowercase, one line, the user's value in backticks.

use std::fmt;

use serde::Serialize;

/// Stable error codes. Serialised in `snake_case`; the JavaScript `Error.code` is the same string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The request is not JSON at all (or not a JSON value the bindings can read).
    InvalidJson,
    /// The request is JSON but has the wrong shape: a missing field, a wrong type.
    InvalidRequest,
    /// The request has a field the API does not know (a typo must not be ignored silently).
    UnknownField,
    /// The plan id is not in the catalog.
    UnknownPlan,
    /// The product id is not in the catalog.
    UnknownProduct,
    /// The product exists but belongs to another plan family than the plan asked for.
    ProductNotInFamily,
    /// The product has no such plan in the catalog (e.g. no Plus row).
    PlanNotOffered,
    /// An instant is not RFC 3339 with an offset.
    InvalidInstant,
    /// A date is not `YYYY-MM-DD`.
    InvalidDate,
    /// A value of an enumerated field is not one of its allowed values.
    InvalidValue,
    /// The activation instant is after "now".
    ActivationAfterNow,
    /// The invitation e-mail arrived before the product was activated.
    InvitationBeforeActivation,
    /// The invitation e-mail is after "now".
    InvitationAfterNow,
    /// A field needed by the rules is missing (e.g. the shipping date for the with-product channel).
    MissingField,
    /// More claims than the plan gives, or more flyaway claims than allowed.
    TooManyClaims,
    /// A flyaway claim on a product that has no flyaway replacement.
    FlyawayNotOffered,
    /// A claim dated outside the plan's period.
    ClaimOutsidePeriod,
    /// A claim dated after "now".
    ClaimAfterNow,
    /// The earlier plans of a chain are not an allowed chain (CR-14).
    InvalidChain,
    /// A date or instant computation left the supported range (years 0001 … 9999).
    OutOfRange,
    /// An i-PRO product kind that is not `camera`, `recorder`, `accessory` or `non-repairable` (IP).
    UnknownKind,
    /// The end user's delivery date of an i-PRO product is after today (Japan date of "now") (IP-1).
    DeliveryAfterNow,
    /// The embedded catalog could not be read: a defect of the build, never of the request.
    Internal,
    /// An amount of money that is not whole, non-negative yen (negative, fractional, not a number).
    InvalidAmount,
    /// A member of a Plus shared-limit contract dated before the contract's first activation (EN-6).
    MemberBeforeContract,
    /// A total was asked that needs a price or limit the sources do not publish (e.g. the Plus
    /// limit of a Zenmuse XT in a shared contract).
    PriceNotPublished,
}

impl ErrorCode {
    /// The stable code as a string, e.g. `"unknown_product"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidJson => "invalid_json",
            Self::InvalidRequest => "invalid_request",
            Self::UnknownField => "unknown_field",
            Self::UnknownPlan => "unknown_plan",
            Self::UnknownProduct => "unknown_product",
            Self::ProductNotInFamily => "product_not_in_family",
            Self::PlanNotOffered => "plan_not_offered",
            Self::InvalidInstant => "invalid_instant",
            Self::InvalidDate => "invalid_date",
            Self::InvalidValue => "invalid_value",
            Self::ActivationAfterNow => "activation_after_now",
            Self::InvitationBeforeActivation => "invitation_before_activation",
            Self::InvitationAfterNow => "invitation_after_now",
            Self::MissingField => "missing_field",
            Self::TooManyClaims => "too_many_claims",
            Self::FlyawayNotOffered => "flyaway_not_offered",
            Self::ClaimOutsidePeriod => "claim_outside_period",
            Self::ClaimAfterNow => "claim_after_now",
            Self::InvalidChain => "invalid_chain",
            Self::OutOfRange => "out_of_range",
            Self::UnknownKind => "unknown_kind",
            Self::DeliveryAfterNow => "delivery_after_now",
            Self::Internal => "internal",
            Self::InvalidAmount => "invalid_amount",
            Self::MemberBeforeContract => "member_before_contract",
            Self::PriceNotPublished => "price_not_published",
        }
    }

    /// Every code, for documentation and for the test that each one has a golden file.
    pub const ALL: &'static [ErrorCode] = &[
        Self::InvalidJson,
        Self::InvalidRequest,
        Self::UnknownField,
        Self::UnknownPlan,
        Self::UnknownProduct,
        Self::ProductNotInFamily,
        Self::PlanNotOffered,
        Self::InvalidInstant,
        Self::InvalidDate,
        Self::InvalidValue,
        Self::ActivationAfterNow,
        Self::InvitationBeforeActivation,
        Self::InvitationAfterNow,
        Self::MissingField,
        Self::TooManyClaims,
        Self::FlyawayNotOffered,
        Self::ClaimOutsidePeriod,
        Self::ClaimAfterNow,
        Self::InvalidChain,
        Self::OutOfRange,
        Self::UnknownKind,
        Self::DeliveryAfterNow,
        Self::Internal,
        Self::InvalidAmount,
        Self::MemberBeforeContract,
        Self::PriceNotPublished,
    ];
}

/// A request that cannot be answered: a stable [`ErrorCode`], the input it concerns and a
/// one-line message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Error {
    code: ErrorCode,
    /// The request's field this error is about, as a path (`claims[2].date`, `members[1].owner`,
    /// `held.start`); `None` for the request as a whole (e.g. text that is not JSON).
    field: Option<String>,
    message: String,
}

impl Error {
    /// A new error about the request as a whole. Messages are lowercase, one line, user values
    /// in backticks. Name the field with [`Error::at`].
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, field: None, message: message.into() }
    }

    /// The same error, about the field at `path` (`claims[2].date`).
    #[must_use]
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.field = Some(path.into());
        self
    }

    /// The same error, about the field at `path` unless it names one already.
    #[must_use]
    pub fn or_at(self, path: impl Into<String>) -> Self {
        if self.field.is_some() {
            self
        } else {
            self.at(path)
        }
    }

    /// The same error with its field's path put under `prefix` (`date` under `claims[2]` is
    /// `claims[2].date`); an error about no field gets `prefix` itself.
    #[must_use]
    pub fn under(mut self, prefix: &str) -> Self {
        self.field = Some(match self.field.take() {
            Some(path) if path.starts_with('[') => format!("{prefix}{path}"),
            Some(path) => format!("{prefix}.{path}"),
            None => prefix.to_owned(),
        });
        self
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The path of the field it concerns, if any (`claims[2].date`).
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The human-readable message.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn out_of_range(what: &str) -> Self {
        Self::new(ErrorCode::OutOfRange, format!("{what} is out of the supported range"))
    }
}

/// At most 40 characters of a user's value, for error messages, on one line (see [`one_line`]).
pub(crate) fn clip(text: &str) -> String {
    let mut out = one_line(text.chars().take(40));
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// Text on one line: control characters and the Unicode line and paragraph separators written as
/// `\u{…}` escapes (a value with a newline would otherwise break a message's one line; found by
/// the fuzzer, in our messages and in serde's, which quote the request's keys).
pub(crate) fn one_line(text: impl IntoIterator<Item = char>) -> String {
    let mut out = String::new();
    for c in text {
        if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}

/// Result of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_limits_long_values() {
        assert_eq!(clip(&"a".repeat(100)).chars().count(), 41);
    }

    #[test]
    fn clip_keeps_messages_on_one_line() {
        assert_eq!(clip("a\nb\r\u{2028}\u{0}é"), "a\\u{a}b\\u{d}\\u{2028}\\u{0}é");
        assert_eq!(clip("\t").lines().count(), 1);
        for c in (0..=0x10_FFFF).filter_map(char::from_u32).filter(|c| c.is_control()) {
            assert_eq!(clip(&c.to_string()), c.escape_unicode().to_string());
        }
    }

    #[test]
    fn one_line_keeps_long_text() {
        let long = format!("unknown field `\n`, expected {}", "x".repeat(100));
        let line = one_line(long.chars());
        assert_eq!(line.lines().count(), 1);
        assert!(line.ends_with(&"x".repeat(100)));
    }

    #[test]
    fn paths_nest() {
        let e = Error::new(ErrorCode::InvalidDate, "m").at("date").under("claims[2]");
        assert_eq!(e.field(), Some("claims[2].date"));
        assert_eq!(Error::new(ErrorCode::InvalidJson, "m").field(), None);
        assert_eq!(Error::new(ErrorCode::InvalidDate, "m").under("held").field(), Some("held"));
        assert_eq!(Error::new(ErrorCode::InvalidDate, "m").at("x").or_at("y").field(), Some("x"));
    }
}
