//! 整改台账: problems found (by 巡察, 督查, 审计 …) and whether they are rectified; 整改率.

use std::collections::HashMap;
use std::io::{Read, Write};

use super::problem::{Problem, ProblemStatus};
use super::rate::TaskRate;
use crate::text::wording;
use crate::{CsvOptions, Error, Result, WriteOptions};

/// Counts of a rectification list, overall or of one source.
///
/// # Examples
///
/// ```
/// let (list, _) = tongji::Rectification::read_csv("来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n".as_bytes())?;
/// let c = list.counts();
/// assert_eq!((c.found(), c.rectified(), c.rate().to_string()), (2, 1, "50.0%".to_string()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RawRectificationCounts")]
pub struct RectificationCounts {
    found: u32,
    rectified: u32,
    in_progress: u32,
    not_started: u32,
}

/// Counts as JSON sends them, before they are checked.
#[derive(serde::Deserialize)]
struct RawRectificationCounts {
    found: u32,
    rectified: u32,
    in_progress: u32,
    not_started: u32,
}

impl TryFrom<RawRectificationCounts> for RectificationCounts {
    type Error = crate::Error;

    /// The statuses must add up to the problems found.
    fn try_from(r: RawRectificationCounts) -> crate::Result<RectificationCounts> {
        let sum = r
            .rectified
            .checked_add(r.in_progress)
            .and_then(|s| s.checked_add(r.not_started));
        if sum != Some(r.found) {
            return Err(crate::Error::inconsistent(format_args!(
                "rectification counts: {} rectified, {} in progress and {} not started do not add up to the {} found",
                r.rectified, r.in_progress, r.not_started, r.found
            )));
        }
        Ok(RectificationCounts {
            found: r.found,
            rectified: r.rectified,
            in_progress: r.in_progress,
            not_started: r.not_started,
        })
    }
}

impl RectificationCounts {
    fn add(&mut self, p: &Problem) {
        self.found += 1;
        match p.status() {
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
    /// # let csv = "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n审计,问题三,已整改\n审计,问题四,未整改\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.counts().found(), 4); // 整改问题清单4项
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn found(&self) -> u32 {
        self.found
    }

    /// Problems rectified.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n审计,问题三,已整改\n审计,问题四,未整改\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.counts().rectified(), 2); // 已整改2项
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rectified(&self) -> u32 {
        self.rectified
    }

    /// Problems being rectified.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n审计,问题三,已整改\n审计,问题四,未整改\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.counts().in_progress(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn in_progress(&self) -> u32 {
        self.in_progress
    }

    /// Problems not yet taken up.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n审计,问题三,已整改\n审计,问题四,未整改\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.counts().not_started(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn not_started(&self) -> u32 {
        self.not_started
    }

    /// 整改率 = rectified / found.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n审计,问题三,已整改\n审计,问题四,未整改\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.counts().rate().to_string(), "50.0%"); // 整改率 = 2 / 4
    /// assert_eq!(tongji::RectificationCounts::default().rate().to_string(), "—"); // nothing found: no rate
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[doc(alias = "整改率")]
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

impl Rectification {
    /// The problems, in the order read.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n审计,问题三,已整改\n审计,问题四,未整改\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.problems().len(), 4);
    /// assert_eq!(list.problems()[3].description(), "问题四"); // in the order read
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The counts over all problems.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n审计,问题三,已整改\n审计,问题四,未整改\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// let c = list.counts();
    /// assert_eq!((c.found(), c.rectified(), c.in_progress(), c.not_started()), (4, 2, 1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
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
    /// # let csv = "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n审计,问题三,已整改\n审计,问题四,未整改\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// let by: Vec<(String, String)> = list.by_source().into_iter().map(|(s, c)| (s, c.rate().to_string())).collect();
    /// assert_eq!(by, [("巡察".into(), "50.0%".into()), ("审计".into(), "50.0%".into())]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn by_source(&self) -> Vec<(String, RectificationCounts)> {
        let mut out: Vec<(String, RectificationCounts)> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for p in &self.problems {
            let i = *index.entry(p.source()).or_insert_with(|| {
                out.push((p.source().to_string(), RectificationCounts::default()));
                out.len() - 1
            });
            out[i].1.add(p);
        }
        out
    }

    /// "整改问题清单X项，目前已整改X项，整改率达到X%", as reports write it.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n审计,问题三,已整改\n审计,问题四,未整改\n";
    /// # let (list, _) = tongji::Rectification::read_csv(csv.as_bytes())?;
    /// assert_eq!(list.sentence(), "整改问题清单4项，目前已整改2项，整改率达到50%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sentence(&self) -> String {
        let c = self.counts();
        wording::rectification_sentence(c.found, c.rectified, &c.rate().to_report_text())
    }

    /// Reads a rectification list from CSV: `来源/source`, `问题/problem`, `责任单位/unit`,
    /// `状态/status`, `整改时限/deadline`, `整改日期/rectified`. Bad rows come back with line and
    /// column; the good rows are kept.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::MissingColumn`] when a required column is missing;
    /// [`crate::ErrorKind::Io`] or [`crate::ErrorKind::Csv`] when the input cannot be read.
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
    /// let err = tongji::Rectification::read_csv_with("来源,问题,状态\n巡察,x,好了\n".as_bytes(), &opts).unwrap_err();
    /// assert_eq!(err.location().and_then(|l| l.line()), Some(2));
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        options: &CsvOptions,
    ) -> Result<(Rectification, Vec<Error>)> {
        crate::io::rectification::read(reader, options)
    }

    /// Writes the list as CSV with Chinese headers (来源,问题,责任单位,状态,整改时限,整改日期);
    /// reading it back gives an equal list.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Io`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Rectification, WriteOptions};
    /// let (list, _) = Rectification::read_csv("来源,问题,责任单位,状态,整改时限\n巡察,台账不规范,某局,整改中,2021年四季度\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// list.write_csv(&mut out, &WriteOptions::new())?;
    /// assert_eq!(String::from_utf8(out.clone())?, "来源,问题,责任单位,状态,整改时限,整改日期\n巡察,台账不规范,某局,整改中,2021年四季度,\n");
    /// assert_eq!(Rectification::read_csv(out.as_slice())?.0, list);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W, options: &WriteOptions) -> Result<()> {
        crate::io::rectification::write(self, writer, options)
    }

    pub(crate) fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }
}
