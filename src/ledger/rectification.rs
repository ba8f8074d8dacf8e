//! 整改台账: problems found (by 巡察, 督查, 审计 …) and whether they are rectified; 整改率.

use std::fmt;
use std::io::Read;
use std::str::FromStr;

use chrono::NaiveDate;

use super::TaskRate;
use super::task::{Deadline, parse_date_cell};
use crate::io::columns::{Spec, cell_error, for_each_record, line_of};
use crate::{CsvOptions, Error, Result};

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

impl ProblemStatus {
    /// The Chinese word.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::ProblemStatus::NotStarted.as_str(), "未整改");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ProblemStatus::Rectified => "已整改",
            ProblemStatus::InProgress => "整改中",
            ProblemStatus::NotStarted => "未整改",
        }
    }
}

impl fmt::Display for ProblemStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for ProblemStatus {
    type Err = Error;

    /// Parses 已整改/整改完成/已完成, 整改中/正在整改/推进中, 未整改/未启动, or rectified, in progress,
    /// not started.
    fn from_str(s: &str) -> Result<ProblemStatus> {
        Ok(match s.trim() {
            "已整改" | "整改完成" | "已完成" | "rectified" => ProblemStatus::Rectified,
            "整改中" | "正在整改" | "推进中" | "in progress" => ProblemStatus::InProgress,
            "未整改" | "未启动" | "not started" => ProblemStatus::NotStarted,
            _ => {
                return Err(Error::Parse {
                    input: s.to_string(),
                    expected: "a rectification status",
                    reason: "expected 已整改, 整改中 or 未整改",
                    position: 0,
                });
            }
        })
    }
}

crate::text::serde_via_text!(ProblemStatus);

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
    /// Where the problem was found (巡察, 督查, 审计 …).
    ///
    /// # Examples
    ///
    /// ```
    /// # let (list, _) = tongji::Rectification::read_csv("来源,问题,状态\n审计,x,已整改\n".as_bytes())?;
    /// assert_eq!(list.problems()[0].source(), "审计");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn source(&self) -> &str {
        &self.source
    }

    /// What the problem is.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (list, _) = tongji::Rectification::read_csv("来源,问题,状态\n审计,x,已整改\n".as_bytes())?;
    /// assert_eq!(list.problems()[0].description(), "x");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The unit responsible (责任单位), "" when not given.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (list, _) = tongji::Rectification::read_csv("来源,问题,状态\n审计,x,已整改\n".as_bytes())?;
    /// assert_eq!(list.problems()[0].unit(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit(&self) -> &str {
        &self.unit
    }

    /// Where it stands.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (list, _) = tongji::Rectification::read_csv("来源,问题,状态\n审计,x,整改中\n".as_bytes())?;
    /// assert_eq!(list.problems()[0].status(), tongji::ProblemStatus::InProgress);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> ProblemStatus {
        self.status
    }

    /// The deadline (整改时限), if set.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (list, _) = tongji::Rectification::read_csv("来源,问题,状态,整改时限\n审计,x,整改中,2021年12月\n".as_bytes())?;
    /// assert_eq!(list.problems()[0].deadline().unwrap().to_string(), "2021年12月");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(&self) -> Option<Deadline> {
        self.deadline
    }

    /// The date it was rectified, if recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (list, _) = tongji::Rectification::read_csv("来源,问题,状态,整改日期\n审计,x,已整改,2021-11-30\n".as_bytes())?;
    /// assert_eq!(list.problems()[0].rectified_on().unwrap().to_string(), "2021-11-30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rectified_on(&self) -> Option<NaiveDate> {
        self.rectified_on
    }
}

/// Counts of a rectification list, overall or of one source.
///
/// # Examples
///
/// ```
/// let c = tongji::RectificationCounts::default();
/// assert_eq!((c.found(), c.rectified(), c.in_progress(), c.not_started()), (0, 0, 0, 0));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RectificationCounts {
    found: u32,
    rectified: u32,
    in_progress: u32,
    not_started: u32,
}

impl RectificationCounts {
    fn add(&mut self, p: &Problem) {
        self.found += 1;
        match p.status {
            ProblemStatus::Rectified => self.rectified += 1,
            ProblemStatus::InProgress => self.in_progress += 1,
            ProblemStatus::NotStarted => self.not_started += 1,
        }
    }

    /// Problems found.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::RectificationCounts::default().found(), 0);
    /// ```
    pub fn found(&self) -> u32 {
        self.found
    }

    /// Problems rectified.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::RectificationCounts::default().rectified(), 0);
    /// ```
    pub fn rectified(&self) -> u32 {
        self.rectified
    }

    /// Problems being rectified.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::RectificationCounts::default().in_progress(), 0);
    /// ```
    pub fn in_progress(&self) -> u32 {
        self.in_progress
    }

    /// Problems not yet taken up.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::RectificationCounts::default().not_started(), 0);
    /// ```
    pub fn not_started(&self) -> u32 {
        self.not_started
    }

    /// 整改率 = rectified / found.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::RectificationCounts::default().rate().to_string(), "—");
    /// ```
    pub fn rate(&self) -> TaskRate {
        TaskRate::new(self.rectified, self.found)
    }
}

/// A rectification list (整改台账).
///
/// # Examples
///
/// ```
/// use tongji::Rectification;
/// let csv = "来源,问题,责任单位,状态\n巡察,问题一,甲局,已整改\n巡察,问题二,乙局,整改中\n审计,问题三,丙局,已整改\n";
/// let (list, bad) = Rectification::read_csv(csv.as_bytes())?;
/// assert!(bad.is_empty());
/// assert_eq!(list.counts().rate().to_string(), "66.7%");
/// assert_eq!(list.sentence(), "整改问题清单3项，目前已整改2项，整改率达到66.7%");
/// assert_eq!(list.by_source()[0].0, "巡察");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rectification {
    problems: Vec<Problem>,
}

#[derive(Clone, Copy)]
enum Col {
    Source,
    Problem,
    Unit,
    Status,
    Deadline,
    Rectified,
}

const SPECS: [Spec; 6] = [
    Spec {
        names: &["source", "来源", "问题来源"],
        required: true,
    },
    Spec {
        names: &["problem", "问题", "问题描述"],
        required: true,
    },
    Spec {
        names: &["unit", "责任单位", "整改单位"],
        required: false,
    },
    Spec {
        names: &["status", "状态", "整改情况"],
        required: true,
    },
    Spec {
        names: &["deadline", "整改时限", "完成时限"],
        required: false,
    },
    Spec {
        names: &["rectified", "整改日期", "完成日期"],
        required: false,
    },
];

impl Rectification {
    /// The problems, in the order read.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Rectification::default().problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The counts over all problems.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Rectification::default().counts().found(), 0);
    /// ```
    pub fn counts(&self) -> RectificationCounts {
        let mut c = RectificationCounts::default();
        self.problems.iter().for_each(|p| c.add(p));
        c
    }

    /// The counts of each source, in the order sources first appear.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Rectification::default().by_source().is_empty());
    /// ```
    pub fn by_source(&self) -> Vec<(String, RectificationCounts)> {
        let mut out: Vec<(String, RectificationCounts)> = Vec::new();
        for p in &self.problems {
            match out.iter_mut().find(|(s, _)| *s == p.source) {
                Some((_, c)) => c.add(p),
                None => {
                    let mut c = RectificationCounts::default();
                    c.add(p);
                    out.push((p.source.clone(), c));
                }
            }
        }
        out
    }

    /// "整改问题清单X项，目前已整改X项，整改率达到X%", as reports write it.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Rectification::default().sentence(), "整改问题清单0项，目前已整改0项，整改率达到—");
    /// ```
    pub fn sentence(&self) -> String {
        let c = self.counts();
        format!(
            "整改问题清单{}项，目前已整改{}项，整改率达到{}",
            c.found,
            c.rectified,
            c.rate().to_report_text()
        )
    }

    /// Reads a rectification list from CSV: `来源/source`, `问题/problem`, `责任单位/unit`,
    /// `状态/status`, `整改时限/deadline`, `整改日期/rectified`. Bad rows come back with line and
    /// column; the good rows are kept.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] when a required column is missing or the input cannot be read.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, bad) = tongji::Rectification::read_csv("来源,问题,状态\n巡察,x,好了\n".as_bytes())?;
    /// assert!(l.problems().is_empty());
    /// assert!(bad[0].to_string().starts_with("line 2, column 状态"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<(Rectification, Vec<Error>)> {
        Rectification::read_csv_with(reader, &CsvOptions::new())
    }

    /// [`Rectification::read_csv`], strict when the options say so.
    ///
    /// # Errors
    ///
    /// As [`Rectification::read_csv`]; in strict mode also the first bad row.
    ///
    /// # Examples
    ///
    /// ```
    /// let opts = tongji::CsvOptions::new().strict(true);
    /// assert!(tongji::Rectification::read_csv_with("来源,问题,状态\n巡察,x,好了\n".as_bytes(), &opts).is_err());
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        options: &CsvOptions,
    ) -> Result<(Rectification, Vec<Error>)> {
        let mut list = Rectification::default();
        let mut bad = for_each_record(
            reader,
            &SPECS,
            options.is_strict(),
            |record, layout, line| {
                let field = |c: Col| layout.get(record, c as usize).unwrap_or("");
                let err = |c: Col, e: Error| cell_error(line, layout, c as usize, e);
                let status = field(Col::Status)
                    .parse()
                    .map_err(|e| err(Col::Status, e))?;
                let deadline = match field(Col::Deadline) {
                    "" => None,
                    text => Some(text.parse().map_err(|e| err(Col::Deadline, e))?),
                };
                let rectified_on = match field(Col::Rectified) {
                    "" => None,
                    text => Some(parse_date_cell(text).map_err(|e| err(Col::Rectified, e))?),
                };
                list.problems.push(Problem {
                    source: field(Col::Source).to_string(),
                    description: field(Col::Problem).to_string(),
                    unit: field(Col::Unit).to_string(),
                    status,
                    deadline,
                    rectified_on,
                });
                Ok(())
            },
        )?;
        bad.sort_by_key(line_of);
        Ok((list, bad))
    }
}
