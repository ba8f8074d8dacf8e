//! The interval form of every formula: from the intervals its operands stand for, the interval its
//! result can be in. The formulas use these for the precision of what they compute, and the audit
//! to decide whether a stated figure can be what its operands give.
//!
//! Where an operand enters a formula twice (a part in its total), the range is computed from the
//! formula's monotonicity, so it is exact rather than the wider interval of naive interval
//! arithmetic; elsewhere the corners of the operands' box give the exact range.

use rust_decimal::Decimal;

use crate::value::interval::Interval;
use crate::{Error, Result};

fn hundred() -> Interval {
    Interval::point(Decimal::ONE_HUNDRED)
}

/// Σ parts.
pub(crate) fn sum(parts: &[Interval]) -> Result<Interval> {
    let mut total = Interval::point(Decimal::ZERO);
    for p in parts {
        total = total.checked_add(p)?;
    }
    Ok(total)
}

/// `numerator × 100 / denominator`: 完成率, 占比 of an independent total, 拉动.
pub(crate) fn percent_of(numerator: &Interval, denominator: &Interval) -> Result<Interval> {
    numerator.checked_mul(&hundred())?.checked_div(denominator)
}

/// 同比增长 `(current − previous) × 100 / previous` = `current × 100 / previous − 100`.
pub(crate) fn growth(current: &Interval, previous: &Interval) -> Result<Interval> {
    percent_of(current, previous)?.checked_sub(&hundred())
}

/// `a / b`: 均价, 亩产, 户均, 人均, 倍数.
pub(crate) fn ratio(a: &Interval, b: &Interval) -> Result<Interval> {
    a.checked_div(b)
}

/// The share of part `i` in the sum of `parts`, × 100. For parts that are all above zero it is
/// exact: the share rises with its part and falls with the others.
pub(crate) fn share_in(parts: &[Interval], i: usize) -> Result<Interval> {
    let part = parts
        .get(i)
        .ok_or_else(|| Error::out_of_range("part", i, "a part of the structure"))?;
    let others: Vec<Interval> = parts
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i)
        .map(|(_, p)| *p)
        .collect();
    let rest = sum(&others)?;
    let positive = parts
        .iter()
        .all(|p| p.lower().is_some_and(|l| l >= Decimal::ZERO) && !p.reaches_zero());
    match (
        positive,
        part.lower(),
        part.upper(),
        rest.lower(),
        rest.upper(),
    ) {
        (true, Some(pl), Some(ph), Some(rl), Some(rh)) => {
            // share = p / (p + r): lowest at (p low, r high), highest at (p high, r low).
            let at = |p: Decimal, r: Decimal| -> Result<Interval> {
                let p = Interval::point(p);
                percent_of(&p, &p.checked_add(&Interval::point(r))?)
            };
            let lo = at(pl, rh)?.lower().unwrap_or(Decimal::ZERO);
            let hi = at(ph, rl)?.upper().unwrap_or(Decimal::ONE_HUNDRED);
            Interval::between(
                lo,
                part.is_lower_closed() && rest.is_upper_closed(),
                hi,
                part.is_upper_closed() && rest.is_lower_closed(),
            )
        }
        _ => percent_of(part, &part.checked_add(&rest)?),
    }
}

/// 贡献率 of a component: `Δ_i × 100 / ΔY`.
pub(crate) fn contribution_share(
    increment: &Interval,
    total_increment: &Interval,
) -> Result<Interval> {
    percent_of(increment, total_increment)
}

/// Widens `x`, a root computed to about 28 digits, by 10⁻²⁰ of itself either way.
fn root_bounds(x: Decimal) -> Result<(Decimal, Decimal)> {
    let slack = x
        .abs()
        .checked_mul(Decimal::new(1, 20))
        .ok_or_else(|| Error::overflow("a root"))?
        .max(Decimal::new(1, 28));
    Ok((x - slack, x + slack))
}

/// `(product of factors)^(1/n) − 1`, × 100, for factors above zero: rises with each factor.
fn mean_growth(
    low: Decimal,
    high: Decimal,
    n: u32,
    lo_closed: bool,
    hi_closed: bool,
) -> Result<Interval> {
    let root = |x: Decimal| -> Result<(Decimal, Decimal)> {
        root_bounds(super::average::nth_root(x, n).ok_or_else(|| Error::overflow("a root"))?)
    };
    let (lo, _) = root(low)?;
    let (_, hi) = root(high)?;
    let to_percent = |r: Decimal| {
        r.checked_sub(Decimal::ONE)
            .and_then(|g| g.checked_mul(Decimal::ONE_HUNDRED))
            .ok_or_else(|| Error::overflow("a mean growth"))
    };
    Interval::between(to_percent(lo)?, lo_closed, to_percent(hi)?, hi_closed)
}

/// 平均增长 over `rates` (each in percent): `(Π(1 + g/100))^(1/n) − 1`, × 100.
pub(crate) fn average_growth(rates: &[Interval]) -> Result<Interval> {
    let n = u32::try_from(rates.len()).map_err(|_| Error::overflow("average growth"))?;
    if n == 0 {
        return Err(Error::empty("the list of growth rates"));
    }
    // The mean of the factors is Π f^(1/n), each root bounded: a product of the factors first
    // could fall below a decimal's last digit (twenty of 0.02) or grow past 28 digits.
    let (mut lo, mut hi) = (Decimal::ONE, Decimal::ONE);
    let (mut lo_closed, mut hi_closed) = (true, true);
    let overflow = || Error::overflow("average growth");
    for r in rates {
        let factor = |g: Option<Decimal>| -> Result<Decimal> {
            let g = g.ok_or_else(|| {
                Error::out_of_range("growth rate", "unbounded", "a bounded growth")
            })?;
            let f = (g / Decimal::ONE_HUNDRED)
                .checked_add(Decimal::ONE)
                .ok_or_else(|| Error::overflow("a growth factor"))?;
            if f <= Decimal::ZERO {
                return Err(Error::out_of_range(
                    "growth rate",
                    g,
                    "a growth above -100%",
                ));
            }
            Ok(f)
        };
        let root = |f: Decimal| -> Result<(Decimal, Decimal)> {
            root_bounds(super::average::nth_root(f, n).ok_or_else(|| Error::overflow("a root"))?)
        };
        let (low, _) = root(factor(r.lower())?)?;
        let (_, high) = root(factor(r.upper())?)?;
        lo = lo.checked_mul(low).ok_or_else(overflow)?;
        hi = hi.checked_mul(high).ok_or_else(overflow)?;
        lo_closed &= r.is_lower_closed();
        hi_closed &= r.is_upper_closed();
    }
    let to_percent = |r: Decimal| {
        r.checked_sub(Decimal::ONE)
            .and_then(|g| g.checked_mul(Decimal::ONE_HUNDRED))
            .ok_or_else(|| Error::overflow("a mean growth"))
    };
    Interval::between(to_percent(lo)?, lo_closed, to_percent(hi)?, hi_closed)
}

/// 年均增长 from `first` to `last` over `years`: `(last / first)^(1/years) − 1`, × 100.
pub(crate) fn cagr(last: &Interval, first: &Interval, years: u32) -> Result<Interval> {
    let q = last.checked_div(first)?;
    match (q.lower(), q.upper()) {
        (Some(lo), Some(hi)) if lo > Decimal::ZERO => {
            mean_growth(lo, hi, years, q.is_lower_closed(), q.is_upper_closed())
        }
        _ => Err(Error::out_of_range(
            "ratio of the levels",
            q,
            "a ratio above zero",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RoundingMode;

    fn r(s: &str, places: u32) -> Interval {
        Interval::rounding(s.parse().unwrap(), places, RoundingMode::HalfAwayFromZero)
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn structure_shares_are_exact_ranges() {
        // 1 : 1 at integer precision: each half is between 0.5/2 and 1.5/2, exclusive.
        let parts = [r("1", 0), r("1", 0)];
        let s = share_in(&parts, 0).unwrap();
        assert_eq!(s.lower(), Some(d("25")));
        assert_eq!(s.upper(), Some(d("75")));
        assert!(!s.is_upper_closed());
    }

    #[test]
    fn growth_of_the_seeds_tourists() {
        // 74.2万人次 against 66.36万人次: 11.8%, whatever the rounding; never −2.3%.
        let g = growth(&r("74.2", 1), &r("66.36", 2)).unwrap();
        assert!(g.contains(d("11.8")));
        assert!(!g.contains(d("-2.3")));
    }

    #[test]
    fn averages_and_cagr_contain_the_point_result() {
        let avg = average_growth(&[r("18.3", 1), r("-6.8", 1)]).unwrap();
        assert!(avg.contains(d("5.0027")));
        let c = cagr(&r("146.93", 2), &Interval::point(d("100")), 5).unwrap();
        assert!(c.contains(d("8.0")));
    }
}
