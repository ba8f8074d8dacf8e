//! `TaskRate`: a count done out of a count due — 完成率 of a ledger, 整改率 of a list.

use std::fmt;

use rust_decimal::Decimal;

use crate::text::wording::NONE;
use crate::{Rate, Rounding};

/// A count of something done out of a count that should be: 40 of 40 tasks, 12 of 15 problems.
/// Displays as the rate at 1 place ("100.0%"), or "—" when nothing is counted (never a division
/// by zero).
///
/// # Examples
///
/// ```
/// use tongji::TaskRate;
/// let r = TaskRate::new(40, 44);
/// assert_eq!(r.to_string(), "90.9%");
/// assert_eq!(TaskRate::new(0, 0).to_string(), "—");
/// assert_eq!(TaskRate::new(40, 40).to_report_text(), "100%");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TaskRate {
    done: u32,
    of: u32,
}

impl TaskRate {
    /// `done` out of `of`.
    ///
    /// # Examples
    ///
    /// ```
    /// let r = tongji::TaskRate::new(12, 15); // 整改问题15项，已整改12项
    /// assert_eq!(r.to_string(), "80.0%");
    /// ```
    #[must_use]
    pub const fn new(done: u32, of: u32) -> TaskRate {
        TaskRate { done, of }
    }

    /// How many are done.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,已完成\n经济体制,任务2,发改委,2021年12月,推进中\n".as_bytes())?;
    /// assert_eq!(l.summary().completion_rate().done(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn done(&self) -> u32 {
        self.done
    }

    /// Out of how many (for a ledger's 完成率, the tasks due: deferred and cancelled ones are not).
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态,延期原因\n经济体制,任务1,发改委,2021年12月,已完成,\n经济体制,任务2,发改委,2021年12月,延期,待市级方案\n".as_bytes())?;
    /// assert_eq!(l.summary().completion_rate().of(), 1);
    /// assert_eq!(l.summary().completion_rate_all().of(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn of(&self) -> u32 {
        self.of
    }

    /// `done × 100 / of`, exact; `None` when `of` is 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::TaskRate;
    /// assert_eq!(TaskRate::new(1, 3).rate().unwrap().to_string(), "33.3%");
    /// assert!(TaskRate::new(1, 3).rate().unwrap().percent().to_string().starts_with("33.33333333"));
    /// assert!(TaskRate::new(0, 0).rate().is_none());
    /// ```
    #[must_use]
    pub fn rate(&self) -> Option<Rate> {
        (self.of > 0).then(|| {
            // done and of are u32: the product and quotient always fit a decimal.
            Rate::from_percent(
                Decimal::from(self.done) * Decimal::ONE_HUNDRED / Decimal::from(self.of),
            )
        })
    }

    /// The rate as report sentences print it: whole percentages without decimals ("100%"),
    /// others at 1 place ("90.9%"), "—" when nothing is counted.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::TaskRate;
    /// assert_eq!(TaskRate::new(40, 44).to_report_text(), "90.9%");
    /// assert_eq!(TaskRate::new(22, 44).to_report_text(), "50%");
    /// ```
    #[must_use]
    pub fn to_report_text(&self) -> String {
        match self.rate() {
            None => NONE.to_string(),
            Some(r) => {
                let shown = r.rounded(Rounding::new(1));
                if shown.percent().fract().is_zero() {
                    r.rounded(Rounding::new(0)).to_string()
                } else {
                    shown.to_string()
                }
            }
        }
    }
}

impl fmt::Display for TaskRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.rate() {
            Some(r) => r.fmt(f),
            None => crate::text::layout::pad(f, NONE),
        }
    }
}
