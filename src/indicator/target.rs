//! 完成率: completion against a target, 超额完成, and reduction (压减) targets.

use rust_decimal::Decimal;

use super::ranges;
use crate::value::precision::Precision;
use crate::value::rounding::percent_of;
use crate::{Error, PercentPoints, Quantity, Rate, Result};

/// Checks that a divisor is above zero: zero is [`crate::ErrorKind::ZeroBase`], below zero
/// [`crate::ErrorKind::NegativeBase`].
pub(crate) fn positive(base: &Quantity, operand: &'static str) -> Result<Decimal> {
    let b = base.base_value();
    if b.is_zero() {
        Err(Error::zero_base(operand))
    } else if b.is_sign_negative() {
        Err(Error::negative_base(operand, base))
    } else {
        Ok(b)
    }
}

/// 完成率: `actual × 100 / target` (target > 0).
///
/// "1至10月预计出数46596万元，占年度任务数的105.9％": 46596万元 of a 4.4亿元 task is 105.9%. The
/// two figures may be in different magnitudes or units of one dimension.
///
/// # Errors
///
/// [`crate::ErrorKind::ZeroBase`] or [`crate::ErrorKind::NegativeBase`] for a target of zero or
/// below; [`crate::ErrorKind::UnitMismatch`] across dimensions; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::completion;
/// let r = completion(&"46596万元".parse()?, &"4.4亿元".parse()?)?;
/// assert_eq!(r.to_string(), "105.9%");
/// // 预计州外到位资金2.68亿元完成年度目标任务数2.5亿元的107.42％: the figures give 107.2%.
/// assert_eq!(completion(&"2.68亿元".parse()?, &"2.5亿元".parse()?)?.to_string(), "107.2%");
/// assert!(completion(&"1万元".parse()?, &"0万元".parse()?).unwrap_err().is_zero_base());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn completion(actual: &Quantity, target: &Quantity) -> Result<Rate> {
    actual.same_dimension(target)?;
    let t = positive(target, "target")?;
    let rate = Rate::from_percent(percent_of(actual.base_value(), t, "completion rate")?);
    Ok(rate.with_precision(Precision::derived(
        actual.is_exact() && target.is_exact(),
        || ranges::percent_of(&actual.interval(), &target.interval()),
    )))
}

/// 超额完成: by how many percentage points a completion rate exceeds 100%; `None` at or below 100%.
///
/// # Examples
///
/// ```
/// use tongji::{completion, excess_over_target};
/// let r = completion(&"46596万元".parse()?, &"4.4亿元".parse()?)?;
/// assert_eq!(excess_over_target(&r).unwrap().to_string(), "5.9个百分点"); // 超额完成5.9个百分点
/// assert!(excess_over_target(&"98.0%".parse()?).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn excess_over_target(completion: &Rate) -> Option<PercentPoints> {
    let excess = completion.percent().checked_sub(Decimal::ONE_HUNDRED)?;
    (excess > Decimal::ZERO).then(|| PercentPoints::from_decimal(excess))
}

/// 压减任务完成率: achieved reduction / targeted reduction × 100, i.e.
/// `(baseline − actual) × 100 / (baseline − target)`, for targets that cut a level (能耗, 排放,
/// 存量债务). Cutting 1200 吨 to 900 吨 against a target of 1000 吨 is 150%. The later value comes
/// first: what was reached, what was aimed at, where it started.
///
/// # Errors
///
/// [`crate::ErrorKind::OutOfRange`] when the target is not below the baseline;
/// [`crate::ErrorKind::UnitMismatch`]; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::reduction_completion;
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let r = reduction_completion(&q("900吨")?, &q("1000吨")?, &q("1200吨")?)?;
/// assert_eq!(r.to_string(), "150.0%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn reduction_completion(
    actual: &Quantity,
    target: &Quantity,
    baseline: &Quantity,
) -> Result<Rate> {
    baseline.same_dimension(actual)?;
    baseline.same_dimension(target)?;
    let overflow = || Error::overflow("reduction completion");
    let targeted = baseline
        .base_value()
        .checked_sub(target.base_value())
        .ok_or_else(overflow)?;
    if targeted <= Decimal::ZERO {
        return Err(Error::out_of_range(
            "target",
            target,
            "a reduction target below the baseline",
        ));
    }
    let achieved = baseline
        .base_value()
        .checked_sub(actual.base_value())
        .ok_or_else(overflow)?;
    Ok(Rate::from_percent(percent_of(
        achieved,
        targeted,
        "reduction completion",
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn q(s: &str) -> Quantity {
        s.parse().unwrap()
    }

    #[test]
    fn seed_figures() {
        assert_eq!(
            completion(&q("46596万元"), &q("4.4亿元"))
                .unwrap()
                .to_string(),
            "105.9%"
        );
        // Seed 002 prints 107.42%; the figures give 107.2%.
        assert_eq!(
            completion(&q("2.68亿元"), &q("2.5亿元"))
                .unwrap()
                .to_string(),
            "107.2%"
        );
        assert_eq!(
            completion(&q("40项"), &q("40项")).unwrap().to_string(),
            "100.0%"
        );
    }

    #[test]
    fn bad_targets() {
        let kind = |a: &str, t: &str| completion(&q(a), &q(t)).unwrap_err().kind();
        assert_eq!(kind("1万元", "0元"), ErrorKind::ZeroBase);
        assert_eq!(kind("1万元", "-3元"), ErrorKind::NegativeBase);
        assert_eq!(kind("1万元", "3项"), ErrorKind::UnitMismatch);
        assert_eq!(
            completion(&q("1万元"), &q("-3元")).unwrap_err().to_string(),
            "target -3元 is below zero"
        );
        assert_eq!(
            reduction_completion(&q("900吨"), &q("1000吨"), &q("1000吨"))
                .unwrap_err()
                .kind(),
            ErrorKind::OutOfRange
        );
    }
}
