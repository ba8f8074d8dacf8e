//! A problem on a rectification list (整改台账) and where it stands.

use chrono::NaiveDate;

use super::deadline::Deadline;

/// Where a problem stands.
///
/// # Examples
///
/// ```
/// use tongji::ProblemStatus;
/// assert_eq!("已整改".parse::<ProblemStatus>()?, ProblemStatus::Rectified);
/// assert_eq!(ProblemStatus::InProgress.to_string(), "整改中");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProblemStatus {
    /// 已整改 (整改完成).
    Rectified,
    /// 整改中.
    InProgress,
    /// 未整改.
    NotStarted,
}

crate::text::words! {
    /// The Chinese word.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::ProblemStatus;
    /// assert_eq!("整改完成".parse::<ProblemStatus>()?.as_str(), "已整改"); // read in any form, written one way
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ProblemStatus, "a rectification status", "expected 已整改, 整改中 or 未整改",
    {
        Rectified => "已整改" | "整改完成" | "已完成" | "rectified",
        InProgress => "整改中" | "正在整改" | "推进中" | "in progress",
        NotStarted => "未整改" | "未启动" | "not started",
    }
}

/// A problem on a rectification list.
///
/// # Examples
///
/// ```
/// let (list, _) = tongji::Rectification::read_csv("来源,问题,责任单位,状态\n巡察,台账不规范,某局,已整改\n".as_bytes())?;
/// let p = &list.problems()[0];
/// assert_eq!((p.source(), p.description(), p.unit()), ("巡察", "台账不规范", "某局"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    source: String,
    description: String,
    unit: String,
    status: ProblemStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deadline: Option<Deadline>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rectified_on: Option<NaiveDate>,
}

impl Problem {
    /// A problem found by `source` (巡察, 督查, 审计 …), to be rectified by `unit`.
    pub(crate) fn new(
        source: &str,
        description: &str,
        unit: &str,
        status: ProblemStatus,
        deadline: Option<Deadline>,
        rectified_on: Option<NaiveDate>,
    ) -> Problem {
        Problem {
            source: source.trim().to_string(),
            description: description.trim().to_string(),
            unit: unit.trim().to_string(),
            status,
            deadline,
            rectified_on,
        }
    }

    /// Where the problem was found (巡察, 督查, 审计 …).
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,责任单位,状态,整改时限,整改日期\n巡察,“三重一大”决策程序不规范,区财政局,已整改,2021年9月,2021-08-20\n审计,专项资金拨付滞后,区农业农村局,整改中,2021年四季度,\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.problems()[1].source(), "审计");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// What the problem is.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,责任单位,状态,整改时限,整改日期\n巡察,“三重一大”决策程序不规范,区财政局,已整改,2021年9月,2021-08-20\n审计,专项资金拨付滞后,区农业农村局,整改中,2021年四季度,\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.problems()[1].description(), "专项资金拨付滞后");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The unit responsible (责任单位), "" when not given.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,责任单位,状态,整改时限,整改日期\n巡察,“三重一大”决策程序不规范,区财政局,已整改,2021年9月,2021-08-20\n审计,专项资金拨付滞后,区农业农村局,整改中,2021年四季度,\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.problems()[0].unit(), "区财政局");
    /// let (no_unit, _) = tongji::Rectification::read_csv("来源,问题,状态\n督查,台账不全,已整改\n".as_bytes())?;
    /// assert_eq!(no_unit.problems()[0].unit(), ""); // the column is optional
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unit(&self) -> &str {
        &self.unit
    }

    /// Where it stands.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,责任单位,状态,整改时限,整改日期\n巡察,“三重一大”决策程序不规范,区财政局,已整改,2021年9月,2021-08-20\n审计,专项资金拨付滞后,区农业农村局,整改中,2021年四季度,\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// use tongji::ProblemStatus;
    /// assert_eq!(list.problems().iter().map(|p| p.status()).collect::<Vec<_>>(), [ProblemStatus::Rectified, ProblemStatus::InProgress]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> ProblemStatus {
        self.status
    }

    /// The deadline (整改时限), if set.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,责任单位,状态,整改时限,整改日期\n巡察,“三重一大”决策程序不规范,区财政局,已整改,2021年9月,2021-08-20\n审计,专项资金拨付滞后,区农业农村局,整改中,2021年四季度,\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.problems()[1].deadline().unwrap().last_day(), tongji::NaiveDate::from_ymd_opt(2021, 12, 31).unwrap());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn deadline(&self) -> Option<Deadline> {
        self.deadline
    }

    /// The date it was rectified, if recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,责任单位,状态,整改时限,整改日期\n巡察,“三重一大”决策程序不规范,区财政局,已整改,2021年9月,2021-08-20\n审计,专项资金拨付滞后,区农业农村局,整改中,2021年四季度,\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.problems()[0].rectified_on(), tongji::NaiveDate::from_ymd_opt(2021, 8, 20));
    /// assert_eq!(list.problems()[1].rectified_on(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rectified_on(&self) -> Option<NaiveDate> {
        self.rectified_on
    }
}
