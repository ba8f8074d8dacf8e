//! 完成时限: a task's deadline, a date or a period, and the date cells of ledgers.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

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
#[doc(alias = "完成时限")]
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deadline::Date(d) => crate::text::layout::write_padded(f, |w| {
                write!(w, "{}年{}月{}日", d.year(), d.month(), d.day())
            }),
            Deadline::Period(p) => p.fmt(f),
        }
    }
}

/// Parses a date: 2021年12月31日, 2021-12-31, 2021/12/31, 2021.12.31.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let t: String = crate::text::number::normalize(s)
        .into_iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    let t = t
        .strip_suffix('日')
        .or_else(|| t.strip_suffix('号'))
        .unwrap_or(&t);
    let parts: Vec<&str> = t.split(['年', '月', '-', '/', '.']).collect();
    match parts.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
}

/// [`parse_date`] with an error that quotes the cell.
pub(crate) fn parse_date_cell(s: &str) -> Result<NaiveDate> {
    parse_date(s).ok_or_else(|| {
        Error::parse(
            s,
            "a date",
            "expected a date such as 2021年11月30日 or 2021-11-30",
            0,
        )
    })
}

impl FromStr for Deadline {
    type Err = Error;

    /// Parses a date (2021年12月31日, 2021-12-31) or a period (2021年12月, 2021年四季度, 2021年底
    /// = 2021年).
    fn from_str(s: &str) -> Result<Deadline> {
        if let Some(d) = parse_date(s) {
            return Ok(Deadline::Date(d));
        }
        let t = s.trim();
        let t = t
            .strip_suffix("年底")
            .or_else(|| t.strip_suffix("年末"))
            .map_or_else(|| t.to_string(), |y| format!("{y}年"));
        let t = t
            .strip_suffix("底")
            .or_else(|| t.strip_suffix("末"))
            .unwrap_or(&t);
        t.parse::<Period>().map(Deadline::Period).map_err(|_| {
            Error::parse(
                s,
                "a deadline",
                "expected a date (2021年12月31日, 2021-12-31) or a period (2021年12月, 2021年四季度)",
                0,
            )
        })
    }
}

crate::text::serde_via_text!(Deadline);

#[cfg(test)]
mod tests {
    use super::*;

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
