//! 贡献率 and 拉动: how much each component contributed to the growth of a total.

use rust_decimal::Decimal;

use super::ranges;
use crate::text::wording::{self, Change};
use crate::value::precision::Precision;
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
/// let after = ["10.3亿元".parse()?, "42亿元".parse()?, "53.7亿元".parse()?];
/// let before = ["10亿元".parse()?, "40亿元".parse()?, "50亿元".parse()?];
/// let c = contributions(&after, &before)?;
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
    /// 贡献率, or `None` when the total did not change (ΔY = 0: the shares are undefined).
    ///
    /// # Examples
    ///
    /// ```
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// // One part rose by as much as the other fell: the total did not move.
    /// let c = tongji::contributions(&[q("2万元")?, q("0万元")?], &[q("1万元")?, q("1万元")?])?;
    /// assert_eq!(c[0].share(), None);
    /// assert_eq!(c[0].pull().to_string(), "50.0个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[doc(alias = "贡献率")]
    pub fn share(&self) -> Option<Rate> {
        self.share
    }

    /// 拉动, in percentage points; the pulls of all components sum to the total's growth.
    ///
    /// # Examples
    ///
    /// ```
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// let c = tongji::contributions(&[q("66万元")?, q("38万元")?], &[q("60万元")?, q("40万元")?])?;
    /// assert_eq!(c[0].pull().to_string(), "6.0个百分点");
    /// assert_eq!(c[1].pull().to_string(), "-2.0个百分点"); // 6.0 − 2.0 = the total's 4.0%
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[doc(alias = "拉动")]
    pub fn pull(&self) -> PercentPoints {
        self.pull
    }

    /// "拉动X个百分点", or "向下拉动X个百分点" for a negative pull; "拉动0.0个百分点" when it shows
    /// as zero.
    ///
    /// # Examples
    ///
    /// ```
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// let c = tongji::contributions(&[q("2万元")?, q("0.988万元")?], &[q("1万元")?, q("1万元")?])?;
    /// assert_eq!(c[1].pull_wording(), "向下拉动0.6个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn pull_wording(&self) -> String {
        wording::change_text(self.pull.shown(None), Change::Pull)
    }
}

/// Exact contributions from constant-price levels of the components in two periods, the later
/// first; the total is their sum. `current[i]` and `previous[i]` belong to component i.
///
/// # Errors
///
/// [`crate::ErrorKind::LengthMismatch`] when the slices differ in length;
/// [`crate::ErrorKind::Empty`]; [`crate::ErrorKind::UnitMismatch`];
/// [`crate::ErrorKind::ZeroBase`] when the previous total is zero; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::contributions;
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let c = contributions(&[q("66万元")?, q("38万元")?], &[q("60万元")?, q("40万元")?])?;
/// assert_eq!(c[0].share().unwrap().to_string(), "150.0%"); // more than all of the growth
/// assert_eq!(c[1].pull_wording(), "向下拉动2.0个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn contributions(current: &[Quantity], previous: &[Quantity]) -> Result<Vec<Contribution>> {
    if previous.len() != current.len() {
        return Err(Error::length_mismatch(
            "current and previous levels of the components",
            current.len(),
            previous.len(),
        ));
    }
    let increments = current
        .iter()
        .zip(previous)
        .map(|(c, p)| c.checked_sub(p))
        .collect::<Result<Vec<_>>>()?;
    let total =
        Quantity::checked_sum(previous)?.ok_or_else(|| Error::empty("the list of components"))?;
    contributions_from_increments(&increments, &total)
}

/// Exact contributions from the increments Δ_i of the components and the previous level of the
/// total Y_{t−1}; ΔY is the sum of the increments.
///
/// # Errors
///
/// [`crate::ErrorKind::Empty`]; [`crate::ErrorKind::UnitMismatch`];
/// [`crate::ErrorKind::ZeroBase`] when the previous total is zero; [`crate::ErrorKind::Overflow`].
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
    let total_increment =
        Quantity::checked_sum(increments)?.ok_or_else(|| Error::empty("the list of components"))?;
    total_increment.same_dimension(total_previous)?;
    let base = total_previous.base_value();
    if base.is_zero() {
        return Err(Error::zero_base("previous total"));
    }
    let delta = total_increment.base_value();
    let exact = total_previous.is_exact() && increments.iter().all(Quantity::is_exact);
    let (base_range, delta_range) = (total_previous.interval(), total_increment.interval());
    increments
        .iter()
        .map(|inc| {
            let d = inc.base_value();
            let share = if delta.is_zero() {
                None
            } else {
                let rate = Rate::from_percent(percent_of(d, delta, "contribution share")?);
                Some(rate.with_precision(Precision::derived(exact, || {
                    ranges::contribution_share(&inc.interval(), &delta_range)
                })))
            };
            let pull = PercentPoints::from_decimal(percent_of(d, base, "contribution pull")?)
                .with_precision(Precision::derived(exact, || {
                    ranges::percent_of(&inc.interval(), &base_range)
                }));
            Ok(Contribution { share, pull })
        })
        .collect()
}

/// The communiqué approximation, when no constant-price increments are published:
/// 拉动 `P_i ≈ s_{i,t−1} × g_i / 100` from this year's real growth of each component and last
/// year's share, and 贡献率 `C_i = P_i / Σ P × 100`. Documented as an approximation: it ignores the
/// difference between current- and constant-price shares.
///
/// # Errors
///
/// [`crate::ErrorKind::LengthMismatch`] when the slices differ in length;
/// [`crate::ErrorKind::Empty`]; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::approximate_contributions;
/// let r = |s: &str| s.parse::<tongji::Rate>();
/// // 2023年三次产业增加值分别增长4.1%、4.7%、5.8%；2022年比重为7.3%、39.9%、52.8%
/// let growth = [r("4.1%")?, r("4.7%")?, r("5.8%")?];
/// let shares = [r("7.3%")?, r("39.9%")?, r("52.8%")?];
/// let c = approximate_contributions(&growth, &shares)?;
/// assert_eq!(c[2].pull_wording(), "拉动3.1个百分点"); // 52.8 × 5.8 / 100 = 3.0624
/// assert_eq!(c[2].share().unwrap().to_string(), "58.5%"); // 3.0624 / 5.237
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn approximate_contributions(
    growth: &[Rate],
    previous_shares: &[Rate],
) -> Result<Vec<Contribution>> {
    if previous_shares.len() != growth.len() {
        return Err(Error::length_mismatch(
            "growth rates and previous shares of the components",
            growth.len(),
            previous_shares.len(),
        ));
    }
    if growth.is_empty() {
        return Err(Error::empty("the list of components"));
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
        let c = contributions(&cur, &prev).unwrap();
        let pull_sum: Decimal = c.iter().map(|c| c.pull().value()).sum();
        assert_eq!(pull_sum, Decimal::new(6, 0));
        let share_sum: Decimal = c.iter().map(|c| c.share().unwrap().percent()).sum();
        assert!((share_sum - Decimal::ONE_HUNDRED).abs() < Decimal::new(1, 20));
    }

    #[test]
    fn bad_input() {
        use crate::ErrorKind;
        let kind = |r: Result<Vec<Contribution>>| r.unwrap_err().kind();
        assert_eq!(
            kind(contributions(&q(&["1万元"]), &q(&[]))),
            ErrorKind::LengthMismatch
        );
        assert_eq!(kind(contributions(&[], &[])), ErrorKind::Empty);
        assert_eq!(
            kind(contributions(&q(&["1万元"]), &q(&["0万元"]))),
            ErrorKind::ZeroBase
        );
        assert_eq!(kind(approximate_contributions(&[], &[])), ErrorKind::Empty);
    }
}
