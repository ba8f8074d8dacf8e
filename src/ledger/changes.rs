//! `Changes`: what changed between two monthly snapshots of a ledger.

use std::fmt;

use crate::{Task, TaskStatus};

/// What changed between two monthly snapshots of a ledger (一月一调度): tasks newly completed
/// (销号), newly overdue (挂账, to be sent a 督办单), added, and every status change.
///
/// # Examples
///
/// ```
/// use tongji::{Ledger, NaiveDate};
/// let before = "编号,领域,任务,牵头单位,完成时限,状态\n1,经济体制,任务1,发改委,2021年10月,推进中\n2,经济体制,任务2,发改委,2021年11月,推进中\n";
/// let after = "编号,领域,任务,牵头单位,完成时限,状态\n1,经济体制,任务1,发改委,2021年10月,已完成\n2,经济体制,任务2,发改委,2021年11月,推进中\n";
/// let (last, _) = Ledger::read_csv(before.as_bytes())?;
/// let (now, _) = Ledger::read_csv(after.as_bytes())?;
/// let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
/// let c = now.changes_since(d(12, 31), &last, d(11, 30));
/// assert_eq!(c.completed().iter().map(|t| t.id()).collect::<Vec<_>>(), ["1"]);
/// assert_eq!(c.newly_overdue().iter().map(|t| t.id()).collect::<Vec<_>>(), ["2"]);
/// assert_eq!(c.status_changes()[0].to_string(), "1 任务1: 推进中 → 已完成");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes<'a> {
    pub(super) completed: Vec<&'a Task>,
    pub(super) newly_overdue: Vec<&'a Task>,
    pub(super) status_changes: Vec<StatusChange<'a>>,
    pub(super) added: Vec<&'a Task>,
}

impl<'a> Changes<'a> {
    /// Tasks completed since the last snapshot (销号).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, NaiveDate};
    /// let (a, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n7,d,任务7,u,2021年,推进中\n".as_bytes())?;
    /// let (b, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n7,d,任务7,u,2021年,已销号\n".as_bytes())?;
    /// let d = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    /// assert_eq!(b.changes_since(d, &a, d).completed()[0].title(), "任务7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn completed(&self) -> &[&'a Task] {
        &self.completed
    }

    /// Tasks overdue now that were not overdue (or not there) at the last snapshot (挂账).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, NaiveDate};
    /// let (l, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n7,d,任务7,u,2021年6月,推进中\n".as_bytes())?;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
    /// assert_eq!(l.changes_since(d(7, 1), &l, d(6, 30)).newly_overdue().len(), 1); // due 30 June
    /// assert!(l.changes_since(d(8, 1), &l, d(7, 1)).newly_overdue().is_empty()); // already overdue
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn newly_overdue(&self) -> &[&'a Task] {
        &self.newly_overdue
    }

    /// Every task whose status changed.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, NaiveDate, TaskStatus};
    /// let (a, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n7,d,任务7,u,2021年,未启动\n".as_bytes())?;
    /// let (b, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n7,d,任务7,u,2021年,推进中\n".as_bytes())?;
    /// let d = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    /// let c = b.changes_since(d, &a, d);
    /// assert_eq!((c.status_changes()[0].from(), c.status_changes()[0].task().status()),
    ///            (TaskStatus::NotStarted, TaskStatus::InProgress));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status_changes(&self) -> &[StatusChange<'a>] {
        &self.status_changes
    }

    /// Tasks in this snapshot that were not in the last one.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, NaiveDate};
    /// let (a, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n7,d,任务7,u,2021年,推进中\n".as_bytes())?;
    /// let (b, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n7,d,任务7,u,2021年,推进中\n8,d,任务8,u,2021年,未启动\n".as_bytes())?;
    /// let d = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    /// assert_eq!(b.changes_since(d, &a, d).added()[0].id(), "8");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn added(&self) -> &[&'a Task] {
        &self.added
    }
}

/// A task whose status changed between two snapshots.
///
/// # Examples
///
/// ```
/// use tongji::{Ledger, NaiveDate};
/// let (a, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,推进中\n".as_bytes())?;
/// let (b, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,已完成\n".as_bytes())?;
/// let d = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
/// assert_eq!(b.changes_since(d, &a, d).status_changes()[0].to_string(), "1 任务1: 推进中 → 已完成");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChange<'a> {
    pub(super) task: &'a Task,
    pub(super) from: TaskStatus,
}

impl<'a> StatusChange<'a> {
    /// The task, as it is now.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, NaiveDate};
    /// let (a, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,推进中\n".as_bytes())?;
    /// let (b, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,已完成\n".as_bytes())?;
    /// let d = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    /// assert_eq!(b.changes_since(d, &a, d).status_changes()[0].task().status().as_str(), "已完成");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn task(&self) -> &'a Task {
        self.task
    }

    /// The status it had at the last snapshot.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, NaiveDate, TaskStatus};
    /// let (a, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,推进中\n".as_bytes())?;
    /// let (b, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,已完成\n".as_bytes())?;
    /// let d = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    /// assert_eq!(b.changes_since(d, &a, d).status_changes()[0].from(), TaskStatus::InProgress);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from(&self) -> TaskStatus {
        self.from
    }
}

impl fmt::Display for StatusChange<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} → {}",
            self.task.id(),
            self.task.title(),
            self.from,
            self.task.status()
        )
    }
}
