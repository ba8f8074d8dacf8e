//! `Multiple`: a figure in 倍.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::interval::Interval;
use super::precision::Precision;
use super::rate::Rate;
use crate::text::figure::{parse_with_suffix, write_figure};
use crate::{Error, Result};

/// A figure in 倍 ("1.79倍"). What it means depends on the verb before it: "增长1.79倍" is a growth
/// of +179% (the new level is 2.79 times the old), while "是上年的2.79倍" is a ratio. Never read
/// "增长X倍" as ratio X. A computed multiple displays at 2 places.
///
/// # Examples
///
/// ```
/// use tongji::Multiple;
/// let m: Multiple = "1.79倍".parse()?;
/// assert_eq!(m.to_string(), "1.79倍");
/// assert_eq!(m.as_growth()?.to_string(), "179%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Multiple {
    value: Decimal,
    precision: Precision,
    written: bool,
}

super::by_value!(Multiple, value);

impl Multiple {
    /// A computed multiple of `value` 倍, displayed at 2 places.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Multiple};
    /// assert_eq!(Multiple::from_decimal(Decimal::new(2795, 3)).to_string(), "2.80倍"); // 2.795 half away
    /// ```
    #[must_use]
    pub fn from_decimal(value: Decimal) -> Multiple {
        Multiple {
            value,
            precision: Precision::Exact,
            written: false,
        }
    }

    /// How precisely the multiple is known, in 倍 (see [`Precision`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{multiple, Precision};
    /// let m = multiple(&"27.9亿元".parse()?, &"10亿元".parse()?)?;
    /// assert!(matches!(m.precision(), Precision::Within(_)));
    /// assert!(m.interval().contains("2.79".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The values the multiple stands for, in 倍.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("1.79倍".parse::<tongji::Multiple>()?.interval().to_string(), "[1.785, 1.795)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn interval(&self) -> Interval {
        self.precision
            .interval_of(self.value)
            .unwrap_or_else(Interval::unbounded)
    }

    /// The same multiple, known to `precision`.
    pub(crate) fn with_precision(self, precision: Precision) -> Multiple {
        Multiple { precision, ..self }
    }

    /// The value in 倍, with every digit.
    ///
    /// # Examples
    ///
    /// ```
    /// let m = tongji::multiple(&"28.5亿元".parse()?, &"9亿元".parse()?)?;
    /// assert_eq!(m.to_string(), "3.17倍");
    /// assert!(m.value().to_string().starts_with("3.16666666666666666666666666")); // every digit kept
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// Read after 增长: the growth rate, value × 100% ("增长1.79倍" = +179%).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the value × 100 does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// // "旅游收入增长2倍" is +200%: three times the level, not twice.
    /// assert_eq!("2倍".parse::<tongji::Multiple>()?.as_growth()?.to_string(), "200%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_growth(&self) -> Result<Rate> {
        let rate = Rate::from_fraction(self.value)?;
        Ok(if self.written {
            // Two decimals in 倍 are whole percent: keep the written precision.
            rate.rounded(crate::Rounding::new(self.value.scale().saturating_sub(2)))
        } else {
            rate
        })
    }

    /// Read after 是…的: the growth rate it implies, (value − 1) × 100% ("是上年的2.79倍" = +179%).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the value does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2.79倍".parse::<tongji::Multiple>()?.ratio_as_growth()?.to_string(), "179%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ratio_as_growth(&self) -> Result<Rate> {
        let less_one = self
            .value
            .checked_sub(Decimal::ONE)
            .ok_or_else(|| Error::overflow("multiple as growth"))?;
        Multiple {
            value: less_one,
            ..*self
        }
        .as_growth()
    }

    /// Rounded once by `rounding`; displays with exactly those places.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Multiple, Rounding};
    /// assert_eq!(Multiple::from_decimal(Decimal::new(1795, 3)).rounded(Rounding::new(1)).to_string(), "1.8倍");
    /// ```
    #[must_use]
    pub fn rounded(&self, rounding: crate::Rounding) -> Multiple {
        let value = rounding.apply(self.value);
        Multiple {
            value,
            precision: Precision::written(value),
            written: true,
        }
    }

    fn exact_text(&self) -> String {
        format!("{}{}", self.value, crate::text::wording::MULTIPLE)
    }
}

impl fmt::Display for Multiple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_figure(
            f,
            self.value,
            self.written,
            2,
            crate::text::wording::MULTIPLE,
        )
    }
}

impl FromStr for Multiple {
    type Err = Error;

    /// Parses "1.79倍".
    fn from_str(s: &str) -> Result<Multiple> {
        let (value, _) = parse_with_suffix(
            s,
            &[crate::text::wording::MULTIPLE],
            "a multiple",
            "expected 倍 after the number",
        )?;
        Ok(Multiple {
            value,
            precision: Precision::written(value),
            written: true,
        })
    }
}

// A written figure as written; a computed one with all its digits, unrounded.
crate::text::serde_figure!(
    Multiple,
    exact: Multiple::exact_text,
    computed: |m: &Multiple| !m.written,
    from_computed: |m: Multiple, _: &str| Ok::<_, crate::Error>(Multiple { written: false, ..m })
);
