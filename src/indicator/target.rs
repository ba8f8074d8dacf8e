//! 完成率: completion against a target, 超额完成, and reduction (压减) targets.

use rust_decimal::Decimal;

use crate::value::rounding::percent_of;
use crate::{Error, PercentPoints, Quantity, Rate, Result};

/// 完成率: `actual × 100 / target` (target > 0).
///
/// "1至10月预计出数46596万元，占年度任务数的105.9％": 46596万元 of a 4.4亿元 task is 105.9%. The
/// two figures may be in different magnitudes or units of one dimension.
///
/// # Errors
///
/// [`Error::Domain`] when the target is zero or negative; [`Error::UnitMismatch`] across
/// dimensions; [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::completion;
/// let r = completion(&"46596万元".parse()?, &"4.4亿元".parse()?)?;
/// assert_eq!(r.to_string(), "105.9%");
/// assert_eq!(completion(&"2.68亿元".parse()?, &"2.5亿元".parse()?)?.to_string(), "107.2%");
/// assert!(completion(&"1万元".parse()?, &"0万元".parse()?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn completion(actual: &Quantity, target: &Quantity) -> Result<Rate> {
    actual.same_dimension(target)?;
    if target.base_value() <= Decimal::ZERO {
        return Err(Error::domain("target", target, "a target above zero"));
    }
    Ok(Rate::from_percent(percent_of(
        actual.base_value(),
        target.base_value(),
        "completion rate",
    )?))
}

/// 超额完成: by how many percentage points a completion rate exceeds 100%; `None` at or below 100%.
///
/// # Examples
///
/// ```
/// use tongji::{completion, excess_over_target};
/// let r = completion(&"46596万元".parse()?, &"4.4亿元".parse()?)?;
/// assert_eq!(excess_over_target(&r).unwrap().to_string(), "5.9个百分点");
/// assert!(excess_over_target(&"98.0%".parse()?).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn excess_over_target(completion: &Rate) -> Option<PercentPoints> {
    let excess = completion.percent().checked_sub(Decimal::ONE_HUNDRED)?;
    (excess > Decimal::ZERO).then(|| PercentPoints::from_decimal(excess))
}

/// 压减任务完成率: achieved reduction / targeted reduction × 100, i.e.
/// `(baseline − actual) × 100 / (baseline − target)`, for targets that cut a level (能耗, 排放,
/// 存量债务). Cutting 1200 吨 to 900 吨 against a target of 1000 吨 is 150%.
///
/// # Errors
///
/// [`Error::Domain`] when the target is not below the baseline; [`Error::UnitMismatch`];
/// [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::reduction_completion;
/// let r = reduction_completion(&"1200吨".parse()?, &"900吨".parse()?, &"1000吨".parse()?)?;
/// assert_eq!(r.to_string(), "150.0%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn reduction_completion(
    baseline: &Quantity,
    actual: &Quantity,
    target: &Quantity,
) -> Result<Rate> {
    baseline.same_dimension(actual)?;
    baseline.same_dimension(target)?;
    let overflow = || Error::overflow("reduction completion");
    let targeted = baseline
        .base_value()
        .checked_sub(target.base_value())
        .ok_or_else(overflow)?;
    if targeted <= Decimal::ZERO {
        return Err(Error::domain(
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
        assert!(matches!(
            completion(&q("1万元"), &q("0元")),
            Err(Error::Domain { .. })
        ));
        assert!(matches!(
            completion(&q("1万元"), &q("-3元")),
            Err(Error::Domain { .. })
        ));
        assert!(matches!(
            completion(&q("1万元"), &q("3项")),
            Err(Error::UnitMismatch { .. })
        ));
        assert!(reduction_completion(&q("1000吨"), &q("900吨"), &q("1000吨")).is_err());
    }
}
