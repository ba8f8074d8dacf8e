//! `PercentPoints`: the difference of two rates (个百分点).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::figure::{parse_with_suffix, write_figure};
use super::rounding::Rounding;
use crate::{Error, Result};

/// A difference of two rates, in percentage points: "提高2.3个百分点", "快于序时进度22.6个百分点".
///
/// Never the ratio of two rates. Like [`crate::Rate`], a parsed value displays as written and a
/// computed one at 1 decimal, half away from zero.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PercentPoints {
    value: Decimal,
    written: bool,
}

impl PercentPoints {
    const SUFFIX: &'static str = "个百分点";

    /// A computed difference of `value` percentage points.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// assert_eq!(tongji::PercentPoints::from_decimal(Decimal::new(-8, 1)).to_string(), "-0.8个百分点");
    /// ```
    pub fn from_decimal(value: Decimal) -> PercentPoints {
        PercentPoints {
            value,
            written: false,
        }
    }

    /// The value in percentage points.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2.3个百分点".parse::<tongji::PercentPoints>()?.value().to_string(), "2.3");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// Rounded once by `rounding`; displays with exactly those places.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use tongji::{PercentPoints, Rounding};
    /// assert_eq!(PercentPoints::from_decimal(Decimal::new(225, 2)).rounded(Rounding::new(1)).to_string(), "2.3个百分点");
    /// ```
    pub fn rounded(&self, rounding: Rounding) -> PercentPoints {
        PercentPoints {
            value: rounding.apply(self.value),
            written: true,
        }
    }

    /// The value as shown at the report default (1 place, half away from zero), or as written.
    fn shown(&self) -> Decimal {
        if self.written {
            self.value
        } else {
            Rounding::default().apply(self.value)
        }
    }

    /// "提高X个百分点" for a rise, "下降X个百分点" for a fall, "持平" when it shows as zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use tongji::PercentPoints;
    /// assert_eq!(PercentPoints::from_decimal(Decimal::new(-6, 1)).change_wording(), "下降0.6个百分点");
    /// assert_eq!(PercentPoints::from_decimal(Decimal::new(4, 2)).change_wording(), "持平");
    /// ```
    pub fn change_wording(&self) -> String {
        self.worded("提高", "下降", "持平")
    }

    /// Words a change with `up`/`down` before the absolute value, or `flat` when it shows as zero.
    pub(crate) fn worded(&self, up: &str, down: &str, flat: &str) -> String {
        let shown = self.shown();
        if shown.is_zero() {
            flat.to_string()
        } else if shown.is_sign_negative() {
            format!("{down}{}{}", shown.abs(), Self::SUFFIX)
        } else {
            format!("{up}{shown}{}", Self::SUFFIX)
        }
    }

    fn exact_text(&self) -> String {
        format!("{}{}", self.value, Self::SUFFIX)
    }
}

/// How a growth rate changed between two periods, worded as reports word it: "增速提高1.2个百分点",
/// "增速回落0.8个百分点"; for a decline that became smaller "降幅收窄2.1个百分点", larger
/// "降幅扩大0.5个百分点"; "增速持平" when the change shows as zero.
///
/// # Errors
///
/// [`Error::Overflow`] when the difference does not fit a decimal.
///
/// # Examples
///
/// ```
/// use tongji::{rate_change_wording, Rate};
/// let w = rate_change_wording(&"-5.3%".parse::<Rate>()?, &"-3.2%".parse()?)?;
/// assert_eq!(w, "降幅收窄2.1个百分点");
/// assert_eq!(rate_change_wording(&"4.4%".parse()?, &"5.6%".parse()?)?, "增速提高1.2个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rate_change_wording(previous: &crate::Rate, current: &crate::Rate) -> Result<String> {
    let pp = current.checked_sub(previous)?;
    let both_declines = previous.percent().is_sign_negative()
        && current.percent().is_sign_negative()
        && !previous.percent().is_zero()
        && !current.percent().is_zero();
    Ok(if both_declines {
        pp.worded("降幅收窄", "降幅扩大", "降幅持平")
    } else {
        pp.worded("增速提高", "增速回落", "增速持平")
    })
}

impl fmt::Display for PercentPoints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_figure(f, self.value, self.written, 1, Self::SUFFIX)
    }
}

impl FromStr for PercentPoints {
    type Err = Error;

    /// Parses "2.3个百分点", "-0.5个百分点", "2.3百分点".
    fn from_str(s: &str) -> Result<PercentPoints> {
        let (value, _) = parse_with_suffix(
            s,
            &["个百分点", "百分点"],
            "percentage points",
            "expected 个百分点 after the number",
        )?;
        Ok(PercentPoints {
            value,
            written: true,
        })
    }
}

// A written figure as written; a computed one with all its digits, unrounded.
crate::text::serde_via_text!(PercentPoints, PercentPoints::exact_text);
