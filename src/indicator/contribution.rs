//! 贡献率 and 拉动: how much each component contributed to the growth of a total.

use rust_decimal::Decimal;

use crate::value::rounding::percent_of;
use crate::{Error, PercentPoints, Quantity, Rate, Result};

/// One component's contribution to the growth of a total.
///
/// - 贡献率 (contribution share) `C_i = Δ_i / ΔY × 100`; the shares of all components sum to 100
///   and a share may be negative or above 100. `None` when the total did not change (ΔY = 0).
/// - 拉动 (pull, in percentage points) `P_i = Δ_i / Y_{t−1} × 100`; the pulls sum to the growth of
///   the total.
///
/// # Examples
///
/// ```
/// use tongji::contributions;
/// let before = ["10亿元".parse()?, "40亿元".parse()?, "50亿元".parse()?];
/// let after = ["10.3亿元".parse()?, "42亿元".parse()?, "53.7亿元".parse()?];
/// let c = contributions(&before, &after)?;
/// assert_eq!(c[1].pull().to_string(), "2.0个百分点");
/// assert_eq!(c[1].share().unwrap().to_string(), "33.3%");
/// assert_eq!(c[2].pull_wording(), "拉动3.7个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contribution {
    share: Option<Rate>,
    pull: PercentPoints,
}

impl Contribution {
    /// 贡献率, or `None` when the total did not change.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::contributions(&["1万元".parse()?, "1万元".parse()?], &["2万元".parse()?, "0万元".parse()?])?;
    /// assert_eq!(c[0].share(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn share(&self) -> Option<Rate> {
        self.share
    }

    /// 拉动, in percentage points.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::contributions(&["1万元".parse()?, "1万元".parse()?], &["2万元".parse()?, "0万元".parse()?])?;
    /// assert_eq!(c[1].pull().to_string(), "-50.0个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pull(&self) -> PercentPoints {
        self.pull
    }

    /// "拉动X个百分点", or "向下拉动X个百分点" for a negative pull; "拉动0.0个百分点" when it shows
    /// as zero.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::contributions(&["1万元".parse()?, "1万元".parse()?], &["2万元".parse()?, "0.988万元".parse()?])?;
    /// assert_eq!(c[1].pull_wording(), "向下拉动0.6个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pull_wording(&self) -> String {
        self.pull.worded("拉动", "向下拉动", "拉动0.0个百分点")
    }
}

/// Exact contributions from constant-price levels of the components in two periods; the total is
/// their sum. `previous[i]` and `current[i]` belong to component i.
///
/// # Errors
///
/// [`Error::Domain`] when the slices differ in length; [`Error::Empty`]; [`Error::UnitMismatch`];
/// [`Error::DivisionByZero`] when the previous total is zero; [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::contributions;
/// let c = contributions(&["60万元".parse()?, "40万元".parse()?], &["66万元".parse()?, "38万元".parse()?])?;
/// assert_eq!(c[0].share().unwrap().to_string(), "150.0%");
/// assert_eq!(c[1].pull_wording(), "向下拉动2.0个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn contributions(previous: &[Quantity], current: &[Quantity]) -> Result<Vec<Contribution>> {
    if previous.len() != current.len() {
        return Err(Error::domain(
            "components",
            format!("{} previous and {} current", previous.len(), current.len()),
            "one current level for each previous level",
        ));
    }
    let increments = previous
        .iter()
        .zip(current)
        .map(|(p, c)| c.checked_sub(p))
        .collect::<Result<Vec<_>>>()?;
    let total = Quantity::checked_sum(previous)?.ok_or(Error::Empty {
        operand: "components",
    })?;
    contributions_from_increments(&increments, &total)
}

/// Exact contributions from the increments Δ_i of the components and the previous level of the
/// total Y_{t−1}; ΔY is the sum of the increments.
///
/// # Errors
///
/// [`Error::Empty`]; [`Error::UnitMismatch`]; [`Error::DivisionByZero`] when the previous total
/// is zero; [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::contributions_from_increments;
/// let c = contributions_from_increments(&["3亿元".parse()?, "1亿元".parse()?], &"100亿元".parse()?)?;
/// assert_eq!(c[0].pull().to_string(), "3.0个百分点");
/// assert_eq!(c[0].share().unwrap().to_string(), "75.0%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn contributions_from_increments(
    increments: &[Quantity],
    total_previous: &Quantity,
) -> Result<Vec<Contribution>> {
    let total_increment = Quantity::checked_sum(increments)?.ok_or(Error::Empty {
        operand: "components",
    })?;
    total_increment.same_dimension(total_previous)?;
    let base = total_previous.base_value();
    if base.is_zero() {
        return Err(Error::DivisionByZero {
            operand: "previous total",
        });
    }
    let delta = total_increment.base_value();
    increments
        .iter()
        .map(|inc| {
            let d = inc.base_value();
            let share = if delta.is_zero() {
                None
            } else {
                Some(Rate::from_percent(percent_of(
                    d,
                    delta,
                    "contribution share",
                )?))
            };
            Ok(Contribution {
                share,
                pull: PercentPoints::from_decimal(percent_of(d, base, "contribution pull")?),
            })
        })
        .collect()
}

/// The communiqué approximation, when no constant-price increments are published:
/// 拉动 `P_i ≈ s_{i,t−1} × g_i / 100` from last year's share and this year's real growth of each
/// component, and 贡献率 `C_i = P_i / Σ P × 100`. Documented as an approximation: it ignores the
/// difference between current- and constant-price shares.
///
/// # Errors
///
/// [`Error::Domain`] when the slices differ in length; [`Error::Empty`]; [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::approximate_contributions;
/// // Shares 7.1 / 38.3 / 54.6 last year; growth 3.5%, 4.1%, 6.2% this year.
/// let shares = ["7.1%".parse()?, "38.3%".parse()?, "54.6%".parse()?];
/// let growth = ["3.5%".parse()?, "4.1%".parse()?, "6.2%".parse()?];
/// let c = approximate_contributions(&shares, &growth)?;
/// assert_eq!(c[2].pull().to_string(), "3.4个百分点");
/// assert_eq!(c[2].share().unwrap().to_string(), "65.0%"); // 3.3852 / 5.204
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn approximate_contributions(
    previous_shares: &[Rate],
    growth: &[Rate],
) -> Result<Vec<Contribution>> {
    if previous_shares.len() != growth.len() {
        return Err(Error::domain(
            "components",
            format!(
                "{} shares and {} growth rates",
                previous_shares.len(),
                growth.len()
            ),
            "one growth rate for each share",
        ));
    }
    if growth.is_empty() {
        return Err(Error::Empty {
            operand: "components",
        });
    }
    let overflow = || Error::overflow("approximate contribution");
    let pulls = previous_shares
        .iter()
        .zip(growth)
        .map(|(s, g)| {
            s.percent()
                .checked_mul(g.percent())
                .map(|p| p / Decimal::ONE_HUNDRED)
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(overflow)?;
    let total = pulls
        .iter()
        .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(*p))
        .ok_or_else(overflow)?;
    pulls
        .iter()
        .map(|&p| {
            let share = if total.is_zero() {
                None
            } else {
                Some(Rate::from_percent(percent_of(
                    p,
                    total,
                    "approximate contribution",
                )?))
            };
            Ok(Contribution {
                share,
                pull: PercentPoints::from_decimal(p),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(v: &[&str]) -> Vec<Quantity> {
        v.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn pulls_sum_to_growth_and_shares_to_100() {
        let prev = q(&["10亿元", "40亿元", "50亿元"]);
        let cur = q(&["10.3亿元", "42亿元", "53.7亿元"]);
        let c = contributions(&prev, &cur).unwrap();
        let pull_sum: Decimal = c.iter().map(|c| c.pull().value()).sum();
        assert_eq!(pull_sum, Decimal::new(6, 0));
        let share_sum: Decimal = c.iter().map(|c| c.share().unwrap().percent()).sum();
        assert!((share_sum - Decimal::ONE_HUNDRED).abs() < Decimal::new(1, 20));
    }

    #[test]
    fn bad_input() {
        assert!(contributions(&q(&["1万元"]), &q(&[])).is_err());
        assert!(contributions(&[], &[]).is_err());
        assert!(contributions(&q(&["0万元"]), &q(&["1万元"])).is_err());
        assert!(approximate_contributions(&[], &[]).is_err());
    }
}
