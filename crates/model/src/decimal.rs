//! Exact decimal arithmetic for table cells: sums are compared exactly, never
//! with floats.

use std::cmp::Ordering;
use std::fmt;

/// An exact decimal: `units / 10^scale`. Sums of table cells are compared with
/// these, never with floats, so `0.1 + 0.2` equals `0.3` and `3.50` equals `3.5`.
#[derive(Clone, Copy, Debug, bincode::Encode, bincode::Decode)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { units: 0, scale: 0 };

    /// `units / 10^scale`.
    pub(crate) fn new(units: i128, scale: u32) -> Decimal {
        Decimal { units, scale }
    }

    /// The value as a whole number of things (`3`, `3.0`), or `None` for a
    /// fraction, a negative number or one too large: what a count can be.
    pub fn whole(self) -> Option<u64> {
        let factor = 10i128.checked_pow(self.scale)?;
        if self.units % factor != 0 {
            return None;
        }
        u64::try_from(self.units / factor).ok()
    }

    /// `units` at a larger `scale`; `None` on overflow (cannot happen for
    /// sums of cells of at most [`MAX_DIGITS`] digits).
    fn units_at(self, scale: u32) -> Option<i128> {
        let factor = 10i128.checked_pow(scale.checked_sub(self.scale)?)?;
        self.units.checked_mul(factor)
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        Some(Decimal {
            units: self.units_at(scale)?.checked_add(other.units_at(scale)?)?,
            scale,
        })
    }

    /// The exact sum; `None` only on overflow.
    pub fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Option<Decimal> {
        values
            .into_iter()
            .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    fn compare(self, other: Decimal) -> Option<Ordering> {
        let scale = self.scale.max(other.scale);
        Some(self.units_at(scale)?.cmp(&other.units_at(scale)?))
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        self.compare(*other) == Some(Ordering::Equal)
    }
}

impl Eq for Decimal {}

impl fmt::Display for Decimal {
    /// With as many decimals as the most precise term: `3.50 + 1` shows `4.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let digits = self.units.unsigned_abs().to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Cell;

    fn cell(text: &str) -> Cell {
        Cell::parse(text).unwrap()
    }

    #[test]
    fn decimal_sums_are_exact() {
        let d = |t: &str| cell(t).decimal().unwrap();
        assert_eq!(d("3.50"), d("3.5"));
        assert_eq!(Decimal::sum([d("0.1"), d("0.2")]), Some(d("0.3")));
        assert_ne!(Decimal::sum([d("0.1"), d("0.2")]), Some(d("0.31")));
        assert_eq!(
            Decimal::sum([d("3.50"), d("1")]).unwrap().to_string(),
            "4.50"
        );
        assert_eq!(
            Decimal::sum([d("-2"), d("0.05")]).unwrap().to_string(),
            "-1.95"
        );
        assert_eq!(d("-0.05").to_string(), "-0.05");
        assert_eq!(Decimal::sum([]).unwrap().to_string(), "0");
        assert_eq!(d("12").whole(), Some(12));
        assert_eq!(d("12.0").whole(), Some(12));
        assert_eq!(d("12.5").whole(), None);
        assert_eq!(d("-2").whole(), None);
        let big = d(&"9".repeat(18));
        assert!(Decimal::sum(std::iter::repeat_n(big, 100)).is_some());
    }
}
