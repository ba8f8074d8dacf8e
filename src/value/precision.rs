//! `Precision`: how precisely a figure is known — one model for quantities, rates, percentage
//! points, multiples and growth.

use rust_decimal::Decimal;

use super::interval::Interval;
use super::rounding::shift10;
use crate::Result;

/// How precisely a figure is known: exactly (a target, a count, a figure computed from exact
/// ones), to the half-unit of its last written digit ("2.68亿元" is 2.68 ± 0.005 亿元), only
/// approximately ("200余亩", "约3万人次": bounds from the qualifier), or — for a figure computed
/// from figures that were not exact — within the interval its operands allow.
///
/// Every figure type has a `precision()` and an `interval()`, in the figure's own measure: base
/// units for a [`crate::Quantity`], percent for a [`crate::Rate`], points for
/// [`crate::PercentPoints`], 倍 for a [`crate::Multiple`]. Rounding a figure for display does not
/// change its precision; [`crate::Quantity::rounded`] and [`crate::Rate::rounded`] make a new,
/// written, figure.
///
/// # Examples
///
/// ```
/// use tongji::{per_unit, Precision, Quantity};
/// let q: Quantity = "2.68亿元".parse()?;
/// assert_eq!(q.precision(), Precision::Rounded { half_width: "500000".parse()? }); // ± 50万元
/// assert_eq!("44项".parse::<Quantity>()?.precision(), Precision::Exact); // a count
/// assert_eq!("200余亩".parse::<Quantity>()?.precision(), Precision::Approximate);
/// // 均价 from two rounded figures is not exact: it lies within what they allow.
/// let price = per_unit(&"3554.85万元".parse()?, &"101.2万公斤".parse()?)?;
/// assert!(matches!(price.precision(), Precision::Within(_)));
/// assert!(price.interval().contains("35.13".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Precision {
    /// The value is exact.
    Exact,
    /// Written at its last digit: the true value lies within ± `half_width` of the stated one
    /// (四舍五入: the upper end excluded for a positive figure, the lower for a negative one).
    Rounded {
        /// Half the unit of the last written digit, in the figure's measure.
        half_width: Decimal,
    },
    /// Qualified by 余, 多, 以上, 超, 逾, 约, 左右, 近 or 不到: the bounds follow from the word.
    Approximate,
    /// Computed from figures that were not exact: the true value lies in the interval.
    Within(Interval),
}

impl Precision {
    /// The precision of a figure written as `value` (its last digit is its precision).
    pub(crate) fn written(value: Decimal) -> Precision {
        Precision::Rounded {
            half_width: Decimal::new(5, (value.scale() + 1).min(28)),
        }
    }

    /// A written `value` in one measure, stated in another `10^exp` times larger (per mille to
    /// percent: `exp` = −1).
    pub(crate) fn written_in(value: Decimal, exp: i32) -> Option<Precision> {
        let half = Decimal::new(5, (value.scale() + 1).min(28));
        Some(Precision::Rounded {
            half_width: shift10(half, exp)?,
        })
    }

    /// Whether the value is exact.
    pub(crate) fn is_exact(self) -> bool {
        self == Precision::Exact
    }

    /// The interval a figure of `value` with this precision stands for; `None` for an approximate
    /// figure, whose bounds depend on its qualifier.
    pub(crate) fn interval_of(self, value: Decimal) -> Option<Interval> {
        match self {
            Precision::Exact => Some(Interval::point(value)),
            Precision::Rounded { half_width } => {
                let (lo_closed, hi_closed) = match value.cmp(&Decimal::ZERO) {
                    std::cmp::Ordering::Greater => (true, false),
                    std::cmp::Ordering::Less => (false, true),
                    std::cmp::Ordering::Equal => (false, false),
                };
                // An end beyond the decimals (a 28-digit figure) leaves that side unbounded.
                Some(Interval::with_ends(
                    value.checked_sub(half_width).map(|lo| (lo, lo_closed)),
                    value.checked_add(half_width).map(|hi| (hi, hi_closed)),
                ))
            }
            Precision::Approximate => None,
            Precision::Within(i) => Some(i),
        }
    }

    /// The precision of a figure computed from operands: exact when they all are, else within the
    /// interval `range` gives; unbounded when the operands' ranges allow any value (a divisor that
    /// may be zero).
    pub(crate) fn derived(all_exact: bool, range: impl FnOnce() -> Result<Interval>) -> Precision {
        if all_exact {
            Precision::Exact
        } else {
            Precision::Within(range().unwrap_or_else(|_| Interval::unbounded()))
        }
    }
}
