//! 序时进度: whether a completion rate is ahead of or behind the share of the year elapsed.

use std::fmt;

use crate::{PercentPoints, Rate, Rounding};

/// The gap between a completion rate and the share of the year elapsed, from [`schedule_gap`].
///
/// Display: "快于序时进度22.6个百分点", "慢于序时进度0.8个百分点", or "与序时进度持平".
///
/// # Examples
///
/// ```
/// use tongji::{schedule_gap, Period};
/// let elapsed = "2023年1—4月".parse::<Period>()?.elapsed();
/// let gap = schedule_gap(&"32.5%".parse()?, &elapsed);
/// assert_eq!(gap.to_string(), "慢于序时进度0.8个百分点");
/// assert!(!gap.is_on_schedule());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ScheduleGap {
    points: PercentPoints,
}

impl ScheduleGap {
    /// The gap in percentage points: positive ahead of schedule, negative behind.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{schedule_gap, Rate};
    /// let gap = schedule_gap(&"105.9%".parse()?, &"83.3%".parse()?);
    /// assert_eq!(gap.points().to_string(), "22.6个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn points(&self) -> PercentPoints {
        self.points
    }

    /// Whether completion is at or ahead of the time elapsed (时间过半、任务过半 at the end of June).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{schedule_gap, Period};
    /// let half = "2023年上半年".parse::<Period>()?.elapsed();
    /// assert!(schedule_gap(&"50.0%".parse()?, &half).is_on_schedule());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_on_schedule(&self) -> bool {
        !self.points.value().is_sign_negative() || self.points.value().is_zero()
    }
}

/// 快于/慢于序时进度: completion − elapsed, in percentage points, by the reports' convention of
/// subtracting the two figures as printed (each rounded to 1 place, half away from zero):
/// 105.9% − 83.3% = 22.6, although the unrounded gap is 22.5667.
///
/// # Examples
///
/// ```
/// use tongji::{completion, schedule_gap, Period};
/// let r = completion(&"46596万元".parse()?, &"4.4亿元".parse()?)?;
/// let elapsed = "2023年1—10月".parse::<Period>()?.elapsed();
/// assert_eq!(schedule_gap(&r, &elapsed).to_string(), "快于序时进度22.6个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn schedule_gap(completion: &Rate, elapsed: &Rate) -> ScheduleGap {
    let rounding = Rounding::default();
    // Two 1-place figures: the difference is exact and cannot overflow for any rate that a
    // report prints; a saturating difference keeps this total.
    let c = rounding.apply(completion.percent());
    let e = rounding.apply(elapsed.percent());
    let diff = c.checked_sub(e).unwrap_or(if c.is_sign_negative() {
        rust_decimal::Decimal::MIN
    } else {
        rust_decimal::Decimal::MAX
    });
    ScheduleGap {
        points: PercentPoints::from_decimal(diff).rounded(rounding),
    }
}

impl fmt::Display for ScheduleGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self
            .points
            .worded("快于序时进度", "慢于序时进度", "与序时进度持平");
        crate::text::pad(f, &text)
    }
}
