//! 两年平均增长, 年均增长 (CAGR), multiples and 翻番.

use rust_decimal::{Decimal, MathematicalOps};

use super::ranges;
use crate::value::precision::Precision;
use crate::{Error, Multiple, Quantity, Rate, Result};

/// The positive `n`th root of `x > 0`, to 28 significant digits: Newton's method from above,
/// started at `e^(ln x / n)` raised a little (so that it starts above the root and each step only
/// has to take `y^(n−1)` near `x / root`, which fits wherever `x` does — a start far above the
/// root would overflow for 45 years of China's GDP).
pub(crate) fn nth_root(x: Decimal, n: u32) -> Option<Decimal> {
    if x <= Decimal::ZERO || n == 0 {
        return None;
    }
    if n == 1 {
        return Some(x);
    }
    if n == 2 {
        return x.sqrt();
    }
    let nd = Decimal::from(n);
    let n1 = Decimal::from(n - 1);
    let estimate = x.checked_ln()?.checked_div(nd)?.checked_exp()?;
    // The estimate is good to far better than 10⁻⁶; make sure it is above the root.
    let mut y = estimate.checked_mul(Decimal::new(1_000_001, 6))?;
    for _ in 0..60 {
        if y.checked_powu(u64::from(n))? >= x {
            break;
        }
        y = y.checked_mul(Decimal::new(11, 1))?;
    }
    for _ in 0..200 {
        let pow = y.checked_powu(u64::from(n - 1))?;
        let next = n1
            .checked_mul(y)?
            .checked_add(x.checked_div(pow)?)?
            .checked_div(nd)?;
        if next >= y {
            break;
        }
        y = next;
    }
    Some(y)
}

fn growth_factor(rate: &Rate) -> Result<Decimal> {
    let factor = Decimal::ONE
        .checked_add(rate.fraction())
        .ok_or_else(|| Error::overflow("growth factor"))?;
    if factor <= Decimal::ZERO {
        return Err(Error::out_of_range(
            "growth rate",
            rate,
            "a growth above -100%",
        ));
    }
    Ok(factor)
}

/// 平均增长 over consecutive periods (两年平均增长 for two): the geometric mean
/// `(Π (1 + g_k))^(1/n) − 1`, as NBS computes it (2021: on the 2019 base).
///
/// Computing from rounded published rates can miss the published average by 0.1: NBS computes
/// from unrounded levels.
///
/// # Errors
///
/// [`crate::ErrorKind::Empty`]; [`crate::ErrorKind::OutOfRange`] for a growth of −100% or less;
/// [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::average_growth;
/// // 2021年一季度国内生产总值同比增长18.3%，两年平均增长5.0%（2020年一季度下降6.8%）
/// let avg = average_growth(&["18.3%".parse()?, "-6.8%".parse()?])?;
/// assert_eq!(avg.to_string(), "5.0%"); // sqrt(1.183 × 0.932) − 1
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn average_growth(rates: &[Rate]) -> Result<Rate> {
    if rates.is_empty() {
        return Err(Error::empty("the list of growth rates"));
    }
    // Π f^(1/n), not (Π f)^(1/n): twenty factors of 0.02 multiply to 10⁻³⁴, below a decimal's
    // last digit, and twenty of 2 grow past 28 digits at larger counts.
    let n = u32::try_from(rates.len()).map_err(|_| Error::overflow("average growth"))?;
    let overflow = || Error::overflow("average growth");
    let mut mean = Decimal::ONE;
    for r in rates {
        let root = nth_root(growth_factor(r)?, n).ok_or_else(overflow)?;
        mean = mean.checked_mul(root).ok_or_else(overflow)?;
    }
    let rate = Rate::from_fraction(mean.checked_sub(Decimal::ONE).ok_or_else(overflow)?)?;
    Ok(rate.with_precision(Precision::derived(
        rates.iter().all(|r| r.precision() == Precision::Exact),
        || ranges::average_growth(&rates.iter().map(Rate::interval).collect::<Vec<_>>()),
    )))
}

fn root_less_one(x: Decimal, n: u32, operation: &'static str) -> Result<Rate> {
    let root = nth_root(x, n).ok_or_else(|| Error::overflow(operation))?;
    Rate::from_fraction(
        root.checked_sub(Decimal::ONE)
            .ok_or_else(|| Error::overflow(operation))?,
    )
}

/// 年均增长 (CAGR) over `years`, the later level first: `(last / first)^(1/years) − 1`.
///
/// # Errors
///
/// [`crate::ErrorKind::OutOfRange`] when `years` is 0 or `last` is negative;
/// [`crate::ErrorKind::ZeroBase`] / [`crate::ErrorKind::NegativeBase`] when `first` is not above
/// zero; [`crate::ErrorKind::UnitMismatch`]; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::cagr;
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let g = cagr(&q("146.93亿元")?, &q("100亿元")?, 5)?; // five years from 100亿元 to 146.93亿元
/// assert_eq!(g.to_string(), "8.0%");
/// assert!(cagr(&q("120亿元")?, &q("100亿元")?, 0).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cagr(last: &Quantity, first: &Quantity, years: u32) -> Result<Rate> {
    first.same_dimension(last)?;
    if years == 0 {
        return Err(Error::out_of_range("years", years, "at least one year"));
    }
    super::target::positive(first, "first level")?;
    if last.is_negative() {
        return Err(Error::out_of_range(
            "last level",
            last,
            "a level of zero or more",
        ));
    }
    if last.is_zero() {
        return Ok(Rate::from_percent(-Decimal::ONE_HUNDRED));
    }
    let ratio = last
        .base_value()
        .checked_div(first.base_value())
        .ok_or_else(|| Error::overflow("cagr"))?;
    let rate = root_less_one(ratio, years, "cagr")?;
    Ok(rate.with_precision(Precision::derived(
        last.is_exact() && first.is_exact(),
        || ranges::cagr(&last.interval(), &first.interval(), years),
    )))
}

/// 倍数: `current / base` ("是上年的2.79倍"). For "增长X倍" use [`crate::Growth`] with
/// [`crate::GrowthFormat::multiples`].
///
/// # Errors
///
/// [`crate::ErrorKind::ZeroBase`] for a zero base; [`crate::ErrorKind::UnitMismatch`];
/// [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::multiple;
/// assert_eq!(multiple(&"27.9亿元".parse()?, &"10亿元".parse()?)?.to_string(), "2.79倍");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn multiple(current: &Quantity, base: &Quantity) -> Result<Multiple> {
    current.same_dimension(base)?;
    if base.is_zero() {
        return Err(Error::zero_base("base"));
    }
    let m = current
        .base_value()
        .checked_div(base.base_value())
        .map(Multiple::from_decimal)
        .ok_or_else(|| Error::overflow("multiple"))?;
    Ok(m.with_precision(Precision::derived(
        current.is_exact() && base.is_exact(),
        || ranges::ratio(&current.interval(), &base.interval()),
    )))
}

/// The annual growth needed to double a level `doublings` times in `years` (翻一番 in 10 years:
/// 2^(1/10) − 1 = 7.2% a year; 翻两番 = 2 doublings).
///
/// # Errors
///
/// [`crate::ErrorKind::OutOfRange`] when `years` is 0; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::doubling_rate;
/// assert_eq!(doubling_rate(1, 10)?.to_string(), "7.2%");
/// assert_eq!(doubling_rate(2, 20)?.to_string(), "7.2%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn doubling_rate(doublings: u32, years: u32) -> Result<Rate> {
    if years == 0 {
        return Err(Error::out_of_range("years", years, "at least one year"));
    }
    let target = Decimal::TWO
        .checked_powu(u64::from(doublings))
        .ok_or_else(|| Error::overflow("doubling rate"))?;
    root_less_one(target, years, "doubling rate")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_precise() {
        let r = nth_root(Decimal::from(2), 10).unwrap();
        let back = r.checked_powu(10).unwrap();
        assert!(
            (back - Decimal::from(2)).abs() < Decimal::new(1, 24),
            "{back}"
        );
        assert_eq!(
            nth_root(Decimal::from(27), 3)
                .unwrap()
                .round_dp_with_strategy(20, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            Decimal::from(3)
        );
    }

    #[test]
    fn bad_input() {
        assert!(average_growth(&[]).is_err());
        assert!(average_growth(&["-100%".parse().unwrap()]).is_err());
        assert!(cagr(&"1万元".parse().unwrap(), &"0万元".parse().unwrap(), 3).is_err());
        assert!(cagr(&"-1万元".parse().unwrap(), &"1万元".parse().unwrap(), 3).is_err());
        assert_eq!(
            cagr(&"0万元".parse().unwrap(), &"1万元".parse().unwrap(), 3)
                .unwrap()
                .to_string(),
            "-100.0%"
        );
        assert!(multiple(&"1万元".parse().unwrap(), &"0万元".parse().unwrap()).is_err());
    }
}
