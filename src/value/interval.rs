//! `Interval`: the values a figure may stand for, in exact decimals, each end closed, open or
//! unbounded. "2.68" written at 2 places stands for [2.675, 2.685); "1000万元以上" for [1000万, ∞).

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;

use super::rounding::{MAX_SCALE, RoundingMode, exact_mul, is_exact_quotient, shift10};
use crate::{Error, Result};

/// One end of an interval: a value, and whether it belongs to the interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct End {
    value: Decimal,
    closed: bool,
}

/// A set of values between two ends, each closed or open, or unbounded; the exact range a figure
/// written with rounding stands for, and the range a formula gives over such figures.
///
/// Arithmetic is outward: where a decimal operation would round (a quotient such as 1/3), the end
/// is moved out by one unit of its last digit, so a result always contains the exact result of any
/// operands drawn from the operands' intervals.
///
/// # Examples
///
/// ```
/// use tongji::{Decimal, Interval, RoundingMode};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // "2.68" at 2 places, 四舍五入: the values from 2.675 up to (not including) 2.685.
/// let actual = Interval::rounding(d("2.68"), 2, RoundingMode::HalfAwayFromZero);
/// assert_eq!(actual.to_string(), "[2.675, 2.685)");
/// // Of an exact target of 2.5: [107.0, 107.4) percent — 107.42% is not in it.
/// let completion = actual.checked_div(&Interval::point(d("2.5")))?.checked_mul(&Interval::point(d("100")))?;
/// assert_eq!(completion.to_string(), "[107, 107.4)");
/// assert!(!completion.intersects(&Interval::rounding(d("107.42"), 2, RoundingMode::HalfAwayFromZero)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    lo: Option<End>,
    hi: Option<End>,
}

/// A value on the extended line, for the corners of a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ext {
    NegInf,
    Fin(Decimal),
    PosInf,
}

impl Ext {
    fn cmp(self, other: Ext) -> Ordering {
        match (self, other) {
            (Ext::Fin(a), Ext::Fin(b)) => a.cmp(&b),
            (a, b) if a == b => Ordering::Equal,
            (Ext::NegInf, _) | (_, Ext::PosInf) => Ordering::Less,
            _ => Ordering::Greater,
        }
    }

    fn sign(self) -> Ordering {
        match self {
            Ext::NegInf => Ordering::Less,
            Ext::PosInf => Ordering::Greater,
            Ext::Fin(d) => d.cmp(&Decimal::ZERO),
        }
    }
}

/// One unit of the last digit of `d`.
fn ulp(d: Decimal) -> Decimal {
    Decimal::new(1, d.scale())
}

/// `a + b` as (at most, at least) bounds: equal when the sum is exact.
fn add_bounds(a: Decimal, b: Decimal) -> Option<(Decimal, Decimal)> {
    let r = a.checked_add(b)?;
    if r.scale() >= a.scale().max(b.scale()) {
        Some((r, r))
    } else {
        Some((r.checked_sub(ulp(r))?, r.checked_add(ulp(r))?))
    }
}

fn mul_bounds(a: Decimal, b: Decimal) -> Option<(Decimal, Decimal)> {
    if let Some(r) = exact_mul(a, b) {
        return Some((r, r));
    }
    let r = a.checked_mul(b)?;
    Some((r.checked_sub(ulp(r))?, r.checked_add(ulp(r))?))
}

/// A mantissa with no room for another digit: 2⁹⁶ / 10.
const FULL_MANTISSA: u128 = (1 << 96) / 10;

fn div_bounds(a: Decimal, b: Decimal) -> Option<(Decimal, Decimal)> {
    if b.is_zero() {
        return None;
    }
    let r = a.checked_div(b)?;
    // A quotient carried to all the digits a decimal holds is taken as rounded without testing:
    // at worst an exact one is widened by a unit of its last digit, which still encloses it.
    let full = r.scale() == MAX_SCALE || r.mantissa().unsigned_abs() >= FULL_MANTISSA;
    if !full && is_exact_quotient(a, b, r) {
        return Some((r, r));
    }
    // A quotient carried to 28 digits is within half a unit of its last digit of the true one.
    let unit = if r.scale() < MAX_SCALE {
        ulp(r)
    } else {
        Decimal::new(1, MAX_SCALE)
    };
    Some((r.checked_sub(unit)?, r.checked_add(unit)?))
}

/// A corner of a product: (value at most, value at least, attained).
type Corner = (Ext, Ext, bool);

fn mul_corner(a: (Ext, bool), b: (Ext, bool)) -> Option<Corner> {
    let closed = a.1 && b.1;
    Some(match (a.0, b.0) {
        (Ext::Fin(x), Ext::Fin(y)) => {
            let (down, up) = mul_bounds(x, y)?;
            (Ext::Fin(down), Ext::Fin(up), closed && down == up)
        }
        // 0 × ∞ is the limit of 0 × y: zero, attained when the zero end is.
        (Ext::Fin(z), _) if z.is_zero() => (Ext::Fin(z), Ext::Fin(z), a.1),
        (_, Ext::Fin(z)) if z.is_zero() => (Ext::Fin(z), Ext::Fin(z), b.1),
        (x, y) => {
            let inf = if x.sign() == y.sign() {
                Ext::PosInf
            } else {
                Ext::NegInf
            };
            (inf, inf, false)
        }
    })
}

fn end_of(e: Ext, closed: bool) -> Option<End> {
    match e {
        Ext::Fin(value) => Some(End { value, closed }),
        _ => None,
    }
}

impl Interval {
    /// The one value `v` (an exact figure).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// let target = Interval::point(Decimal::new(44000, 0)); // 年度任务数44000万元, a set number
    /// assert!(target.is_point());
    /// assert!(target.contains(Decimal::new(44000, 0)));
    /// ```
    #[must_use]
    pub const fn point(v: Decimal) -> Interval {
        let end = Some(End {
            value: v,
            closed: true,
        });
        Interval { lo: end, hi: end }
    }

    /// `[lo, hi]`, both ends included.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] when `lo` is above `hi`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// let i = Interval::closed(Decimal::new(105, 0), Decimal::new(107, 0))?;
    /// assert!(i.contains(Decimal::new(107, 0)));
    /// assert!(Interval::closed(Decimal::new(2, 0), Decimal::ONE).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closed(lo: Decimal, hi: Decimal) -> Result<Interval> {
        Interval::between(lo, true, hi, true)
    }

    /// `[lo, hi)`: the range a figure rounded half up stands for.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] when `lo` is not below `hi`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// let i = Interval::half_open(Decimal::new(2675, 3), Decimal::new(2685, 3))?;
    /// assert!(i.contains(Decimal::new(2675, 3)) && !i.contains(Decimal::new(2685, 3)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn half_open(lo: Decimal, hi: Decimal) -> Result<Interval> {
        Interval::between(lo, true, hi, false)
    }

    /// `[v, ∞)`: "1000万元以上".
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// let i = Interval::at_least(Decimal::new(1000, 0));
    /// assert!(i.contains(Decimal::new(1000, 0)) && i.upper().is_none());
    /// ```
    #[must_use]
    pub const fn at_least(v: Decimal) -> Interval {
        Interval {
            lo: Some(End {
                value: v,
                closed: true,
            }),
            hi: None,
        }
    }

    /// `(v, ∞)`: "超100亿元", "逾百万".
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// assert!(!Interval::above(Decimal::ONE_HUNDRED).contains(Decimal::ONE_HUNDRED));
    /// ```
    #[must_use]
    pub const fn above(v: Decimal) -> Interval {
        Interval {
            lo: Some(End {
                value: v,
                closed: false,
            }),
            hi: None,
        }
    }

    /// Every value: what a figure computed over a divisor that may be zero can be.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// assert!(Interval::unbounded().contains(Decimal::MAX));
    /// assert_eq!(Interval::unbounded().to_string(), "(-∞, ∞)");
    /// ```
    #[must_use]
    pub const fn unbounded() -> Interval {
        Interval { lo: None, hi: None }
    }

    pub(crate) fn between(
        lo: Decimal,
        lo_closed: bool,
        hi: Decimal,
        hi_closed: bool,
    ) -> Result<Interval> {
        let ok = match lo.cmp(&hi) {
            Ordering::Less => true,
            Ordering::Equal => lo_closed && hi_closed,
            Ordering::Greater => false,
        };
        if !ok {
            return Err(Error::out_of_range(
                "interval",
                format_args!("{lo} to {hi}"),
                "a lower end below the upper end",
            ));
        }
        Ok(Interval {
            lo: Some(End {
                value: lo,
                closed: lo_closed,
            }),
            hi: Some(End {
                value: hi,
                closed: hi_closed,
            }),
        })
    }

    /// The values that print as `value` when rounded to `places` by `mode`: for 四舍五入 (half
    /// away from zero) `[v − h, v + h)` for a positive `v` (h is half a unit of the last place),
    /// `(v − h, v + h]` for a negative one; for half-even the ends belong when the last digit is
    /// even; for truncation `[v, v + unit)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval, RoundingMode};
    /// let d = |s: &str| s.parse::<Decimal>().unwrap();
    /// assert_eq!(Interval::rounding(d("-2.3"), 1, RoundingMode::HalfAwayFromZero).to_string(), "(-2.35, -2.25]");
    /// assert_eq!(Interval::rounding(d("2.4"), 1, RoundingMode::HalfEven).to_string(), "[2.35, 2.45]");
    /// assert_eq!(Interval::rounding(d("2.3"), 1, RoundingMode::HalfEven).to_string(), "(2.25, 2.35)");
    /// assert_eq!(Interval::rounding(d("107.4"), 1, RoundingMode::Truncate).to_string(), "[107.4, 107.5)");
    /// ```
    #[must_use]
    pub fn rounding(value: Decimal, places: u32, mode: RoundingMode) -> Interval {
        let places = places.min(MAX_SCALE - 1);
        let half = Decimal::new(5, places + 1);
        let unit = Decimal::new(1, places);
        // v ± half a unit, built from the mantissa when v is written at `places` (nearly always):
        // no decimal addition, which rescales.
        let halves = || {
            if value.scale() != places {
                return None;
            }
            let m = value.mantissa().checked_mul(10)?;
            let lo = Decimal::try_from_i128_with_scale(m - 5, places + 1).ok()?;
            let hi = Decimal::try_from_i128_with_scale(m + 5, places + 1).ok()?;
            Some((lo, hi))
        };
        let (v_lo, v_hi) = halves().unwrap_or_else(|| (value - half, value + half));
        let sign = value.cmp(&Decimal::ZERO);
        let end = |value: Decimal, closed: bool| Some(End { value, closed });
        // The ends never overflow for a value a figure holds: they differ from it by less than 1.
        let (lo, hi) = match mode {
            RoundingMode::HalfAwayFromZero => {
                let (l, h) = (v_lo, v_hi);
                match sign {
                    Ordering::Greater => (end(l, true), end(h, false)),
                    Ordering::Less => (end(l, false), end(h, true)),
                    Ordering::Equal => (end(l, false), end(h, false)),
                }
            }
            RoundingMode::HalfEven => {
                let last_even = (value.mantissa().unsigned_abs()
                    / 10u128.pow(value.scale().saturating_sub(places)))
                    % 2
                    == 0;
                (end(v_lo, last_even), end(v_hi, last_even))
            }
            RoundingMode::Truncate => match sign {
                Ordering::Greater => (end(value, true), end(value + unit, false)),
                Ordering::Less => (end(value - unit, false), end(value, true)),
                Ordering::Equal => (end(-unit, false), end(unit, false)),
            },
        };
        Interval { lo, hi }
    }

    /// The lower end, if bounded.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// assert_eq!(Interval::above(Decimal::TEN).lower(), Some(Decimal::TEN));
    /// ```
    #[must_use]
    pub fn lower(&self) -> Option<Decimal> {
        self.lo.map(|e| e.value)
    }

    /// The upper end, if bounded.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// assert_eq!(Interval::at_least(Decimal::TEN).upper(), None);
    /// ```
    #[must_use]
    pub fn upper(&self) -> Option<Decimal> {
        self.hi.map(|e| e.value)
    }

    /// Whether the lower end belongs to the interval (false when unbounded).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval, RoundingMode};
    /// let i = Interval::rounding(Decimal::new(268, 2), 2, RoundingMode::HalfAwayFromZero);
    /// assert!(i.is_lower_closed() && !i.is_upper_closed());
    /// ```
    #[must_use]
    pub fn is_lower_closed(&self) -> bool {
        self.lo.is_some_and(|e| e.closed)
    }

    /// Whether the upper end belongs to the interval (false when unbounded).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// assert!(Interval::point(Decimal::ONE).is_upper_closed());
    /// ```
    #[must_use]
    pub fn is_upper_closed(&self) -> bool {
        self.hi.is_some_and(|e| e.closed)
    }

    /// Whether the interval is one value.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// let sum = Interval::point(Decimal::ONE).checked_add(&Interval::point(Decimal::TWO))?;
    /// assert!(sum.is_point()); // exact figures give an exact sum
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_point(&self) -> bool {
        matches!((self.lo, self.hi), (Some(a), Some(b)) if a.value == b.value && a.closed && b.closed)
    }

    /// Whether `v` is in the interval.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// let i = Interval::half_open(Decimal::ONE, Decimal::TWO)?;
    /// assert!(i.contains(Decimal::ONE) && !i.contains(Decimal::TWO));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contains(&self, v: Decimal) -> bool {
        let above_lo = self.lo.is_none_or(|e| match v.cmp(&e.value) {
            Ordering::Greater => true,
            Ordering::Equal => e.closed,
            Ordering::Less => false,
        });
        let below_hi = self.hi.is_none_or(|e| match v.cmp(&e.value) {
            Ordering::Less => true,
            Ordering::Equal => e.closed,
            Ordering::Greater => false,
        });
        above_lo && below_hi
    }

    /// Whether the two intervals share a value.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// let a = Interval::half_open(Decimal::ZERO, Decimal::ONE)?;
    /// let b = Interval::half_open(Decimal::ONE, Decimal::TWO)?;
    /// assert!(!a.intersects(&b)); // [0, 1) and [1, 2) touch but share nothing
    /// assert!(b.intersects(&Interval::closed(Decimal::ZERO, Decimal::ONE)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn intersects(&self, other: &Interval) -> bool {
        // A lower end of one against the upper end of the other.
        let separated = |lo: Option<End>, hi: Option<End>| match (lo, hi) {
            (Some(l), Some(h)) => match l.value.cmp(&h.value) {
                Ordering::Greater => true,
                Ordering::Equal => !(l.closed && h.closed),
                Ordering::Less => false,
            },
            _ => false,
        };
        !separated(self.lo, other.hi) && !separated(other.lo, self.hi)
    }

    /// How far `v` lies outside the interval: `v − upper` above it (positive), `v − lower` below
    /// it (negative), zero inside or on an end.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// let d = |s: &str| s.parse::<Decimal>().unwrap();
    /// let allowed = Interval::half_open(d("107.0"), d("107.4"))?;
    /// assert_eq!(allowed.distance(d("107.42")), d("0.02"));
    /// assert_eq!(allowed.distance(d("107.2")), d("0"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn distance(&self, v: Decimal) -> Decimal {
        if let Some(h) = self.hi {
            if v > h.value {
                return v.checked_sub(h.value).unwrap_or(Decimal::MAX);
            }
        }
        if let Some(l) = self.lo {
            if v < l.value {
                return v.checked_sub(l.value).unwrap_or(Decimal::MIN);
            }
        }
        Decimal::ZERO
    }

    /// Whether the interval holds zero or reaches it (an end at zero): no quotient by it.
    #[must_use]
    pub(crate) fn reaches_zero(&self) -> bool {
        let z = Decimal::ZERO;
        let lo_below = self.lo.is_none_or(|e| e.value <= z);
        let hi_above = self.hi.is_none_or(|e| e.value >= z);
        lo_below && hi_above
    }

    /// `−self`.
    pub(crate) fn neg(self) -> Interval {
        let flip = |e: Option<End>| {
            e.map(|e| End {
                value: -e.value,
                closed: e.closed,
            })
        };
        Interval {
            lo: flip(self.hi),
            hi: flip(self.lo),
        }
    }

    /// `self + other`: the sums of any two values of the intervals.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when an end does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval, RoundingMode};
    /// let r = |s: &str| Interval::rounding(s.parse().unwrap(), 2, RoundingMode::HalfAwayFromZero);
    /// assert_eq!(r("2.85").checked_add(&r("-2.68"))?.to_string(), "(0.16, 0.18)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(&self, other: &Interval) -> Result<Interval> {
        let overflow = || Error::overflow("the end of an interval");
        let lo = match (self.lo, other.lo) {
            (Some(a), Some(b)) => {
                let (down, up) = add_bounds(a.value, b.value).ok_or_else(overflow)?;
                Some(End {
                    value: down,
                    closed: (a.closed && b.closed) || down != up,
                })
            }
            _ => None,
        };
        let hi = match (self.hi, other.hi) {
            (Some(a), Some(b)) => {
                let (down, up) = add_bounds(a.value, b.value).ok_or_else(overflow)?;
                Some(End {
                    value: up,
                    closed: (a.closed && b.closed) || down != up,
                })
            }
            _ => None,
        };
        Ok(Interval { lo, hi })
    }

    /// `self − other`.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when an end does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval, RoundingMode};
    /// let r = |s: &str| Interval::rounding(s.parse().unwrap(), 0, RoundingMode::HalfAwayFromZero);
    /// // 在库总投资53670万元 − 出数46596万元: the remainder is between 7073 and 7075, not 5992.
    /// let left = r("53670").checked_sub(&r("46596"))?;
    /// assert_eq!(left.to_string(), "(7073, 7075)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sub(&self, other: &Interval) -> Result<Interval> {
        self.checked_add(&other.neg())
    }

    /// `self × other`: exact range over both intervals (the extremes are at the corners), outward
    /// where a product rounds.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when an end does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval};
    /// let d = |s: &str| s.parse::<Decimal>().unwrap();
    /// let i = Interval::closed(d("-1"), d("2"))?.checked_mul(&Interval::half_open(d("3"), d("4"))?)?;
    /// assert_eq!(i.to_string(), "(-4, 8)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_mul(&self, other: &Interval) -> Result<Interval> {
        let overflow = || Error::overflow("the end of an interval");
        if let Some(k) = other.as_point() {
            return self.times(k).ok_or_else(overflow);
        }
        if let Some(k) = self.as_point() {
            return other.times(k).ok_or_else(overflow);
        }
        if let (Some(a), Some(b)) = (self.positive_ends(), other.positive_ends()) {
            // Both above zero: the least product is of the lower ends, the greatest of the upper.
            return Interval::from_corners(
                mul_bounds(a.0.value, b.0.value),
                a.0,
                b.0,
                mul_bounds(a.1.value, b.1.value),
                a.1,
                b.1,
            )
            .ok_or_else(overflow);
        }
        let ends = |i: &Interval| {
            [
                i.lo.map_or((Ext::NegInf, false), |e| (Ext::Fin(e.value), e.closed)),
                i.hi.map_or((Ext::PosInf, false), |e| (Ext::Fin(e.value), e.closed)),
            ]
        };
        let mut corners = Vec::with_capacity(4);
        for a in ends(self) {
            for b in ends(other) {
                corners.push(mul_corner(a, b).ok_or_else(overflow)?);
            }
        }
        let lo = corners
            .iter()
            .map(|c| c.0)
            .min_by(|a, b| a.cmp(*b))
            .unwrap_or(Ext::NegInf);
        let hi = corners
            .iter()
            .map(|c| c.1)
            .max_by(|a, b| a.cmp(*b))
            .unwrap_or(Ext::PosInf);
        let attained = |v: Ext, of: fn(&Corner) -> Ext| {
            corners.iter().any(|c| of(c) == v && c.2)
                || corners.iter().any(|c| of(c) == v && c.0 != c.1)
        };
        Ok(Interval {
            lo: end_of(lo, attained(lo, |c| c.0)),
            hi: end_of(hi, attained(hi, |c| c.1)),
        })
    }

    /// `self ÷ other`, for a divisor that stays away from zero.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::ZeroBase`] when the divisor's interval holds or reaches zero;
    /// [`crate::ErrorKind::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Interval, RoundingMode};
    /// let r = |s: &str, p| Interval::rounding(s.parse().unwrap(), p, RoundingMode::HalfAwayFromZero);
    /// // 均价: 3554.85万元 over 101.2万公斤, in 元/公斤.
    /// let price = r("3554.85", 2).checked_div(&r("101.2", 1))?;
    /// assert!(price.contains("35.13".parse()?));
    /// assert!(Interval::point(Decimal::ONE).checked_div(&r("0", 1)).unwrap_err().is_zero_base());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_div(&self, other: &Interval) -> Result<Interval> {
        if other.reaches_zero() {
            return Err(Error::zero_base("the divisor's interval"));
        }
        let overflow = || Error::overflow("the end of an interval");
        if let Some(k) = other.as_point() {
            return self.over(k).ok_or_else(overflow);
        }
        if let (Some(a), Some(b)) = (self.positive_ends(), other.positive_ends()) {
            // Both above zero: from the least over the greatest to the greatest over the least.
            return Interval::from_corners(
                div_bounds(a.0.value, b.1.value),
                a.0,
                b.1,
                div_bounds(a.1.value, b.0.value),
                a.1,
                b.0,
            )
            .ok_or_else(overflow);
        }
        // 1 / [a, b] = [1/b, 1/a] on either side of zero; 1/∞ is an open zero.
        let inverse = |e: Option<End>, lower: bool| -> Result<End> {
            match e {
                None => Ok(End {
                    value: Decimal::ZERO,
                    closed: false,
                }),
                Some(e) => {
                    let (down, up) = div_bounds(Decimal::ONE, e.value).ok_or_else(overflow)?;
                    Ok(End {
                        value: if lower { down } else { up },
                        closed: e.closed || down != up,
                    })
                }
            }
        };
        let reciprocal = Interval {
            lo: Some(inverse(other.hi, true)?),
            hi: Some(inverse(other.lo, false)?),
        };
        self.checked_mul(&reciprocal)
    }
}

impl Interval {
    /// `self × k` for an exact `k`.
    pub(crate) fn scaled(&self, k: Decimal) -> Result<Interval> {
        self.checked_mul(&Interval::point(k))
    }

    /// The interval between optional ends (value, closed); `None` is unbounded. The ends must be
    /// in order.
    pub(crate) fn with_ends(lo: Option<(Decimal, bool)>, hi: Option<(Decimal, bool)>) -> Interval {
        let end = |(value, closed)| End { value, closed };
        Interval {
            lo: lo.map(end),
            hi: hi.map(end),
        }
    }

    /// Both ends, when the interval is bounded and its lower end above zero.
    fn positive_ends(&self) -> Option<(End, End)> {
        match (self.lo, self.hi) {
            (Some(l), Some(h)) if l.value > Decimal::ZERO => Some((l, h)),
            _ => None,
        }
    }

    /// An interval from its two corners, each the (at most, at least) bounds of the operation on
    /// two ends: the lower end from the first, the upper from the second. An end is attained when
    /// both operand ends are, or it was rounded outward.
    fn from_corners(
        lo: Option<(Decimal, Decimal)>,
        lo_a: End,
        lo_b: End,
        hi: Option<(Decimal, Decimal)>,
        hi_a: End,
        hi_b: End,
    ) -> Option<Interval> {
        let (lo_down, lo_up) = lo?;
        let (hi_down, hi_up) = hi?;
        Some(Interval {
            lo: Some(End {
                value: lo_down,
                closed: (lo_a.closed && lo_b.closed) || lo_down != lo_up,
            }),
            hi: Some(End {
                value: hi_up,
                closed: (hi_a.closed && hi_b.closed) || hi_down != hi_up,
            }),
        })
    }

    /// The one value of a closed point interval.
    fn as_point(&self) -> Option<Decimal> {
        match (self.lo, self.hi) {
            (Some(l), Some(h)) if l.value == h.value && l.closed && h.closed => Some(l.value),
            _ => None,
        }
    }

    /// Each end by `op` of an exact `k` (a product or quotient with its (at most, at least)
    /// bounds), the ends swapped for a negative `k`; a zero `k` is the point zero.
    fn end_by(
        &self,
        k: Decimal,
        op: fn(Decimal, Decimal) -> Option<(Decimal, Decimal)>,
    ) -> Option<Interval> {
        if k.is_zero() {
            return Some(Interval::point(Decimal::ZERO));
        }
        let flip = k.is_sign_negative();
        // (value, closed) of an end moved; a rounded end is moved outward and closed.
        let moved = |e: Option<End>, lower: bool| -> Option<Option<End>> {
            let Some(e) = e else { return Some(None) };
            let (down, up) = op(e.value, k)?;
            Some(Some(End {
                value: if lower { down } else { up },
                closed: e.closed || down != up,
            }))
        };
        let (lo, hi) = if flip {
            (moved(self.hi, true)?, moved(self.lo, false)?)
        } else {
            (moved(self.lo, true)?, moved(self.hi, false)?)
        };
        Some(Interval { lo, hi })
    }

    /// `self × 10^exp`, exactly.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when an end does not fit a decimal.
    pub(crate) fn shifted(&self, exp: i32) -> Result<Interval> {
        let shift = |e: Option<End>| -> Result<Option<End>> {
            e.map(|e| {
                shift10(e.value, exp)
                    .map(|value| End {
                        value,
                        closed: e.closed,
                    })
                    .ok_or_else(|| Error::overflow("the end of an interval"))
            })
            .transpose()
        };
        Ok(Interval {
            lo: shift(self.lo)?,
            hi: shift(self.hi)?,
        })
    }

    /// `self × k` for an exact `k`.
    fn times(&self, k: Decimal) -> Option<Interval> {
        self.end_by(k, mul_bounds)
    }

    /// `self ÷ k` for an exact, non-zero `k`.
    fn over(&self, k: Decimal) -> Option<Interval> {
        self.end_by(k, div_bounds)
    }

    /// The smallest interval holding both.
    pub(crate) fn hull(&self, other: &Interval) -> Interval {
        let lo = match (self.lo, other.lo) {
            (Some(a), Some(b)) => Some(match a.value.cmp(&b.value) {
                Ordering::Less => a,
                Ordering::Greater => b,
                Ordering::Equal => End {
                    value: a.value,
                    closed: a.closed || b.closed,
                },
            }),
            _ => None,
        };
        let hi = match (self.hi, other.hi) {
            (Some(a), Some(b)) => Some(match a.value.cmp(&b.value) {
                Ordering::Greater => a,
                Ordering::Less => b,
                Ordering::Equal => End {
                    value: a.value,
                    closed: a.closed || b.closed,
                },
            }),
            _ => None,
        };
        Interval { lo, hi }
    }

    /// The values at or above the interval's lower end (`[lo, ∞)` or `(lo, ∞)`).
    pub(crate) fn and_above(&self) -> Interval {
        Interval {
            lo: self.lo,
            hi: None,
        }
    }
}

impl fmt::Display for Interval {
    /// "[2.675, 2.685)", "(100, ∞)"; ends without trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lo {
            Some(e) => write!(
                f,
                "{}{}",
                if e.closed { '[' } else { '(' },
                e.value.normalize()
            )?,
            None => f.write_str("(-∞")?,
        }
        f.write_str(", ")?;
        match self.hi {
            Some(e) => write!(
                f,
                "{}{}",
                e.value.normalize(),
                if e.closed { ']' } else { ')' }
            ),
            None => f.write_str("∞)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn quotients_that_do_not_terminate_are_enclosed() {
        let third = Interval::point(d("1"))
            .checked_div(&Interval::point(d("3")))
            .unwrap();
        assert!(third.lower().unwrap() < third.upper().unwrap());
        assert!(third.lower().unwrap() * d("3") < d("1"));
        assert!(third.upper().unwrap() * d("3") > d("1"));
    }

    #[test]
    fn negative_divisors_flip_and_unbounded_ends_stay_unbounded() {
        let i = Interval::closed(d("2"), d("4"))
            .unwrap()
            .checked_div(&Interval::closed(d("-2"), d("-1")).unwrap())
            .unwrap();
        assert_eq!((i.lower(), i.upper()), (Some(d("-4")), Some(d("-1"))));
        assert!(i.is_lower_closed() && i.is_upper_closed());
        let j = Interval::at_least(d("100"))
            .checked_div(&Interval::point(d("4")))
            .unwrap();
        assert_eq!((j.lower(), j.upper()), (Some(d("25")), None));
        let k = Interval::point(d("1"))
            .checked_div(&Interval::at_least(d("4")))
            .unwrap();
        assert_eq!((k.lower(), k.upper()), (Some(d("0")), Some(d("0.25"))));
        assert!(!k.is_lower_closed() && k.is_upper_closed());
    }
}
