//! 完成时限: a task's deadline, a date or a period, and the date cells of ledgers.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::{Error, Period, Result};

/// 完成时限: a date, or a period whose last day is the deadline ("2021年四季度" → 31 Dec 2021).
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use tongji::Deadline;
/// let d: Deadline = "2021年四季度".parse()?;
/// assert_eq!(d.last_day(), NaiveDate::from_ymd_opt(2021, 12, 31).unwrap());
/// assert_eq!("2021-06-30".parse::<Deadline>()?.to_string(), "2021年6月30日");
/// assert_eq!("2022年2月".parse::<Deadline>()?.last_day(), NaiveDate::from_ymd_opt(2022, 2, 28).unwrap());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Deadline {
    /// A day.
    Date(NaiveDate),
    /// A period: due by its last day.
    Period(Period),
}

impl Deadline {
    /// The last day by which the task is due.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d: tongji::Deadline = "2024年2月".parse()?;
    /// assert_eq!(d.last_day(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_day(&self) -> NaiveDate {
        match self {
            Deadline::Date(d) => *d,
            Deadline::Period(p) => {
                let (year, last) = (p.calendar_year(), u32::from(p.months().1));
                // The first day of the next month, minus one; periods are within years 1..=9999.
                let (ny, nm) = if last == 12 {
                    (year + 1, 1)
                } else {
                    (year, last + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
        }
    }
}

impl fmt::Display for Deadline {
    /// "2021年6月30日" for a date; a period as written ("2021年四季度").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deadline::Date(d) => {
                crate::text::layout::write_padded(f, |w| crate::text::period::write_date(w, *d))
            }
            Deadline::Period(p) => p.fmt(f),
        }
    }
}

/// A date cell of a ledger: 2021年12月31日, 2021-12-31, 2021/12/31, 2021.12.31.
pub(crate) fn parse_date_cell(s: &str) -> Result<NaiveDate> {
    crate::text::period::parse_date(s)
}

impl FromStr for Deadline {
    type Err = Error;

    /// Parses a date (2021年12月31日, 2021-12-31) or a period (2021年12月, 2021年四季度, 2021年底
    /// = 2021年).
    fn from_str(s: &str) -> Result<Deadline> {
        crate::text::period::parse_deadline(s)
    }
}

crate::text::serde_via_text!(Deadline);

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn the_last_day_of_every_period_deadline_is_a_real_date() {
        // The fallback in last_day is never taken for the years a period may be in.
        for year in [1, 2024, 9999] {
            for month in 1..=12 {
                let d = Deadline::Period(Period::month(year, month).unwrap());
                assert_ne!(d.last_day(), NaiveDate::MAX, "{year}-{month}");
                assert_eq!(d.last_day().month(), u32::from(month));
            }
        }
    }
}
