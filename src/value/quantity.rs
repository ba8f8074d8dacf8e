//! `Quantity`: an exact value with a unit and the magnitude it was written in.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::interval::Interval;
use super::magnitude::Magnitude;
use super::precision::Precision;
use super::rounding::{MAX_SCALE, Rounding, exact_add, exact_sub, shift10};
use super::unit::{Dimension, Unit};
use crate::{Error, Result};

/// A word that makes a figure approximate: "200余亩", "1000万元以上", "约3万人次".
///
/// # Examples
///
/// ```
/// use tongji::{Quantity, Qualifier};
/// let q: Quantity = "5500余户".parse()?;
/// assert_eq!(q.qualifier(), Some(Qualifier::Odd));
/// assert!(Qualifier::Odd.is_lower_bound());
/// assert_eq!(q.to_string(), "5500余户"); // the word stays where it was written
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Qualifier {
    /// 余 ("200余亩", "5万余元"): two hundred odd, a little more than.
    #[doc(alias = "余")]
    Odd,
    /// 多 ("200多亩"): two hundred plus, more than.
    #[doc(alias = "多")]
    Plus,
    /// 以上 ("1000万元以上"): that much or more.
    #[doc(alias = "以上")]
    OrMore,
    /// 超 ("超100亿元"): more than.
    #[doc(alias = "超")]
    MoreThan,
    /// 逾 ("逾百万人次"): over.
    #[doc(alias = "逾")]
    Over,
    /// 约 ("约3万人次"): about.
    #[doc(alias = "约")]
    About,
    /// 左右 ("3万人次左右"): or so, around.
    #[doc(alias = "左右")]
    OrSo,
    /// 近 ("近3万人次"): nearly, a little less than.
    #[doc(alias = "近")]
    Nearly,
    /// 不到 ("不到3万人次"): under, a little less than.
    #[doc(alias = "不到")]
    Under,
}

impl Qualifier {
    /// The word as written.
    ///
    /// # Examples
    ///
    /// ```
    /// let q: tongji::Quantity = "1000万元以上".parse()?;
    /// assert_eq!(q.qualifier().map(|w| w.as_str()), Some("以上"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Qualifier::Odd => "余",
            Qualifier::Plus => "多",
            Qualifier::OrMore => "以上",
            Qualifier::MoreThan => "超",
            Qualifier::Over => "逾",
            Qualifier::About => "约",
            Qualifier::OrSo => "左右",
            Qualifier::Nearly => "近",
            Qualifier::Under => "不到",
        }
    }

    /// Whether the stated value is a lower bound (余, 多, 以上, 超, 逾): the true figure is at
    /// least that much.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Quantity;
    /// let at_least = |s: &str| s.parse::<Quantity>().map(|q| q.qualifier().unwrap().is_lower_bound());
    /// assert!(at_least("200多亩")?);
    /// assert!(!at_least("约3万人次")?); // about: it may be less
    /// assert!(!at_least("近3万人次")?); // nearly: it is less
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_lower_bound(self) -> bool {
        matches!(
            self,
            Qualifier::Odd
                | Qualifier::Plus
                | Qualifier::OrMore
                | Qualifier::MoreThan
                | Qualifier::Over
        )
    }
}

impl Qualifier {
    /// The values a figure `value` with this word stands for, in the figure's own units, where
    /// `step` is the place of its last non-zero digit ("200余" → 100, "5500余" → 100, "3.5" → 0.1):
    /// 余 and 多 a little more, below the next step (200余: (200, 300)); 以上 that much or more;
    /// 超 and 逾 more, unbounded; 近 and 不到 a little less, within a step; 约 and 左右 rounded at
    /// the last non-zero digit (约3万: [2.5万, 3.5万)).
    fn interval(self, value: Decimal) -> Option<Interval> {
        let step = last_digit_step(value);
        Some(match self {
            Qualifier::Odd | Qualifier::Plus => {
                Interval::between(value, false, value.checked_add(step)?, false).ok()?
            }
            Qualifier::OrMore => Interval::at_least(value),
            Qualifier::MoreThan | Qualifier::Over => Interval::above(value),
            Qualifier::Nearly | Qualifier::Under => {
                Interval::between(value.checked_sub(step)?, true, value, false).ok()?
            }
            Qualifier::About | Qualifier::OrSo => {
                let half = step.checked_div(Decimal::TWO)?;
                Interval::between(
                    value.checked_sub(half)?,
                    true,
                    value.checked_add(half)?,
                    false,
                )
                .ok()?
            }
        })
    }
}

/// The place value of the last non-zero digit of `value` as written: 200 → 100, 3.5 → 0.1, 0 → 1.
fn last_digit_step(value: Decimal) -> Decimal {
    let mut mantissa = value.mantissa().unsigned_abs();
    let mut exponent = -(value.scale() as i32);
    while mantissa != 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        exponent += 1;
    }
    shift10(Decimal::ONE, exponent).unwrap_or(Decimal::ONE)
}

/// Where the qualifier stands in the written figure, so that display gives back the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Place {
    BeforeNumber,
    AfterNumber,
    AfterMagnitude,
    AfterUnit,
}

/// An exact figure with a unit, in the magnitude it was written in: "2.85亿元", "101.2万公斤",
/// "46596万元", "44项".
///
/// The value is a [`Decimal`] kept with its written digits, so `"2.50亿元"` displays as `"2.50亿元"`.
/// Equality, ordering and arithmetic use the value in the dimension's base unit: `"2.85亿元" ==
/// "28500万元"`. Quantities of different dimensions are never equal and do not order; adding them is
/// an error. Parsing accepts fullwidth digits and punctuation, thousands separators, a sign (also
/// U+2212), and the qualifiers 余 多 以上 超 逾 约 左右 近; a placeholder ("X亿元", "XX万人次", "—")
/// is a [`crate::ErrorKind::Placeholder`] error, never zero.
///
/// A figure computed by division ([`crate::per_unit`], a weighted roll-up) keeps every digit of its
/// value but displays rounded, half away from zero, by the per-kind default: money per unit
/// (均价, 元/公斤) at 2 places, other ratios (亩产, 公斤/亩) at 0, a weighted level at its operands'
/// places. Sums and differences keep their operands' written digits.
///
/// # Examples
///
/// ```
/// use tongji::{per_unit, Magnitude, Quantity, Unit};
/// let q: Quantity = "2.85亿元".parse()?;
/// assert_eq!(q.to_magnitude(Magnitude::TenThousand)?.to_string(), "28500万元");
/// assert_eq!(q, "28500万元".parse()?);
/// assert_eq!("101.2万公斤".parse::<Quantity>()?.to_unit(Unit::TONNE)?.to_string(), "0.1012万吨");
/// let price = per_unit(&"3554.85万元".parse()?, &"101.2万公斤".parse()?)?;
/// assert_eq!(price.to_string(), "35.13元/公斤");
/// assert_eq!(price.value().to_string(), "35.126976284584980237154150198");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Quantity {
    value: Decimal,
    /// `value × 10^magnitude × unit factor`, computed once.
    base: Decimal,
    precision: Precision,
    magnitude: Magnitude,
    unit: Unit,
    qualifier: Option<(Qualifier, Place)>,
    /// For a computed figure, the places it displays at; `None` displays the value's own digits.
    places: Option<u8>,
}

fn base_value(value: Decimal, magnitude: Magnitude, unit: Unit) -> Result<Decimal> {
    shift10(value, magnitude.exponent())
        .and_then(|v| unit.factor().to_base(v))
        .ok_or_else(|| Error::overflow("the value in base units"))
}

/// How [`base_value`] turns a mantissa into the base unit, for a magnitude and a unit whose factor
/// has no denominator: a shift by the magnitude, then the product with the factor's mantissa.
/// The columnar reader computes base values with it on integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BaseRule {
    exponent: i32,
    numerator: i128,
    numerator_scale: u32,
}

impl BaseRule {
    /// The rule of `magnitude` and `unit`; `None` for a ratio unit with a denominator.
    pub(crate) fn of(magnitude: Magnitude, unit: Unit) -> Option<BaseRule> {
        let f = unit.factor();
        (f.denominator() == Decimal::ONE).then(|| BaseRule {
            exponent: magnitude.exponent(),
            numerator: f.numerator().mantissa(),
            numerator_scale: f.numerator().scale(),
        })
    }

    /// [`base_value`] of the value `mantissa` at `scale`, as a mantissa and scale, when it takes
    /// the steps mirrored here exactly (a shift that keeps the mantissa or multiplies it, a product
    /// that fits); `None` otherwise, for [`base_value`] itself.
    pub(crate) fn base(self, mantissa: i64, scale: u32) -> Option<(i64, u32)> {
        const MAX_MANTISSA: u128 = (1 << 96) - 1;
        let shifted = i32::try_from(scale).ok()? - self.exponent;
        let (m, s) = if (0..=MAX_SCALE as i32).contains(&shifted) {
            (i128::from(mantissa), shifted.unsigned_abs())
        } else if shifted < 0 {
            let m =
                i128::from(mantissa).checked_mul(10i128.checked_pow(shifted.unsigned_abs())?)?;
            if m.unsigned_abs() > MAX_MANTISSA {
                return None;
            }
            (m, 0)
        } else {
            return None;
        };
        let product = m.checked_mul(self.numerator)?;
        let scale = s + self.numerator_scale;
        if scale > MAX_SCALE || product.unsigned_abs() > MAX_MANTISSA {
            return None;
        }
        Some((i64::try_from(product).ok()?, scale))
    }
}

/// Half the unit of the last digit of `value`, in base units.
fn half_width(value: Decimal, magnitude: Magnitude, unit: Unit) -> Result<Decimal> {
    let exponent = magnitude.exponent() - value.scale() as i32 - 1;
    shift10(Decimal::new(5, 0), exponent)
        .and_then(|h| unit.factor().to_base(h))
        .ok_or_else(|| Error::overflow("precision of a figure: its last digit is below 10⁻²⁸"))
}

/// `base` expressed in `unit` and `magnitude`, exactly, with at least `min_scale` decimals.
/// `None` when the value has no exact decimal form there.
fn express(base: Decimal, unit: Unit, magnitude: Magnitude, min_scale: u32) -> Option<Decimal> {
    let in_unit = unit.factor().of_base(base)?;
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

/// The scale `q`'s shown digits have once expressed in `magnitude` (never below zero).
fn shown_scale_in(q: &Quantity, magnitude: Magnitude) -> u32 {
    let shift = q.magnitude.exponent() - magnitude.exponent();
    let scale = q.places.map_or_else(|| q.value.scale(), u32::from) as i32;
    (scale - shift).clamp(0, super::rounding::MAX_SCALE as i32) as u32
}

/// The display places of a per-unit figure: money per unit at 2 (35.13元/公斤), others at 0
/// (523公斤/亩).
fn per_unit_places(unit: Unit) -> u8 {
    if unit.numerator_is_money() { 2 } else { 0 }
}

impl Quantity {
    /// An exact quantity of `value` `magnitude` `unit` (10 万 元 → "10万元"), displayed with the
    /// digits `value` has.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the value in base units does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Magnitude, Quantity, Unit};
    /// let q = Quantity::new(Decimal::new(4400, 1), Magnitude::TenThousand, Unit::YUAN)?;
    /// assert_eq!(q.to_string(), "440.0万元");
    /// assert!(q.is_exact());
    /// assert_eq!(q, "4.4百万元".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(value: Decimal, magnitude: Magnitude, unit: Unit) -> Result<Quantity> {
        Ok(Quantity {
            value,
            base: base_value(value, magnitude, unit)?,
            precision: Precision::Exact,
            magnitude,
            unit,
            qualifier: None,
            places: None,
        })
    }

    /// The parts a column stores of a figure written without qualifier: the value, the base value,
    /// the precision, the magnitude and the unit; `None` for a qualified or computed figure.
    pub(crate) fn plain_parts(&self) -> Option<(Decimal, Decimal, Precision, Magnitude, Unit)> {
        (self.qualifier.is_none() && self.places.is_none()).then_some((
            self.value,
            self.base,
            self.precision,
            self.magnitude,
            self.unit,
        ))
    }

    /// The figure [`Quantity::plain_parts`] took apart.
    pub(crate) fn from_plain_parts(
        value: Decimal,
        base: Decimal,
        precision: Precision,
        magnitude: Magnitude,
        unit: Unit,
    ) -> Quantity {
        Quantity {
            value,
            base,
            precision,
            magnitude,
            unit,
            qualifier: None,
            places: None,
        }
    }

    /// A figure as written: `value` (with its written digits) in `magnitude` and `unit`, with the
    /// qualifier where it was written. Precise to the half-unit of its last digit, except a count
    /// written without decimals or magnitude ("44项", "661户"), which is exact, and a qualified
    /// figure, which is approximate.
    pub(crate) fn written(
        value: Decimal,
        magnitude: Magnitude,
        unit: Unit,
        qualifier: Option<(Qualifier, Place)>,
    ) -> Result<Quantity> {
        let whole_count =
            unit.dimension().is_count() && magnitude == Magnitude::One && value.scale() == 0;
        let precision = if qualifier.is_some() {
            Precision::Approximate
        } else if whole_count {
            Precision::Exact
        } else {
            Precision::Rounded {
                half_width: half_width(value, magnitude, unit)?,
            }
        };
        Ok(Quantity {
            precision,
            qualifier,
            ..Quantity::new(value, magnitude, unit)?
        })
    }

    /// A figure as a report writes it, from its decimal: what parsing `value` followed by
    /// `magnitude` and `unit` gives, without the text. Its last digit is its precision, except a
    /// count written without decimals or magnitude ("44项"), which is exact. For columns that
    /// hold figures as numbers (Arrow, a database) rather than text.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the value in base units does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Magnitude, Quantity, Unit};
    /// let q = Quantity::from_written(Decimal::new(23842990, 2), Magnitude::TenThousand, Unit::YUAN)?;
    /// assert_eq!(q, "238429.90万元".parse::<Quantity>()?);
    /// assert_eq!(q.precision(), "238429.90万元".parse::<Quantity>()?.precision());
    /// assert!(!q.is_exact()); // 238429.895 to 238429.905 万元
    /// # Ok::<(), tongji::Error>(())
    /// ```
    pub fn from_written(value: Decimal, magnitude: Magnitude, unit: Unit) -> Result<Quantity> {
        Quantity::written(value, magnitude, unit, None)
    }

    /// The value as written, in [`Quantity::magnitude`] and [`Quantity::unit`] (2.50 for
    /// "2.50亿元"), with every digit it has — a computed figure's too.
    ///
    /// # Examples
    ///
    /// ```
    /// let q: tongji::Quantity = "2.50亿元".parse()?;
    /// assert_eq!((q.value().to_string(), q.value().scale()), ("2.50".to_string(), 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The magnitude as written (亿 for "2.85亿元").
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Magnitude, Quantity};
    /// assert_eq!("2.85亿元".parse::<Quantity>()?.magnitude(), Magnitude::HundredMillion);
    /// assert_eq!("3千克".parse::<Quantity>()?.magnitude(), Magnitude::One); // 千克 is the unit
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn magnitude(&self) -> Magnitude {
        self.magnitude
    }

    /// The unit, as spelled (千克 stays 千克).
    ///
    /// # Examples
    ///
    /// ```
    /// let q: tongji::Quantity = "3万千克".parse()?;
    /// assert_eq!(q.unit().to_string(), "千克");
    /// assert_eq!(q.unit().base().to_string(), "公斤");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// What the quantity measures.
    ///
    /// # Examples
    ///
    /// ```
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// assert_eq!(q("101.2万公斤")?.dimension(), q("1吨")?.dimension());
    /// assert_ne!(q("1人")?.dimension(), q("1人次")?.dimension());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn dimension(&self) -> Dimension {
        self.unit.dimension()
    }

    /// The value in the dimension's base unit (元, 公斤, 亩 …), exact: "2.85亿元" → 285000000,
    /// "1.5公顷" → 22.5 (亩).
    ///
    /// # Examples
    ///
    /// ```
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// assert_eq!(q("2.85亿元")?.base_value().to_string(), "285000000");
    /// assert_eq!(q("1.5公顷")?.base_value().to_string(), "22.5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn base_value(&self) -> Decimal {
        self.base
    }

    /// How precisely the figure is known; see [`Precision`]. A parsed figure is rounded at its last
    /// written digit, a whole count exact, a qualified one approximate; [`Quantity::new`] and
    /// computed figures are exact.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Precision, Quantity};
    /// let q: Quantity = "46596万元".parse()?;
    /// assert_eq!(q.precision(), Precision::Rounded { half_width: "5000".parse()? }); // ± 0.5万元
    /// assert_eq!("3.5万户".parse::<Quantity>()?.precision(), Precision::Rounded { half_width: "500".parse()? });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The same figure marked exact: a target or budget is a set number, not a rounded one
    /// ("年度目标2.5亿元" is exactly 2.5亿元).
    ///
    /// # Examples
    ///
    /// ```
    /// let target: tongji::Quantity = "2.5亿元".parse()?;
    /// assert!(!target.is_exact());
    /// assert!(target.exact().is_exact());
    /// assert_eq!(target.exact().to_string(), "2.5亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
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
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// assert!(q("40项")?.is_exact());
    /// assert!(!q("2.5亿元")?.is_exact());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_exact(&self) -> bool {
        self.precision == Precision::Exact
    }

    /// The qualifier written with the figure (余, 以上, 约 …), if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Qualifier, Quantity};
    /// assert_eq!("约3万人次".parse::<Quantity>()?.qualifier(), Some(Qualifier::About));
    /// assert_eq!("1000万元".parse::<Quantity>()?.qualifier(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn qualifier(&self) -> Option<Qualifier> {
        self.qualifier.map(|(q, _)| q)
    }

    /// The values the figure stands for, in the dimension's base unit: one value if exact;
    /// `[v − h, v + h)` for a positive figure written at its last digit (四舍五入); the bounds of
    /// its word for a qualified one (see [`Qualifier`]); the range its operands allow for a
    /// computed one.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Quantity;
    /// let q = |s: &str| s.parse::<Quantity>();
    /// assert_eq!(q("2.68亿元")?.interval().to_string(), "[267500000, 268500000)");
    /// assert_eq!(q("200余亩")?.interval().to_string(), "(200, 300)");
    /// assert_eq!(q("1000万元以上")?.interval().to_string(), "[10000000, ∞)");
    /// assert_eq!(q("约3万人次")?.interval().to_string(), "[25000, 35000)");
    /// assert!(q("44项")?.interval().is_point());
    /// let left = q("2.85亿元")?.checked_sub(&q("2.68亿元")?)?; // 剩余0.17亿元, within (0.16, 0.18)亿元
    /// assert_eq!(left.interval().to_string(), "(16000000, 18000000)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn interval(&self) -> Interval {
        match (self.precision, self.qualifier) {
            (Precision::Approximate, Some((q, _))) => q
                .interval(self.value)
                .and_then(|i| self.base_interval_of(&i).ok())
                .unwrap_or_else(Interval::unbounded),
            (p, _) => p.interval_of(self.base).unwrap_or_else(Interval::unbounded),
        }
    }

    /// An interval in the figure's written magnitude and unit, in base units.
    fn base_interval_of(&self, written: &Interval) -> Result<Interval> {
        let factor = self.unit.factor();
        let scale = shift10(factor.numerator(), self.magnitude.exponent())
            .ok_or_else(|| Error::overflow("the value in base units"))?;
        written
            .scaled(scale)?
            .checked_div(&Interval::point(factor.denominator()))
    }

    /// The qualifier's word if it stands at `place`, else "".
    pub(crate) fn qualifier_at(&self, place: Place) -> &'static str {
        match self.qualifier {
            Some((q, p)) if p == place => q.as_str(),
            _ => "",
        }
    }

    /// The same amount written in another magnitude, exactly: "2.85亿元" → "28500万元",
    /// "46596万元" → "4.6596亿元". The written precision is kept ("28500万元" → "2.8500亿元").
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the digits do not fit a decimal (28 significant digits).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Magnitude, Quantity};
    /// let q: Quantity = "46596万元".parse()?;
    /// assert_eq!(q.to_magnitude(Magnitude::HundredMillion)?.to_string(), "4.6596亿元");
    /// assert_eq!(q.to_magnitude(Magnitude::One)?.to_string(), "465960000元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_magnitude(&self, magnitude: Magnitude) -> Result<Quantity> {
        let shift = self.magnitude.exponent() - magnitude.exponent();
        let value = shift10(self.value, shift)
            .ok_or_else(|| Error::overflow("the value in another magnitude"))?;
        Ok(Quantity {
            value,
            magnitude,
            places: self
                .places
                .map(|_| shown_scale_in(self, magnitude).min(u32::from(u8::MAX)) as u8),
            ..*self
        })
    }

    /// The same amount in another unit of the same dimension: "101.2万公斤" → "1012万斤" (斤),
    /// "1.5公顷" → "22.5亩". The magnitude is kept.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`] across dimensions; [`crate::ErrorKind::Inexact`] when
    /// the result has no exact decimal form ("1亩" in 公顷 is 1/15); [`crate::ErrorKind::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Quantity, Unit};
    /// let q: Quantity = "1.5公顷".parse()?;
    /// assert_eq!(q.to_unit(Unit::MU)?.to_string(), "22.5亩");
    /// assert_eq!("1亩".parse::<Quantity>()?.to_unit(Unit::HECTARE).unwrap_err().to_string(),
    ///            "1亩 has no exact decimal form in 公顷");
    /// assert!(q.to_unit(Unit::YUAN).unwrap_err().is_unit_mismatch());
    /// // Into its own unit a figure is unchanged, every written digit kept.
    /// let tourists: Quantity = "74.20万人次".parse()?;
    /// assert_eq!(tourists.to_unit(tourists.unit())?.to_string(), "74.20万人次");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_unit(&self, unit: Unit) -> Result<Quantity> {
        if unit == self.unit {
            return Ok(*self);
        }
        if unit.dimension() != self.dimension() {
            return Err(Error::mismatch(self.unit, unit));
        }
        let value = express(self.base, unit, self.magnitude, 0)
            .ok_or_else(|| Error::inexact(self, unit))?;
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
    /// [`crate::ErrorKind::UnitMismatch`] across dimensions; [`crate::ErrorKind::Overflow`].
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
        self.combine(other, false)
    }

    /// `self − other`, like [`Quantity::checked_add`]: 在库总投资53670万元 − 出数46596万元 = 7074万元.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`] across dimensions; [`crate::ErrorKind::Overflow`].
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
        self.combine(other, true)
    }

    /// `self + other`, or `self − other` when `subtract`: the value, and the interval the two
    /// operands' intervals allow.
    fn combine(&self, other: &Quantity, subtract: bool) -> Result<Quantity> {
        if self.dimension() != other.dimension() {
            return Err(Error::mismatch(self.unit, other.unit));
        }
        // Exact or an error: a sum past 28 digits is not rounded.
        let (operation, base) = if subtract {
            ("subtraction", exact_sub(self.base, other.base))
        } else {
            ("addition", exact_add(self.base, other.base))
        };
        let base = base.ok_or_else(|| Error::overflow(operation))?;
        let precision = Precision::derived(self.is_exact() && other.is_exact(), || {
            let (a, b) = (self.interval(), other.interval());
            if subtract {
                a.checked_sub(&b)
            } else {
                a.checked_add(&b)
            }
        });
        let computed = self.places.is_some() || other.places.is_some();
        let candidates = [
            (self.unit, self.magnitude),
            (other.unit, other.magnitude),
            (self.unit.base(), Magnitude::One),
        ];
        for (unit, magnitude) in candidates {
            let shown = shown_scale_in(self, magnitude).max(shown_scale_in(other, magnitude));
            let min_scale = if computed { 0 } else { shown };
            if let Some(value) = express(base, unit, magnitude, min_scale) {
                return Ok(Quantity {
                    value,
                    base,
                    precision,
                    magnitude,
                    unit,
                    qualifier: None,
                    places: computed.then(|| shown.min(u32::from(u8::MAX)) as u8),
                });
            }
        }
        Err(Error::overflow(operation))
    }

    /// The sum of `items`, which must share one dimension; `None` for an empty iterator.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`] or [`crate::ErrorKind::Overflow`] from
    /// [`Quantity::checked_add`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Quantity;
    /// let parts: Vec<Quantity> = ["1.2亿元", "3400万元", "56万元"].iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
    /// assert_eq!(Quantity::checked_sum(&parts)?.unwrap().to_string(), "1.5456亿元");
    /// assert!(Quantity::checked_sum(&[])?.is_none());
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

    /// The value rounded once at its magnitude: "3554.85万元" at 0 places → "3555万元". The result is
    /// a figure written with exactly those places, precise to the half-unit of its last digit.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] in the (rare) case where the rounded value no longer fits.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Precision, Quantity, Rounding, RoundingMode};
    /// let q: Quantity = "3554.85万元".parse()?;
    /// assert_eq!(q.rounded(Rounding::new(1))?.to_string(), "3554.9万元");
    /// assert_eq!(q.rounded(Rounding::new(1).with_mode(RoundingMode::HalfEven))?.to_string(), "3554.8万元");
    /// assert_eq!(q.rounded(Rounding::new(0))?.precision(), Precision::Rounded { half_width: "5000".parse()? });
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
            places: None,
            ..*self
        })
    }

    /// Whether the value is zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Quantity;
    /// let d = "2.68亿元".parse::<Quantity>()?.checked_sub(&"26800万元".parse()?)?;
    /// assert!(d.is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_zero(&self) -> bool {
        self.base.is_zero()
    }

    /// Whether the value is below zero (a loss, a fall).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Quantity;
    /// assert!("-120万元".parse::<Quantity>()?.is_negative());
    /// assert!(!"-0万元".parse::<Quantity>()?.is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.base.is_sign_negative() && !self.base.is_zero()
    }

    /// A figure computed in a unit (from a division): of `precision`, displayed at `places`.
    pub(crate) fn computed(
        value: Decimal,
        unit: Unit,
        places: u8,
        precision: Precision,
    ) -> Result<Quantity> {
        Ok(Quantity {
            places: Some(places),
            precision,
            ..Quantity::new(value, Magnitude::One, unit)?
        })
    }

    /// Exactly 0 of `unit`.
    #[cfg(any(feature = "proptest", feature = "arbitrary"))]
    pub(crate) fn zero(unit: Unit) -> Quantity {
        Quantity {
            value: Decimal::ZERO,
            base: Decimal::ZERO,
            precision: Precision::Exact,
            magnitude: Magnitude::One,
            unit,
            qualifier: None,
            places: None,
        }
    }

    /// A per-unit figure (均价, 亩产, 户均 …): computed, displayed by the per-unit default.
    pub(crate) fn per_unit(value: Decimal, unit: Unit, precision: Precision) -> Result<Quantity> {
        Quantity::computed(value, unit, per_unit_places(unit), precision)
    }

    /// The value as displayed: rounded for a computed figure, as written otherwise.
    pub(crate) fn shown_value(&self, places: Option<usize>) -> Decimal {
        match (places, self.places) {
            (Some(p), _) => Rounding::new(u32::try_from(p).unwrap_or(u32::MAX)).apply(self.value),
            (None, Some(p)) => Rounding::new(u32::from(p)).apply(self.value),
            (None, None) => self.value,
        }
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
        self.same_dimension_as(other.unit)
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
    /// The figure as written ("2.50亿元"); a computed one at its default places. With a precision
    /// (`{:.2}`) the value is rounded half away from zero to that many places.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.shown_value(f.precision());
        crate::text::layout::write_padded(f, |w| {
            crate::text::figure::write_quantity(w, self, value)
        })
    }
}

impl FromStr for Quantity {
    type Err = Error;

    /// Parses a figure with a unit: `[约|近|超|逾] number [余|多] [magnitude] [余|多] unit [以上|左右]`.
    fn from_str(s: &str) -> Result<Quantity> {
        crate::text::figure::parse_quantity(s)
    }
}

impl Quantity {
    /// Every digit: the written text of a written figure, the full value of a computed one.
    pub(crate) fn exact_text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = crate::text::figure::write_quantity(&mut out, self, self.value);
        out
    }
}

// Serialized with every digit, so that JSON gives back the same value.
crate::text::serde_figure!(
    Quantity,
    exact: Quantity::exact_text,
    computed: |q: &Quantity| q.places.is_some(),
    // A computed quantity displays at the places its printed form shows.
    from_computed: |q: Quantity, shown: &str| shown
        .parse::<Quantity>()
        .map(|s| Quantity { places: Some(u8::try_from(s.value.scale()).unwrap_or(u8::MAX)), ..q })
);

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer rule gives `base_value`'s mantissa and scale wherever it answers.
    #[test]
    fn base_rule_is_base_value() {
        let units = [
            "元",
            "美元",
            "公斤",
            "吨",
            "克",
            "亩",
            "公顷",
            "平方米",
            "人",
            "项",
            "元/公斤",
            "公斤/亩",
            "千米",
        ];
        let magnitudes = [
            Magnitude::One,
            Magnitude::Ten,
            Magnitude::Thousand,
            Magnitude::TenThousand,
            Magnitude::HundredMillion,
            Magnitude::Trillion,
        ];
        let mantissas = [
            0i64,
            1,
            -7,
            35,
            23842989,
            -99999,
            999_999_999_999_999_999,
            i64::MIN + 1,
        ];
        let mut answered = 0;
        for u in units {
            let unit: Unit = u.parse().unwrap();
            for m in magnitudes {
                let Some(rule) = BaseRule::of(m, unit) else {
                    continue;
                };
                for mantissa in mantissas {
                    for scale in [0, 1, 2, 4, 9, 20, 27, 28] {
                        let value = Decimal::new(mantissa, scale);
                        let general = base_value(value, m, unit).ok();
                        if let Some((bm, bs)) = rule.base(mantissa, scale) {
                            answered += 1;
                            let g = general.unwrap();
                            assert_eq!(
                                (i128::from(bm), bs),
                                (g.mantissa(), g.scale()),
                                "{value} {m:?} {u}"
                            );
                        }
                    }
                }
            }
        }
        assert!(answered > 1000, "{answered}");
    }

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
        assert_eq!(q("3千克").magnitude(), Magnitude::One);
        assert_eq!(q("3个").magnitude(), Magnitude::One);
        assert_eq!(q("3万亿元").magnitude(), Magnitude::Trillion);
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
    fn whole_counts_are_exact_and_others_rounded() {
        assert!(q("8项").is_exact());
        assert!(q("661户").is_exact());
        assert!(!q("3.5万户").is_exact());
        assert!(!q("8.0项").is_exact());
        assert!(!q("8人次").is_exact()); // 人次 is person-time, not a count of things
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
        use crate::ErrorKind;
        assert!(q_err("X亿元").is_placeholder());
        assert!(q_err("XX万人次").is_placeholder());
        assert!(q_err("—").is_placeholder());
        assert_eq!(
            q_err("3光年").to_string(),
            r#"unknown unit "光年" in "3光年""#
        );
        assert_eq!(q_err("3").kind(), ErrorKind::Parse);
        assert_eq!(
            q_err("亿元").to_string(),
            r#"cannot parse "亿元" as a quantity: expected a number (at byte 0)"#
        );
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
        assert!(q_err("99999999999999999999999万亿元").is_overflow());
    }

    #[test]
    fn arithmetic_keeps_units_and_precision() {
        let sum = q("2.85亿元").checked_add(&q("46596万元")).unwrap();
        assert_eq!(sum.to_string(), "7.5096亿元");
        // ± 50万元 and ± 0.5万元: the sum is within ± 50.5万元.
        assert_eq!(sum.interval().to_string(), "[750455000, 751465000)");
        let area = q("1公顷").checked_add(&q("1亩")).unwrap();
        assert_eq!(area.to_string(), "16亩");
        assert_eq!(
            q("1亩").checked_add(&q("1平方米")).unwrap().to_string(),
            "1.0015亩"
        );
    }

    #[test]
    fn computed_figures_display_rounded_and_keep_their_digits() {
        let price = Quantity::per_unit(
            "35.126976".parse().unwrap(),
            "元/公斤".parse().unwrap(),
            Precision::Exact,
        )
        .unwrap();
        assert_eq!(price.to_string(), "35.13元/公斤");
        assert_eq!(format!("{price:.4}"), "35.1270元/公斤");
        assert_eq!(price.exact_text(), "35.126976元/公斤");
        // In 万 the same figure displays at 6 places, the same digits as before.
        let wan = price.to_magnitude(Magnitude::TenThousand).unwrap();
        assert_eq!(wan.to_string(), "0.003513万元/公斤");
        let yield_ = Quantity::per_unit(
            "523.4".parse().unwrap(),
            "公斤/亩".parse().unwrap(),
            Precision::Exact,
        )
        .unwrap();
        assert_eq!(yield_.to_string(), "523公斤/亩");
    }

    #[test]
    fn format_precision_rounds_half_away() {
        assert_eq!(format!("{:.1}", q("0.25万元")), "0.3万元");
        assert_eq!(format!("{:.1}", q("-0.25万元")), "-0.3万元");
        assert_eq!(format!("{:>8}", q("3万元")), "     3万元");
    }

    #[test]
    fn the_last_digit_must_fit_a_decimal() {
        // 28 decimals of 平方米 is below 10⁻²⁸ 亩: refused, never rounded to another precision.
        assert!(q_err("0.0000000000000000000000000001平方米").is_overflow());
    }
}
