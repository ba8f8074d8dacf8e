//! 序时进度: whether a completion rate is ahead of or behind the share of the year elapsed.

use std::fmt;
use std::str::FromStr;

use crate::text::wording::{self, Change};
use crate::{Error, PercentPoints, Rate, Result};

/// The gap between a completion rate and the share of the year elapsed, from [`schedule_gap`].
///
/// Display: "快于序时进度22.6个百分点", "慢于序时进度0.8个百分点", or "与序时进度持平"; it parses
/// back from the same text (and from "超序时进度X个百分点", which some reports write for 快于).
///
/// # Examples
///
/// ```
/// use tongji::{schedule_gap, Period, ScheduleGap};
/// let elapsed = "2023年1—4月".parse::<Period>()?.elapsed(); // 33.3%
/// let gap = schedule_gap(&"32.5%".parse()?, &elapsed)?;
/// assert_eq!(gap.to_string(), "慢于序时进度0.8个百分点");
/// assert!(!gap.is_on_schedule());
/// assert_eq!("慢于序时进度0.8个百分点".parse::<ScheduleGap>()?, gap);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScheduleGap {
    points: PercentPoints,
}

impl ScheduleGap {
    /// The gap in percentage points: positive ahead of schedule, negative behind.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::schedule_gap;
    /// let gap = schedule_gap(&"105.9%".parse()?, &"83.3%".parse()?)?;
    /// assert_eq!(gap.points().to_string(), "22.6个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
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
    /// assert!(schedule_gap(&"50.0%".parse()?, &half)?.is_on_schedule()); // 时间过半、任务过半
    /// assert!(!schedule_gap(&"49.9%".parse()?, &half)?.is_on_schedule());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_on_schedule(&self) -> bool {
        !self.points.value().is_sign_negative() || self.points.value().is_zero()
    }
}

/// 快于/慢于序时进度: completion − elapsed, in percentage points, by the reports' convention of
/// subtracting the two figures as printed: each as written, or — if computed — rounded to 1 place,
/// half away from zero. So 105.9% − 83.3% = 22.6 (the unrounded gap is 22.5667), and a completion
/// written with two decimals keeps them (82.99% − 75.0% = 7.99).
///
/// # Errors
///
/// [`crate::ErrorKind::Overflow`] when the difference does not fit a decimal.
///
/// # Examples
///
/// ```
/// use tongji::{completion, schedule_gap, Period};
/// // 1至10月完成投资46596万元，占年度任务数的105.9％
/// let r = completion(&"46596万元".parse()?, &"4.4亿元".parse()?)?;
/// let elapsed = "2023年1—10月".parse::<Period>()?.elapsed();
/// assert_eq!(schedule_gap(&r, &elapsed)?.to_string(), "快于序时进度22.6个百分点");
/// let q3 = "2023年前三季度".parse::<Period>()?.elapsed();
/// assert_eq!(schedule_gap(&"82.99%".parse()?, &q3)?.to_string(), "快于序时进度7.99个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn schedule_gap(completion: &Rate, elapsed: &Rate) -> Result<ScheduleGap> {
    let (c, e) = (completion.shown(None), elapsed.shown(None));
    let diff = c
        .checked_sub(e)
        .ok_or_else(|| Error::overflow("schedule gap"))?;
    // The difference of two printed figures stands as a printed figure itself.
    Ok(ScheduleGap {
        points: PercentPoints::from_decimal(diff)
            .as_written()
            .with_precision(crate::value::precision::Precision::written(diff)),
    })
}

impl fmt::Display for ScheduleGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.points.shown(f.precision());
        crate::text::layout::write_padded(f, |w| wording::write_change(w, shown, Change::Schedule))
    }
}

impl FromStr for ScheduleGap {
    type Err = Error;

    /// Parses "快于序时进度22.6个百分点", "超序时进度22.6个百分点", "慢于序时进度0.8个百分点",
    /// "与序时进度持平".
    fn from_str(s: &str) -> Result<ScheduleGap> {
        let text = crate::text::number::compact(s);
        let text = match text.strip_prefix("超序时进度") {
            Some(rest) => format!("快于序时进度{rest}"),
            None => text,
        };
        let points =
            wording::parse_change(&text, Change::Schedule, "a schedule gap").map_err(|_| {
                Error::parse(
                    s,
                    "a schedule gap",
                    "expected 快于序时进度X个百分点, 慢于序时进度X个百分点 or 与序时进度持平",
                    0,
                )
            })?;
        Ok(ScheduleGap { points })
    }
}

// The worded gap is exact: it is the difference of two figures as printed.
crate::text::serde_via_text!(ScheduleGap);
