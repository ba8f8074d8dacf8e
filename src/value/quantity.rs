//! `Quantity`: an exact value with a unit and the magnitude it was written in.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::magnitude::{BY_LENGTH, Magnitude};
use super::rounding::{Rounding, exact_div, shift10};
use super::unit::{Dimension, Unit};
use crate::text::number::{normalize, scan_number, trimmed};
use crate::{Error, Result};

const EXPECTED: &str = "a quantity";

/// How precisely a figure is known: exactly (a target, a count, a computed value), to the half-unit
/// of its last written digit ("2.68亿元" is 2.68 ± 0.005 亿元), or only approximately ("200余亩").
///
/// # Examples
///
/// ```
/// use tongji::{Precision, Quantity};
/// let q: Quantity = "2.68亿元".parse()?;
/// assert_eq!(q.precision(), Precision::Rounded { half_width: "500000".parse()? });
/// assert_eq!(q.exact().precision(), Precision::Exact);
/// assert_eq!("200余亩".parse::<Quantity>()?.precision(), Precision::Approximate);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Precision {
    /// The value is exact.
    Exact,
    /// The true value lies within ± `half_width` of the stated one, in the dimension's base unit
    /// (元, 公斤, 亩, 米, 人次, or the count unit).
    Rounded {
        /// Half the unit of the last written digit, in base units.
        half_width: Decimal,
    },
    /// Qualified by 余, 多, 以上, 约, 近 …: a bound or an estimate, not an interval.
    Approximate,
}

impl Precision {
    fn combine(self, other: Precision) -> Result<Precision> {
        Ok(match (self, other) {
            (Precision::Approximate, _) | (_, Precision::Approximate) => Precision::Approximate,
            (Precision::Exact, p) | (p, Precision::Exact) => p,
            (Precision::Rounded { half_width: a }, Precision::Rounded { half_width: b }) => {
                Precision::Rounded {
                    half_width: a
                        .checked_add(b)
                        .ok_or(Error::overflow("precision of a sum"))?,
                }
            }
        })
    }
}

/// A word that makes a figure approximate: "200余亩", "1000万元以上", "约3万人次".
///
/// # Examples
///
/// ```
/// use tongji::{Quantity, Qualifier};
/// let q: Quantity = "5500余户".parse()?;
/// assert_eq!(q.qualifier(), Some(Qualifier::Yu));
/// assert!(Qualifier::Yu.is_lower_bound());
/// assert_eq!(q.to_string(), "5500余户");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Qualifier {
    /// 余 ("200余亩", "5万余元"): more than.
    Yu,
    /// 多 ("200多亩"): more than.
    Duo,
    /// 以上 ("1000万元以上"): at least.
    YiShang,
    /// 超 ("超100亿元"): more than.
    Chao,
    /// 逾 ("逾百万人次"): more than.
    Yu2,
    /// 约 ("约3万人次"): about.
    Yue,
    /// 左右 ("3万人次左右"): about.
    ZuoYou,
    /// 近 ("近3万人次"): nearly, a little less than.
    Jin,
}

impl Qualifier {
    /// The word as written.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Qualifier::YiShang.as_str(), "以上");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Qualifier::Yu => "余",
            Qualifier::Duo => "多",
            Qualifier::YiShang => "以上",
            Qualifier::Chao => "超",
            Qualifier::Yu2 => "逾",
            Qualifier::Yue => "约",
            Qualifier::ZuoYou => "左右",
            Qualifier::Jin => "近",
        }
    }

    /// Whether the stated value is a lower bound (余, 多, 以上, 超, 逾).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Qualifier;
    /// assert!(Qualifier::Duo.is_lower_bound());
    /// assert!(!Qualifier::Yue.is_lower_bound());
    /// ```
    pub const fn is_lower_bound(self) -> bool {
        matches!(
            self,
            Qualifier::Yu | Qualifier::Duo | Qualifier::YiShang | Qualifier::Chao | Qualifier::Yu2
        )
    }
}

/// Where the qualifier stands in the written figure, so that display gives back the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    BeforeNumber,
    AfterNumber,
    AfterMagnitude,
    AfterUnit,
}

const PREFIXES: [Qualifier; 4] = [
    Qualifier::Yue,
    Qualifier::Jin,
    Qualifier::Chao,
    Qualifier::Yu2,
];
const INFIXES: [Qualifier; 2] = [Qualifier::Yu, Qualifier::Duo];
const SUFFIXES: [Qualifier; 3] = [Qualifier::YiShang, Qualifier::ZuoYou, Qualifier::Yu];

/// An exact figure with a unit, in the magnitude it was written in: "2.85亿元", "101.2万公斤",
/// "46596万元", "44项".
///
/// The value is a [`Decimal`] kept with its written digits, so `"2.50亿元"` displays as `"2.50亿元"`.
/// Equality, ordering and arithmetic use the value in the dimension's base unit: `"2.85亿元" ==
/// "28500万元"`. Quantities of different dimensions are never equal and do not order; adding them is
/// an error. Parsing accepts fullwidth digits and punctuation, thousands separators, a sign (also
/// U+2212), and the qualifiers 余 多 以上 超 逾 约 左右 近; a placeholder ("X亿元", "XX万人次", "—")
/// is [`Error::Placeholder`], never zero.
///
/// # Examples
///
/// ```
/// use tongji::{Magnitude, Quantity, Unit};
/// let q: Quantity = "2.85亿元".parse()?;
/// assert_eq!(q.to_magnitude(Magnitude::Wan)?.to_string(), "28500万元");
/// assert_eq!(q, "28500万元".parse()?);
/// assert_eq!("101.2万公斤".parse::<Quantity>()?.to_unit(Unit::TONNE)?.to_string(), "0.1012万吨");
/// assert!("3亿元".parse::<Quantity>()?.checked_add(&"3万人次".parse()?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Quantity {
    value: Decimal,
    magnitude: Magnitude,
    unit: Unit,
    /// `value × 10^magnitude × unit factor`, computed once.
    base: Decimal,
    precision: Precision,
    qualifier: Option<(Qualifier, Place)>,
}

fn base_value(value: Decimal, magnitude: Magnitude, unit: Unit) -> Result<Decimal> {
    shift10(value, magnitude.exponent())
        .and_then(|v| v.checked_mul(unit.factor()))
        .ok_or(Error::overflow("quantity in base units"))
}

/// Half the unit of the last digit of `value`, in base units.
fn half_width(value: Decimal, magnitude: Magnitude, unit: Unit) -> Result<Decimal> {
    let half = Decimal::new(5, value.scale().saturating_add(1).min(28));
    base_value(half, magnitude, unit)
}

/// `base` expressed in `unit` and `magnitude`, exactly, with at least `min_scale` decimals.
/// `None` when the value has no exact decimal form there.
fn express(base: Decimal, unit: Unit, magnitude: Magnitude, min_scale: u32) -> Option<Decimal> {
    let in_unit = exact_div(base, unit.factor())?;
    let mut value = shift10(in_unit, -magnitude.exponent())?.normalize();
    if value.scale() < min_scale {
        let mut padded = value;
        padded.rescale(min_scale);
        if padded == value {
            value = padded;
        }
    }
    Some(value)
}

/// The scale `q`'s written digits have once expressed in `magnitude`.
fn scale_in(q: &Quantity, magnitude: Magnitude) -> u32 {
    let shift = q.magnitude.exponent() - magnitude.exponent();
    (q.value.scale() as i32 - shift).clamp(0, 28) as u32
}

impl Quantity {
    /// An exact quantity of `value` `magnitude` `unit` (10 万 元 → "10万元").
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the value in base units does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use tongji::{Magnitude, Quantity, Unit};
    /// let q = Quantity::new(Decimal::new(4400, 1), Magnitude::Wan, Unit::YUAN)?;
    /// assert_eq!(q.to_string(), "440.0万元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(value: Decimal, magnitude: Magnitude, unit: Unit) -> Result<Quantity> {
        Ok(Quantity {
            value,
            magnitude,
            unit,
            base: base_value(value, magnitude, unit)?,
            precision: Precision::Exact,
            qualifier: None,
        })
    }

    /// The value as written, in [`Quantity::magnitude`] and [`Quantity::unit`] (2.85 for "2.85亿元").
    ///
    /// # Examples
    ///
    /// ```
    /// let q: tongji::Quantity = "2.50亿元".parse()?;
    /// assert_eq!(q.value().to_string(), "2.50");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The magnitude as written (亿 for "2.85亿元").
    ///
    /// # Examples
    ///
    /// ```
    /// let q: tongji::Quantity = "2.85亿元".parse()?;
    /// assert_eq!(q.magnitude(), tongji::Magnitude::Yi);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn magnitude(&self) -> Magnitude {
        self.magnitude
    }

    /// The unit (元 for "2.85亿元").
    ///
    /// # Examples
    ///
    /// ```
    /// let q: tongji::Quantity = "2.85亿元".parse()?;
    /// assert_eq!(q.unit(), tongji::Unit::YUAN);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// What the quantity measures.
    ///
    /// # Examples
    ///
    /// ```
    /// let q: tongji::Quantity = "101.2万公斤".parse()?;
    /// assert_eq!(q.dimension().to_string(), "mass");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dimension(&self) -> Dimension {
        self.unit.dimension()
    }

    /// The value in the dimension's base unit (元, 公斤, 亩 …), exact: "2.85亿元" → 285000000.
    ///
    /// # Examples
    ///
    /// ```
    /// let q: tongji::Quantity = "1.5公顷".parse()?;
    /// assert_eq!(q.base_value().to_string(), "22.5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn base_value(&self) -> Decimal {
        self.base
    }

    /// How precisely the figure is known; see [`Precision`]. Parsed figures are [`Precision::Rounded`]
    /// at their last written digit; [`Quantity::new`] and [`Quantity::exact`] give exact ones.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Precision, Quantity};
    /// let q: Quantity = "46596万元".parse()?;
    /// assert_eq!(q.precision(), Precision::Rounded { half_width: "5000".parse()? });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The same figure marked exact (a target set as a round number, a count of tasks).
    ///
    /// # Examples
    ///
    /// ```
    /// let target: tongji::Quantity = "2.5亿元".parse()?;
    /// assert!(target.exact().is_exact());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exact(self) -> Quantity {
        Quantity {
            precision: Precision::Exact,
            ..self
        }
    }

    /// Whether the figure is exact.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!"2.5亿元".parse::<tongji::Quantity>()?.is_exact());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_exact(&self) -> bool {
        self.precision == Precision::Exact
    }

    /// The qualifier written with the figure (余, 以上, 约 …), if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Qualifier, Quantity};
    /// assert_eq!("1000万元以上".parse::<Quantity>()?.qualifier(), Some(Qualifier::YiShang));
    /// assert_eq!("1000万元".parse::<Quantity>()?.qualifier(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qualifier(&self) -> Option<Qualifier> {
        self.qualifier.map(|(q, _)| q)
    }

    /// The same amount written in another magnitude, exactly: "2.85亿元" → "28500万元",
    /// "46596万元" → "4.6596亿元". The written precision is kept ("28500万元" → "2.8500亿元").
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the digits do not fit a decimal (28 significant digits).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Magnitude, Quantity};
    /// let q: Quantity = "46596万元".parse()?;
    /// assert_eq!(q.to_magnitude(Magnitude::Yi)?.to_string(), "4.6596亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_magnitude(&self, magnitude: Magnitude) -> Result<Quantity> {
        let shift = self.magnitude.exponent() - magnitude.exponent();
        let value = shift10(self.value, shift).ok_or(Error::overflow("magnitude conversion"))?;
        Ok(Quantity {
            value,
            magnitude,
            ..*self
        })
    }

    /// The same amount in another unit of the same dimension: "101.2万公斤" → "1012万斤" (斤),
    /// "1.5公顷" → "22.5亩". The magnitude is kept.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions; [`Error::Inexact`] when the result has no exact
    /// decimal form ("1亩" in 公顷 is 1/15); [`Error::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Quantity, Unit};
    /// let q: Quantity = "1.5公顷".parse()?;
    /// assert_eq!(q.to_unit(Unit::MU)?.to_string(), "22.5亩");
    /// assert!("1亩".parse::<Quantity>()?.to_unit(Unit::HECTARE).is_err());
    /// assert!(q.to_unit(Unit::YUAN).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_unit(&self, unit: Unit) -> Result<Quantity> {
        if unit.dimension() != self.dimension() {
            return Err(Error::mismatch(self.unit, unit));
        }
        let value = express(self.base, unit, self.magnitude, 0).ok_or_else(|| Error::Inexact {
            value: self.to_string(),
            unit: unit.to_string(),
        })?;
        Ok(Quantity {
            value,
            unit,
            ..*self
        })
    }

    /// `self + other` in `self`'s unit and magnitude (or, when that has no exact form, `other`'s, or
    /// the base unit). The written precision of both is kept: "2.85亿元" + "46596万元" = "7.5096亿元".
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions; [`Error::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Quantity;
    /// let sum = "2.85亿元".parse::<Quantity>()?.checked_add(&"46596万元".parse()?)?;
    /// assert_eq!(sum.to_string(), "7.5096亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(&self, other: &Quantity) -> Result<Quantity> {
        self.combine(other, Decimal::checked_add, "addition")
    }

    /// `self − other`, like [`Quantity::checked_add`].
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions; [`Error::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Quantity;
    /// let d = "53670万元".parse::<Quantity>()?.checked_sub(&"46596万元".parse()?)?;
    /// assert_eq!(d.to_string(), "7074万元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sub(&self, other: &Quantity) -> Result<Quantity> {
        self.combine(other, Decimal::checked_sub, "subtraction")
    }

    fn combine(
        &self,
        other: &Quantity,
        op: fn(Decimal, Decimal) -> Option<Decimal>,
        operation: &'static str,
    ) -> Result<Quantity> {
        if self.dimension() != other.dimension() {
            return Err(Error::mismatch(self.unit, other.unit));
        }
        let base = op(self.base, other.base).ok_or(Error::overflow(operation))?;
        let precision = self.precision.combine(other.precision)?;
        let candidates = [
            (self.unit, self.magnitude),
            (other.unit, other.magnitude),
            (self.unit.base(), Magnitude::Ge),
        ];
        for (unit, magnitude) in candidates {
            let min_scale = scale_in(self, magnitude).max(scale_in(other, magnitude));
            if let Some(value) = express(base, unit, magnitude, min_scale) {
                return Ok(Quantity {
                    value,
                    magnitude,
                    unit,
                    base,
                    precision,
                    qualifier: None,
                });
            }
        }
        Err(Error::overflow(operation))
    }

    /// The sum of `items`, which must share one dimension; `None` for an empty iterator.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] or [`Error::Overflow`] from [`Quantity::checked_add`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Quantity;
    /// let parts: Vec<Quantity> = ["1.2亿元", "3400万元", "56万元"].iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
    /// assert_eq!(Quantity::checked_sum(&parts)?.unwrap().to_string(), "1.5456亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sum<'a>(
        items: impl IntoIterator<Item = &'a Quantity>,
    ) -> Result<Option<Quantity>> {
        let mut total: Option<Quantity> = None;
        for q in items {
            total = Some(match total {
                None => *q,
                Some(t) => t.checked_add(q)?,
            });
        }
        Ok(total)
    }

    /// The value rounded at its magnitude: "35.126976元/公斤" at 2 places → "35.13元/公斤". The
    /// result is [`Precision::Rounded`] at its last digit.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] in the (rare) case where the rounded value no longer fits.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Quantity, Rounding};
    /// let q: Quantity = "3554.85万元".parse()?;
    /// assert_eq!(q.rounded(Rounding::new(0))?.to_string(), "3555万元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rounded(&self, rounding: Rounding) -> Result<Quantity> {
        let value = rounding.apply(self.value);
        Ok(Quantity {
            value,
            base: base_value(value, self.magnitude, self.unit)?,
            precision: Precision::Rounded {
                half_width: half_width(value, self.magnitude, self.unit)?,
            },
            ..*self
        })
    }

    /// Whether the value is zero.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!("0万元".parse::<tongji::Quantity>()?.is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_zero(&self) -> bool {
        self.base.is_zero()
    }

    /// Whether the value is below zero.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!("-120万元".parse::<tongji::Quantity>()?.is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_negative(&self) -> bool {
        self.base.is_sign_negative() && !self.base.is_zero()
    }

    /// A figure as written: `value` (with its written scale) in `magnitude` and `unit`, precise to
    /// the half-unit of its last digit. For readers that take the unit from another column.
    pub(crate) fn written(value: Decimal, magnitude: Magnitude, unit: Unit) -> Result<Quantity> {
        Ok(Quantity {
            precision: Precision::Rounded {
                half_width: half_width(value, magnitude, unit)?,
            },
            ..Quantity::new(value, magnitude, unit)?
        })
    }

    /// Checks that the quantity is of `unit`'s dimension.
    pub(crate) fn same_dimension_as(&self, unit: Unit) -> Result<()> {
        if self.dimension() == unit.dimension() {
            Ok(())
        } else {
            Err(Error::mismatch(self.unit, unit))
        }
    }

    /// Checks that `other` has the same dimension, for the formulas that combine two quantities.
    pub(crate) fn same_dimension(&self, other: &Quantity) -> Result<()> {
        if self.dimension() == other.dimension() {
            Ok(())
        } else {
            Err(Error::mismatch(self.unit, other.unit))
        }
    }
}

impl PartialEq for Quantity {
    /// Equal when the dimensions match and the values in base units are equal.
    fn eq(&self, other: &Quantity) -> bool {
        self.dimension() == other.dimension() && self.base == other.base
    }
}

impl Eq for Quantity {}

impl Hash for Quantity {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.dimension().hash(state);
        self.base.normalize().hash(state);
    }
}

impl PartialOrd for Quantity {
    /// Ordered by value in base units; `None` across dimensions.
    fn partial_cmp(&self, other: &Quantity) -> Option<Ordering> {
        (self.dimension() == other.dimension()).then(|| self.base.cmp(&other.base))
    }
}

impl fmt::Display for Quantity {
    /// The figure as written ("2.50亿元"). With a precision (`{:.2}`) the value is rounded half away
    /// from zero to that many places.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = match f.precision() {
            Some(p) => Rounding::new(p as u32).apply(self.value),
            None => self.value,
        };
        let word = |place: Place| match self.qualifier {
            Some((q, p)) if p == place => q.as_str(),
            _ => "",
        };
        let text = format!(
            "{}{}{}{}{}{}{}",
            word(Place::BeforeNumber),
            value,
            word(Place::AfterNumber),
            self.magnitude.as_str(),
            word(Place::AfterMagnitude),
            self.unit,
            word(Place::AfterUnit),
        );
        crate::text::pad(f, &text)
    }
}

fn strip_word(chars: &[char], at: usize, word: &str) -> Option<usize> {
    let mut i = at;
    for w in word.chars() {
        if chars.get(i) != Some(&w) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

impl FromStr for Quantity {
    type Err = Error;

    /// Parses a figure with a unit: `[约|近|超|逾] number [余|多] [magnitude] [余|多] unit [以上|左右]`.
    fn from_str(s: &str) -> Result<Quantity> {
        let chars = normalize(s);
        let (start, end) = trimmed(&chars);
        let chars = &chars[..end];
        let mut qualifier = None;
        let mut i = start;
        for q in PREFIXES {
            if let Some(next) = strip_word(chars, i, q.as_str()) {
                qualifier = Some((q, Place::BeforeNumber));
                i = next;
                break;
            }
        }
        let scanned = scan_number(s, chars, i, EXPECTED)?;
        let value = scanned.value;
        i = scanned.end;
        let mut take_infix = |i: &mut usize, place: Place| {
            if qualifier.is_some() {
                return;
            }
            for q in INFIXES {
                if let Some(next) = strip_word(chars, *i, q.as_str()) {
                    qualifier = Some((q, place));
                    *i = next;
                    return;
                }
            }
        };
        take_infix(&mut i, Place::AfterNumber);
        // The suffix: a unit alone ("个" is the unit, not the magnitude), or magnitude + unit.
        let mut rest_end = end;
        if qualifier.is_none() {
            for q in SUFFIXES {
                let w = q.as_str().chars().count();
                if rest_end >= i + w
                    && chars[rest_end - w..rest_end]
                        .iter()
                        .copied()
                        .eq(q.as_str().chars())
                {
                    qualifier = Some((q, Place::AfterUnit));
                    rest_end -= w;
                    break;
                }
            }
        }
        let rest: String = chars[i..rest_end].iter().collect();
        let rest = rest.trim_start();
        if rest.is_empty() {
            return Err(Error::Parse {
                input: s.to_string(),
                expected: EXPECTED,
                reason: "expected a unit after the number",
                position: rest_end,
            });
        }
        let (magnitude, unit) = match rest.parse::<Unit>() {
            Ok(unit) => (Magnitude::Ge, unit),
            Err(unit_err) => {
                let mut found = None;
                for m in BY_LENGTH {
                    if let Some(after) = rest.strip_prefix(m.as_str()) {
                        let (after, place_yu) =
                            match INFIXES.iter().find(|q| after.starts_with(q.as_str())) {
                                Some(q) if qualifier.is_none() => {
                                    (&after[q.as_str().len()..], Some(*q))
                                }
                                _ => (after, None),
                            };
                        if let Ok(unit) = after.parse::<Unit>() {
                            if let Some(q) = place_yu {
                                qualifier = Some((q, Place::AfterMagnitude));
                            }
                            found = Some((m, unit));
                            break;
                        }
                    }
                }
                match found {
                    Some(found) => found,
                    None => {
                        return Err(match unit_err {
                            Error::UnknownUnit { unit, .. } => Error::UnknownUnit {
                                input: s.to_string(),
                                unit,
                            },
                            other => other,
                        });
                    }
                }
            }
        };
        let precision = if qualifier.is_some() {
            Precision::Approximate
        } else {
            Precision::Rounded {
                half_width: half_width(value, magnitude, unit)?,
            }
        };
        Ok(Quantity {
            value,
            magnitude,
            unit,
            base: base_value(value, magnitude, unit)?,
            precision,
            qualifier,
        })
    }
}

crate::text::serde_via_text!(Quantity);

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Quantity {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn display_keeps_written_digits() {
        for s in [
            "2.50亿元",
            "46596万元",
            "101.2万公斤",
            "-0.5万元",
            "3.5万元/亩",
            "1.5公顷",
            "0.16亿元",
        ] {
            assert_eq!(q(s).to_string(), s);
        }
    }

    #[test]
    fn magnitudes_and_units_parse() {
        for s in [
            "3万公斤",
            "3万人次",
            "3万亩",
            "3万头",
            "3亿人次",
            "3万株",
            "3千克",
            "3千米",
            "3万千克",
            "3个",
        ] {
            q(s);
        }
        assert_eq!(q("3千克").unit().to_string(), "千克");
        assert_eq!(q("3千克").magnitude(), Magnitude::Ge);
        assert_eq!(q("3个").magnitude(), Magnitude::Ge);
        assert_eq!(q("3万亿元").magnitude(), Magnitude::WanYi);
    }

    #[test]
    fn fullwidth_and_separators() {
        assert_eq!(q("４６５９６万元"), q("46596万元"));
        assert_eq!(q(" 1,234.5 万元 ").to_string(), "1234.5万元");
    }

    #[test]
    fn qualifiers_round_trip() {
        for s in [
            "200余亩",
            "5万余元",
            "1000万元以上",
            "约3万人次",
            "3万人次左右",
            "近3万人次",
            "1500余名",
            "200多亩",
        ] {
            assert_eq!(q(s).to_string(), s);
            assert_eq!(q(s).precision(), Precision::Approximate);
        }
    }

    #[test]
    fn equality_across_magnitudes_and_units() {
        assert_eq!(q("2.85亿元"), q("28500万元"));
        assert_eq!(q("1吨"), q("1000公斤"));
        assert_eq!(q("1吨"), q("2000斤"));
        assert_eq!(q("1公顷"), q("15亩"));
        assert_ne!(q("1项"), q("1件"));
        assert!(q("1项").partial_cmp(&q("1件")).is_none());
        assert!(q("2.85亿元") > q("2.68亿元"));
    }

    #[test]
    fn errors_are_structured() {
        assert!(q_err("X亿元").is_placeholder());
        assert!(q_err("XX万人次").is_placeholder());
        assert!(q_err("—").is_placeholder());
        assert!(matches!(q_err("3光年"), Error::UnknownUnit { unit, .. } if unit == "光年"));
        assert!(matches!(q_err("3"), Error::Parse { .. }));
        assert!(matches!(q_err("亿元"), Error::Parse { position: 0, .. }));
        let mismatch = q("3亿元").checked_add(&q("3万人次")).unwrap_err();
        assert_eq!(
            mismatch.to_string(),
            "unit mismatch: 元 and 人次 cannot be combined"
        );
    }

    fn q_err(s: &str) -> Error {
        s.parse::<Quantity>().unwrap_err()
    }

    #[test]
    fn overflow_is_an_error() {
        assert!(matches!(
            q_err("99999999999999999999999万亿元"),
            Error::Overflow { .. }
        ));
    }

    #[test]
    fn arithmetic_keeps_units_and_precision() {
        let sum = q("2.85亿元").checked_add(&q("46596万元")).unwrap();
        assert_eq!(sum.to_string(), "7.5096亿元");
        assert_eq!(
            sum.precision(),
            Precision::Rounded {
                half_width: "505000".parse().unwrap()
            }
        );
        let area = q("1公顷").checked_add(&q("1亩")).unwrap();
        assert_eq!(area.to_string(), "16亩");
        assert_eq!(
            q("1亩").checked_add(&q("1平方米")).unwrap().to_string(),
            "1.0015亩"
        );
    }

    #[test]
    fn format_precision_rounds_half_away() {
        assert_eq!(format!("{:.1}", q("0.25万元")), "0.3万元");
        assert_eq!(format!("{:.1}", q("-0.25万元")), "-0.3万元");
    }
}
