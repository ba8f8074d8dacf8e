//! `Rate`: a percentage (or per mille) such as 105.9% or 3.5‰.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::interval::Interval;
use super::points::PercentPoints;
use super::precision::Precision;
use super::rounding::{MAX_SCALE, Rounding, shift10};
use crate::text::figure::{parse_with_suffix, shown, write_figure};
use crate::{Error, Result};

/// A rate in percent: 同比增长 4.1%, 完成率 105.9%, 占比 33.4%; or per mille (3.5‰).
///
/// Built only by named constructors ([`Rate::from_percent`], [`Rate::from_fraction`],
/// [`Rate::from_per_mille`]) or by parsing, so 12.5 and 0.125 cannot be confused. A parsed rate
/// displays as written ("107.42%" stays "107.42%", "105.9％" becomes "105.9%"); a computed rate
/// keeps every digit and displays at the report default, 1 decimal, half away from zero
/// (0.05% → "0.1%", −0.05% → "-0.1%"). `format!("{:.2}", rate)` rounds half away from zero to 2
/// places. Rates compare by value: "3.5‰" equals "0.35%".
///
/// # Examples
///
/// ```
/// use tongji::{Decimal, Rate};
/// let r: Rate = "105.9％".parse()?;
/// assert_eq!(r.to_string(), "105.9%");
/// assert_eq!("−0.5%".parse::<Rate>()?.to_string(), "-0.5%");
/// let computed = Rate::from_fraction(Decimal::new(107_225, 5))?; // 1.07225 → 107.225%
/// assert_eq!(computed.to_string(), "107.2%");
/// assert_eq!(format!("{:.2}", computed), "107.23%"); // 107.225 rounds away from zero
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    /// The value in percent. For a per-mille rate its scale is at least 1, so the per-mille value
    /// (percent × 10) is always exact.
    percent: Decimal,
    /// In percent.
    precision: Precision,
    per_mille: bool,
    written: bool,
}

/// The most decimals a per-mille rate carries: its percent value has one more.
const PER_MILLE_MAX_SCALE: u32 = MAX_SCALE - 1;

impl Rate {
    /// A computed rate of `percent` percent (12.5 → 12.5%).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rate};
    /// let r = Rate::from_percent(Decimal::new(10725, 3)); // 10.725%
    /// assert_eq!(r.to_string(), "10.7%");
    /// assert_eq!(r.percent().to_string(), "10.725"); // every digit is kept
    /// ```
    #[must_use]
    pub fn from_percent(percent: Decimal) -> Rate {
        Rate {
            percent,
            precision: Precision::Exact,
            per_mille: false,
            written: false,
        }
    }

    /// A computed rate from a fraction (0.125 → 12.5%).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the fraction × 100 does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rate};
    /// assert_eq!(Rate::from_fraction(Decimal::new(125, 3))?, Rate::from_percent(Decimal::new(125, 1)));
    /// assert!(Rate::from_fraction(Decimal::MAX).unwrap_err().is_overflow());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_fraction(fraction: Decimal) -> Result<Rate> {
        shift10(fraction, 2)
            .map(Rate::from_percent)
            .ok_or_else(|| Error::overflow("the rate in percent"))
    }

    /// A computed rate of `per_mille` per mille (3.5 → 3.5‰), displayed with ‰.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the value has 28 decimals (its percent value would need
    /// 29).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rate};
    /// let birth_rate = Rate::from_per_mille(Decimal::new(639, 2))?; // 人口出生率6.39‰
    /// assert_eq!(birth_rate.to_string(), "6.4‰");
    /// assert_eq!(birth_rate.percent().to_string(), "0.639");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_per_mille(per_mille: Decimal) -> Result<Rate> {
        let percent = (per_mille.scale() <= PER_MILLE_MAX_SCALE)
            .then(|| shift10(per_mille, -1))
            .flatten()
            .ok_or_else(|| Error::overflow("rate from per mille: more than 27 decimals"))?;
        Ok(Rate {
            percent,
            precision: Precision::Exact,
            per_mille: true,
            written: false,
        })
    }

    /// The value in percent (105.9 for 105.9%, 0.35 for 3.5‰).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("105.9%".parse::<tongji::Rate>()?.percent().to_string(), "105.9");
    /// assert_eq!("3.5‰".parse::<tongji::Rate>()?.percent().to_string(), "0.35");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn percent(&self) -> Decimal {
        self.percent
    }

    /// The value as a fraction (1.059 for 105.9%). Exact for every written rate; a computed rate
    /// that already carries 27 or 28 decimals in percent is first rounded (half away from zero) to
    /// 26, so that its fraction fits a decimal's 28.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rate};
    /// assert_eq!("105.9%".parse::<Rate>()?.fraction().to_string(), "1.059");
    /// let third = Rate::from_percent(Decimal::ONE_HUNDRED / Decimal::from(3)); // 33.33…%
    /// assert_eq!(third.fraction().to_string(), "0.3333333333333333333333333333");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn fraction(&self) -> Decimal {
        let fits = if self.percent.scale() > MAX_SCALE - 2 {
            Rounding::new(MAX_SCALE - 2).apply(self.percent)
        } else {
            self.percent
        };
        // A scale of at most 26 shifted by two is at most 28: always representable.
        shift10(fits, -2).unwrap_or(fits)
    }

    /// How precisely the rate is known, in percent: a written rate to half a unit of its last
    /// digit, a computed one exactly or within what its operands allow (see [`Precision`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{completion, Precision, Rate};
    /// assert_eq!("105.9%".parse::<Rate>()?.precision(), Precision::Rounded { half_width: "0.05".parse()? });
    /// assert_eq!("3.5‰".parse::<Rate>()?.precision(), Precision::Rounded { half_width: "0.005".parse()? });
    /// let r = completion(&"2.68亿元".parse()?, &"2.5亿元".parse::<tongji::Quantity>()?.exact())?;
    /// assert_eq!(r.interval().to_string(), "[107, 107.4)"); // what 2.68亿元 allows
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The values the rate stands for, in percent (see [`Precision`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let r: tongji::Rate = "-2.3%".parse()?;
    /// assert_eq!(r.interval().to_string(), "(-2.35, -2.25]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn interval(&self) -> Interval {
        self.precision
            .interval_of(self.percent)
            .unwrap_or_else(Interval::unbounded)
    }

    /// The same rate, known to `precision`.
    pub(crate) fn with_precision(self, precision: Precision) -> Rate {
        Rate { precision, ..self }
    }

    /// Whether the rate was written (parsed from text, or rounded) and so displays as written.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rate, Rounding};
    /// assert!("1.0%".parse::<Rate>()?.is_written());
    /// let computed = Rate::from_percent(Decimal::new(10725, 3));
    /// assert!(!computed.is_written());
    /// assert!(computed.rounded(Rounding::new(2)).is_written());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_written(&self) -> bool {
        self.written
    }

    /// Whether the rate is written per mille (‰).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Rate;
    /// let r: Rate = "3.5‰".parse()?;
    /// assert!(r.is_per_mille());
    /// assert_eq!(r, "0.35%".parse()?); // the same rate
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_per_mille(&self) -> bool {
        self.per_mille
    }

    /// The rate rounded once, in its notation (% or ‰), by `rounding`; the result displays with
    /// exactly those places. A per-mille rate rounds to at most 27 places.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rate, Rounding, RoundingMode};
    /// let r = Rate::from_percent(Decimal::new(1025, 2));
    /// assert_eq!(r.rounded(Rounding::new(1)).to_string(), "10.3%");
    /// assert_eq!(r.rounded(Rounding::new(1).with_mode(RoundingMode::HalfEven)).to_string(), "10.2%");
    /// assert_eq!("3.45‰".parse::<Rate>()?.rounded(Rounding::new(1)).to_string(), "3.5‰");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rounded(&self, rounding: Rounding) -> Rate {
        let (percent, precision) = if self.per_mille {
            let rounding = rounding.with_places(rounding.places().min(PER_MILLE_MAX_SCALE));
            let shown = rounding.apply(self.notation_value());
            // At most 27 decimals shifted by one: always representable.
            let percent = shift10(shown, -1).unwrap_or(shown);
            (percent, Precision::written_in(shown, -1))
        } else {
            let percent = rounding.apply(self.percent);
            (percent, Some(Precision::written(percent)))
        };
        Rate {
            percent,
            precision: precision.unwrap_or(Precision::Exact),
            per_mille: self.per_mille,
            written: true,
        }
    }

    /// `self − earlier` in percentage points (完成率 105.9% − 83.3% = 22.6个百分点). The difference of
    /// two written rates is itself written, at their places ("5.61%" − "4.40%" = "1.21个百分点").
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the difference does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Rate;
    /// let pp = "5.61%".parse::<Rate>()?.checked_sub(&"4.40%".parse()?)?;
    /// assert_eq!(pp.to_string(), "1.21个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sub(&self, earlier: &Rate) -> Result<PercentPoints> {
        let diff = self
            .percent
            .checked_sub(earlier.percent)
            .ok_or_else(|| Error::overflow("difference of rates"))?;
        let precision = Precision::derived(
            self.precision.is_exact() && earlier.precision.is_exact(),
            || self.interval().checked_sub(&earlier.interval()),
        );
        let pp = PercentPoints::from_decimal(diff).with_precision(precision);
        Ok(if self.written && earlier.written {
            pp.as_written()
        } else {
            pp
        })
    }

    /// The same rate with the sign flipped ("下降0.5%" is −0.5%).
    pub(crate) fn negated(&self) -> Rate {
        let precision = match self.precision {
            Precision::Within(i) => Precision::Within(i.neg()),
            other => other,
        };
        Rate {
            percent: -self.percent,
            precision,
            ..*self
        }
    }

    /// A rate as a report writes it ("4.1" in a 同比增长(%) column, "4.1%"): its percent with its
    /// written digits, precise to the half-unit of the last one.
    pub(crate) fn written_percent(percent: Decimal) -> Rate {
        Rate {
            percent,
            precision: Precision::written(percent),
            per_mille: false,
            written: true,
        }
    }

    /// The percent of a rate [`Rate::written_percent`] would build again, for compact storage.
    pub(crate) fn as_written_percent(&self) -> Option<Decimal> {
        // A negative zero ("-0.0") keeps its sign only whole.
        let signed_zero = self.percent.is_zero() && self.percent.is_sign_negative();
        (self.written
            && !self.per_mille
            && !signed_zero
            && self.precision == Precision::written(self.percent))
        .then_some(self.percent)
    }

    /// The same rate marked computed, displayed at the computed default (1 place).
    pub(crate) fn as_computed(self) -> Rate {
        Rate {
            written: false,
            ..self
        }
    }

    /// The same rate marked written, displayed with its own digits.
    pub(crate) fn as_written(self) -> Rate {
        Rate {
            written: true,
            ..self
        }
    }

    /// The value in the rate's own notation (percent, or per mille for ‰ rates).
    pub(crate) fn notation_value(&self) -> Decimal {
        if self.per_mille {
            // A per-mille rate's percent has at least one decimal: the shift is a rescale.
            shift10(self.percent, 1).unwrap_or(self.percent)
        } else {
            self.percent
        }
    }

    /// The value as shown (as written, or at 1 place; or at `precision`) in the rate's notation.
    pub(crate) fn shown(&self, precision: Option<usize>) -> Decimal {
        shown(self.notation_value(), self.written, 1, precision)
    }

    /// "%" or "‰".
    pub(crate) fn suffix(&self) -> &'static str {
        if self.per_mille { "‰" } else { "%" }
    }

    pub(crate) fn exact_text(&self) -> String {
        format!("{}{}", self.notation_value(), self.suffix())
    }
}

super::by_value!(Rate, percent);

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_figure(f, self.notation_value(), self.written, 1, self.suffix())
    }
}

impl FromStr for Rate {
    type Err = Error;

    /// Parses "105.9%", "105.9％", "-0.5%", "−0.5%", "3.5‰", and a bare number as a percentage,
    /// as a 同比增长(%) column holds it ("6.6" is 6.6%).
    fn from_str(s: &str) -> Result<Rate> {
        let (value, which) =
            match parse_with_suffix(s, &["%", "‰"], "a rate", "expected % or ‰ after the number")
            {
                Ok(parsed) => parsed,
                Err(e) => match crate::text::number::parse_decimal(s, "a rate") {
                    Ok(d) => (d, 0),
                    Err(_) => return Err(e),
                },
            };
        let (rate, exp) = if which == 0 {
            (Rate::from_percent(value), 0)
        } else {
            (Rate::from_per_mille(value)?, -1)
        };
        let precision = Precision::written_in(value, exp)
            .ok_or_else(|| Error::overflow("the precision of a rate"))?;
        Ok(rate.as_written().with_precision(precision))
    }
}

// Every digit, so that JSON gives back the same value.
crate::text::serde_figure!(
    Rate,
    exact: Rate::exact_text,
    computed: |r: &Rate| !r.written,
    from_computed: |r: Rate, _: &str| Ok::<_, crate::Error>(r.as_computed())
);

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
    fn per_mille_equals_percent_and_never_falls_back() {
        assert_eq!(r("3.5‰"), r("0.35%"));
        assert_eq!(r("3.5‰").rounded(Rounding::new(0)).to_string(), "4‰");
        let many = r("3.5‰").rounded(Rounding::new(28));
        assert_eq!(many.to_string(), format!("3.5{}‰", "0".repeat(26)));
        let tiny: Decimal = "0.0000000000000000000000000001".parse().unwrap();
        assert!(Rate::from_per_mille(tiny).unwrap_err().is_overflow());
    }

    #[test]
    fn errors() {
        assert!("X%".parse::<Rate>().unwrap_err().is_placeholder());
        assert_eq!(
            "12x".parse::<Rate>().unwrap_err().to_string(),
            r#"cannot parse "12x" as a rate: expected % or ‰ after the number (at byte 2)"#
        );
        // A bare number is a percentage, as the 同比增长(%) column of a CSV holds it.
        assert_eq!(r("12").to_string(), "12%");
        assert!("12%%".parse::<Rate>().is_err());
        assert!("12个百分点".parse::<Rate>().is_err());
    }
}
