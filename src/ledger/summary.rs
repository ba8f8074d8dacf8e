//! `Summary`: a ledger's counts, overall and per domain, and the sentence reports print.

use std::io::Write;

use super::counts::Counts;
use super::rate::TaskRate;
use crate::text::wording;
use crate::{Result, WriteOptions};

/// A ledger's summary: overall and per domain (in the order domains first appear).
///
/// # Examples
///
/// ```
/// use tongji::Ledger;
/// let csv = "领域,任务,牵头单位,完成时限,状态,延期原因\n经济体制,优化营商环境,发改委,2021年12月,已完成,\n行政体制,行政复议体制改革,司法局,2021年12月,延期,市级方案未印发\n";
/// let (ledger, bad_rows) = Ledger::read_csv(csv.as_bytes())?;
/// assert!(bad_rows.is_empty());
/// let s = ledger.summary();
/// assert_eq!(s.completion_rate().to_string(), "100.0%");
/// assert_eq!(s.completion_rate_all().to_string(), "50.0%");
/// assert_eq!(s.sentence(), "明确2大领域共计2项改革事项(其中1项延期)，1项全部完成，完成率100%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    overall: Counts,
    domains: Vec<(String, Counts)>,
}

impl Summary {
    pub(super) fn new(overall: Counts, domains: Vec<(String, Counts)>) -> Summary {
        Summary { overall, domains }
    }

    /// The counts over all tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// let (l, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// let all = l.summary().overall();
    /// assert_eq!((all.total(), all.deferred(), all.completed()), (44, 4, 40));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn overall(&self) -> Counts {
        self.overall
    }

    /// The counts of each domain, in the order domains first appear.
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// let (l, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// let s = l.summary();
    /// let (name, c) = &s.domains()[2];
    /// assert_eq!((name.as_str(), c.total(), c.deferred()), ("行政体制", 4, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domains(&self) -> &[(String, Counts)] {
        &self.domains
    }

    /// 完成率 over tasks due.
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// let (l, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(l.summary().completion_rate().to_report_text(), "100%"); // 40 of the 40 due
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[doc(alias = "完成率")]
    pub fn completion_rate(&self) -> TaskRate {
        self.overall.completion_rate()
    }

    /// 完成率 over all tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// let (l, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(l.summary().completion_rate_all().to_string(), "90.9%"); // 40 of all 44
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn completion_rate_all(&self) -> TaskRate {
        self.overall.completion_rate_all()
    }

    /// The report sentence, as seed reports write it: "明确8大领域共计44项改革事项(其中4项延期)，
    /// 40项全部完成，完成率100%" — "全部完成" only when every task due is done, the parenthesis only
    /// when some were deferred or cancelled.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,已完成\n经济体制,任务2,发改委,2021年12月,推进中\n".as_bytes())?;
    /// assert_eq!(l.summary().sentence(), "明确1大领域共计2项改革事项，完成1项，完成率50%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sentence(&self) -> String {
        let c = self.overall;
        wording::ledger_sentence(
            self.domains.len(),
            c.total(),
            c.deferred(),
            c.cancelled(),
            c.completed(),
            c.due(),
            &c.completion_rate().to_report_text(),
        )
    }

    /// The per-domain table as CSV (领域,任务数,已完成,延期,取消,完成率) with a 合计 line, like a
    /// work report's 附件.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Io`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,已完成\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// l.summary().write_csv(&mut out, &tongji::WriteOptions::new())?;
    /// assert_eq!(String::from_utf8(out)?, "领域,任务数,已完成,延期,取消,完成率\n经济体制,1,1,0,0,100.0%\n合计,1,1,0,0,100.0%\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W, options: &WriteOptions) -> Result<()> {
        crate::io::ledger::write_summary(self, writer, options)
    }
}
