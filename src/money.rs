//! Money: exact decimals with their currency, never floats.
//!
//! Amounts are [`rust_decimal::Decimal`], serialised as strings (`"85800"`), so JavaScript never
//! sees a float. Prices of the Japan catalog are JPY, tax included, whole yen.

use rust_decimal::Decimal;
use serde::Serialize;

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
    /// The amount, serialised as a decimal string.
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
    pub fn yen(amount: i64) -> Self {
        Self { amount: Decimal::from(amount), currency: Currency::Jpy }
    }
}

/// A price or fee as the sources give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Fee {
    /// Published: the exact amount.
    Published {
        /// The amount, serialised as a decimal string.
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
