//! `Period`: the reporting periods of Chinese statistics (年, 上半年, 三季度, 10月, 1—10月, 前三季度)
//! and the share of the year they cover (序时进度).

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::{Error, Rate, Result};

/// How a period is written; it does not change what the period covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Label {
    Year,
    Half,
    Quarter,
    Month,
    ToMonth,
    FirstThreeQuarters,
}

/// A reporting period within one year: the year (2018年), a half (上半年, 下半年), a quarter (三季度),
/// a month (10月), or year-to-date through a month (1—2月, 1—10月, 前三季度 = 1—9月, 上半年 = 1—6月).
///
/// Periods are equal when they cover the same months of the same year, however written:
/// "2023年前三季度" equals "2023年1—9月", and each displays as it was written. Parsing accepts
/// "2023年1—10月", "2023年1-10月", "2023年1至10月", "2023年1～10月", "2023年10月份",
/// "2023年第三季度", "2023年3季度", "2023年度" and fullwidth digits.
///
/// # Examples
///
/// ```
/// use tongji::Period;
/// let p: Period = "2023年1至10月".parse()?;
/// assert_eq!(p.to_string(), "2023年1—10月");
/// assert_eq!(p.elapsed().to_string(), "83.3%");
/// assert_eq!(p.same_period_last_year()?.to_string(), "2022年1—10月");
/// assert_eq!("2023年前三季度".parse::<Period>()?, "2023年1—9月".parse()?);
/// assert_eq!("2023-01/2023-10".parse::<Period>()?.to_string(), "2023年1—10月");
/// assert_eq!("2023-Q3".parse::<Period>()?.to_string(), "2023年三季度");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Period {
    year: i32,
    first: u8,
    last: u8,
    label: Label,
}

/// The last year a period may be in.
pub(crate) const MAX_YEAR: i32 = 9999;

impl Period {
    pub(crate) fn make(year: i32, first: u8, last: u8, label: Label) -> Result<Period> {
        if !(1..=MAX_YEAR).contains(&year) {
            return Err(Error::out_of_range("year", year, "a year from 1 to 9999"));
        }
        Ok(Period {
            year,
            first,
            last,
            label,
        })
    }

    /// The whole year (2018年).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] for a year outside 1..=9999.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Period::year(2018)?.to_string(), "2018年");
    /// assert!(tongji::Period::year(0).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year(year: i32) -> Result<Period> {
        Period::make(year, 1, 12, Label::Year)
    }

    /// The whole year `year`, clamped to the years a period may be in.
    #[cfg(any(feature = "proptest", feature = "arbitrary"))]
    pub(crate) fn year_clamped(year: i32) -> Period {
        Period {
            year: year.clamp(1, MAX_YEAR),
            first: 1,
            last: 12,
            label: Label::Year,
        }
    }

    /// A half: 1 = 上半年 (1—6月), 2 = 下半年 (7—12月).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] for a half other than 1 or 2, or a bad year.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Period::half(2023, 1)?.to_string(), "2023年上半年");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn half(year: i32, half: u8) -> Result<Period> {
        match half {
            1 => Period::make(year, 1, 6, Label::Half),
            2 => Period::make(year, 7, 12, Label::Half),
            _ => Err(Error::out_of_range(
                "half",
                half,
                "1 (上半年) or 2 (下半年)",
            )),
        }
    }

    /// A quarter, 1 to 4 (一季度 … 四季度).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] for a quarter outside 1..=4, or a bad year.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Period::quarter(2023, 3)?.to_string(), "2023年三季度");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quarter(year: i32, quarter: u8) -> Result<Period> {
        if !(1..=4).contains(&quarter) {
            return Err(Error::out_of_range(
                "quarter",
                quarter,
                "a quarter from 1 to 4",
            ));
        }
        Period::make(year, quarter * 3 - 2, quarter * 3, Label::Quarter)
    }

    /// A single month, 1 to 12.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] for a month outside 1..=12, or a bad year.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Period::month(2023, 10)?.to_string(), "2023年10月");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn month(year: i32, month: u8) -> Result<Period> {
        check_month(month)?;
        Period::make(year, month, month, Label::Month)
    }

    /// Year to date through `month` (累计, 1—m月). Through January it is the month 1月.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] for a month outside 1..=12, or a bad year.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Period::year_to_month(2023, 2)?.to_string(), "2023年1—2月");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year_to_month(year: i32, month: u8) -> Result<Period> {
        check_month(month)?;
        let label = if month == 1 {
            Label::Month
        } else {
            Label::ToMonth
        };
        Period::make(year, 1, month, label)
    }

    /// 前三季度: 1—9月, written as 前三季度.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] for a bad year.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Period;
    /// assert_eq!(Period::first_three_quarters(2023)?, Period::year_to_month(2023, 9)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn first_three_quarters(year: i32) -> Result<Period> {
        Period::make(year, 1, 9, Label::FirstThreeQuarters)
    }

    /// The calendar year.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2023年三季度".parse::<tongji::Period>()?.calendar_year(), 2023);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn calendar_year(&self) -> i32 {
        self.year
    }

    /// The first and last month covered (1—10月 → (1, 10); 三季度 → (7, 9)).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2023年三季度".parse::<tongji::Period>()?.months(), (7, 9));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn months(&self) -> (u8, u8) {
        (self.first, self.last)
    }

    /// Whether the period is year to date (starts in January and covers more than one month, or is
    /// the whole year).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Period;
    /// assert!("2023年1—10月".parse::<Period>()?.is_cumulative());
    /// assert!(!"2023年10月".parse::<Period>()?.is_cumulative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_cumulative(&self) -> bool {
        self.first == 1 && self.last > 1
    }

    /// The same period of the previous year (上年同期), written the same way.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] before year 1.
    ///
    /// # Examples
    ///
    /// ```
    /// let p: tongji::Period = "2023年前三季度".parse()?;
    /// assert_eq!(p.same_period_last_year()?.to_string(), "2022年前三季度");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "上年同期")]
    pub fn same_period_last_year(&self) -> Result<Period> {
        Period::make(self.year - 1, self.first, self.last, self.label)
    }

    /// The preceding period of the same kind as written: the previous year, half, quarter or month;
    /// for year to date, the period through the previous month (1—10月 → 1—9月, 1—2月 → 1月), the
    /// 上月累计 that 当月 = 累计 − 上月累计 needs.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] before year 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Period;
    /// let p = |s: &str| s.parse::<Period>();
    /// assert_eq!(p("2023年1月")?.previous()?.to_string(), "2022年12月");
    /// assert_eq!(p("2023年一季度")?.previous()?.to_string(), "2022年四季度");
    /// assert_eq!(p("2023年1—10月")?.previous()?.to_string(), "2023年1—9月");
    /// assert_eq!(p("2023年前三季度")?.previous()?.to_string(), "2023年上半年");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "上期")]
    #[doc(alias = "上月累计")]
    pub fn previous(&self) -> Result<Period> {
        let y = self.year;
        match self.label {
            Label::Year => Period::year(y - 1),
            Label::Half if self.first == 1 => Period::half(y - 1, 2),
            Label::Half => Period::half(y, 1),
            Label::Quarter if self.first == 1 => Period::quarter(y - 1, 4),
            Label::Quarter => Period::quarter(y, self.first / 3),
            Label::Month if self.first == 1 => Period::month(y - 1, 12),
            Label::Month => Period::month(y, self.first - 1),
            Label::ToMonth => Period::year_to_month(y, self.last - 1),
            Label::FirstThreeQuarters => Period::half(y, 1),
        }
    }

    /// 序时进度: the share of the year elapsed at the end of the period, m/12 (a quarter's end q/4);
    /// 1—10月 → 83.3%, 上半年 → 50%, the year → 100%. The rate is exact and displays at 1 place.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Period;
    /// assert_eq!("2023年1—4月".parse::<Period>()?.elapsed().to_string(), "33.3%");
    /// assert_eq!("2023年".parse::<Period>()?.elapsed().to_string(), "100.0%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[doc(alias = "序时进度")]
    pub fn elapsed(&self) -> Rate {
        // last ≤ 12, so last × 100 / 12 cannot overflow.
        Rate::from_percent(Decimal::from(self.last) * Decimal::ONE_HUNDRED / Decimal::from(12))
    }

    fn key(&self) -> (i32, u8, u8) {
        (self.year, self.first, self.last)
    }

    /// The period packed for a column: what it covers as one integer that orders as periods do
    /// (year, first month, last month), and how it is written.
    pub(crate) fn packed(&self) -> (u32, u8) {
        let year = u32::try_from(self.year).unwrap_or(0);
        let key = (year << 8) | (u32::from(self.first & 0xf) << 4) | u32::from(self.last & 0xf);
        let label = match self.label {
            Label::Year => 0,
            Label::Half => 1,
            Label::Quarter => 2,
            Label::Month => 3,
            Label::ToMonth => 4,
            Label::FirstThreeQuarters => 5,
        };
        (key, label)
    }

    /// The period [`Period::packed`] packed.
    pub(crate) fn unpacked(key: u32, label: u8) -> Period {
        Period {
            year: i32::try_from(key >> 8).unwrap_or(0),
            first: ((key >> 4) & 0xf) as u8,
            last: (key & 0xf) as u8,
            label: match label {
                1 => Label::Half,
                2 => Label::Quarter,
                3 => Label::Month,
                4 => Label::ToMonth,
                5 => Label::FirstThreeQuarters,
                _ => Label::Year,
            },
        }
    }

    /// How the period is written.
    pub(crate) fn label(&self) -> Label {
        self.label
    }
}

fn check_month(month: u8) -> Result<()> {
    if (1..=12).contains(&month) {
        Ok(())
    } else {
        Err(Error::out_of_range("month", month, "a month from 1 to 12"))
    }
}

/// 序时进度 by days, for reports that count days: the day of the year / days in the year
/// (365 or 366). 30 June 2024 (a leap year) → 182/366 = 49.7%.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use tongji::elapsed_by_days;
/// let d = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
/// assert_eq!(elapsed_by_days(d).to_string(), "49.7%");
/// let d = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
/// assert_eq!(elapsed_by_days(d).to_string(), "100.0%");
/// ```
#[must_use]
pub fn elapsed_by_days(date: NaiveDate) -> Rate {
    let days_in_year: u32 = if date.leap_year() { 366 } else { 365 };
    Rate::from_percent(
        Decimal::from(date.ordinal()) * Decimal::ONE_HUNDRED / Decimal::from(days_in_year),
    )
}

impl PartialEq for Period {
    /// Equal when the year and the months covered are equal, however written.
    fn eq(&self, other: &Period) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Period {}

impl Hash for Period {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Period) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    /// By year, then first month, then last month.
    fn cmp(&self, other: &Period) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl fmt::Display for Period {
    /// "2023年1—10月", "2023年前三季度", "2023年三季度", "2023年": as the period was written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::layout::write_padded(f, |w| crate::text::period::write_period(w, self))
    }
}

impl FromStr for Period {
    type Err = Error;

    /// Parses "2023年1—10月", "2023年1-10月", "2023年1至10月", "2023年1～10月", "2023年10月份",
    /// "2023年第三季度", "2023年3季度", "2023年上半年", "2023年前三季度", "2023年度", "2023年全年",
    /// with fullwidth digits too; and the ISO-like forms of data exports and JSON: "2023",
    /// "2023-10", "2023-Q3", "2023-H1", "2023-01/2023-10" (year to date), which display in Chinese.
    fn from_str(s: &str) -> Result<Period> {
        crate::text::period::parse_period(s)
    }
}

crate::text::serde_via_text!(Period);

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn elapsed_of_every_month() {
        assert_eq!(p("2023年1—12月").elapsed().percent(), Decimal::ONE_HUNDRED);
        assert_eq!(p("2023年上半年").elapsed().to_string(), "50.0%");
        assert_eq!(p("2023年三季度").elapsed().to_string(), "75.0%");
        assert_eq!(p("2023年1—10月").elapsed().to_string(), "83.3%");
    }

    #[test]
    fn the_first_year_has_no_previous() {
        assert!(Period::year(1).unwrap().previous().is_err());
    }

    #[test]
    fn leap_years_by_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            elapsed_by_days(d(2024, 12, 31)).percent(),
            Decimal::ONE_HUNDRED
        );
        assert_eq!(elapsed_by_days(d(2023, 7, 2)).to_string(), "50.1%"); // 183 / 365
    }
}
