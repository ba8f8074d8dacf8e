//! `Counts`: how many tasks of a ledger (or of one domain) stand where.

use super::rate::TaskRate;
use crate::{Task, TaskStatus};

/// Task counts of a ledger or of one domain.
///
/// # Examples
///
/// ```
/// let csv = "领域,任务,牵头单位,完成时限,状态,延期原因\n经济体制,任务1,发改委,2021年12月,已完成,\n行政体制,任务2,司法局,2021年12月,延期,市级方案未印发\n行政体制,任务3,司法局,2021年12月,推进中,\n";
/// let (l, _) = tongji::Ledger::read_csv(csv.as_bytes())?;
/// let c = l.summary().overall();
/// assert_eq!((c.total(), c.completed(), c.deferred(), c.in_progress(), c.due()), (3, 1, 1, 1, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RawCounts")]
pub struct Counts {
    total: u32,
    completed: u32,
    in_progress: u32,
    deferred: u32,
    cancelled: u32,
    not_started: u32,
    institutional: u32,
}

/// Counts as JSON sends them, before they are checked.
#[derive(serde::Deserialize)]
struct RawCounts {
    total: u32,
    completed: u32,
    in_progress: u32,
    deferred: u32,
    cancelled: u32,
    not_started: u32,
    institutional: u32,
}

impl TryFrom<RawCounts> for Counts {
    type Error = crate::Error;

    /// The statuses must add up to the total, and 制度性成果 come from at most that many tasks.
    fn try_from(r: RawCounts) -> crate::Result<Counts> {
        let sum = [
            r.completed,
            r.in_progress,
            r.deferred,
            r.cancelled,
            r.not_started,
        ]
        .iter()
        .try_fold(0u32, |a, b| a.checked_add(*b));
        if sum != Some(r.total) {
            return Err(crate::Error::inconsistent(format_args!(
                "task counts: {} completed, {} in progress, {} deferred, {} cancelled and {} not started do not add up to the total {}",
                r.completed, r.in_progress, r.deferred, r.cancelled, r.not_started, r.total
            )));
        }
        if r.institutional > r.total {
            return Err(crate::Error::inconsistent(format_args!(
                "task counts: {} institutional results from {} tasks",
                r.institutional, r.total
            )));
        }
        Ok(Counts {
            total: r.total,
            completed: r.completed,
            in_progress: r.in_progress,
            deferred: r.deferred,
            cancelled: r.cancelled,
            not_started: r.not_started,
            institutional: r.institutional,
        })
    }
}

impl Counts {
    pub(super) fn add(&mut self, task: &Task) {
        self.total += 1;
        match task.status() {
            TaskStatus::Completed => self.completed += 1,
            TaskStatus::InProgress => self.in_progress += 1,
            TaskStatus::Deferred => self.deferred += 1,
            TaskStatus::Cancelled => self.cancelled += 1,
            TaskStatus::NotStarted => self.not_started += 1,
        }
        if task.is_institutional() {
            self.institutional += 1;
        }
    }

    /// All tasks, whatever their status.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv")).as_slice())?;
    /// assert_eq!(l.summary().overall().total(), 44); // seed 004: 44项改革事项
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn total(&self) -> u32 {
        self.total
    }

    /// 已完成.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv")).as_slice())?;
    /// assert_eq!(l.summary().overall().completed(), 40); // 40项全部完成
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn completed(&self) -> u32 {
        self.completed
    }

    /// 推进中.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,进行中\n".as_bytes())?;
    /// assert_eq!(l.summary().overall().in_progress(), 1); // 进行中 is read as 推进中
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn in_progress(&self) -> u32 {
        self.in_progress
    }

    /// 延期: deferred with approval, out of the denominator of 完成率.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv")).as_slice())?;
    /// assert_eq!(l.summary().overall().deferred(), 4); // 其中4项改革事项申请延期
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn deferred(&self) -> u32 {
        self.deferred
    }

    /// 取消: cancelled, out of the denominator of 完成率.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态,延期原因\n经济体制,任务1,发改委,2021年12月,已取消,上级政策调整\n".as_bytes())?;
    /// let c = l.summary().overall();
    /// assert_eq!((c.cancelled(), c.due()), (1, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cancelled(&self) -> u32 {
        self.cancelled
    }

    /// 未启动.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,未开始\n".as_bytes())?;
    /// assert_eq!(l.summary().overall().not_started(), 1); // 未开始 is read as 未启动
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn not_started(&self) -> u32 {
        self.not_started
    }

    /// Completed tasks whose outcome form is 制度性成果.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv")).as_slice())?;
    /// assert_eq!(l.summary().overall().institutional(), 33); // 出台制度性成果33项
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn institutional(&self) -> u32 {
        self.institutional
    }

    /// Tasks due: total − deferred − cancelled (the denominator of 完成率).
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv")).as_slice())?;
    /// assert_eq!(l.summary().overall().due(), 40); // 44 − 4 deferred
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn due(&self) -> u32 {
        self.total - self.deferred - self.cancelled
    }

    /// 完成率 over tasks due: completed / (total − deferred − cancelled).
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv")).as_slice())?;
    /// assert_eq!(l.summary().overall().completion_rate().to_string(), "100.0%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[doc(alias = "完成率")]
    pub fn completion_rate(&self) -> TaskRate {
        TaskRate::new(self.completed, self.due())
    }

    /// 完成率 over all tasks: completed / total, shown beside the other so nobody is misled.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv")).as_slice())?;
    /// assert_eq!(l.summary().overall().completion_rate_all().to_string(), "90.9%"); // 40 / 44
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn completion_rate_all(&self) -> TaskRate {
        TaskRate::new(self.completed, self.total)
    }
}
