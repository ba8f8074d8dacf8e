//! `PercentPoints`: the difference of two rates (个百分点).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::interval::Interval;
use super::precision::Precision;
use super::rounding::Rounding;
use crate::text::figure::{parse_with_suffix, shown, write_figure};
use crate::text::wording::{self, Change};
use crate::{Error, Rate, Result};

/// A difference of two rates, in percentage points: "提高2.3个百分点", "快于序时进度22.6个百分点".
///
/// Never the ratio of two rates. Like [`crate::Rate`], a parsed value displays as written and a
/// computed one at 1 decimal, half away from zero; the difference of two written rates is written
/// at their places.
///
/// # Examples
///
/// ```
/// use tongji::{PercentPoints, Rate};
/// let pp: PercentPoints = "2.3个百分点".parse()?;
/// assert_eq!(pp.to_string(), "2.3个百分点");
/// let diff = "8.1%".parse::<Rate>()?.checked_sub(&"2.3%".parse()?)?;
/// assert_eq!(diff.to_string(), "5.8个百分点");
/// assert_eq!(diff.change_wording(), "提高5.8个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct PercentPoints {
    value: Decimal,
    precision: Precision,
    written: bool,
}

super::by_value!(PercentPoints, value);

impl PercentPoints {
    /// A computed difference of `value` percentage points.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, PercentPoints};
    /// let pp = PercentPoints::from_decimal(Decimal::new(-825, 3));
    /// assert_eq!(pp.to_string(), "-0.8个百分点"); // −0.825 shown at 1 place
    /// assert_eq!(pp.value().to_string(), "-0.825");
    /// ```
    #[must_use]
    pub fn from_decimal(value: Decimal) -> PercentPoints {
        PercentPoints {
            value,
            precision: Precision::Exact,
            written: false,
        }
    }

    /// How precisely the difference is known, in points (see [`Precision`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Precision, Rate};
    /// let pp = "5.61%".parse::<Rate>()?.checked_sub(&"4.40%".parse()?)?;
    /// assert!(matches!(pp.precision(), Precision::Within(_))); // each rate is ± 0.005
    /// assert_eq!(pp.interval().to_string(), "(1.2, 1.22)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The values the difference stands for, in points.
    ///
    /// # Examples
    ///
    /// ```
    /// let pp: tongji::PercentPoints = "2.3个百分点".parse()?;
    /// assert_eq!(pp.interval().to_string(), "[2.25, 2.35)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn interval(&self) -> Interval {
        self.precision
            .interval_of(self.value)
            .unwrap_or_else(Interval::unbounded)
    }

    /// The same difference, known to `precision`.
    pub(crate) fn with_precision(self, precision: Precision) -> PercentPoints {
        PercentPoints { precision, ..self }
    }

    /// The value in percentage points, with every digit.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Rate;
    /// let pp = "105.9%".parse::<Rate>()?.checked_sub(&"83.3%".parse()?)?;
    /// assert_eq!(pp.value().to_string(), "22.6");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// Rounded once by `rounding`; displays with exactly those places.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, PercentPoints, Rounding};
    /// let pp = PercentPoints::from_decimal(Decimal::new(225, 2));
    /// assert_eq!(pp.rounded(Rounding::new(1)).to_string(), "2.3个百分点");
    /// assert_eq!(pp.rounded(Rounding::new(2)).to_string(), "2.25个百分点");
    /// ```
    #[must_use]
    pub fn rounded(&self, rounding: Rounding) -> PercentPoints {
        let value = rounding.apply(self.value);
        PercentPoints {
            value,
            precision: Precision::written(value),
            written: true,
        }
    }

    /// "提高X个百分点" for a rise, "下降X个百分点" for a fall, "持平" when it shows as zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, PercentPoints};
    /// assert_eq!(PercentPoints::from_decimal(Decimal::new(-6, 1)).change_wording(), "下降0.6个百分点");
    /// assert_eq!(PercentPoints::from_decimal(Decimal::new(4, 2)).change_wording(), "持平");
    /// ```
    #[must_use]
    pub fn change_wording(&self) -> String {
        wording::change_text(self.shown(None), Change::Points)
    }

    /// The same value marked written, displayed with its own digits.
    pub(crate) fn as_written(self) -> PercentPoints {
        PercentPoints {
            written: true,
            ..self
        }
    }

    /// The value as shown: as written, at 1 place, or at `precision`.
    pub(crate) fn shown(&self, precision: Option<usize>) -> Decimal {
        shown(self.value, self.written, 1, precision)
    }

    fn exact_text(&self) -> String {
        format!("{}{}", self.value, wording::POINTS)
    }
}

/// How a growth rate changed between two periods, worded as reports word it: "增速提高1.2个百分点",
/// "增速回落0.8个百分点"; for a decline that became smaller "降幅收窄2.1个百分点", larger
/// "降幅扩大0.5个百分点"; "增速持平" when the change shows as zero. The later rate comes first.
///
/// # Errors
///
/// [`crate::ErrorKind::Overflow`] when the difference does not fit a decimal.
///
/// # Examples
///
/// ```
/// use tongji::{rate_change_wording, Rate};
/// let r = |s: &str| s.parse::<Rate>();
/// assert_eq!(rate_change_wording(&r("6.6%")?, &r("4.5%")?)?, "增速提高2.1个百分点");
/// assert_eq!(rate_change_wording(&r("4.5%")?, &r("6.6%")?)?, "增速回落2.1个百分点");
/// assert_eq!(rate_change_wording(&r("-3.2%")?, &r("-5.3%")?)?, "降幅收窄2.1个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rate_change_wording(current: &Rate, previous: &Rate) -> Result<String> {
    let pp = current.checked_sub(previous)?;
    let both_declines = previous.percent().is_sign_negative()
        && current.percent().is_sign_negative()
        && !previous.percent().is_zero()
        && !current.percent().is_zero();
    let change = if both_declines {
        Change::Decline
    } else {
        Change::Growth
    };
    Ok(wording::change_text(pp.shown(None), change))
}

impl fmt::Display for PercentPoints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_figure(f, self.value, self.written, 1, wording::POINTS)
    }
}

impl FromStr for PercentPoints {
    type Err = Error;

    /// Parses "2.3个百分点", "-0.5个百分点", "2.3百分点".
    fn from_str(s: &str) -> Result<PercentPoints> {
        let (value, _) = parse_with_suffix(
            s,
            &[wording::POINTS, wording::POINTS_SHORT],
            "percentage points",
            "expected 个百分点 after the number",
        )?;
        Ok(PercentPoints::from_decimal(value)
            .as_written()
            .with_precision(Precision::written(value)))
    }
}

// Every digit, so that JSON gives back the same value.
crate::text::serde_figure!(
    PercentPoints,
    exact: PercentPoints::exact_text,
    computed: |p: &PercentPoints| !p.written,
    from_computed: |p: PercentPoints, _: &str| Ok::<_, crate::Error>(PercentPoints { written: false, ..p })
);
