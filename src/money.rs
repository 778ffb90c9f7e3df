//! Money: exact decimals with their currency, never floats.
//!
//! Amounts are [`rust_decimal::Decimal`], serialised as strings (`"85800"`), so JavaScript never
//! sees a float. Prices of the Japan catalog are JPY, tax included, whole yen.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::time::Text;

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
    #[serde(serialize_with = "decimal")]
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
        #[serde(serialize_with = "decimal")]
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

/// Serialises a decimal as its exact text, as rust_decimal writes it (`"85800"`, `"29.99"`, the
/// scale's trailing zeros kept) but without its formatting code, which costs the wasm module
/// about 1 KB gzip for the few amounts an answer has.
pub(crate) fn decimal<S: serde::Serializer>(d: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(decimal_text(d).as_str())
}

/// The exact text of a decimal (see [`decimal`]), on the stack.
pub(crate) fn decimal_text(d: &Decimal) -> Text {
    let u = d.unpack();
    let scale = usize::try_from(u.scale).unwrap_or(0);
    // Written right to left: at most 29 digits, the point, a sign and a leading zero.
    let mut bytes = [0u8; 32];
    let mut start = bytes.len();
    let mut put = |b: u8| {
        if let Some(at) = start.checked_sub(1) {
            if let Some(slot) = bytes.get_mut(at) {
                *slot = b;
                start = at;
            }
        }
    };
    // The 96-bit mantissa as three 32-bit words, most significant first, divided by ten in turn;
    // each remainder is the next digit from the right.
    let mut words = [u.hi, u.mid, u.lo];
    let mut written = 0usize;
    let mut nonzero = false;
    loop {
        let rem = match &mut words {
            // Every amount of the catalog fits 32 bits: a division by a constant, no 64-bit divide.
            [0, 0, lo] => {
                let rem = *lo % 10;
                *lo /= 10;
                rem
            }
            words => {
                let mut rem = 0u64;
                for w in words {
                    let cur = (rem << 32) | u64::from(*w);
                    *w = u32::try_from(cur / 10).unwrap_or(0);
                    rem = cur % 10;
                }
                u32::try_from(rem).unwrap_or(0)
            }
        };
        nonzero |= rem != 0;
        put(b'0'.saturating_add(u8::try_from(rem).unwrap_or(0)));
        written = written.saturating_add(1);
        if written == scale {
            put(b'.');
        }
        if words == [0, 0, 0] && written > scale {
            break;
        }
    }
    if u.negative && nonzero {
        put(b'-');
    }
    let mut text = Text::new();
    text.push(bytes.get(start..).unwrap_or_default());
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_is_rust_decimals() {
        for (n, scale) in [
            (0i64, 0u32),
            (0, 2),
            (7, 0),
            (85_800, 0),
            (2999, 2),
            (3000, 2),
            (5, 2),
            (-5, 2),
            (-85_800, 0),
            (i64::MAX, 0),
            (i64::MIN, 0),
            (i64::MAX, 28),
            (1, 28),
        ] {
            let d = Decimal::new(n, scale);
            assert_eq!(decimal_text(&d).as_str(), d.to_string(), "{n} scale {scale}");
        }
        let max = Decimal::MAX;
        assert_eq!(decimal_text(&max).as_str(), max.to_string());
        assert_eq!(decimal_text(&Decimal::MIN).as_str(), Decimal::MIN.to_string());
    }
}
