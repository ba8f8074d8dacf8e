//! `Rate`: a percentage (or per mille) such as 105.9% or 3.5‰.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::figure::{parse_with_suffix, write_figure};
use super::points::PercentPoints;
use super::rounding::{Rounding, shift10};
use crate::{Error, Result};

/// A rate in percent: 同比增长 4.1%, 完成率 105.9%, 占比 33.4%; or per mille (3.5‰).
///
/// Built only by named constructors ([`Rate::from_percent`], [`Rate::from_fraction`],
/// [`Rate::from_per_mille`]) or by parsing, so 12.5 and 0.125 cannot be confused. A parsed rate
/// displays as written ("107.42%" stays "107.42%", "105.9％" becomes "105.9%"); a computed rate
/// displays at the report default, 1 decimal, half away from zero (0.05% → "0.1%",
/// −0.05% → "-0.1%"). `format!("{:.2}", rate)` rounds half away from zero to 2 places.
/// Rates compare by value: "3.5‰" equals "0.35%".
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// use tongji::Rate;
/// let r: Rate = "105.9％".parse()?;
/// assert_eq!(r.to_string(), "105.9%");
/// assert_eq!("−0.5%".parse::<Rate>()?.to_string(), "-0.5%");
/// let computed = Rate::from_fraction(Decimal::new(1072, 3))?;
/// assert_eq!(computed.to_string(), "107.2%");
/// assert_eq!(format!("{:.2}", Rate::from_percent(Decimal::new(-5, 3))), "-0.01%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    /// The value in percent.
    percent: Decimal,
    per_mille: bool,
    written: bool,
}

impl Rate {
    /// A computed rate of `percent` percent (12.5 → 12.5%).
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// assert_eq!(tongji::Rate::from_percent(Decimal::new(125, 1)).to_string(), "12.5%");
    /// ```
    pub fn from_percent(percent: Decimal) -> Rate {
        Rate {
            percent,
            per_mille: false,
            written: false,
        }
    }

    /// A computed rate from a fraction (0.125 → 12.5%).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the fraction × 100 does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// assert_eq!(tongji::Rate::from_fraction(Decimal::new(125, 3))?.to_string(), "12.5%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_fraction(fraction: Decimal) -> Result<Rate> {
        fraction
            .checked_mul(Decimal::ONE_HUNDRED)
            .map(Rate::from_percent)
            .ok_or(Error::overflow("rate from fraction"))
    }

    /// A computed rate of `per_mille` per mille (3.5 → 3.5‰), displayed with ‰.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the value has more decimals than a decimal holds.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// let r = tongji::Rate::from_per_mille(Decimal::new(35, 1))?;
    /// assert_eq!(r.to_string(), "3.5‰");
    /// assert_eq!(r.percent().to_string(), "0.35");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_per_mille(per_mille: Decimal) -> Result<Rate> {
        let percent = shift10(per_mille, -1).ok_or(Error::overflow("rate from per mille"))?;
        Ok(Rate {
            percent,
            per_mille: true,
            written: false,
        })
    }

    /// The value in percent (105.9 for 105.9%).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("105.9%".parse::<tongji::Rate>()?.percent().to_string(), "105.9");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn percent(&self) -> Decimal {
        self.percent
    }

    /// The value as a fraction (1.059 for 105.9%).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("105.9%".parse::<tongji::Rate>()?.fraction().to_string(), "1.059");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fraction(&self) -> Decimal {
        // Dividing by 100 is exact unless the value already has 27 or 28 decimals.
        shift10(self.percent, -2).unwrap_or_else(|| self.percent / Decimal::ONE_HUNDRED)
    }

    /// Whether the rate was parsed from text (and so displays as written).
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// assert!("1.0%".parse::<tongji::Rate>()?.is_written());
    /// assert!(!tongji::Rate::from_percent(Decimal::ONE).is_written());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_written(&self) -> bool {
        self.written
    }

    /// Whether the rate is written per mille (‰).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!("3.5‰".parse::<tongji::Rate>()?.is_per_mille());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_per_mille(&self) -> bool {
        self.per_mille
    }

    /// The rate rounded once, in its notation (% or ‰), by `rounding`; the result displays with
    /// exactly those places.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use tongji::{Rate, Rounding, RoundingMode};
    /// let r = Rate::from_percent(Decimal::new(1025, 2));
    /// assert_eq!(r.rounded(Rounding::new(1)).to_string(), "10.3%");
    /// assert_eq!(r.rounded(Rounding::new(1).mode(RoundingMode::HalfEven)).to_string(), "10.2%");
    /// ```
    pub fn rounded(&self, rounding: Rounding) -> Rate {
        let percent = if self.per_mille {
            let shown = rounding.apply(self.notation_value());
            shift10(shown, -1).unwrap_or(self.percent)
        } else {
            rounding.apply(self.percent)
        };
        Rate {
            percent,
            per_mille: self.per_mille,
            written: true,
        }
    }

    /// `self − earlier` in percentage points (完成率 105.9% − 83.3% = 22.6个百分点).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the difference does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Rate;
    /// let pp = "5.6%".parse::<Rate>()?.checked_sub(&"4.4%".parse()?)?;
    /// assert_eq!(pp.to_string(), "1.2个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sub(&self, earlier: &Rate) -> Result<PercentPoints> {
        self.percent
            .checked_sub(earlier.percent)
            .map(PercentPoints::from_decimal)
            .ok_or(Error::overflow("difference of rates"))
    }

    /// The same rate with the sign flipped ("下降0.5%" is −0.5%).
    pub(crate) fn negated(&self) -> Rate {
        Rate {
            percent: -self.percent,
            ..*self
        }
    }

    /// The value in the rate's own notation (percent, or per mille for ‰ rates).
    fn notation_value(&self) -> Decimal {
        if self.per_mille {
            shift10(self.percent, 1).unwrap_or(self.percent)
        } else {
            self.percent
        }
    }

    fn suffix(&self) -> &'static str {
        if self.per_mille { "‰" } else { "%" }
    }

    fn exact_text(&self) -> String {
        format!("{}{}", self.notation_value(), self.suffix())
    }
}

impl PartialEq for Rate {
    fn eq(&self, other: &Rate) -> bool {
        self.percent == other.percent
    }
}

impl Eq for Rate {}

impl Hash for Rate {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.percent.normalize().hash(state);
    }
}

impl PartialOrd for Rate {
    fn partial_cmp(&self, other: &Rate) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rate {
    fn cmp(&self, other: &Rate) -> Ordering {
        self.percent.cmp(&other.percent)
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_figure(f, self.notation_value(), self.written, 1, self.suffix())
    }
}

impl FromStr for Rate {
    type Err = Error;

    /// Parses "105.9%", "105.9％", "-0.5%", "−0.5%", "3.5‰".
    fn from_str(s: &str) -> Result<Rate> {
        let (value, which) =
            parse_with_suffix(s, &["%", "‰"], "a rate", "expected % or ‰ after the number")?;
        let rate = if which == 0 {
            Rate::from_percent(value)
        } else {
            Rate::from_per_mille(value)?
        };
        Ok(Rate {
            written: true,
            ..rate
        })
    }
}

// A written figure as written; a computed one with all its digits, unrounded.
crate::text::serde_via_text!(Rate, Rate::exact_text);

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Rate {
        s.parse().unwrap()
    }

    #[test]
    fn parsed_displays_as_written() {
        for (input, shown) in [
            ("107.42%", "107.42%"),
            ("105.9％", "105.9%"),
            ("-0.5%", "-0.5%"),
            ("−0.5%", "-0.5%"),
            ("3.5‰", "3.5‰"),
            ("100%", "100%"),
            ("１００．０％", "100.0%"),
        ] {
            assert_eq!(r(input).to_string(), shown);
        }
    }

    #[test]
    fn computed_displays_at_one_place_half_away() {
        let d = |s: &str| Rate::from_percent(s.parse().unwrap()).to_string();
        assert_eq!(d("0.05"), "0.1%");
        assert_eq!(d("-0.05"), "-0.1%");
        assert_eq!(d("-0.04"), "0.0%");
        assert_eq!(d("107.2"), "107.2%");
        assert_eq!(format!("{:.2}", r("107.425%")), "107.43%");
        assert_eq!(format!("{:>8}", r("4.1%")), "    4.1%");
    }

    #[test]
    fn per_mille_equals_percent() {
        assert_eq!(r("3.5‰"), r("0.35%"));
        assert_eq!(r("3.5‰").rounded(Rounding::new(0)).to_string(), "4‰");
    }

    #[test]
    fn errors() {
        assert!("X%".parse::<Rate>().unwrap_err().is_placeholder());
        assert!("12".parse::<Rate>().is_err());
        assert!("12%%".parse::<Rate>().is_err());
        assert!("12个百分点".parse::<Rate>().is_err());
    }
}
