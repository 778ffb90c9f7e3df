//! Money: exact decimals with their currency, never floats.
//!
//! Amounts are [`rust_decimal::Decimal`], serialised as strings (`"85800"`), so JavaScript never
//! sees a float. Prices of the Japan catalog are JPY, tax included, whole yen.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};

/// A currency. The catalog prices Japan only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Currency {
    /// Japanese yen.
    #[serde(rename = "JPY")]
    Jpy,
}

/// An exact amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Money {
    /// The amount, serialised as a decimal string (rust_decimal's own).
    pub amount: Decimal,
    /// Its currency.
    pub currency: Currency,
}

impl Money {
    /// An amount in yen.
    ///
    /// ```
    /// use coverage_calc::money::Money;
    /// let m = Money::yen(85_800);
    /// assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"amount":"85800","currency":"JPY"}"#);
    /// ```
    pub fn yen(amount: impl Into<Decimal>) -> Self {
        Self { amount: amount.into(), currency: Currency::Jpy }
    }
}

/// A price or fee as the sources give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Fee {
    /// Published: the exact amount.
    Published {
        /// The amount, serialised as a decimal string (rust_decimal's own).
        amount: Decimal,
        /// Its currency.
        currency: Currency,
    },
    /// The plan gives this, but the sources publish no price for it.
    NotPublished,
    /// The plan does not give this for this product (e.g. flyaway on a handheld), or nothing is left.
    NotOffered,
}

impl Fee {
    /// `Published` when the catalog has a price, otherwise `NotPublished`.
    pub fn from_catalog(price: Option<Money>) -> Self {
        match price {
            Some(m) => Self::Published { amount: m.amount, currency: m.currency },
            None => Self::NotPublished,
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Arithmetic on amounts: rust_decimal's checked operations (an overflow is an error, never a wrap
// or a panic).

/// An amount of yen in the rules' arithmetic.
pub type Yen = Decimal;

/// `a + b`.
///
/// ```
/// use coverage_calc::money::plus;
/// use rust_decimal::Decimal;
/// assert_eq!(plus(Decimal::from(1), Decimal::from(2)).unwrap(), Decimal::from(3));
/// assert!(plus(Decimal::MAX, Decimal::ONE).is_err());
/// ```
pub fn plus(a: Yen, b: Yen) -> Result<Yen> {
    a.checked_add(b).ok_or_else(|| Error::out_of_range("an amount"))
}

/// `a × n`.
pub fn times(a: Yen, n: u32) -> Result<Yen> {
    a.checked_mul(Decimal::from(n)).ok_or_else(|| Error::out_of_range("an amount"))
}

/// `a - b`, or zero when `b` is larger.
///
/// ```
/// use coverage_calc::money::minus_floor;
/// use rust_decimal::Decimal;
/// assert_eq!(minus_floor(Decimal::from(5), Decimal::from(7)), Decimal::ZERO);
/// ```
pub fn minus_floor(a: Yen, b: Yen) -> Yen {
    a.checked_sub(b).filter(|d| !d.is_sign_negative()).unwrap_or(Decimal::ZERO)
}

/// `part / whole` in percent, rounded toward zero to 2 decimals and always written with them
/// (`"30.00"`, `"29.99"`); 0 when `whole` is not positive.
///
/// ```
/// use coverage_calc::money::percent;
/// use rust_decimal::Decimal;
/// let p = |a: i64, b: i64| percent(Decimal::from(a), Decimal::from(b)).unwrap().to_string();
/// assert_eq!(p(147_000, 490_000), "30.00");
/// assert_eq!(p(146_999, 490_000), "29.99");
/// assert_eq!(p(1, 0), "0.00");
/// ```
pub fn percent(part: Yen, whole: Yen) -> Result<Decimal> {
    let share = || Error::out_of_range("a share");
    let mut p = if whole <= Decimal::ZERO {
        Decimal::ZERO
    } else {
        // Amounts have at most 15 digits, so the quotient's 28 significant digits cannot round
        // across a hundredth before it is truncated.
        part.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(whole)).ok_or_else(share)?.trunc_with_scale(2)
    };
    p.rescale(2);
    Ok(p)
}

/// A published fee's amount; `None` when it is not published or not offered.
pub fn published(fee: Fee) -> Option<Yen> {
    match fee {
        Fee::Published { amount, .. } => Some(amount),
        Fee::NotPublished | Fee::NotOffered => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_exactly() {
        let m = Money { amount: Decimal::new(2999, 2), currency: Currency::Jpy };
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"amount":"29.99","currency":"JPY"}"#);
        assert_eq!(serde_json::to_string(&Fee::NotPublished).unwrap(), r#"{"status":"not-published"}"#);
    }
}
