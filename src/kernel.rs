//! The arithmetic kernels every derived figure is computed by: 同比增长, 完成率, 占比, 个百分点 and
//! rounding, on scaled integers whenever the operands fit, on [`Decimal`] otherwise.
//!
//! A figure such as `238429.89` is the integer `23842989` at scale 2. A percentage `n × 100 / d`
//! rounded to `p` places is then one integer division, `n' × 100 × 10^p / d'` on the two mantissas
//! brought to a common scale, and the remainder decides the rounding exactly: twice the remainder
//! against the divisor is a tie, below it or above it. The [`Decimal`] path divides to 28 digits
//! and rounds that quotient; it is kept as the fallback.
//!
//! # The two paths give the same figure
//!
//! The integer path is taken only when `|n'| × 100 × 10^p + |d'| × 10^p < 5 × 10^26`. Then the
//! integer path is exact, and the [`Decimal`] path is too, to the displayed digit:
//!
//! - The quotient `q = N / D` (with `N = n' × 100 × 10^p`, `D = d'`), if not a tie at the rounding
//!   digit, is at least `1 / (2|D|)` of a unit of the last place away from one: its fraction is
//!   `r / D` for an integer remainder `r`.
//! - `Decimal` division keeps at least `28 − I` decimals of a quotient with `I` integer digits,
//!   so its error is below `10^(p + I − 28)` units of the last place, and `2|D| × 10^(p + I) ≤ 20|N|
//!   < 10^28` (or `2|D| × 10^p < 10^28` when `I = 0`) puts that error below the distance.
//! - A true tie has at most `p + 1` decimals, which `Decimal` represents exactly.
//!
//! So both paths round the same way in every mode, and the property tests check it on every case
//! they generate, ties and the edges of the integer range included. Outside the range the kernels
//! use the `Decimal` path, so a result is never the integer path's guess.
//!
//! The mantissa-level functions (`*_scaled`) are for front ends that keep columns of mantissas
//! (the columnar table, the CLI, an Arrow integration): they return `None` where the integer path
//! does not apply, and the caller takes the [`Decimal`] function.
//!
//! # Examples
//!
//! ```
//! use tongji::{kernel, Decimal, Rounding, RoundingMode};
//! let d = |s: &str| s.parse::<Decimal>().unwrap();
//! // 社会消费品零售总额120.5亿元，上年110亿元: 增长9.5%
//! assert_eq!(kernel::growth(d("120.5"), d("110"), Rounding::new(1))?, Some(d("9.5")));
//! // 1至10月完成投资46596万元，年度任务44000万元: 完成率105.9%
//! assert_eq!(kernel::percent(d("46596"), d("44000"), Rounding::new(1))?, d("105.9"));
//! // The same on mantissas, in one unit (万元): 46596 at scale 0 over 44000 at scale 0 → 1059 at 1 place
//! assert_eq!(kernel::percent_scaled(46596, 0, 44000, 0, Rounding::new(1)), Some(1059));
//! // An exact tie: 2.25 → 2.3 half away from zero, 2.2 half-even.
//! assert_eq!(kernel::round(d("2.25"), Rounding::new(1)), d("2.3"));
//! assert_eq!(kernel::round(d("2.25"), Rounding::new(1).with_mode(RoundingMode::HalfEven)), d("2.2"));
//! # Ok::<(), tongji::Error>(())
//! ```

use rust_decimal::Decimal;

use crate::value::rounding::{exact_sub, percent_of};
use crate::{Error, Result, Rounding, RoundingMode};

/// The bound of the integer path: `|N| + |D| × 10^p` below it (see the module docs).
const LIMIT: u128 = 5 * 10u128.pow(26);

/// `10^0` to `10^38`.
const POW10: [u128; 39] = {
    let mut table = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// `10^exp` for `exp ≤ 38`.
fn pow10(exp: u32) -> Option<u128> {
    POW10.get(exp as usize).copied()
}

/// `n / d` rounded to an integer by `mode`: the quotient truncated toward zero, moved one away
/// from zero when the remainder says so. `d` is not zero.
fn divide_rounded(n: i128, d: i128, mode: RoundingMode) -> i128 {
    // Within the integer range the operands fit an i64 more often than not, and an i64 division
    // is several times cheaper than an i128 one.
    let (q, r) = match (i64::try_from(n), i64::try_from(d)) {
        (Ok(n), Ok(d)) => (i128::from(n / d), i128::from(n % d)),
        _ => (n / d, n % d),
    };
    if r == 0 {
        return q;
    }
    let (twice, whole) = (r.unsigned_abs() * 2, d.unsigned_abs());
    let away = match mode {
        RoundingMode::Truncate => false,
        RoundingMode::HalfAwayFromZero => twice >= whole,
        RoundingMode::HalfEven => twice > whole || (twice == whole && q % 2 != 0),
    };
    if !away {
        return q;
    }
    // The quotient's sign is the signs of n and d together (q may be 0).
    if (n < 0) == (d < 0) { q + 1 } else { q - 1 }
}

/// The two mantissas brought to the larger scale; `None` when one no longer fits.
fn aligned(a: i128, a_scale: u32, b: i128, b_scale: u32) -> Option<(i128, i128)> {
    if a_scale == b_scale {
        return Some((a, b));
    }
    let scale = a_scale.max(b_scale);
    let widen = |m: i128, s: u32| {
        let f = i128::try_from(pow10(scale - s)?).ok()?;
        m.checked_mul(f)
    };
    Some((widen(a, a_scale)?, widen(b, b_scale)?))
}

/// `numerator × 100 / denominator` at `places`, on integers, when within the proven range.
fn percent_integer(numerator: i128, denominator: i128, rounding: Rounding) -> Option<i128> {
    if denominator == 0 {
        return None;
    }
    let shift = pow10(rounding.places())?;
    let n = numerator
        .unsigned_abs()
        .checked_mul(100)?
        .checked_mul(shift)?;
    let d = denominator.unsigned_abs().checked_mul(shift)?;
    if n.checked_add(d)? >= LIMIT {
        return None;
    }
    // Both below 5 × 10^26 < i128::MAX.
    let n = i128::try_from(n).ok()?;
    let n = if numerator < 0 { -n } else { n };
    Some(divide_rounded(n, denominator, rounding.mode()))
}

/// `numerator × 100 / denominator`, rounded once by `rounding`, as the mantissa of a figure at
/// `rounding.places()` decimals: 完成率, 占比, and growth on a difference. The operands are
/// mantissas with their scales (`4.4` is `44` at scale 1).
///
/// `None` when the denominator is zero, or when the operands fall outside the range where the
/// integer path is proven to give the [`Decimal`] path's figure: then call [`percent`].
///
/// # Examples
///
/// ```
/// use tongji::{kernel, Rounding, RoundingMode};
/// // 序时进度: 10 of 12 months = 83.3%
/// assert_eq!(kernel::percent_scaled(10, 0, 12, 0, Rounding::new(1)), Some(833));
/// // 1 / 8 = 12.5%: a tie at 0 places
/// assert_eq!(kernel::percent_scaled(1, 0, 8, 0, Rounding::new(0)), Some(13));
/// assert_eq!(kernel::percent_scaled(1, 0, 8, 0, Rounding::new(0).with_mode(RoundingMode::HalfEven)), Some(12));
/// assert_eq!(kernel::percent_scaled(1, 0, 0, 0, Rounding::new(1)), None);
/// ```
#[must_use]
#[doc(alias = "完成率")]
#[doc(alias = "占比")]
pub fn percent_scaled(
    numerator: i128,
    numerator_scale: u32,
    denominator: i128,
    denominator_scale: u32,
    rounding: Rounding,
) -> Option<i128> {
    let (n, d) = aligned(numerator, numerator_scale, denominator, denominator_scale)?;
    percent_integer(n, d, rounding)
}

/// 同比增长 `(current − previous) × 100 / previous`, rounded once by `rounding`, as the mantissa
/// of a percentage at `rounding.places()` decimals.
///
/// `None` when `previous` is not positive or `current` is negative (the growth is then a state —
/// 新增, 扭亏为盈, 由盈转亏 — not a rate: see [`crate::Growth`]), or outside the integer path's
/// range: then call [`growth`].
///
/// # Examples
///
/// ```
/// use tongji::{kernel, Rounding};
/// // 238429.89 over 220000.00: 8.37720…% → 8.4
/// assert_eq!(kernel::growth_scaled(23842989, 2, 22000000, 2, Rounding::new(1)), Some(84));
/// // 9.95 over 10: −0.5% exactly, away from zero → −0.5
/// assert_eq!(kernel::growth_scaled(995, 2, 10, 0, Rounding::new(1)), Some(-5));
/// assert_eq!(kernel::growth_scaled(1, 0, 0, 0, Rounding::new(1)), None); // 新增, not a rate
/// assert_eq!(kernel::growth_scaled(-35, 1, 2384, 0, Rounding::new(1)), None); // 由盈转亏
/// assert_eq!(kernel::growth_scaled(0, 0, 2384, 0, Rounding::new(1)), Some(-1000)); // −100.0%
/// ```
#[must_use]
#[doc(alias = "同比增长")]
pub fn growth_scaled(
    current: i128,
    current_scale: u32,
    previous: i128,
    previous_scale: u32,
    rounding: Rounding,
) -> Option<i128> {
    if previous <= 0 || current < 0 {
        return None;
    }
    let (c, p) = aligned(current, current_scale, previous, previous_scale)?;
    percent_integer(c.checked_sub(p)?, p, rounding)
}

/// `value` (a mantissa at `scale`) rounded to `rounding.places()`, as the mantissa at that scale.
/// `None` when the result does not fit an `i128`.
///
/// # Examples
///
/// ```
/// use tongji::{kernel, Rounding, RoundingMode};
/// assert_eq!(kernel::round_scaled(35125, 3, Rounding::new(2)), Some(3513)); // 35.125 → 35.13
/// assert_eq!(kernel::round_scaled(35125, 3, Rounding::new(2).with_mode(RoundingMode::HalfEven)), Some(3512));
/// assert_eq!(kernel::round_scaled(-35125, 3, Rounding::new(2).with_mode(RoundingMode::Truncate)), Some(-3512));
/// assert_eq!(kernel::round_scaled(7, 0, Rounding::new(2)), Some(700)); // padded: 7 → 7.00
/// ```
#[must_use]
#[doc(alias = "四舍五入")]
pub fn round_scaled(value: i128, scale: u32, rounding: Rounding) -> Option<i128> {
    let places = rounding.places();
    if scale <= places {
        let f = i128::try_from(pow10(places - scale)?).ok()?;
        return value.checked_mul(f);
    }
    let f = i128::try_from(pow10(scale - places)?).ok()?;
    Some(divide_rounded(value, f, rounding.mode()))
}

/// A mantissa at `scale` as a [`Decimal`], when it fits (at most 28 decimals and 96 bits).
fn decimal(mantissa: i128, scale: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// `numerator × 100 / denominator`, rounded once by `rounding`: 完成率 and 占比 on plain decimals
/// in one unit. Exact integers when they fit, [`Decimal`] division otherwise, the same figure
/// either way (see the module docs).
///
/// # Errors
///
/// [`crate::ErrorKind::ZeroBase`] for a zero denominator; [`crate::ErrorKind::Overflow`] when the
/// quotient exceeds a `Decimal`.
///
/// # Examples
///
/// ```
/// use tongji::{kernel, Decimal, Rounding};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(kernel::percent(d("1"), d("3"), Rounding::new(1))?.to_string(), "33.3");
/// assert_eq!(kernel::percent(d("46596"), d("44000"), Rounding::new(2))?.to_string(), "105.90");
/// assert!(kernel::percent(d("1"), d("0"), Rounding::new(1)).is_err());
/// # Ok::<(), tongji::Error>(())
/// ```
#[doc(alias = "完成率")]
#[doc(alias = "占比")]
pub fn percent(numerator: Decimal, denominator: Decimal, rounding: Rounding) -> Result<Decimal> {
    if denominator.is_zero() {
        return Err(Error::zero_base("percent"));
    }
    let fast = percent_scaled(
        numerator.mantissa(),
        numerator.scale(),
        denominator.mantissa(),
        denominator.scale(),
        rounding,
    )
    .and_then(|m| decimal(m, rounding.places()));
    match fast {
        Some(d) => Ok(d),
        None => Ok(rounding.apply(percent_of(numerator, denominator, "percent")?)),
    }
}

/// 同比增长 `(current − previous) × 100 / previous`, rounded once by `rounding`, on plain decimals
/// in one unit; `None` when `previous` is not positive or `current` is negative (the growth is a
/// state, see [`crate::Growth`]).
///
/// # Errors
///
/// [`crate::ErrorKind::Overflow`] when the exact difference or the quotient exceeds a `Decimal`
/// (a difference is never rounded to fit).
///
/// # Examples
///
/// ```
/// use tongji::{kernel, Decimal, Rounding};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(kernel::growth(d("47149"), d("45695"), Rounding::new(1))?.unwrap().to_string(), "3.2");
/// assert_eq!(kernel::growth(d("-3"), d("-5"), Rounding::new(1))?, None); // 减亏: a state
/// # Ok::<(), tongji::Error>(())
/// ```
#[doc(alias = "同比增长")]
pub fn growth(current: Decimal, previous: Decimal, rounding: Rounding) -> Result<Option<Decimal>> {
    if previous <= Decimal::ZERO || current < Decimal::ZERO {
        return Ok(None);
    }
    let fast = growth_scaled(
        current.mantissa(),
        current.scale(),
        previous.mantissa(),
        previous.scale(),
        rounding,
    )
    .and_then(|m| decimal(m, rounding.places()));
    if let Some(d) = fast {
        return Ok(Some(d));
    }
    let diff = exact_sub(current, previous).ok_or_else(|| Error::overflow("growth"))?;
    Ok(Some(rounding.apply(percent_of(diff, previous, "growth")?)))
}

/// 个百分点 `current − previous` (two rates in percent), rounded once by `rounding`.
///
/// # Errors
///
/// [`crate::ErrorKind::Overflow`] when the rounded difference does not fit a `Decimal`; a
/// difference beyond 28 digits is computed exactly on integers where it fits an `i128`, never
/// rounded to fit first.
///
/// # Examples
///
/// ```
/// use tongji::{kernel, Decimal, Rounding};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // 第三产业比重由52.8%提高到54.6%: 1.8个百分点
/// assert_eq!(kernel::points(d("54.6"), d("52.8"), Rounding::new(1))?.to_string(), "1.8");
/// assert_eq!(kernel::points(d("105.9"), d("83.33"), Rounding::new(1))?.to_string(), "22.6");
/// # Ok::<(), tongji::Error>(())
/// ```
#[doc(alias = "个百分点")]
pub fn points(current: Decimal, previous: Decimal, rounding: Rounding) -> Result<Decimal> {
    let fast = aligned(
        current.mantissa(),
        current.scale(),
        previous.mantissa(),
        previous.scale(),
    )
    .and_then(|(c, p)| {
        let scale = current.scale().max(previous.scale());
        round_scaled(c.checked_sub(p)?, scale, rounding)
    })
    .and_then(|m| decimal(m, rounding.places()));
    match fast {
        Some(d) => Ok(d),
        None => exact_sub(current, previous)
            .map(|d| rounding.apply(d))
            .ok_or_else(|| Error::overflow("percentage points")),
    }
}

/// `value` rounded once by `rounding` and padded to its places: [`Rounding::apply`], on the
/// mantissa when it fits.
///
/// # Examples
///
/// ```
/// use tongji::{kernel, Decimal, Rounding};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(kernel::round(d("107.195"), Rounding::new(2)).to_string(), "107.20");
/// assert_eq!(kernel::round(d("-0.04"), Rounding::new(1)).to_string(), "0.0"); // never "-0.0"
/// ```
#[must_use]
#[doc(alias = "四舍五入")]
pub fn round(value: Decimal, rounding: Rounding) -> Decimal {
    round_scaled(value.mantissa(), value.scale(), rounding)
        .and_then(|m| decimal(m, rounding.places()))
        .unwrap_or_else(|| rounding.apply(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_edges_of_the_integer_range_fall_back() {
        // |N| + |D|·10^p just under and over 5 × 10^26.
        let big = 5 * 10i128.pow(23) - 1;
        assert!(percent_scaled(big, 0, 1, 0, Rounding::new(1)).is_some());
        assert!(percent_scaled(big + 1, 0, 1, 0, Rounding::new(1)).is_none());
        // 28 places: 10^28 alone is out of range.
        assert!(percent_scaled(1, 0, 3, 0, Rounding::new(28)).is_none());
        assert_eq!(
            percent(d("1"), d("3"), Rounding::new(28)).unwrap(),
            Rounding::new(28).apply(d("33.333333333333333333333333333"))
        );
    }

    #[test]
    fn negative_quotients_round_away_from_zero() {
        assert_eq!(percent_scaled(-1, 0, 8, 0, Rounding::new(0)), Some(-13));
        assert_eq!(percent_scaled(1, 0, -8, 0, Rounding::new(0)), Some(-13));
        let even = Rounding::new(0).with_mode(RoundingMode::HalfEven);
        assert_eq!(percent_scaled(-3, 0, 8, 0, even), Some(-38)); // −37.5 → −38
        assert_eq!(percent_scaled(-1, 0, 8, 0, even), Some(-12)); // −12.5 → −12
    }

    #[test]
    fn a_zero_result_is_positive() {
        let z = percent(d("-0.0001"), d("1000"), Rounding::new(1)).unwrap();
        assert!(z.is_sign_positive() && z.to_string() == "0.0");
    }
}
